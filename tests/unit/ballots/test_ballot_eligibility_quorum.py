import datetime as dt

import pytest

from canbo.core.ballots.catalog import NQ85_2014, NQ96_2023, QD96_2023
from canbo.core.ballots.eligibility import (
    CadreStatus,
    DecisionKind,
    PostDecision,
    VotePlace,
    check_vote_places,
    choose_vote_places,
    completed_months,
    exemptions,
    is_voted_on,
)
from canbo.core.ballots.quorum import QD96_QUORUM, ConvenedRoll, check_quorum
from canbo.core.errors import RuleViolation, ValidationError

VOTE = dt.date(2023, 10, 25)


def test_a_retirement_notice_before_the_vote_exempts_the_cadre():
    status = CadreStatus(retirement_notice_on=dt.date(2023, 9, 1))
    [exemption] = exemptions(status, VOTE, QD96_2023)
    assert exemption.code == "retirement_notice" and exemption.citation.rule_id == "CV-03"


def test_a_retirement_notice_after_the_vote_does_not_exempt():
    assert is_voted_on(CadreStatus(retirement_notice_on=dt.date(2023, 11, 1)), VOTE, QD96_2023)


def test_appointment_in_the_calendar_year_of_the_vote_exempts_not_twelve_months_before():
    this_year = CadreStatus(
        decisions=(PostDecision(DecisionKind.APPOINTMENT, dt.date(2023, 1, 2)),)
    )
    last_year = CadreStatus(
        decisions=(PostDecision(DecisionKind.APPOINTMENT, dt.date(2022, 12, 30)),)
    )
    [exemption] = exemptions(this_year, VOTE, QD96_2023)
    assert exemption.citation.unconfirmed == ("cv_exempt_decision_scope",)
    assert is_voted_on(last_year, VOTE, QD96_2023)


def test_reappointment_to_the_same_post_exempts_only_under_the_default_scope():
    status = CadreStatus(
        decisions=(PostDecision(DecisionKind.APPOINTMENT, dt.date(2023, 3, 1), new_post=False),)
    )
    assert not is_voted_on(status, VOTE, QD96_2023)
    narrow = QD96_2023.with_parameters(cv_exempt_decision_scope="new_post_only")
    assert is_voted_on(status, VOTE, narrow)


def test_serious_illness_for_six_whole_months_exempts_only_under_nq96():
    status = CadreStatus(serious_illness_certified=True, not_working_since=dt.date(2023, 4, 25))
    assert [e.code for e in exemptions(status, VOTE, NQ96_2023)] == ["serious_illness"]
    assert is_voted_on(status, VOTE, QD96_2023)
    short = CadreStatus(serious_illness_certified=True, not_working_since=dt.date(2023, 4, 26))
    assert is_voted_on(short, VOTE, NQ96_2023)


def test_nq85_describes_no_exemption():
    assert exemptions(CadreStatus(retirement_notice_on=dt.date(2018, 1, 1)), VOTE, NQ85_2014) == ()


def test_completed_months_count_whole_months_only():
    assert completed_months(dt.date(2023, 4, 25), dt.date(2023, 10, 25)) == 6
    assert completed_months(dt.date(2023, 4, 26), dt.date(2023, 10, 25)) == 5


def test_at_most_two_places_chosen_by_the_priority_parameter():
    offered = [
        VotePlace("workplace", "Sở Tài chính"),
        VotePlace("people_council", "HĐND tỉnh"),
        VotePlace("highest_party_committee", "Tỉnh ủy"),
    ]
    chosen = choose_vote_places(offered, QD96_2023)
    assert [p.place_type for p in chosen] == ["highest_party_committee", "people_council"]
    with pytest.raises(RuleViolation):
        check_vote_places(offered)


def test_cv24_quorum_is_met_with_31_of_45_and_not_with_29():
    assert check_quorum(31, ConvenedRoll(45), QD96_2023).met
    assert not check_quorum(29, ConvenedRoll(45), QD96_2023).met
    assert check_quorum(30, ConvenedRoll(45), QD96_2023).met  # 90 >= 90, inclusive


def test_who_counts_as_convened_follows_the_two_parameters():
    roll = ConvenedRoll(45, subjects_convened=3, excused_absent=3)
    assert check_quorum(28, roll, QD96_2023).base == 45
    book = QD96_2023.with_parameters(
        cv_convened_includes_subject=False, cv_convened_excludes_excused=True
    )
    check = check_quorum(26, roll, book)
    assert (check.base, check.met) == (39, True)
    assert set(check.citation.unconfirmed) == {
        "cv_convened_includes_subject",
        "cv_convened_excludes_excused",
    }


def test_more_present_than_convened_is_refused():
    with pytest.raises(ValidationError):
        QD96_QUORUM.is_met(46, 45)
