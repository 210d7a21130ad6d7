"""Use case: the result of one election round from a votes table (the offline calculator).

Input: the counts file of the counting committee (CSV text, columns ``name,votes`` in ballot
order), the number to elect, the kind of congress with the number convened and the counts taken
out of the base (EL-19, EL-20, EL-21), the ballots issued, collected and invalid, and the
rulebook (by id, or the one in force on the date, GEN-01). Output: the
:class:`~canbo.core.elections.results.ElectionResult` of :mod:`canbo.core.elections`, refused
when a check of the counting minutes fails (EL-30). Pure: no Django, no file I/O (the management
command reads the file). The JSON form is stable and is documented in ``docs/elections.md``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from canbo.core.ballots.catalog import default_registry
from canbo.core.ballots.params import ParamValue
from canbo.core.ballots.rulebooks import Body, Domain, Rulebook, RulebookRegistry
from canbo.core.elections.checks import BallotFigures, CandidateVotes
from canbo.core.elections.denominator import denominator_from_counts
from canbo.core.elections.model import CongressKind, ElectionKind, Subtraction
from canbo.core.elections.results import ElectionResult, compute_election
from canbo.core.errors import (
    Citation,
    ImportRejected,
    NotFound,
    RowError,
    RuleViolation,
    ValidationError,
)
from canbo.core.formulas import neutralize

COLUMNS = ("name", "votes")
DEFAULT_KIND = {
    CongressKind.CELL: ElectionKind.CELL_COMMITTEE,
    CongressKind.MEMBERS: ElectionKind.COMMITTEE,
    CongressKind.DELEGATES: ElectionKind.COMMITTEE,
    CongressKind.CONFERENCE: ElectionKind.STANDING_COMMITTEE,
}
"""The election assumed when none is named: the committee, or the standing committee at a
committee's conference; with alternate seats, the delegates to the higher congress."""


def bilingual_error(code: str, vi: str, en: str, **fields: Any) -> ValidationError:
    """A refusal with both Vietnamese and English text, for offline CLI use."""
    return ValidationError(code, en, message_vi=vi, message_en=en, **fields)


@dataclass(frozen=True, slots=True)
class CountsRow:
    row: int  # 1-based line in the file; the header is row 1
    name: str
    votes: int


@dataclass(frozen=True)
class ElectionCalculatorRequest:
    counts_text: str
    seats: int
    congress: CongressKind
    convened: int
    issued: int
    collected: int
    invalid: int
    subtractions: Mapping[Subtraction, int] = field(default_factory=dict)
    vote_date: dt.date | None = None
    rulebook_id: str | None = None
    kind: ElectionKind | None = None
    alternate_seats: int = 0
    parameters: Mapping[str, ParamValue] = field(default_factory=dict)


@dataclass(frozen=True)
class ElectionCalculation:
    request: ElectionCalculatorRequest
    rows: tuple[CountsRow, ...]
    result: ElectionResult


def _row_error(row: int, column: str, code: str, vi: str, en: str, value: str = "") -> RowError:
    return RowError(row, column, code, vi, en, value)


def _header(fields: list[str]) -> list[RowError]:
    names = [f.strip().lower() for f in fields]
    errors = [
        _row_error(1, c, "missing_column", f"Thiếu cột {c}.", f"Missing column {c}.")
        for c in COLUMNS
        if c not in names
    ]
    for name in names:
        if name not in COLUMNS:
            vi, en = f"Cột lạ {name!r}.", f"Unknown column {name!r}."
            errors.append(_row_error(1, name, "unknown_column", vi, en))
    if len(set(names)) != len(names):
        errors.append(_row_error(1, "", "duplicate_column", "Cột bị lặp.", "Duplicate column."))
    return errors


def _votes(row: int, raw: str, errors: list[RowError]) -> int | None:
    text = raw.strip()
    if text.isdigit() and text.isascii():
        return int(text)
    if text.startswith("-") and text[1:].isdigit():
        vi, en, code = "Số không được âm.", "The number must not be negative.", "negative_number"
    else:
        vi, en, code = "Không phải số nguyên.", "Not a whole number.", "not_an_integer"
    errors.append(_row_error(row, "votes", code, vi, en, raw))
    return None


def parse_counts(text: str) -> list[CountsRow]:
    """Parse the votes table (UTF-8, BOM tolerated); every bad row is reported at once.

    Raises :class:`ImportRejected` naming the row and column of a malformed row, an empty name,
    a negative or non-integer vote count, or a name given twice (the result names people).
    """
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff")))
    header = next(reader, None)
    if header is None:
        raise ImportRejected([_row_error(1, "", "empty_file", "Tệp rỗng.", "The file is empty.")])
    errors = _header(header)
    if errors:
        raise ImportRejected(errors)
    names = [f.strip().lower() for f in header]
    rows: list[CountsRow] = []
    seen: dict[str, int] = {}
    for cells in reader:
        row = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(names):
            vi = f"Dòng có {len(cells)} cột, cần {len(names)}."
            en = f"The row has {len(cells)} fields, expected {len(names)}."
            errors.append(_row_error(row, "", "wrong_field_count", vi, en, ",".join(cells)))
            continue
        record = dict(zip(names, cells, strict=True))
        name = " ".join(record["name"].split())
        votes = _votes(row, record["votes"], errors)
        if not name:
            errors.append(_row_error(row, "name", "empty_name", "Thiếu họ tên.", "Name is empty."))
        elif name.casefold() in seen:
            first = seen[name.casefold()]
            vi = f"Họ tên {name} đã có ở dòng {first}."
            en = f"The name {name} is already on row {first}."
            errors.append(_row_error(row, "name", "duplicate_name", vi, en, name))
        else:
            seen[name.casefold()] = row
        if votes is not None and name:
            rows.append(CountsRow(row, name, votes))
    if not rows and not errors:
        errors.append(_row_error(2, "", "no_rows", "Không có dòng dữ liệu.", "No data rows."))
    if errors:
        raise ImportRejected(errors, total_rows=len(rows))
    return rows


def select_rulebook(
    request: ElectionCalculatorRequest, registry: RulebookRegistry | None = None
) -> Rulebook:
    """By id, or the Party election rulebook in force on the date (GEN-01), with overrides."""
    books = registry or default_registry()
    if request.rulebook_id:
        try:
            book = books.get(request.rulebook_id)
        except NotFound:
            known = ", ".join(b.rulebook_id for b in books.all() if b.domain is _ELECTION)
            raise bilingual_error(
                "unknown_rulebook",
                f"Không có bộ quy tắc {request.rulebook_id!r}. Có: {known}.",
                f"No rulebook {request.rulebook_id!r}. Known: {known}.",
            ) from None
        if book.domain is not _ELECTION:
            raise bilingual_error(
                "wrong_rulebook_domain",
                f"{book.document} không phải quy chế bầu cử trong Đảng.",
                f"{book.document} is not a Party election regulation.",
                rulebook=book.rulebook_id,
            )
    elif request.vote_date is not None:
        try:
            book = books.select(Body.PARTY, request.vote_date, _ELECTION)
        except NotFound:
            day = request.vote_date
            raise bilingual_error(
                "no_rulebook_in_force",
                f"Không có quy chế bầu cử nào có hiệu lực vào ngày {day:%d/%m/%Y}.",
                f"No Party election regulation is in force on {day.isoformat()}.",
            ) from None
    else:
        raise bilingual_error(
            "rulebook_required",
            "Cần --rulebook ID hoặc --date YYYY-MM-DD.",
            "Give --rulebook ID or --date YYYY-MM-DD.",
        )
    return book.with_parameters(**request.parameters) if request.parameters else book


_ELECTION = Domain.PARTY_ELECTION


def election_kind(request: ElectionCalculatorRequest) -> ElectionKind:
    """The election named, else delegates when alternate seats are given, else the default."""
    if request.kind is not None:
        return request.kind
    if request.alternate_seats:
        return ElectionKind.DELEGATES
    return DEFAULT_KIND[request.congress]


def calculate_election(
    request: ElectionCalculatorRequest,
    registry: RulebookRegistry | None = None,
    *,
    refuse_blocking: bool = True,
) -> ElectionCalculation:
    """Compute the round's result; refuse bad input, and (by default) counts that do not
    reconcile (EL-30: ``election_counts_do_not_reconcile`` naming each failed check)."""
    rulebook = select_rulebook(request, registry)
    rows = parse_counts(request.counts_text)
    base = denominator_from_counts(
        request.congress, request.convened, request.subtractions, rulebook=rulebook
    )
    valid = max(request.collected - request.invalid, 0)
    figures = BallotFigures(request.issued, request.collected, valid, request.invalid)
    result = compute_election(
        rulebook,
        election_kind(request),
        request.seats,
        base,
        figures,
        [CandidateVotes(r.name, r.votes) for r in rows],
        alternate_seats=request.alternate_seats,
    )
    if refuse_blocking and result.blocking:
        failed = result.blocking
        raise RuleViolation(
            "election_counts_do_not_reconcile",
            citation=Citation(rulebook.document, rule_id="EL-30"),
            checks=[c.rule for c in failed],
            messages=[c.message for c in failed],
            details=[dict(c.fields) for c in failed],
        )
    return ElectionCalculation(request, tuple(rows), result)


def to_dict(calc: ElectionCalculation) -> dict[str, Any]:
    """The stable JSON form: the result's own form plus the inputs as given."""
    req = calc.request
    return {
        **calc.result.as_dict(),
        "inputs": {
            "congress": str(req.congress),
            "date": req.vote_date.isoformat() if req.vote_date else None,
            "seats": req.seats,
            "alternate_seats": req.alternate_seats,
            "convened": req.convened,
            "subtractions": {str(k): v for k, v in req.subtractions.items() if v},
            "issued": req.issued,
            "collected": req.collected,
            "invalid": req.invalid,
        },
    }


def render_json(calc: ElectionCalculation) -> str:
    """The JSON form, UTF-8 text (Vietnamese kept as is)."""
    return json.dumps(to_dict(calc), ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = (
    "order", "name", "votes", "percent", "percent_text", "over_half", "elected", "alternate",
    "tied", "denominator", "min_votes", "citation", "rulebook",
)  # fmt: skip


def render_csv(calc: ElectionCalculation) -> str:
    """One row per candidate in ballot order (UTF-8; ``true``/``false`` flags)."""
    result = calc.result
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    flag = {True: "true", False: "false"}
    for line in result.candidates:
        # Names are typed by people: escaped so no spreadsheet evaluates them.
        writer.writerow([
            line.order, neutralize(line.name), line.votes, format(line.percent, "f"),
            line.percent_text, flag[line.over_half], flag[line.elected], flag[line.alternate],
            flag[line.tied], result.denominator.value, result.min_votes, str(line.citation),
            result.rulebook_id,
        ])  # fmt: skip
    return out.getvalue()
