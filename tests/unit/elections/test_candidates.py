"""The candidate list: EL-06, EL-09, EL-10, EL-11, EL-12, EL-28, clause by clause."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.ballots.catalog import QD190_2024, QD244_2014
from canbo.core.elections.candidates import (
    admit_nominee,
    after_nominations,
    convener_may_nominate,
    counting_committee_check,
    counting_committee_clash,
    draft_surplus_warning,
    surplus_check,
    trim_cap,
    within_cap,
)
from canbo.core.elections.model import ElectionKind
from canbo.core.errors import ValidationError

R = QD190_2024
COMMITTEE = ElectionKind.COMMITTEE


# --- EL-09, EL-34: the 30% cap ---------------------------------------------------------------
def test_el34_worked_example_nine_names_for_seven_seats_is_within_the_cap():
    check = surplus_check(COMMITTEE, 7, 9, R)
    assert check.ok and not check.blocking  # 10 * 2 = 20 <= 21
    assert check.max_names == 9
    assert check.citation.rule_id == "EL-09"
    assert check.citation.article == "Điều 14" and check.citation.clause == "khoản 1"


def test_el34_worked_example_ten_names_for_seven_seats_is_over_the_cap():
    check = surplus_check(COMMITTEE, 7, 10, R)  # 10 * 3 = 30 > 21
    assert not check.ok and check.blocking
    assert check.message_code == "surplus_over_cap"
    assert check.as_dict()["names"] == 10 and check.as_dict()["seats"] == 7
    assert check.as_dict()["citation"]["rule_id"] == "EL-09"


def test_a_list_without_surplus_is_refused_for_the_committee():
    check = surplus_check(COMMITTEE, 9, 9, R)
    assert check.blocking and check.message_code == "surplus_missing"
    assert surplus_check(COMMITTEE, 9, 8, R).message_code == "list_shorter_than_seats"
    assert surplus_check(COMMITTEE, 9, 0, R).message_code == "election_list_empty"


@given(st.integers(min_value=1, max_value=400))
def test_the_cap_is_exact_at_the_boundary_for_every_k(k):
    cap = trim_cap(k)
    over = surplus_check(COMMITTEE, k, cap + 1, R)
    assert not over.ok and over.blocking and over.message_code == "surplus_over_cap"
    at = surplus_check(COMMITTEE, k, cap, R)
    assert not at.blocking and at.max_names == cap
    if k in range(3, 6):
        assert cap == k + 1
    else:
        assert cap == k + (3 * k) // 10
        assert 10 * (cap - k) <= 3 * k < 10 * (cap + 1 - k)
    assert at.ok == (cap > k)  # k of 1 or 2: the 30% cap leaves no room for a surplus


@given(st.integers(min_value=1, max_value=400), st.integers(min_value=0, max_value=600))
def test_within_cap_is_the_integer_form_of_thirty_percent(k, n):
    if k in range(3, 6):
        assert within_cap(k, n) == (n - k <= 1)
    else:
        assert within_cap(k, n) == (10 * (n - k) <= 3 * k)
        assert within_cap(k, n) == ((n - k) * 100 <= 30 * k)


@pytest.mark.parametrize("k", [3, 4, 5])
def test_el11_small_bodies_have_a_surplus_of_at_most_one(k):
    assert surplus_check(COMMITTEE, k, k + 1, R).ok
    over = surplus_check(ElectionKind.STANDING_COMMITTEE, k, k + 2, R)
    assert over.blocking and over.citation.rule_id == "EL-11"
    none = surplus_check(COMMITTEE, k, k, R)
    assert not none.ok and not none.blocking and none.message_code == "surplus_not_reached"
    assert trim_cap(k) == k + 1


def test_elections_outside_el_surplus_applies_to_need_no_surplus():
    check = surplus_check(ElectionKind.SECRETARY, 1, 1, R)
    assert check.ok and not check.required
    assert surplus_check(ElectionKind.DELEGATES, 10, 20, R).ok
    assert check.citation.unconfirmed == ("el_surplus_applies_to",)
    book = R.with_parameters(el_surplus_applies_to=("committee", "secretary"))
    assert surplus_check(ElectionKind.SECRETARY, 1, 1, book).blocking is False
    assert surplus_check(ElectionKind.SECRETARY, 1, 2, book).message_code == "surplus_over_cap"


def test_the_cap_is_the_same_under_qd244():
    assert surplus_check(COMMITTEE, 7, 10, QD244_2014).blocking
    assert surplus_check(COMMITTEE, 7, 9, QD244_2014).ok


# --- EL-09: the convening committee's 10-15% band ------------------------------------------
@pytest.mark.parametrize(
    ("k", "n", "in_band"),
    [(7, 8, True), (7, 7, False), (20, 22, True), (20, 23, True), (20, 24, False), (20, 21, False)],
)
def test_the_draft_band_is_a_warning_only(k, n, in_band):
    d = draft_surplus_warning(k, n, R)
    assert d.allowed
    assert (d.code == "ok") is in_band
    assert d.citation.rule_id == "EL-09"


# --- EL-10: more than 30% of those attending -----------------------------------------------
def test_exactly_thirty_percent_is_not_enough():
    assert not admit_nominee(30, 100, R).allowed
    assert admit_nominee(31, 100, R).allowed
    refused = admit_nominee(12, 40, R)  # 120 > 120 is false
    assert refused.code == "nominee_below_30_percent" and refused.fields["needed"] == 13
    assert refused.citation.rule_id == "EL-10"


@given(st.integers(min_value=1, max_value=2000), st.data())
def test_admit_nominee_is_monotone_in_agree(attending, data):
    a = data.draw(st.integers(min_value=0, max_value=attending))
    b = data.draw(st.integers(min_value=a, max_value=attending))
    if admit_nominee(a, attending).allowed:
        assert admit_nominee(b, attending).allowed
    assert admit_nominee(a, attending).allowed == (10 * a > 3 * attending)
    needed = admit_nominee(a, attending).fields["needed"]
    assert not admit_nominee(needed - 1, attending).allowed
    if needed <= attending:
        assert admit_nominee(needed, attending).allowed


def test_agree_above_attending_is_bad_input():
    with pytest.raises(ValidationError) as caught:
        admit_nominee(11, 10)
    assert caught.value.code == "nominee_agree_above_attending"


# --- EL-10, EL-28: over the cap, an opinion ballot trims the list ----------------------------
def test_over_the_cap_after_nominations_needs_an_opinion_ballot():
    assert after_nominations(COMMITTEE, 7, 9, R).allowed
    d = after_nominations(COMMITTEE, 7, 11, R)
    assert not d.allowed and d.code == "opinion_ballot_needed"
    assert d.fields["max_names"] == 9 and d.fields["method"] == "opinion_ballot_rank"
    assert d.citation.rule_id == "EL-28"
    assert (d.citation.document, d.citation.article) == ("HD 04-HD/TW", "Phụ lục 2")
    assert d.citation.unconfirmed == ("el_trim_method",)


# --- EL-06: the counting committee is not on the list ----------------------------------------
def test_counting_committee_clash_names_the_people_on_both():
    assert counting_committee_clash({1, 2, 3}, {3, 4}) == frozenset({3})
    assert counting_committee_clash([1, 2], [3]) == frozenset()
    d = counting_committee_check({1, 2, 3}, {3, 4}, R)
    assert not d.allowed and d.code == "counting_member_on_list"
    assert d.fields["person_ids"] == [3]
    assert d.citation.article == "Điều 8" and d.citation.rule_id == "EL-06"


@given(st.frozensets(st.integers(1, 50)), st.frozensets(st.integers(1, 50)))
def test_a_committee_disjoint_from_the_list_never_clashes(committee, listed):
    clash = counting_committee_clash(committee, listed)
    assert clash <= committee and clash <= listed
    assert counting_committee_check(committee, listed).allowed == (not (committee & listed))


# --- EL-12: the convener nomination bar ------------------------------------------------------
def test_convener_may_not_nominate_or_stand_outside_the_list():
    outside = {"nominee_on_convener_list": False, "rulebook": R}
    d = convener_may_nominate(nominator_is_convener=True, nominee_is_convener=False, **outside)
    assert d.code == "convener_may_not_nominate_outside_list" and not d.allowed
    d = convener_may_nominate(nominator_is_convener=False, nominee_is_convener=True, **outside)
    assert d.code == "convener_may_not_stand_outside_list"
    assert d.citation.unconfirmed == ("el_convener_nomination_bar",)
    assert convener_may_nominate(
        nominator_is_convener=False, nominee_is_convener=False, **outside
    ).allowed
    assert convener_may_nominate(
        nominator_is_convener=True,
        nominee_is_convener=True,
        nominee_on_convener_list=True,
        rulebook=R,
    ).allowed


def test_the_bar_can_be_switched_off():
    book = R.with_parameters(el_convener_nomination_bar=False)
    assert convener_may_nominate(
        nominator_is_convener=True,
        nominee_is_convener=True,
        nominee_on_convener_list=False,
        rulebook=book,
    ).allowed
