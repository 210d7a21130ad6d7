"""Terms of office and reappointment (handbook TR-01 to TR-04): pure date arithmetic.

TR-01: an appointment is for 60 months from the decision's effective date. TR-02: the cadre is
notified, and the reappointment case opens, 90 working days before the term ends (Monday to
Friday, :func:`canbo.core.member_stats.add_working_days`). TR-03: with 24 to 59 months left
to the retirement month at the end of the term, reappointment runs until retirement; under 24
months, the competent level may extend the time in post until retirement.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from canbo.core.appointments.eligibility import (
    add_months,
    consecutive_warning,
    month_index,
    retirement_index,
)
from canbo.core.errors import Citation
from canbo.core.member_stats import add_working_days
from canbo.core.types import Sex

__all__ = [
    "NearRetirement",
    "consecutive_warning",
    "near_retirement",
    "reappointment_opens",
    "term_end",
]

QD377 = "QĐ 377-QĐ/TW"
TERM_MONTHS = 60
REAPPOINTMENT_NOTICE_WORKING_DAYS = 90


def term_end(effective: dt.date, months: int = TERM_MONTHS) -> dt.date:
    """The end of a term that starts on ``effective`` (TR-01: ``effective + 60 months``)."""
    return add_months(effective, months)


def reappointment_opens(ends: dt.date) -> dt.date:
    """The day the reappointment case opens: 90 working days before ``ends`` (TR-02)."""
    return add_working_days(ends, -REAPPOINTMENT_NOTICE_WORKING_DAYS)


@dataclass(frozen=True, slots=True)
class NearRetirement:
    """TR-03: ``kind`` is ``full_term`` (a new five-year term), ``to_retirement`` (a term
    ending at retirement) or ``extension`` (time in post extended until retirement, ST-07)."""

    kind: str
    ends: dt.date
    months_left: int
    citation: Citation


def near_retirement(
    ends: dt.date,
    birth_date: dt.date,
    sex: Sex,
    full_term_months: int = TERM_MONTHS,
    to_retirement_months: int = 24,
) -> NearRetirement:
    """What a reappointment at the end of the term ``ends`` can be (TR-03,
    ``tr_near_retirement_rule``): months are counted from the term's end to the retirement
    month (RA-03); the new term ends at most on the last day of the retirement month."""
    ret = retirement_index(birth_date, sex)
    left = ret - month_index(ends)
    year, month0 = divmod(ret + 1, 12)
    retires = dt.date(year, month0 + 1, 1) - dt.timedelta(days=1)
    citation = Citation(QD377, rule_id="TR-03", unconfirmed=("tr_near_retirement_rule",))
    if left >= full_term_months:
        return NearRetirement("full_term", term_end(ends), left, citation)
    kind = "to_retirement" if left >= to_retirement_months else "extension"
    return NearRetirement(kind, retires, left, citation)
