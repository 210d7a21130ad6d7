"""Use cases: the quota conflict, publication, complaints and re-classification (CL-13, CL-27).

The quota (HTXS at most ``cl_quota_pct``% of HTT in each peer group) is checked, never
enforced by cutting: the competent level sees which group is over and by how many, and lowers
the subjects it names, with a reason (CL-13: "resolved by a recorded human decision"). A
complaint after publication leads to re-review by the superior level, whose re-classification
is a new version of the result; the first version is kept (CL-20, CL-22, CL-27).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from canbo.core.classification.lifecycle import CycleStep, cycle_step
from canbo.core.classification.model import Level
from canbo.core.classification.quota import max_htxs
from canbo.core.errors import Citation, Conflict, RuleViolation, ValidationError
from canbo.core.permissions import Action, roles_for
from canbo.core.types import UnitId
from canbo.services.classification.compute import load_cycle_for
from canbo.services.classification.cycle import engine_of, load_cycle
from canbo.services.classification.ports import (
    ClassificationUnitOfWork,
    ComplaintData,
    CycleId,
    QuotaResolutionData,
    RecordKind,
    Step,
    SubjectPk,
)
from canbo.services.classification.steps import (
    DECISION_ROLES,
    DOCS,
    check_level,
    load_subject,
    proposal_for,
    record_step,
    require_role,
)
from canbo.services.ports import Actor

CL13 = Citation(
    "QĐ 124-QĐ/TW (default for QĐ 366 — mặc định)",
    rule_id="CL-13",
    unconfirmed=("cl_quota_pct", "cl_quota_grouping_members"),
)
CL27 = Citation(DOCS, rule_id="CL-27", unconfirmed=("cl_publicity_audience",))


@dataclass(frozen=True, slots=True)
class QuotaView:
    """One peer group: counts, the maximum HTXS, the excess and what was kept by decision."""

    group: str
    group_unit_id: UnitId
    htxs: int
    htt: int
    max_htxs: int | None
    over_by: int
    kept_over: int

    @property
    def is_blocking(self) -> bool:
        return self.over_by > self.kept_over


def quota_lines(
    uow: ClassificationUnitOfWork, cycle_id: CycleId, group: str | None = None
) -> list[QuotaView]:
    """CL-13, CL-14: every group (or one) with its HTXS, HTT, maximum and excess."""
    cycle = load_cycle(uow, cycle_id)
    params = engine_of(cycle).params
    kept = uow.quotas.exceptions(cycle_id)
    out = []
    for c in uow.quotas.group_counts(cycle_id, group):
        limit = (
            None
            if params.cl_quota_pct is None
            else max_htxs(c.htt, params.cl_quota_pct, params.cl_quota_rounding)
        )
        over = 0 if limit is None else max(0, c.htxs - limit)
        out.append(
            QuotaView(c.group, c.group_unit_id, c.htxs, c.htt, limit, over, kept.get(c.group, 0))
        )
    return out


def resolve_quota(
    uow: ClassificationUnitOfWork,
    actor: Actor,
    cycle_id: CycleId,
    group: str,
    lower: Sequence[SubjectPk],
    reason: str,
    now: dt.datetime,
    *,
    keep_over: bool = False,
) -> QuotaView:
    """The competent level lowers the HTXS subjects it names to HTT, with a reason (CL-13).

    Refused without a reason; refused while the group stays over unless the cycle allows the
    outstanding-organization exception (``cl_quota_exception_outstanding``) and it is asked.
    """
    if not reason.strip():
        raise ValidationError(
            "quota_reason_required",
            "Giải quyết vượt tỷ lệ HTXS phải ghi lý do. / Resolving an HTXS quota excess "
            "requires a reason.",
            citation=CL13,
            field="reason",
        )
    with uow:
        cycle = load_cycle_for(uow, actor, cycle_id)
        cycle_step(cycle.status, CycleStep.RESOLVE_QUOTA)
        line = _one_line(uow, cycle_id, group)
        require_role(uow, actor, line.group_unit_id, cycle, DECISION_ROLES, "quota")
        members = {s.pk: s for s in uow.subjects.of_group(cycle_id, group)}
        for pk in lower:
            state = members.get(pk)
            if state is None or state.final_level is not Level.HTXS:
                raise ValidationError(
                    "not_htxs_in_group",
                    f"Đối tượng {pk} không phải HTXS đã quyết định trong nhóm {group}. / Subject "
                    f"{pk} is not a decided HTXS in group {group}.",
                    citation=CL13,
                    subject=pk,
                )
        params = engine_of(cycle).params
        remaining = _remaining_excess(
            line, len(set(lower)), params.cl_quota_pct, params.cl_quota_rounding
        )
        allowed = keep_over and cycle.settings.cl_quota_exception_outstanding
        if remaining and not allowed:
            raise RuleViolation(
                "quota_still_over",
                f"Nhóm {group} vẫn vượt {remaining} HTXS (tối đa {line.max_htxs}). / Group "
                f"{group} is still over by {remaining} HTXS (at most {line.max_htxs}).",
                citation=CL13,
                group=group,
                over_by=remaining,
            )
        for pk in sorted(set(lower)):
            state = members[pk]
            data = {"quota_group": group}
            record_step(uow, actor, state, RecordKind.DECISION, Level.HTT, reason, data, now)
            uow.subjects.update(pk, final_level=int(Level.HTT))
        uow.quotas.add_resolution(
            QuotaResolutionData(
                cycle_id, group, sorted(set(lower)), remaining, reason, actor.label, now
            )
        )
        uow.commit()
    return quota_lines(uow, cycle_id, group)[0]


def _one_line(uow: ClassificationUnitOfWork, cycle_id: CycleId, group: str) -> QuotaView:
    lines = quota_lines(uow, cycle_id, group)
    if not lines:
        raise ValidationError("unknown_group", f"Không có nhóm {group}.", group=group)
    return lines[0]


def _remaining_excess(line: QuotaView, lowered: int, pct: int | None, rounding: object) -> int:
    """Excess after lowering ``lowered`` HTXS to HTT; the HTT basis grows (CL-13, final HTT)."""
    if pct is None:
        return 0
    limit = max_htxs(line.htt + lowered, pct, rounding)  # type: ignore[arg-type]
    return max(0, line.htxs - lowered - limit)


def publish(
    uow: ClassificationUnitOfWork, actor: Actor, cycle_id: CycleId, now: dt.datetime
) -> None:
    """Publish the results (CL-27) once every subject is decided and no group is over (CL-13)."""
    with uow:
        cycle = load_cycle_for(uow, actor, cycle_id)
        cycle_step(cycle.status, CycleStep.PUBLISH)
        require_role(uow, actor, cycle.root_id, cycle, DECISION_ROLES, "publish")
        waiting = uow.subjects.undecided_count(cycle_id)
        if waiting:
            raise Conflict(
                "undecided_subjects",
                f"Còn {waiting} đối tượng chưa được quyết định. / {waiting} subject(s) are not "
                "decided yet.",
                citation=Citation(DOCS, rule_id="CL-20"),
                waiting_count=waiting,
            )
        blocking = [q for q in quota_lines(uow, cycle_id) if q.is_blocking]
        if blocking:
            listed = ", ".join(f"{q.group} (+{q.over_by})" for q in blocking[:10])
            raise Conflict(
                "quota_exceeded",
                f"Nhóm vượt tỷ lệ HTXS chưa được giải quyết: {listed}. / Groups over the HTXS "
                f"quota are not resolved: {listed}.",
                citation=CL13,
                groups=[{"group": q.group, "over_by": q.over_by} for q in blocking],
            )
        uow.cycles.set_published(cycle_id, now)
        uow.audit.append(actor, "classification.publish", "cycle", str(cycle_id), None, {})
        uow.commit()


def complain(
    uow: ClassificationUnitOfWork, actor: Actor, pk: SubjectPk, text: str, now: dt.datetime
) -> int:
    """A complaint on a published result, by someone entitled to see it (CL-27, CL-20)."""
    if not text.strip():
        raise ValidationError("text_required", "Cần nêu nội dung khiếu nại.", field="text")
    with uow:
        state = load_subject(uow, actor, pk)
        cycle = load_cycle(uow, state.cycle_id)
        cycle_step(cycle.status, CycleStep.COMPLAIN)
        require_role(uow, actor, state.unit_id, cycle, roles_for(Action.COMPLAIN), "complaint")
        window = cycle.settings.cl_complaint_window_days
        if window is not None and cycle.published_at is not None:
            if (now - cycle.published_at).days > window:
                raise RuleViolation(
                    "complaint_window_closed",
                    f"Đã quá {window} ngày kể từ khi công bố. / More than {window} days since "
                    "publication.",
                    citation=Citation(
                        DOCS, rule_id="CL-27", unconfirmed=("cl_complaint_window_days",)
                    ),
                )
        if uow.complaints.open_for(pk) is not None:
            raise Conflict("complaint_pending", "Đã có khiếu nại đang xem xét.", subject=pk)
        complaint_id = uow.complaints.add(ComplaintData(pk, text, actor.label, now))
        uow.audit.append(actor, "classification.complaint", "subject", str(pk), None, {})
        uow.commit()
    return complaint_id


def reclassify(
    uow: ClassificationUnitOfWork,
    actor: Actor,
    pk: SubjectPk,
    level: Level,
    reason: str,
    now: dt.datetime,
) -> int:
    """Re-review by the superior level after a complaint (CL-20, CL-22): a new version.

    Only the standing committee of the level above the competent one may re-classify; the new
    level obeys the same forced rules and caps; the earlier decision stays on record.
    """
    if not reason.strip():
        raise ValidationError("reason_required", "Cần ghi lý do.", field="reason")
    with uow:
        state = load_subject(uow, actor, pk)
        cycle = load_cycle(uow, state.cycle_id)
        cycle_step(cycle.status, CycleStep.RECLASSIFY)
        complaint = uow.complaints.open_for(pk)
        if complaint is None or complaint.complaint_id is None:
            raise Conflict(
                "no_complaint",
                "Chỉ xếp loại lại khi có khiếu nại. / Re-classification follows a complaint.",
                citation=CL27,
            )
        chain = uow.tree.ancestors(state.decider_id, cycle.as_of)
        superior = chain[1] if len(chain) > 1 else state.decider_id
        require_role(uow, actor, superior, cycle, roles_for(Action.RECLASSIFY), "reclassification")
        check_level(proposal_for(uow, cycle, state), level)
        record_id = record_step(
            uow, actor, state, RecordKind.RECLASSIFICATION, level, reason,
            {"complaint": complaint.complaint_id, "previous": state.final_level}, now,
        )  # fmt: skip
        uow.subjects.update(
            pk, final_level=int(level), version=state.version + 1, step=int(Step.DECISION)
        )
        uow.complaints.resolve(complaint.complaint_id, record_id)
        uow.commit()
    return record_id
