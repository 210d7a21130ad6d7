"""Congress rules: EL-24, EL-31, EL-37, EL-38 and attendance (GEN-08), clause by clause."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.ballots.catalog import QD190_2024
from canbo.core.elections.congress import (
    attendance_check,
    cell_committee_decision,
    cell_committee_required,
    cell_seats_check,
    closes_unfilled,
    committee_size_check,
    congress_kind,
    congress_kind_allowed,
    round_allowed,
)
from canbo.core.elections.model import CongressKind, ElectionKind
from canbo.core.errors import ValidationError

R = QD190_2024
AFTER = dt.date(2025, 8, 1)
BEFORE = dt.date(2025, 3, 1)
K = ElectionKind


# --- EL-31 -----------------------------------------------------------------------------------
def test_members_congress_up_to_199_delegates_from_200():
    assert congress_kind(199, False, R) == CongressKind.MEMBERS
    assert congress_kind(200, False, R) == CongressKind.DELEGATES
    assert congress_kind(500, True, R) == CongressKind.CELL
    assert congress_kind(200, False, R.with_parameters(el_members_congress_max=250)) == (
        CongressKind.MEMBERS
    )


def test_a_delegates_congress_under_the_line_needs_the_higher_consent():
    refused = congress_kind_allowed(CongressKind.DELEGATES, 120, False, R)
    assert not refused.allowed and refused.code == "congress_kind_not_for_size"
    assert refused.citation.rule_id == "EL-31"
    assert refused.citation.unconfirmed == ("el_members_congress_max",)
    assert congress_kind_allowed(CongressKind.DELEGATES, 120, False, R, higher_consent=True).allowed
    assert not congress_kind_allowed(CongressKind.MEMBERS, 300, False, R).allowed


# --- EL-37 -----------------------------------------------------------------------------------
@given(st.integers(min_value=0, max_value=60))
def test_a_cell_elects_a_committee_from_nine_official_members(members):
    assert cell_committee_required(members, AFTER, R) == (members >= 9)
    decision = cell_committee_decision(members, AFTER, R)
    assert decision.allowed == (members >= 9)
    assert decision.citation.rule_id == "EL-37"
    assert decision.citation.document == "QĐ 294-QĐ/TW"


def test_before_qd294_the_line_is_applied_but_marked_unconfirmed():
    decision = cell_committee_decision(9, BEFORE, R)
    assert decision.allowed and decision.fields["confirmed"] is False
    assert decision.citation.document == R.document


def test_cell_seats():
    assert cell_seats_check(K.CELL_COMMITTEE, 7, 12, AFTER, R).allowed
    over = cell_seats_check(K.CELL_COMMITTEE, 8, 12, AFTER, R)
    assert over.code == "cell_committee_over_max" and over.fields["max_seats"] == 7
    assert cell_seats_check(K.CELL_COMMITTEE, 3, 8, AFTER, R).code == "cell_committee_not_elected"
    assert cell_seats_check(K.DEPUTY_SECRETARY, 2, 8, AFTER, R).code == "cell_deputy_over_one"
    assert cell_seats_check(K.DEPUTY_SECRETARY, 1, 8, AFTER, R).allowed
    assert cell_seats_check(K.SECRETARY, 2, 8, AFTER, R).code == "cell_secretary_one_seat"


# --- EL-38 -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kind", "seats", "merge", "ok"),
    [
        (K.COMMITTEE, 27, "not_merged_or_2_communes", True),
        (K.COMMITTEE, 28, "not_merged_or_2_communes", False),
        (K.COMMITTEE, 33, "3_or_more_communes", True),
        (K.COMMITTEE, 34, "3_or_more_communes", False),
        (K.STANDING_COMMITTEE, 8, "3_or_more_communes", False),
        (K.STANDING_COMMITTEE, 9, "3_or_more_communes", True),
        (K.STANDING_COMMITTEE, 11, "not_merged_or_2_communes", True),
        (K.STANDING_COMMITTEE, 12, "not_merged_or_2_communes", False),
        (K.DEPUTY_SECRETARY, 2, "not_merged_or_2_communes", True),
        (K.DEPUTY_SECRETARY, 3, "not_merged_or_2_communes", False),
    ],
)
def test_commune_committee_sizes_are_warnings(kind, seats, merge, ok):
    d = committee_size_check(kind, seats, merge, R)
    assert d.allowed  # a warning never refuses: the congress's decision stands
    assert (d.code == "ok") is ok
    assert d.citation.rule_id == "EL-38" and d.citation.document == "Chỉ thị 45-CT/TW"


def test_sizes_are_not_checked_outside_commune_level_and_merge_class_is_validated():
    assert committee_size_check(K.COMMITTEE, 55, None, R).code == "ok"
    with pytest.raises(ValidationError) as caught:
        committee_size_check(K.COMMITTEE, 20, "two", R)
    assert caught.value.code == "unknown_merge_class"


# --- EL-24 -----------------------------------------------------------------------------------
def test_a_further_round_needs_a_recorded_congress_decision():
    assert round_allowed(K.COMMITTEE, 1, AFTER, False, R).allowed
    refused = round_allowed(K.COMMITTEE, 2, AFTER, False, R)
    assert refused.code == "further_round_needs_congress_decision"
    assert refused.citation.rule_id == "EL-24"
    assert refused.citation.unconfirmed == ("el_shortfall_policy",)
    assert round_allowed(K.COMMITTEE, 7, AFTER, True, R).allowed


def test_cell_secretary_has_three_rounds_from_july_2025():
    cell = {"congress_kind": CongressKind.CELL}
    assert round_allowed(K.SECRETARY, 3, AFTER, True, R, **cell).allowed
    refused = round_allowed(K.SECRETARY, 4, AFTER, True, R, **cell)
    assert refused.code == "cell_secretary_rounds_exhausted"
    assert refused.citation.document == "QĐ 294-QĐ/TW"
    assert closes_unfilled(K.SECRETARY, 3, AFTER, R, **cell)
    assert not closes_unfilled(K.SECRETARY, 2, AFTER, R, **cell)
    # before QĐ 294, and a committee's secretary: the congress decides each round
    assert round_allowed(K.SECRETARY, 4, BEFORE, True, R, **cell).allowed
    assert round_allowed(K.SECRETARY, 4, AFTER, True, R).allowed


def test_stop_after_round_n_policy():
    book = R.with_parameters(el_shortfall_policy=("other=stop_after_round_2",))
    assert round_allowed(K.DELEGATES, 2, AFTER, True, book).allowed
    assert round_allowed(K.DELEGATES, 3, AFTER, True, book).code == "rounds_exhausted"


@given(st.integers(min_value=1, max_value=30), st.booleans())
def test_a_round_allowed_with_a_decision_is_allowed_for_every_earlier_round(n, cell):
    kind_of_congress = CongressKind.CELL if cell else CongressKind.MEMBERS
    if round_allowed(K.SECRETARY, n, AFTER, True, R, congress_kind=kind_of_congress).allowed:
        for earlier in range(1, n):
            assert round_allowed(
                K.SECRETARY, earlier, AFTER, True, R, congress_kind=kind_of_congress
            ).allowed


# --- GEN-08 ----------------------------------------------------------------------------------
def test_attendance_below_two_thirds_warns_by_default():
    assert attendance_check(32, 48, R).code == "ok"  # 96 >= 96
    warn = attendance_check(31, 48, R)
    assert warn.allowed and warn.code == "congress_attendance_below_two_thirds"
    strict = R.with_parameters(el_congress_quorum="require_2/3")
    assert attendance_check(31, 48, strict).code == "congress_attendance_below_quorum"
    assert not attendance_check(31, 48, strict).allowed
    assert attendance_check(1, 48, R.with_parameters(el_congress_quorum="none")).code == "ok"
    with pytest.raises(ValidationError):
        attendance_check(49, 48, R)
