"""The lifecycle of a classification cycle and the steps of one subject (QĐ 366-QĐ/TW with
HD 43-HD/BTCTW).

A cycle is open while its subjects are assessed, commented, appraised and decided and while the
quota is resolved; publication ends that, after which only complaints and re-classification are
handled (CL-27). A subject goes self-assessment → comment of the collective → appraisal →
decision, each step allowed again until the next is taken (CL-20). Each step names the action of
the role table whose roles take it (:mod:`canbo.core.permissions`) and its handbook rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum, IntEnum, StrEnum

from canbo.core.errors import Citation, Conflict, DomainError
from canbo.core.lifecycle import Lifecycle, Refusal, StepRule
from canbo.core.permissions import Action

DOCS = "QĐ 366-QĐ/TW; HD 43-HD/BTCTW"
CL20 = Citation(DOCS, rule_id="CL-20", unconfirmed=("cl_steps",))
CL22 = Citation(DOCS, rule_id="CL-22")
CL27 = Citation(DOCS, rule_id="CL-27", unconfirmed=("cl_publicity_audience",))
CL12 = Citation(DOCS, rule_id="CL-12")
CL13 = Citation(
    "QĐ 124-QĐ/TW (default for QĐ 366 — mặc định)",
    rule_id="CL-13",
    unconfirmed=("cl_quota_pct", "cl_quota_grouping_members"),
)


class CycleStatus(StrEnum):
    """An open cycle takes the steps; a published one handles complaints (CL-27)."""

    OPEN = "open"
    PUBLISHED = "published"


class Step(IntEnum):
    """CL-20: the steps of a subject, in order; a step needs the one before it."""

    OPENED = 0
    SELF = 1  # tự kiểm điểm, tự đánh giá
    COMMENT = 2  # ý kiến của chi bộ / tập thể
    APPRAISAL = 3  # thẩm định của cơ quan tham mưu
    DECISION = 4  # quyết định của cấp có thẩm quyền


class CycleStep(StrEnum):
    """What is done in a cycle; the values are the step names the refusals show."""

    COMPUTE = "compute"  # the proposals of every subject (CL-12)
    SELF_ASSESS = "self"  # self-assessment, one by one or from the unit's file
    COMMENT = "comment"
    APPRAISE = "appraisal"
    DECIDE = "decision"
    RESOLVE_QUOTA = "quota"
    PUBLISH = "publish"
    COMPLAIN = "complaint"
    RECLASSIFY = "reclassification"


STEP_WORDS = {
    Step.OPENED: ("chưa tự đánh giá", "not self-assessed"),
    Step.SELF: ("đã tự đánh giá", "self-assessed"),
    Step.COMMENT: ("đã có ý kiến tập thể", "commented"),
    Step.APPRAISAL: ("đã thẩm định", "appraised"),
    Step.DECISION: ("đã quyết định", "decided"),
}
"""Where a subject stands, in Vietnamese and English, for the refusals."""

WHILE_OPEN = Refusal(
    "cycle_published",
    "Đợt đã công bố kết quả; chỉ giải quyết khiếu nại. / The cycle is published; only "
    "complaints are handled now.",
    CL27,
    with_status=False,
    with_expected=False,
)
ONCE_PUBLISHED = Refusal(
    "cycle_not_published",
    "Kết quả chưa được công bố. / The results are not published yet.",
    CL27,
    with_status=False,
    with_expected=False,
)


@dataclass(frozen=True, slots=True)
class OutOfOrder(Refusal):
    """A subject's step out of the order of CL-20, naming where the subject stands."""

    def error(self, state: Enum, step: Enum, allowed: Sequence[Enum]) -> DomainError:
        vi, en = STEP_WORDS[Step(state.value)]
        return Conflict(
            self.code,
            f"Không thể thực hiện bước '{step}': đối tượng đang ở bước '{vi}'. Thứ tự: tự đánh "
            f"giá → ý kiến tập thể → thẩm định → quyết định. / Step '{step}' is out of "
            f"order: the subject is {en}. Order: self → comment → appraisal → decision.",
            citation=self.citation,
            step=str(step),
            current=int(state.value),
        )


OUT_OF_ORDER = OutOfOrder("step_out_of_order", citation=CL20)

_OPEN = ((CycleStatus.OPEN, CycleStatus.OPEN),)
_PUBLISHED = ((CycleStatus.PUBLISHED, CycleStatus.PUBLISHED),)

CYCLE_LIFECYCLE: Lifecycle[CycleStatus, CycleStep] = Lifecycle(
    "classification cycle",
    CycleStatus,
    CycleStep,
    CycleStatus.OPEN,
    (
        # Proposals are computed while the cycle is open: a published result is never
        # recomputed in place (a re-classification is its own step, CL-22).
        StepRule(CycleStep.COMPUTE, _OPEN, Action.COMPUTE_CYCLE, CL12, WHILE_OPEN),
        StepRule(CycleStep.SELF_ASSESS, _OPEN, Action.SELF_ASSESS, CL20, WHILE_OPEN),
        StepRule(CycleStep.COMMENT, _OPEN, Action.COMMENT, CL20, WHILE_OPEN),
        StepRule(CycleStep.APPRAISE, _OPEN, Action.APPRAISE, CL20, WHILE_OPEN),
        StepRule(CycleStep.DECIDE, _OPEN, Action.DECIDE, CL22, WHILE_OPEN),
        StepRule(CycleStep.RESOLVE_QUOTA, _OPEN, Action.DECIDE, CL13, WHILE_OPEN),
        StepRule(
            CycleStep.PUBLISH,
            ((CycleStatus.OPEN, CycleStatus.PUBLISHED),),
            Action.DECIDE,
            CL27,
            WHILE_OPEN,
        ),
        StepRule(CycleStep.COMPLAIN, _PUBLISHED, Action.COMPLAIN, CL27, ONCE_PUBLISHED),
        StepRule(CycleStep.RECLASSIFY, _PUBLISHED, Action.RECLASSIFY, CL22, ONCE_PUBLISHED),
    ),
)
"""The cycle's table, validated on import: the steps while open, publication, complaints."""

SUBJECT_LIFECYCLE: Lifecycle[Step, CycleStep] = Lifecycle(
    "subject steps",
    Step,
    (CycleStep.SELF_ASSESS, CycleStep.COMMENT, CycleStep.APPRAISE, CycleStep.DECIDE),
    Step.OPENED,
    (
        StepRule(
            CycleStep.SELF_ASSESS,
            ((Step.OPENED, Step.SELF), (Step.SELF, Step.SELF)),
            Action.SELF_ASSESS,
            CL20,
            OUT_OF_ORDER,
        ),
        StepRule(
            CycleStep.COMMENT,
            ((Step.SELF, Step.COMMENT), (Step.COMMENT, Step.COMMENT)),
            Action.COMMENT,
            CL20,
            OUT_OF_ORDER,
        ),
        StepRule(
            CycleStep.APPRAISE,
            ((Step.COMMENT, Step.APPRAISAL), (Step.APPRAISAL, Step.APPRAISAL)),
            Action.APPRAISE,
            CL20,
            OUT_OF_ORDER,
        ),
        StepRule(
            CycleStep.DECIDE,
            ((Step.APPRAISAL, Step.DECISION), (Step.DECISION, Step.DECISION)),
            Action.DECIDE,
            CL22,
            OUT_OF_ORDER,
        ),
    ),
)
"""CL-20 for one subject: each step after the one before it, and again until the next."""


def cycle_step(status: CycleStatus, step: CycleStep) -> CycleStatus:
    """The cycle's status after ``step``; refused while published (``cycle_published``) or
    before publication (``cycle_not_published``), citing CL-27."""
    return CYCLE_LIFECYCLE.next(status, step)


def subject_step(current: Step, step: CycleStep) -> Step:
    """Where the subject stands after ``step`` (CL-20); ``step_out_of_order`` otherwise."""
    return SUBJECT_LIFECYCLE.next(current, step)
