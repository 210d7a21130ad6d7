from decimal import Decimal

import pytest

from canbo.core.ballots.ballot import ConfidenceLevel
from canbo.core.ballots.bands import Band, DenominatorKind
from canbo.core.ballots.catalog import NQ85_2014, NQ96_2023, QD96_2023, QD262_2014
from canbo.core.ballots.results import (
    PersonCounts,
    SessionFigures,
    compute_person,
    required_figures,
)
from canbo.core.errors import RuleViolation, ValidationError

H, M, L = ConfidenceLevel.HIGH, ConfidenceLevel.MID, ConfidenceLevel.LOW


def test_cv24_percentages_are_on_ballots_collected():
    r = compute_person(QD96_2023, SessionFigures(31, 31), PersonCounts(8, 6, 15, 2))
    assert [r.percent[x] for x in (H, M, L)] == [
        Decimal("25.81"),
        Decimal("19.35"),
        Decimal("48.39"),
    ]
    assert r.percent_text[L] == "48,39%"
    assert r.band.band is Band.NONE and r.percent_kind is DenominatorKind.BALLOTS_COLLECTED


def test_na14_display_figures_for_481_ballots():
    r = compute_person(NQ96_2023, SessionFigures(481, 481), PersonCounts(100, 60, 321))
    assert r.percent_text[L] == "66,74%" and r.band.band is Band.C
    r = compute_person(NQ96_2023, SessionFigures(481, 481), PersonCounts(100, 61, 320))
    assert r.percent_text[L] == "66,53%" and r.band.band is Band.B


def test_nq85_percentages_are_on_total_deputies_not_ballots():
    # NA-12: 2014 percentages used 497 deputies in office while 485 ballots were collected.
    r = compute_person(
        NQ85_2014, SessionFigures(collected=485, members=497), PersonCounts(300, 150, 35)
    )
    assert r.percent_denominator == 497
    assert r.percent[H] == Decimal("60.36")


def test_the_rulebook_names_the_figures_it_needs():
    assert required_figures(QD96_2023) == ("collected",)
    assert required_figures(NQ85_2014) == ("members",)
    assert required_figures(NQ96_2023.with_parameters(na_nq96_denominator="ballots_issued")) == (
        "issued",
    )
    assert required_figures(QD96_2023.with_parameters(cv_band_denominator="convened")) == (
        "collected",
        "convened",
    )


def test_missing_figures_are_all_named():
    book = QD96_2023.with_parameters(cv_band_denominator="convened")
    with pytest.raises(ValidationError) as err:
        compute_person(book, SessionFigures(), PersonCounts(1, 1, 1))
    assert err.value.fields["missing"] == ["collected", "convened"]


def test_the_band_can_use_the_persons_valid_ballots_when_the_parameter_says_so():
    book = QD96_2023.with_parameters(cv_band_denominator="valid_for_person")
    r = compute_person(book, SessionFigures(31, 31), PersonCounts(8, 6, 15, 2))
    assert r.band.denominator == 29 and r.band.band is Band.B
    assert r.percent_denominator == 31


def test_invalid_is_derived_from_ballots_collected_when_the_table_omits_it():
    r = compute_person(QD96_2023, SessionFigures(31, 31), PersonCounts(8, 6, 15))
    assert (r.invalid, r.unresolved) == (2, 0)
    r = compute_person(QD96_2023, SessionFigures(31, 31), PersonCounts(8, 6, 15, 1))
    assert (r.invalid, r.unresolved) == (1, 1)


def test_counts_exceeding_ballots_collected_are_refused():
    with pytest.raises(ValidationError) as err:
        compute_person(QD96_2023, SessionFigures(31, 31), PersonCounts(8, 6, 16, 2))
    assert err.value.code == "counts_exceed_collected"


def test_qd262_is_selected_but_not_computed_because_the_handbook_does_not_describe_it():
    with pytest.raises(RuleViolation) as err:
        compute_person(QD262_2014, SessionFigures(31, 31), PersonCounts(1, 1, 1))
    assert err.value.code == "rulebook_not_specified"
