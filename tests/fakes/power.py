"""In-memory unit of work of power control: the appointment processes as far as power control
reads them (candidates, steps, participants, recusals, overrides, referrals), declared
relationships, the power-control rows (acquaintances, flags, retirement notices) and the
report's reader (processes of a subtree, the audit entries read back)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from canbo.core.appointments.model import CandidateFacts
from canbo.core.appointments.posts import PostGrade
from canbo.core.errors import NotFound
from canbo.core.power.model import Relationship
from canbo.core.records import PositionData
from canbo.core.types import PersonId, UnitId
from canbo.services.appointments.control import AuditView
from canbo.services.appointments.ports import (
    CandidateRow,
    DossierItemData,
    HoldingDue,
    OverrideData,
    ParticipantData,
    ProcessData,
    ProcessId,
    RecusalData,
    ReferralData,
    StepData,
    StepId,
    Tally,
    TitleInfo,
)
from canbo.services.appointments.power import StoredFlag
from canbo.services.ports import Actor
from tests.fakes.elections import FakeTree
from tests.fakes.kernel import FakeAuditLog, FakeTransaction


class FakeProcesses:
    """The appointment repository, in memory."""

    def __init__(self) -> None:
        self.rows: dict[ProcessId, ProcessData] = {}
        self.candidate_rows: list[CandidateRow] = []
        self.step_rows: dict[StepId, StepData] = {}
        self.participant_rows: list[tuple[StepId, ParticipantData]] = []
        self.override_rows: list[OverrideData] = []
        self.referral_rows: list[ReferralData] = []
        self.recusal_rows: list[RecusalData] = []
        self.items: list[DossierItemData] = []
        self.titles: dict[int, TitleInfo] = {}
        self.names: dict[int, str] = {}

    def add(self, data: ProcessData) -> ProcessId:
        pid = ProcessId(len(self.rows) + 1)
        self.rows[pid] = dataclasses.replace(data, process_id=pid)
        return pid

    def get(self, process_id: ProcessId, *, lock: bool = False) -> ProcessData | None:
        return self.rows.get(process_id)

    def update(self, data: ProcessData) -> None:
        assert data.process_id is not None
        self.rows[data.process_id] = data

    def add_candidate(self, row: CandidateRow) -> None:
        self.candidate_rows.append(row)

    def candidates(self, process_id: ProcessId) -> list[CandidateRow]:
        return [c for c in self.candidate_rows if c.process_id == process_id]

    def set_active(self, process_id: ProcessId, active: Sequence[int]) -> None:
        self.candidate_rows = [
            dataclasses.replace(c, active=int(c.person_id) in active)
            if c.process_id == process_id
            else c
            for c in self.candidate_rows
        ]

    def add_step(self, data: StepData) -> StepId:
        sid = StepId(len(self.step_rows) + 1)
        self.step_rows[sid] = dataclasses.replace(data, step_id=sid)
        return sid

    def steps(self, process_id: ProcessId) -> list[StepData]:
        return [s for s in self.step_rows.values() if s.process_id == process_id]

    def update_step(self, data: StepData) -> None:
        assert data.step_id is not None
        self.step_rows[data.step_id] = data

    def add_participants(self, step_id: StepId, rows: Sequence[ParticipantData]) -> None:
        kind = str(self.step_rows[step_id].kind)
        self.participant_rows += [(step_id, dataclasses.replace(r, step=kind)) for r in rows]

    def participants(self, process_id: ProcessId) -> list[ParticipantData]:
        return [
            p for sid, p in self.participant_rows if self.step_rows[sid].process_id == process_id
        ]

    def add_override(self, data: OverrideData) -> None:
        self.override_rows.append(data)

    def overrides(self, process_id: ProcessId) -> list[OverrideData]:
        return [o for o in self.override_rows if o.process_id == process_id]

    def add_referral(self, data: ReferralData) -> None:
        self.referral_rows.append(data)

    def referrals(self, process_id: ProcessId) -> list[ReferralData]:
        ids = {s.step_id for s in self.steps(process_id)}
        return [r for r in self.referral_rows if r.step_id in ids]

    def dossier_items(self, process_id: ProcessId) -> list[DossierItemData]:
        return [i for i in self.items if i.process_id == process_id]

    def save_dossier_item(self, data: DossierItemData) -> None:
        self.items.append(data)

    def recusals(self, process_id: ProcessId) -> list[RecusalData]:
        return [r for r in self.recusal_rows if r.process_id == process_id]

    def holdings_due(self, ends_by: dt.date, today: dt.date) -> list[HoldingDue]:
        return []

    def title(self, title_id: int) -> TitleInfo | None:
        return self.titles.get(title_id)

    def person_names(self, person_ids: Sequence[int]) -> dict[int, str]:
        return {int(i): self.names[int(i)] for i in person_ids if int(i) in self.names}


class FakeRelations:
    def __init__(self) -> None:
        self.known: list[Relationship] = []

    def among(self, person_ids: Sequence[int], on: dt.date) -> list[Relationship]:
        ids = {str(i) for i in person_ids}
        return [r for r in self.known if r.person_id in ids and r.other_id in ids]


class FakeFacts:
    def candidate(self, person_id: PersonId, on: dt.date) -> CandidateFacts:
        raise NotFound("person_not_found")

    def grade(self, title_code: str, on: dt.date) -> PostGrade | None:
        return None


class FakeMeetings:
    def open_meeting(
        self, actor: Actor, unit_id: UnitId, title: str, held_on: dt.date,
        persons: Sequence[PersonId],
    ) -> int:  # fmt: skip
        return 1

    def attendance(self, conference_id: int) -> tuple[int, int]:
        return (0, 0)

    def create_session(
        self, actor: Actor, conference_id: int, title: str, names: Sequence[PersonId],
        seats: int, ballot_kind: str, electorate: Sequence[PersonId],
        committee: Sequence[int] = (), ballot_title: str = "",
    ) -> int:  # fmt: skip
        return 1

    def tally(self, session_id: int) -> Tally | None:
        return None


class FakeRegistryWriter:
    def add_position(
        self, actor: Actor, person_id: PersonId, data: PositionData, today: dt.date
    ) -> int:
        return 1

    def end_position(
        self, actor: Actor, person_id: PersonId, record_id: int, last_day: dt.date
    ) -> None:
        return None


class FakePower:
    def __init__(self, processes: FakeProcesses, relations: FakeRelations) -> None:
        self._processes = processes
        self._relations = relations
        self.units: dict[PersonId, UnitId] = {}
        self.notices: dict[PersonId, dt.date] = {}
        self.flags: dict[ProcessId, list[StoredFlag]] = {}

    def add_recusal(self, data: RecusalData) -> int:
        self._processes.recusal_rows.append(data)
        return len(self._processes.recusal_rows)

    def has_acquaintance(self, person_id: PersonId, other_id: PersonId) -> bool:
        return any(r.links(str(person_id), str(other_id)) for r in self._relations.known)

    def add_acquaintance(
        self,
        person_id: PersonId,
        other_id: PersonId,
        declared_by: PersonId | None,
        source: str,
        on: dt.date,
    ) -> int:
        from canbo.core.power.model import ACQUAINTANCE, RelationshipClass

        rel = Relationship(
            str(person_id),
            str(other_id),
            RelationshipClass.CLOSE_ACQUAINTANCE,
            ACQUAINTANCE,
            source,
        )
        self._relations.known.append(rel)
        return len(self._relations.known)

    def person_unit(self, person_id: PersonId, on: dt.date) -> UnitId | None:
        return self.units.get(person_id)

    def notice_on(self, person_id: PersonId, before: dt.date) -> dt.date | None:
        day = self.notices.get(person_id)
        return day if day is not None and day <= before else None

    def stored_flags(self, process_id: ProcessId) -> list[StoredFlag]:
        return list(self.flags.get(process_id, []))

    def add_flag(self, process_id: ProcessId, flag: StoredFlag) -> None:
        self.flags.setdefault(process_id, []).append(flag)


class FakeControl:
    def __init__(self, processes: FakeProcesses, audit: FakeAuditLog) -> None:
        self._processes = processes
        self._audit = audit
        self.unit_names: dict[UnitId, str] = {}
        self.subtrees: dict[UnitId, set[UnitId]] = {}

    def processes_under(self, unit_id: UnitId, start: dt.date, end: dt.date) -> list[ProcessId]:
        units = self.subtrees.get(unit_id, {unit_id})
        return [
            pid
            for pid, p in self._processes.rows.items()
            if p.unit_id in units
            and (start <= p.started_on <= end or (p.decided_on and start <= p.decided_on <= end))
        ]

    def unit_name(self, unit_id: UnitId, on: dt.date) -> str:
        return self.unit_names.get(unit_id, "")

    def audit_entries(self, action: str, object_id: str) -> list[AuditView]:
        at = dt.datetime(2026, 10, 20, 9, 0, tzinfo=dt.UTC)
        return [
            AuditView(i, at, e.actor.label, dict(e.details or {}))
            for i, e in enumerate(self._audit.entries, start=1)
            if e.action == action and e.object_id == object_id
        ]


class FakePowerUnitOfWork(FakeTransaction):
    """Type-checks as ``ControlUnitOfWork`` (and so as the power and appointments ports)."""

    def __init__(self, parents: Mapping[UnitId, UnitId | None]) -> None:
        super().__init__()
        self.tree = FakeTree(parents)
        self.processes = FakeProcesses()
        self.relations = FakeRelations()
        self.facts = FakeFacts()
        self.meetings = FakeMeetings()
        self.registry = FakeRegistryWriter()
        self.audit = FakeAuditLog()
        self.power = FakePower(self.processes, self.relations)
        self.control = FakeControl(self.processes, self.audit)

    def _repositories(self) -> list[object]:
        return [self.processes, self.relations, self.audit, self.power]

    def _shared(self) -> list[object]:
        return [self.tree, self.control]
