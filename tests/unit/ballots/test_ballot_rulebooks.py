import datetime as dt

import pytest

from canbo.core.ballots.catalog import QD96_2023, default_registry
from canbo.core.ballots.rulebooks import Body, Domain, RulebookRegistry
from canbo.core.errors import NotFound, ValidationError

REG = default_registry()


@pytest.mark.parametrize(
    ("body", "day", "expected"),
    [
        (Body.PARTY, dt.date(2023, 2, 1), "QD262_2014"),
        (Body.PARTY, dt.date(2023, 2, 2), "QD96_2023"),
        (Body.NATIONAL_ASSEMBLY, dt.date(2013, 6, 11), "NQ35_2012"),
        (Body.NATIONAL_ASSEMBLY, dt.date(2018, 10, 25), "NQ85_2014"),
        (Body.PEOPLES_COUNCIL, dt.date(2023, 6, 30), "NQ85_2014"),
        (Body.PEOPLES_COUNCIL, dt.date(2023, 7, 1), "NQ96_2023"),
        (Body.NATIONAL_ASSEMBLY, dt.date(2023, 10, 25), "NQ96_2023"),
    ],
)
def test_the_vote_date_selects_the_rulebook_in_force(body, day, expected):
    assert REG.select(body, day).rulebook_id == expected


def test_party_elections_select_their_own_rulebooks_by_date():
    assert REG.select(Body.PARTY, dt.date(2024, 10, 9), Domain.PARTY_ELECTION).rulebook_id == (
        "QD244_2014"
    )
    assert REG.select(Body.PARTY, dt.date(2024, 10, 10), Domain.PARTY_ELECTION).rulebook_id == (
        "QD190_2024"
    )


def test_a_date_before_any_rulebook_is_not_found():
    with pytest.raises(NotFound) as err:
        REG.select(Body.PARTY, dt.date(2010, 1, 1))
    assert err.value.code == "no_rulebook_in_force"


def test_get_finds_a_rulebook_by_id_ignoring_case_and_refuses_unknown_ids():
    assert REG.get("nq96_2023").document == "NQ 96/2023/QH15"
    with pytest.raises(NotFound):
        REG.get("NQ1_1999")


def test_parameters_default_to_the_handbook_table():
    assert QD96_2023.param("cv_band_denominator") == "ballots_collected"
    assert QD96_2023.param("cv_band_c_inclusive") is True
    assert QD96_2023.param("cv_pct_rounding") == "half_up_2dp"
    assert QD96_2023.param("cv_invalid_scope") == "per_name"


def test_an_override_outside_the_allowed_values_is_refused_at_construction():
    with pytest.raises(ValidationError) as err:
        QD96_2023.with_parameters(cv_band_denominator="present")
    assert err.value.code == "parameter_value_not_allowed"


def test_an_unknown_parameter_is_refused_at_construction():
    with pytest.raises(ValidationError) as err:
        QD96_2023.with_parameters(cv_band_denominater="convened")
    assert err.value.code == "unknown_parameter"


def test_unconfirmed_lists_only_parameters_marked_unconfirmed():
    assert QD96_2023.unconfirmed("cv_band_denominator", "cv_band_c_inclusive") == (
        "cv_band_denominator",
    )


def test_a_registry_refuses_two_rulebooks_in_force_at_once_for_one_body():
    open_ended = QD96_2023
    overlapping = QD96_2023.__class__(
        **{**QD96_2023.__dict__, "rulebook_id": "QD96_COPY", "overrides": {}}
    )
    with pytest.raises(ValueError, match="overlap"):
        RulebookRegistry([open_ended, overlapping])


def test_as_dict_records_the_id_period_and_parameter_values():
    data = QD96_2023.as_dict()
    assert data["id"] == "QD96_2023"
    assert data["effective_from"] == "2023-02-02"
    assert data["parameters"]["cv_band_denominator"] == "ballots_collected"
    assert "cv_band_denominator" in data["unconfirmed_parameters"]


def test_a_number_is_not_accepted_for_a_true_or_false_parameter():
    with pytest.raises(ValidationError):
        QD96_2023.with_parameters(cv_band_c_inclusive=1)
