"""Power control in a nomination and appointment process (QĐ 114-QĐ/TW; handbook PC-01..PC-21).

What the process's people are to its candidates is read from the registry, never inferred:
a declared relative with a linked person is a family relationship (``FAMILY``, PC-11), a
declared close acquaintance is ``CLOSE_ACQUAINTANCE`` (PC-21). Every participant is checked
against every candidate: the proposer, the appraiser, the voters of each leadership-collective
step (the convened list), the counting committee and the decider (PC-10, PC-14). The pure
rules are :mod:`canbo.core.power`; this module reads the facts, records recusals and
acquaintances (one audit entry each) and answers the checks the decision must pass:

- a related decider, proposer or appraiser must recuse, or be overridden with a reason, before
  the decision is recorded (PC-10);
- a related voter is asked to recuse before the ballots are issued, and the answer is recorded
  without any link to a ballot: the ballot is secret and no ballot is ever read here (PC-10);
- a head may not appoint a spouse, parent, child or sibling to a personnel, accounting,
  cashier, storekeeper or procurement post (PC-11): no override lifts it.

Timing flags (PC-09, AP-10, PC-18, a dossier received after the decision) are computed on
read from the process dates and the decider's retirement or transfer notice: they depend on
today's date (a process becomes overdue) and on dates that may still be corrected before the
decision, and the dates themselves are in the audit chain. :func:`freeze_flags` stores the
flags raised so far as ``ProcessFlag`` rows (at the decision), so the record keeps them even if
a date is later corrected.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from canbo.core.appointments.model import Check
from canbo.core.errors import Citation, Conflict, NotFound, RuleViolation, ValidationError
from canbo.core.permissions import Action
from canbo.core.power.flags import timing_flags
from canbo.core.power.model import Conflict as PowerConflict
from canbo.core.power.model import (
    ConflictAction,
    Flag,
    Participant,
    RelationshipClass,
    Role,
    Timeline,
)
from canbo.core.power.relations import conflicts, hard_block, unresolved
from canbo.core.power.rulebooks import power_rulebook
from canbo.core.rulebook import Rulebook
from canbo.core.types import PersonId, UnitId
from canbo.services import access
from canbo.services.appointments.ports import (
    AppointmentsUnitOfWork,
    ProcessData,
    ProcessId,
    RecusalData,
    RecusalOutcome,
)
from canbo.services.ports import Actor

PROCESS = "appointment_process"
HARD_BLOCK_POSTS: dict[str, tuple[str, ...]] = {
    "personnel": ("tổ chức", "nhân sự"),
    "accounting": ("kế toán",),
    "cashier": ("thủ quỹ",),
    "storekeeper": ("thủ kho",),
    "procurement": ("mua sắm", "đấu thầu"),
}
"""The posts of Luật Phòng, chống tham nhũng 2018, Điều 20 (``pc_hard_block_posts``, PC-11),
recognised by words of the title's name: the registry's titles carry no post kind."""
BALLOTS_ISSUED = frozenset({"voting", "closed", "stopped"})
"""Step states in which the ballots have been issued: a voter can no longer stand aside."""


def _pc(rule: str) -> Citation:
    return Citation("QĐ 114-QĐ/TW", rule_id=rule)


# Ports: what power control adds to the appointments unit of work --------------------------------


@dataclass(frozen=True, slots=True)
class StoredFlag:
    """A flag kept on the process (``ProcessFlag``) once frozen at the decision."""

    key: str
    rule: str
    message: str
    severity: str
    raised_on: dt.date


class PowerRepository(Protocol):
    """The rows power control reads and writes beside the processes
    (``canbo.appointments.control_repository.DjangoPowerRepository``)."""

    def add_recusal(self, data: RecusalData) -> int: ...

    def has_acquaintance(self, person_id: PersonId, other_id: PersonId) -> bool: ...

    def add_acquaintance(
        self,
        person_id: PersonId,
        other_id: PersonId,
        declared_by: PersonId | None,
        source: str,
        on: dt.date,
    ) -> int: ...

    def person_unit(self, person_id: PersonId, on: dt.date) -> UnitId | None:
        """The unit the person is a member of on the date (for the scope check)."""
        ...

    def notice_on(self, person_id: PersonId, before: dt.date) -> dt.date | None:
        """The newest retirement (or transfer) notice of the person dated on or before."""
        ...

    def stored_flags(self, process_id: ProcessId) -> list[StoredFlag]: ...

    def add_flag(self, process_id: ProcessId, flag: StoredFlag) -> None: ...


class PowerUnitOfWork(AppointmentsUnitOfWork, Protocol):
    @property
    def power(self) -> PowerRepository: ...


# Reading ----------------------------------------------------------------------------------------


def load_process(
    uow: AppointmentsUnitOfWork,
    actor: Actor,
    process_id: ProcessId,
    today: dt.date,
    *,
    write: bool = False,
) -> ProcessData:
    """The process if the actor may read it (``NotFound`` alike for missing and forbidden)."""
    data = uow.processes.get(process_id)
    if data is None:
        raise NotFound("appointment_process_not_found", process_id=process_id)
    try:
        access.access_unit(actor, data.unit_id, uow.tree, today, write=write)
    except NotFound:
        raise NotFound("appointment_process_not_found", process_id=process_id) from None
    return data


def process_id_of(data: ProcessData) -> ProcessId:
    """The stored process's id (a process read from the repository always has one)."""
    if data.process_id is None:
        raise NotFound("appointment_process_not_found")
    return data.process_id


def _get(uow: AppointmentsUnitOfWork, process_id: ProcessId) -> ProcessData:
    data = uow.processes.get(process_id)
    if data is None:
        raise NotFound("appointment_process_not_found", process_id=process_id)
    return data


def rulebook_of(data: ProcessData) -> Rulebook:
    """The power-control rulebook of the process, by its start date (GEN-01, PC-01)."""
    return power_rulebook(data.started_on)


def participants_of(uow: AppointmentsUnitOfWork, data: ProcessData) -> tuple[Participant, ...]:
    """Everyone accountable in the process, once per (person, role, step) (PC-14): the
    proposer, the appraiser and the decider of the process, and each step's participants as
    the process recorded them (the convened leadership collective as voters, the counting
    committee as counters)."""
    found: dict[tuple[str, str, str], Participant] = {}
    for person, role in (
        (data.proposer_id, Role.PROPOSER),
        (data.appraiser_id, Role.APPRAISER),
        (data.decider_id, Role.DECIDER),
    ):
        if person is not None:
            found[(str(person), str(role), "")] = Participant(str(person), role, "")
    for row in uow.processes.participants(process_id_of(data)):
        p = Participant(str(row.person_id), Role(row.role), row.step)
        found.setdefault(p.key, p)
    return tuple(found.values())


def _candidates(uow: AppointmentsUnitOfWork, process_id: ProcessId) -> list[str]:
    return [str(c.person_id) for c in uow.processes.candidates(process_id) if c.active]


def process_conflicts(
    uow: AppointmentsUnitOfWork, process_id: ProcessId, today: dt.date
) -> tuple[PowerConflict, ...]:
    """Every conflict between a candidate and a participant of the process (PC-10, PC-21):
    relationships declared in the registry (relatives linked to a person) and declared close
    acquaintances, in both directions."""
    data = _get(uow, process_id)
    candidates = _candidates(uow, process_id)
    people = participants_of(uow, data)
    if not candidates or not people:
        return ()
    ids = sorted({int(c) for c in candidates} | {int(p.person_id) for p in people})
    relations = uow.relations.among(ids, data.decided_on or today)
    return conflicts(candidates, people, relations, rulebook_of(data))


def resolutions(recusals: Sequence[RecusalData]) -> dict[tuple[str, str, str], str]:
    """The recorded answers as :func:`canbo.core.power.relations.unresolved` reads them: the key
    (person, role, step) to "recused" or "overridden:<reason>"."""
    out: dict[tuple[str, str, str], str] = {}
    for r in recusals:
        if r.outcome == RecusalOutcome.RECUSED:
            out[(str(r.person_id), str(r.role), r.step)] = "recused"
        else:
            out[(str(r.person_id), str(r.role), r.step)] = f"overridden:{r.reason}"
    return out


def open_conflicts(
    uow: AppointmentsUnitOfWork, process_id: ProcessId, today: dt.date
) -> tuple[PowerConflict, ...]:
    """The conflicts that still need a recusal or a reasoned override (PC-10)."""
    found = process_conflicts(uow, process_id, today)
    if not found:
        return ()
    return unresolved(found, resolutions(uow.processes.recusals(process_id)))


def post_kind(title_name: str) -> str:
    """The Art. 20 post kind a title's name falls under ("" for none), PC-11."""
    name = title_name.casefold()
    for kind, words in HARD_BLOCK_POSTS.items():
        if any(w in name for w in words):
            return kind
    return ""


def hard_block_checks(
    uow: AppointmentsUnitOfWork, process_id: ProcessId, today: dt.date
) -> tuple[Check, ...]:
    """PC-11: a head (the decider, and the proposer who puts the name forward) may not place a
    spouse, parent, child or sibling in a personnel, accounting, cashier, storekeeper or
    procurement post. Empty when the post is none of these; no override lifts it."""
    data = _get(uow, process_id)
    title = uow.processes.title(data.title_id)
    kind = post_kind(title.name if title else "")
    heads = sorted({p for p in (data.decider_id, data.proposer_id) if p is not None})
    candidates = _candidates(uow, process_id)
    if not kind or not heads or not candidates:
        return ()
    ids = sorted({int(h) for h in heads} | {int(c) for c in candidates})
    relations = uow.relations.among(ids, data.decided_on or today)
    rulebook = rulebook_of(data)
    out = []
    for head in heads:
        for candidate in candidates:
            check = hard_block(str(head), candidate, kind, relations, rulebook)
            if check is not None and not check.ok:
                out.append(check)
    return tuple(out)


def timeline_of(uow: PowerUnitOfWork, data: ProcessData) -> Timeline:
    """The dates the timing flags read: the process's own, its steps', and the decider's
    retirement or transfer notice (PC-09, PC-19 item 6)."""
    notice = None
    name = ""
    head = data.decider_id if data.decider_id is not None else data.proposer_id
    if head is not None:  # the decider; before the decision, the head who proposes
        notice = uow.power.notice_on(head, data.decided_on or dt.date.max)
        if notice is not None:  # the flag names the head (PC-09)
            name = uow.processes.person_names([int(head)]).get(int(head), "")
    steps = tuple(
        (str(s.kind), s.opened_on)
        for s in uow.processes.steps(process_id_of(data))
        if s.opened_on is not None
    )
    return Timeline(
        started_on=data.started_on,
        decided_on=data.decided_on,
        policy_approved_on=data.policy_approved_on,
        dossier_received=data.dossier_received_on,
        decider_notice_on=notice,
        step_dates=steps,
        level_jump=level_jump_of(uow, data),
        decider_name=name,
    )


def level_jump_of(uow: AppointmentsUnitOfWork, data: ProcessData) -> int:
    """The distinct grades the appointee climbs (PC-18): from the post the facts assembler
    finds on the day before the decision takes effect (once decided the person holds the new
    post: reading it then would find no jump), or on the start date before the decision, to
    the post of the process; 0 when either is unknown."""
    from canbo.core.appointments.posts import catalogue_on, level_jump

    person = data.appointee_id
    title = uow.processes.title(data.title_id)
    if person is None or title is None:
        return 0
    on = data.decided_on or data.started_on
    before = on
    if data.decided_on is not None:
        took_effect = min(data.decided_on, data.effective_on or data.decided_on)
        before = min(took_effect - dt.timedelta(days=1), data.decided_on)
    try:
        new = uow.facts.grade(title.code, on)
        current = uow.facts.candidate(person, before).current_post
        if new is None or current is None:
            return 0
        return level_jump(current, new, catalogue_on(on))
    except NotFound:
        return 0


def process_flags(uow: PowerUnitOfWork, process_id: ProcessId, today: dt.date) -> tuple[Flag, ...]:
    """The timing flags of the process, computed on read (PC-09, AP-10, PC-18, AP-06): they
    depend on today's date (a process becomes overdue) and on dates that may still be
    corrected before the decision; :func:`freeze_flags` keeps them at the decision."""
    from canbo.core.appointments.rulebooks import appointment_rulebook

    data = _get(uow, process_id)
    appointment = appointment_rulebook(data.started_on)
    return timing_flags(timeline_of(uow, data), appointment, rulebook_of(data), today)


# Checks the process's use cases call ------------------------------------------------------------


def check_before_decision(uow: AppointmentsUnitOfWork, process_id: ProcessId, on: dt.date) -> None:
    """Refuse the decision while a related participant has neither recused nor been overridden
    with a reason (PC-10), or while the post is one a head's relative may not hold (PC-11)."""
    for c in open_conflicts(uow, process_id, on):
        if c.action is ConflictAction.RECORD:
            continue
        names = uow.processes.person_names([int(c.participant.person_id), int(c.candidate_id)])
        raise RuleViolation(
            "conflict_unresolved",
            citation=c.citation,
            person=names.get(int(c.participant.person_id), ""),
            candidate=names.get(int(c.candidate_id), ""),
            role=str(c.participant.role),
        )
    for check in hard_block_checks(uow, process_id, on):
        raise RuleViolation("relative_hard_block", check.message_vi, citation=check.citation)


def voters_to_ask(
    uow: AppointmentsUnitOfWork, process_id: ProcessId, step: str, today: dt.date
) -> tuple[PowerConflict, ...]:
    """The related voters of a step still to be asked to recuse before the ballots are issued
    (``pc_related_voter_policy``, PC-10). Nothing here reads or links a ballot."""
    return tuple(
        c
        for c in open_conflicts(uow, process_id, today)
        if c.participant.role is Role.VOTER
        and c.participant.step == step
        and c.action is ConflictAction.ASK_RECUSAL
    )


def check_before_ballots(
    uow: AppointmentsUnitOfWork, process_id: ProcessId, step: str, today: dt.date
) -> None:
    """Refuse to issue a step's ballots while a related voter has not answered (PC-10)."""
    for c in voters_to_ask(uow, process_id, step, today):
        names = uow.processes.person_names([int(c.participant.person_id)])
        raise RuleViolation(
            "related_voter_not_asked",
            citation=c.citation,
            person=names.get(int(c.participant.person_id), ""),
            step=step,
        )


# Use cases --------------------------------------------------------------------------------------


def record_recusal(
    uow: PowerUnitOfWork,
    actor: Actor,
    process_id: ProcessId,
    step: str,
    person_id: PersonId,
    outcome: str,
    reason: str,
    today: dt.date,
    *,
    role: str = "",
) -> int:
    """Record that a participant stood aside for a related candidate, or was let take part with
    a reason (an override, PC-10); one audit entry. A voter's recusal is recorded before the
    step's ballots are issued and is never linked to a ballot (PC-10): the record names the
    person and the step, nothing of what anyone marked."""
    reason = reason.strip()
    if outcome not in tuple(RecusalOutcome):
        raise ValidationError("recusal_outcome_invalid", field="outcome", outcome=outcome)
    if outcome == RecusalOutcome.OVERRIDDEN and not reason:
        raise ValidationError("recusal_reason_required", field="reason", citation=_pc("PC-10"))
    with uow:
        data = load_process(uow, actor, process_id, today, write=True)
        if str(data.status) in ("decided", "closed"):
            raise Conflict("recusal_process_closed", citation=_pc("PC-10"))
        role = _role_in(uow, data, person_id, step, role)
        _check_ballots_not_issued(uow, process_id, step, role, outcome)
        recusal = RecusalData(
            process_id=process_id,
            person_id=person_id,
            role=role,
            outcome=RecusalOutcome(outcome),
            reason=reason,
            recorded_on=today,
            step=step,
            recorded_by=actor.label,
        )
        recusal_id = uow.power.add_recusal(recusal)
        record = {
            "recusal_id": recusal_id,
            "person_id": int(person_id),
            "role": role,
            "step": step,
            "outcome": outcome,
            "reason": reason,
            "recorded_on": today.isoformat(),
        }
        # No ballot, session or voter code is named: the recusal is a fact about a person.
        uow.audit.append(
            actor, "appointment.recusal", PROCESS, str(process_id), None, record, record
        )
        uow.commit()
    return recusal_id


def _role_in(
    uow: AppointmentsUnitOfWork, data: ProcessData, person_id: PersonId, step: str, role: str
) -> str:
    """The participant's role at the step (the one given, else the only one they hold)."""
    roles = [
        str(p.role)
        for p in participants_of(uow, data)
        if p.person_id == str(person_id) and p.step == step and (not role or str(p.role) == role)
    ]
    if not roles:
        raise ValidationError(
            "recusal_not_participant", field="person", person_id=int(person_id), step=step
        )
    return roles[0]


def _check_ballots_not_issued(
    uow: AppointmentsUnitOfWork, process_id: ProcessId, step: str, role: str, outcome: str
) -> None:
    if role != Role.VOTER or outcome != RecusalOutcome.RECUSED:
        return
    for s in uow.processes.steps(process_id):
        if str(s.kind) == step and str(s.status) in BALLOTS_ISSUED:
            raise Conflict("recusal_after_ballots", citation=_pc("PC-10"), step=step)


def declare_acquaintance(
    uow: PowerUnitOfWork,
    actor: Actor,
    person_id: PersonId,
    other_id: PersonId,
    source: str,
    today: dt.date,
    *,
    declared_by: PersonId | None = None,
) -> int:
    """Record a declared close acquaintance (PC-21): never inferred, always with its source
    (the person's own declaration or an inspector's finding); one audit entry."""
    source = source.strip()
    if person_id == other_id:
        raise ValidationError("acquaintance_self", field="other", citation=_pc("PC-21"))
    if not source:
        raise ValidationError("acquaintance_source_required", field="source", citation=_pc("PC-21"))
    with uow:
        for pid in (person_id, other_id):
            unit = uow.power.person_unit(pid, today)
            if unit is None:
                raise NotFound("person_not_found", person_id=int(pid))
            access.access_unit(actor, unit, uow.tree, today)
        unit = uow.power.person_unit(person_id, today) or UnitId(0)
        access.require(
            actor, Action.DECLARE_RELATIONSHIP, unit, uow.tree, today, citation=_pc("PC-21")
        )
        if uow.power.has_acquaintance(person_id, other_id):
            raise Conflict("acquaintance_exists", citation=_pc("PC-21"))
        row = uow.power.add_acquaintance(person_id, other_id, declared_by, source, today)
        record = {
            "person_id": int(person_id),
            "other_id": int(other_id),
            "class": str(RelationshipClass.CLOSE_ACQUAINTANCE),
            "source": source,
            "declared_on": today.isoformat(),
        }
        uow.audit.append(
            actor, "appointment.acquaintance", "acquaintance", str(row), None, record, record
        )
        uow.commit()
    return row


def freeze_flags(uow: PowerUnitOfWork, actor: Actor, process_id: ProcessId, today: dt.date) -> int:
    """Store the flags raised so far and not stored yet as ``ProcessFlag`` rows (called at the
    decision), one audit entry for the batch; returns how many were stored."""
    with uow:
        new = [
            f
            for f in process_flags(uow, process_id, today)
            if f.key not in {s.key for s in uow.power.stored_flags(process_id)}
        ]
        for f in new:
            uow.power.add_flag(
                process_id, StoredFlag(f.key, f.rule, f.message_vi, str(f.severity), today)
            )
        if new:
            uow.audit.append(
                actor,
                "appointment.flags",
                PROCESS,
                str(process_id),
                None,
                {"flags": [f.key for f in new], "raised_on": today.isoformat()},
                {"flags": [f.key for f in new], "raised_on": today.isoformat()},
            )
        uow.commit()
    return len(new)
