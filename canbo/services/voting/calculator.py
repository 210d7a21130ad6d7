"""Use case: official confidence-vote results from a per-person counts table.

Input: the counts table of the counting committee's minutes (CSV text, columns
``order,name,position,high,mid,low`` and optional ``invalid``), the session figures and either a
rulebook id or a body and a vote date (GEN-01). Output: one result line per person with counts,
percentages on the denominator the rulebook names (CV-16, NA-12), the band decided on integer
counts (CV-17..CV-19, NA-08..NA-14) and its consequences, each with its citation. Pure: no
Django, no file I/O (the management command reads the file). The JSON form is stable and is
documented in ``docs/confidence-results.md``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from canbo.core.ballots.ballot import ConfidenceLevel
from canbo.core.ballots.catalog import default_registry
from canbo.core.ballots.params import ParamValue
from canbo.core.ballots.quorum import ConvenedRoll, QuorumCheck, check_quorum
from canbo.core.ballots.results import (
    PersonCounts,
    PersonResult,
    SessionFigures,
    compute_person,
    require_specified,
    required_figures,
)
from canbo.core.ballots.rulebooks import Body, Regime, Rulebook, RulebookRegistry
from canbo.core.errors import ImportRejected, NotFound, RowError, RuleViolation, ValidationError
from canbo.core.formulas import neutralize

FORMAT_VERSION = 1
REQUIRED_COLUMNS = ("order", "name", "position", "high", "mid", "low")
OPTIONAL_COLUMNS = ("invalid",)
COUNT_COLUMNS = ("high", "mid", "low", "invalid")
SUM_COLUMN = "high+mid+low+invalid"
LEVELS = (ConfidenceLevel.HIGH, ConfidenceLevel.MID, ConfidenceLevel.LOW)

# figure name -> (CLI flag, Vietnamese description, English description)
FIGURES = {
    "issued": ("--issued", "số phiếu phát ra", "ballots issued"),
    "collected": ("--collected", "số phiếu thu về", "ballots collected"),
    "convened": ("--convened", "số người được triệu tập", "persons convened"),
    "members": ("--members", "tổng số đại biểu đương nhiệm", "total deputies in office"),
}


def bilingual_error(code: str, vi: str, en: str, **fields: Any) -> ValidationError:
    """A refusal with both Vietnamese and English text, for offline CLI use."""
    return ValidationError(code, en, message_vi=vi, message_en=en, **fields)


@dataclass(frozen=True, slots=True)
class CountsRow:
    row: int  # 1-based line in the file; the header is row 1
    order: int
    name: str
    position: str
    counts: PersonCounts


@dataclass(frozen=True)
class CalculatorRequest:
    counts_text: str
    rulebook_id: str | None = None
    body: str | None = None
    vote_date: dt.date | None = None
    figures: SessionFigures = field(default_factory=SessionFigures)
    parameters: Mapping[str, ParamValue] = field(default_factory=dict)


@dataclass(frozen=True)
class PersonLine:
    source: CountsRow
    result: PersonResult


@dataclass(frozen=True)
class CalculatorResult:
    rulebook: Rulebook
    request: CalculatorRequest
    persons: tuple[PersonLine, ...]
    quorum: QuorumCheck | None


def parse_body(text: str) -> Body:
    """``party``, ``national-assembly`` or ``peoples-council`` (hyphens or underscores)."""
    try:
        return Body(text.strip().lower().replace("-", "_"))
    except ValueError:
        raise bilingual_error(
            "unknown_body",
            f"Không rõ cơ quan {text!r}: dùng party, national-assembly hoặc peoples-council.",
            f"Unknown body {text!r}: use party, national-assembly or peoples-council.",
            body=text,
        ) from None


def select_rulebook(request: CalculatorRequest, registry: RulebookRegistry) -> Rulebook:
    """By id, or by body and vote date (GEN-01, GEN-02), then with parameter overrides."""
    if request.rulebook_id:
        book = _known(registry, request.rulebook_id)
    elif request.body and request.vote_date:
        book = _in_force(registry, parse_body(request.body), request.vote_date)
    else:
        raise bilingual_error(
            "rulebook_required",
            "Cần --rulebook ID, hoặc --body cùng --date YYYY-MM-DD.",
            "Give --rulebook ID, or --body together with --date YYYY-MM-DD.",
        )
    return book.with_parameters(**request.parameters) if request.parameters else book


def _known(registry: RulebookRegistry, rulebook_id: str) -> Rulebook:
    try:
        return registry.get(rulebook_id)
    except NotFound:
        known = ", ".join(b.rulebook_id for b in registry.all())
        raise bilingual_error(
            "unknown_rulebook",
            f"Không có bộ quy tắc {rulebook_id!r}. Có: {known}.",
            f"No rulebook {rulebook_id!r}. Known: {known}.",
        ) from None


def _in_force(registry: RulebookRegistry, body: Body, on: dt.date) -> Rulebook:
    try:
        return registry.select(body, on)
    except NotFound:
        raise bilingual_error(
            "no_rulebook_in_force",
            f"Không có quy định nào có hiệu lực cho {body} vào ngày {on:%d/%m/%Y}.",
            f"No rulebook is in force for {body} on {on.isoformat()}.",
        ) from None


def require_rulebook_specified(rulebook: Rulebook) -> None:
    """Refuse, in both languages, a rulebook the handbook names but does not describe."""
    try:
        require_specified(rulebook)
    except RuleViolation:
        raise bilingual_error(
            "rulebook_not_specified",
            f"{rulebook.document} chưa được mô tả trong sổ tay nghiệp vụ; không tính kết quả.",
            f"{rulebook.document} is not described in the handbook; results are not computed.",
            rulebook=rulebook.rulebook_id,
        ) from None


def _row_error(row: int, column: str, code: str, vi: str, en: str, value: str = "") -> RowError:
    return RowError(row, column, code, vi, en, value)


def _header(fields: list[str]) -> tuple[list[str], list[RowError]]:
    names = [f.strip().lower() for f in fields]
    errors = [
        _row_error(1, c, "missing_column", f"Thiếu cột {c}.", f"Missing column {c}.")
        for c in REQUIRED_COLUMNS
        if c not in names
    ]
    for name in names:
        if name not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
            errors.append(
                _row_error(
                    1, name, "unknown_column", f"Cột lạ {name!r}.", f"Unknown column {name!r}."
                )
            )
    if len(set(names)) != len(names):
        errors.append(_row_error(1, "", "duplicate_column", "Cột bị lặp.", "Duplicate column."))
    return names, errors


def _integer(row: int, column: str, raw: str, errors: list[RowError]) -> int | None:
    text = raw.strip()
    if text.isdigit() and text.isascii():
        return int(text)
    if text.startswith("-") and text[1:].isdigit():
        vi, en, code = "Số không được âm.", "The number must not be negative.", "negative_number"
    else:
        vi, en, code = "Không phải số nguyên.", "Not a whole number.", "not_an_integer"
    errors.append(_row_error(row, column, code, vi, en, raw))
    return None


def _parse_record(row: int, record: dict[str, str], errors: list[RowError]) -> CountsRow | None:
    before = len(errors)
    values = {
        c: _integer(row, c, record[c], errors)
        for c in COUNT_COLUMNS
        if c in record and not (c == "invalid" and not record[c].strip())
    }
    order = _integer(row, "order", record["order"], errors)
    name = record["name"].strip()
    if not name:
        errors.append(_row_error(row, "name", "empty_name", "Thiếu họ tên.", "Name is empty."))
    if len(errors) > before or order is None:
        return None
    high, mid, low = (values[c] or 0 for c in ("high", "mid", "low"))
    counts = PersonCounts(high, mid, low, values.get("invalid"))
    return CountsRow(row, order, name, record["position"].strip(), counts)


def parse_counts(text: str) -> list[CountsRow]:
    """Parse the counts table (UTF-8, BOM tolerated); every bad cell is reported at once.

    Raises :class:`ImportRejected` naming row and column for a malformed row, a negative or
    non-integer count, or a duplicate ``order``.
    """
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff")))
    header = next(reader, None)
    if header is None:
        err = _row_error(1, "", "empty_file", "Tệp rỗng.", "The file is empty.")
        raise ImportRejected([err])
    names, errors = _header(header)
    if errors:
        raise ImportRejected(errors)
    rows: list[CountsRow] = []
    for cells in reader:
        row = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(names):
            vi = f"Dòng có {len(cells)} cột, cần {len(names)}."
            en = f"The row has {len(cells)} fields, expected {len(names)}."
            errors.append(_row_error(row, "", "wrong_field_count", vi, en, ",".join(cells)))
            continue
        parsed = _parse_record(row, dict(zip(names, cells, strict=True)), errors)
        if parsed is not None:
            rows.append(parsed)
    errors.extend(_duplicate_orders(rows))
    if not rows and not errors:
        errors.append(_row_error(2, "", "no_rows", "Không có dòng dữ liệu.", "No data rows."))
    if errors:
        raise ImportRejected(errors, total_rows=len(rows))
    return rows


def _duplicate_orders(rows: list[CountsRow]) -> list[RowError]:
    seen: set[int] = set()
    errors = []
    for r in rows:
        if r.order in seen:
            vi, en = f"Số thứ tự {r.order} bị lặp.", f"Order {r.order} appears twice."
            errors.append(_row_error(r.row, "order", "duplicate_order", vi, en, str(r.order)))
        seen.add(r.order)
    return errors


def check_inputs(rulebook: Rulebook, figures: SessionFigures) -> None:
    """Name every session figure the rulebook needs and was not given (CV-16, NA-12)."""
    require_rulebook_specified(rulebook)
    missing = [n for n in required_figures(rulebook) if figures.value(n) is None]
    if missing:
        flags = ", ".join(FIGURES[n][0] for n in missing)
        vi = "; ".join(f"{FIGURES[n][0]} ({FIGURES[n][1]})" for n in missing)
        en = "; ".join(f"{FIGURES[n][0]} ({FIGURES[n][2]})" for n in missing)
        raise bilingual_error(
            "missing_inputs",
            f"{rulebook.document} cần thêm: {vi}.",
            f"{rulebook.document} needs: {en}.",
            missing=[FIGURES[n][0] for n in missing],
            rulebook=rulebook.rulebook_id,
            flags=flags,
        )
    issued, collected = figures.issued, figures.collected
    if issued is not None and collected is not None and collected > issued:
        raise bilingual_error(
            "collected_exceeds_issued",
            f"Số phiếu thu về ({collected}) lớn hơn số phiếu phát ra ({issued}).",
            f"Ballots collected ({collected}) exceed ballots issued ({issued}).",
        )


def _exceeds(rows: list[CountsRow], figures: SessionFigures) -> list[RowError]:
    errors = []
    for r in rows:
        for name, limit in (("collected", figures.collected), ("members", figures.members)):
            if limit is not None and r.counts.marked > limit:
                _, vi_name, en_name = FIGURES[name]
                vi = f"Tổng {r.counts.marked} vượt quá {vi_name} ({limit})."
                en = f"The sum {r.counts.marked} exceeds the {en_name} ({limit})."
                code = f"counts_exceed_{name}"
                errors.append(_row_error(r.row, SUM_COLUMN, code, vi, en, str(r.counts.marked)))
    return errors


def _quorum(rulebook: Rulebook, figures: SessionFigures) -> QuorumCheck | None:
    """CV-07, when the convened number is given: present is taken as ballots issued."""
    if rulebook.regime is not Regime.QD96 or figures.convened is None:
        return None
    if figures.issued is None or figures.issued > figures.convened:
        return None
    return check_quorum(figures.issued, ConvenedRoll(figures.convened), rulebook)


def calculate(
    request: CalculatorRequest, registry: RulebookRegistry | None = None
) -> CalculatorResult:
    """Compute the official results table; refuse bad input before computing anything."""
    rulebook = select_rulebook(request, registry or default_registry())
    require_rulebook_specified(rulebook)
    rows = parse_counts(request.counts_text)
    check_inputs(rulebook, request.figures)
    exceed = _exceeds(rows, request.figures)
    if exceed:
        raise ImportRejected(exceed, total_rows=len(rows))
    persons = tuple(
        PersonLine(r, compute_person(rulebook, request.figures, r.counts)) for r in rows
    )
    return CalculatorResult(rulebook, request, persons, _quorum(rulebook, request.figures))


def person_dict(line: PersonLine) -> dict[str, Any]:
    src, res = line.source, line.result
    return {
        "order": src.order,
        "name": src.name,
        "position": src.position,
        "counts": {
            "high": src.counts.high,
            "mid": src.counts.mid,
            "low": src.counts.low,
            "invalid": res.invalid,
            "valid": src.counts.valid,
            "unresolved": res.unresolved,
        },
        "invalid_given": src.counts.invalid is not None,
        "percent": {str(lv): float(res.percent[lv]) for lv in LEVELS},
        "percent_text": {str(lv): res.percent_text[lv] for lv in LEVELS},
        "percent_denominator": {
            "kind": str(res.percent_kind),
            "value": res.percent_denominator,
            "citation": res.percent_citation.as_dict(),
        },
        **res.band.as_dict(),
    }


def to_dict(result: CalculatorResult) -> dict[str, Any]:
    """The stable JSON form (``format_version`` 1; docs/confidence-results.md)."""
    req, figures = result.request, result.request.figures
    quorum = result.quorum
    return {
        "format_version": FORMAT_VERSION,
        "rulebook": result.rulebook.as_dict(),
        "inputs": {
            "body": req.body,
            "date": req.vote_date.isoformat() if req.vote_date else None,
            "issued": figures.issued,
            "collected": figures.collected,
            "convened": figures.convened,
            "members": figures.members,
        },
        "quorum": None if quorum is None else {**quorum.as_dict(), "present_from": "issued"},
        "persons": [person_dict(p) for p in result.persons],
    }


def render_json(result: CalculatorResult) -> str:
    """The JSON form, UTF-8 text (Vietnamese kept as is)."""
    return json.dumps(to_dict(result), ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = (
    "order", "name", "position", "high", "mid", "low", "invalid", "valid",
    "pct_high", "pct_mid", "pct_low", "pct_high_text", "pct_mid_text", "pct_low_text",
    "percent_denominator", "band", "band_denominator", "consequences", "citation",
    "unconfirmed", "rulebook",
)  # fmt: skip


def render_csv(result: CalculatorResult) -> str:
    """The same table flattened, one row per person (UTF-8; consequence codes joined by ``;``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for line in result.persons:
        d = person_dict(line)
        counts, pct, text = d["counts"], d["percent"], d["percent_text"]
        # Names and positions are typed by people: escaped so no spreadsheet evaluates them.
        writer.writerow([
            d["order"], neutralize(d["name"]), neutralize(d["position"]),
            counts["high"], counts["mid"], counts["low"],
            counts["invalid"], counts["valid"], pct["high"], pct["mid"], pct["low"],
            text["high"], text["mid"], text["low"], d["percent_denominator"]["value"],
            d["band"], d["band_denominator"]["value"],
            ";".join(c["code"] for c in d["consequences"]), d["band_citation"]["text"],
            ";".join(d["unconfirmed"]), result.rulebook.rulebook_id,
        ])  # fmt: skip
    return out.getvalue()
