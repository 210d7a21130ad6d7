"""Statutory retirement age and month (tuổi nghỉ hưu), handbook Part D, RA-01 to RA-08.

Bộ luật Lao động 2019, Điều 169, khoản 2, and NĐ 135/2020/NĐ-CP, Điều 4 (effective 01/01/2021)
raise the retirement age in normal working conditions by 3 months a year for men (60 y 3 m in
2021 up to 62 y in 2028) and by 4 months a year for women (55 y 4 m in 2021 up to 60 y in 2035).
Planning and appointment checks count the months left to the retirement month (RA-08).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from canbo.core.errors import Citation, ValidationError
from canbo.core.types import Sex

RULEBOOK_ID = "RETIREMENT_ND135_2020"

SCHEDULE_CITATION = Citation(
    document="Bộ luật Lao động 2019; NĐ 135/2020/NĐ-CP",
    article="Điều 169, khoản 2; Điều 4",
    rule_id="RA-02",
)
MONTH_CITATION = Citation(
    document="NĐ 135/2020/NĐ-CP; HD 06-HD/BTCTW",
    article="Điều 4, Phụ lục I",
    rule_id="RA-03",
)

_BASE_AGE = {Sex.MALE: 60 * 12, Sex.FEMALE: 55 * 12}
_STEP = {Sex.MALE: 3, Sex.FEMALE: 4}
_MAX_RAISE = {Sex.MALE: 24, Sex.FEMALE: 60}
_LAST_OLD_YEAR = 2020

RA_OVERRIDE_ALLOWED_RANGE = range(-60, 61)
"""Parameter ``ra_override_allowed_range`` (unconfirmed, RA-07): months an individual decision
may move the retirement month. Default -60..+60: lower ages reach 5 years (NĐ 135/2020,
Phụ lục II); the higher-age cases are not covered by the handbook."""


def retirement_age_months(sex: Sex, year: int) -> int:
    """The retirement age, in months, for someone who reaches it in calendar ``year``.

    720 (men) and 660 (women) up to 2020 (RA-06); from 2021 plus 3 months a year for men up to
    744 in 2028, plus 4 months a year for women up to 720 in 2035 (RA-02). Bộ luật Lao động 2019,
    Điều 169, khoản 2; NĐ 135/2020/NĐ-CP, Điều 4.
    """
    raise_months = max(0, year - _LAST_OLD_YEAR) * _STEP[sex]
    return _BASE_AGE[sex] + min(raise_months, _MAX_RAISE[sex])


@dataclass(frozen=True, slots=True)
class Retirement:
    """A person's statutory retirement month and the age that applied (RA-03, RA-04)."""

    year: int
    month: int
    age_months: int
    citation: Citation = MONTH_CITATION

    @property
    def month_index(self) -> int:
        """Months since year 0, for whole-month arithmetic (GEN-07)."""
        return self.year * 12 + self.month - 1

    @property
    def retirement_date(self) -> dt.date:
        """RA-04: the last day of the retirement month (thời điểm nghỉ hưu)."""
        return _first_of_month(self.month_index + 1) - dt.timedelta(days=1)

    @property
    def pension_start(self) -> dt.date:
        """RA-04: the first day of the month after the retirement month (hưởng lương hưu)."""
        return _first_of_month(self.month_index + 1)


def retirement(birth_date: dt.date, sex: Sex) -> Retirement:
    """The retirement month of a person born on ``birth_date``, per RA-03.

    The age that applies is the one for the calendar year in which the person actually reaches
    it: the first year ``Y`` for which the birth month plus ``retirement_age_months(sex, Y)``
    falls in ``Y`` or earlier. Only the birth month counts, not the day. NĐ 135/2020/NĐ-CP,
    Điều 4 and Phụ lục I; HD 06-HD/BTCTW (age checks use this month).
    """
    birth_index = birth_date.year * 12 + birth_date.month - 1
    for year in range(birth_date.year + 50, birth_date.year + 70):
        age = retirement_age_months(sex, year)
        reached = birth_index + age
        if reached // 12 <= year:
            return Retirement(year=reached // 12, month=reached % 12 + 1, age_months=age)
    raise AssertionError("unreachable: the schedule ends at 62 and 60 years")  # pragma: no cover


def retirement_month(birth_date: dt.date, sex: Sex) -> tuple[int, int]:
    """``(year, month)`` in which the person reaches retirement age, per RA-03.

    See :func:`retirement`; NĐ 135/2020/NĐ-CP, Điều 4 and Phụ lục I.
    """
    found = retirement(birth_date, sex)
    return found.year, found.month


def months_left(birth_date: dt.date, sex: Sex, reference: dt.date) -> int:
    """Whole months from ``reference`` to the retirement month (RA-08; negative once past it).

    HD 06-HD/BTCTW: working time left is counted in whole months from the check's reference
    date (e.g. the date the personnel body receives the dossier, AP-06) to the retirement month.
    """
    reference_index = reference.year * 12 + reference.month - 1
    return retirement(birth_date, sex).month_index - reference_index


def birth_date_from_parts(year: int, month: int | None = None, day: int | None = None) -> dt.date:
    """The birth date to use when the record lacks the day or the month (RA-05).

    Only the year known: 1 January; month and year known: the first day of that month.
    NĐ 158/2025/NĐ-CP (Luật Bảo hiểm xã hội 2024). The caller flags the substitution on the
    person record when ``month`` or ``day`` is None.
    """
    if month is None and day is not None:
        raise ValidationError("birth_day_without_month", field="birth_date", year=year, day=day)
    try:
        return dt.date(year, month or 1, day or 1)
    except ValueError as exc:
        raise ValidationError(
            "birth_date_invalid", str(exc), field="birth_date", year=year, month=month, day=day
        ) from exc


def with_override(
    base: Retirement,
    months_delta: int,
    legal_basis: str,
    allowed: range = RA_OVERRIDE_ALLOWED_RANGE,
) -> Retirement:
    """Move a retirement month by an individual decision (RA-07: lower or higher age).

    ``legal_basis`` (the decision or the clause, e.g. "NĐ 135/2020/NĐ-CP, Điều 5") is required
    and becomes the citation; ``months_delta`` must lie in ``allowed``, the parameter
    ``ra_override_allowed_range`` (unconfirmed).
    """
    if not legal_basis.strip():
        raise ValidationError("retirement_override_needs_basis", field="legal_basis")
    if months_delta not in allowed:
        raise ValidationError(
            "retirement_override_out_of_range",
            field="months_delta",
            months_delta=months_delta,
            allowed=[allowed.start, allowed.stop - 1],
        )
    index = base.month_index + months_delta
    citation = Citation(
        document=legal_basis.strip(), rule_id="RA-07", unconfirmed=("ra_override_allowed_range",)
    )
    return Retirement(
        year=index // 12,
        month=index % 12 + 1,
        age_months=base.age_months + months_delta,
        citation=citation,
    )


def _first_of_month(month_index: int) -> dt.date:
    return dt.date(month_index // 12, month_index % 12 + 1, 1)
