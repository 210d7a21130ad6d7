"""In-memory conferences and vote sessions behind the ``VotingUnitOfWork`` port.

Every method of the ports is here, so the fakes type-check as the ports. The unit tests use
them for conferences, the session lifecycle, check-in, the committee's key and casting; the
count (opening the sealed ballots, paper entries, result versions) is kept simple here and
tested on the database (tests/integration/test_voting_*.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from canbo.core.collation import sort_key
from canbo.core.types import AccountId, PersonId
from canbo.services.ports import TreeReader
from canbo.services.voting import voter_codes
from canbo.services.voting.ports import (
    Attendance,
    CastState,
    CheckInMethod,
    CommitteeMember,
    ConferenceData,
    ConferenceId,
    ConvocationData,
    ElectionTotals,
    ElectronicMarks,
    Medium,
    PaperReading,
    PaperTotals,
    ResultVersionData,
    SessionData,
    SessionId,
    SiteAttendance,
    SiteId,
    Status,
    SubjectData,
)
from tests.fakes.kernel import FakeAuditLog, FakeTransaction

CODE_KEY = b"khoa-ma-cu-tri-cho-kiem-thu-0001"


@dataclasses.dataclass
class Convocation:
    conference_id: ConferenceId
    person_id: PersonId
    qr_token: str
    excused: bool = False
    site_id: SiteId | None = None
    method: CheckInMethod | None = None


class FakeConferenceRepository:
    def __init__(self, names: Mapping[PersonId, str]) -> None:
        self.names = names  # the registry's people: id -> full name
        self.conferences: dict[ConferenceId, ConferenceData] = {}
        self.agendas: dict[ConferenceId, list[str]] = {}
        self.sites: dict[SiteId, tuple[ConferenceId, str]] = {}
        self.convocations: dict[int, Convocation] = {}

    def add(self, data: ConferenceData) -> ConferenceId:
        cid = ConferenceId(len(self.conferences) + 1)
        self.conferences[cid] = dataclasses.replace(data, conference_id=cid)
        return cid

    def get(self, conference_id: ConferenceId) -> ConferenceData | None:
        return self.conferences.get(conference_id)

    def set_agenda(self, conference_id: ConferenceId, titles: Sequence[str]) -> None:
        self.agendas[conference_id] = list(titles)
        self.set_current_item(conference_id, 1)

    def agenda(self, conference_id: ConferenceId) -> list[str]:
        return list(self.agendas.get(conference_id, []))

    def set_current_item(self, conference_id: ConferenceId, position: int) -> None:
        conf = self.conferences[conference_id]
        self.conferences[conference_id] = dataclasses.replace(conf, current_item=position)

    def add_site(self, conference_id: ConferenceId, name: str) -> SiteId:
        for site_id, (cid, existing) in self.sites.items():
            if (cid, existing) == (conference_id, name):
                return site_id
        site_id = SiteId(len(self.sites) + 1)
        self.sites[site_id] = (conference_id, name)
        return site_id

    def site_conference(self, site_id: SiteId) -> ConferenceId | None:
        return self.sites[site_id][0] if site_id in self.sites else None

    def _of(self, conference_id: ConferenceId) -> dict[int, Convocation]:
        return {k: c for k, c in self.convocations.items() if c.conference_id == conference_id}

    def convene(
        self, conference_id: ConferenceId, person_ids: Sequence[PersonId], tokens: Sequence[str]
    ) -> int:
        existing = {c.person_id for c in self._of(conference_id).values()}
        added = 0
        for person_id, token in zip(person_ids, tokens, strict=True):
            if person_id not in existing:
                self.convocations[len(self.convocations) + 1] = Convocation(
                    conference_id, person_id, token
                )
                existing.add(person_id)
                added += 1
        return added

    def set_excused(self, conference_id: ConferenceId, person_id: PersonId, excused: bool) -> bool:
        found = [c for c in self._of(conference_id).values() if c.person_id == person_id]
        for c in found:
            c.excused = excused
        return bool(found)

    def find_convocation(
        self, conference_id: ConferenceId, *, person_id: PersonId | None, qr_token: str | None
    ) -> ConvocationData | None:
        for key, c in self._of(conference_id).items():
            by_person = person_id is not None and c.person_id == person_id
            by_token = person_id is None and bool(qr_token) and c.qr_token == qr_token
            if by_person or by_token:
                name = self.names[c.person_id]
                checked = c.site_id is not None
                return ConvocationData(key, conference_id, c.person_id, name, c.excused, checked)
        return None

    def check_in(self, convocation_id: int, site_id: SiteId, method: CheckInMethod) -> bool:
        c = self.convocations[convocation_id]
        if c.site_id is not None:
            return False
        c.site_id, c.method = site_id, method
        return True

    def attendance(self, conference_id: ConferenceId) -> Attendance:
        rows = list(self._of(conference_id).values())
        present = frozenset(c.person_id for c in rows if c.site_id is not None)
        sites = tuple(
            SiteAttendance(site_id, name, sum(1 for c in rows if c.site_id == site_id))
            for site_id, (cid, name) in sorted(self.sites.items())
            if cid == conference_id
        )
        return Attendance(
            convened=len(rows),
            present=len(present),
            excused_absent=sum(1 for c in rows if c.excused and c.site_id is None),
            sites=sites,
            present_person_ids=present,
            convened_person_ids=frozenset(c.person_id for c in rows),
        )

    def roll(self, conference_id: ConferenceId) -> list[ConvocationData]:
        return [
            ConvocationData(
                key, conference_id, c.person_id, self.names[c.person_id], c.excused,
                c.site_id is not None,
            )
            for key, c in sorted(self._of(conference_id).items())
        ]  # fmt: skip

    def persons_exist(self, person_ids: Sequence[PersonId]) -> list[PersonId]:
        return [p for p in person_ids if p not in self.names]


_EDITABLE = (
    "title",
    "rulebook_id",
    "parameters",
    "paper_mode",
    "dossier_sent_on",
    "questions_sent_on",
    "members_in_office",
)


class FakeVoteRepository:
    def __init__(self, names: Mapping[PersonId, str]) -> None:
        self.names = names
        self.sessions: dict[SessionId, SessionData] = {}
        self.on_ballot: dict[SessionId, list[tuple[PersonId, str]]] = {}
        self.members: dict[SessionId, list[CommitteeMember]] = {}
        self.spent: set[tuple[SessionId, str]] = set()
        self.received: dict[tuple[SessionId, int], Medium] = {}
        self.sealed: dict[SessionId, list[bytes]] = {}
        self.opened: dict[SessionId, list[tuple[str, str]]] = {}
        self.entries: dict[SessionId, dict[int, dict[int, PaperReading]]] = {}
        self.entry_accounts: dict[tuple[SessionId, int, int], AccountId | None] = {}
        self.readings: dict[SessionId, dict[int, tuple[int, PaperReading]]] = {}
        self.totals: dict[SessionId, tuple[int, PaperTotals]] = {}
        self.election_counts: dict[SessionId, tuple[int, ElectionTotals]] = {}
        self.versions: dict[SessionId, list[ResultVersionData]] = {}

    def add_session(self, data: SessionData) -> SessionId:
        sid = SessionId(len(self.sessions) + 1)
        self.sessions[sid] = dataclasses.replace(data, session_id=sid)
        return sid

    def update_session(self, session_id: SessionId, data: SessionData) -> None:
        changes = {name: getattr(data, name) for name in _EDITABLE}
        self.sessions[session_id] = dataclasses.replace(self.sessions[session_id], **changes)

    def get(
        self, session_id: SessionId, *, lock: bool = False, shared: bool = False
    ) -> SessionData | None:
        return self.sessions.get(session_id)

    def cast_state(self, session_id: SessionId) -> CastState | None:
        s = self.sessions.get(session_id)
        if s is None:
            return None
        kind = str(s.parameters.get("ballot_kind", ""))
        return CastState(s.status, s.ballot_key, s.codes_issued, kind)

    def sessions_of(self, conference_id: ConferenceId) -> list[SessionData]:
        return [s for _, s in sorted(self.sessions.items()) if s.conference_id == conference_id]

    def set_status(self, session_id: SessionId, status: Status, **fields: Any) -> None:
        session = self.sessions[session_id]
        self.sessions[session_id] = dataclasses.replace(session, status=status, **fields)

    def _bump(self, session_id: SessionId, name: str, by: int) -> None:
        session = self.sessions[session_id]
        value = getattr(session, name) + by
        self.sessions[session_id] = dataclasses.replace(session, **{name: value})

    def set_subjects(self, session_id: SessionId, subjects: Sequence[tuple[PersonId, str]]) -> None:
        self.on_ballot[session_id] = list(subjects)

    def subjects(self, session_id: SessionId) -> list[SubjectData]:
        rows = [SubjectData(p, self.names[p], pos) for p, pos in self.on_ballot.get(session_id, [])]
        return sorted(rows, key=lambda s: (sort_key(s.full_name), s.person_id))

    def set_committee(self, session_id: SessionId, members: Sequence[CommitteeMember]) -> None:
        self.members[session_id] = list(members)

    def committee(self, session_id: SessionId) -> list[CommitteeMember]:
        return list(self.members.get(session_id, []))

    def counters(self, session_id: SessionId) -> list[AccountId]:
        found = self.members.get(session_id, [])
        return [m.account_id for m in found if m.account_id is not None]

    def spend_code(self, session_id: SessionId, code_hash: str) -> bool:
        if (session_id, code_hash) in self.spent:
            return False
        self.spent.add((session_id, code_hash))
        return True

    def code_spent(self, session_id: SessionId, code_hash: str) -> bool:
        return (session_id, code_hash) in self.spent

    def add_participation(self, session_id: SessionId, convocation_id: int, medium: Medium) -> bool:
        if (session_id, convocation_id) in self.received:
            return False
        self.received[(session_id, convocation_id)] = medium
        if medium is Medium.ELECTRONIC:
            self._bump(session_id, "codes_issued", 1)
        return True

    def participation_counts(self, session_id: SessionId) -> dict[Medium, int]:
        counts = {m: 0 for m in Medium}
        for (sid, _), medium in self.received.items():
            if sid == session_id:
                counts[medium] += 1
        return counts

    def handed(self, session_id: SessionId) -> frozenset[int]:
        return frozenset(c for sid, c in self.received if sid == session_id)

    def subject_ids(self, session_id: SessionId) -> tuple[PersonId, ...]:
        return tuple(sorted(p for p, _ in self.on_ballot.get(session_id, [])))

    def add_sealed_ballot(self, session_id: SessionId, box: bytes) -> None:
        self.sealed.setdefault(session_id, []).append(box)

    def sealed_count(self, session_id: SessionId) -> int:
        return len(self.sealed.get(session_id, []))

    def sealed_boxes(self, session_id: SessionId) -> list[bytes]:
        return list(self.sealed.get(session_id, []))

    def set_ballot_key(
        self, session_id: SessionId, public_key: str, threshold: int, shares: int
    ) -> None:
        session = self.sessions[session_id]
        self.sessions[session_id] = dataclasses.replace(
            session, ballot_key=public_key, key_threshold=threshold, key_shares=shares
        )

    def add_slips(self, session_id: SessionId, count: int) -> None:
        self._bump(session_id, "slips_printed", count)

    def add_guessing_alert(self, session_id: SessionId) -> None:
        self._bump(session_id, "guessing_alerts", 1)

    def store_opened(self, session_id: SessionId, ballots: Sequence[tuple[str, str]]) -> None:
        self.opened[session_id] = list(ballots)
        self.sealed.pop(session_id, None)
        self.spent = {(sid, h) for sid, h in self.spent if sid != session_id}

    def electronic_marks(self, session_id: SessionId) -> ElectronicMarks:
        rows = [marks for _, marks in self.opened.get(session_id, [])]
        return ElectronicMarks(self.subject_ids(session_id), rows)

    def add_paper_entry(
        self,
        session_id: SessionId,
        operator: int,
        reading: PaperReading,
        account: AccountId | None,
    ) -> bool:
        by_serial = self.entries.setdefault(session_id, {}).setdefault(reading.serial, {})
        if operator in by_serial:
            return False
        by_serial[operator] = reading
        self.entry_accounts[(session_id, reading.serial, operator)] = account
        return True

    def paper_entries(self, session_id: SessionId) -> dict[int, dict[int, PaperReading]]:
        return {k: dict(v) for k, v in self.entries.get(session_id, {}).items()}

    def paper_entry_accounts(
        self, session_id: SessionId, serial: int
    ) -> dict[int, AccountId | None]:
        return {
            op: account
            for (sid, number, op), account in self.entry_accounts.items()
            if sid == session_id and number == serial
        }

    def add_paper_reading(
        self, session_id: SessionId, reading: PaperReading, revision: int, source: str
    ) -> None:
        latest = self.readings.setdefault(session_id, {})
        if reading.serial not in latest or latest[reading.serial][0] <= revision:
            latest[reading.serial] = (revision, reading)

    def paper_readings(self, session_id: SessionId) -> dict[int, PaperReading]:
        return {k: r for k, (_, r) in self.readings.get(session_id, {}).items()}

    def add_paper_totals(self, session_id: SessionId, totals: PaperTotals, revision: int) -> None:
        if session_id not in self.totals or self.totals[session_id][0] <= revision:
            self.totals[session_id] = (revision, totals)

    def paper_totals(self, session_id: SessionId) -> PaperTotals | None:
        return self.totals[session_id][1] if session_id in self.totals else None

    def add_election_totals(
        self, session_id: SessionId, totals: ElectionTotals, revision: int
    ) -> None:
        if (
            session_id not in self.election_counts
            or self.election_counts[session_id][0] <= revision
        ):
            self.election_counts[session_id] = (revision, totals)

    def election_totals(self, session_id: SessionId) -> ElectionTotals | None:
        found = self.election_counts.get(session_id)
        return found[1] if found else None

    def add_result(
        self, session_id: SessionId, number: int, reason: str, data: Mapping[str, Any]
    ) -> None:
        version = ResultVersionData(number, reason, dict(data), certified=False)
        self.versions.setdefault(session_id, []).append(version)

    def results(self, session_id: SessionId) -> list[ResultVersionData]:
        return list(self.versions.get(session_id, []))

    def _version(self, session_id: SessionId, number: int) -> int:
        found = [i for i, v in enumerate(self.versions[session_id]) if v.number == number]
        return found[0]

    def sign(self, session_id: SessionId, number: int, account: AccountId) -> bool:
        i = self._version(session_id, number)
        version = self.versions[session_id][i]
        if account in version.signed_by:
            return False
        signed = dataclasses.replace(version, signed_by=(*version.signed_by, account))
        self.versions[session_id][i] = signed
        return True

    def mark_certified(self, session_id: SessionId, number: int) -> None:
        i = self._version(session_id, number)
        version = self.versions[session_id][i]
        self.versions[session_id][i] = dataclasses.replace(version, certified=True)


class FakeCodes:
    """Voter codes under a fixed test key, as the Django adapter does under the real one."""

    def mint(self, session_id: SessionId) -> str:
        return voter_codes.mint_code(CODE_KEY, int(session_id))

    def is_genuine(self, session_id: SessionId, code: str) -> bool:
        return voter_codes.is_genuine(CODE_KEY, int(session_id), code)

    def spent_digest(self, session_id: SessionId, code: str) -> str:
        return voter_codes.spent_digest(CODE_KEY, int(session_id), code)


class FakeVotingUnitOfWork(FakeTransaction):
    """The ``VotingUnitOfWork`` port in memory over a tree and the names of the registry's
    people (a :class:`tests.fakes.registry.FakeRegistryUnitOfWork` gives both)."""

    def __init__(self, tree: TreeReader, names: Mapping[PersonId, str]) -> None:
        super().__init__()
        self.conferences = FakeConferenceRepository(names)
        self.votes = FakeVoteRepository(names)
        self.tree = tree
        self.audit = FakeAuditLog()
        self.codes = FakeCodes()

    def _repositories(self) -> list[object]:
        return [self.conferences, self.votes, self.audit]

    def _shared(self) -> list[object]:
        return [self.tree, self.conferences.names]
