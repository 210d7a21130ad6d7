"""Use cases: the steps of one subject — self-assessment, comment, appraisal, decision (CL-20).

Each step is taken by the people whose role it is (CL-20, CL-22), in order (CL-20, CL-21), and
is stored as an immutable, versioned record with its actor and time; a new submission of the
same step supersedes the old one without erasing it. The decision may differ from the proposal
(with a reason, CL-20) but never rises above a forced failure or a cap (CL-09, CL-11, CL-15,
CL-18, CL-19): those are rules, not advice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from canbo.core.classification.common import head_cap
from canbo.core.classification.lifecycle import CycleStep, cycle_step, subject_step
from canbo.core.classification.model import Effect, Level, Proposal, Reason, SubjectKind
from canbo.core.classification.rulebook import rulebook_for_cycle
from canbo.core.errors import (
    Citation,
    NotFound,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from canbo.core.permissions import Action, roles_for
from canbo.core.types import READ_ROLES, Role, UnitId
from canbo.services.access import can_reach
from canbo.services.classification.cycle import engine_of, load_cycle, row_subject, rules_of
from canbo.services.classification.inputs import read_scores, refuse
from canbo.services.classification.ports import (
    ClassificationUnitOfWork,
    ComputeRow,
    CycleData,
    OrderEnforcement,
    RecordKind,
    Scores,
    Step,
    StepRecordData,
    SubjectPk,
    SubjectState,
)
from canbo.services.ports import Actor

DOCS = "QĐ 366-QĐ/TW; HD 43-HD/BTCTW"
CL20 = Citation(DOCS, rule_id="CL-20", unconfirmed=("cl_steps",))
CL21 = Citation(DOCS, rule_id="CL-21", unconfirmed=("cl_order_enforcement",))
CL22 = Citation(DOCS, rule_id="CL-22")
CL04 = Citation(DOCS, rule_id="CL-04", unconfirmed=("cl_exempt_categories",))

SELF_ROLES = roles_for(Action.SELF_ASSESS)
COMMENT_ROLES = roles_for(Action.COMMENT)
APPRAISAL_ROLES = roles_for(Action.APPRAISE)
DECISION_ROLES = roles_for(Action.DECIDE)
"""Who takes each step (CL-20, CL-22): the cell or collective records the self-assessment and
its comments, the advisory body (Ban Tổ chức) appraises, the standing committee of the
competent level decides."""


def load_subject(uow: ClassificationUnitOfWork, actor: Actor, pk: SubjectPk) -> SubjectState:
    """Load guard: NotFound alike for a missing subject and one outside the actor's scope."""
    state = uow.subjects.get(pk)
    if state is None:
        raise NotFound("subject_not_found", subject=pk)
    cycle = load_cycle(uow, state.cycle_id)
    if not can_reach(actor, state.unit_id, uow.tree, cycle.as_of, READ_ROLES):
        raise NotFound("subject_not_found", subject=pk)
    return state


def require_role(
    uow: ClassificationUnitOfWork,
    actor: Actor,
    unit_id: UnitId,
    cycle: CycleData,
    roles: frozenset[Role],
    step: str,
) -> None:
    """Refuse a step to an actor without the step's role over ``unit_id`` (CL-20, CL-22)."""
    if can_reach(actor, unit_id, uow.tree, cycle.as_of, roles):
        return
    names = ", ".join(sorted(str(r) for r in roles))
    raise PermissionDenied(
        "step_role_required",
        f"Bước '{step}' chỉ do người có vai trò {names} của cấp có thẩm quyền thực hiện. / "
        f"Step '{step}' may only be taken by {names} of the competent level.",
        citation=CL22,
        step=step,
        roles=sorted(str(r) for r in roles),
        unit_id=unit_id,
    )


def require_step(state: SubjectState, step: CycleStep) -> Step:
    """CL-20: SELF → COMMENT → APPRAISAL → DECISION; an exempt subject takes no step (CL-04,
    CL-18), a step out of order is refused (the table: ``SUBJECT_LIFECYCLE``). Returns where
    the subject stands after the step."""
    if state.exemption:
        raise RuleViolation(
            "subject_exempt",
            "Đối tượng thuộc diện không kiểm điểm, xếp loại. / The subject is exempt from "
            "review and classification.",
            citation=CL04,
            exemption=state.exemption,
        )
    return subject_step(state.step, step)


def state_row(state: SubjectState) -> ComputeRow:
    """The compute row of one subject."""
    s = state.scores
    return ComputeRow(
        state.pk, state.kind, state.group, state.unit_id, int(state.step),
        state.appraised_level, state.final_level, s.score_general, s.score_results,
        s.grade_results, s.grade_other_min, s.tasks_total, s.tasks_on_time, s.tasks_exceeded,
        s.tasks_late, s.led_units_tasks, s.led_units_exceeded, s.led_units_kht,
        s.confidence_low, state.discipline, state.discipline_self_remedied,
        state.sick_leave_months, state.months_in_operation, state.exemption, state.head_unit_id,
    )  # fmt: skip


def proposal_for(uow: ClassificationUnitOfWork, cycle: CycleData, state: SubjectState) -> Proposal:
    """CL-12 for one subject, with the head capped by the unit's current level (CL-15)."""
    engine = engine_of(cycle)
    proposal = engine.evaluate(row_subject(state_row(state)))
    if engine.params.cl_head_cap and state.head_unit_id and proposal.level is not None:
        unit = uow.subjects.unit_level(state.cycle_id, state.head_unit_id)
        proposal = head_cap(proposal, unit.level, unit.known)
    return proposal


def ceiling(proposal: Proposal) -> tuple[Level, Reason | None]:
    """The highest level the rules allow: KHT under a forced failure, else the lowest cap."""
    top, why = Level.HTXS, None
    for reason in proposal.reasons:
        if reason.effect is Effect.FORCED_KHT:
            return Level.KHT, reason
        if reason.effect is Effect.CAP and reason.level is not None and reason.level < top:
            top, why = reason.level, reason
    return top, why


def check_level(proposal: Proposal, level: Level) -> None:
    """Refuse a level above a forced failure or a cap, naming the rule and its citation."""
    if proposal.level is None:
        raise RuleViolation(
            "subject_not_classified",
            "Đối tượng không được xếp loại. / The subject is not classified.",
            citation=proposal.reasons[0].citation if proposal.reasons else CL04,
        )
    top, why = ceiling(proposal)
    if level > top and why is not None:
        raise RuleViolation(
            "level_forbidden_by_rule",
            f"Không thể xếp mức {level.code}: {why.message_vi} ({why.citation}) Mức cao nhất "
            f"được phép: {top.code}. / Level {level.code} is not allowed: {why.message_en} "
            f"({why.citation}) Highest allowed: {top.code}.",
            citation=why.citation,
            rule=why.rule,
            level=level.code,
            highest_allowed=top.code,
        )


def record_step(
    uow: ClassificationUnitOfWork,
    actor: Actor,
    state: SubjectState,
    kind: RecordKind,
    level: Level | None,
    text: str,
    data: Mapping[str, Any],
    now: dt.datetime,
) -> int:
    """Store one immutable form record, version n+1 of its kind, and audit it (CL-20)."""
    version = 1 + sum(1 for r in uow.records.of_subject(state.pk) if r.kind is kind)
    record = StepRecordData(
        state.pk, kind, version, level, text, data, actor.account_id, actor.label, now
    )
    record_id = uow.records.add(record)
    uow.audit.append(
        actor, f"classification.{kind}", "subject", str(state.pk), None,
        {"version": version, "level": level.code if level is not None else None},
    )  # fmt: skip
    return record_id


def submit_self_assessment(
    uow: ClassificationUnitOfWork,
    actor: Actor,
    pk: SubjectPk,
    values: Mapping[str, str],
    evidence: str,
    now: dt.datetime,
) -> Proposal:
    """Step 1 (CL-20, forms CL-24): scores per criterion group and evidence; proposes a level.

    Scores out of range are refused naming the field and CL-05; nothing is stored then.
    """
    with uow:
        state = load_subject(uow, actor, pk)
        cycle = load_cycle(uow, state.cycle_id)
        cycle_step(cycle.status, CycleStep.SELF_ASSESS)
        require_role(uow, actor, state.unit_id, cycle, SELF_ROLES, "self")
        require_step(state, CycleStep.SELF_ASSESS)
        scores = validated_scores(cycle, state, values)
        proposal = apply_scores(uow, state, cycle, scores)
        data = {"scores": scores.as_dict(), "evidence": evidence}
        record_step(uow, actor, state, RecordKind.SELF, proposal.level, evidence, data, now)
        uow.commit()
    return proposal


def validated_scores(cycle: CycleData, state: SubjectState, values: Mapping[str, str]) -> Scores:
    engine = engine_of(cycle)
    regime = rulebook_for_cycle(cycle.year).regime
    scores, errors = read_scores(values, regime, engine.params, SubjectKind(state.kind))
    if scores is None:
        raise refuse(errors)
    return scores


def apply_scores(
    uow: ClassificationUnitOfWork, state: SubjectState, cycle: CycleData, scores: Scores
) -> Proposal:
    """Store the scores on the compact row and the proposal they give (CL-12)."""
    fresh = replace(state, scores=scores, step=Step.SELF)
    proposal = proposal_for(uow, cycle, fresh)
    level = None if proposal.level is None else int(proposal.level)
    uow.subjects.update(
        state.pk, step=int(Step.SELF), proposed_level=level, proposed_rules=rules_of(proposal),
        **scores.as_dict(),
    )  # fmt: skip
    return proposal


def comment(
    uow: ClassificationUnitOfWork, actor: Actor, pk: SubjectPk, text: str, now: dt.datetime
) -> int:
    """Step 2: the cell's or collective's comments on the self-assessment (CL-20, CL-24)."""
    if not text.strip():
        raise ValidationError("text_required", "Cần nhập ý kiến. / Comments are required.")
    with uow:
        state = load_subject(uow, actor, pk)
        cycle = load_cycle(uow, state.cycle_id)
        cycle_step(cycle.status, CycleStep.COMMENT)
        require_role(uow, actor, state.unit_id, cycle, COMMENT_ROLES, "comment")
        reached = require_step(state, CycleStep.COMMENT)
        record_id = record_step(uow, actor, state, RecordKind.COMMENT, None, text, {}, now)
        uow.subjects.update(pk, step=int(reached))
        uow.commit()
    return record_id


def appraise(
    uow: ClassificationUnitOfWork,
    actor: Actor,
    pk: SubjectPk,
    level: Level,
    text: str,
    now: dt.datetime,
) -> int:
    """Step 3: the advisory body appraises and proposes a level (CL-20), within the rules."""
    with uow:
        state = load_subject(uow, actor, pk)
        cycle = load_cycle(uow, state.cycle_id)
        cycle_step(cycle.status, CycleStep.APPRAISE)
        require_role(uow, actor, state.decider_id, cycle, APPRAISAL_ROLES, "appraisal")
        reached = require_step(state, CycleStep.APPRAISE)
        proposal = proposal_for(uow, cycle, state)
        check_level(proposal, level)
        _need_reason(level, proposal.level, text)
        record_id = record_step(uow, actor, state, RecordKind.APPRAISAL, level, text, {}, now)
        uow.subjects.update(pk, step=int(reached), appraised_level=int(level))
        uow.commit()
    return record_id


def _need_reason(level: Level, proposed: Level | None, reason: str) -> None:
    if level != proposed and not reason.strip():
        raise ValidationError(
            "reason_required",
            f"Mức {level.code} khác mức đề xuất {proposed.code if proposed else '—'}: cần ghi lý "
            f"do. / Level {level.code} differs from the proposal: a reason is required.",
            citation=CL20,
            field="reason",
        )


def check_order(uow: ClassificationUnitOfWork, cycle: CycleData, state: SubjectState) -> list[str]:
    """CL-21: lower levels before higher, collectives before their members, units before heads.

    Blocks with the names of the subjects still waiting (``cl_order_enforcement = block``), or
    returns them as a warning kept on the decision record (``warn``).
    """
    waiting = uow.subjects.unfinished_predecessors(state)
    if not waiting:
        return []
    names = [w.name for w in waiting]
    if cycle.settings.cl_order_enforcement is OrderEnforcement.WARN:
        return names
    listed = "; ".join(names[:5]) + ("…" if len(names) > 5 else "")
    raise RuleViolation(
        "order_violation",
        f"Chưa thể quyết định: phải quyết định trước {len(names)} đối tượng ({listed}) — cấp "
        f"dưới trước cấp trên, tập thể trước thành viên, đơn vị trước người đứng đầu. / "
        f"Not yet: {len(names)} subject(s) must be decided first ({listed}) — lower levels "
        "before higher, collectives before their members, units before their heads.",
        citation=CL21,
        waiting=names[:20],
        waiting_count=len(names),
    )


def decide(
    uow: ClassificationUnitOfWork,
    actor: Actor,
    pk: SubjectPk,
    level: Level,
    reason: str,
    now: dt.datetime,
) -> int:
    """Step 4: the competent level decides (CL-20, CL-22), in order (CL-21), within the rules.

    A level differing from the appraisal needs a reason; a level above a forced failure or a
    cap is refused whatever the reason. A later decision supersedes, never edits, the first.
    """
    with uow:
        state = load_subject(uow, actor, pk)
        cycle = load_cycle(uow, state.cycle_id)
        cycle_step(cycle.status, CycleStep.DECIDE)
        require_role(uow, actor, state.decider_id, cycle, DECISION_ROLES, "decision")
        reached = require_step(state, CycleStep.DECIDE)
        warnings = check_order(uow, cycle, state)
        proposal = proposal_for(uow, cycle, state)
        check_level(proposal, level)
        basis = state.appraised_level if state.appraised_level is not None else proposal.level
        _need_reason(level, basis, reason)
        data = {"order_warning": warnings} if warnings else {}
        record_id = record_step(uow, actor, state, RecordKind.DECISION, level, reason, data, now)
        uow.subjects.update(pk, step=int(reached), final_level=int(level), version=1)
        uow.commit()
    return record_id
