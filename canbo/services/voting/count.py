"""Counting: paper entry (double entry or totals), count, sign-off, publication, corrections.

Nothing here edits or deletes a ballot. A paper ballot is entered by two operators
independently; equal readings are agreed, different ones are shown as discrepancies until the
counting committee resolves them (EL-07). A correction after certification appends new
readings or totals with the correction's number and produces a new result version with its
reason, which the committee signs again (CV-22); the audit log records it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from canbo.core.ballots.lifecycle import VoteStep, next_status
from canbo.core.errors import Conflict, PermissionDenied, ValidationError
from canbo.services.ports import Actor
from canbo.services.voting import ballot_box, election
from canbo.services.voting.conferences import quorum
from canbo.services.voting.ports import (
    ElectionTally,
    ElectionTotals,
    LineReading,
    Medium,
    PaperMode,
    PaperReading,
    PaperTotals,
    ResultVersionData,
    SessionData,
    SessionId,
    VotingUnitOfWork,
)
from canbo.services.voting.results import CountInputs, compute
from canbo.services.voting.sessions import EL07, load, rulebook_of

CONFIDENCE_READINGS = frozenset(
    {
        LineReading.HIGH,
        LineReading.MID,
        LineReading.LOW,
        LineReading.NONE,
        LineReading.SEVERAL,
        LineReading.STRUCK,
    }
)


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """A paper ballot whose two entries differ, or that only one operator entered."""

    serial: int
    first: PaperReading | None
    second: PaperReading | None


def require_counter(uow: VotingUnitOfWork, actor: Actor, session_id: SessionId) -> None:
    """Counting acts belong to the members of the counting committee (EL-06, EL-07)."""
    if actor.is_system:
        return
    if actor.account_id not in uow.votes.counters(session_id):
        raise PermissionDenied("not_counting_member", session_id=session_id)


def _check_reading(uow: VotingUnitOfWork, sid: SessionId, reading: PaperReading) -> None:
    printed = {int(s.person_id) for s in uow.votes.subjects(sid)}
    if set(reading.lines) != printed:
        raise ValidationError("reading_lines_mismatch", serial=reading.serial)
    session = load(uow, sid)
    spec = election.spec_of(session)
    if spec is not None:
        election.check_paper_reading(spec.kind, reading)
    elif any(r not in CONFIDENCE_READINGS for r in reading.lines.values()):
        raise ValidationError("reading_not_on_ballot", serial=reading.serial)
    issued = uow.votes.participation_counts(sid).get(Medium.PAPER, 0)
    if not 1 <= reading.serial <= issued:
        raise ValidationError("serial_out_of_range", serial=reading.serial, issued=issued)


def _require_second_person(
    uow: VotingUnitOfWork, actor: Actor, sid: SessionId, operator: int, serial: int
) -> None:
    """Double entry is two independent readings: the other reading must be someone else's.

    The committee counts the ballots (EL-07); one account entering both readings would agree
    with itself, so the check that double entry exists for would not happen.
    """
    if actor.account_id is None:
        return
    other = uow.votes.paper_entry_accounts(sid, serial).get(3 - operator)
    if other == actor.account_id:
        raise Conflict("entry_same_person", citation=EL07, serial=serial)


def enter_paper_ballot(
    uow: VotingUnitOfWork,
    actor: Actor,
    session_id: SessionId,
    operator: int,
    reading: PaperReading,
) -> bool:
    """One operator's entry of one paper ballot; True when it agrees with the other entry.

    Serials run from 1 to the number of paper ballots issued; a ballot collected beyond that
    is refused (CV-15: ``collected <= issued``).
    """
    if operator not in (1, 2):
        raise ValidationError("operator_invalid", operator=operator)
    with uow:
        session = load(uow, session_id, lock=True)
        require_counter(uow, actor, session_id)
        next_status(session.status, VoteStep.ENTER_PAPER)
        if session.paper_mode is not PaperMode.PER_BALLOT:
            raise Conflict("paper_mode_totals")
        _check_reading(uow, session_id, reading)
        _require_second_person(uow, actor, session_id, operator, reading.serial)
        if not uow.votes.add_paper_entry(session_id, operator, reading, actor.account_id):
            raise Conflict("entry_exists", serial=reading.serial, operator=operator)
        other = uow.votes.paper_entries(session_id)[reading.serial].get(3 - operator)
        agreed = other is not None and other == reading
        if agreed:
            uow.votes.add_paper_reading(session_id, reading, 1, "agreed")
        uow.commit()
    return agreed


def discrepancies(uow: VotingUnitOfWork, session_id: SessionId) -> list[Discrepancy]:
    """Paper ballots not yet agreed or resolved, with both entries for comparison."""
    with uow:
        entries = uow.votes.paper_entries(session_id)
        settled = uow.votes.paper_readings(session_id)
    return [
        Discrepancy(serial, by_op.get(1), by_op.get(2))
        for serial, by_op in sorted(entries.items())
        if serial not in settled
    ]


def resolve(
    uow: VotingUnitOfWork, actor: Actor, session_id: SessionId, reading: PaperReading
) -> None:
    """The committee's conclusion on a discrepancy, after looking at the paper ballot."""
    with uow:
        session = load(uow, session_id, lock=True)
        require_counter(uow, actor, session_id)
        next_status(session.status, VoteStep.ENTER_PAPER)
        _check_reading(uow, session_id, reading)
        if reading.serial in uow.votes.paper_readings(session_id):
            raise Conflict("reading_exists", serial=reading.serial)
        if reading.serial not in uow.votes.paper_entries(session_id):
            raise ValidationError("serial_not_entered", serial=reading.serial)
        uow.votes.add_paper_reading(session_id, reading, 1, "resolved")
        uow.audit.append(
            actor,
            "vote.paper_resolve",
            "vote",
            str(session_id),
            None,
            None,
            {"serial": reading.serial, "reading": reading.as_json()},
        )
        uow.commit()


def enter_totals(
    uow: VotingUnitOfWork, actor: Actor, session_id: SessionId, totals: PaperTotals
) -> None:
    """Per-person totals of a manual count; refused if any count exceeds ballots collected."""
    with uow:
        session = load(uow, session_id, lock=True)
        require_counter(uow, actor, session_id)
        next_status(session.status, VoteStep.ENTER_PAPER)
        if session.paper_mode is not PaperMode.TOTALS:
            raise Conflict("paper_mode_per_ballot")
        if election.spec_of(session) is not None:
            raise Conflict("election_totals_expected")
        if uow.votes.paper_totals(session_id) is not None:
            raise Conflict("totals_exist")
        _check_totals(uow, session_id, totals)
        uow.votes.add_paper_totals(session_id, totals, 1)
        uow.audit.append(
            actor, "vote.paper_totals", "vote", str(session_id), None, None, _totals_json(totals)
        )
        uow.commit()


def enter_election_totals(
    uow: VotingUnitOfWork, actor: Actor, session_id: SessionId, totals: ElectionTotals
) -> None:
    """A manual count of an election session's paper ballots: valid and invalid ballots and
    the votes of each candidate (EL-15, EL-16)."""
    with uow:
        session = load(uow, session_id, lock=True)
        require_counter(uow, actor, session_id)
        next_status(session.status, VoteStep.ENTER_PAPER)
        if session.paper_mode is not PaperMode.TOTALS:
            raise Conflict("paper_mode_per_ballot")
        if election.spec_of(session) is None:
            raise Conflict("not_an_election_session")
        if uow.votes.election_totals(session_id) is not None:
            raise Conflict("totals_exist")
        _check_election_totals(uow, session, totals)
        uow.votes.add_election_totals(session_id, totals, 1)
        uow.audit.append(
            actor, "vote.paper_totals", "vote", str(session_id), None, None, totals.as_json()
        )
        uow.commit()


def _check_election_totals(
    uow: VotingUnitOfWork, session: SessionData, totals: ElectionTotals
) -> None:
    sid = session.session_id
    spec = election.spec_of(session)
    assert sid is not None and spec is not None  # noqa: S101
    issued = uow.votes.participation_counts(sid).get(Medium.PAPER, 0)
    printed = {int(s.person_id) for s in uow.votes.subjects(sid)}
    election.check_totals(totals, spec, printed, issued)


def _check_totals(uow: VotingUnitOfWork, sid: SessionId, totals: PaperTotals) -> None:
    issued = uow.votes.participation_counts(sid).get(Medium.PAPER, 0)
    if totals.collected > issued:
        raise ValidationError("collected_exceeds_issued", issued=issued, collected=totals.collected)
    printed = {int(s.person_id) for s in uow.votes.subjects(sid)}
    if set(totals.counts) != printed:
        raise ValidationError("totals_lines_mismatch")
    over = [pid for pid, c in totals.counts.items() if c.marked > totals.collected]
    if over:
        raise ValidationError(
            "counts_exceed_collected", person_ids=over, collected=totals.collected
        )


def _totals_json(totals: PaperTotals) -> dict[str, Any]:
    return {
        "collected": totals.collected,
        "counts": {str(k): [c.high, c.mid, c.low, c.invalid] for k, c in totals.counts.items()},
    }


def _inputs(uow: VotingUnitOfWork, session: SessionData) -> CountInputs:
    sid = session.session_id
    assert sid is not None  # noqa: S101
    conf = uow.conferences.get(session.conference_id)
    assert conf is not None  # noqa: S101
    issued = uow.votes.participation_counts(sid)
    subjects = uow.votes.subjects(sid)
    att = uow.conferences.attendance(session.conference_id)
    check = quorum(conf, att, rulebook_of(session), frozenset(s.person_id for s in subjects))
    return CountInputs(
        subjects=subjects,
        electronic=(),
        marks=uow.votes.electronic_marks(sid),
        paper=uow.votes.paper_readings(sid),
        totals=uow.votes.paper_totals(sid),
        issued_electronic=issued.get(Medium.ELECTRONIC, 0),
        issued_paper=issued.get(Medium.PAPER, 0),
        quorum=check,
        members_in_office=session.members_in_office,
    )


def _require_paper_complete(uow: VotingUnitOfWork, session: SessionData) -> None:
    sid = session.session_id
    assert sid is not None  # noqa: S101
    entries = uow.votes.paper_entries(sid)
    open_serials = sorted(set(entries) - set(uow.votes.paper_readings(sid)))
    if open_serials:
        raise Conflict("paper_discrepancies", serials=open_serials)
    paper_issued = uow.votes.participation_counts(sid).get(Medium.PAPER, 0)
    needs_totals = session.paper_mode is PaperMode.TOTALS and paper_issued > 0
    if election.spec_of(session) is not None:
        entered = uow.votes.election_totals(sid) is not None
    else:
        entered = uow.votes.paper_totals(sid) is not None
    if needs_totals and not entered:
        raise Conflict("paper_totals_missing")


def _compute(
    uow: VotingUnitOfWork, session: SessionData, conclusions: Mapping[str, str]
) -> dict[str, Any]:
    """The result of the session: the confidence result, or the election tally."""
    spec = election.spec_of(session)
    if spec is None:
        return compute(rulebook_of(session), _inputs(uow, session))
    sid = session.session_id
    assert sid is not None  # noqa: S101
    issued = uow.votes.participation_counts(sid)
    inputs = election.ElectionInputs(
        subjects=uow.votes.subjects(sid),
        marks=uow.votes.electronic_marks(sid),
        paper=uow.votes.paper_readings(sid),
        totals=uow.votes.election_totals(sid),
        issued_electronic=issued.get(Medium.ELECTRONIC, 0),
        issued_paper=issued.get(Medium.PAPER, 0),
        conclusions=conclusions,
    )
    return election.compute_tally(rulebook_of(session), spec, inputs)


def count(
    uow: VotingUnitOfWork,
    actor: Actor,
    session_id: SessionId,
    shares: Sequence[str] = (),
    conclusions: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """closed → counted: result version 1 from every ballot, awaiting the committee's signatures.

    The members present enter their key shares; with at least the threshold the committee's
    key is rebuilt in memory, every sealed ballot is opened, and the opened ballots are stored
    in a random order while the sealed ones and the spent codes are discarded, all in this one
    transaction. The key is never stored (docs/security.md). A vote without electronic
    ballots needs no share.

    An election session stores the election tally (docs/voting.md, "Election ballots").
    Ballots the rules refer to the counting committee (EL-07, EL-16) are counted only with
    the committee's ``conclusions``, by reason code: ``invalid`` or ``valid_not_counted``;
    without one the count is refused (``ballots_referred``) and nothing is stored.
    """
    with uow:
        session = load(uow, session_id, lock=True)
        require_counter(uow, actor, session_id)
        status = next_status(session.status, VoteStep.COUNT)
        _require_paper_complete(uow, session)
        opened = _open_ballot_box(uow, session, shares)
        data = _compute(uow, session, conclusions or {})
        uow.votes.add_result(session_id, 1, "", data)
        uow.votes.set_status(session_id, status)
        uow.audit.append(
            actor,
            "vote.count",
            "vote",
            str(session_id),
            None,
            None,
            {"version": 1, "figures": data["figures"], "opened": opened},
        )
        uow.commit()
    return data


def _open_ballot_box(uow: VotingUnitOfWork, session: SessionData, shares: Sequence[str]) -> int:
    sid = session.session_id
    assert sid is not None  # noqa: S101
    boxes = uow.votes.sealed_boxes(sid)
    if not boxes:
        return 0
    if not session.ballot_key or session.key_threshold is None:
        raise Conflict("ballot_key_missing")
    private = ballot_box.recover_private_key(session.ballot_key, session.key_threshold, shares)
    uow.votes.store_opened(sid, ballot_box.open_boxes(private, boxes))
    return len(boxes)


def current(uow: VotingUnitOfWork, session_id: SessionId) -> ResultVersionData | None:
    versions = uow.votes.results(session_id)
    return versions[-1] if versions else None


def sign(uow: VotingUnitOfWork, actor: Actor, session_id: SessionId) -> bool:
    """A committee member signs the current version; True when every member has signed and
    the session is certified (EL-07: the minutes are signed by the committee)."""
    if actor.account_id is None:
        raise PermissionDenied("not_counting_member", session_id=session_id)
    with uow:
        session = load(uow, session_id, lock=True)
        require_counter(uow, actor, session_id)
        next_status(session.status, VoteStep.SIGN)
        version = current(uow, session_id)
        assert version is not None  # noqa: S101
        if not uow.votes.sign(session_id, version.number, actor.account_id):
            raise Conflict("already_signed")
        signed = set(version.signed_by) | {actor.account_id}
        done = signed >= set(uow.votes.counters(session_id))
        if done:
            uow.votes.mark_certified(session_id, version.number)
            uow.votes.set_status(session_id, next_status(session.status, VoteStep.CERTIFY))
        uow.audit.append(
            actor,
            "vote.sign",
            "vote",
            str(session_id),
            None,
            None,
            {"version": version.number, "certified": done},
        )
        uow.commit()
    return done


def publish(uow: VotingUnitOfWork, actor: Actor, session_id: SessionId) -> None:
    """certified → published: results and the list of receipts become public (CV-21)."""
    with uow:
        session = load(uow, session_id, lock=True)
        require_counter(uow, actor, session_id)
        uow.votes.set_status(session_id, next_status(session.status, VoteStep.PUBLISH))
        uow.audit.append(actor, "vote.publish", "vote", str(session_id), None, None)
        uow.commit()


def correct(
    uow: VotingUnitOfWork,
    actor: Actor,
    session_id: SessionId,
    reason: str,
    *,
    readings: tuple[PaperReading, ...] = (),
    totals: PaperTotals | ElectionTotals | None = None,
    conclusions: Mapping[str, str] | None = None,
) -> int:
    """A correction: new paper readings or totals, a new result version with the reason.

    Electronic ballots are never touched. The new version must be signed again (CV-22).
    """
    if not reason.strip():
        raise ValidationError("reason_required")
    with uow:
        session = load(uow, session_id, lock=True)
        require_counter(uow, actor, session_id)
        status = next_status(session.status, VoteStep.CORRECT)
        last = current(uow, session_id)
        assert last is not None  # noqa: S101
        number = last.number + 1
        _append_corrections(uow, session, number, readings, totals)
        kept = election.conclusions_of(last.data)
        data = _compute(uow, session, {**kept, **(conclusions or {})})
        uow.votes.add_result(session_id, number, reason.strip(), data)
        uow.votes.set_status(session_id, status)
        uow.audit.append(
            actor,
            "vote.correct",
            "vote",
            str(session_id),
            None,
            None,
            {"version": number, "replaces": last.number, "reason": reason.strip()},
        )
        uow.commit()
    return number


def _append_corrections(
    uow: VotingUnitOfWork,
    session: SessionData,
    number: int,
    readings: tuple[PaperReading, ...],
    totals: PaperTotals | ElectionTotals | None,
) -> None:
    session_id = session.session_id
    assert session_id is not None  # noqa: S101
    for reading in readings:
        _check_reading(uow, session_id, reading)
        uow.votes.add_paper_reading(session_id, reading, number, "correction")
    if isinstance(totals, ElectionTotals):
        if election.spec_of(session) is None:
            raise Conflict("not_an_election_session")
        _check_election_totals(uow, session, totals)
        uow.votes.add_election_totals(session_id, totals, number)
    elif totals is not None:
        if election.spec_of(session) is not None:
            raise Conflict("election_totals_expected")
        _check_totals(uow, session_id, totals)
        uow.votes.add_paper_totals(session_id, totals, number)


def election_tally(
    uow: VotingUnitOfWork, session_id: SessionId, *, certified_only: bool = True
) -> ElectionTally | None:
    """The election tally of a session: the latest version the counting committee signed
    (``certified_only``), else the latest counted one; ``None`` before that, and for a
    confidence vote. Read-only; for the elections' results (EL-22 to EL-25)."""
    with uow:
        session = load(uow, session_id)
        if election.spec_of(session) is None:
            return None
        versions = uow.votes.results(session_id)
    if certified_only:
        versions = [v for v in versions if v.certified]
    return ElectionTally.from_version(session_id, versions[-1]) if versions else None
