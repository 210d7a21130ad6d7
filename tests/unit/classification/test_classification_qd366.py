"""QĐ 366-QĐ/TW and HD 43 (cycles 2025 onward): bands, level conditions, forced KHT, caps."""

from __future__ import annotations

from typing import Any

import pytest

from canbo.core.classification import Parameters, engine_for_cycle
from canbo.core.classification.common import Evaluator
from canbo.core.classification.model import (
    BasicTargets,
    Effect,
    Exemption,
    Level,
    Proposal,
    SubjectId,
)
from canbo.core.types import DisciplineForm
from tests.unit.classification.builders import collective, leader, member, outside

ENGINE = engine_for_cycle(2025)


def steps(p: Proposal) -> list[tuple[str, Effect]]:
    return [(r.rule, r.effect) for r in p.reasons]


def with_params(**kw: Any) -> Evaluator:
    return engine_for_cycle(2025, Parameters(**kw)).evaluate


def test_cycle_2025_and_later_use_qd366_hd43() -> None:
    assert str(engine_for_cycle(2025).rulebook.id) == "QD366_HD43"
    assert str(engine_for_cycle(2031).rulebook.id) == "QD366_HD43"


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (1000, Level.HTXS),
        (900, Level.HTXS),
        (895, Level.HTT),
        (700, Level.HTT),
        (695, Level.HT),
        (500, Level.HT),
        (495, Level.KHT),
        (0, Level.KHT),
    ],
)
def test_score_band_is_the_highest_reachable_level(score: int, band: Level) -> None:
    p = ENGINE.evaluate(member(score=score))
    assert p.level is band
    assert p.reasons[0].rule == "CL-06"
    assert p.reasons[0].level is band


def test_a_score_under_50_is_kht_whatever_the_tasks() -> None:
    p = ENGINE.evaluate(member(score=499))
    assert p.level is Level.KHT
    assert steps(p) == [("CL-06", Effect.FORCED_KHT)]


def test_htxs_needs_every_task_on_time_cl07() -> None:
    p = ENGINE.evaluate(member(tasks_on_time=9, tasks_late=1))
    assert p.level is Level.HT  # HTT needs all on time too; one late of ten is within 20%
    assert ("CL-08", Effect.NOT_MET) in steps(p)


def test_htxs_needs_at_least_30_percent_exceeded_cl07() -> None:
    assert ENGINE.evaluate(member(tasks_exceeded=3)).level is Level.HTXS
    p = ENGINE.evaluate(member(tasks_exceeded=2))
    assert p.level is Level.HTT
    failed = [r for r in p.reasons if r.effect is Effect.NOT_MET]
    assert failed[0].rule == "CL-07"
    assert failed[0].citation.article == "Điều 11, khoản 1"
    assert failed[0].citation.document.startswith("QĐ 366-QĐ/TW")


def test_htxs_needs_earlier_shortcomings_remedied_cl07() -> None:
    p = ENGINE.evaluate(member(shortcomings_remedied=False))
    assert p.level is Level.HTT
    assert "khắc phục" in p.reasons[1].message_vi


def test_collective_htxs_is_barred_by_any_discipline_in_its_scope_cl07() -> None:
    p = ENGINE.evaluate(
        collective(discipline=DisciplineForm.KHIEN_TRACH, discipline_self_remedied=True)
    )
    assert p.level is Level.HTT
    assert ("CL-07", Effect.NOT_MET) in steps(p)


def test_leader_htxs_needs_the_units_led_at_100_percent_and_30_percent_exceeded() -> None:
    assert ENGINE.evaluate(leader()).level is Level.HTXS
    assert ENGINE.evaluate(leader(led_units_exceeded=3000)).level is Level.HTXS
    assert ENGINE.evaluate(leader(led_units_exceeded=2999)).level is Level.HTT
    unknown = ENGINE.evaluate(leader(led_units_exceeded=None))
    assert unknown.level is Level.HTT
    assert "led_units_exceeded_pct" in unknown.reasons[1].message_en


def test_leader_htt_needs_the_units_led_at_100_percent_cl08() -> None:
    p = ENGINE.evaluate(leader(score=800, led_units_tasks=9999))
    assert p.level is Level.HT
    assert ("CL-08", Effect.NOT_MET) in steps(p)


def test_htt_needs_every_task_on_time_cl08() -> None:
    assert ENGINE.evaluate(member(score=800)).level is Level.HTT
    assert ENGINE.evaluate(member(score=800, tasks_on_time=8, tasks_late=2)).level is Level.HT


def test_member_outside_htt_condition_is_a_parameter_cl08() -> None:
    late = outside(score=800, tasks_on_time=8, tasks_late=2)
    assert ENGINE.evaluate(late).level is Level.HT
    relaxed = with_params(cl_htt_condition_outside_members="none")(late)
    assert relaxed.level is Level.HTT
    assert "cl_htt_condition_outside_members" in relaxed.unconfirmed


def test_collective_ht_needs_all_tasks_done_and_at_most_20_percent_late_cl10() -> None:
    assert ENGINE.evaluate(collective(score=600, tasks_on_time=8, tasks_late=2)).level is Level.HT
    too_late = ENGINE.evaluate(collective(score=600, tasks_on_time=7, tasks_late=3))
    assert too_late.level is Level.KHT
    assert ("CL-10", Effect.NOT_MET) in steps(too_late)
    undone = ENGINE.evaluate(collective(score=600, tasks_on_time=9, tasks_late=0))
    assert undone.level is Level.KHT


def test_individual_ht_condition_follows_its_parameter_cl10() -> None:
    undone = member(score=600, tasks_on_time=5, tasks_late=0)
    p = ENGINE.evaluate(undone)
    assert p.level is Level.KHT
    assert "cl_ht_condition_individual" in p.unconfirmed
    assert with_params(cl_ht_condition_individual="none")(undone).level is Level.HT


def test_drop_to_kht_policy_sends_a_failed_band_to_kht_cl12() -> None:
    p = with_params(cl_condition_failure_policy="drop_to_kht")(member(tasks_exceeded=0))
    assert p.level is Level.KHT
    assert p.reasons[-1].rule == "CL-12"
    assert "cl_condition_failure_policy" in p.unconfirmed


@pytest.mark.parametrize(
    ("changes", "needle"),
    [
        ({"led_units_tasks": 6999}, "70%"),
        ({"led_units_kht": 5001}, "50%"),
        ({"confidence_low": 5001}, "tín nhiệm thấp"),
        ({"discipline": DisciplineForm.KHIEN_TRACH}, "khiển trách"),
        ({"discipline": DisciplineForm.CANH_CAO, "discipline_self_remedied": True}, "kỷ luật"),
        ({"degradation_concluded": True}, "suy thoái"),
    ],
)
def test_leader_is_forced_to_kht_by_each_item_of_cl09(
    changes: dict[str, object], needle: str
) -> None:
    p = ENGINE.evaluate(leader(**changes))
    assert p.level is Level.KHT
    forced = [r for r in p.reasons if r.effect is Effect.FORCED_KHT]
    assert forced[0].rule == "CL-09"
    assert forced[0].citation.article == "Điều 11, khoản 4, điểm 4.2"
    assert needle in forced[0].message_vi


def test_leader_thresholds_of_cl09_are_strict_at_70_and_50_percent() -> None:
    p = ENGINE.evaluate(leader(led_units_tasks=7000, led_units_kht=5000, confidence_low=5000))
    assert all(r.effect is not Effect.FORCED_KHT for r in p.reasons)


def test_leader_discipline_not_related_to_duties_does_not_force_kht() -> None:
    p = ENGINE.evaluate(
        leader(discipline=DisciplineForm.KHIEN_TRACH, discipline_duty_related=False)
    )
    assert p.level is Level.HTXS


@pytest.mark.parametrize(
    ("policy", "missed", "level", "effect"),
    [
        ("flag_for_decision", BasicTargets.ALL, Level.HTXS, Effect.FLAG),
        ("any_applicable_missed", BasicTargets.SOME, Level.KHT, Effect.FORCED_KHT),
        ("all_applicable_missed", BasicTargets.SOME, Level.HTXS, Effect.FLAG),
        ("all_applicable_missed", BasicTargets.ALL, Level.KHT, Effect.FORCED_KHT),
    ],
)
def test_basic_targets_follow_cl_basic_targets_policy(
    policy: str, missed: BasicTargets, level: Level, effect: Effect
) -> None:
    p = with_params(cl_basic_targets_policy=policy)(leader(basic_targets_missed=missed))
    assert p.level is level
    assert p.reasons[-1].effect is effect
    assert "cl_basic_targets_policy" in p.unconfirmed


@pytest.mark.parametrize(
    "changes",
    [
        {"discipline": DisciplineForm.KHIEN_TRACH},
        {"degradation_concluded": True},
        {"breach_concluded": True},
    ],
)
def test_member_forced_kht_uses_the_qd124_list_by_default_cl11(changes: dict[str, object]) -> None:
    for subject in (member(**changes), outside(**changes)):
        p = ENGINE.evaluate(subject)
        assert p.level is Level.KHT
        assert p.reasons[-1].rule == "CL-11"
        assert "cl_kht_triggers_individual" in p.unconfirmed


def test_member_discipline_self_detected_and_remedied_does_not_force_kht_cl11() -> None:
    p = ENGINE.evaluate(member(discipline=DisciplineForm.CANH_CAO, discipline_self_remedied=True))
    assert p.level is Level.HTXS


@pytest.mark.parametrize(
    "changes",
    [
        {"discipline": DisciplineForm.CANH_CAO},
        {"key_targets_missed": True, "tasks_on_time": 4, "tasks_late": 0, "tasks_exceeded": 0},
        {"units_disciplined": 2001},
        {"degradation_concluded": True},
    ],
)
def test_collective_forced_kht_uses_the_qd124_list_by_default_cl11(
    changes: dict[str, object],
) -> None:
    p = ENGINE.evaluate(collective(**changes))
    assert p.level is Level.KHT
    assert p.reasons[-1].rule == "CL-11"
    assert "cl_kht_triggers_collective" in p.unconfirmed


def test_collective_with_half_its_tasks_done_is_not_forced_by_cl11() -> None:
    p = ENGINE.evaluate(collective(key_targets_missed=True, tasks_on_time=5, tasks_exceeded=0))
    assert all(r.effect is not Effect.FORCED_KHT for r in p.reasons)


def test_removing_a_trigger_from_the_parameter_list_disables_it() -> None:
    evaluate = with_params(cl_kht_triggers_individual=frozenset({"degradation", "breach"}))
    p = evaluate(member(discipline=DisciplineForm.KHIEN_TRACH))
    assert p.level is Level.HTXS


def test_three_months_of_sick_leave_caps_at_ht_cl18() -> None:
    p = ENGINE.evaluate(member(sick_leave_months=3))
    assert p.level is Level.HT
    assert p.reasons[-1].rule == "CL-18"
    assert ENGINE.evaluate(member(sick_leave_months=2)).level is Level.HTXS
    assert (
        with_params(cl_sick_leave_cap_months=None)(member(sick_leave_months=6)).level is Level.HTXS
    )


def test_a_civil_servant_not_htxs_at_work_is_not_htxs_as_a_member_cl17() -> None:
    p = ENGINE.evaluate(member(civil_service_level=Level.HTT))
    assert p.level is Level.HTT
    assert p.reasons[-1].rule == "CL-17"
    assert ENGINE.evaluate(member(civil_service_level=Level.HTXS)).level is Level.HTXS


@pytest.mark.parametrize("exemption", list(Exemption))
def test_exempt_members_are_not_classified_cl04(exemption: Exemption) -> None:
    p = ENGINE.evaluate(member(exemption=exemption))
    assert p.level is None
    assert steps(p) == [("CL-04", Effect.NOT_CLASSIFIED)]
    assert "cl_exempt_categories" in p.unconfirmed


def test_an_exemption_outside_the_parameter_list_is_flagged_and_classified() -> None:
    evaluate = with_params(cl_exempt_categories=frozenset({Exemption.SUSPENDED}))
    p = evaluate(member(exemption=Exemption.EXCUSED))
    assert p.level is Level.HTXS
    assert p.reasons[0].effect is Effect.FLAG


def test_a_collective_formed_under_six_months_ago_is_not_classified_cl18() -> None:
    assert ENGINE.evaluate(collective(months_in_operation=5)).level is None
    assert ENGINE.evaluate(collective(months_in_operation=6)).level is Level.HTXS


def test_head_is_capped_by_the_unit_led_cl15() -> None:
    head = leader(head_of=SubjectId("cb-to-chuc"))
    [p] = ENGINE.propose([head], {SubjectId("cb-to-chuc"): Level.HTT})
    assert p.level is Level.HTT
    assert p.reasons[-1].rule == "CL-15"
    assert "cl_head_cap" in p.unconfirmed


def test_head_cap_is_flagged_not_skipped_when_the_unit_level_is_missing() -> None:
    [p] = ENGINE.propose([leader(head_of=SubjectId("cb-khac"))], {})
    assert p.level is Level.HTXS
    assert p.reasons[-1].effect is Effect.FLAG


def test_head_cap_can_be_switched_off_by_parameter() -> None:
    engine = engine_for_cycle(2025, Parameters(cl_head_cap=False))
    [p] = engine.propose([leader(head_of=SubjectId("u"))], {SubjectId("u"): Level.HT})
    assert p.level is Level.HTXS


def test_propose_all_evaluates_units_before_their_heads_and_keeps_order() -> None:
    head = leader(head_of=SubjectId("cb-to-chuc"))
    unit = collective(score=800)
    proposals = ENGINE.propose_all([head, unit])
    assert [p.subject_id for p in proposals] == ["ld-an", "cb-to-chuc"]
    assert [p.level for p in proposals] == [Level.HTT, Level.HTT]
