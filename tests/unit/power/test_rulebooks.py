"""The power-control rulebooks and their parameters (PC-01, PC-03 to PC-08 and the handbook's
Parameters table)."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.core.errors import NotFound
from canbo.core.power.misconduct import MISCONDUCT, Capability, misconduct
from canbo.core.power.params import POWER_PARAMS
from canbo.core.power.rulebooks import QD114_2023, QD205_2019, power_rulebook
from canbo.core.rulebook import Domain, Regime
from canbo.core.rulebook_catalog import rulebook_registry
from canbo.core.rulebook_diff import diff_rulebooks

HANDBOOK_TABLE = {
    "pc_hard_block_set",
    "pc_hard_block_posts",
    "pc_recuse_set",
    "pc_acquaintance_policy",
    "pc_related_voter_policy",
    "pc_sensitive_change_window_months",
    "pc_anonymous_complaints",
    "pc_outgoing_head_requires_superior_approval",
    "pc_outgoing_head_window_months",
    "pc_art5_acts",
    "pc_level_jump_report",
    "pc_art3_item8",
    "pc_art4_items_5_6",
    "pc_duty_lists",
    "pc_annulment_procedure",
}


def test_every_parameter_of_the_handbook_table_is_declared_with_words() -> None:
    names = {spec.name for spec in POWER_PARAMS}
    assert names == HANDBOOK_TABLE | {"pc_rushed_process_working_days"}
    for spec in POWER_PARAMS:
        assert spec.label_vi and spec.label_en, spec.name
        assert spec.rule_id.startswith("PC-"), spec.name
        for value in spec.allowed:
            assert spec.value_label(value) is not None, (spec.name, value)


# PC-11: the family circle and the Art. 20 list.
def test_the_recusal_circle_is_the_family_of_the_marriage_law_and_art_20_is_narrower() -> None:
    assert QD114_2023.param("pc_recuse_set") == (
        "spouse",
        "parent",
        "parent_in_law",
        "child",
        "child_in_law",
        "sibling",
        "sibling_in_law",
        "grandparent",
        "grandchild",
        "other",
    )
    assert QD114_2023.param("pc_hard_block_set") == ("spouse", "parent", "child", "sibling")
    assert QD114_2023.param("pc_hard_block_posts") == (
        "personnel",
        "accounting",
        "cashier",
        "storekeeper",
        "procurement",
    )
    assert QD114_2023.param("pc_rushed_process_working_days") == 5
    assert QD114_2023.param("pc_outgoing_head_window_months") == 6


# PC-01: QĐ 205 until 10/07/2023, QĐ 114 from 11/07/2023.
@pytest.mark.parametrize(
    ("day", "book"),
    [
        (dt.date(2019, 9, 23), "QD205_2019"),
        (dt.date(2023, 7, 10), "QD205_2019"),
        (dt.date(2023, 7, 11), "QD114_2023"),
        (dt.date(2026, 1, 1), "QD114_2023"),
    ],
)
def test_the_rulebook_is_chosen_by_the_date_of_the_step(day: dt.date, book: str) -> None:
    assert power_rulebook(day).rulebook_id == book


def test_a_step_before_qd_205_is_refused() -> None:
    with pytest.raises(NotFound) as refused:
        power_rulebook(dt.date(2019, 9, 22))
    assert refused.value.code == "power_rulebook_not_covered"


def test_the_power_rulebooks_are_in_the_catalogue_of_every_rulebook() -> None:
    registry = rulebook_registry()
    assert registry.get("QD114_2023") is QD114_2023
    assert QD205_2019.superseded_by == "QD114_2023"
    assert (QD114_2023.domain, QD114_2023.regime) == (Domain.POWER_CONTROL, Regime.QD114)
    assert QD114_2023.rules == tuple(f"PC-{n:02d}" for n in range(1, 22))
    assert QD205_2019.param("pc_art4_items_5_6") == ("A4_5", "A4_6")
    assert QD114_2023.param("pc_art4_items_5_6") == ()


# PC-03 to PC-08: nineteen acts in three groups, as codes inspectors cite.
def test_nineteen_named_acts_in_three_articles() -> None:
    codes = [m.code for m in MISCONDUCT]
    assert len(codes) == len(set(codes)) == 19
    assert [c for c in codes if c.startswith("A3_")] == [f"A3_{n}" for n in range(1, 9)]
    assert [c for c in codes if c.startswith("A4_")] == [f"A4_{n}" for n in range(1, 7)]
    assert [c for c in codes if c.startswith("A5_")] == [f"A5_{n}" for n in range(1, 6)]
    unconfirmed = {m.code for m in MISCONDUCT if not m.confirmed}
    assert unconfirmed == {"A3_8", "A4_5", "A4_6", "A5_1", "A5_2", "A5_3", "A5_4", "A5_5"}
    assert all(m.capability is Capability.NONE for m in MISCONDUCT if not m.confirmed)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("A3_5", "QĐ 114-QĐ/TW, Điều 3"),
        ("A4_3", "QĐ 114-QĐ/TW, Điều 4"),
        ("A5_2", "QĐ 114-QĐ/TW, Điều 5"),
    ],
)
def test_each_act_cites_its_article(code: str, text: str) -> None:
    assert str(misconduct(code).citation) == text
    assert misconduct(code).article == int(code[1])


def test_an_unknown_act_is_refused() -> None:
    with pytest.raises(NotFound) as refused:
        misconduct("A6_1")
    assert refused.value.code == "unknown_misconduct_code"


def test_qd_205_to_qd_114_changes_the_document_and_period_but_no_parameter_or_rule() -> None:
    change = diff_rulebooks(QD205_2019, QD114_2023)
    assert change.documents == (("QĐ 205-QĐ/TW (23/09/2019)",), ("QĐ 114-QĐ/TW (11/07/2023)",))
    assert change.periods == ("2019-09-23 … 2023-07-10", "2023-07-11 …")
    assert change.params_added == change.params_removed == change.params_changed == ()
    assert change.rules_added == change.rules_removed == ()
