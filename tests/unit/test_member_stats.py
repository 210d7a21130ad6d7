"""The dates and bands behind the home page: age bands as the database tests them, the end of
probation, the birth months that retire in a window, the reappointment notice day."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from canbo.core import member_stats as ms
from canbo.core.retirement import retirement
from canbo.core.types import Sex

days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))
births = st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2010, 12, 31))


def _band_as_sql_does(birth: dt.date, as_of: dt.date) -> int:
    """The CASE of the composition query: the first band whose 'born after' day is passed."""
    for i, band in enumerate(ms.AGE_BANDS):
        after = ms.band_born_after(band, as_of)
        if after is None or birth > after:
            return i
    raise AssertionError


@given(births, days)
def test_the_database_bounds_give_the_band_of_the_age_in_completed_years(
    birth: dt.date, as_of: dt.date
) -> None:
    assert _band_as_sql_does(birth, as_of) == ms.band_index(birth, as_of)
    band = ms.AGE_BANDS[ms.band_index(birth, as_of)]
    age = ms.age_on(birth, as_of)
    assert age <= (band.high if band.high is not None else age) and (age >= band.low or age < 0)


def test_the_bands_are_the_statistics_forms_bands() -> None:
    assert [(b.low, b.high) for b in ms.AGE_BANDS] == [
        (0, 30), (31, 35), (36, 40), (41, 45), (46, 50), (51, 55), (56, 60), (61, None)
    ]  # fmt: skip


def test_the_age_turns_on_the_birthday_and_a_leap_day_birthday_on_the_first_of_march() -> None:
    assert ms.age_on(dt.date(1995, 11, 28), dt.date(2026, 11, 28)) == 31
    assert ms.age_on(dt.date(1995, 11, 29), dt.date(2026, 11, 28)) == 30
    assert ms.age_on(dt.date(2000, 2, 29), dt.date(2030, 2, 28)) == 29
    assert ms.age_on(dt.date(2000, 2, 29), dt.date(2030, 3, 1)) == 30


def test_probation_lasts_twelve_months_from_admission() -> None:
    assert ms.recognition_due(dt.date(2025, 12, 10)) == dt.date(2026, 12, 10)
    assert ms.recognition_due(dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)
    assert ms.add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert ms.add_months(dt.date(2026, 3, 31), -1) == dt.date(2026, 2, 28)


@given(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2040, 12, 1)), st.integers(0, 24))
def test_the_birth_ranges_hold_exactly_those_who_retire_in_the_window(
    first: dt.date, months: int
) -> None:
    last = ms.add_months(first, months)
    low, high = first.year * 12 + first.month - 1, last.year * 12 + last.month - 1
    ranges = ms.retiring_births(first, last)
    for sex in (Sex.MALE, Sex.FEMALE):
        for index in range(low - 63 * 12, high - 54 * 12):
            born = dt.date(index // 12, index % 12 + 1, 15)
            found = retirement(born, sex)
            inside = low <= found.month_index <= high
            covering = [r for r in ranges if r.sex is sex and r.first <= born <= r.last]
            assert bool(covering) == inside
            if covering:
                assert covering[0].retires == dt.date(found.year, found.month, 1)


def test_the_reappointment_notice_comes_ninety_working_days_before_the_term_ends() -> None:
    assert ms.reappointment_notice_day(dt.date(2027, 2, 1)) == dt.date(2026, 9, 28)
    assert ms.last_term_end_to_notify(dt.date(2026, 9, 28)) == dt.date(2027, 2, 1)
    assert ms.add_working_days(dt.date(2026, 12, 4), 1) == dt.date(2026, 12, 7)  # Friday → Monday
