"""The regulatory change between two rulebooks, as the handbook states it.

NQ 85/2014 → NQ 96/2023 (confidence_votes.md NA-09 to NA-12, NA-17): the bands are counted on
the total ballots instead of all deputies, the top band leads straight to dismissal instead of
a vote of no confidence, band B adds "else a no-confidence vote", and a lost no-confidence vote
leads to dismissal. QĐ 124 → QĐ 366 (classification.md CL-01, CL-05 to CL-11): points and
score bands replace criteria grades, the HTXS share of exceeded tasks drops from 50% to 30%, a
leader is forced KHT below 70% (not 50%) of the units' tasks and on more than half "low" at a
confidence vote (a flag under QĐ 124), and the QĐ 124 lists stay the default for the others.
"""

import datetime as dt
from dataclasses import replace

import pytest

from canbo.core.ballots.catalog import NQ85_2014, NQ96_2023, QD96_2023
from canbo.core.classification.param_specs import ALL_PARAMS
from canbo.core.classification.params import Parameters
from canbo.core.classification.rulebook import QD124_HD25, QD366_HD43, rulebook_for_cycle
from canbo.core.rulebook import Body, Comparison, Domain, Threshold
from canbo.core.rulebook_catalog import rulebook_registry
from canbo.core.rulebook_diff import ParamChange, ThresholdChange, diff_rulebooks


def test_nq85_to_nq96_shows_the_new_denominator_consequences_and_no_confidence_outcome():
    change = diff_rulebooks(NQ85_2014, NQ96_2023)
    assert change.documents == (("NQ 85/2014/QH13",), ("NQ 96/2023/QH15",))
    assert change.periods == ("2014-11-28 … 2023-06-30", "2023-07-01 …")
    assert (change.params_added, change.params_removed, change.params_changed) == ((), (), ())
    assert change.thresholds_added == (
        "no_confidence: > 1/2 na_nc_denominator => submit_dismissal_after_no_confidence",
    )
    assert change.thresholds_removed == ()
    assert change.thresholds_changed == (
        ThresholdChange(
            "band_b",
            "> 1/2 total_deputies => may_resign",
            "> 1/2 na_nq96_denominator => may_resign_else_no_confidence_vote",
        ),
        ThresholdChange(
            "band_c",
            ">= 2/3 total_deputies => no_confidence_vote, may_resign",
            ">= 2/3 na_nq96_denominator => submit_dismissal",
        ),
    )
    assert change.rules_added == ("NA-02", "NA-04", "NA-06", "NA-10", "NA-11", "NA-15", "NA-16")
    assert change.rules_removed == ("NA-03", "NA-09")


def test_qd124_to_qd366_shows_points_bands_and_the_leader_thresholds():
    change = diff_rulebooks(QD124_HD25, QD366_HD43)
    assert change.documents == (
        ("QĐ 124-QĐ/TW (04/10/2023)", "HD 25-HD/BTCTW (10/11/2023)"),
        ("QĐ 366-QĐ/TW (30/08/2025)", "HD 43-HD/BTCTW (31/10/2025)"),
    )
    assert change.periods == ("2023-01-01 … 2024-12-31", "2025-01-01 …")
    assert change.params_added == (
        "cl_basic_targets_policy",
        "cl_condition_failure_policy",
        "cl_ht_condition_individual",
        "cl_htt_condition_outside_members",
        "cl_kht_triggers_collective",
        "cl_kht_triggers_individual",
        "cl_score_precision",
    )
    assert change.params_removed == ("cl124_ht_individual", "cl124_htt_individual")
    assert change.params_changed == ()
    assert change.thresholds_added == (
        "band_ht: >= 50/100 score_100 => HT",
        "band_htt: >= 70/100 score_100 => HTT",
        "band_htxs: >= 90/100 score_100 => HTXS",
        "led_units_kht: > 1/2 units_responsible => KHT",
    )
    assert change.thresholds_removed == ()
    assert change.thresholds_changed == (
        ThresholdChange("confidence_low", "> 1/2 ballots => flag", "> 1/2 ballots => KHT"),
        ThresholdChange(
            "htxs_tasks_exceeded", ">= 1/2 tasks_total => HTXS", ">= 3/10 tasks_total => HTXS"
        ),
        ThresholdChange("led_units_tasks", "< 1/2 tasks_total => KHT", "< 7/10 tasks_total => KHT"),
    )
    assert change.rules_removed == tuple(f"CL124-{n:02d}" for n in range(1, 10))
    assert change.rules_added == tuple(
        f"CL-{n:02d}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16, *range(20, 28))
    )


def test_qd366_keeps_qd124s_forced_kht_thresholds_for_collectives_as_its_default():
    for key in ("tasks_below_half", "units_disciplined"):
        old, new = QD124_HD25.threshold(key), QD366_HD43.threshold(key)
        assert (old.numerator, old.denominator, old.comparison) == (
            new.numerator,
            new.denominator,
            new.comparison,
        )
        assert (old.rule_id, new.rule_id) == ("CL124-06", "CL-11")


def test_a_default_that_changes_is_reported_old_to_new():
    specs = tuple(
        replace(s, default="truncate_2dp") if s.name == "cv_pct_rounding" else s
        for s in QD96_2023.specs
    )
    changed = replace(QD96_2023, rulebook_id="QD96_ROUNDING", specs=specs, overrides={})
    change = diff_rulebooks(QD96_2023, changed)
    assert change.params_changed == (ParamChange("cv_pct_rounding", "half_up_2dp", "truncate_2dp"),)
    assert diff_rulebooks(QD96_2023, QD96_2023).as_dict()["parameters"]["default_changed"] == []


def test_a_rulebook_diffed_with_itself_has_no_change():
    change = diff_rulebooks(NQ96_2023, NQ96_2023).as_dict()
    assert change["thresholds"] == {"added": [], "removed": [], "changed": []}
    assert change["rules"] == {"added": [], "removed": []}


def test_one_registry_selects_by_domain_body_and_date():
    registry = rulebook_registry()
    party = Body.PARTY
    assert registry.select(party, dt.date(2024, 6, 1), Domain.CLASSIFICATION) is QD124_HD25
    assert registry.select(party, dt.date(2025, 12, 31), Domain.CLASSIFICATION) is QD366_HD43
    assert registry.select(party, dt.date(2024, 6, 1)) is QD96_2023
    assert rulebook_for_cycle(2024) is QD124_HD25


def test_classification_specs_repeat_the_defaults_of_parameters():
    stored = Parameters().as_dict()
    assert [s.name for s in ALL_PARAMS] == list(stored)
    for spec in ALL_PARAMS:
        value = stored[spec.name]
        value = tuple(value) if isinstance(value, list) else value
        assert spec.default == (str(value) if isinstance(value, str) else value), spec.name


@pytest.mark.parametrize(
    ("comparison", "count", "expected"),
    [
        (Comparison.AT_LEAST, 320, False),
        (Comparison.AT_LEAST, 321, True),
        (Comparison.MORE_THAN, 321, True),
        (Comparison.LESS_THAN, 320, True),
        (Comparison.LESS_THAN, 321, False),
    ],
)
def test_a_threshold_is_an_integer_test_and_its_cutoff_agrees(comparison, count, expected):
    two_thirds = Threshold("t", 2, 3, comparison, "total_ballots", "NA-14")
    assert two_thirds.holds(count, 481) is expected  # NA-14: 3*321 = 963 >= 962
    cutoff = two_thirds.least_count(481)
    below = comparison is Comparison.LESS_THAN
    assert (count < cutoff if below else count >= cutoff) is expected
