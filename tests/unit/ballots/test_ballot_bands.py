import pytest

from canbo.core.ballots.bands import Band, DenominatorKind
from canbo.core.ballots.catalog import NQ35_2012, NQ85_2014, NQ96_2023, QD96_2023
from canbo.core.ballots.na import PreviousYear, na_band, no_confidence_outcome
from canbo.core.ballots.party_qd96 import qd96_band
from canbo.core.errors import RuleViolation, ValidationError


@pytest.mark.parametrize(
    ("low", "n", "band"),
    [(20, 40, Band.NONE), (21, 40, Band.B), (20, 30, Band.C), (19, 30, Band.B)],
)
def test_cv19_boundaries_under_qd96(low, n, band):
    assert qd96_band(low, n, QD96_2023).band is band


@pytest.mark.parametrize(("low", "band"), [(15, Band.NONE), (16, Band.B), (21, Band.C)])
def test_cv24_worked_example_bands_on_31_ballots_collected(low, band):
    assert qd96_band(low, 31, QD96_2023).band is band


def test_qd96_band_b_removes_from_higher_planning_and_asks_to_consider_measures():
    result = qd96_band(21, 40, QD96_2023)
    assert [c.code for c in result.consequences] == [
        "remove_from_higher_planning",
        "consider_measure",
    ]
    assert result.citation.article == "Điều 11" and result.citation.rule_id == "CV-17"
    assert result.unconfirmed == ("cv_band_denominator",)
    assert result.denominator_kind is DenominatorKind.BALLOTS_COLLECTED


def test_qd96_band_c_dismisses_and_reassigns_lower():
    result = qd96_band(20, 30, QD96_2023)
    assert [c.code for c in result.consequences] == ["dismiss_and_reassign_lower"]
    assert result.consequences[0].citation.rule_id == "CV-18"
    assert result.consequences[0].text_vi.startswith("Miễn nhiệm")


def test_with_band_c_not_inclusive_exactly_two_thirds_stays_in_band_b():
    book = QD96_2023.with_parameters(cv_band_c_inclusive=False)
    assert qd96_band(20, 30, book).band is Band.B
    assert qd96_band(21, 30, book).band is Band.C


def test_na14_321_of_481_is_band_c_under_nq96_and_320_is_band_b():
    c = na_band(321, 481, NQ96_2023)
    b = na_band(320, 481, NQ96_2023)
    assert c.band is Band.C and [x.code for x in c.consequences] == ["submit_dismissal"]
    assert b.band is Band.B
    assert [x.code for x in b.consequences] == ["may_resign_else_no_confidence_vote"]
    assert b.unconfirmed == ("na_nq96_denominator", "na_resign_deadline_days")


def test_nq85_two_thirds_of_all_deputies_leads_to_a_no_confidence_vote():
    result = na_band(2 * 166, 3 * 166, NQ85_2014)
    assert result.band is Band.C
    assert result.consequences[0].code == "no_confidence_vote"
    assert result.denominator_kind is DenominatorKind.TOTAL_DEPUTIES


def test_nq85_more_than_half_may_resign_and_exactly_half_triggers_nothing():
    assert [c.code for c in na_band(250, 497, NQ85_2014).consequences] == ["may_resign"]
    assert na_band(249, 498, NQ85_2014).band is Band.NONE


def test_nq35_needs_strictly_more_than_two_thirds_for_the_top_band():
    assert na_band(332, 498, NQ35_2012).band is Band.B  # 3*332 = 996 = 2*498
    assert na_band(333, 498, NQ35_2012).band is Band.C
    assert na_band(333, 498, NQ35_2012).citation.article == "Điều 11"


def test_nq35_more_than_half_two_years_running_triggers_a_no_confidence_vote():
    plain = na_band(260, 498, NQ35_2012)
    repeat = na_band(260, 498, NQ35_2012, PreviousYear(low=250, total_deputies=497))
    assert [c.code for c in plain.consequences] == ["may_resign"]
    assert [c.code for c in repeat.consequences] == ["may_resign", "no_confidence_vote"]


def test_no_confidence_outcome_needs_more_than_half():
    assert no_confidence_outcome(250, NQ96_2023, total=500) is None
    outcome = no_confidence_outcome(250, NQ96_2023, total=499)
    assert outcome is not None and outcome.citation.unconfirmed == ("na_nc_denominator",)


def test_bands_refuse_the_wrong_regime_and_impossible_counts():
    with pytest.raises(RuleViolation):
        qd96_band(1, 3, NQ96_2023)
    with pytest.raises(ValidationError):
        qd96_band(5, 4, QD96_2023)
