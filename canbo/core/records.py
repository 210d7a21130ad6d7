"""The dated items of a person's record (issue: everything later rulebooks need, with dates).

Positions held, terms, discipline decisions, leave periods, retirement notices and declared
relatives. Each value checks its own dates; services add access checks and audit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .errors import ValidationError
from .types import DisciplineForm, Interval, LeaveKind, PersonId, RelationKind, UnitId
from .validation import check_code, check_date, check_name, check_text

HOW_FILLED = frozenset({"appointed", "elected", "designated", "approved"})


def _not_after(day: dt.date | None, today: dt.date, field: str) -> None:
    if day is not None and day > today:
        raise ValidationError("date_in_future", field=field, value=day.isoformat())
    check_date(field, day, today, future=True)


def _texts(*fields: tuple[str, str, int]) -> None:
    """Free text of a record passes the shared rules (:mod:`canbo.core.validation`)."""
    for field, value, limit in fields:
        check_text(field, value, limit)


@dataclass(frozen=True, slots=True)
class PositionData:
    """A post held (chức vụ): title from the catalogue, unit, how it was filled, decision."""

    title_code: str
    unit_id: UnitId
    how: str
    valid: Interval
    decision_ref: str = ""
    term_ends: dt.date | None = None
    is_concurrent: bool = False

    def check(self, today: dt.date) -> None:
        if self.how not in HOW_FILLED:
            raise ValidationError("invalid_choice", field="how", value=self.how)
        check_code("title_code", self.title_code, 32)
        _texts(("decision_ref", self.decision_ref, 128))
        check_date("term_ends", self.term_ends, today, future=True)
        _not_after(self.valid.valid_from, today, "valid_from")
        if self.term_ends is not None and self.term_ends < self.valid.valid_from:
            raise ValidationError("dates_out_of_order", field="term_ends")


@dataclass(frozen=True, slots=True)
class DisciplineData:
    """A discipline decision (kỷ luật). How long it counts is decided by each rulebook from
    the form and decision date (e.g. QĐ 377 windows, handbook AP-08, PL-11); an explicit
    ``stops_counting_on`` is kept only when the decision itself states one."""

    form: DisciplineForm
    decision_date: dt.date
    authority: str
    decision_ref: str = ""
    violation_date: dt.date | None = None
    reason: str = ""
    self_remedied: bool = False
    stops_counting_on: dt.date | None = None

    def check(self, today: dt.date) -> None:
        _not_after(self.decision_date, today, "decision_date")
        if not self.authority.strip():
            raise ValidationError("required", field="authority")
        _texts(
            ("authority", self.authority, 255),
            ("decision_ref", self.decision_ref, 64),
            ("reason", self.reason, 2000),
        )
        check_date("violation_date", self.violation_date, today, future=True)
        if self.violation_date is not None and self.violation_date > self.decision_date:
            raise ValidationError("dates_out_of_order", field="violation_date")
        if self.stops_counting_on is not None and self.stops_counting_on < self.decision_date:
            raise ValidationError("dates_out_of_order", field="stops_counting_on")


@dataclass(frozen=True, slots=True)
class LeaveData:
    """Sick or maternity leave, excusal from or suspension of Party activity (CL-18, CV-03)."""

    kind: LeaveKind
    starts: dt.date
    ends: dt.date
    note: str = ""

    def check(self, today: dt.date) -> None:
        _not_after(self.starts, today, "starts")
        _texts(("note", self.note, 255))
        if self.ends < self.starts:
            raise ValidationError("dates_out_of_order", field="ends")


@dataclass(frozen=True, slots=True)
class RetirementNoticeData:
    """A notice of retirement; exempts from confidence votes in the year (handbook CV-03)."""

    notice_date: dt.date
    retirement_date: dt.date
    decision_ref: str = ""

    def check(self, today: dt.date) -> None:
        _not_after(self.notice_date, today, "notice_date")
        _texts(("decision_ref", self.decision_ref, 64))
        if self.retirement_date < self.notice_date:
            raise ValidationError("dates_out_of_order", field="retirement_date")


@dataclass(frozen=True, slots=True)
class RelativeData:
    """A declared relative (QĐ 114-QĐ/TW; handbook PC rules): a linked person or a name."""

    relation: RelationKind
    declared_on: dt.date
    linked_person_id: PersonId | None = None
    full_name: str = ""
    birth_year: int | None = None
    workplace: str = ""

    def check(self, today: dt.date) -> None:
        _not_after(self.declared_on, today, "declared_on")
        if self.linked_person_id is None and not self.full_name.strip():
            raise ValidationError("required", field="full_name")
        if self.full_name.strip():
            check_name("full_name", self.full_name)
        _texts(("workplace", self.workplace, 255))
        if self.birth_year is not None and not 1900 <= self.birth_year <= today.year:
            raise ValidationError("out_of_range", field="birth_year", value=self.birth_year)


@dataclass(frozen=True, slots=True)
class TermData:
    """A term of office (nhiệm kỳ) of a Party committee or elected body."""

    unit_id: UnitId
    name: str
    starts: dt.date
    ends: dt.date

    def check(self, today: dt.date) -> None:
        if self.ends <= self.starts:
            raise ValidationError("dates_out_of_order", field="ends")
        if not self.name.strip():
            raise ValidationError("required", field="name")
        _texts(("name", self.name, 64))
        check_date("starts", self.starts, today, future=True)


RecordData = PositionData | DisciplineData | LeaveData | RetirementNoticeData | RelativeData
