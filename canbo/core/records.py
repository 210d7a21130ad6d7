"""The dated items of a person's record (everything later rulebooks need, with dates).

Positions held, terms, discipline decisions, leave periods, retirement notices and declared
relatives. Each value checks its own dates; services add access checks and audit.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from .citations.documents import CHARTER
from .errors import Citation, Conflict, RuleViolation, ValidationError
from .types import DisciplineForm, Interval, LeaveKind, PersonId, RelationKind, UnitId
from .validation import check_code, check_date, check_name, check_text

# "acting": giao quyền, giao phụ trách (a post held for the time being, not yet appointed).
HOW_FILLED = frozenset({"appointed", "elected", "designated", "approved", "acting"})

MARRIAGE_LAW = "Luật Hôn nhân và gia đình 2014"
ADMISSION_AGE = Citation(CHARTER, "Điều 1", "khoản 2")
"""Vietnamese citizens of 18 years or more may be admitted (Party Charter 2011, Art. 1(2))."""
PROBATION = Citation(CHARTER, "Điều 5", "khoản 1")
"""Twelve months of probation from the admission (Party Charter 2011, Art. 5(1))."""
RECOGNITION = Citation(CHARTER, "Điều 5", "khoản 2")
"""At the end of probation the cell considers official recognition (Art. 5(2))."""
ONE_SPOUSE = Citation(MARRIAGE_LAW, "Điều 5", "khoản 2, điểm c")
"""A married person may not marry or live as married with another (monogamy)."""
PROBATION_MONTHS = 12
ADMISSION_MIN_AGE = 18


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
    ended_on: dt.date | None = None
    """The day the relation ended (the relative died, or the marriage ended); None: living."""

    @property
    def is_living_spouse(self) -> bool:
        return self.relation == RelationKind.SPOUSE and self.ended_on is None

    def check(self, today: dt.date) -> None:
        _not_after(self.declared_on, today, "declared_on")
        _not_after(self.ended_on, today, "ended_on")
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


def check_spouses(new: RelativeData, declared: Sequence[RelativeData]) -> None:
    """At most one living spouse at a time: a second spouse is refused while a declared one
    is living (Luật Hôn nhân và gia đình 2014, Điều 5, khoản 2, điểm c: monogamy). A spouse
    whose relation ended (death, divorce) is history and does not count."""
    if not new.is_living_spouse:
        return
    if any(old.is_living_spouse for old in declared):
        raise RuleViolation(
            "second_living_spouse",
            "A living spouse is already declared; end that relation first.",
            citation=ONE_SPOUSE,
            field="relation",
        )


class PartyEventKind(StrEnum):
    """Events of a Party membership (FRM-09 counts them: admitted, died, expelled, ...)."""

    ADMITTED = "admitted"  # kết nạp
    RECOGNIZED = "recognized"  # công nhận đảng viên chính thức
    TRANSFERRED = "transferred"  # chuyển sinh hoạt đảng chính thức
    TEMPORARY = "temporary"  # chuyển sinh hoạt đảng tạm thời
    EXITED = "exited"  # ra khỏi Đảng (xin ra, xóa tên)
    EXPELLED = "expelled"  # khai trừ
    DIED = "died"  # từ trần


LEAVING_KINDS = frozenset({PartyEventKind.EXITED, PartyEventKind.EXPELLED, PartyEventKind.DIED})


@dataclass(frozen=True, slots=True)
class PartyEventData:
    """One dated event of a membership, with the decision that made it.

    ``unit_id`` is the cell admitted to or moved to; ``until`` is the recognition due date of
    an admission, or the last day of a temporary transfer."""

    kind: PartyEventKind
    date: dt.date
    decision_ref: str = ""
    unit_id: UnitId | None = None
    until: dt.date | None = None
    note: str = ""

    def check(self, today: dt.date) -> None:
        _not_after(self.date, today, "date")
        _texts(("decision_ref", self.decision_ref, 64), ("note", self.note, 255))
        if self.kind == PartyEventKind.TEMPORARY and self.until is None:
            raise ValidationError("required", field="until")
        if self.until is not None and self.until < self.date:
            raise ValidationError("dates_out_of_order", field="until")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, held to the month's last day (31/01 + 1 → 28/02)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def recognition_due(admitted_on: dt.date) -> dt.date:
    """The day probation ends and official recognition is due: twelve months after the
    admission (Điều lệ Đảng, Điều 5, khoản 1)."""
    return add_months(admitted_on, PROBATION_MONTHS)


def check_admission(
    birth_date: dt.date, admitted_on: dt.date, previous: dt.date | None, left_on: dt.date | None
) -> None:
    """An admission needs a person of 18 or more (Điều lệ Đảng, Điều 1, khoản 2) who is not
    a member already (a former member who left may be admitted again)."""
    if add_months(birth_date, 12 * ADMISSION_MIN_AGE) > admitted_on:
        raise RuleViolation(
            "admission_under_age",
            "Only persons of 18 years or more may be admitted to the Party.",
            citation=ADMISSION_AGE,
            field="admitted_on",
        )
    if previous is not None and (left_on is None or left_on >= admitted_on):
        raise Conflict("already_member", field="admitted_on", value=previous.isoformat())


def check_recognition(
    admitted_on: dt.date | None,
    official_on: dt.date | None,
    left_on: dt.date | None,
    recognized_on: dt.date,
) -> None:
    """Official recognition of a probationary member once the twelve months are over
    (Điều lệ Đảng, Điều 5, khoản 1 and 2)."""
    admitted = check_still_member(admitted_on, left_on, recognized_on)
    if official_on is not None:
        raise Conflict("already_official", field="recognized_on", value=official_on.isoformat())
    due = recognition_due(admitted)
    if recognized_on < due:
        raise RuleViolation(
            "probation_not_over",
            "Probation lasts twelve months from the admission.",
            citation=RECOGNITION,
            field="recognized_on",
            due=due.isoformat(),
        )


def check_still_member(
    admitted_on: dt.date | None, left_on: dt.date | None, on: dt.date
) -> dt.date:
    """A membership event needs a member on that day: admitted before, not yet left.
    Answers the admission date."""
    if admitted_on is None or admitted_on > on or (left_on is not None and left_on <= on):
        raise Conflict("not_a_member", field="date", value=on.isoformat())
    return admitted_on
