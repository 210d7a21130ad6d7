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
import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple, NewType, Protocol

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
    merged_from: dt.date | None = None
    """For a successor by merger (OR-16): the earliest first day of the units merged into it."""


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


class ComputeRow(NamedTuple):
    """The compact row the compute reads of one subject, in its table's column order.

    A named tuple, not a dataclass: a national compute reads millions of them, and the
    adapter makes each from a database row with one C-level call (``ROW_OF``).
    """

    pk: int
    kind: str
    group: str
    unit_id: int
    step: int
    appraised_level: int | None
    final_level: int | None
    score_general: int | None
    score_results: int | None
    grade_results: int | None
    grade_other_min: int | None
    tasks_total: int
    tasks_on_time: int
    tasks_exceeded: int
    tasks_late: int
    led_units_tasks: int | None
    led_units_exceeded: int | None
    led_units_kht: int | None
    confidence_low: int | None
    discipline: str
    discipline_self_remedied: bool
    sick_leave_months: int
    months_in_operation: int | None
    exemption: str
    head_unit_id: int | None


KEY_COLUMNS = slice(
    ComputeRow._fields.index("grade_results"), ComputeRow._fields.index("head_unit_id")
)
"""The columns of a compute row, after the two parts of the score, that decide a proposal
(every one up to, not including, the head's unit: see ``compute.row_key``)."""

ROW_OF = functools.partial(tuple.__new__, ComputeRow)
"""A database row (a plain tuple in ``ComputeRow`` order) as a ``ComputeRow``, without the
Python-level ``__new__`` and its 25 arguments."""


@dataclass(frozen=True, slots=True)
class ProposalPage:
    """The proposals computed for one page of subjects, as three parallel columns.

    Columns, not a row object per subject: a worker process sends each page to the writer, and
    lists of numbers and strings pickle several times faster than named tuples (and leave the
    garbage collector nothing to track).
    """

    levels: list[int | None]
    rules: list[str]
    pks: list[int]

    def __len__(self) -> int:
        return len(self.pks)

    def rows(self) -> list[tuple[int | None, str, int]]:
        """``(proposed_level, proposed_rules, pk)`` per subject: the write path's layout."""
        return list(zip(self.levels, self.rules, self.pks, strict=True))


class PkRange(NamedTuple):
    """A slice of a cycle's primary keys: ``after`` < pk <= ``up_to``, about ``size`` rows."""

    after: int
    up_to: int
    size: int


class UnitLevel(NamedTuple):
    """A unit's collective subject: whether it is known (classified or exempt) and its level
    (final, else appraised, else proposed)."""

    known: bool
    level: Level | None


class Waiting(NamedTuple):
    """A subject still to be decided before another (CL-21)."""

    pk: int
    name: str


class CycleRepository(Protocol):
    def add(self, data: CycleData) -> CycleId: ...

    def get(self, cycle_id: CycleId) -> CycleData | None: ...

    def set_published(self, cycle_id: CycleId, at: dt.datetime) -> None: ...


class RegistryFactsRepository(Protocol):
    """What the registry says about a cycle's subtree as of its date (OR-19)."""

    def units(self, root_id: UnitId, as_of: dt.date) -> list[UnitFacts]: ...

    def people(
        self, root_id: UnitId, as_of: dt.date, year: int, date_basis: str
    ) -> Iterator[PersonFacts]:
        """The members of the subtree, then the leaders of its units who are not members."""
        ...


class SubjectRepository(Protocol):
    """The compact subject rows of a cycle (one per subject)."""

    def add_all(self, cycle_id: CycleId, rows: Iterable[NewSubject]) -> int: ...

    def get(self, pk: SubjectPk) -> SubjectState | None: ...

    def update(self, pk: SubjectPk, **changes: Any) -> None:
        """Set columns of the row: ``step``, the ``Scores`` fields, ``proposed_level``,
        ``proposed_rules``, ``appraised_level``, ``final_level``, ``version``."""
        ...

    def unit_level(self, cycle_id: CycleId, unit_id: UnitId) -> UnitLevel: ...

    def of_unit(self, cycle_id: CycleId, unit_id: UnitId) -> list[SubjectState]:
        """The subjects whose place is ``unit_id``: its collective, then its members."""
        ...

    def of_group(self, cycle_id: CycleId, group: str) -> list[SubjectState]: ...

    def unfinished_predecessors(self, state: SubjectState) -> list[Waiting]:
        """CL-21: subjects that must be decided before ``state`` (at most 50)."""
        ...

    def undecided_count(self, cycle_id: CycleId) -> int: ...


class ProposalRepository(Protocol):
    """The compute path: compact rows read in pages, proposals written a page at a time."""

    def rows(
        self, cycle_id: CycleId, collectives: bool, bounds: PkRange | None = None
    ) -> Iterator[list[ComputeRow]]:
        """Pages of compact rows in primary-key order, within ``bounds`` if given."""
        ...

    def pk_ranges(self, cycle_id: CycleId, parts: int) -> list[PkRange]:
        """The cycle's primary keys cut into ``parts`` ranges."""
        ...

    def save(self, page: ProposalPage) -> None: ...


class StepRecordRepository(Protocol):
    def add(self, record: StepRecordData) -> int: ...

    def of_subject(self, pk: SubjectPk) -> list[StepRecordData]:
        """Every record of the subject, oldest first."""
        ...


class ComplaintRepository(Protocol):
    def add(self, data: ComplaintData) -> int: ...

    def open_for(self, pk: SubjectPk) -> ComplaintData | None: ...

    def resolve(self, complaint_id: int, record_id: int) -> None: ...


class QuotaRepository(Protocol):
    def group_counts(self, cycle_id: CycleId, group: str | None = None) -> list[GroupCount]: ...

    def add_resolution(self, data: QuotaResolutionData) -> int: ...

    def exceptions(self, cycle_id: CycleId) -> dict[str, int]:
        """Groups with a recorded resolution and the excess the competent level kept."""
        ...


class ClassificationUnitOfWork(Transaction, Protocol):
    """One transaction over the cycle's repositories (members are read-only so adapters may
    narrow them)."""

    @property
    def cycles(self) -> CycleRepository: ...

    @property
    def registry(self) -> RegistryFactsRepository: ...

    @property
    def subjects(self) -> SubjectRepository: ...

    @property
    def proposals(self) -> ProposalRepository: ...

    @property
    def records(self) -> StepRecordRepository: ...

    @property
    def complaints(self) -> ComplaintRepository: ...

    @property
    def quotas(self) -> QuotaRepository: ...

    @property
    def tree(self) -> TreeReader: ...

    @property
    def audit(self) -> AuditLog: ...

    def can_fork(self) -> bool:
        """True when no transaction is open, so worker processes may read on their own."""
        ...

    def release(self) -> None:
        """Close the connection (before a fork); the next use opens a new one."""
        ...


class QuotaOver(NamedTuple):
    """A peer group over the HTXS quota after a compute (CL-13)."""

    group: str
    htxs: int
    htt: int
    max_htxs: int | None
    over_by: int


@dataclass(frozen=True, slots=True)
class ComputeReport:
    """What a compute run did: counts, the quota lines over the cap, timings left to callers."""

    evaluated: int
    not_classified: int
    skipped: int
    groups: int
    over: tuple[QuotaOver, ...] = field(default=())
