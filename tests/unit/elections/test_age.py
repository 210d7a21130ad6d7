"""Candidates' age (EL-33, Chỉ thị 45-CT/TW) against the retirement month (RA-03)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.ballots.catalog import QD190_2024
from canbo.core.elections.age import age_check, months_needed
from canbo.core.errors import ValidationError
from canbo.core.retirement import months_left, retirement, with_override
from canbo.core.types import Sex

R = QD190_2024
M, F = Sex.MALE, Sex.FEMALE


def born(year, month):
    return dt.date(year, month, 15)


# Men born from 1966 retire at 62: born 04/1968 -> retirement month 04/2030.
def test_first_time_needs_sixty_months_from_april_2025_at_grassroots():
    ok = age_check(born(1968, 4), M, "grassroots", True, None, R)
    assert ok.ok and not ok.blocking
    assert (ok.months_left, ok.months_needed) == (60, 60)
    assert ok.reference_month == dt.date(2025, 4, 1)
    short = age_check(born(1968, 3), M, "grassroots", True, None, R)
    assert short.blocking and short.code == "age_time_left_short"
    assert short.months_left == 59
    assert short.citation.rule_id == "EL-33" and short.citation.document == "Chỉ thị 45-CT/TW"
    assert short.as_dict()["retirement_month"] == "2030-03"
    assert short.as_dict()["reference_month"] == "2025-04"


def test_reelection_needs_forty_eight_months():
    assert age_check(born(1967, 4), M, "grassroots", False, None, R).months_left == 48
    assert age_check(born(1967, 4), M, "grassroots", False, None, R).ok
    assert age_check(born(1967, 3), M, "grassroots", False, None, R).blocking


def test_provincial_deputy_secretary_standing_again_needs_forty_two_months():
    level = "directly_under_central"  # reference month 09/2025
    deputy = age_check(born(1967, 3), M, level, False, "provincial_deputy_secretary", R)
    assert deputy.ok and (deputy.months_left, deputy.months_needed) == (42, 42)
    assert age_check(born(1967, 3), M, level, False, "deputy_secretary", R).ok
    assert age_check(born(1967, 2), M, level, False, "deputy_secretary", R).blocking
    member = age_check(born(1967, 3), M, level, False, None, R)
    assert member.blocking and member.months_needed == 48
    # a deputy secretary of a grassroots committee gets no exception
    assert months_needed("grassroots", False, "deputy_secretary", R) == 48


@pytest.mark.parametrize(
    ("level", "month", "left"),
    [
        ("grassroots", dt.date(2025, 4, 1), 60),
        ("upper_grassroots", dt.date(2025, 6, 1), 58),
        ("commune_ward_special_zone", dt.date(2025, 7, 1), 57),
        ("directly_under_central", dt.date(2025, 9, 1), 55),
        ("hdnd_ubnd_na_delegation_posts", dt.date(2026, 3, 1), 49),
    ],
)
def test_the_reference_month_is_the_levels_never_the_congress_date(level, month, left):
    check = age_check(born(1968, 4), M, level, True, None, R, congress_date=dt.date(2025, 1, 5))
    assert check.reference_month == month
    assert check.months_left == left
    assert check.ok == (left >= 60)


def test_the_fatherland_front_counts_from_its_congress_date():
    check = age_check(
        born(1973, 6), F, "fatherland_front", False, None, R, congress_date=dt.date(2029, 6, 20)
    )
    assert check.reference_month == dt.date(2029, 6, 1)
    assert (check.months_left, check.months_needed) == (36, 36)  # retirement 06/2032
    assert check.ok
    with pytest.raises(ValidationError) as caught:
        age_check(born(1973, 6), F, "fatherland_front", False, None, R)
    assert caught.value.code == "age_reference_needs_congress_date"


def test_an_unknown_level_is_refused():
    with pytest.raises(ValidationError) as caught:
        age_check(born(1970, 1), M, "district", True, None, R)
    assert caught.value.code == "unknown_age_level"


def test_parameters_and_an_individual_retirement_decision_are_honoured():
    book = R.with_parameters(el_first_time_min_months=61)
    assert age_check(born(1968, 4), M, "grassroots", True, None, book).blocking
    moved = with_override(retirement(born(1968, 3), M), 1, "Quyết định cá nhân")
    assert age_check(born(1968, 3), M, "grassroots", True, None, R, retirement_month=moved).ok


@given(
    st.dates(min_value=dt.date(1955, 1, 1), max_value=dt.date(1995, 12, 31)),
    st.sampled_from(list(Sex)),
    st.sampled_from(
        [
            "grassroots",
            "upper_grassroots",
            "commune_ward_special_zone",
            "directly_under_central",
            "hdnd_ubnd_na_delegation_posts",
        ]
    ),
    st.booleans(),
)
def test_months_left_agree_with_the_retirement_rules(birth, sex, level, first_time):
    check = age_check(birth, sex, level, first_time, None, R)
    assert check.months_left == months_left(birth, sex, check.reference_month)
    assert check.ok == (check.months_left >= check.months_needed)
    assert check.months_needed == (60 if first_time else 48)
    assert check.blocking is not check.ok
