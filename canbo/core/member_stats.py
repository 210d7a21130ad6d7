"""Dates and bands behind the home page's figures and reminders (pure; no clock, no I/O).

- Age bands of the composition statistics (Biểu 3, handbook parameter ``frm_stats_age_bands``:
  18–30, 31–35, 36–40, 41–45, 46–50, 51–55, 56–60, over 60), age in completed years on the
  day asked (``frm_age_basis``: completed years at the as-of date).
- Probation (thời kỳ dự bị): twelve months from the day of admission, after which the cell
  considers official recognition (Điều lệ Đảng 2011, Điều 5, khoản 1 và 4).
- Retirement: the birth months whose statutory retirement month (``canbo.core.retirement``,
  NĐ 135/2020/NĐ-CP, Điều 4) falls in a window of months, so that the database can be asked
  with plain date ranges.
- Reappointment: the competent level notifies the cadre at least 90 working days before the
  appointment term ends (QĐ 377-QĐ/TW, Điều 40, as the handbook's planning part states it).
  Working days are counted Monday to Friday; public holidays are not known to the core and are
  not skipped, so the reminder comes a few days early rather than late.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from canbo.core.retirement import retirement
from canbo.core.types import Sex

PROBATION_MONTHS = 12
"""Điều lệ Đảng 2011, Điều 5, khoản 1: a person admitted serves twelve months of probation."""

REAPPOINTMENT_NOTICE_WORKING_DAYS = 90
"""QĐ 377-QĐ/TW, Điều 40: notice of the reappointment review before the term of a post ends."""


@dataclass(frozen=True, slots=True)
class AgeBand:
    """Ages ``low`` to ``high`` in completed years, both included; ``high=None`` is open."""

    low: int
    high: int | None


AGE_BANDS: tuple[AgeBand, ...] = (
    AgeBand(0, 30),
    AgeBand(31, 35),
    AgeBand(36, 40),
    AgeBand(41, 45),
    AgeBand(46, 50),
    AgeBand(51, 55),
    AgeBand(56, 60),
    AgeBand(61, None),
)
"""Biểu 3's bands (``frm_stats_age_bands``); the first also holds the rare member under 18."""


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` earlier; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Completed years on ``day`` (the birthday counts once reached)."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - int(before_birthday)


def band_born_after(band: AgeBand, as_of: dt.date) -> dt.date | None:
    """People born strictly after this day are at most ``band.high`` years old on ``as_of``
    (``None`` for the open band): the bounds a database CASE tests, band by band."""
    if band.high is None:
        return None
    return years_before(as_of, band.high + 1)


def band_index(birth_date: dt.date, as_of: dt.date) -> int:
    """The position in :data:`AGE_BANDS` of a person born on ``birth_date``."""
    age = age_on(birth_date, as_of)
    for i, band in enumerate(AGE_BANDS):
        if band.high is None or age <= band.high:
            return i
    raise AssertionError("unreachable: the last band is open")  # pragma: no cover


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, held to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def recognition_due(admitted_on: dt.date) -> dt.date:
    """The day probation ends and official recognition is due (Điều lệ Đảng, Điều 5)."""
    return add_months(admitted_on, PROBATION_MONTHS)


@dataclass(frozen=True, slots=True)
class BirthRange:
    """People of ``sex`` born from ``first`` to ``last`` (one birth month) reach retirement
    age in the month that starts on ``retires``."""

    sex: Sex
    first: dt.date
    last: dt.date
    retires: dt.date


def _month_start(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def retiring_births(first_month: dt.date, last_month: dt.date) -> list[BirthRange]:
    """The birth months of the people whose statutory retirement month lies from the month of
    ``first_month`` to the month of ``last_month`` (NĐ 135/2020/NĐ-CP, Điều 4, Phụ lục I).

    Only the birth month decides the retirement month (RA-03), so each range is one whole
    month, and the database can be asked with plain date ranges.
    """
    low = first_month.year * 12 + first_month.month - 1
    high = last_month.year * 12 + last_month.month - 1
    found: list[BirthRange] = []
    for sex in (Sex.MALE, Sex.FEMALE):
        for b in range(low - 62 * 12, high - 55 * 12 + 1):
            month = retirement(_month_start(b), sex).month_index
            if low <= month <= high:
                last = _month_start(b + 1) - dt.timedelta(days=1)
                found.append(BirthRange(sex, _month_start(b), last, _month_start(month)))
    return found


def add_working_days(day: dt.date, days: int) -> dt.date:
    """``days`` working days (Monday to Friday) after ``day``; negative counts back."""
    step = 1 if days >= 0 else -1
    left = abs(days)
    while left:
        day += dt.timedelta(days=step)
        if day.weekday() < 5:
            left -= 1
    return day


def reappointment_notice_day(term_ends: dt.date) -> dt.date:
    """The last day to notify the cadre of the reappointment review (QĐ 377-QĐ/TW, Điều 40)."""
    return add_working_days(term_ends, -REAPPOINTMENT_NOTICE_WORKING_DAYS)


def last_term_end_to_notify(today: dt.date) -> dt.date:
    """Appointment terms ending on or before this day are due for notice ``today``."""
    return add_working_days(today, REAPPOINTMENT_NOTICE_WORKING_DAYS)
