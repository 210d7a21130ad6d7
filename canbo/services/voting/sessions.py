"""Vote sessions: draft → ready → open → closed, the committee's key, and casting a ballot.

Counting, sign-off, publication and corrections are in :mod:`canbo.services.voting.count`.
Casting (CV-12, CV-13): in one transaction the code's keyed tag is checked, the code is
recorded as spent (a unique insert: exactly one cast per code, else refused) and the ballot is
stored sealed to the counting committee's public key, with a random receipt inside the seal.
The stored ballot names no voter and no code, and nothing about the cast is logged
(docs/voting.md, docs/security.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from canbo.core.ballots.ballot import ConfidenceLevel, SubjectId
from canbo.core.ballots.catalog import default_registry
from canbo.core.ballots.lifecycle import VOTE_LIFECYCLE, VoteStep, next_status, roles_of
from canbo.core.ballots.params import ParamValue
from canbo.core.ballots.results import require_specified, required_figures
from canbo.core.ballots.rulebooks import Body, Regime, Rulebook
from canbo.core.ballots.tally import encode_confidence_marks
from canbo.core.errors import (
    Citation,
    Conflict,
    DomainError,
    NotFound,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from canbo.core.types import WRITE_ROLES, AccountId, PersonId
from canbo.services.ports import SYSTEM, Actor
from canbo.services.voting import ballot_box, election
from canbo.services.voting.conferences import STAFF_ROLES, needed_for_quorum, quorum, require_staff
from canbo.services.voting.ports import (
    CommitteeMember,
    ConferenceId,
    ElectionBallotKind,
    PaperMode,
    SessionData,
    SessionId,
    Status,
    VotingUnitOfWork,
)
from canbo.services.voting.voter_codes import new_receipt, normalize

CV10_DOSSIER_DAYS = 15  # QĐ 96: dossier to voters at least 15 days before (CV-10)
CV10_QUESTIONS_DAYS = 10  # questions to the person at least 10 days before (CV-10)
CV10 = Citation("QĐ 96-QĐ/TW", rule_id="CV-10", unconfirmed=("cv_deadline_day_type",))
CV15 = Citation("QĐ 96-QĐ/TW", rule_id="CV-15")
EL07 = Citation("QĐ 190-QĐ/TW", rule_id="EL-07")


@dataclass(frozen=True, slots=True)
class Issue:
    """One blocking problem found by the readiness check, with the rule that makes it one."""

    code: str
    fields: Mapping[str, Any]
    citation: Citation | None = None


@dataclass(frozen=True, slots=True)
class SessionPlan:
    """What the organizer sets on a draft session.

    The counting committee is ``committee`` (registry people, each with an account when the
    member acts in the system), head first; a plan that names accounts only (``counters``)
    makes a committee of those accounts."""

    title: str
    subjects: Sequence[tuple[PersonId, str]]
    counters: Sequence[AccountId]
    paper_mode: PaperMode = PaperMode.PER_BALLOT
    dossier_sent_on: Any = None
    questions_sent_on: Any = None
    members_in_office: int | None = None
    parameters: Mapping[str, ParamValue] | None = None
    committee: Sequence[CommitteeMember] = ()

    def members(self) -> list[CommitteeMember]:
        """The committee as stored: ``committee``, else one member per account."""
        if self.committee:
            return list(self.committee)
        return [CommitteeMember(account_id=a) for a in dict.fromkeys(self.counters)]


def rulebook_of(session: SessionData) -> Rulebook:
    """The session's rulebook with its recorded parameter overrides (GEN-01)."""
    overrides = election.rulebook_overrides(session.parameters)
    params = {k: tuple(v) if isinstance(v, list) else v for k, v in overrides.items()}
    return default_registry().get(session.rulebook_id).with_parameters(**params)


def load(
    uow: VotingUnitOfWork, session_id: SessionId, *, lock: bool = False, shared: bool = False
) -> SessionData:
    session = uow.votes.get(session_id, lock=lock, shared=shared)
    if session is None:
        raise NotFound("vote_not_found", session_id=session_id)
    return session


def load_public(
    uow: VotingUnitOfWork, session_id: SessionId, *, shared: bool = False
) -> SessionData:
    """A session as the anonymous voter pages may see it: a draft is not public and answers
    exactly as a session that does not exist."""
    session = load(uow, session_id, shared=shared)
    if session.status is Status.DRAFT:
        raise NotFound("vote_not_found", session_id=session_id)
    return session


def create_session(
    uow: VotingUnitOfWork, actor: Actor, conference_id: ConferenceId, plan: SessionPlan
) -> SessionId:
    """A draft session under the rulebook in force for the body on the conference date."""
    with uow:
        conf = require_staff(uow, actor, conference_id, WRITE_ROLES)
        rulebook = default_registry().select(Body(conf.body), conf.held_on)
        overrides = dict(plan.parameters or {})
        rulebook.with_parameters(**overrides)  # validated against the allowed values
        data = _data(conference_id, rulebook.rulebook_id, overrides, plan)
        sid = uow.votes.add_session(data)
        _apply(uow, sid, plan, VOTE_LIFECYCLE.initial)
        uow.audit.append(
            actor,
            "vote.create",
            "vote",
            str(sid),
            None,
            None,
            {"title": plan.title, "rulebook": rulebook.rulebook_id},
        )
        uow.commit()
    return sid


def create_election_session(
    uow: VotingUnitOfWork,
    actor: Actor,
    conference_id: ConferenceId,
    title: str,
    rulebook_id: str,
    candidates: Sequence[PersonId],
    seats: int,
    alternate_seats: int,
    ballot_kind: ElectionBallotKind | str,
    *,
    committee: Sequence[CommitteeMember] = (),
    paper_mode: PaperMode = PaperMode.PER_BALLOT,
    parameters: Mapping[str, ParamValue] | None = None,
    electorate: Sequence[PersonId] = (),
    ballot_title: str = "",
) -> SessionId:
    """A draft vote session that runs one round of an election (EL-13 to EL-16).

    ``electorate``, when given, are the only people of the conference who receive a code or a
    ballot for it: the members of the electing body at its first conference (EL-21), not the
    whole congress in the hall.

    ``rulebook_id`` must be a Party election rulebook (``QD190_2024``, ``QD244_2014``);
    ``parameters`` are its overrides (GEN-01). The candidates are printed in Vietnamese
    alphabetical order by given name (the order of the session's subjects). ``ballot_kind``
    must fit the list (EL-14): ``strike_out`` when it has more names than ``seats``,
    ``approval`` (agree/disagree) when it has no surplus or one name. ``committee`` is the
    counting committee, head first (EL-06); it may be set later with :func:`set_committee`.
    The rest of the vote (ready, key, open, codes, cast, close, count, sign) is the same as
    for a confidence vote. ``ballot_title``, when given, is the title the ballot pages print
    instead of "Phiếu bầu cử" (an appointment step's ballot nominates, asks an opinion or
    decides; a congress election gives none).
    """
    spec = election.ElectionSpec(ElectionBallotKind(ballot_kind), seats, alternate_seats)
    election.check_spec(spec, len(candidates))
    with uow:
        require_staff(uow, actor, conference_id, WRITE_ROLES)
        rulebook = election.election_rulebook(rulebook_id)
        overrides = dict(parameters or {})
        rulebook.with_parameters(**overrides)  # validated against the allowed values
        plan = SessionPlan(
            title,
            [(PersonId(p), "") for p in candidates],
            [],
            paper_mode,
            committee=committee,
        )
        kept: dict[str, Any] = {**overrides, **spec.parameters()}
        if electorate:
            kept["electorate"] = sorted({int(p) for p in electorate})
        if ballot_title.strip():
            kept["ballot_title"] = ballot_title.strip()[:80]
        data = _data(conference_id, rulebook.rulebook_id, kept, plan)
        sid = uow.votes.add_session(data)
        _apply(uow, sid, plan, VOTE_LIFECYCLE.initial)
        uow.audit.append(
            actor,
            "vote.create",
            "vote",
            str(sid),
            None,
            None,
            {"title": plan.title, "rulebook": rulebook.rulebook_id, **spec.parameters()},
        )
        uow.commit()
    return sid


def set_committee(
    uow: VotingUnitOfWork,
    actor: Actor,
    session_id: SessionId,
    committee: Sequence[CommitteeMember],
) -> None:
    """Replace the counting committee of a draft (or ready) session, head first; as in
    :func:`update_session`, a new committee voids the committee's key."""
    with uow:
        session = load(uow, session_id, lock=True)
        require_staff(uow, actor, session.conference_id, roles_of(VoteStep.EDIT))
        status = next_status(session.status, VoteStep.EDIT)
        plan = SessionPlan(session.title, [], [], committee=committee)
        members = _committee(plan)
        named = [m.person_id for m in members if m.person_id is not None]
        unknown = uow.conferences.persons_exist(named)
        if unknown:
            raise ValidationError("person_not_found", person_ids=list(unknown))
        changed = uow.votes.committee(session_id) != members
        uow.votes.set_committee(session_id, members)
        uow.votes.set_status(session_id, status)
        if changed and session.ballot_key:
            uow.votes.set_ballot_key(session_id, "", 0, 0)
        uow.audit.append(
            actor,
            "vote.committee",
            "vote",
            str(session_id),
            None,
            None,
            {"members": len(members), "key_voided": changed and bool(session.ballot_key)},
        )
        uow.commit()


def update_session(
    uow: VotingUnitOfWork, actor: Actor, session_id: SessionId, plan: SessionPlan
) -> None:
    """Change a draft session (a ready one goes back to draft only through this).

    A new counting committee voids the committee's key: its shares were handed to the members
    before the change, so the new committee makes its own key before the vote opens.
    """
    with uow:
        session = load(uow, session_id, lock=True)
        require_staff(uow, actor, session.conference_id, roles_of(VoteStep.EDIT))
        status = next_status(session.status, VoteStep.EDIT)
        overrides = dict(plan.parameters or session.parameters)
        rulebook_of(replace(session, parameters=overrides))
        data = _data(session.conference_id, session.rulebook_id, overrides, plan)
        committee_changed = uow.votes.committee(session_id) != plan.members()
        uow.votes.update_session(session_id, data)
        _apply(uow, session_id, plan, status)
        if committee_changed and session.ballot_key:
            uow.votes.set_ballot_key(session_id, "", 0, 0)
        uow.audit.append(
            actor,
            "vote.update",
            "vote",
            str(session_id),
            None,
            None,
            {"title": plan.title, "key_voided": committee_changed and bool(session.ballot_key)},
        )
        uow.commit()


def _data(
    cid: ConferenceId, rulebook_id: str, overrides: Mapping[str, Any], plan: SessionPlan
) -> SessionData:
    if not plan.title.strip():
        raise ValidationError("title_required")
    params = {k: list(v) if isinstance(v, tuple) else v for k, v in overrides.items()}
    return SessionData(
        conference_id=cid,
        title=plan.title.strip(),
        rulebook_id=rulebook_id,
        parameters=params,
        paper_mode=plan.paper_mode,
        dossier_sent_on=plan.dossier_sent_on,
        questions_sent_on=plan.questions_sent_on,
        members_in_office=plan.members_in_office,
    )


def _apply(uow: VotingUnitOfWork, sid: SessionId, plan: SessionPlan, status: Status) -> None:
    persons = [p for p, _ in plan.subjects]
    committee = _committee(plan)
    named = [m.person_id for m in committee if m.person_id is not None]
    unknown = uow.conferences.persons_exist([*persons, *named])
    if unknown:
        raise ValidationError("person_not_found", person_ids=list(unknown))
    if len(set(persons)) != len(persons):
        raise ValidationError("subject_listed_twice")
    uow.votes.set_subjects(sid, plan.subjects)
    uow.votes.set_committee(sid, committee)
    uow.votes.set_status(sid, status)


def _committee(plan: SessionPlan) -> list[CommitteeMember]:
    """The plan's committee, checked: each member a person or an account, nobody twice."""
    members = plan.members()
    people = [m.person_id for m in members if m.person_id is not None]
    accounts = [m.account_id for m in members if m.account_id is not None]
    if any(m.person_id is None and m.account_id is None for m in members):
        raise ValidationError("form_invalid", field="committee")
    if len(set(people)) != len(people) or len(set(accounts)) != len(accounts):
        raise ValidationError("counter_listed_twice")
    return members


def readiness(uow: VotingUnitOfWork, session: SessionData) -> list[Issue]:
    """Every blocking issue before the vote can be made ready (house style: all at once)."""
    sid = session.session_id
    assert sid is not None  # noqa: S101
    conf = uow.conferences.get(session.conference_id)
    assert conf is not None  # noqa: S101
    issues: list[Issue] = []
    rulebook = rulebook_of(session)
    spec = election.spec_of(session)
    try:
        if spec is None:
            require_specified(rulebook)
        else:
            election.check_rulebook(rulebook)
            election.check_spec(spec, len(uow.votes.subjects(sid)))
    except DomainError as exc:
        return [Issue(exc.code, exc.fields, exc.citation)]
    if not uow.votes.subjects(sid):
        issues.append(Issue("no_subjects", {}))
    if spec is not None:
        issues.extend(_committee_not_candidates(uow, sid))
    attendance = uow.conferences.attendance(session.conference_id)
    if attendance.convened == 0:
        issues.append(Issue("no_convened", {}, Citation("QĐ 96-QĐ/TW", rule_id="CV-07")))
    if not attendance.sites:
        issues.append(Issue("no_site", {}))
    if not uow.votes.committee(sid):
        issues.append(Issue("no_counting_committee", {}, Citation("QĐ 96-QĐ/TW", rule_id="CV-14")))
    elif not uow.votes.counters(sid):
        issues.append(Issue("counting_committee_no_account", {}))
    if spec is None and "members" in required_figures(rulebook) and not session.members_in_office:
        issues.append(
            Issue("members_in_office_missing", {}, Citation(rulebook.document, rule_id="NA-12"))
        )
    if rulebook.regime is Regime.QD96:
        issues.extend(_deadlines(session, conf.held_on))
    return issues


def _committee_not_candidates(uow: VotingUnitOfWork, sid: SessionId) -> list[Issue]:
    """EL-06: no member of the counting committee is on the election list."""
    candidates = {s.person_id for s in uow.votes.subjects(sid)}
    clash = sorted(
        int(m.person_id)
        for m in uow.votes.committee(sid)
        if m.person_id is not None and m.person_id in candidates
    )
    if not clash:
        return []
    cite = Citation("QĐ 190-QĐ/TW", rule_id="EL-06")
    return [Issue("counting_committee_is_candidate", {"person_ids": clash}, cite)]


def _deadlines(session: SessionData, vote_date: Any) -> list[Issue]:
    found: list[Issue] = []
    checks = (
        ("dossier", session.dossier_sent_on, CV10_DOSSIER_DAYS),
        ("questions", session.questions_sent_on, CV10_QUESTIONS_DAYS),
    )
    for name, sent, days in checks:
        if sent is None:
            found.append(Issue(f"{name}_date_missing", {"days": days}, CV10))
        elif (vote_date - sent).days < days:
            found.append(Issue(f"{name}_too_late", {"days": days, "sent_on": str(sent)}, CV10))
    return found


def mark_ready(uow: VotingUnitOfWork, actor: Actor, session_id: SessionId) -> None:
    """draft → ready, refused with the full list of blocking issues."""
    with uow:
        session = load(uow, session_id, lock=True)
        require_staff(uow, actor, session.conference_id, roles_of(VoteStep.MAKE_READY))
        status = next_status(session.status, VoteStep.MAKE_READY)
        issues = readiness(uow, session)
        if issues:
            raise Conflict("vote_not_ready", issues=[{"code": i.code, **i.fields} for i in issues])
        uow.votes.set_status(session_id, status)
        uow.audit.append(actor, "vote.ready", "vote", str(session_id), None, None)
        uow.commit()


def open_vote(uow: VotingUnitOfWork, actor: Actor, session_id: SessionId) -> None:
    """ready → open, only with quorum: 2/3 of those convened present (QĐ 96; CV-07)."""
    with uow:
        session = load(uow, session_id, lock=True)
        conf = require_staff(uow, actor, session.conference_id, roles_of(VoteStep.OPEN))
        status = next_status(session.status, VoteStep.OPEN)
        attendance = uow.conferences.attendance(session.conference_id)
        subjects = frozenset(s.person_id for s in uow.votes.subjects(session_id))
        check = quorum(conf, attendance, rulebook_of(session), subjects)
        if check is not None and not check.met:
            raise RuleViolation(
                "quorum_not_met",
                citation=check.citation,
                present=check.present,
                convened=check.base,
                needed=needed_for_quorum(check),
            )
        if not session.ballot_key:
            raise Conflict("ballot_key_missing", citation=EL07)
        present = check.present if check else attendance.present
        base = check.base if check else attendance.convened
        uow.votes.set_status(session_id, status, opened_present=present, opened_base=base)
        uow.audit.append(
            actor,
            "vote.open",
            "vote",
            str(session_id),
            None,
            None,
            {"present": present, "convened": base},
        )
        uow.commit()


def close_vote(uow: VotingUnitOfWork, actor: Actor, session_id: SessionId) -> None:
    """open → closed: from here no ballot is accepted, edited or deleted."""
    with uow:
        session = load(uow, session_id, lock=True)
        require_staff(uow, actor, session.conference_id, roles_of(VoteStep.CLOSE))
        uow.votes.set_status(session_id, next_status(session.status, VoteStep.CLOSE))
        uow.audit.append(actor, "vote.close", "vote", str(session_id), None, None)
        uow.commit()


def cast_ballot(
    uow: VotingUnitOfWork, session_id: SessionId, code: str, marks: Mapping[int, str]
) -> str:
    """Cast one electronic ballot with a one-time code; return the receipt (CV-12, CV-13).

    One transaction: the session must be open (row share-locked: casts run side by side, a
    concurrent close waits for them and they for it), the code must carry the session's keyed
    tag, the electronic ballots may not outnumber the delegates who received a code (CV-15),
    the code is recorded as spent by a unique insert that succeeds once, and the ballot is
    stored sealed to the counting committee's key with its random receipt inside the seal.
    Refused without any change: unknown code, spent code, closed vote, marks not on the form.
    """
    code = normalize(code)
    with uow:
        session = uow.votes.cast_state(session_id)
        if session is None or session.status is Status.DRAFT:
            raise NotFound("vote_not_found", session_id=session_id)
        next_status(session.status, VoteStep.CAST)
        if not uow.codes.is_genuine(session_id, code):
            raise ValidationError("code_unknown")
        ids = uow.votes.subject_ids(session_id)
        marks_text = _encode(session.ballot_kind, ids, marks)
        if not uow.votes.spend_code(session_id, uow.codes.spent_digest(session_id, code)):
            raise Conflict("code_already_used")
        # Checked after the spend so that a spent code is always told so; a refusal here
        # rolls the spend back with the rest of the transaction.
        if uow.votes.sealed_count(session_id) >= session.codes_issued:
            raise Conflict("ballots_exceed_recipients", issued=session.codes_issued, citation=CV15)
        receipt = new_receipt()
        uow.votes.add_sealed_ballot(
            session_id, ballot_box.seal(session.ballot_key, receipt, marks_text)
        )
        uow.commit()
    return receipt


def _encode(kind: str, ids: Sequence[PersonId], marks: Mapping[int, str]) -> str:
    """The ballot's compact marks: confidence levels, or an election ballot's marks."""
    if kind:
        return election.encode_phone_marks(ElectionBallotKind(kind), ids, marks)
    order = tuple(SubjectId(p) for p in ids)
    return encode_confidence_marks(order, _check_marks(order, marks))


def _check_marks(
    order: Sequence[SubjectId], marks: Mapping[int, str]
) -> dict[SubjectId, ConfidenceLevel]:
    printed = set(order)
    levels = {str(level) for level in ConfidenceLevel}
    unknown = [k for k in marks if int(k) not in printed]
    bad = [v for v in marks.values() if v not in levels]
    if unknown or bad:
        raise ValidationError("marks_not_on_ballot", subjects=unknown, levels=bad)
    return {SubjectId(int(k)): ConfidenceLevel(v) for k, v in marks.items()}


def check_readiness(uow: VotingUnitOfWork, actor: Actor, session_id: SessionId) -> list[Issue]:
    """The readiness check on its own, for the session page (every blocking issue)."""
    with uow:
        session = load(uow, session_id)
        require_staff(uow, actor, session.conference_id, STAFF_ROLES)
        return readiness(uow, session)


def check_code(uow: VotingUnitOfWork, session_id: SessionId, code: str) -> None:
    """Before showing the ballot: the vote is open and the code is genuine and unspent.

    Read-only; the code is spent only by :func:`cast_ballot`.
    """
    code = normalize(code)
    with uow:
        session = load_public(uow, session_id)
        next_status(session.status, VoteStep.CAST)
        if not uow.codes.is_genuine(session_id, code):
            raise ValidationError("code_unknown")
        if uow.votes.code_spent(session_id, uow.codes.spent_digest(session_id, code)):
            raise Conflict("code_already_used")


MAX_SLIPS = 5000


def print_slips(
    uow: VotingUnitOfWork, actor: Actor, session_id: SessionId, count: int, reason: str = ""
) -> list[str]:
    """Codes for a stack of pre-printed slips, minted before check-in and never stored.

    The slips are shuffled and handed out at random (``check_in(..., preprinted=True)``), so
    no record, sequence or transaction ties a code to the person who drew it (CV-13, NA-07).
    Only the number printed is recorded (audited). The slips of a session are capped by the
    number of persons convened; more (slips spoiled, lost or short) only with a written
    reason, which the audit log keeps with the number over the cap.
    """
    if not 1 <= count <= MAX_SLIPS:
        raise ValidationError("slip_count_invalid", count=count, maximum=MAX_SLIPS)
    with uow:
        session = load(uow, session_id, lock=True)
        require_staff(uow, actor, session.conference_id, roles_of(VoteStep.PRINT_SLIPS))
        next_status(session.status, VoteStep.PRINT_SLIPS)
        convened = uow.conferences.attendance(session.conference_id).convened
        over = max(0, session.slips_printed + count - convened)
        if over and not reason.strip():
            raise ValidationError(
                "slips_exceed_convened",
                convened=convened,
                printed=session.slips_printed,
                count=count,
            )
        codes = [uow.codes.mint(session_id) for _ in range(count)]
        uow.votes.add_slips(session_id, count)
        details: dict[str, Any] = {"count": count, "printed_before": session.slips_printed}
        if over:
            details.update(over_cap=over, reason=reason.strip())
        uow.audit.append(actor, "vote.slips", "vote", str(session_id), None, None, details)
        uow.commit()
    return sorted(codes)


def make_ballot_key(
    uow: VotingUnitOfWork, actor: Actor, session_id: SessionId, threshold: int | None = None
) -> ballot_box.CommitteeKey:
    """The counting committee's key for the vote: the public key is stored, the shares are
    returned once, one per member, and never stored (docs/security.md).

    Made by a member of the counting committee before the vote opens; made again (the old
    shares then open nothing) only while the vote is a draft or ready. Any ``threshold`` of
    the shares open the ballots at counting; by default more than half of the committee.
    """
    with uow:
        session = load(uow, session_id, lock=True)
        counters = uow.votes.counters(session_id)
        if not actor.is_system and actor.account_id not in counters:
            raise PermissionDenied("not_counting_member", session_id=session_id)
        next_status(session.status, VoteStep.MAKE_KEY)
        if not counters:
            raise Conflict("no_counting_committee", citation=EL07)
        key = ballot_box.new_committee_key(len(counters), threshold)
        uow.votes.set_ballot_key(session_id, key.public_key, key.threshold, len(counters))
        uow.audit.append(
            actor,
            "vote.key",
            "vote",
            str(session_id),
            None,
            None,
            {
                "fingerprint": ballot_box.key_fingerprint(key.public_key),
                "threshold": key.threshold,
                "shares": len(counters),
                "replaces": bool(session.ballot_key),
            },
        )
        uow.commit()
    return key


def report_guessing(uow: VotingUnitOfWork, session_id: SessionId, wrong: int) -> None:
    """Warn the staff that wrong codes arrive faster than voters mistype: someone is guessing.

    Records the alert on the session (shown on its page) and in the audit log, with the number
    of wrong codes in the window and nothing about who sent them.
    """
    with uow:
        session = load(uow, session_id)
        uow.votes.add_guessing_alert(session_id)
        uow.audit.append(
            SYSTEM,
            "vote.guessing",
            "vote",
            str(session_id),
            None,
            None,
            {"wrong_codes": wrong, "status": str(session.status)},
        )
        uow.commit()
