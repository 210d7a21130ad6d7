"""Nomination and appointment processes (QĐ 377-QĐ/TW and its predecessors): open a process,
run its steps as meetings, check the conditions and record the decision.

A process follows the procedure of the appointment rulebook in force on its start date
(``canbo.core.appointments.steps.procedure``, GEN-01). Each step is a meeting: a conference of
the voting context with its convened list (check-in as at any conference); a step with a ballot
(``BallotMode`` other than NONE) opens a vote session of the voting engine
(``create_election_session`` under ``QD190_2024`` for ballot validity) only when the 2/3 quorum
is present (AP-11): strike-out keeping one name to nominate, agree/disagree to give an opinion
or to decide. Closing a step reads the certified tally (``count.election_tally``) and asks the
core for the outcome (``steps.outcome``) with the rulebook's thresholds; the names it carries
are the next step's list. An unconfirmed case (``needs_decision``) stops the process until the
competent level's decision is recorded (:func:`record_referral`, AP-17). A step taken out of
order is refused (AP-11).

Step 2 (WIDER, AP-13) is sealed: its outcome is stored but :func:`visible_outcome` returns it
only once the step that reads it (LEADERSHIP_NOMINATE) has been convened; the process pages
read outcomes only through it.

The decision (:func:`decide`) is refused, naming the rule and its citation, when a step is
missing, a condition fails without a recorded special-case decision, a conflict of interest is
unresolved, the decider's level has no authority over the post, or the dossier was received
after the decision. In one transaction it records the decision, writes the registry post with
its term end (TR-01) through ``records.add_record`` and one audit entry ``appointment.decide``
naming the proposer, the appraiser, the number of voters (never a ballot), the decider and the
dates (PC-14, PC-19).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from canbo.core.appointments import eligibility, steps, terms
from canbo.core.appointments.model import Eligibility, Proposal, Purpose
from canbo.core.appointments.rulebooks import appointment_rulebook
from canbo.core.errors import (
    Citation,
    Conflict,
    NotFound,
    RuleViolation,
    ValidationError,
)
from canbo.core.power import flags as power_flags
from canbo.core.power.rulebooks import power_rulebook
from canbo.core.records import PositionData
from canbo.core.rulebook import Rulebook
from canbo.core.types import READ_ROLES, WRITE_ROLES, Interval, PersonId, UnitId
from canbo.services.access import can_reach
from canbo.services.appointments import power
from canbo.services.appointments.ports import (
    AppointmentsUnitOfWork,
    CandidateRow,
    CandidateSource,
    DossierItemData,
    OverrideData,
    ParticipantData,
    ParticipantRole,
    ProcessData,
    ProcessId,
    ProcessKind,
    ProcessStatus,
    ReferralData,
    StepData,
    StepKindValue,
    StepStatus,
)
from canbo.services.ports import Actor

AP04 = Citation("QĐ 377-QĐ/TW", rule_id="AP-04")
AP06 = Citation("QĐ 377-QĐ/TW", rule_id="AP-06")
AP10 = Citation("QĐ 377-QĐ/TW", rule_id="AP-10")
AP11 = Citation("QĐ 377-QĐ/TW", rule_id="AP-11")
AP17 = Citation("QĐ 377-QĐ/TW", rule_id="AP-17")

BALLOT_KIND = {"nominate": "strike_out", "opinion": "approval", "decide": "approval"}
BALLOT_TITLE = {
    "nominate": "Phiếu giới thiệu nhân sự",
    "opinion": "Phiếu lấy ý kiến",
    "decide": "Phiếu biểu quyết",
}
"""The title of a step's ballot on the voting pages (not an election's "Phiếu bầu cử"): a
nominating step names people, the key cadres' meeting gives its opinion, the leadership,
the sending unit or the collective of a reappointment decides."""
"""The ballot of the voting engine per step ballot mode: strike-out keeping one name to
nominate, agree/disagree for an opinion or a decision."""


@dataclasses.dataclass(frozen=True, slots=True)
class NewProcess:
    """What the organizer gives to open a process."""

    kind: ProcessKind
    title_id: int
    unit_id: UnitId
    started_on: dt.date
    candidates: Sequence[PersonId]
    proposer_id: PersonId | None = None
    appraiser_id: PersonId | None = None
    policy_approved_on: dt.date | None = None
    holding_id: int | None = None
    note: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class DecisionData:
    """The decision recorded at the end of a process (TR-01)."""

    person_id: PersonId
    decision_ref: str
    decided_on: dt.date
    signed_on: dt.date
    effective_on: dt.date
    decider_id: PersonId
    decider_level: str  # the managing level of the deciding body (TitleLevel value, AP-10)
    deciding_unit_id: UnitId | None = None


# --- loading and access -----------------------------------------------------------------------


def require_process(
    uow: AppointmentsUnitOfWork,
    actor: Actor,
    process_id: ProcessId,
    *,
    write: bool = False,
    lock: bool = False,
) -> ProcessData:
    """The process when its unit is in the actor's scope (``NotFound`` otherwise, alike for
    a missing process and one out of scope)."""
    data = uow.processes.get(process_id, lock=lock)
    roles = WRITE_ROLES if write else READ_ROLES
    if data is None or not can_reach(actor, data.unit_id, uow.tree, data.started_on, roles):
        raise NotFound("appointment_process_not_found", process_id=process_id)
    return data


def rulebook_of(data: ProcessData) -> Rulebook:
    """The appointment rulebook of the process, by its start date (GEN-01)."""
    return appointment_rulebook(data.started_on)


def procedure_of(data: ProcessData) -> tuple[steps.StepDef, ...]:
    return steps.procedure(steps.ProcedureKind(str(data.kind)), rulebook_of(data))


def _step_def(data: ProcessData, kind: StepKindValue | str) -> steps.StepDef:
    for d in procedure_of(data):
        if str(d.kind) == str(kind):
            return d
    raise NotFound("appointment_step_not_found", step=str(kind))


def _step(uow: AppointmentsUnitOfWork, data: ProcessData, kind: str) -> StepData:
    assert data.process_id is not None  # noqa: S101
    for s in uow.processes.steps(data.process_id):
        if str(s.kind) == str(kind):
            return s
    raise NotFound("appointment_step_not_found", step=str(kind))


def _done(rows: Sequence[StepData]) -> list[steps.StepKind]:
    return [steps.StepKind(str(s.kind)) for s in rows if s.status is StepStatus.CLOSED]


def _require_running(data: ProcessData) -> None:
    if data.status is ProcessStatus.STOPPED:
        raise RuleViolation("appointment_process_stopped", citation=AP17)
    if data.status not in (ProcessStatus.OPEN, ProcessStatus.READY):
        raise Conflict("appointment_process_closed", status=str(data.status))


def _require_not_finished(data: ProcessData) -> None:
    """The dossier and the special-case decisions are written until the process is decided
    or has ended (a stopped process may still complete them)."""
    if data.status in (ProcessStatus.DECIDED, ProcessStatus.CLOSED):
        raise Conflict("appointment_process_closed", status=str(data.status))


# --- opening ----------------------------------------------------------------------------------


def open_process(uow: AppointmentsUnitOfWork, actor: Actor, new: NewProcess) -> ProcessId:
    """Open a process for a post of a unit in the actor's scope, with its candidates and the
    steps of the procedure in force on ``started_on``."""
    people = list(dict.fromkeys(new.candidates))
    if not people:
        raise ValidationError("appointment_no_candidates", field="candidates")
    with uow:
        if not can_reach(actor, new.unit_id, uow.tree, new.started_on, WRITE_ROLES):
            raise NotFound("unit_not_found", unit_id=new.unit_id)
        title = uow.processes.title(new.title_id)
        if title is None:
            raise ValidationError("appointment_title_not_found", field="title")
        names = uow.processes.person_names([*people, *_present(new.proposer_id, new.appraiser_id)])
        unknown = [p for p in people if p not in names]
        if unknown:
            raise ValidationError("person_not_found", field="candidates", person_ids=unknown)
        rulebook = appointment_rulebook(new.started_on)
        procedure = steps.procedure(steps.ProcedureKind(str(new.kind)), rulebook)
        data = ProcessData(
            kind=new.kind,
            title_id=new.title_id,
            unit_id=new.unit_id,
            started_on=new.started_on,
            rulebook_id=rulebook.rulebook_id,
            power_rulebook_id=power_rulebook(new.started_on).rulebook_id,
            policy_approved_on=new.policy_approved_on,
            proposer_id=new.proposer_id,
            appraiser_id=new.appraiser_id,
            holding_id=new.holding_id,
            note=new.note.strip(),
            created_by=actor.label,
        )
        pid = uow.processes.add(data)
        source = (
            CandidateSource.OUTSIDE if new.kind is ProcessKind.OUTSIDE else CandidateSource.IN_PLACE
        )
        for p in people:
            uow.processes.add_candidate(CandidateRow(pid, p, names[p], source))
        for d in procedure:
            uow.processes.add_step(
                StepData(pid, StepKindValue(str(d.kind)), d.order, str(d.ballot), d.sealed)
            )
        uow.audit.append(
            actor,
            "appointment.open",
            "appointment",
            str(pid),
            None,
            {"status": str(ProcessStatus.OPEN)},
            {
                "kind": str(new.kind),
                "title": title.code,
                "unit": int(new.unit_id),
                "candidates": [int(p) for p in people],
                "rulebook": rulebook.rulebook_id,
                "started_on": str(new.started_on),
            },
        )
        uow.commit()
    return pid


def _present(*ids: PersonId | None) -> list[PersonId]:
    return [i for i in ids if i is not None]


# --- steps ------------------------------------------------------------------------------------


def convene_step(
    uow: AppointmentsUnitOfWork,
    actor: Actor,
    process_id: ProcessId,
    kind: StepKindValue,
    persons: Sequence[PersonId],
    held_on: dt.date,
    *,
    collective_members: int | None = None,
    meeting_unit: UnitId | None = None,
) -> int:
    """Convene the meeting of the next step: a conference of the process's unit (or of
    ``meeting_unit``: the sending unit of a candidate from elsewhere, ST-04) with ``persons``
    convened (they check in as at any conference). Refused out of order (AP-11). Returns the
    conference id."""
    people = list(dict.fromkeys(persons))
    if not people:
        raise ValidationError("appointment_nobody_convened", field="persons")
    with uow:
        data = require_process(uow, actor, process_id, write=True, lock=True)
        _require_running(data)
        rows = uow.processes.steps(process_id)
        steps.check_next(procedure_of(data), _done(rows), steps.StepKind(str(kind)))
        step = _step(uow, data, kind)
        if step.status is not StepStatus.PENDING:
            raise Conflict("appointment_step_already_convened", step=str(kind))
        if held_on < data.started_on:
            raise ValidationError("appointment_step_before_start", field="held_on")
        title = uow.processes.title(data.title_id)
        label = steps_label(kind)
        conf = uow.meetings.open_meeting(
            actor,
            meeting_unit or data.unit_id,
            f"{label} - {title.name if title else ''}".strip(" -"),
            held_on,
            people,
        )
        assert step.step_id is not None  # noqa: S101
        members = collective_members if collective_members is not None else len(people)
        if members < 1 or (members > len(people) and collective_members is not None):
            raise ValidationError("appointment_collective_members_invalid", field="members")
        uow.processes.update_step(
            dataclasses.replace(
                step,
                status=StepStatus.CONVENED,
                conference_id=conf,
                convened=len(people),
                collective_members=members,
                opened_on=held_on,
            )
        )
        role = ParticipantRole.VOTER
        uow.processes.add_participants(
            step.step_id, [ParticipantData(p, str(role), str(kind)) for p in people]
        )
        uow.audit.append(
            actor,
            "appointment.convene",
            "appointment",
            str(process_id),
            {"step": str(kind), "status": str(step.status)},
            {"step": str(kind), "status": str(StepStatus.CONVENED), "conference": conf},
            {"convened": len(people), "held_on": str(held_on)},
        )
        uow.commit()
    return conf


STEP_LABELS_VI = {
    "leadership_first": "Bước 1: Tập thể lãnh đạo đề xuất",
    "wider": "Bước 2: Hội nghị cán bộ chủ chốt mở rộng",
    "leadership_nominate": "Bước 3: Tập thể lãnh đạo giới thiệu",
    "key_cadres": "Bước 4: Hội nghị cán bộ chủ chốt",
    "leadership_decide": "Bước 5: Tập thể lãnh đạo biểu quyết",
    "receiving_talks": "Nơi tiếp nhận trao đổi",
    "sending_vote": "Nơi công tác lấy phiếu",
    "report": "Trình cấp có thẩm quyền",
    "collective_vote": "Tập thể lãnh đạo biểu quyết bổ nhiệm lại",
}
"""Titles of the step's conference and vote session (Vietnamese: they are document titles)."""


def steps_label(kind: str) -> str:
    return STEP_LABELS_VI.get(str(kind), str(kind))


def quorum_of(uow: AppointmentsUnitOfWork, step: StepData) -> tuple[int, int, Any]:
    """(convened, present, core quorum check) of a convened step's meeting (AP-11)."""
    if step.conference_id is None:
        raise Conflict("appointment_step_not_convened", step=str(step.kind))
    convened, present = uow.meetings.attendance(step.conference_id)
    return convened, present, steps.quorum(convened, present)


def _require_quorum(uow: AppointmentsUnitOfWork, step: StepData) -> tuple[int, int]:
    convened, present, check = quorum_of(uow, step)
    if not check.ok:
        raise RuleViolation(
            "appointment_no_quorum",
            citation=check.citation,
            step=str(step.kind),
            convened=convened,
            present=present,
        )
    return convened, present


def open_ballot(
    uow: AppointmentsUnitOfWork,
    actor: Actor,
    process_id: ProcessId,
    kind: StepKindValue,
    *,
    committee: Sequence[int] = (),
) -> int:
    """Open the step's secret ballot: a vote session of the voting engine on the step's
    conference, for the names still on the list, given to those convened; refused without
    the 2/3 quorum present (AP-11). ``committee`` are the counting committee's accounts, head
    first (or set later on the vote's pages). Returns the session id (its pages run the vote)."""
    with uow:
        data = require_process(uow, actor, process_id, write=True, lock=True)
        _require_running(data)
        step = _step(uow, data, kind)
        definition = _step_def(data, kind)
        if str(definition.ballot) == "none":
            raise Conflict("appointment_step_has_no_ballot", step=str(kind))
        if step.status is not StepStatus.CONVENED or step.conference_id is None:
            raise Conflict("appointment_step_not_convened", step=str(kind))
        convened, present = _require_quorum(uow, step)
        power.check_before_ballots(uow, process_id, str(kind), step.opened_on or data.started_on)
        names = [c.person_id for c in _active(uow, process_id)]
        ballot = BALLOT_KIND[str(definition.ballot)]
        if ballot == "strike_out" and len(names) < 2:
            ballot = "approval"
        seats = 1 if ballot == "strike_out" else len(names)
        electorate = [
            p.person_id for p in uow.processes.participants(process_id) if p.step == str(kind)
        ]
        session = uow.meetings.create_session(
            actor,
            step.conference_id,
            steps_label(kind),
            names,
            seats,
            ballot,
            electorate,
            committee=committee,
            ballot_title=BALLOT_TITLE[str(definition.ballot)],
        )
        uow.processes.update_step(
            dataclasses.replace(step, status=StepStatus.VOTING, session_id=session, present=present)
        )
        uow.audit.append(
            actor,
            "appointment.ballot",
            "appointment",
            str(process_id),
            {"step": str(kind), "status": str(step.status)},
            {"step": str(kind), "status": str(StepStatus.VOTING), "session": session},
            {"convened": convened, "present": present, "ballot": ballot},
        )
        uow.commit()
    return session


def _active(uow: AppointmentsUnitOfWork, process_id: ProcessId) -> list[CandidateRow]:
    return [c for c in uow.processes.candidates(process_id) if c.active]


def close_step(
    uow: AppointmentsUnitOfWork,
    actor: Actor,
    process_id: ProcessId,
    kind: StepKindValue,
    closed_on: dt.date,
) -> dict[str, Any]:
    """Close the step: for a ballot, from the counting committee's certified tally; without
    one, the meeting held with its quorum. The core gives the outcome (``steps.outcome``)
    with the rulebook's thresholds; the names it carries are the next step's list. An
    unconfirmed case stops the process until :func:`record_referral` (AP-17)."""
    with uow:
        data = require_process(uow, actor, process_id, write=True, lock=True)
        _require_running(data)
        step = _step(uow, data, kind)
        definition = _step_def(data, kind)
        has_ballot = str(definition.ballot) != "none"
        if has_ballot:
            if step.status is not StepStatus.VOTING or step.session_id is None:
                raise Conflict("appointment_step_not_voting", step=str(kind))
            tally = uow.meetings.tally(step.session_id)
            if tally is None:
                raise Conflict("appointment_step_not_counted", step=str(kind))
            convened, present = step.convened or 0, step.present or 0
            valid, votes = tally.valid, {str(k): int(v) for k, v in tally.votes.items()}
        else:
            if step.status is not StepStatus.CONVENED:
                raise Conflict("appointment_step_not_convened", step=str(kind))
            convened, present = _require_quorum(uow, step)
            valid, votes = 0, {str(c.person_id): 0 for c in _active(uow, process_id)}
        count = steps.StepCount(
            convened=convened,
            present=present,
            collective_members=step.collective_members or convened,
            valid_ballots=valid,
            votes=votes,
        )
        outcome = steps.outcome(definition, count, rulebook_of(data))
        stored = outcome_dict(outcome, count)
        status = StepStatus.STOPPED if outcome.needs_decision else StepStatus.CLOSED
        uow.processes.update_step(
            dataclasses.replace(
                step,
                status=status,
                present=present,
                outcome=stored,
                closed_on=closed_on,
            )
        )
        if outcome.needs_decision:
            uow.processes.update(dataclasses.replace(data, status=ProcessStatus.STOPPED))
        elif outcome.status is steps.OutcomeStatus.RESTART:
            _restart(uow, data)
        elif outcome.status is steps.OutcomeStatus.NOT_SELECTED:
            uow.processes.set_active(process_id, [])
            uow.processes.update(dataclasses.replace(data, status=ProcessStatus.CLOSED))
        else:
            _carry(uow, data, [int(p) for p in outcome.carried])
            _after_step(uow, data)
        uow.audit.append(
            actor,
            "appointment.step",
            "appointment",
            str(process_id),
            {"step": str(kind), "status": str(step.status)},
            {"step": str(kind), "status": str(status), "outcome": str(outcome.status)},
            {
                "convened": convened,
                "present": present,
                "valid_ballots": valid,
                "sealed": bool(step.sealed),
            },
        )
        uow.commit()
    return stored


def outcome_dict(outcome: steps.StepOutcome, count: steps.StepCount) -> dict[str, Any]:
    """The stored shape of a step's outcome: the core's fields with the citation's parts."""
    return {
        "kind": str(outcome.kind),
        "status": str(outcome.status),
        "carried": [str(p) for p in outcome.carried],
        "denominator": outcome.denominator,
        "denominator_kind": outcome.denominator_kind,
        "citation": dict(outcome.citation.as_dict())
        if hasattr(outcome.citation, "as_dict")
        else str(outcome.citation),
        "rule": outcome.citation.rule_id,
        "message_vi": outcome.message_vi,
        "message_en": outcome.message_en,
        "needs_decision": outcome.needs_decision,
        "votes": dict(count.votes),
        "valid_ballots": count.valid_ballots,
        "convened": count.convened,
        "present": count.present,
    }


def _carry(uow: AppointmentsUnitOfWork, data: ProcessData, carried: Sequence[int]) -> None:
    """The names carried by a step are the next step's list (a step that carries nobody
    leaves the list as it was: a step without a ballot)."""
    assert data.process_id is not None  # noqa: S101
    if carried:
        uow.processes.set_active(data.process_id, carried)


def _restart(uow: AppointmentsUnitOfWork, data: ProcessData) -> None:
    """No majority at the leadership's vote under ``restart_from_step_3`` (AP-17): the steps
    from the leadership's nomination on are held again (the earlier meetings stay on record in
    the voting context and the audit log)."""
    assert data.process_id is not None  # noqa: S101
    kept = {str(k) for k in steps.kept_on_restart(procedure_of(data))}
    for s in uow.processes.steps(data.process_id):
        if str(s.kind) not in kept:
            uow.processes.update_step(
                StepData(s.process_id, s.kind, s.order, s.ballot, s.sealed, step_id=s.step_id)
            )


def _after_step(uow: AppointmentsUnitOfWork, data: ProcessData) -> None:
    """The process's status after a step: READY when every step is done (CLOSED when nobody
    is left on the list), OPEN otherwise."""
    assert data.process_id is not None  # noqa: S101
    rows = uow.processes.steps(data.process_id)
    status = ProcessStatus.OPEN
    if all(s.status is StepStatus.CLOSED for s in rows):
        status = ProcessStatus.READY if _active(uow, data.process_id) else ProcessStatus.CLOSED
    stored = uow.processes.get(data.process_id)
    if stored is not None and stored.status is not status:
        uow.processes.update(dataclasses.replace(stored, status=status))


def record_referral(
    uow: AppointmentsUnitOfWork,
    actor: Actor,
    process_id: ProcessId,
    kind: StepKindValue,
    decision: str,
    body: str,
    on: dt.date,
    carried: Sequence[PersonId],
) -> None:
    """Record what the competent level decided on a stopped step (AP-17): the names it
    carries to the next step (none ends the process without an appointment)."""
    if not decision.strip():
        raise ValidationError("required", field="decision")
    if not body.strip():
        raise ValidationError("required", field="body")
    with uow:
        data = require_process(uow, actor, process_id, write=True, lock=True)
        step = _step(uow, data, kind)
        if step.status is not StepStatus.STOPPED or step.step_id is None:
            raise Conflict("appointment_step_not_stopped", step=str(kind))
        listed = {c.person_id for c in _active(uow, process_id)}
        stray = [p for p in carried if p not in listed]
        if stray:
            raise ValidationError("appointment_not_on_list", field="carried", person_ids=stray)
        uow.processes.add_referral(
            ReferralData(
                step.step_id,
                decision.strip(),
                body.strip(),
                on,
                tuple(int(p) for p in carried),
                actor.label,
            )
        )
        outcome = dict(step.outcome or {})
        outcome["referral"] = {
            "decision": decision.strip(),
            "body": body.strip(),
            "on": str(on),
            "carried": [str(p) for p in carried],
        }
        outcome["carried"] = [str(p) for p in carried]
        uow.processes.update_step(
            dataclasses.replace(step, status=StepStatus.CLOSED, outcome=outcome, closed_on=on)
        )
        if carried:
            uow.processes.set_active(process_id, [int(p) for p in carried])
            _after_step(uow, data)
        else:
            uow.processes.update(dataclasses.replace(data, status=ProcessStatus.CLOSED))
        uow.audit.append(
            actor,
            "appointment.referral",
            "appointment",
            str(process_id),
            {"step": str(kind), "status": str(StepStatus.STOPPED)},
            {"step": str(kind), "status": str(StepStatus.CLOSED)},
            {"body": body.strip(), "on": str(on), "carried": [int(p) for p in carried]},
        )
        uow.commit()


def visible_outcome(rows: Sequence[StepData], step: StepData) -> Mapping[str, Any] | None:
    """A step's outcome as the pages may show it: a sealed step's (AP-13) stays hidden until
    the next step of the procedure has been convened."""
    if step.outcome is None:
        return None
    if not step.sealed:
        return step.outcome
    later = [s for s in rows if s.order > step.order]
    if later and later[0].status is not StepStatus.PENDING:
        return step.outcome
    return None


def sealed_session_ids(rows: Sequence[StepData]) -> set[int]:
    """Vote sessions of sealed steps whose results may not be shown yet (AP-13)."""
    return {
        int(s.session_id)
        for s in rows
        if s.sealed and s.session_id is not None and visible_outcome(rows, s) is None
    }


# --- dossier, conditions, overrides -----------------------------------------------------------


def receive_dossier(
    uow: AppointmentsUnitOfWork, actor: Actor, process_id: ProcessId, received_on: dt.date
) -> None:
    """Record the date the candidates' dossier was received (AP-05, AP-06 count age from it)."""
    with uow:
        data = require_process(uow, actor, process_id, write=True, lock=True)
        _require_not_finished(data)
        if data.decided_on is not None and received_on > data.decided_on:
            raise RuleViolation(
                "appointment_dossier_after_decision",
                citation=AP06,
                field="received_on",
                received_on=str(received_on),
                decided_on=str(data.decided_on),
            )
        uow.processes.update(dataclasses.replace(data, dossier_received_on=received_on))
        uow.audit.append(
            actor,
            "appointment.dossier",
            "appointment",
            str(process_id),
            {"dossier_received_on": str(data.dossier_received_on or "")},
            {"dossier_received_on": str(received_on)},
            None,
        )
        uow.commit()


def dossier_items_required(rulebook: Rulebook) -> tuple[str, ...]:
    """The dossier's items (``ap_dossier_items``, AP-04)."""
    value = rulebook.param("ap_dossier_items")
    if isinstance(value, tuple):
        return tuple(str(v) for v in value)
    return tuple(v.strip() for v in str(value).split(",") if v.strip())


def verify_dossier_item(
    uow: AppointmentsUnitOfWork,
    actor: Actor,
    process_id: ProcessId,
    person_id: PersonId,
    item: str,
    verified_by: PersonId,
    verified_on: dt.date,
) -> None:
    """Record that one item of a candidate's dossier was verified, and by whom (AP-04)."""
    with uow:
        data = require_process(uow, actor, process_id, write=True)
        _require_not_finished(data)
        if item not in dossier_items_required(rulebook_of(data)):
            raise ValidationError("appointment_dossier_item_unknown", field="item", item=item)
        if person_id not in {c.person_id for c in uow.processes.candidates(process_id)}:
            raise ValidationError("appointment_not_on_list", field="person", person_ids=[person_id])
        uow.processes.save_dossier_item(
            DossierItemData(process_id, person_id, item, verified_by, verified_on)
        )
        uow.audit.append(
            actor,
            "appointment.dossier_item",
            "appointment",
            str(process_id),
            None,
            {"person": int(person_id), "item": item, "verified_on": str(verified_on)},
            {"verified_by": int(verified_by)},
        )
        uow.commit()


def record_override(
    uow: AppointmentsUnitOfWork,
    actor: Actor,
    data: OverrideData,
) -> None:
    """Record the special-case decision that lets a failed condition pass (AP-02, PC-12):
    its number, the body that took it and the reason, never without them."""
    for name in ("check_key", "decision_ref", "body", "reason"):
        if not str(getattr(data, name)).strip():
            raise ValidationError("required", field=name)
    with uow:
        _require_not_finished(require_process(uow, actor, data.process_id, write=True))
        if data.person_id not in {c.person_id for c in uow.processes.candidates(data.process_id)}:
            raise ValidationError(
                "appointment_not_on_list", field="person", person_ids=[data.person_id]
            )
        uow.processes.add_override(dataclasses.replace(data, recorded_by=actor.label))
        uow.audit.append(
            actor,
            "appointment.override",
            "appointment",
            str(data.process_id),
            None,
            {"person": int(data.person_id), "check": data.check_key, "rule": data.rule},
            {"decision_ref": data.decision_ref, "body": data.body, "reason": data.reason},
        )
        uow.commit()


def _eligibility(
    uow: AppointmentsUnitOfWork, data: ProcessData, person_id: PersonId, on: dt.date
) -> Eligibility:
    assert data.process_id is not None  # noqa: S101
    facts = uow.facts.candidate(person_id, _facts_day(data, on))
    title = uow.processes.title(data.title_id)
    post = uow.facts.grade(title.code, on) if title else None
    required = set(dossier_items_required(rulebook_of(data)))
    verified = {
        d.item
        for d in uow.processes.dossier_items(data.process_id)
        if d.person_id == person_id and d.verified_on is not None and d.verified_on <= on
    }
    health = [
        d.verified_on
        for d in uow.processes.dossier_items(data.process_id)
        if d.person_id == person_id and d.item == "health_certificate" and d.verified_on is not None
    ]
    facts = dataclasses.replace(
        facts,
        dossier_verified=required <= verified,
        health_certificate_on=max(health) if health else facts.health_certificate_on,
    )
    overrides = {
        o.check_key: f"{o.decision_ref} ({o.body}): {o.reason}"
        for o in uow.processes.overrides(data.process_id)
        if o.person_id == person_id
    }
    purpose = (
        Purpose.REAPPOINTMENT if data.kind is ProcessKind.REAPPOINTMENT else Purpose.APPOINTMENT
    )
    first_time = facts.current_post is None or (
        post is not None and facts.current_post.code != post.code
    )
    proposal = Proposal(
        purpose=purpose,
        decision_date=on,
        post=post,
        first_time=first_time and data.kind is not ProcessKind.REAPPOINTMENT,
        dossier_received=data.dossier_received_on,
        overrides=overrides,
    )
    return eligibility.evaluate(facts, proposal, appointment_rulebook(on))


def _facts_day(data: ProcessData, on: dt.date) -> dt.date:
    """The day the candidate's own record is read on: ``on``, but for a decided process no later
    than the day before the decision took effect (from then the appointee holds the new post,
    and the tenure in the post held before would read 0 months). The process's own evidence
    (dossier, special cases) is still read on ``on``."""
    if data.decided_on is None:
        return on
    return min(on, (data.effective_on or data.decided_on) - dt.timedelta(days=1))


def conditions(
    uow: AppointmentsUnitOfWork, actor: Actor, process_id: ProcessId, on: dt.date
) -> dict[PersonId, Eligibility]:
    """The conditions of every candidate still on the list as of ``on`` (AP-02 to AP-08,
    AP-19), from the planning facts assembler and the process's own evidence (dossier items
    verified, health certificate, special-case decisions)."""
    with uow:
        data = require_process(uow, actor, process_id)
        return {
            c.person_id: _eligibility(uow, data, c.person_id, on) for c in _active(uow, process_id)
        }


# --- the decider, named before the decision ---------------------------------------------------

PC10 = Citation("QĐ 114-QĐ/TW", rule_id="PC-10")


def _recused_deciders(uow: AppointmentsUnitOfWork, process_id: ProcessId) -> set[PersonId]:
    """Persons recorded as having stood aside as the process's decider (PC-10)."""
    return {
        r.person_id
        for r in uow.processes.recusals(process_id)
        if str(r.role) == str(ParticipantRole.DECIDER) and str(r.outcome) == "recused"
    }


def set_decider(
    uow: AppointmentsUnitOfWork,
    actor: Actor,
    process_id: ProcessId,
    decider_id: PersonId,
    deciding_unit_id: UnitId | None,
    on: dt.date,
) -> None:
    """Name the person expected to sign the decision and the deciding body before the decision,
    so that power control checks them with the other participants from now on (PC-10, PC-14):
    a decider related to a candidate is flagged on the process page, can be recorded as having
    stood aside, and another decider named. Someone recorded as having stood aside as decider
    cannot be named again (``decider_recused``). One audit entry ``appointment.decider``."""
    with uow:
        data = require_process(uow, actor, process_id, write=True, lock=True)
        if data.status in (ProcessStatus.DECIDED, ProcessStatus.CLOSED):
            raise Conflict("appointment_process_closed", status=str(data.status))
        names = uow.processes.person_names([decider_id])
        if decider_id not in names:
            raise ValidationError("person_not_found", field="decider", person_ids=[decider_id])
        if decider_id in _recused_deciders(uow, process_id):
            raise RuleViolation(
                "decider_recused", citation=PC10, field="decider", person=names[decider_id]
            )
        if deciding_unit_id is not None and not can_reach(
            actor, deciding_unit_id, uow.tree, on, READ_ROLES
        ):
            raise NotFound("unit_not_found", unit_id=deciding_unit_id)
        uow.processes.update(
            dataclasses.replace(data, decider_id=decider_id, deciding_unit_id=deciding_unit_id)
        )
        uow.audit.append(
            actor,
            "appointment.decider",
            "appointment",
            str(process_id),
            {
                "decider": _int(data.decider_id),
                "deciding_unit": _int(data.deciding_unit_id),
            },
            {"decider": int(decider_id), "deciding_unit": _int(deciding_unit_id)},
            {"named_on": str(on)},
        )
        uow.commit()


# --- the decision -----------------------------------------------------------------------------


def decide(
    uow: AppointmentsUnitOfWork,
    actor: Actor,
    process_id: ProcessId,
    decision: DecisionData,
    today: dt.date,
) -> int:
    """Record the appointment decision and write the post to the registry (TR-01), or refuse
    naming the rule; nothing partial is stored. Returns the registry position id."""
    if not decision.decision_ref.strip():
        raise ValidationError("required", field="decision_ref")
    if decision.effective_on < decision.signed_on:
        raise ValidationError("appointment_effective_before_signing", field="effective_on")
    with uow:
        data = require_process(uow, actor, process_id, write=True, lock=True)
        rows = uow.processes.steps(process_id)
        procedure = procedure_of(data)
        missing = [
            d
            for d in procedure
            if str(d.kind) not in {str(s.kind) for s in rows if s.status is StepStatus.CLOSED}
        ]
        if data.status is ProcessStatus.STOPPED:
            raise RuleViolation("appointment_process_stopped", citation=AP17)
        if data.status is ProcessStatus.DECIDED:
            raise Conflict("appointment_already_decided", process_id=process_id)
        if missing:
            first = missing[0]
            raise RuleViolation(
                "appointment_steps_not_done",
                citation=Citation(first.citation.document, rule_id="AP-11"),
                step=str(first.kind),
            )
        active = {c.person_id for c in _active(uow, process_id)}
        if decision.person_id not in active:
            raise RuleViolation(
                "appointment_not_carried",
                citation=AP11,
                field="person",
                person_id=decision.person_id,
            )
        received = data.dossier_received_on
        if received is None:
            raise RuleViolation(
                "appointment_dossier_not_received", citation=AP04, field="decided_on"
            )
        if received > decision.decided_on:
            raise RuleViolation(
                "appointment_dossier_after_decision",
                citation=AP06,
                field="decided_on",
                received_on=str(received),
                decided_on=str(decision.decided_on),
            )
        title = uow.processes.title(data.title_id)
        assert title is not None  # noqa: S101
        authority = power_flags.authority(title.level, decision.decider_level)
        if not authority.ok:
            raise RuleViolation(
                "appointment_decider_without_authority",
                citation=authority.citation,
                field="decider_level",
                post_level=title.level,
                decider_level=decision.decider_level,
            )
        result = _eligibility(uow, data, decision.person_id, decision.decided_on)
        if not result.eligible:
            failed = result.failed[0]
            raise RuleViolation(
                "appointment_ineligible",
                citation=failed.citation,
                field="person",
                check=failed.key,
                rule=failed.rule,
                message_vi=f"Chưa đủ điều kiện bổ nhiệm: {failed.message_vi} Cần quyết định"
                " trường hợp đặc biệt.",
                message_en=f"Not eligible for appointment: {failed.message_en} A special-case"
                " decision is required.",
            )
        if decision.decider_id in _recused_deciders(uow, process_id):
            raise RuleViolation(
                "decider_recused",
                citation=PC10,
                field="decider",
                person=uow.processes.person_names([decision.decider_id]).get(
                    decision.decider_id, ""
                ),
            )
        decided = dataclasses.replace(data, decider_id=decision.decider_id)
        uow.processes.update(decided)  # the decider takes part (PC-14): checked below
        power.check_before_decision(uow, process_id, decision.decided_on)
        ends = terms.term_end(decision.effective_on)
        position = PositionData(
            title_code=title.code,
            unit_id=data.unit_id,
            how="appointed",
            valid=Interval(decision.effective_on, None),
            decision_ref=decision.decision_ref.strip(),
            term_ends=ends,
        )
        if data.kind is ProcessKind.REAPPOINTMENT and data.holding_id is not None:
            # The term that ends gives way to the new one (TR-01, TR-02).
            last_day = decision.effective_on - dt.timedelta(days=1)
            uow.registry.end_position(actor, decision.person_id, data.holding_id, last_day)
        position_id = uow.registry.add_position(actor, decision.person_id, position, today)
        final = dataclasses.replace(
            decided,
            status=ProcessStatus.DECIDED,
            decided_on=decision.decided_on,
            decision_ref=decision.decision_ref.strip(),
            signed_on=decision.signed_on,
            effective_on=decision.effective_on,
            term_ends=ends,
            deciding_unit_id=decision.deciding_unit_id or data.deciding_unit_id,
            appointee_id=decision.person_id,
        )
        uow.processes.update(final)
        participants = uow.processes.participants(process_id)
        voters = {p.person_id for p in participants if p.role == str(ParticipantRole.VOTER)}
        uow.audit.append(
            actor,
            "appointment.decide",
            "appointment",
            str(process_id),
            {"status": str(data.status)},
            {"status": str(ProcessStatus.DECIDED), "position": position_id},
            {
                "appointee": int(decision.person_id),
                "title": title.code,
                "unit": int(data.unit_id),
                "proposer": _int(data.proposer_id),
                "appraiser": _int(data.appraiser_id),
                "voters": len(voters),
                "decider": int(decision.decider_id),
                "decision_ref": decision.decision_ref.strip(),
                "started_on": str(data.started_on),
                "dossier_received_on": str(received),
                "decided_on": str(decision.decided_on),
                "signed_on": str(decision.signed_on),
                "effective_on": str(decision.effective_on),
                "term_ends": str(ends),
                "steps": {str(s.kind): str(s.closed_on) for s in rows},
                "rulebook": data.rulebook_id,
            },
        )
        uow.commit()
    return position_id


def _int(value: int | None) -> int | None:
    return int(value) if value is not None else None
