"""Ports and values of cadre planning (quy hoạch); the Django app ``canbo.planning`` provides
the adapters, ``tests/fakes/planning.py`` the in-memory twin.

The registry is read through one bulk port (:class:`RegistryFactsRepository`): a whole unit's
people in a few queries. What only the appointment context knows (open complaints, open
appointment processes) comes through :class:`AppointmentFacts`, which the appointment app
fills; planning never imports it (the appointment app sits above planning).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NewType, Protocol

from canbo.core.types import PersonId, UnitId
from canbo.services.ports import AuditLog, Transaction, TreeReader

PlanId = NewType("PlanId", int)
EntryId = NewType("EntryId", int)
TaskId = NewType("TaskId", int)


class RemovalReason(StrEnum):
    BAND_B = "band_b"  # PL-10: a QĐ 96 result in band B (mandatory)
    NOT_COMPLETED = "kht"  # PL-06: a year classified "không hoàn thành nhiệm vụ"
    DISCIPLINE = "discipline"  # PL-06, PL-11
    AGE = "age"  # PL-08, PL-09: no longer enough working time for the planned term
    STANDARDS = "standards"  # PL-06, PL-12
    APPOINTED = "appointed"  # appointed to the post (the plan did its work)
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class TitleInfo:
    title_id: int
    code: str
    name: str
    level: str  # canbo.core.types.TitleLevel value: the "level" of PL-04


@dataclass(frozen=True, slots=True)
class GradeRow:
    """A group IV grade entered by a managing body (AP-20)."""

    title_code: str
    title_name: str
    group: str
    tier: int
    grade: int
    valid_from: dt.date
    valid_to: dt.date
    managing_unit_id: UnitId


@dataclass(frozen=True, slots=True)
class NewPlan:
    title_id: int
    unit_id: UnitId
    term_label: str
    term_start: dt.date
    term_end: dt.date
    rulebook_id: str
    approved_on: dt.date
    approved_by_ref: str


@dataclass(frozen=True, slots=True)
class PlanData:
    id: PlanId
    title: TitleInfo
    unit_id: UnitId
    term_label: str
    term_start: dt.date
    term_end: dt.date
    rulebook_id: str
    approved_on: dt.date
    approved_by_ref: str


@dataclass(frozen=True, slots=True)
class EntryData:
    id: EntryId
    plan_id: PlanId
    person_id: PersonId
    added_on: dt.date
    added_decision: str
    special_case: Mapping[str, Any] = field(default_factory=dict)
    removed_on: dt.date | None = None
    removal_reason: str = ""
    removal_decision: str = ""
    removal_note: str = ""

    def active_on(self, day: dt.date) -> bool:
        return self.added_on <= day and (self.removed_on is None or self.removed_on > day)


@dataclass(frozen=True, slots=True)
class TaskData:
    id: TaskId
    entry_id: EntryId
    reason: str
    rule: str
    created_on: dt.date
    done_on: dt.date | None
    mandatory: bool


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """What the registry knows of one person for planning and appointment, as of a day.

    ``holdings``: (title code, held since, unit) of the posts held that day; ``disciplines``:
    (form, decision date, party) — the registry keeps Party discipline only, so ``party`` is
    True for every stored row; ``bands``: (band, vote date) of the latest certified QĐ 96
    result of each vote; ``classifications``: (year, level code "HTXS"|"HTT"|"HT"|"KHT") of
    published cycles; ``planned_for``: title codes of the active plan entries.
    """

    person_id: PersonId
    name: str
    given_name: str
    sex: str
    birth_date: dt.date
    ethnicity: str = ""
    unit_id: UnitId | None = None
    holdings: tuple[tuple[str, dt.date, UnitId], ...] = ()
    disciplines: tuple[tuple[str, dt.date, bool], ...] = ()
    bands: tuple[tuple[str, dt.date], ...] = ()
    classifications: tuple[tuple[int, str], ...] = ()
    planned_for: tuple[str, ...] = ()
    sort_key: str = ""  # the registry's collation key of the name (canbo.core.collation)


class RegistryFactsRepository(Protocol):
    def records(self, person_ids: Iterable[PersonId], on: dt.date) -> dict[PersonId, PersonRecord]:
        """The persons' records as of ``on``; missing ids are absent (a few queries in all)."""
        ...

    def people_of_unit(self, unit_id: UnitId, on: dt.date) -> list[PersonId]:
        """Members of the unit's subtree on ``on`` (candidates for the unit's plans)."""
        ...

    def holders(self, unit_ids: Iterable[UnitId], on: dt.date) -> list[tuple[UnitId, PersonId]]:
        """(unit, person) of every post held in these units on ``on``: the people a review
        may suggest for the units' plans."""
        ...

    def title(self, title_id: int) -> TitleInfo | None: ...

    def title_by_code(self, code: str) -> TitleInfo | None: ...


class GradeRepository(Protocol):
    def group_iv(self, on: dt.date) -> list[GradeRow]: ...

    def add(self, row: GradeRow) -> int: ...


class PlanRepository(Protocol):
    def get(self, plan_id: PlanId) -> PlanData | None: ...

    def find(self, title_id: int, unit_id: UnitId, term_label: str) -> PlanData | None: ...

    def add(self, plan: NewPlan) -> PlanId: ...

    def of_subtree(self, unit_id: UnitId, on: dt.date) -> list[PlanData]:
        """Plans of the units of the subtree of ``unit_id`` on ``on``."""
        ...

    def entries(self, plan_ids: Iterable[PlanId]) -> list[EntryData]: ...

    def entries_of_people(self, person_ids: Iterable[PersonId]) -> list[EntryData]: ...

    def entry(self, entry_id: EntryId) -> EntryData | None: ...

    def add_entry(
        self,
        plan_id: PlanId,
        person_id: PersonId,
        added_on: dt.date,
        decision: str,
        special_case: Mapping[str, Any],
    ) -> EntryId: ...

    def remove_entry(
        self, entry_id: EntryId, on: dt.date, reason: str, decision: str, note: str
    ) -> None: ...

    def tasks(self, entry_ids: Iterable[EntryId]) -> list[TaskData]: ...

    def add_task(
        self, entry_id: EntryId, reason: str, rule: str, on: dt.date, mandatory: bool
    ) -> TaskId: ...

    def close_tasks(self, entry_id: EntryId, on: dt.date) -> None: ...


class AppointmentFacts(Protocol):
    """What the appointment context knows about people (it sits above planning)."""

    def open_complaints(
        self, person_ids: Iterable[PersonId], on: dt.date
    ) -> dict[PersonId, int]: ...

    def in_open_process(self, person_ids: Iterable[PersonId], on: dt.date) -> set[PersonId]: ...


class NoAppointmentFacts:
    """Used until the appointment context registers its adapter: nobody has a complaint
    or an open process (the planning pages then say nothing about them)."""

    def open_complaints(self, person_ids: Iterable[PersonId], on: dt.date) -> dict[PersonId, int]:
        return {}

    def in_open_process(self, person_ids: Iterable[PersonId], on: dt.date) -> set[PersonId]:
        return set()


class PlanningUnitOfWork(Transaction, Protocol):
    registry: RegistryFactsRepository
    grades: GradeRepository
    plans: PlanRepository
    appointments: AppointmentFacts
    audit: AuditLog
    tree: TreeReader
