"""In-memory elections behind the ``ElectionsUnitOfWork`` port: the election rows, a congress
as the congresses context would answer it, a ballot engine whose tallies the test sets, and a
registry writer that records the posts and terms it is asked to write."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from canbo.core.ballots.catalog import default_registry
from canbo.core.elections.denominator import Denominator, Removed, denominator
from canbo.core.elections.model import CongressKind
from canbo.core.records import PositionData, TermData
from canbo.core.types import PersonId, UnitId
from canbo.services.elections.ports import (
    ApprovalData,
    Attendance,
    BallotKind,
    BallotName,
    CandidateData,
    CandidateId,
    CommitteeMember,
    CongressId,
    CongressInfo,
    ElectionData,
    ElectionId,
    PersonFacts,
    RoundData,
    RoundId,
    Tally,
)
from canbo.services.ports import Actor
from tests.fakes.kernel import FakeAuditLog, FakeTransaction


class FakeTree:
    """A tree that does not change: each unit with its parent."""

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


class FakeElectionRepository:
    def __init__(self) -> None:
        self.elections: dict[ElectionId, ElectionData] = {}
        self.rows: dict[CandidateId, CandidateData] = {}
        self.round_rows: dict[RoundId, RoundData] = {}
        self.approvals: dict[ElectionId, ApprovalData] = {}

    def add(self, data: ElectionData) -> ElectionId:
        eid = ElectionId(len(self.elections) + 1)
        self.elections[eid] = dataclasses.replace(data, election_id=eid)
        return eid

    def get(self, election_id: ElectionId) -> ElectionData | None:
        return self.elections.get(election_id)

    def of_congress(self, congress_id: CongressId) -> list[ElectionData]:
        return [e for e in self.elections.values() if e.congress_id == congress_id]

    def update(self, data: ElectionData) -> None:
        assert data.election_id is not None
        self.elections[data.election_id] = data

    def add_candidate(self, data: CandidateData) -> CandidateId:
        cid = CandidateId(len(self.rows) + 1)
        self.rows[cid] = dataclasses.replace(data, candidate_id=cid)
        return cid

    def candidates(self, election_id: ElectionId) -> list[CandidateData]:
        found = [c for c in self.rows.values() if c.election_id == election_id]
        return sorted(found, key=lambda c: (c.sort_key, c.candidate_id or 0))

    def update_candidate(self, data: CandidateData) -> None:
        assert data.candidate_id is not None
        self.rows[data.candidate_id] = data

    def add_round(self, data: RoundData) -> RoundId:
        rid = RoundId(len(self.round_rows) + 1)
        self.round_rows[rid] = dataclasses.replace(data, round_id=rid)
        return rid

    def rounds(self, election_id: ElectionId) -> list[RoundData]:
        found = [r for r in self.round_rows.values() if r.election_id == election_id]
        return sorted(found, key=lambda r: r.number)

    def update_round(self, data: RoundData) -> None:
        assert data.round_id is not None
        self.round_rows[data.round_id] = data

    def add_approval(self, data: ApprovalData) -> None:
        self.approvals[data.election_id] = data

    def approval(self, election_id: ElectionId) -> ApprovalData | None:
        return self.approvals.get(election_id)


@dataclasses.dataclass
class FakeCongress:
    info: CongressInfo
    convened: int
    removed: list[Removed] = dataclasses.field(default_factory=list)
    not_convened: set[PersonId] = dataclasses.field(default_factory=set)
    conveners: set[PersonId] = dataclasses.field(default_factory=set)
    counting: list[CommitteeMember] = dataclasses.field(default_factory=list)
    present: int = 0
    voters: set[PersonId] = dataclasses.field(default_factory=set)  # who elects (electorate)


class FakeCongressReader:
    def __init__(self) -> None:
        self.congresses: dict[CongressId, FakeCongress] = {}
        self.known: dict[PersonId, PersonFacts] = {}

    def get(self, congress_id: CongressId) -> CongressInfo | None:
        found = self.congresses.get(congress_id)
        return found.info if found else None

    def not_convened_ids(self, congress_id: CongressId) -> frozenset[PersonId]:
        return frozenset(self.congresses[congress_id].not_convened)

    def convening_committee_ids(self, congress_id: CongressId) -> frozenset[PersonId]:
        return frozenset(self.congresses[congress_id].conveners)

    def counting_committee(self, congress_id: CongressId) -> list[CommitteeMember]:
        return list(self.congresses[congress_id].counting)

    def denominator(self, congress_id: CongressId) -> Denominator:
        c = self.congresses[congress_id]
        rulebook = default_registry().get(c.info.rulebook_id)
        return denominator(
            c.info.kind,
            c.convened,
            c.removed,
            not_convened_ids=frozenset(int(p) for p in c.not_convened),
            rulebook=rulebook,
        )

    def electorate(self, congress_id: CongressId) -> frozenset[PersonId]:
        return frozenset(self.congresses[congress_id].voters)

    def attendance(self, congress_id: CongressId) -> Attendance:
        c = self.congresses[congress_id]
        return Attendance(c.convened, c.present or c.convened)

    def person(self, person_id: PersonId) -> PersonFacts | None:
        return self.known.get(person_id)

    def people(self, person_ids: Sequence[PersonId]) -> dict[PersonId, PersonFacts]:
        return {p: self.known[p] for p in person_ids if p in self.known}


class FakeBallotEngine:
    """Sessions are numbered; a test sets each session's tally as the count would."""

    def __init__(self) -> None:
        self.sessions: dict[int, tuple[str, int, int, BallotKind, list[BallotName]]] = {}
        self.electorates: dict[int, list[int]] = {}
        self.tallies: dict[int, Tally] = {}

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
    ) -> int:
        sid = 100 + len(self.sessions) + 1
        self.sessions[sid] = (title, seats, alternate_seats, ballot_kind, list(names))
        self.electorates[sid] = list(electorate)
        return sid

    def tally(self, session_id: int) -> Tally | None:
        return self.tallies.get(session_id)


class FakeRegistryWriter:
    def __init__(self) -> None:
        self.titles: dict[str, tuple[str, str]] = {}
        self.posts: list[tuple[PersonId, PositionData]] = []
        self.terms: list[TermData] = []

    def ensure_title(self, code: str, name: str, level: str) -> None:
        self.titles.setdefault(code, (name, level))

    def add_position(
        self, actor: Actor, person_id: PersonId, data: PositionData, today: dt.date
    ) -> int:
        data.check(today)
        self.posts.append((person_id, data))
        return len(self.posts)

    def add_term(self, actor: Actor, data: TermData, today: dt.date) -> int:
        data.check(today)
        self.terms.append(data)
        return len(self.terms)


class FakeElectionsUnitOfWork(FakeTransaction):
    """The ``ElectionsUnitOfWork`` port in memory; the congress, the ballots and the registry
    are put back with the elections when a block is left without ``commit``."""

    def __init__(self, tree: FakeTree) -> None:
        super().__init__()
        self.elections = FakeElectionRepository()
        self.congresses = FakeCongressReader()
        self.ballots = FakeBallotEngine()
        self.registry = FakeRegistryWriter()
        self.tree = tree
        self.audit = FakeAuditLog()

    def _repositories(self) -> list[object]:
        return [self.elections, self.ballots, self.registry, self.audit]

    def _shared(self) -> list[object]:
        return [self.tree, self.congresses]


def congress_info(
    congress_id: int,
    unit_id: int,
    parent_id: int | None,
    kind: CongressKind = CongressKind.MEMBERS,
    *,
    official_members: int = 0,
    opens_on: dt.date = dt.date(2025, 4, 10),
) -> CongressInfo:
    return CongressInfo(
        congress_id=CongressId(congress_id),
        unit_id=UnitId(unit_id),
        name="Đại hội Đảng bộ xã Yên Minh",
        term_label="2025–2030",
        kind=kind,
        opens_on=opens_on,
        closes_on=opens_on + dt.timedelta(days=1),
        place="Hội trường Đảng ủy xã",
        rulebook_id="QD190_2024",
        conference_id=7,
        parent_unit_id=UnitId(parent_id) if parent_id else None,
        official_members=official_members,
    )
