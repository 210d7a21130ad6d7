"""Ports and values of nomination and appointment processes; the ``appointments`` app provides
the adapters.

A process (in place, outside source or reappointment) proposes one post (a registry title in a
unit) for one or more candidates; its steps follow the procedure of the appointment rulebook in
force (``canbo.core.appointments.steps``); a step with a ballot is a meeting: a conference of
the voting context with its convened list and a vote session of the voting engine. Conditions
are read through the planning facts assembler and judged by ``canbo.core.appointments
.eligibility``; the decision writes the registry post through the registry's own record use
case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NewType, Protocol

from canbo.core.appointments.model import CandidateFacts
from canbo.core.appointments.posts import PostGrade
from canbo.core.power.model import Relationship
from canbo.core.records import PositionData
from canbo.core.types import PersonId, UnitId
from canbo.services.ports import Actor, AuditLog, Transaction, TreeReader


class ProcessKind(StrEnum):
    """The procedure a process follows (values of ``canbo.core.appointments.steps
    .ProcedureKind``)."""

    IN_PLACE = "in_place"  # AP-11..AP-17
    OUTSIDE = "outside"  # AP-18, ST-04
    REAPPOINTMENT = "reappointment"  # TR-02


class StepKindValue(StrEnum):
    """The steps of the procedures (values of ``canbo.core.appointments.steps.StepKind``)."""

    LEADERSHIP_FIRST = "leadership_first"
    WIDER = "wider"
    LEADERSHIP_NOMINATE = "leadership_nominate"
    KEY_CADRES = "key_cadres"
    LEADERSHIP_DECIDE = "leadership_decide"
    RECEIVING_TALKS = "receiving_talks"
    SENDING_VOTE = "sending_vote"
    REPORT = "report"
    COLLECTIVE_VOTE = "collective_vote"


class ProcessStatus(StrEnum):
    OPEN = "open"  # steps under way
    STOPPED = "stopped"  # an unconfirmed case waits for the competent level (AP-17)
    READY = "ready"  # every step done: the decision may be recorded
    DECIDED = "decided"
    CLOSED = "closed"  # ended without an appointment


class StepStatus(StrEnum):
    PENDING = "pending"
    CONVENED = "convened"  # the meeting is convened, check-in open
    VOTING = "voting"  # the vote session is open
    CLOSED = "closed"  # counted (or held, without a ballot), outcome recorded
    STOPPED = "stopped"  # outcome needs the competent level's decision


class CandidateSource(StrEnum):
    IN_PLACE = "in_place"
    OUTSIDE = "outside"


class RecusalOutcome(StrEnum):
    RECUSED = "recused"
    OVERRIDDEN = "overridden"


class ComplaintStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"
    REFERRED = "referred"


class ParticipantRole(StrEnum):
    """Roles in a process (values of ``canbo.core.power.model.Role``, PC-14)."""

    PROPOSER = "proposer"
    ADVISER = "adviser"
    APPRAISER = "appraiser"
    VOTER = "voter"
    COUNTER = "counter"
    DECIDER = "decider"


ProcessId = NewType("ProcessId", int)
StepId = NewType("StepId", int)


@dataclass(frozen=True, slots=True)
class ProcessData:
    """One process: the post proposed (a registry title in a unit), the rulebooks chosen by its
    start date (GEN-01) and, once decided, the decision (TR-01)."""

    kind: ProcessKind
    title_id: int
    unit_id: UnitId
    started_on: dt.date
    rulebook_id: str
    power_rulebook_id: str = ""
    status: ProcessStatus = ProcessStatus.OPEN
    policy_approved_on: dt.date | None = None
    dossier_received_on: dt.date | None = None
    decided_on: dt.date | None = None
    decision_ref: str = ""
    signed_on: dt.date | None = None
    effective_on: dt.date | None = None
    term_ends: dt.date | None = None
    proposer_id: PersonId | None = None
    appraiser_id: PersonId | None = None
    decider_id: PersonId | None = None
    deciding_unit_id: UnitId | None = None
    holding_id: int | None = None
    appointee_id: PersonId | None = None
    note: str = ""
    created_by: str = ""
    process_id: ProcessId | None = None


@dataclass(frozen=True, slots=True)
class CandidateRow:
    process_id: ProcessId
    person_id: PersonId
    full_name: str
    source: CandidateSource = CandidateSource.IN_PLACE
    sort_key: str = ""
    active: bool = True


@dataclass(frozen=True, slots=True)
class StepData:
    """One step of a process: its meeting and its outcome (``StepOutcome`` as a dict)."""

    process_id: ProcessId
    kind: StepKindValue
    order: int
    ballot: str = "none"
    sealed: bool = False
    status: StepStatus = StepStatus.PENDING
    conference_id: int | None = None
    session_id: int | None = None
    convened: int | None = None
    present: int | None = None
    collective_members: int | None = None
    outcome: Mapping[str, Any] | None = None
    opened_on: dt.date | None = None
    closed_on: dt.date | None = None
    step_id: StepId | None = None


@dataclass(frozen=True, slots=True)
class OverrideData:
    """A special-case decision letting a failed condition pass (AP-02, PC-12)."""

    process_id: ProcessId
    person_id: PersonId
    check_key: str
    rule: str
    decision_ref: str
    body: str
    reason: str
    recorded_on: dt.date
    recorded_by: str = ""


@dataclass(frozen=True, slots=True)
class ReferralData:
    """The competent level's decision on an unconfirmed step outcome (AP-17)."""

    step_id: StepId
    decision: str
    decided_by_body: str
    on: dt.date
    carried: tuple[int, ...] = ()
    recorded_by: str = ""


@dataclass(frozen=True, slots=True)
class DossierItemData:
    process_id: ProcessId
    person_id: PersonId
    item: str
    verified_by: PersonId | None = None
    verified_on: dt.date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class RecusalData:
    process_id: ProcessId
    person_id: PersonId
    role: str
    outcome: RecusalOutcome
    reason: str
    recorded_on: dt.date
    step: str = ""
    recorded_by: str = ""


@dataclass(frozen=True, slots=True)
class ParticipantData:
    person_id: PersonId
    role: str
    step: str = ""


@dataclass(frozen=True, slots=True)
class HoldingDue:
    """A post held with a term end (TR-01), as the reappointment timer reads it."""

    holding_id: int
    person_id: PersonId
    title_id: int
    unit_id: UnitId
    term_ends: dt.date
    birth_date: dt.date | None
    sex: str
    full_name: str


@dataclass(frozen=True, slots=True)
class TitleInfo:
    title_id: int
    code: str
    name: str
    level: str


@dataclass(frozen=True, slots=True)
class Tally:
    """The count of a step's ballot (the voting engine's election tally): the valid ballots
    and, per person, the names kept (nominate) or the agree marks (opinion, decide)."""

    issued: int
    valid: int
    votes: Mapping[int, int]
    certified: bool = True


class AppointmentRepository(Protocol):
    def add(self, data: ProcessData) -> ProcessId: ...

    def get(self, process_id: ProcessId, *, lock: bool = False) -> ProcessData | None: ...

    def update(self, data: ProcessData) -> None: ...

    def add_candidate(self, row: CandidateRow) -> None: ...

    def candidates(self, process_id: ProcessId) -> list[CandidateRow]: ...

    def set_active(self, process_id: ProcessId, active: Sequence[int]) -> None:
        """Only these persons stay on the process's list."""
        ...

    def add_step(self, data: StepData) -> StepId: ...

    def steps(self, process_id: ProcessId) -> list[StepData]: ...

    def update_step(self, data: StepData) -> None: ...

    def add_participants(self, step_id: StepId, rows: Sequence[ParticipantData]) -> None: ...

    def participants(self, process_id: ProcessId) -> list[ParticipantData]: ...

    def add_override(self, data: OverrideData) -> None: ...

    def overrides(self, process_id: ProcessId) -> list[OverrideData]: ...

    def add_referral(self, data: ReferralData) -> None: ...

    def referrals(self, process_id: ProcessId) -> list[ReferralData]: ...

    def dossier_items(self, process_id: ProcessId) -> list[DossierItemData]: ...

    def save_dossier_item(self, data: DossierItemData) -> None: ...

    def recusals(self, process_id: ProcessId) -> list[RecusalData]: ...

    def holdings_due(self, ends_by: dt.date, today: dt.date) -> list[HoldingDue]:
        """Posts held today whose term ends on or before ``ends_by`` and that have no
        reappointment process yet."""
        ...

    def title(self, title_id: int) -> TitleInfo | None: ...

    def person_names(self, person_ids: Sequence[int]) -> dict[int, str]: ...


class MeetingEngine(Protocol):
    """The voting context: a step's meeting is a conference with its convened list, and its
    ballot a vote session of the engine (``create_election_session``)."""

    def open_meeting(
        self,
        actor: Actor,
        unit_id: UnitId,
        title: str,
        held_on: dt.date,
        persons: Sequence[PersonId],
    ) -> int: ...

    def attendance(self, conference_id: int) -> tuple[int, int]:
        """(convened, present) of the conference."""
        ...

    def create_session(
        self,
        actor: Actor,
        conference_id: int,
        title: str,
        names: Sequence[PersonId],
        seats: int,
        ballot_kind: str,
        electorate: Sequence[PersonId],
        committee: Sequence[int] = (),
        ballot_title: str = "",
    ) -> int:
        """``committee``: the accounts of the counting committee, head first (may be set
        later on the vote's pages); ``ballot_title`` the title the ballot pages print
        (:data:`canbo.services.appointments.processes.BALLOT_TITLE`)."""
        ...

    def tally(self, session_id: int) -> Tally | None: ...


class FactsReader(Protocol):
    """The planning context's facts assembler (``canbo.services.planning.facts``)."""

    def candidate(self, person_id: PersonId, on: dt.date) -> CandidateFacts: ...

    def grade(self, title_code: str, on: dt.date) -> PostGrade | None: ...


class RelationsReader(Protocol):
    """Declared relationships between persons: registry relatives linked to a person, and
    declared close acquaintances (PC-10, PC-21)."""

    def among(self, person_ids: Sequence[int], on: dt.date) -> list[Relationship]: ...


class RegistryWriter(Protocol):
    """The registry's own record use cases (``records.add_record``, ``records.end_position``)."""

    def add_position(
        self, actor: Actor, person_id: PersonId, data: PositionData, today: dt.date
    ) -> int: ...

    def end_position(
        self, actor: Actor, person_id: PersonId, record_id: int, last_day: dt.date
    ) -> None: ...


class AppointmentsUnitOfWork(Transaction, Protocol):
    """One transaction over the adapters (members are read-only so adapters may narrow them)."""

    @property
    def processes(self) -> AppointmentRepository: ...

    @property
    def meetings(self) -> MeetingEngine: ...

    @property
    def facts(self) -> FactsReader: ...

    @property
    def relations(self) -> RelationsReader: ...

    @property
    def registry(self) -> RegistryWriter: ...

    @property
    def tree(self) -> TreeReader: ...

    @property
    def audit(self) -> AuditLog: ...
