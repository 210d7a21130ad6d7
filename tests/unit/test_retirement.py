"""Statutory retirement age and month: handbook RA-01 to RA-08."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.errors import ValidationError
from canbo.core.retirement import (
    birth_date_from_parts,
    months_left,
    retirement,
    retirement_age_months,
    retirement_month,
    with_override,
)
from canbo.core.types import Sex

M, F = Sex.MALE, Sex.FEMALE

# RA-02: (year, men (years, months), women (years, months)).
RA02_TABLE = [
    (2019, (60, 0), (55, 0)),
    (2020, (60, 0), (55, 0)),
    (2021, (60, 3), (55, 4)),
    (2022, (60, 6), (55, 8)),
    (2023, (60, 9), (56, 0)),
    (2024, (61, 0), (56, 4)),
    (2025, (61, 3), (56, 8)),
    (2026, (61, 6), (57, 0)),
    (2027, (61, 9), (57, 4)),
    (2028, (62, 0), (57, 8)),
    (2029, (62, 0), (58, 0)),
    (2030, (62, 0), (58, 4)),
    (2031, (62, 0), (58, 8)),
    (2032, (62, 0), (59, 0)),
    (2033, (62, 0), (59, 4)),
    (2034, (62, 0), (59, 8)),
    (2035, (62, 0), (60, 0)),
    (2040, (62, 0), (60, 0)),
]

BIRTH_DATES = st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2010, 12, 31))
SEXES = st.sampled_from([M, F])


@pytest.mark.parametrize(("year", "men", "women"), RA02_TABLE)
def test_the_schedule_matches_the_ra02_table(
    year: int, men: tuple[int, int], women: tuple[int, int]
) -> None:
    assert retirement_age_months(M, year) == men[0] * 12 + men[1]
    assert retirement_age_months(F, year) == women[0] * 12 + women[1]


@pytest.mark.parametrize(
    ("birth", "sex", "expected", "age"),
    [
        (dt.date(1961, 1, 15), M, (2021, 4), (60, 3)),
        (dt.date(1966, 1, 1), F, (2021, 5), (55, 4)),
        (dt.date(1965, 2, 28), M, (2026, 8), (61, 6)),
        (dt.date(1962, 7, 1), M, (2023, 4), (60, 9)),
        (dt.date(1960, 12, 31), M, (2020, 12), (60, 0)),
        (dt.date(1972, 5, 10), F, (2030, 9), (58, 4)),
        (dt.date(1961, 9, 1), M, (2021, 12), (60, 3)),
        (dt.date(1961, 10, 1), M, (2022, 4), (60, 6)),
        (dt.date(1966, 8, 1), F, (2021, 12), (55, 4)),
        (dt.date(1966, 9, 1), F, (2022, 5), (55, 8)),
        (dt.date(1980, 3, 1), F, (2040, 3), (60, 0)),
        (dt.date(1970, 3, 1), M, (2032, 3), (62, 0)),
    ],
)
def test_the_retirement_month_follows_the_ra03_examples(
    birth: dt.date, sex: Sex, expected: tuple[int, int], age: tuple[int, int]
) -> None:
    assert retirement_month(birth, sex) == expected
    assert retirement(birth, sex).age_months == age[0] * 12 + age[1]


def test_the_retirement_moment_is_the_last_day_of_the_month_and_the_pension_starts_next() -> None:
    found = retirement(dt.date(1961, 1, 15), M)  # 04/2021
    assert found.retirement_date == dt.date(2021, 4, 30)
    assert found.pension_start == dt.date(2021, 5, 1)


def test_a_december_retirement_rolls_the_pension_into_january() -> None:
    found = retirement(dt.date(1960, 12, 31), M)
    assert found.retirement_date == dt.date(2020, 12, 31)
    assert found.pension_start == dt.date(2021, 1, 1)


def test_months_left_counts_whole_months_to_the_retirement_month() -> None:
    birth = dt.date(1965, 2, 28)  # retires 08/2026
    assert months_left(birth, M, dt.date(2021, 8, 31)) == 60
    assert months_left(birth, M, dt.date(2021, 9, 1)) == 59
    assert months_left(birth, M, dt.date(2027, 1, 1)) == -5


def test_a_birth_year_alone_means_the_first_of_january() -> None:
    assert birth_date_from_parts(1970) == dt.date(1970, 1, 1)
    assert birth_date_from_parts(1970, 6) == dt.date(1970, 6, 1)
    assert birth_date_from_parts(1970, 6, 17) == dt.date(1970, 6, 17)


@pytest.mark.parametrize(
    ("parts", "code"),
    [((1970, None, 5), "birth_day_without_month"), ((1970, 2, 30), "birth_date_invalid")],
)
def test_impossible_birth_dates_are_refused(
    parts: tuple[int, int | None, int | None], code: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        birth_date_from_parts(*parts)
    assert caught.value.code == code


def test_an_override_moves_the_month_and_cites_its_basis() -> None:
    base = retirement(dt.date(1961, 1, 15), M)  # 04/2021
    earlier = with_override(base, -24, "NĐ 135/2020/NĐ-CP, Điều 5")
    assert (earlier.year, earlier.month) == (2019, 4)
    assert earlier.citation.document == "NĐ 135/2020/NĐ-CP, Điều 5"
    assert earlier.citation.unconfirmed == ("ra_override_allowed_range",)


@pytest.mark.parametrize(("delta", "basis"), [(-61, "NĐ 135/2020"), (12, "  ")])
def test_an_override_needs_a_basis_and_a_delta_in_range(delta: int, basis: str) -> None:
    base = retirement(dt.date(1961, 1, 15), M)
    with pytest.raises(ValidationError):
        with_override(base, delta, basis)


@given(BIRTH_DATES, SEXES)
def test_the_person_reaches_the_age_of_the_year_of_retirement(birth: dt.date, sex: Sex) -> None:
    found = retirement(birth, sex)
    assert found.age_months == retirement_age_months(sex, found.year)
    assert found.month_index == birth.year * 12 + birth.month - 1 + found.age_months


@given(BIRTH_DATES, BIRTH_DATES, SEXES)
def test_a_later_birth_never_retires_earlier(a: dt.date, b: dt.date, sex: Sex) -> None:
    earlier, later = sorted((a, b))
    assert retirement(earlier, sex).month_index <= retirement(later, sex).month_index


@given(BIRTH_DATES)
def test_women_retire_no_later_and_no_older_than_men(birth: dt.date) -> None:
    woman, man = retirement(birth, F), retirement(birth, M)
    assert woman.month_index <= man.month_index
    assert woman.age_months <= man.age_months


@given(BIRTH_DATES, SEXES)
def test_the_retirement_age_stays_within_the_statutory_bounds(birth: dt.date, sex: Sex) -> None:
    low, high = (720, 744) if sex is M else (660, 720)
    assert low <= retirement(birth, sex).age_months <= high


@given(st.integers(min_value=1900, max_value=2100), SEXES)
def test_the_age_never_falls_from_one_year_to_the_next(year: int, sex: Sex) -> None:
    assert retirement_age_months(sex, year) <= retirement_age_months(sex, year + 1)
