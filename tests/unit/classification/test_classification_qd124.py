"""QĐ 124-QĐ/TW and HD 25 (cycles 2023, 2024): criteria grades, level conditions, forced KHT."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from canbo.core.classification import Parameters, engine_for_cycle
from canbo.core.classification.common import Evaluator
from canbo.core.classification.model import Effect, Exemption, Grade, Level, Proposal, SubjectId
from canbo.core.errors import RuleViolation
from canbo.core.types import DisciplineForm
from tests.unit.classification.builders import collective, leader, member, outside

ENGINE = engine_for_cycle(2024)
X, T, TB, KEM = Grade.XUAT_SAC, Grade.TOT, Grade.TRUNG_BINH, Grade.KEM


def rules(p: Proposal, effect: Effect) -> list[str]:
    return [r.rule for r in p.reasons if r.effect is effect]


def with_params(**kw: Any) -> Evaluator:
    return engine_for_cycle(2024, Parameters(**kw)).evaluate


def test_cycles_2023_and_2024_use_qd124_hd25() -> None:
    assert str(engine_for_cycle(2023).rulebook.id) == "QD124_HD25"
    assert ENGINE.rulebook.documents[0].startswith("QĐ 124-QĐ/TW")


@pytest.mark.parametrize("year", [2018, 2019, 2022])
def test_qd132_cycles_are_refused_because_the_handbook_lacks_their_conditions(year: int) -> None:
    with pytest.raises(RuleViolation) as caught:
        engine_for_cycle(year)
    assert caught.value.code == "rulebook_not_encoded"


def test_a_cycle_before_2018_has_no_rulebook() -> None:
    with pytest.raises(RuleViolation) as caught:
        engine_for_cycle(2017)
    assert caught.value.code == "no_rulebook"


def test_score_is_ignored_under_qd124_only_grades_count() -> None:
    assert ENGINE.evaluate(member(score=0, tasks_exceeded=5)).level is Level.HTXS


@pytest.mark.parametrize(
    ("results", "other", "level"),
    [
        (X, T, Level.HTXS),
        (X, X, Level.HTXS),
        (X, TB, Level.HTT),
        (T, T, Level.HTT),
        (T, TB, Level.HTT),
        (TB, TB, Level.HT),
        (TB, X, Level.HT),
    ],
)
def test_grades_give_the_highest_level_whose_conditions_hold(
    results: Grade, other: Grade, level: Level
) -> None:
    for subject in (member(), collective(), outside()):
        graded = replace(subject, grade_results=results, grade_other_min=other, tasks_exceeded=5)
        assert ENGINE.evaluate(graded).level is level, subject.kind


def test_individual_htxs_needs_all_tasks_on_time_and_half_exceeded_cl124_03() -> None:
    assert ENGINE.evaluate(member(tasks_exceeded=5)).level is Level.HTXS
    p = ENGINE.evaluate(member(tasks_exceeded=4))
    assert p.level is Level.HTT
    assert rules(p, Effect.NOT_MET) == ["CL124-03"]
    assert (
        ENGINE.evaluate(member(tasks_on_time=9, tasks_late=1, tasks_exceeded=5)).level is Level.HTT
    )


def test_collective_htxs_has_no_task_share_but_no_discipline_at_all_cl124_03() -> None:
    assert ENGINE.evaluate(collective(tasks_exceeded=0)).level is Level.HTXS
    p = ENGINE.evaluate(
        collective(discipline=DisciplineForm.KHIEN_TRACH, discipline_self_remedied=True)
    )
    assert p.level is Level.HTT
    assert rules(p, Effect.MET) == ["CL124-04"]


def test_leader_htxs_is_flagged_for_the_unconfirmed_unit_condition() -> None:
    p = ENGINE.evaluate(leader(tasks_exceeded=5))
    assert p.level is Level.HTXS
    assert "cl124_leader_unit_condition" in p.unconfirmed


def test_individual_htt_and_ht_conditions_are_named_parameters() -> None:
    p = ENGINE.evaluate(member(grade_results=T))
    assert "cl124_htt_individual" in p.unconfirmed
    relaxed = with_params(cl124_htt_individual="none")(member(grade_results=TB))
    assert relaxed.level is Level.HTT
    p_ht = ENGINE.evaluate(member(grade_results=TB))
    assert p_ht.level is Level.HT
    assert "cl124_ht_individual" in p_ht.unconfirmed


@pytest.mark.parametrize("subject", [member(grade_results=KEM), collective(grade_other_min=KEM)])
def test_any_criterion_graded_kem_forces_kht_cl124_06(subject: Any) -> None:
    p = ENGINE.evaluate(subject)
    assert p.level is Level.KHT
    assert "CL124-06" in rules(p, Effect.FORCED_KHT)
    assert p.reasons[-1].citation.unconfirmed == ()


@pytest.mark.parametrize("build", [member, leader, outside, collective])
def test_discipline_in_the_year_forces_kht_unless_self_detected_and_remedied(build: Any) -> None:
    forced = ENGINE.evaluate(build(discipline=DisciplineForm.CANH_CAO))
    assert forced.level is Level.KHT
    assert "CL124-06" in rules(forced, Effect.FORCED_KHT)
    excused = ENGINE.evaluate(
        build(discipline=DisciplineForm.CANH_CAO, discipline_self_remedied=True, tasks_exceeded=5)
    )
    assert excused.level is not Level.KHT


@pytest.mark.parametrize(
    "subject",
    [
        collective(key_targets_missed=True, tasks_on_time=4, tasks_exceeded=0),
        collective(units_disciplined=2001),
        collective(degradation_concluded=True),
        leader(key_targets_missed=True, led_units_tasks=4999),
        leader(degradation_concluded=True),
        member(degradation_concluded=True),
        member(breach_concluded=True),
        outside(breach_concluded=True),
    ],
)
def test_each_forced_case_of_cl124_06_gives_kht(subject: Any) -> None:
    p = ENGINE.evaluate(subject)
    assert p.level is Level.KHT
    assert rules(p, Effect.FORCED_KHT) == ["CL124-06"]


@pytest.mark.parametrize(
    "subject",
    [
        collective(key_targets_missed=False, tasks_on_time=4, tasks_exceeded=0),
        collective(key_targets_missed=True, tasks_on_time=5, tasks_exceeded=0),
        collective(units_disciplined=2000),
        leader(key_targets_missed=True, led_units_tasks=5000, tasks_exceeded=5),
        leader(key_targets_missed=False, led_units_tasks=1000, tasks_exceeded=5),
    ],
)
def test_forced_cases_of_cl124_06_need_every_part_of_their_condition(subject: Any) -> None:
    assert rules(ENGINE.evaluate(subject), Effect.FORCED_KHT) == []


def test_low_confidence_is_only_a_flag_under_qd124_cv23() -> None:
    p = ENGINE.evaluate(leader(confidence_low=9000, tasks_exceeded=5))
    assert p.level is Level.HTXS
    assert [r.rule for r in p.reasons if r.effect is Effect.FLAG][-1] == "CV-23"


def test_exemptions_are_text_under_qd124_cl04() -> None:
    p = ENGINE.evaluate(member(exemption=Exemption.ADMITTED_LT_6_MONTHS))
    assert p.level is None
    assert p.unconfirmed == ()


def test_caps_apply_under_qd124_too() -> None:
    assert ENGINE.evaluate(member(sick_leave_months=4)).level is Level.HT
    [p] = ENGINE.propose(
        [leader(head_of=SubjectId("u"), tasks_exceeded=5)], {SubjectId("u"): Level.HT}
    )
    assert p.level is Level.HT
