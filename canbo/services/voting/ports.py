"""Ports and values of conferences and vote sessions; the Django apps provide the adapters.

Secrecy is carried by the shapes here (docs/voting.md, docs/security.md): no port stores a
voter code; :meth:`VoteRepository.spend_code` takes only a keyed hash of a code that casts,
:meth:`VoteRepository.add_sealed_ballot` only a box sealed to the counting committee, and
:meth:`VoteRepository.store_opened` the opened ballots of a whole session at once, already
shuffled. No port offers a way to store a link between a convened person and a code, a
receipt or a ballot.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NewType, Protocol

from canbo.core.ballots.lifecycle import Status as Status  # the states live in the core
from canbo.core.types import AccountId, PersonId, UnitId
from canbo.services.ports import AuditLog, Transaction, TreeReader

ConferenceId = NewType("ConferenceId", int)
SessionId = NewType("SessionId", int)
SiteId = NewType("SiteId", int)


class PaperMode(StrEnum):
    PER_BALLOT = "per_ballot"  # each paper ballot entered twice, independently
    TOTALS = "totals"  # per-person totals of a manual count


class Medium(StrEnum):
    ELECTRONIC = "electronic"
    PAPER = "paper"


class CheckInMethod(StrEnum):
    STAFF = "staff"  # ticked by the site's staff
    QR = "qr"  # the QR code printed on the delegate's invitation


class LineReading(StrEnum):
    """What a counting operator reads on one printed line of a paper ballot (CV-12, CV-14)."""

    HIGH = "high"
    MID = "mid"
    LOW = "low"
    NONE = "none"  # no level marked
    SEVERAL = "several"  # two or three levels marked
    STRUCK = "struck"  # the printed name crossed out
    # Election ballots (EL-14): a strike-out line is KEPT or STRUCK; an agree/disagree line is
    # AGREE, DISAGREE, NONE (no box marked) or SEVERAL (both boxes marked).
    KEPT = "kept"
    AGREE = "agree"
    DISAGREE = "disagree"


class ElectionBallotKind(StrEnum):
    """The election ballot of a vote session (EL-14): names crossed out on a list with a
    surplus; agree/disagree per name on a list without surplus or with one name."""

    STRIKE_OUT = "strike_out"
    APPROVAL = "approval"


ELECTION_PARAMETERS = ("seats", "alternate_seats", "ballot_kind", "electorate", "ballot_title")
"""Keys of ``SessionData.parameters`` that describe an election ballot, not rulebook overrides."""


@dataclass(frozen=True, slots=True)
class ConferenceData:
    unit_id: UnitId
    title: str
    body: str
    held_on: dt.date
    place: str = ""
    current_item: int = 1
    conference_id: ConferenceId | None = None


@dataclass(frozen=True, slots=True)
class ConvocationData:
    convocation_id: int
    conference_id: ConferenceId
    person_id: PersonId
    full_name: str
    excused: bool
    checked_in: bool


@dataclass(frozen=True, slots=True)
class SiteAttendance:
    site_id: SiteId
    name: str
    present: int


@dataclass(frozen=True, slots=True)
class Attendance:
    """Live attendance: persons convened, present (any site), excused and absent, per site."""

    convened: int
    present: int
    excused_absent: int
    sites: tuple[SiteAttendance, ...]
    present_person_ids: frozenset[PersonId] = frozenset()
    convened_person_ids: frozenset[PersonId] = frozenset()


@dataclass(frozen=True, slots=True)
class SessionData:
    conference_id: ConferenceId
    title: str
    rulebook_id: str
    parameters: Mapping[str, Any] = field(default_factory=dict)
    status: Status = Status.DRAFT
    paper_mode: PaperMode = PaperMode.PER_BALLOT
    dossier_sent_on: dt.date | None = None
    questions_sent_on: dt.date | None = None
    members_in_office: int | None = None
    opened_present: int | None = None
    opened_base: int | None = None
    session_id: SessionId | None = None
    ballot_key: str = ""  # the counting committee's public key (hex), empty until made
    key_threshold: int | None = None
    key_shares: int | None = None
    slips_printed: int = 0
    guessing_alerts: int = 0
    codes_issued: int = 0  # delegates recorded as having received a code (electronic)


@dataclass(frozen=True, slots=True)
class CastState:
    """What a cast reads of its session: the status, the committee's public key, and the
    number of delegates given a code (the cap on electronic ballots, CV-15)."""

    status: Status
    ballot_key: str
    codes_issued: int
    ballot_kind: str = ""  # an ElectionBallotKind on an election session, else empty


@dataclass(frozen=True, slots=True)
class CommitteeMember:
    """A member of the counting committee: the registry person the member is (the minutes
    print the full name) and, when the member also acts in the system (makes the key, enters
    a share, signs the count), the account; at least one of the two."""

    person_id: PersonId | None = None
    account_id: AccountId | None = None


@dataclass(frozen=True, slots=True)
class SubjectData:
    """A person on the ballot, in official order (sort key: given name, middle, family)."""

    person_id: PersonId
    full_name: str
    position: str


@dataclass(frozen=True, slots=True)
class ElectronicMarks:
    """The marks of every electronic ballot of a session, one compact row per ballot.

    Row ``i`` has one character per person of ``order`` (ascending person id): ``H``, ``M``,
    ``L`` or ``-`` (no level), as :func:`canbo.core.ballots.tally.encode_confidence_marks`
    writes it. Rows carry no receipt and no order of casting.
    """

    order: tuple[PersonId, ...]
    rows: Sequence[str]


@dataclass(frozen=True, slots=True)
class PaperReading:
    """One paper ballot as read: a reading per printed line; ``not_issued`` for a ballot the
    counting committee did not issue (CV-14 case i)."""

    serial: int
    lines: Mapping[int, LineReading]
    not_issued: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "lines": {str(k): str(v) for k, v in sorted(self.lines.items())},
            "not_issued": self.not_issued,
        }

    @classmethod
    def from_json(cls, serial: int, data: Mapping[str, Any]) -> PaperReading:
        lines = {int(k): LineReading(v) for k, v in data["lines"].items()}
        return cls(serial, lines, bool(data.get("not_issued", False)))


@dataclass(frozen=True, slots=True)
class PersonTotals:
    high: int
    mid: int
    low: int
    invalid: int

    @property
    def marked(self) -> int:
        return self.high + self.mid + self.low + self.invalid


@dataclass(frozen=True, slots=True)
class PaperTotals:
    """A manual count: paper ballots collected and per-person totals."""

    collected: int
    counts: Mapping[int, PersonTotals]


@dataclass(frozen=True, slots=True)
class ElectionTotals:
    """A manual count of an election's paper ballots: valid and invalid ballots and the votes
    of each candidate (the names kept, or the "agree" marks) on the valid ones."""

    valid: int
    invalid: int
    votes: Mapping[int, int]

    @property
    def collected(self) -> int:
        return self.valid + self.invalid

    def as_json(self) -> dict[str, Any]:
        votes = {str(k): v for k, v in sorted(self.votes.items())}
        return {"valid": self.valid, "invalid": self.invalid, "votes": votes}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ElectionTotals:
        votes = {int(k): int(v) for k, v in data["votes"].items()}
        return cls(int(data["valid"]), int(data["invalid"]), votes)


@dataclass(frozen=True, slots=True)
class CandidateVotes:
    """One candidate's line of an election tally, in ballot order."""

    person_id: PersonId
    full_name: str
    votes: int


@dataclass(frozen=True, slots=True)
class InvalidCount:
    """Invalid ballots for one reason (EL-16), with the citation as recorded."""

    code: str
    count: int
    citation: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ElectionTally:
    """The count of one election round's ballots, as the counting committee signed it.

    ``data`` is the stored result (``{"kind": "election", "rulebook", "figures",
    "invalid_reasons", "candidates", ...}``, docs/voting.md "Election ballots"); the other
    fields are read from it. Elected or not is decided by the elections (EL-22 to EL-25),
    not here.
    """

    session_id: SessionId
    version: int
    certified: bool
    rulebook_id: str
    ballot_kind: ElectionBallotKind
    seats: int
    alternate_seats: int
    issued: int
    collected: int
    electronic: int
    paper: int
    valid: int
    invalid: int
    invalid_reasons: tuple[InvalidCount, ...]
    candidates: tuple[CandidateVotes, ...]
    data: Mapping[str, Any]

    @classmethod
    def from_version(cls, session_id: SessionId, version: ResultVersionData) -> ElectionTally:
        d = version.data
        f = d["figures"]
        return cls(
            session_id=session_id,
            version=version.number,
            certified=version.certified,
            rulebook_id=str(d["rulebook"]["id"]),
            ballot_kind=ElectionBallotKind(d["ballot_kind"]),
            seats=int(d["seats"]),
            alternate_seats=int(d.get("alternate_seats", 0)),
            issued=f["issued"],
            collected=f["collected"],
            electronic=f["electronic"],
            paper=f["paper"],
            valid=f["valid"],
            invalid=f["invalid"],
            invalid_reasons=tuple(
                InvalidCount(r["code"], r["count"], r["citation"]) for r in d["invalid_reasons"]
            ),
            candidates=tuple(
                CandidateVotes(PersonId(c["person_id"]), c["full_name"], c["votes"])
                for c in d["candidates"]
            ),
            data=d,
        )


@dataclass(frozen=True, slots=True)
class ResultVersionData:
    number: int
    reason: str
    data: Mapping[str, Any]
    certified: bool
    signed_by: tuple[AccountId, ...] = ()


class ConferenceRepository(Protocol):
    def add(self, data: ConferenceData) -> ConferenceId: ...

    def get(self, conference_id: ConferenceId) -> ConferenceData | None: ...

    def set_agenda(self, conference_id: ConferenceId, titles: Sequence[str]) -> None: ...

    def agenda(self, conference_id: ConferenceId) -> list[str]: ...

    def set_current_item(self, conference_id: ConferenceId, position: int) -> None: ...

    def add_site(self, conference_id: ConferenceId, name: str) -> SiteId: ...

    def site_conference(self, site_id: SiteId) -> ConferenceId | None: ...

    def convene(
        self, conference_id: ConferenceId, person_ids: Sequence[PersonId], tokens: Sequence[str]
    ) -> int:
        """Add the persons not yet convened; return how many were added."""
        ...

    def set_excused(
        self, conference_id: ConferenceId, person_id: PersonId, excused: bool
    ) -> bool: ...

    def find_convocation(
        self, conference_id: ConferenceId, *, person_id: PersonId | None, qr_token: str | None
    ) -> ConvocationData | None: ...

    def check_in(self, convocation_id: int, site_id: SiteId, method: CheckInMethod) -> bool:
        """Record presence; False when the person is already checked in."""
        ...

    def attendance(self, conference_id: ConferenceId) -> Attendance: ...

    def roll(self, conference_id: ConferenceId) -> list[ConvocationData]:
        """Every person convened, with whether the person is checked in (one query)."""
        ...

    def persons_exist(self, person_ids: Sequence[PersonId]) -> list[PersonId]:
        """The ids among ``person_ids`` that do not exist."""
        ...


class VoteRepository(Protocol):
    def add_session(self, data: SessionData) -> SessionId: ...

    def update_session(self, session_id: SessionId, data: SessionData) -> None: ...

    def get(
        self, session_id: SessionId, *, lock: bool = False, shared: bool = False
    ) -> SessionData | None:
        """The session; ``lock`` excludes every other locker until commit, ``shared`` only
        the exclusive ones (casts share the lock, a close waits for the casts in flight)."""
        ...

    def cast_state(self, session_id: SessionId) -> CastState | None:
        """The session as a cast needs it, share-locked like ``get(shared=True)``."""
        ...

    def sessions_of(self, conference_id: ConferenceId) -> list[SessionData]: ...

    def set_status(self, session_id: SessionId, status: Status, **fields: Any) -> None: ...

    def set_subjects(
        self, session_id: SessionId, subjects: Sequence[tuple[PersonId, str]]
    ) -> None: ...

    def subjects(self, session_id: SessionId) -> list[SubjectData]: ...

    def set_committee(self, session_id: SessionId, members: Sequence[CommitteeMember]) -> None:
        """The counting committee, head first."""
        ...

    def committee(self, session_id: SessionId) -> list[CommitteeMember]: ...

    def counters(self, session_id: SessionId) -> list[AccountId]:
        """The accounts of the committee's members who act in the system, head first."""
        ...

    def spend_code(self, session_id: SessionId, code_hash: str) -> bool:
        """Record a code as spent (one insert under a unique key); False when it already was."""
        ...

    def code_spent(self, session_id: SessionId, code_hash: str) -> bool: ...

    def add_participation(self, session_id: SessionId, convocation_id: int, medium: Medium) -> bool:
        """False when the person already received a code or ballot for this session; an
        electronic one also counts on the session (``SessionData.codes_issued``)."""
        ...

    def participation_counts(self, session_id: SessionId) -> dict[Medium, int]: ...

    def handed(self, session_id: SessionId) -> frozenset[int]:
        """The convocations that already received a code or ballot for this session."""
        ...

    def subject_ids(self, session_id: SessionId) -> tuple[PersonId, ...]:
        """The persons on the ballot in ascending id order: the order of compact marks."""
        ...

    def add_sealed_ballot(self, session_id: SessionId, box: bytes) -> None:
        """Store a cast ballot, sealed to the committee's key (no voter, no code, no time)."""
        ...

    def sealed_count(self, session_id: SessionId) -> int: ...

    def sealed_boxes(self, session_id: SessionId) -> list[bytes]: ...

    def store_opened(self, session_id: SessionId, ballots: Sequence[tuple[str, str]]) -> None:
        """Store the opened ballots ``(receipt, marks)`` in the order given (already shuffled)
        and discard the sealed ballots and spent codes of the session."""
        ...

    def set_ballot_key(
        self, session_id: SessionId, public_key: str, threshold: int, shares: int
    ) -> None: ...

    def add_slips(self, session_id: SessionId, count: int) -> None: ...

    def add_guessing_alert(self, session_id: SessionId) -> None: ...

    def electronic_marks(self, session_id: SessionId) -> ElectronicMarks:
        """The compact marks of every electronic ballot (see :class:`ElectronicMarks`)."""
        ...

    def add_paper_entry(
        self,
        session_id: SessionId,
        operator: int,
        reading: PaperReading,
        account: AccountId | None,
    ) -> bool:
        """False when this operator already entered this serial."""
        ...

    def paper_entries(self, session_id: SessionId) -> dict[int, dict[int, PaperReading]]: ...

    def paper_entry_accounts(
        self, session_id: SessionId, serial: int
    ) -> dict[int, AccountId | None]:
        """Who entered each operator's reading of one paper ballot (operator -> account)."""
        ...

    def add_paper_reading(
        self, session_id: SessionId, reading: PaperReading, revision: int, source: str
    ) -> None: ...

    def paper_readings(self, session_id: SessionId) -> dict[int, PaperReading]:
        """The latest revision of each paper ballot's reading."""
        ...

    def add_paper_totals(
        self, session_id: SessionId, totals: PaperTotals, revision: int
    ) -> None: ...

    def paper_totals(self, session_id: SessionId) -> PaperTotals | None:
        """The latest revision."""
        ...

    def add_election_totals(
        self, session_id: SessionId, totals: ElectionTotals, revision: int
    ) -> None: ...

    def election_totals(self, session_id: SessionId) -> ElectionTotals | None:
        """The latest revision of an election session's manual count."""
        ...

    def add_result(
        self, session_id: SessionId, number: int, reason: str, data: Mapping[str, Any]
    ) -> None: ...

    def results(self, session_id: SessionId) -> list[ResultVersionData]: ...

    def sign(self, session_id: SessionId, number: int, account: AccountId) -> bool: ...

    def mark_certified(self, session_id: SessionId, number: int) -> None: ...


class CodeAuthority(Protocol):
    """Voter codes under a key kept outside the database (:mod:`~.voting.voter_codes`)."""

    def mint(self, session_id: SessionId) -> str: ...

    def is_genuine(self, session_id: SessionId, code: str) -> bool: ...

    def spent_digest(self, session_id: SessionId, code: str) -> str: ...


class VotingUnitOfWork(Transaction, Protocol):
    """One transaction over the adapters (members are read-only so adapters may narrow them)."""

    @property
    def conferences(self) -> ConferenceRepository: ...

    @property
    def votes(self) -> VoteRepository: ...

    @property
    def tree(self) -> TreeReader: ...

    @property
    def audit(self) -> AuditLog: ...

    @property
    def codes(self) -> CodeAuthority: ...


# Paper ballots read by machine (docs/voting.md, "Paper ballots: the counting committee's
# screens"). Nothing here names a voter: a serial is a random string printed on a sheet.


@dataclass(frozen=True, slots=True)
class PrintedBallots:
    """A print run as rendered: the PDF, the layout (JSON) and its fingerprint."""

    pdf: bytes
    layout_json: str
    fingerprint: str


@dataclass(frozen=True, slots=True)
class MarkRead:
    """One printed line as the reader saw it (``value`` in the reader's words)."""

    order: int
    value: str
    certainty: float


@dataclass(frozen=True, slots=True)
class SheetRead:
    """One scanned page as read: ``status`` read|review|refused with a reason code."""

    file: str
    page: int | None
    serial: str | None
    layout_page: int | None
    status: str
    reason: str
    marks: tuple[MarkRead, ...]
    review: tuple[int, ...]
    image: str = ""  # where the scan is kept, for the overlay and the crops


@dataclass(frozen=True, slots=True)
class SheetRecord:
    """A stored scanned sheet of a session."""

    sheet_id: int
    batch_id: int
    read: SheetRead


@dataclass(frozen=True, slots=True)
class PrintRunData:
    run_id: int
    layout_json: str
    fingerprint: str
    persons: tuple[PersonId, ...]  # the person of each printed line, in row order (order 1..n)
    copies: int
    paper: str


class BallotPrinter(Protocol):
    def render(
        self,
        *,
        session_ref: str,
        kind: str,
        title: str,
        organization: str,
        rows: Sequence[tuple[int, str, str]],
        seats: int | None,
        copies: int,
        paper: str,
        reprint_of: str | None = None,
        heading: str = "",
    ) -> PrintedBallots:
        """``reprint_of``: the layout (JSON) of the last print, kept when the names and the
        paper are the same, so sheets of both prints are read with one layout. ``heading``:
        the ballot's own title (an appointment step's), printed instead of the election's."""
        ...


class SheetReader(Protocol):
    def read(
        self, layout_json: str, images: Sequence[str], seen: set[tuple[str, int | None]]
    ) -> Iterator[SheetRead]:
        """Every page of ``images``; ``seen`` holds the (serial, page) of sheets read before."""
        ...


class PaperScanRepository(Protocol):
    def add_print_run(
        self,
        session_id: SessionId,
        printed: PrintedBallots,
        persons: Sequence[PersonId],
        copies: int,
        paper: str,
        printed_by: AccountId | None,
    ) -> int: ...

    def latest_print_run(self, session_id: SessionId) -> PrintRunData | None: ...

    def add_batch(
        self, session_id: SessionId, uploaded_by: AccountId | None, files: int
    ) -> int: ...

    def finish_batch(self, batch_id: int, counts: Mapping[str, int]) -> None: ...

    def add_sheet(self, batch_id: int, sheet: SheetRead) -> int: ...

    def sheets(self, session_id: SessionId) -> list[SheetRecord]: ...

    def add_decision(
        self,
        sheet_id: int,
        stage: str,
        order: int,
        value: str,
        decided_by: AccountId | None,
        reason: str,
    ) -> bool:
        """False when this line of this sheet already has a decision at this stage."""
        ...

    def decisions(self, session_id: SessionId) -> dict[tuple[str, str, int], str]:
        """``(stage, serial, order) -> value`` of the committee's decisions."""
        ...

    def add_second_reading(
        self,
        session_id: SessionId,
        serial: str,
        lines: Mapping[int, str],
        entered_by: AccountId | None,
    ) -> bool: ...

    def second_readings(self, session_id: SessionId) -> dict[str, dict[int, str]]:
        """``serial -> {order: value}`` of the typed second readings."""
        ...


class PaperUnitOfWork(VotingUnitOfWork, Protocol):
    @property
    def paper(self) -> PaperScanRepository: ...
