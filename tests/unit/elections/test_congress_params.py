"""The el_* parameters of the handbook's Parameters table, in both Party election rulebooks."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.ballots.catalog import QD190_2024, QD244_2014
from canbo.core.elections.params import (
    LIST_AND_CONGRESS_PARAMS,
    commune_sizes,
    decode_map,
    encode_map,
    reelection_overrides,
    reference_month,
    shortfall_policy,
    surplus_kinds,
)
from canbo.core.errors import ValidationError

HANDBOOK_TABLE = (
    "el_art15_same_as_244",
    "el_unlisted_anomaly_policy",
    "el_single_name_no_mark_policy",
    "el_surplus_applies_to",
    "el_trim_method",
    "el_convener_nomination_bar",
    "el_conference_denominator",
    "el_shortfall_policy",
    "el_tie_policy",
    "el_congress_quorum",
    "el_members_congress_max",
    "el_first_time_min_months",
    "el_reelection_min_months",
    "el_reelection_min_months_overrides",
    "el_front_reelection_min_months",
    "el_age_reference_month",
    "el_commune_committee_sizes_2025",
    "el_cell_congress_cycle",
    "el_cell_committee_min_official_members",
    "el_cell_committee_max",
    "el_alternate_rule",
    "el_resolution_base",
    "el_open_vote_items",
    "el_personnel_prep_steps",
)


@pytest.mark.parametrize("book", [QD190_2024, QD244_2014], ids=lambda b: b.rulebook_id)
def test_both_party_election_rulebooks_carry_every_parameter_of_the_table(book):
    names = [s.name for s in book.specs]
    assert set(HANDBOOK_TABLE) <= set(names)
    assert "el_surplus_applies_to" in book.as_dict()["unconfirmed_parameters"]
    assert "el_first_time_min_months" not in book.as_dict()["unconfirmed_parameters"]


def test_every_default_is_labelled_in_both_languages():
    for spec in LIST_AND_CONGRESS_PARAMS:
        assert spec.label_vi and spec.label_en and spec.rule_id.startswith(("EL-", "GEN-"))
        items = spec.default if isinstance(spec.default, tuple) else (spec.default,)
        for item in items:
            if isinstance(item, str):
                assert spec.value_label(item) and spec.value_label(item, english=True), item


def test_the_documented_defaults_decode():
    book = QD190_2024
    assert surplus_kinds(book) >= {"committee", "standing_committee"}
    assert reelection_overrides(book) == {"provincial_deputy_secretary": 42}
    assert reference_month(book, "grassroots") == dt.date(2025, 4, 1)
    assert reference_month(book, "directly_under_central") == dt.date(2025, 9, 1)
    assert reference_month(book, "hdnd_ubnd_na_delegation_posts") == dt.date(2026, 3, 1)
    assert reference_month(book, "fatherland_front") is None
    sizes = commune_sizes(book)
    assert sizes.exec_max == {"not_merged_or_2_communes": 27, "3_or_more_communes": 33}
    assert (sizes.standing_min, sizes.standing_max, sizes.deputy_secretaries) == (9, 11, 2)
    assert shortfall_policy(book, "cell_secretary").startswith("max_rounds_3")
    assert shortfall_policy(book, "committee") == "congress_decides_each_round"


keys = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_.0123456789", min_size=1, max_size=12)
values = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_-.0123456789", max_size=12)


@given(st.dictionaries(keys, values, max_size=8))
def test_maps_round_trip(mapping):
    assert decode_map(encode_map(mapping)) == mapping


@pytest.mark.parametrize("bad", [("novalue",), ("a=1", "a=2"), ("=1",), "a=1"])
def test_malformed_maps_are_refused(bad):
    with pytest.raises(ValidationError) as caught:
        decode_map(bad, name="x")
    assert caught.value.code == "parameter_not_a_map"


def test_an_override_of_a_map_is_validated_and_used():
    book = QD190_2024.with_parameters(el_age_reference_month=encode_map({"grassroots": "2025-05"}))
    assert reference_month(book, "grassroots") == dt.date(2025, 5, 1)
    with pytest.raises(ValidationError):
        reference_month(book, "upper_grassroots")


def _decision_codes() -> set[str]:
    """Every literal code a Decision (or a SurplusCheck/AgeCheck) of the rules can carry."""
    import ast
    from pathlib import Path

    import canbo.core.elections as package

    where = Path(package.__file__).parent
    codes: set[str] = set()
    for name in ("candidates.py", "congress.py", "order.py", "age.py"):
        tree = ast.parse((where / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            picked: list[ast.AST] = []
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id == "Decision" and len(node.args) > 1:
                    picked.append(node.args[1])
                if node.func.id == "result" and len(node.args) > 2:
                    picked.append(node.args[2])
            if isinstance(node, ast.keyword) and node.arg == "code":
                picked.append(node.value)
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "code" for t in node.targets
            ):
                picked.append(node.value)
            for part in picked:
                codes |= _outcomes(part)
    return codes - {"ok"}


def _outcomes(node) -> set[str]:
    """The string values an expression can take (both branches of ``a if test else b``)."""
    import ast

    if isinstance(node, ast.IfExp):
        return _outcomes(node.body) | _outcomes(node.orelse)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    return set()


def test_every_code_the_rules_answer_with_has_words():
    from canbo import refusals

    codes = _decision_codes()
    assert {"surplus_over_cap", "election_out_of_order", "age_time_left_short"} <= codes
    assert len(codes) > 20
    assert sorted(c for c in codes if not refusals.is_catalogued(c)) == []
