"""Conferences (hội nghị): agenda, persons convened, bridge sites, check-in, live quorum.

Check-in records presence only. When a delegate checks in, the delegate receives one voter code
(or one paper ballot) for every vote session of the conference not yet closed; the code is
minted with its keyed tag and returned to the caller for printing, and is not stored at all:
check-in writes no code row (docs/voting.md, docs/security.md). What is recorded per person is
that a code or ballot was *received*.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from canbo.core.ballots.catalog import default_registry
from canbo.core.ballots.lifecycle import VOTE_LIFECYCLE, VoteStep
from canbo.core.ballots.quorum import ConvenedRoll, QuorumCheck, check_quorum
from canbo.core.ballots.rulebooks import Body, Regime, Rulebook
from canbo.core.collation import sort_key
from canbo.core.errors import Citation, Conflict, NotFound, PermissionDenied, ValidationError
from canbo.core.permissions import Action, roles_for
from canbo.core.types import PersonId, Role
from canbo.services.access import can_reach
from canbo.services.ports import Actor
from canbo.services.voting.ports import (
    Attendance,
    CheckInMethod,
    ConferenceData,
    ConferenceId,
    ConvocationData,
    Medium,
    SessionData,
    SessionId,
    SiteId,
    VotingUnitOfWork,
)

WRITE_ROLES = roles_for(Action.RUN_CONFERENCE)
STAFF_ROLES = roles_for(Action.STAFF_CONFERENCE)
SEE_ROLES = roles_for(Action.SEE_CONFERENCE)


@dataclass(frozen=True, slots=True)
class IssuedCode:
    """A code to print for the delegate: shown once, never stored in clear."""

    session_id: int
    session_title: str
    code: str


@dataclass(frozen=True, slots=True)
class CheckInResult:
    person_id: PersonId
    full_name: str
    codes: tuple[IssuedCode, ...]
    paper_sessions: tuple[str, ...]
    slip_sessions: tuple[str, ...] = ()


def require_staff(
    uow: VotingUnitOfWork, actor: Actor, conference_id: ConferenceId, roles: frozenset[Role]
) -> ConferenceData:
    """Load guard: the conference's unit must lie in the actor's scope for ``roles``.

    Missing conferences and conferences the actor may not see are answered alike
    (``NotFound``); one the actor sees but may not act on answers ``PermissionDenied``.
    """
    conf = uow.conferences.get(conference_id)
    if conf is None or not can_reach(actor, conf.unit_id, uow.tree, conf.held_on, SEE_ROLES):
        raise NotFound("conference_not_found", conference_id=conference_id)
    if not can_reach(actor, conf.unit_id, uow.tree, conf.held_on, roles):
        raise PermissionDenied("action_denied", conference_id=conference_id)
    return conf


def create_conference(uow: VotingUnitOfWork, actor: Actor, data: ConferenceData) -> ConferenceId:
    """Create a conference of ``data.body`` held by a unit in the actor's scope (CV-07)."""
    body = Body(data.body)
    with uow:
        if not can_reach(actor, data.unit_id, uow.tree, data.held_on, WRITE_ROLES):
            raise NotFound("unit_not_found", unit_id=data.unit_id)
        if not data.title.strip():
            raise ValidationError("title_required")
        cid = uow.conferences.add(data)
        uow.audit.append(
            actor,
            "conference.create",
            "conference",
            str(cid),
            None,
            None,
            {"title": data.title, "body": str(body), "held_on": str(data.held_on)},
        )
        uow.commit()
    return cid


def set_agenda(
    uow: VotingUnitOfWork, actor: Actor, conference_id: ConferenceId, titles: Sequence[str]
) -> None:
    """Replace the agenda (chương trình) by the given items, numbered from 1."""
    items = [t.strip() for t in titles if t.strip()]
    with uow:
        require_staff(uow, actor, conference_id, WRITE_ROLES)
        uow.conferences.set_agenda(conference_id, items)
        uow.audit.append(
            actor,
            "conference.agenda",
            "conference",
            str(conference_id),
            None,
            None,
            {"items": items},
        )
        uow.commit()


def show_item(uow: VotingUnitOfWork, actor: Actor, conference_id: ConferenceId, pos: int) -> None:
    """Move the projector to agenda item ``pos``."""
    with uow:
        require_staff(uow, actor, conference_id, STAFF_ROLES)
        if not 1 <= pos <= len(uow.conferences.agenda(conference_id)):
            raise ValidationError("agenda_item_unknown", position=pos)
        uow.conferences.set_current_item(conference_id, pos)
        uow.commit()


def add_site(uow: VotingUnitOfWork, actor: Actor, conference_id: ConferenceId, name: str) -> SiteId:
    """Add a bridge site (điểm cầu); each site checks its delegates in."""
    with uow:
        require_staff(uow, actor, conference_id, WRITE_ROLES)
        if not name.strip():
            raise ValidationError("site_name_required")
        site = uow.conferences.add_site(conference_id, name.strip())
        uow.audit.append(
            actor,
            "conference.site",
            "conference",
            str(conference_id),
            None,
            None,
            {"site": name.strip()},
        )
        uow.commit()
    return site


def convene(
    uow: VotingUnitOfWork, actor: Actor, conference_id: ConferenceId, persons: Sequence[PersonId]
) -> int:
    """Convene (triệu tập) persons; each gets a random token for the QR on the invitation.

    Unknown persons are refused all at once; persons already convened are skipped.
    """
    with uow:
        require_staff(uow, actor, conference_id, WRITE_ROLES)
        unknown = uow.conferences.persons_exist(persons)
        if unknown:
            raise ValidationError("person_not_found", person_ids=list(unknown))
        tokens = [secrets.token_urlsafe(12) for _ in persons]
        added = uow.conferences.convene(conference_id, persons, tokens)
        uow.audit.append(
            actor,
            "conference.convene",
            "conference",
            str(conference_id),
            None,
            None,
            {"persons": [int(p) for p in persons], "added": added},
        )
        uow.commit()
    return added


def set_excused(
    uow: VotingUnitOfWork,
    actor: Actor,
    conference_id: ConferenceId,
    person: PersonId,
    excused: bool,
) -> None:
    """Record that a convened person is excused in advance (vắng có lý do, CV-07 parameter)."""
    with uow:
        require_staff(uow, actor, conference_id, WRITE_ROLES)
        if not uow.conferences.set_excused(conference_id, person, excused):
            raise NotFound("convocation_not_found", person_id=person)
        uow.commit()


def check_in(
    uow: VotingUnitOfWork,
    actor: Actor,
    site_id: SiteId,
    *,
    person_id: PersonId | None = None,
    qr_token: str | None = None,
    method: CheckInMethod = CheckInMethod.STAFF,
    medium: Medium = Medium.ELECTRONIC,
    preprinted: bool = False,
) -> CheckInResult:
    """Check a convened delegate in at a site and hand over codes or paper ballots.

    With ``preprinted`` the delegate draws a slip from a shuffled stack printed beforehand
    (:func:`~canbo.services.voting.sessions.print_slips`) and no code is minted now; otherwise a
    code is minted and shown once. Either way only the hand-over is recorded (docs/security.md).
    Refused when the person is not convened or is already checked in (at any site).
    """
    with uow:
        cid = uow.conferences.site_conference(site_id)
        if cid is None:
            raise NotFound("site_not_found", site_id=site_id)
        require_staff(uow, actor, cid, STAFF_ROLES)
        conv = uow.conferences.find_convocation(cid, person_id=person_id, qr_token=qr_token)
        if conv is None:
            raise NotFound("convocation_not_found", person_id=person_id)
        if not uow.conferences.check_in(conv.convocation_id, site_id, method):
            raise Conflict("already_checked_in", person_id=conv.person_id)
        codes, paper = _issue(uow, cid, conv, medium, preprinted)
        uow.audit.append(
            actor,
            "conference.check_in",
            "conference",
            str(cid),
            None,
            None,
            {"person": int(conv.person_id), "site": int(site_id), "method": str(method)},
        )
        uow.commit()
    if preprinted and medium is Medium.ELECTRONIC:
        return CheckInResult(conv.person_id, conv.full_name, codes, (), paper)
    return CheckInResult(conv.person_id, conv.full_name, codes, paper)


def _issue(
    uow: VotingUnitOfWork,
    cid: ConferenceId,
    conv: ConvocationData,
    medium: Medium,
    preprinted: bool = False,
) -> tuple[tuple[IssuedCode, ...], tuple[str, ...]]:
    codes: list[IssuedCode] = []
    paper: list[str] = []
    for session in uow.votes.sessions_of(cid):
        sid = session.session_id
        if sid is None or not VOTE_LIFECYCLE.allows(session.status, VoteStep.ISSUE_CODES):
            continue
        if not entitled(session, conv.person_id):
            continue
        if not uow.votes.add_participation(sid, conv.convocation_id, medium):
            continue
        if medium is Medium.PAPER or preprinted:
            paper.append(session.title)  # a paper ballot, or a pre-printed code slip
            continue
        codes.append(IssuedCode(int(sid), session.title, uow.codes.mint(sid)))
    return tuple(codes), tuple(paper)


@dataclass(frozen=True, slots=True)
class HandOutCounts:
    """Where the hand-over of one session stands: persons present, those of them who already
    received a code or ballot, and those still to receive one."""

    present: int
    handed: int
    to_hand: int


@dataclass(frozen=True, slots=True)
class HandOutResult:
    """What one hand-out gave. ``codes`` (electronic, not pre-printed) are shown once and are
    sorted, not in the order of ``persons``: the screen prints a stack of slips to deal out,
    and no list pairs a name with a code (docs/security/secrecy.md)."""

    session_id: int
    session_title: str
    medium: Medium
    preprinted: bool
    persons: tuple[str, ...]  # the names of those who received one now, by given name
    codes: tuple[str, ...]
    already: int  # listed or present persons who had received one before: given nothing
    counts: HandOutCounts


HAND_OUT = Citation("QĐ 96-QĐ/TW", rule_id="CV-13")
ELECTORATE = Citation("QĐ 190-QĐ/TW", rule_id="EL-30")
"""Codes and ballots go only to those who elect (EL-19, EL-20, EL-21): the minutes refuse more
ballots issued than voters convened (EL-30)."""


def hand_out_counts(
    uow: VotingUnitOfWork, actor: Actor, session_id: SessionId
) -> tuple[SessionData, HandOutCounts, list[ConvocationData]]:
    """The hand-over of a session as its page shows it: the counts and the persons present who
    have not yet received a code or ballot, by given name (read-only)."""
    with uow:
        session = _session(uow, session_id)
        require_staff(uow, actor, session.conference_id, STAFF_ROLES)
        counts, waiting = _standing(uow, session)
    return session, counts, waiting


def _session(uow: VotingUnitOfWork, session_id: SessionId, *, lock: bool = False) -> SessionData:
    session = uow.votes.get(session_id, lock=lock)
    if session is None:
        raise NotFound("vote_not_found", session_id=session_id)
    return session


def electorate_of(session: SessionData) -> frozenset[int] | None:
    """The persons the session names as its electorate, or ``None`` when everyone convened
    receives a code or ballot (a confidence vote)."""
    named = session.parameters.get("electorate")
    return frozenset(int(p) for p in named) if named else None


def entitled(session: SessionData, person_id: PersonId) -> bool:
    """Whether the person receives a code or ballot for the session: everyone convened, unless
    the session names its electorate (a congress election: those who elect at the congress,
    EL-19, EL-20, or the electing body's members, EL-21)."""
    voters = electorate_of(session)
    return voters is None or int(person_id) in voters


def _standing(
    uow: VotingUnitOfWork, session: SessionData
) -> tuple[HandOutCounts, list[ConvocationData]]:
    assert session.session_id is not None  # noqa: S101 - a stored session
    voters = electorate_of(session)  # once: a congress's roll runs to thousands
    present = [
        c
        for c in uow.conferences.roll(session.conference_id)
        if c.checked_in and (voters is None or int(c.person_id) in voters)
    ]
    handed = uow.votes.handed(session.session_id)
    waiting = [c for c in present if c.convocation_id not in handed]
    waiting.sort(key=lambda c: (sort_key(c.full_name), int(c.person_id)))
    counts = HandOutCounts(len(present), len(present) - len(waiting), len(waiting))
    return counts, waiting


def hand_out(
    uow: VotingUnitOfWork,
    actor: Actor,
    session_id: SessionId,
    *,
    medium: Medium,
    preprinted: bool,
    person_ids: Sequence[PersonId] | None = None,
) -> HandOutResult:
    """Hand a code or paper ballot for a session to persons already in the hall (CV-13).

    For a session created after check-in (a further round, the next election of a congress):
    every convened person checked in who has not yet received one for this session, or only
    ``person_ids``. Electronic and not ``preprinted``: one code per person is minted, returned
    once and never stored; otherwise the persons draw pre-printed slips
    (:func:`~canbo.services.voting.sessions.print_slips`) or paper ballots and nothing is
    minted. As at check-in only the hand-over is recorded, and the audit entry holds counts
    only. A second call gives nothing twice. Refused while the session does not take codes
    (``vote_wrong_status``), for a person not convened or not checked in, and for pre-printed
    slips before any were printed.
    """
    with uow:
        session = _session(uow, session_id, lock=True)
        require_staff(uow, actor, session.conference_id, STAFF_ROLES)
        if not VOTE_LIFECYCLE.allows(session.status, VoteStep.ISSUE_CODES):
            raise Conflict(
                "vote_wrong_status",
                citation=HAND_OUT,
                status=str(session.status),
                expected=[str(s) for s in VOTE_LIFECYCLE.sources(VoteStep.ISSUE_CODES)],
            )
        slips = preprinted and medium is Medium.ELECTRONIC
        if slips and session.slips_printed == 0:
            raise Conflict("hand_out_no_slips", citation=HAND_OUT, session_id=session_id)
        counts, waiting = _standing(uow, session)
        chosen, already = _chosen(uow, session, waiting, counts, person_ids)
        codes: list[str] = []
        given: list[ConvocationData] = []
        for conv in chosen:
            if not uow.votes.add_participation(session_id, conv.convocation_id, medium):
                already += 1
                continue
            given.append(conv)
            if medium is Medium.ELECTRONIC and not preprinted:
                codes.append(uow.codes.mint(session_id))
        after = HandOutCounts(
            counts.present, counts.handed + len(given), counts.to_hand - len(given)
        )
        uow.audit.append(
            actor,
            "vote.hand_out",
            "vote",
            str(session_id),
            None,
            None,
            {
                "medium": str(medium),
                "preprinted": bool(preprinted),
                "listed": person_ids is not None,
                "handed": len(given),
                "already": already,
                "present": counts.present,
            },
        )
        uow.commit()
    return HandOutResult(
        int(session_id),
        session.title,
        medium,
        bool(preprinted),
        tuple(c.full_name for c in given),
        tuple(sorted(codes)),
        already,
        after,
    )


def _chosen(
    uow: VotingUnitOfWork,
    session: SessionData,
    waiting: list[ConvocationData],
    counts: HandOutCounts,
    person_ids: Sequence[PersonId] | None,
) -> tuple[list[ConvocationData], int]:
    """The convocations to hand to now and how many of those asked for already had one."""
    if person_ids is None:
        return waiting, counts.handed
    by_person = {c.person_id: c for c in uow.conferences.roll(session.conference_id)}
    open_ids = {c.convocation_id for c in waiting}
    chosen: list[ConvocationData] = []
    already = 0
    for p in dict.fromkeys(person_ids):
        conv = by_person.get(p)
        if conv is None:
            raise NotFound("convocation_not_found", person_id=p)
        if not conv.checked_in:
            raise Conflict(
                "hand_out_not_present", citation=HAND_OUT, person_id=p, full_name=conv.full_name
            )
        if not entitled(session, p):
            raise Conflict(
                "hand_out_not_in_electorate",
                citation=ELECTORATE,
                person_id=p,
                full_name=conv.full_name,
            )
        if conv.convocation_id in open_ids:
            chosen.append(conv)
        else:
            already += 1
    chosen.sort(key=lambda c: (sort_key(c.full_name), int(c.person_id)))
    return chosen, already


def conference_rulebook(conf: ConferenceData) -> Rulebook:
    """The rulebook in force for the conference's body on its date (GEN-01)."""
    return default_registry().select(Body(conf.body), conf.held_on)


def quorum(
    conf: ConferenceData,
    attendance: Attendance,
    rulebook: Rulebook,
    subjects: frozenset[PersonId] = frozenset(),
) -> QuorumCheck | None:
    """QĐ 96-QĐ/TW quorum (CV-07): at least 2/3 of those convened present; ``None`` under
    a rulebook that sets no conference quorum (NA and People's Councils: session rules)."""
    if rulebook.regime is not Regime.QD96 or attendance.convened == 0:
        return None
    roll = ConvenedRoll(
        convened=attendance.convened,
        subjects_convened=len(subjects & attendance.convened_person_ids),
        excused_absent=attendance.excused_absent,
    )
    return check_quorum(attendance.present, roll, rulebook)


QUORUM_CITATION = Citation("QĐ 96-QĐ/TW", rule_id="CV-07")


def quorum_rule(conf: ConferenceData) -> Citation | None:
    """The citation of the 2/3 quorum when the conference's rulebook sets one (QĐ 96-QĐ/TW,
    CV-07), even before anyone is convened; ``None`` when it sets none."""
    return QUORUM_CITATION if conference_rulebook(conf).regime is Regime.QD96 else None


def needed_for_quorum(check: QuorumCheck) -> int:
    """Smallest number present that meets 2/3 of the base (CV-07), for display."""
    return -(-2 * check.base // 3)


def live_status(
    uow: VotingUnitOfWork, actor: Actor, conference_id: ConferenceId
) -> tuple[ConferenceData, Attendance, QuorumCheck | None, list[SessionData]]:
    """Attendance per site and the quorum now, for the conference page and the projector."""
    with uow:
        conf = require_staff(uow, actor, conference_id, SEE_ROLES)
        attendance = uow.conferences.attendance(conference_id)
        sessions = uow.votes.sessions_of(conference_id)
        subjects: set[PersonId] = set()
        for s in sessions:
            if s.session_id is not None:
                subjects.update(x.person_id for x in uow.votes.subjects(s.session_id))
        check = quorum(conf, attendance, conference_rulebook(conf), frozenset(subjects))
    return conf, attendance, check, sessions
