"""Values and ports of the classification cycle (handbook classification.md).

A cycle is one evaluation year over a subtree of the organization tree (CL-02, CL-03). Each
subject (collective or individual) is one compact row per cycle (:class:`SubjectState`); the
steps of CL-20 are versioned, immutable records (:class:`StepRecordData`). Everything the
handbook leaves open and the cycle (not the rulebook) reads is a named setting with its
documented default (:class:`CycleSettings`); the rulebook's own parameters are
:class:`canbo.core.classification.Parameters`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NewType, Protocol

# The states of the cycle and of a subject live with their lifecycle in the core.
from canbo.core.classification.lifecycle import CycleStatus as CycleStatus
from canbo.core.classification.lifecycle import Step as Step
from canbo.core.classification.model import Level
from canbo.core.types import DisciplineForm, PersonId, UnitId
from canbo.services.ports import AuditLog, Transaction, TreeReader

CycleId = NewType("CycleId", int)
SubjectPk = NewType("SubjectPk", int)


class RecordKind(StrEnum):
    """The forms of the guidance (CL-24) as records; re-classification follows a complaint."""

    SELF = "self"
    COMMENT = "comment"
    APPRAISAL = "appraisal"
    DECISION = "decision"
    RECLASSIFICATION = "reclassification"


class OrderEnforcement(StrEnum):
    """``cl_order_enforcement`` (CL-21)."""

    BLOCK = "block"
    WARN = "warn"


NEW_ORG = "new_org_lt_6_months"
"""Exemption code of a collective formed less than ``cl_new_org_min_months`` ago (CL-18)."""


@dataclass(frozen=True, slots=True)
class CycleSettings:
    """Cycle-level parameters of the handbook (names and defaults as in classification.md)."""

    cl_order_enforcement: OrderEnforcement = OrderEnforcement.BLOCK
    cl_publicity_audience: tuple[str, ...] = ("subject", "own_collective")
    cl_complaint_window_days: int | None = None
    cl_quota_exception_outstanding: bool = False
    cl_quota_grouping_members: str = "grassroots_party_org"
    cl_member_decider: str = "grassroots_committee"
    cl_discipline_date_basis: str = "decision_date"

    def as_dict(self) -> dict[str, Any]:
        return {
            "cl_order_enforcement": str(self.cl_order_enforcement),
            "cl_publicity_audience": list(self.cl_publicity_audience),
            "cl_complaint_window_days": self.cl_complaint_window_days,
            "cl_quota_exception_outstanding": self.cl_quota_exception_outstanding,
            "cl_quota_grouping_members": self.cl_quota_grouping_members,
            "cl_member_decider": self.cl_member_decider,
            "cl_discipline_date_basis": self.cl_discipline_date_basis,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CycleSettings:
        """The inverse of :meth:`as_dict`; a field missing from older stored settings keeps
        its default."""
        default = cls()
        window = data.get("cl_complaint_window_days", default.cl_complaint_window_days)
        return cls(
            cl_order_enforcement=OrderEnforcement(
                data.get("cl_order_enforcement", default.cl_order_enforcement)
            ),
            cl_publicity_audience=tuple(
                data.get("cl_publicity_audience", default.cl_publicity_audience)
            ),
            cl_complaint_window_days=None if window is None else int(window),
            cl_quota_exception_outstanding=bool(
                data.get("cl_quota_exception_outstanding", default.cl_quota_exception_outstanding)
            ),
            cl_quota_grouping_members=str(
                data.get("cl_quota_grouping_members", default.cl_quota_grouping_members)
            ),
            cl_member_decider=str(data.get("cl_member_decider", default.cl_member_decider)),
            cl_discipline_date_basis=str(
                data.get("cl_discipline_date_basis", default.cl_discipline_date_basis)
            ),
        )


@dataclass(frozen=True, slots=True)
class CycleData:
    """One evaluation cycle: year, as-of date of the tree, scope, rulebook and parameters."""

    year: int
    as_of: dt.date
    root_id: UnitId
    name: str
    rulebook: str
    parameters: Mapping[str, Any]
    settings: CycleSettings
    status: CycleStatus = CycleStatus.OPEN
    opened_by: str = ""
    opened_at: dt.datetime | None = None
    published_at: dt.datetime | None = None
    cycle_id: CycleId | None = None


@dataclass(frozen=True, slots=True)
class UnitFacts:
    """A unit of the cycle's subtree as of the cycle date (OR-19)."""

    unit_id: UnitId
    parent_id: UnitId | None
    kind: str
    valid_from: dt.date


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """What the registry says about one person for the cycle (CL-04, CL-17, CL-18, CL-19)."""

    person_id: PersonId
    unit_id: UnitId
    admission_date: dt.date | None
    excused: bool = False
    suspended: bool = False
    sick_days: int = 0
    discipline: DisciplineForm | None = None
    discipline_self_remedied: bool = False
    leads_unit: UnitId | None = None
    heads_unit: UnitId | None = None
    retired: bool = False


@dataclass(frozen=True, slots=True)
class NewSubject:
    """A subject row to insert when a cycle opens."""

    kind: str
    unit_id: UnitId
    person_id: PersonId | None
    parent_unit_id: UnitId | None
    decider_id: UnitId
    top_id: UnitId
    group: str
    group_unit_id: UnitId
    exemption: str = ""
    head_unit_id: UnitId | None = None
    discipline: str = ""
    discipline_self_remedied: bool = False
    sick_leave_months: int = 0
    months_in_operation: int | None = None


@dataclass(frozen=True, slots=True)
class Scores:
    """Self-assessed input: points in tenths (QĐ 366) or grades (QĐ 124), and task counts."""

    score_general: int | None = None
    score_results: int | None = None
    grade_results: int | None = None
    grade_other_min: int | None = None
    tasks_total: int = 0
    tasks_on_time: int = 0
    tasks_exceeded: int = 0
    tasks_late: int = 0
    led_units_tasks: int | None = None
    led_units_exceeded: int | None = None
    led_units_kht: int | None = None
    confidence_low: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class SubjectState:
    """One subject's compact row (one per subject per cycle)."""

    pk: SubjectPk
    cycle_id: CycleId
    kind: str
    unit_id: UnitId
    person_id: PersonId | None
    parent_unit_id: UnitId | None
    decider_id: UnitId
    group: str
    exemption: str
    head_unit_id: UnitId | None
    step: Step
    scores: Scores
    discipline: str
    discipline_self_remedied: bool
    sick_leave_months: int
    months_in_operation: int | None
    proposed_level: Level | None
    appraised_level: Level | None
    final_level: Level | None
    version: int
    name: str = ""


@dataclass(frozen=True, slots=True)
class StepRecordData:
    """One submitted form (CL-20, CL-24); immutable, a new version supersedes the old one."""

    subject_pk: SubjectPk
    kind: RecordKind
    version: int
    level: Level | None
    text: str
    data: Mapping[str, Any]
    actor_id: int | None
    actor_label: str
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class GroupCount:
    """HTXS and HTT counted in one peer group, on the effective level of each subject."""

    group: str
    group_unit_id: UnitId
    htxs: int
    htt: int


@dataclass(frozen=True, slots=True)
class QuotaResolutionData:
    cycle_id: CycleId
    group: str
    lowered: Sequence[SubjectPk]
    kept_over: int
    reason: str
    actor_label: str
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class ComplaintData:
    subject_pk: SubjectPk
    text: str
    filed_by: str
    at: dt.datetime
    complaint_id: int | None = None
    resolved: bool = False


ComputeRow = tuple[Any, ...]
"""``(pk, kind, group, unit_id, step, appraised, final, score_general, score_results,
grade_results, grade_other_min, tasks_total, tasks_on_time, tasks_exceeded, tasks_late,
led_units_tasks, led_units_exceeded, led_units_kht, confidence_low, discipline,
discipline_self_remedied, sick_leave_months, months_in_operation, exemption, head_unit_id)``."""


class ClassificationStore(Transaction, Protocol):
    """The persistence port of the cycle; one instance is one transaction (unit of work)."""

    tree: TreeReader
    audit: AuditLog

    def add_cycle(self, data: CycleData) -> CycleId: ...

    def cycle(self, cycle_id: CycleId) -> CycleData | None: ...

    def set_published(self, cycle_id: CycleId, at: dt.datetime) -> None: ...

    def units_for_cycle(self, root_id: UnitId, as_of: dt.date) -> list[UnitFacts]: ...

    def person_facts(
        self, root_id: UnitId, as_of: dt.date, year: int, date_basis: str
    ) -> Iterator[PersonFacts]: ...

    def add_subjects(self, cycle_id: CycleId, rows: Iterable[NewSubject]) -> int: ...

    def stream_rows(
        self, cycle_id: CycleId, collectives: bool, bounds: tuple[int, int] | None = None
    ) -> Iterator[list[ComputeRow]]:
        """Pages of compact rows in primary-key order; ``bounds`` = (after, up to) pk."""
        ...

    def pk_ranges(self, cycle_id: CycleId, parts: int) -> list[tuple[int, int, int]]:
        """The cycle's primary keys cut into ``parts`` ranges: (after, up to, about how many)."""
        ...

    def can_fork(self) -> bool:
        """True when no transaction is open, so worker processes may read on their own."""
        ...

    def release(self) -> None:
        """Close the connection (before a fork); the next use opens a new one."""
        ...

    def save_proposals(self, rows: Sequence[tuple[int | None, str, int]]) -> None:
        """``(proposed_level, proposed_rules, pk)`` triples, written with one executemany."""
        ...

    def subject(self, pk: SubjectPk) -> SubjectState | None: ...

    def unit_level(self, cycle_id: CycleId, unit_id: UnitId) -> tuple[bool, Level | None]:
        """(known, level) of the unit's collective subject: final, else appraised, else proposed."""
        ...

    def update_subject(self, pk: SubjectPk, **changes: Any) -> None: ...

    def add_record(self, record: StepRecordData) -> int: ...

    def records(self, pk: SubjectPk) -> list[StepRecordData]: ...

    def unfinished_predecessors(self, state: SubjectState) -> list[tuple[int, str]]:
        """CL-21: subjects that must be decided before ``state``: (pk, name)."""
        ...

    def group_counts(self, cycle_id: CycleId, group: str | None = None) -> list[GroupCount]: ...

    def group_members(self, cycle_id: CycleId, group: str) -> list[SubjectState]: ...

    def unit_subjects(self, cycle_id: CycleId, unit_id: UnitId) -> list[SubjectState]:
        """The subjects whose place is ``unit_id``: its collective and its members."""
        ...

    def add_quota_resolution(self, data: QuotaResolutionData) -> int: ...

    def quota_exceptions(self, cycle_id: CycleId) -> dict[str, int]:
        """Groups with a recorded resolution and the excess the competent level kept."""
        ...

    def undecided_count(self, cycle_id: CycleId) -> int: ...

    def add_complaint(self, data: ComplaintData) -> int: ...

    def open_complaint(self, pk: SubjectPk) -> ComplaintData | None: ...

    def resolve_complaint(self, complaint_id: int, record_id: int) -> None: ...


@dataclass(frozen=True, slots=True)
class ComputeReport:
    """What a compute run did: counts, the quota lines over the cap, timings left to callers."""

    evaluated: int
    not_classified: int
    skipped: int
    groups: int
    over: tuple[tuple[str, int, int, int | None, int], ...] = field(default=())
