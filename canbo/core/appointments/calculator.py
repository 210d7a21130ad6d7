"""The offline eligibility calculator: one CSV row per person and proposed step, checked under
the rulebook in force on one date (``canbo appointment check``, docs/appointments.md).

:func:`parse_people` reads the rows (``csv.DictReader`` dicts) into facts and proposals and
refuses the whole file, naming every bad row and column in Vietnamese and English
(:class:`~canbo.core.errors.ImportRejected`), before anything is checked. :func:`check_people`
returns the stable JSON shape ``{rulebook, date, persons: [{id, name, kind, eligible,
retirement_month, months_left, checks: [{rule, key, ok, severity, citation, message,
overridden_by}]}]}``; :func:`render_json` and :func:`render_csv` write it. Pure: no I/O.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import gc
import io
import json
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from canbo.core.appointments.eligibility import evaluate
from canbo.core.appointments.model import (
    PARTY_FORMS,
    STATE_FORMS,
    CandidateFacts,
    Check,
    Discipline,
    Proposal,
    Purpose,
)
from canbo.core.appointments.posts import PostCatalogue, PostGrade, catalogue_on
from canbo.core.appointments.rulebooks import appointment_rulebook, planning_rulebook
from canbo.core.errors import ImportRejected, RowError
from canbo.core.rulebook import Rulebook
from canbo.core.types import Sex

REQUIRED = (
    "id",
    "name",
    "sex",
    "birth_date",
    "kind",
    "higher_post",
    "first_time",
    "in_planning",
    "post_since",
    "dossier_received",
    "party_discipline",
    "party_discipline_date",
    "state_discipline",
    "state_discipline_date",
    "confidence_band",
    "confidence_date",
)
OPTIONAL = (
    "post",  # title code of the post planned or proposed (AP-20 catalogue)
    "current_post",  # title code of the post held
    "classification_kht_year",  # years of "tasks not completed", e.g. "2024" or "2023;2024"
    "open_complaints",  # number of open complaints or denunciations (AP-19)
    "under_investigation",  # yes/no (AP-19)
    "health_certificate_date",  # AP-07
    "dossier_verified",  # yes/no (AP-04); blank: not known, a warning
    "term_start",  # planning: start of the planned term (PL-08); default --date
    "special_case",  # the special-case decision that lets a failed AP-02 planning check pass
)
COLUMNS = REQUIRED + OPTIONAL

_YES = {"yes", "y", "co", "true", "1", "x"}
_NO = {"no", "n", "khong", "false", "0", ""}
_SEX = {"m": Sex.MALE, "nam": Sex.MALE, "male": Sex.MALE, "f": Sex.FEMALE, "nu": Sex.FEMALE}
_SEX["female"] = Sex.FEMALE
_KINDS = {
    "planning": Purpose.PLANNING,
    "quy_hoach": Purpose.PLANNING,
    "appointment": Purpose.APPOINTMENT,
    "bo_nhiem": Purpose.APPOINTMENT,
    "reappointment": Purpose.REAPPOINTMENT,
    "bo_nhiem_lai": Purpose.REAPPOINTMENT,
}


@functools.lru_cache(maxsize=4096)
def plain(text: str) -> str:
    """Lower case, no diacritics, words joined by ``_``: ``Khiển trách`` -> ``khien_trach``."""
    decomposed = unicodedata.normalize("NFD", text.strip().casefold().replace("đ", "d"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "_".join(bare.replace("-", " ").split())


class _Row:
    """One data row being read; problems are collected, never raised one by one."""

    def __init__(self, number: int, cells: Mapping[str, str | None], errors: list[RowError]):
        self.number = number
        self.cells = cells
        self.errors = errors

    def text(self, column: str) -> str:
        return (self.cells.get(column) or "").strip()

    def bad(self, column: str, code: str, vi: str, en: str) -> None:
        value = self.text(column)
        self.errors.append(RowError(self.number, column, code, vi, en, value))

    def required(self, column: str) -> str:
        value = self.text(column)
        if not value:
            self.bad(column, "required", "Ô bắt buộc bị để trống.", "A required cell is empty.")
        return value

    def date(self, column: str) -> dt.date | None:
        value = self.text(column)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
        parts = value.split("/")
        try:
            if len(parts) != 3 or not all(p.isdigit() for p in parts):
                raise ValueError(value)
            return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            self.bad(
                column,
                "date_invalid",
                f"Ngày không hợp lệ: '{value}' (YYYY-MM-DD hoặc DD/MM/YYYY).",
                f"Not a date: '{value}' (YYYY-MM-DD or DD/MM/YYYY).",
            )
            return None

    def flag(self, column: str) -> bool | None:
        value = plain(self.text(column))
        if value in _YES:
            return True
        if value in _NO:
            return None if value == "" else False
        self.bad(
            column,
            "yes_no_invalid",
            f"Giá trị '{self.text(column)}' không hợp lệ: ghi yes hoặc no (có/không).",
            f"'{self.text(column)}' is not valid: write yes or no.",
        )
        return None

    def count(self, column: str) -> int:
        value = self.text(column)
        if not value:
            return 0
        if not (value.isdigit() and value.isascii()):
            self.bad(
                column,
                "count_invalid",
                f"Không phải số nguyên không âm: '{value}'.",
                f"Not a whole number: '{value}'.",
            )
            return 0
        return int(value)

    def post(self, column: str, catalogue: PostCatalogue) -> PostGrade | None:
        code = self.text(column)
        if not code:
            return None
        found = catalogue.entries.get(code)
        if found is None:
            self.bad(
                column,
                "post_not_in_catalogue",
                f"Mã chức danh '{code}' không có trong danh mục {catalogue.document}.",
                f"The post code '{code}' is not in the catalogue {catalogue.document}.",
            )
        return found

    def discipline(self, kind: str, party: bool) -> Discipline | None:
        form_column, date_column = f"{kind}_discipline", f"{kind}_discipline_date"
        raw = self.text(form_column)
        form = plain(raw)
        day = self.date(date_column)
        if form in {"", "none", "khong"}:
            if day is not None:
                self.bad(
                    form_column,
                    "discipline_form_missing",
                    "Có ngày kỷ luật nhưng không ghi hình thức kỷ luật.",
                    "A discipline date without its form.",
                )
            return None
        allowed = PARTY_FORMS if party else STATE_FORMS
        if form not in allowed:
            words = ", ".join(f.replace("_", " ") for f in allowed)
            self.bad(
                form_column,
                "discipline_form_unknown",
                f"Hình thức kỷ luật '{raw}' không hợp lệ (nhận: {words}).",
                f"Unknown form of discipline '{raw}' (accepted: {words}).",
            )
            return None
        if day is None:
            if self.text(date_column) == "":
                self.bad(
                    date_column,
                    "required",
                    "Thiếu ngày của quyết định kỷ luật.",
                    "The date of the discipline decision is missing.",
                )
            return None
        return Discipline(form, party, day)


def _header(fields: Iterable[str]) -> list[RowError]:
    names = [f.strip() for f in fields]
    errors = [
        RowError(
            1,
            column,
            "column_missing",
            f"Thiếu cột bắt buộc '{column}'.",
            f"The required column '{column}' is missing.",
        )
        for column in REQUIRED
        if column not in names
    ]
    errors += [
        RowError(
            1,
            name,
            "column_unknown",
            f"Cột '{name}' không có trong mẫu.",
            f"The column '{name}' is not part of the format.",
            name,
        )
        for name in names
        if name not in COLUMNS
    ]
    return errors


def _person(row: _Row, on: dt.date, catalogue: PostCatalogue) -> tuple[CandidateFacts, Proposal]:
    person_id = row.required("id")
    name = row.required("name")
    sex = _SEX.get(plain(row.text("sex")))
    if sex is None:
        row.bad("sex", "sex_invalid", "Giới tính ghi M hoặc F (nam/nữ).", "Sex is M or F.")
    birth = row.date("birth_date")
    if birth is None and not row.text("birth_date"):
        row.required("birth_date")
    purpose = _KINDS.get(plain(row.text("kind")))
    if purpose is None:
        row.bad(
            "kind",
            "kind_invalid",
            "Loại đề xuất ghi planning, appointment hoặc reappointment.",
            "The kind is planning, appointment or reappointment.",
        )
    disciplines = tuple(
        d for d in (row.discipline("party", True), row.discipline("state", False)) if d is not None
    )
    band = plain(row.text("confidence_band")).upper()
    band_day = row.date("confidence_date")
    bands: tuple[tuple[str, dt.date], ...] = ()
    if band in {"B", "C"}:
        if band_day is None:
            if not row.text("confidence_date"):
                row.bad(
                    "confidence_date",
                    "required",
                    "Thiếu ngày lấy phiếu tín nhiệm.",
                    "The date of the confidence vote is missing.",
                )
        else:
            bands = ((band, band_day),)
    elif band not in {"", "NONE", "A", "KHONG"}:
        row.bad(
            "confidence_band",
            "band_invalid",
            "Mức tín nhiệm ghi none, B hoặc C.",
            "The confidence band is none, B or C.",
        )
    kht_years: list[tuple[int, str]] = []
    for part in row.text("classification_kht_year").replace(",", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        if part.isdigit() and len(part) == 4:
            kht_years.append((int(part), "kht"))
        else:
            row.bad(
                "classification_kht_year",
                "year_invalid",
                f"Năm không hợp lệ: '{part}'.",
                f"Not a year: '{part}'.",
            )
    special = row.text("special_case")
    facts = CandidateFacts(
        person_id=person_id,
        name=name,
        sex=sex or Sex.MALE,
        birth_date=birth or on,
        disciplines=disciplines,
        confidence_bands=bands,
        classifications=tuple(kht_years),
        open_complaints=row.count("open_complaints"),
        under_investigation=bool(row.flag("under_investigation")),
        current_post=row.post("current_post", catalogue),
        post_since=row.date("post_since"),
        dossier_verified=row.flag("dossier_verified"),
        health_certificate_on=row.date("health_certificate_date"),
    )
    proposal = Proposal(
        purpose=purpose or Purpose.APPOINTMENT,
        decision_date=on,
        post=row.post("post", catalogue),
        higher_post=row.flag("higher_post"),
        first_time=bool(row.flag("first_time")),
        dossier_received=row.date("dossier_received"),
        term_start=row.date("term_start"),
        in_planning=row.flag("in_planning"),
        overrides={"planning": special} if special else {},
    )
    return facts, proposal


def parse_people(
    rows: Iterable[Mapping[str, str | None]], on: dt.date, fields: Iterable[str] | None = None
) -> list[tuple[CandidateFacts, Proposal]]:
    """Every row as facts and a proposal decided on ``on``; refuses the whole file with
    :class:`ImportRejected` naming each bad row (the header is row 1) and column."""
    errors = _header(fields) if fields is not None else []
    if errors:
        raise ImportRejected(errors)
    catalogue = catalogue_on(on)
    out: list[tuple[CandidateFacts, Proposal]] = []
    seen: dict[str, int] = {}
    for number, cells in enumerate(rows, start=2):
        row = _Row(number, cells, errors)
        if None in cells:  # csv.DictReader keeps cells beyond the header under None
            errors.append(
                RowError(
                    number, "", "cell_count", "Dòng có nhiều ô hơn dòng tiêu đề.",
                    "The row has more cells than the header.",
                )
            )  # fmt: skip
        facts, proposal = _person(row, on, catalogue)
        if facts.person_id and facts.person_id in seen:
            row.bad(
                "id",
                "duplicate_id",
                f"Mã '{facts.person_id}' trùng với dòng {seen[facts.person_id]}.",
                f"The id '{facts.person_id}' repeats row {seen[facts.person_id]}.",
            )
        seen.setdefault(facts.person_id, number)
        out.append((facts, proposal))
    if not out and not errors:
        errors.append(RowError(1, "", "file_empty", "Tệp không có dòng nào.", "No rows."))
    if errors:
        raise ImportRejected(errors, total_rows=len(out))
    return out


def rulebook_for(on: dt.date, people: Iterable[tuple[CandidateFacts, Proposal]]) -> Rulebook:
    """The rulebook in force on ``on`` (GEN-01); planning before QĐ 50 is refused."""
    if any(p.purpose is Purpose.PLANNING for _f, p in people):
        return planning_rulebook(on)
    return appointment_rulebook(on)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large, acyclic result is built (a
    province's 300,000 rows make millions of small objects, and each collection walks them all);
    restored as it was, even on a refusal."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_people(
    rows: Iterable[Mapping[str, str | None]],
    on: dt.date,
    fields: Iterable[str] | None = None,
    *,
    english: bool = False,
) -> dict[str, Any]:
    """The calculator's result, in the documented shape (docs/appointments.md)."""
    with _collector_paused():
        return _check_people(rows, on, fields, english)


def _check_people(
    rows: Iterable[Mapping[str, str | None]],
    on: dt.date,
    fields: Iterable[str] | None,
    english: bool,
) -> dict[str, Any]:
    people = parse_people(rows, on, fields)
    book = rulebook_for(on, people)
    persons = []
    shared: dict[int, tuple[Check, dict[str, Any]]] = {}  # the passing checks are shared
    for facts, proposal in people:
        verdict = evaluate(facts, proposal, book)
        year, month = verdict.retirement_month
        checks = []
        for check in verdict.checks:
            found = shared.get(id(check))
            if found is None or found[0] is not check:
                found = (check, check.as_dict(english))
                if check.ok:
                    shared[id(check)] = found
            checks.append(found[1])
        persons.append(
            {
                "id": facts.person_id,
                "name": facts.name,
                "kind": str(proposal.purpose),
                "eligible": verdict.eligible,
                "retirement_month": f"{year:04d}-{month:02d}",
                "months_left": verdict.months_left,
                "checks": checks,
            }
        )
    return {
        "rulebook": book.rulebook_id,
        "rulebook_document": "; ".join(book.documents),
        "date": on.isoformat(),
        "persons": persons,
    }


def check_csv_text(text: str, on: dt.date, *, english: bool = False) -> dict[str, Any]:
    """:func:`check_people` over the text of a CSV file (UTF-8 already decoded)."""
    reader = csv.DictReader(io.StringIO(text))
    fields = reader.fieldnames
    if not fields:
        raise ImportRejected(
            [RowError(1, "", "file_empty", "Tệp trống, không có dòng tiêu đề.", "No header row.")]
        )
    return check_people(reader, on, fields, english=english)


def render_json(result: Mapping[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ("id", "name", "kind", "eligible", "retirement_month", "months_left", "failed")


def render_csv(result: Mapping[str, Any]) -> str:
    """One row per person: the failed (blocking, not overridden) checks as ``rule: message``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for person in result["persons"]:
        failed = [
            f"{c['rule']}: {c['message']}"
            for c in person["checks"]
            if not c["ok"] and not c["overridden_by"] and c["severity"] == "block"
        ]
        writer.writerow(
            [
                person["id"],
                person["name"],
                person["kind"],
                "yes" if person["eligible"] else "no",
                person["retirement_month"],
                person["months_left"],
                " | ".join(failed),
            ]
        )
    return out.getvalue()


__all__ = [
    "COLUMNS",
    "OPTIONAL",
    "REQUIRED",
    "check_csv_text",
    "check_people",
    "parse_people",
    "render_csv",
    "render_json",
]
