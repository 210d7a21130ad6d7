"""Ports and values of Party congresses (đại hội): the congress, its roll, the people not
convened, the credentials review, the working bodies and the subtractions from the base.

A congress runs on a conference of the voting context (check-in, bridge sites, attendance and
the vote sessions of its elections), so its unit of work is a voting unit of work with the
congress's own repository and a read-only view of the registry added (``CongressUnitOfWork``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NewType, Protocol

from canbo.core.elections.model import (
    CongressKind,
    DelegateStatus,
    NotConvenedReason,
    Subtraction,
)
from canbo.core.types import PersonId, UnitId
from canbo.services.voting.ports import ConferenceId, VotingUnitOfWork

CongressId = NewType("CongressId", int)


class CongressStatus(StrEnum):
    """The congress from preparation to closing; the roll is fixed before the opening (EL-35)."""

    PREPARING = "preparing"
    ROLL_FIXED = "roll_fixed"
    OPEN = "open"
    CLOSED = "closed"


class RollRole(StrEnum):
    """Why a person is on the roll of a congress."""

    MEMBER = "member"  # đảng viên (members' or cell congress)
    OFFICIAL_DELEGATE = "official_delegate"  # đại biểu chính thức
    ALTERNATE_DELEGATE = "alternate_delegate"  # đại biểu dự khuyết (EL-36)
    CONVENING_COMMITTEE = "convening_committee"  # cấp ủy triệu tập, đại biểu đương nhiên


class WorkingBody(StrEnum):
    """The working bodies of a congress, approved by show of hands (EL-04, EL-05, EL-06)."""

    PRESIDIUM = "presidium"  # đoàn chủ tịch (chủ tịch đại hội at a cell congress)
    SECRETARIAT = "secretariat"  # đoàn thư ký
    CREDENTIALS = "credentials"  # ban thẩm tra tư cách đại biểu
    COUNTING = "counting"  # ban kiểm phiếu


#: Roles that count among the official members or delegates convened (EL-19, EL-20).
OFFICIAL_ROLES = frozenset({RollRole.OFFICIAL_DELEGATE, RollRole.CONVENING_COMMITTEE})


@dataclass(frozen=True, slots=True)
class CongressData:
    """A congress of a Party organization for a term, on a conference created with it."""

    unit_id: UnitId
    title: str
    term_label: str
    kind: CongressKind
    opens_on: dt.date
    closes_on: dt.date
    place: str
    rulebook_id: str
    conference_id: ConferenceId | None = None
    status: CongressStatus = CongressStatus.PREPARING
    parameters: Mapping[str, Any] = field(default_factory=dict)
    congress_id: CongressId | None = None


@dataclass(frozen=True, slots=True)
class RollEntryData:
    """One person on the roll. ``official`` is official membership (members' and cell
    congresses: only official members make the base, EL-18, EL-19); ``seated_for`` is the
    official delegate an alternate is seated for (EL-05, EL-36)."""

    person_id: PersonId
    full_name: str
    role: RollRole
    official: bool = True
    status: DelegateStatus = DelegateStatus.OFFICIAL
    seated_for: PersonId | None = None


@dataclass(frozen=True, slots=True)
class NotConvenedData:
    """A person not convened at all, with the reason and the date of the fact (EL-35)."""

    person_id: PersonId
    full_name: str
    reason: NotConvenedReason
    fact_date: dt.date
    note: str = ""


@dataclass(frozen=True, slots=True)
class BodyMember:
    person_id: PersonId
    full_name: str
    is_head: bool = False


@dataclass(frozen=True, slots=True)
class BodyApproval:
    """The show of hands that approved a working body (EL-04): counts and those present."""

    body: WorkingBody
    votes_for: int
    votes_against: int
    abstained: int
    attending: int
    members: tuple[BodyMember, ...] = ()


@dataclass(frozen=True, slots=True)
class SubtractionData:
    """One person out of the base, with the reason (EL-19, EL-20)."""

    person_id: PersonId
    full_name: str
    reason: Subtraction
    note: str = ""


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """What the registry knows of a person on a date, for the proposals (EL-19, EL-35).

    Dates are the start of the fact; ``None`` when the registry knows nothing of it.
    ``in_subtree`` tells whether the person is a member in the congress's organization on the
    date; ``left_on`` is the day after the last membership in it ended, when the person left.
    """

    person_id: PersonId
    full_name: str
    official: bool = True
    in_subtree: bool = True
    left_on: dt.date | None = None
    suspended_on: dt.date | None = None
    temp_elsewhere_on: dt.date | None = None
    exempt_on: dt.date | None = None
    retires_on: dt.date | None = None


class CongressRepository(Protocol):
    def add(self, data: CongressData, scope: Sequence[UnitId]) -> CongressId:
        """Store the congress; ``scope`` is its unit and the unit's ancestors on the opening
        date, read by the higher committees' overview."""
        ...

    def get(self, congress_id: CongressId) -> CongressData | None: ...

    def set_status(self, congress_id: CongressId, status: CongressStatus) -> None: ...

    def convening_committee(self, congress_id: CongressId) -> list[PersonId]: ...

    def set_convening_committee(
        self, congress_id: CongressId, person_ids: Sequence[PersonId]
    ) -> None: ...

    def roll(self, congress_id: CongressId) -> list[RollEntryData]: ...

    def add_to_roll(self, congress_id: CongressId, entries: Sequence[RollEntryData]) -> int:
        """Add the entries of persons not yet on the roll; return how many were added."""
        ...

    def remove_from_roll(self, congress_id: CongressId, person_ids: Sequence[PersonId]) -> int: ...

    def set_statuses(
        self,
        congress_id: CongressId,
        statuses: Mapping[PersonId, tuple[DelegateStatus, PersonId | None]],
    ) -> None:
        """Set each person's delegate status and the delegate an alternate is seated for."""
        ...

    def not_convened(self, congress_id: CongressId) -> list[NotConvenedData]: ...

    def add_not_convened(self, congress_id: CongressId, data: NotConvenedData) -> None: ...

    def remove_not_convened(self, congress_id: CongressId, person_id: PersonId) -> bool: ...

    def working_bodies(self, congress_id: CongressId) -> list[BodyApproval]: ...

    def set_working_body(self, congress_id: CongressId, approval: BodyApproval) -> None:
        """Replace the body's members and its approval."""
        ...

    def subtractions(self, congress_id: CongressId) -> list[SubtractionData]: ...

    def set_subtractions(
        self, congress_id: CongressId, lines: Sequence[SubtractionData]
    ) -> None: ...


class RosterReader(Protocol):
    """Read-only view of the registry for a congress (members, names and facts on a date)."""

    def members(self, root: UnitId, as_of: dt.date) -> list[PersonFacts]:
        """Official and probationary members of the subtree of ``root`` on ``as_of``."""
        ...

    def facts(
        self, root: UnitId, person_ids: Sequence[PersonId], as_of: dt.date
    ) -> list[PersonFacts]:
        """The facts of the given persons (existing ones only) on ``as_of``."""
        ...

    def is_cell(self, unit_id: UnitId, as_of: dt.date) -> bool:
        """True for a cell (chi bộ cơ sở or chi bộ trực thuộc)."""
        ...

    def unit_name(self, unit_id: UnitId, as_of: dt.date) -> str: ...


class CongressUnitOfWork(VotingUnitOfWork, Protocol):
    """The voting unit of work (conference, check-in, sessions) with the congress added."""

    @property
    def congresses(self) -> CongressRepository: ...

    @property
    def roster(self) -> RosterReader: ...
