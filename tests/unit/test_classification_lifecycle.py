"""The classification cycle and a subject's steps as tables in the core (CL-20, CL-27)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.classification.lifecycle import (
    CYCLE_LIFECYCLE,
    SUBJECT_LIFECYCLE,
    CycleStatus,
    CycleStep,
    Step,
    cycle_step,
    subject_step,
)
from canbo.core.errors import Citation, Conflict
from canbo.core.permissions import Action
from canbo.services.classification import ports as classification_model

OPEN, PUBLISHED = CycleStatus.OPEN, CycleStatus.PUBLISHED
WHILE_OPEN = (
    CycleStep.COMPUTE,
    CycleStep.SELF_ASSESS,
    CycleStep.COMMENT,
    CycleStep.APPRAISE,
    CycleStep.DECIDE,
    CycleStep.RESOLVE_QUOTA,
)
CYCLE: dict[tuple[CycleStatus, CycleStep], CycleStatus] = {
    **{(OPEN, step): OPEN for step in WHILE_OPEN},
    (OPEN, CycleStep.PUBLISH): PUBLISHED,
    (PUBLISHED, CycleStep.COMPLAIN): PUBLISHED,
    (PUBLISHED, CycleStep.RECLASSIFY): PUBLISHED,
}
SUBJECT: dict[tuple[Step, CycleStep], Step] = {
    (Step.OPENED, CycleStep.SELF_ASSESS): Step.SELF,
    (Step.SELF, CycleStep.SELF_ASSESS): Step.SELF,
    (Step.SELF, CycleStep.COMMENT): Step.COMMENT,
    (Step.COMMENT, CycleStep.COMMENT): Step.COMMENT,
    (Step.COMMENT, CycleStep.APPRAISE): Step.APPRAISAL,
    (Step.APPRAISAL, CycleStep.APPRAISE): Step.APPRAISAL,
    (Step.APPRAISAL, CycleStep.DECIDE): Step.DECISION,
    (Step.DECISION, CycleStep.DECIDE): Step.DECISION,
}
"""The order of docs/classification-cycle.md, written out by hand."""

SUBJECT_STEPS = (CycleStep.SELF_ASSESS, CycleStep.COMMENT, CycleStep.APPRAISE, CycleStep.DECIDE)
CL27 = Citation(
    "QĐ 366-QĐ/TW; HD 43-HD/BTCTW", rule_id="CL-27", unconfirmed=("cl_publicity_audience",)
)
WORDS = {
    Step.OPENED: ("chưa tự đánh giá", "not self-assessed"),
    Step.SELF: ("đã tự đánh giá", "self-assessed"),
    Step.COMMENT: ("đã có ý kiến tập thể", "commented"),
    Step.APPRAISAL: ("đã thẩm định", "appraised"),
    Step.DECISION: ("đã quyết định", "decided"),
}


def test_the_tables_hold_exactly_the_documented_steps() -> None:
    assert {(t.source, t.step): t.target for t in CYCLE_LIFECYCLE.transitions} == CYCLE
    assert {(t.source, t.step): t.target for t in SUBJECT_LIFECYCLE.transitions} == SUBJECT
    assert CYCLE_LIFECYCLE.reachable() == set(CycleStatus)
    assert SUBJECT_LIFECYCLE.reachable() == set(Step)


@pytest.mark.parametrize(("state", "step"), sorted(CYCLE))
def test_each_cycle_step_of_the_table_leads_to_its_status(
    state: CycleStatus, step: CycleStep
) -> None:
    assert cycle_step(state, step) is CYCLE[(state, step)]


@pytest.mark.parametrize(("state", "step"), sorted(SUBJECT))
def test_each_subject_step_of_the_table_leads_to_its_step(state: Step, step: CycleStep) -> None:
    assert subject_step(state, step) is SUBJECT[(state, step)]


@pytest.mark.parametrize("step", [*WHILE_OPEN, CycleStep.PUBLISH])
def test_a_published_cycle_refuses_the_steps_of_an_open_one(step: CycleStep) -> None:
    with pytest.raises(Conflict) as refused:
        cycle_step(PUBLISHED, step)
    assert refused.value.code == "cycle_published"
    assert refused.value.message == (
        "Đợt đã công bố kết quả; chỉ giải quyết khiếu nại. / The cycle is published; only "
        "complaints are handled now."
    )
    assert refused.value.citation == CL27
    assert not refused.value.fields


@pytest.mark.parametrize("step", [CycleStep.COMPLAIN, CycleStep.RECLASSIFY])
def test_an_open_cycle_refuses_complaints_and_reclassification(step: CycleStep) -> None:
    with pytest.raises(Conflict) as refused:
        cycle_step(OPEN, step)
    assert refused.value.code == "cycle_not_published"
    assert (
        refused.value.message == "Kết quả chưa được công bố. / The results are not published yet."
    )
    assert refused.value.citation == CL27
    assert not refused.value.fields


@pytest.mark.parametrize(
    ("state", "step"),
    [(s, a) for s in Step for a in SUBJECT_STEPS if (s, a) not in SUBJECT],
)
def test_a_step_out_of_order_names_where_the_subject_stands(state: Step, step: CycleStep) -> None:
    with pytest.raises(Conflict) as refused:
        subject_step(state, step)
    vi, en = WORDS[state]
    assert refused.value.code == "step_out_of_order"
    assert dict(refused.value.fields) == {"step": str(step), "current": int(state)}
    assert refused.value.message == (
        f"Không thể thực hiện bước '{step}': đối tượng đang ở bước '{vi}'. Thứ tự: tự đánh giá "
        f"→ ý kiến tập thể → thẩm định → quyết định. / Step '{step}' is out of order: "
        f"the subject is {en}. Order: self → comment → appraisal → decision."
    )
    assert refused.value.citation is not None and refused.value.citation.rule_id == "CL-20"


def test_each_step_names_who_takes_it_and_its_rule() -> None:
    actions = {step: CYCLE_LIFECYCLE.rule(step).action for step in CycleStep}
    assert actions == {
        CycleStep.COMPUTE: Action.COMPUTE_CYCLE,
        CycleStep.SELF_ASSESS: Action.SELF_ASSESS,
        CycleStep.COMMENT: Action.COMMENT,
        CycleStep.APPRAISE: Action.APPRAISE,
        CycleStep.DECIDE: Action.DECIDE,
        CycleStep.RESOLVE_QUOTA: Action.DECIDE,
        CycleStep.PUBLISH: Action.DECIDE,
        CycleStep.COMPLAIN: Action.COMPLAIN,
        CycleStep.RECLASSIFY: Action.RECLASSIFY,
    }
    rules = {step: CYCLE_LIFECYCLE.rule(step).citation.rule_id for step in CycleStep}
    assert rules[CycleStep.PUBLISH] == rules[CycleStep.COMPLAIN] == "CL-27"
    assert rules[CycleStep.RESOLVE_QUOTA] == "CL-13"
    assert rules[CycleStep.COMPUTE] == "CL-12"
    assert rules[CycleStep.RECLASSIFY] == rules[CycleStep.DECIDE] == "CL-22"
    for step in SUBJECT_STEPS:
        assert SUBJECT_LIFECYCLE.rule(step).action is CYCLE_LIFECYCLE.rule(step).action


def test_the_services_still_export_the_states_of_the_core() -> None:
    assert classification_model.CycleStatus is CycleStatus
    assert classification_model.Step is Step


@given(st.lists(st.sampled_from(list(CycleStep)), max_size=40))
def test_accepted_steps_move_forward_and_publish_ends_the_open_steps(
    steps: list[CycleStep],
) -> None:
    cycle, subject = OPEN, Step.OPENED
    for step in steps:
        if not CYCLE_LIFECYCLE.allows(cycle, step):
            with pytest.raises(Conflict):
                cycle_step(cycle, step)
            continue
        after = cycle_step(cycle, step)
        assert after in CYCLE_LIFECYCLE.reachable()
        assert not (cycle is PUBLISHED and after is OPEN)
        if after is PUBLISHED and cycle is OPEN:
            assert step is CycleStep.PUBLISH
        if step in SUBJECT_STEPS and SUBJECT_LIFECYCLE.allows(subject, step):
            reached = subject_step(subject, step)
            assert reached in (subject, subject + 1)
            if reached is Step.DECISION:
                assert subject in (Step.APPRAISAL, Step.DECISION)
            subject = reached
        cycle = after
