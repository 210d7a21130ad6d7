"""Ports and values of the elections held at a congress; the ``elections`` app provides the
adapters.

An election (QĐ 190-QĐ/TW) belongs to a congress (part of the congresses context): its list of
candidates, its rounds (each round one vote session of the voting engine), each round's result
as computed by the core (:func:`canbo.core.elections.results.compute_election`) and the higher
committee's approval (chuẩn y, EL-29). What the elections need from the neighbouring contexts is
read through the small ports below (:class:`CongressReader`, :class:`BallotEngine`,
:class:`RegistryWriter`), so the use cases run on fakes without Django.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NewType, Protocol

from canbo.core.elections.denominator import Denominator
from canbo.core.elections.model import CongressKind, ElectionKind, ElectionStatus
from canbo.core.records import PositionData, TermData
from canbo.core.types import PersonId, UnitId
from canbo.services.ports import Actor, AuditLog, Transaction, TreeReader

ElectionId = NewType("ElectionId", int)
CongressId = NewType("CongressId", int)
CandidateId = NewType("CandidateId", int)
RoundId = NewType("RoundId", int)


class CandidateSource(StrEnum):
    """How a name came onto the list (EL-10)."""

    CONVENER = "convener"  # the convening committee's list (danh sách chính thức)
    FLOOR = "floor"  # nominated from the floor (đề cử)
    SELF = "self"  # self-nominated (ứng cử)


class BallotKind(StrEnum):
    STRIKE_OUT = "strike_out"  # the election ballot (EL-14)
    APPROVAL = "approval"  # an opinion ballot on nominees (EL-28)


SUPPLEMENTARY_STEPS: tuple[str, ...] = (
    "need_reported",
    "committee_list",
    "nominations",
    "withdrawals",
    "list_and_seats_voted",
    "election_held",
)
"""The six steps of a supplementary election, in order (EL-27)."""


@dataclass(frozen=True, slots=True)
class CongressInfo:
    """What an election reads of its congress (owned by the congresses context)."""

    congress_id: CongressId
    unit_id: UnitId
    name: str
    term_label: str
    kind: CongressKind
    opens_on: dt.date
    closes_on: dt.date | None
    place: str
    rulebook_id: str
    conference_id: int | None
    parent_unit_id: UnitId | None = None
    unit_name: str = ""
    parent_unit_name: str = ""
    level: str = "grassroots"  # the level for the age reference month (EL-33)
    official_members: int = 0  # official members (cell congress: EL-37)
    merge_class: str | None = None  # commune merge class (EL-38)


@dataclass(frozen=True, slots=True)
class CommitteeMember:
    """A member of the congress's counting committee, by full name (EL-06)."""

    person_id: PersonId
    full_name: str
    is_head: bool


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """The facts of a person an election checks: name (for the ballot), birth date and sex
    (the age rules, EL-33)."""

    person_id: PersonId
    full_name: str
    birth_date: dt.date | None
    sex: str


@dataclass(frozen=True, slots=True)
class Attendance:
    """Convened to the congress and present at the vote (EL-30, the minutes)."""

    convened: int
    present: int


class CongressReader(Protocol):
    """The congress an election belongs to, read from the congresses context."""

    def get(self, congress_id: CongressId) -> CongressInfo | None: ...

    def not_convened_ids(self, congress_id: CongressId) -> frozenset[PersonId]: ...

    def convening_committee_ids(self, congress_id: CongressId) -> frozenset[PersonId]: ...

    def counting_committee(self, congress_id: CongressId) -> list[CommitteeMember]: ...

    def denominator(self, congress_id: CongressId) -> Denominator: ...

    def electorate(self, congress_id: CongressId) -> frozenset[PersonId]:
        """Those who elect when the whole congress votes: the official members convened
        (members' and cell congress; probationary members attend without a vote, EL-19), or
        the official delegates and the alternates seated (delegates' congress, EL-20, EL-36)."""
        ...

    def attendance(self, congress_id: CongressId) -> Attendance: ...

    def person(self, person_id: PersonId) -> PersonFacts | None: ...

    def people(self, person_ids: Sequence[PersonId]) -> dict[PersonId, PersonFacts]:
        """The facts of several persons at once (the list's age rules): one query."""
        ...


@dataclass(frozen=True, slots=True)
class BallotName:
    """A name printed on the ballot, in ballot order."""

    person_id: PersonId
    full_name: str
    position: str = ""


@dataclass(frozen=True, slots=True)
class Tally:
    """The count of one round's vote session (the voting engine's election tally)."""

    issued: int
    collected: int
    valid: int
    invalid: int
    votes: Mapping[int, int]  # person id -> votes
    invalid_reasons: tuple[Mapping[str, Any], ...] = ()
    counted_at: dt.datetime | None = None


class BallotEngine(Protocol):
    """The vote sessions of the voting engine that carry an election's rounds."""

    def create_session(
        self,
        actor: Actor,
        conference_id: int,
        title: str,
        rulebook_id: str,
        seats: int,
        alternate_seats: int,
        ballot_kind: BallotKind,
        names: Sequence[BallotName],
        electorate: Sequence[int] = (),
    ) -> int: ...

    def tally(self, session_id: int) -> Tally | None: ...


class RegistryWriter(Protocol):
    """The registry's own use cases (records.add_record, records.add_term) and its titles."""

    def ensure_title(self, code: str, name: str, level: str) -> None: ...

    def add_position(
        self, actor: Actor, person_id: PersonId, data: PositionData, today: dt.date
    ) -> int: ...

    def add_term(self, actor: Actor, data: TermData, today: dt.date) -> int: ...


@dataclass(frozen=True, slots=True)
class ElectionData:
    congress_id: CongressId
    kind: ElectionKind
    seats: int
    alternate_seats: int = 0
    status: ElectionStatus = ElectionStatus.DRAFT
    parent_id: ElectionId | None = None
    supplementary: bool = False
    order: int = 0
    seats_for: int | None = None  # show of hands on the number to elect (EL-04)
    seats_against: int | None = None
    seats_attending: int | None = None
    list_for: int | None = None  # show of hands on the list (EL-04)
    list_against: int | None = None
    list_attending: int | None = None
    steps: tuple[str, ...] = ()  # supplementary steps done (EL-27)
    closing_decision: str = ""
    election_id: ElectionId | None = None


@dataclass(frozen=True, slots=True)
class CandidateData:
    election_id: ElectionId
    person_id: PersonId
    full_name: str
    source: CandidateSource
    sort_key: str = ""
    agree: int | None = None  # floor and self nominees: agreement (EL-10)
    attending: int | None = None
    proposer_id: PersonId | None = None
    first_time: bool = True
    withdrawn: bool = False
    withdrawal_decision: str = ""
    opinion_votes: int | None = None  # opinion ballot (EL-28)
    position_label: str = ""
    candidate_id: CandidateId | None = None


@dataclass(frozen=True, slots=True)
class RoundData:
    election_id: ElectionId
    number: int
    session_id: int
    seats: int
    decision: str = ""
    restricted_to: tuple[int, ...] = ()  # person ids of a tie round (EL-25)
    result: Mapping[str, Any] | None = None  # the core's ElectionResult.as_dict()
    counted_at: dt.datetime | None = None
    minutes_signed_at: dt.datetime | None = None
    round_id: RoundId | None = None


@dataclass(frozen=True, slots=True)
class ApprovalData:
    """The higher committee's approval of an election's results (chuẩn y, EL-29)."""

    election_id: ElectionId
    approving_unit_id: UnitId
    decision_number: str
    decided_on: dt.date
    recorded_by: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)


class ElectionRepository(Protocol):
    def add(self, data: ElectionData) -> ElectionId: ...

    def get(self, election_id: ElectionId) -> ElectionData | None: ...

    def of_congress(self, congress_id: CongressId) -> list[ElectionData]: ...

    def update(self, data: ElectionData) -> None: ...

    def add_candidate(self, data: CandidateData) -> CandidateId: ...

    def candidates(self, election_id: ElectionId) -> list[CandidateData]: ...

    def update_candidate(self, data: CandidateData) -> None: ...

    def add_round(self, data: RoundData) -> RoundId: ...

    def rounds(self, election_id: ElectionId) -> list[RoundData]: ...

    def update_round(self, data: RoundData) -> None: ...

    def add_approval(self, data: ApprovalData) -> None: ...

    def approval(self, election_id: ElectionId) -> ApprovalData | None: ...


class ElectionsUnitOfWork(Transaction, Protocol):
    """One transaction over the adapters (members are read-only so adapters may narrow them)."""

    @property
    def elections(self) -> ElectionRepository: ...

    @property
    def congresses(self) -> CongressReader: ...

    @property
    def ballots(self) -> BallotEngine: ...

    @property
    def registry(self) -> RegistryWriter: ...

    @property
    def tree(self) -> TreeReader: ...

    @property
    def audit(self) -> AuditLog: ...
