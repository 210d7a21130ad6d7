"""In-memory fakes of the classification cycle's unit of work and its repositories.

Each repository keeps plain dictionaries of the ports' values; the unit of work puts them all
back when a block is left without ``commit`` (``FakeTransaction``), as the database would. The
rules the Django adapter writes in SQL (the order of CL-21, the effective level the quota
counts, keyset pages of compact rows) are written here again in Python, small and obvious.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import fields, replace
from typing import Any

from canbo.core.classification.model import Level
from canbo.core.types import UnitId
from canbo.services.classification.ports import (
    ComplaintData,
    ComputeRow,
    CycleData,
    CycleId,
    CycleStatus,
    GroupCount,
    NewSubject,
    PersonFacts,
    PkRange,
    ProposalPage,
    QuotaResolutionData,
    Scores,
    Step,
    StepRecordData,
    SubjectPk,
    SubjectState,
    UnitFacts,
    UnitLevel,
    Waiting,
)
from tests.fakes.kernel import FakeAuditLog, FakeTransaction

SCORE_FIELDS = frozenset(f.name for f in fields(Scores))


def effective(state: SubjectState) -> Level | None:
    """Decided, else appraised, else proposed: the level the quota and the head cap read."""
    for level in (state.final_level, state.appraised_level, state.proposed_level):
        if level is not None:
            return level
    return None


class FakeTree:
    """The organization tree as a map of each unit to its parent (the same on every date)."""

    def __init__(self, parents: Mapping[UnitId, UnitId | None]) -> None:
        self.parents = dict(parents)

    def ancestors(self, unit_id: UnitId, as_of: dt.date) -> list[UnitId]:
        chain: list[UnitId] = []
        current: UnitId | None = unit_id if unit_id in self.parents else None
        while current is not None:
            chain.append(current)
            current = self.parents.get(current)
        return chain

    def unit_exists(self, unit_id: UnitId) -> bool:
        return unit_id in self.parents

    def predecessors(self, unit_id: UnitId) -> set[UnitId]:
        return set()


class FakeCycleRepository:
    def __init__(self) -> None:
        self.cycles: dict[CycleId, CycleData] = {}

    def add(self, data: CycleData) -> CycleId:
        cycle_id = CycleId(len(self.cycles) + 1)
        self.cycles[cycle_id] = replace(data, cycle_id=cycle_id)
        return cycle_id

    def get(self, cycle_id: CycleId) -> CycleData | None:
        return self.cycles.get(cycle_id)

    def set_published(self, cycle_id: CycleId, at: dt.datetime) -> None:
        cycle = self.cycles[cycle_id]
        self.cycles[cycle_id] = replace(cycle, status=CycleStatus.PUBLISHED, published_at=at)


class FakeRegistryFacts:
    """What the registry says: units (with parents) and people, whatever the date."""

    def __init__(self, units: Iterable[UnitFacts] = (), people: Iterable[PersonFacts] = ()):
        self.unit_facts = list(units)
        self.person_facts = list(people)

    def _subtree(self, root_id: UnitId) -> set[UnitId]:
        inside = {root_id}
        for _ in self.unit_facts:  # enough passes for any depth
            inside |= {u.unit_id for u in self.unit_facts if u.parent_id in inside}
        return inside

    def units(self, root_id: UnitId, as_of: dt.date) -> list[UnitFacts]:
        inside = self._subtree(root_id)
        return [u for u in self.unit_facts if u.unit_id in inside]

    def people(
        self, root_id: UnitId, as_of: dt.date, year: int, date_basis: str
    ) -> Iterator[PersonFacts]:
        inside = self._subtree(root_id)
        return iter([p for p in self.person_facts if p.unit_id in inside])


class FakeSubjectRepository:
    """Subjects with their group's unit and their proposal's rules (not in ``SubjectState``)."""

    def __init__(self, names: Mapping[int, str] | None = None) -> None:
        self.names = dict(names or {})  # person or unit id -> name
        self.states: dict[SubjectPk, SubjectState] = {}
        self.group_units: dict[SubjectPk, UnitId] = {}
        self.rules: dict[SubjectPk, str] = {}

    def add_all(self, cycle_id: CycleId, rows: Iterable[NewSubject]) -> int:
        count = 0
        for s in rows:
            pk = SubjectPk(len(self.states) + 1)
            self.states[pk] = _state(pk, cycle_id, s, self.names)
            self.group_units[pk] = s.group_unit_id
            count += 1
        return count

    def get(self, pk: SubjectPk) -> SubjectState | None:
        return self.states.get(pk)

    def update(self, pk: SubjectPk, **changes: Any) -> None:
        state = self.states[pk]
        scores = {k: v for k, v in changes.items() if k in SCORE_FIELDS}
        if "proposed_rules" in changes:
            self.rules[pk] = changes["proposed_rules"]
        values: dict[str, Any] = {"scores": replace(state.scores, **scores)}
        for name in ("proposed_level", "appraised_level", "final_level"):
            if name in changes:
                values[name] = None if changes[name] is None else Level(changes[name])
        if "step" in changes:
            values["step"] = Step(changes["step"])
        if "version" in changes:
            values["version"] = changes["version"]
        self.states[pk] = replace(state, **values)

    def unit_level(self, cycle_id: CycleId, unit_id: UnitId) -> UnitLevel:
        for s in self._of_cycle(cycle_id):
            if s.unit_id == unit_id and s.kind == "collective":
                level = effective(s)
                return UnitLevel(level is not None or bool(s.exemption), level)
        return UnitLevel(False, None)

    def of_unit(self, cycle_id: CycleId, unit_id: UnitId) -> list[SubjectState]:
        found = [s for s in self._of_cycle(cycle_id) if s.unit_id == unit_id]
        return sorted(found, key=lambda s: (s.kind, s.name, s.pk))

    def of_group(self, cycle_id: CycleId, group: str) -> list[SubjectState]:
        return [s for s in self._of_cycle(cycle_id) if s.group == group]

    def unfinished_predecessors(self, state: SubjectState) -> list[Waiting]:
        """CL-21: undecided collectives below a collective, or the member's own units."""
        waiting = [
            s
            for s in self._of_cycle(state.cycle_id)
            if s.kind == "collective" and not s.exemption and s.step < Step.DECISION
        ]
        if state.kind == "collective":
            found = [
                s
                for s in waiting
                if s.parent_unit_id == state.unit_id and s.unit_id != state.unit_id
            ]
        else:
            units = {state.unit_id, state.head_unit_id}
            found = [s for s in waiting if s.unit_id in units]
        return [Waiting(s.pk, s.name) for s in found[:50]]

    def undecided_count(self, cycle_id: CycleId) -> int:
        return sum(
            1 for s in self._of_cycle(cycle_id) if not s.exemption and s.step < Step.DECISION
        )

    def _of_cycle(self, cycle_id: CycleId) -> list[SubjectState]:
        return [s for _pk, s in sorted(self.states.items()) if s.cycle_id == cycle_id]


def _state(
    pk: SubjectPk, cycle_id: CycleId, s: NewSubject, names: Mapping[int, str]
) -> SubjectState:
    place = s.person_id if s.person_id is not None else s.unit_id
    return SubjectState(
        pk=pk, cycle_id=cycle_id, kind=s.kind, unit_id=s.unit_id, person_id=s.person_id,
        parent_unit_id=s.parent_unit_id, decider_id=s.decider_id, group=s.group,
        exemption=s.exemption, head_unit_id=s.head_unit_id, step=Step.OPENED, scores=Scores(),
        discipline=s.discipline, discipline_self_remedied=s.discipline_self_remedied,
        sick_leave_months=s.sick_leave_months, months_in_operation=s.months_in_operation,
        proposed_level=None, appraised_level=None, final_level=None, version=0,
        name=names.get(place, str(place)),
    )  # fmt: skip


def compute_row(s: SubjectState) -> ComputeRow:
    """The compact row the Django adapter reads of a subject (its table's columns)."""
    c = s.scores
    return ComputeRow(
        s.pk, s.kind, s.group, s.unit_id, int(s.step),
        None if s.appraised_level is None else int(s.appraised_level),
        None if s.final_level is None else int(s.final_level),
        c.score_general, c.score_results, c.grade_results, c.grade_other_min, c.tasks_total,
        c.tasks_on_time, c.tasks_exceeded, c.tasks_late, c.led_units_tasks, c.led_units_exceeded,
        c.led_units_kht, c.confidence_low, s.discipline, s.discipline_self_remedied,
        s.sick_leave_months, s.months_in_operation, s.exemption, s.head_unit_id,
    )  # fmt: skip


class FakeProposalRepository:
    """Compact rows in small keyset pages (several pages even for a small cycle)."""

    page_size = 3

    def __init__(self, subjects: FakeSubjectRepository) -> None:
        self.subjects = subjects
        self.pages_saved = 0

    def rows(
        self, cycle_id: CycleId, collectives: bool, bounds: PkRange | None = None
    ) -> Iterator[list[ComputeRow]]:
        after, up_to = (bounds.after, bounds.up_to) if bounds is not None else (0, 2**62)
        chosen = [
            compute_row(s)
            for s in self.subjects._of_cycle(cycle_id)
            if (s.kind == "collective") == collectives and after < s.pk <= up_to
        ]
        for start in range(0, len(chosen), self.page_size):
            yield chosen[start : start + self.page_size]

    def pk_ranges(self, cycle_id: CycleId, parts: int) -> list[PkRange]:
        pks = [s.pk for s in self.subjects._of_cycle(cycle_id)]
        if not pks:
            return []
        step = -(-(pks[-1] - pks[0] + 1) // parts)
        edges = [pks[0] - 1 + i * step for i in range(parts)] + [pks[-1]]
        return [PkRange(a, b, b - a) for a, b in itertools.pairwise(edges) if b > a]

    def save(self, page: ProposalPage) -> None:
        self.pages_saved += 1
        for level, rules, pk in page.rows():
            self.subjects.update(SubjectPk(pk), proposed_level=level, proposed_rules=rules)


class FakeStepRecordRepository:
    def __init__(self) -> None:
        self.records: dict[int, StepRecordData] = {}

    def add(self, record: StepRecordData) -> int:
        record_id = len(self.records) + 1
        self.records[record_id] = record
        return record_id

    def of_subject(self, pk: SubjectPk) -> list[StepRecordData]:
        found = [(r.at, i, r) for i, r in self.records.items() if r.subject_pk == pk]
        return [r for _at, _i, r in sorted(found, key=lambda t: (t[0], t[1]))]


class FakeComplaintRepository:
    def __init__(self) -> None:
        self.complaints: dict[int, ComplaintData] = {}
        self.resolutions: dict[int, int] = {}  # complaint id -> record id

    def add(self, data: ComplaintData) -> int:
        complaint_id = len(self.complaints) + 1
        self.complaints[complaint_id] = replace(data, complaint_id=complaint_id)
        return complaint_id

    def open_for(self, pk: SubjectPk) -> ComplaintData | None:
        for complaint_id, c in sorted(self.complaints.items()):
            if c.subject_pk == pk and complaint_id not in self.resolutions:
                return c
        return None

    def resolve(self, complaint_id: int, record_id: int) -> None:
        self.resolutions[complaint_id] = record_id


class FakeQuotaRepository:
    def __init__(self, subjects: FakeSubjectRepository) -> None:
        self.subjects = subjects
        self.resolutions: list[QuotaResolutionData] = []

    def group_counts(self, cycle_id: CycleId, group: str | None = None) -> list[GroupCount]:
        counts: dict[tuple[str, UnitId], list[int]] = {}
        for s in self.subjects._of_cycle(cycle_id):
            if group is not None and s.group != group:
                continue
            line = counts.setdefault((s.group, self.subjects.group_units[s.pk]), [0, 0])
            level = effective(s)
            line[0] += level is Level.HTXS
            line[1] += level is Level.HTT
        return [GroupCount(g, u, x, y) for (g, u), (x, y) in sorted(counts.items())]

    def add_resolution(self, data: QuotaResolutionData) -> int:
        self.resolutions.append(data)
        return len(self.resolutions)

    def exceptions(self, cycle_id: CycleId) -> dict[str, int]:
        return {r.group: r.kept_over for r in self.resolutions if r.cycle_id == cycle_id}


class FakeClassificationUnitOfWork(FakeTransaction):
    """The cycle's unit of work in memory; a fork is never offered (one process)."""

    def __init__(
        self,
        tree: FakeTree,
        registry: FakeRegistryFacts | None = None,
        names: Mapping[int, str] | None = None,
    ) -> None:
        super().__init__()
        self.tree = tree
        self.audit = FakeAuditLog()
        self.registry = registry or FakeRegistryFacts()
        self.cycles = FakeCycleRepository()
        self.subjects = FakeSubjectRepository(names)
        self.proposals = FakeProposalRepository(self.subjects)
        self.records = FakeStepRecordRepository()
        self.complaints = FakeComplaintRepository()
        self.quotas = FakeQuotaRepository(self.subjects)

    def _repositories(self) -> list[object]:
        return [
            self.audit, self.cycles, self.subjects, self.proposals, self.records,
            self.complaints, self.quotas,
        ]  # fmt: skip

    def can_fork(self) -> bool:
        return False

    def release(self) -> None:
        """Nothing to close."""
