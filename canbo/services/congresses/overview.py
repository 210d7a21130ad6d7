"""The higher committee's overview of its subtree's congresses: the composition of the people
elected (women, young, ethnic minorities; re-elected and first-time) and the approvals still
pending. Pure: the pages read the people elected from the elections context and call this.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from canbo.core.member_stats import age_on
from canbo.core.types import Sex

#: Under this age on the opening date a person elected counts as young. The handbook gives no
#: figure for congresses; the planning rules' young cadres are under 40 at provincial and
#: district level, so 40 is the default, a named parameter of the overview.
YOUNG_UNDER_AGE = 40
MAJORITY_ETHNICITY = "Kinh"


@dataclass(frozen=True, slots=True)
class ElectedFacts:
    """One person elected at a congress, as the overview reads it."""

    congress_id: int
    person_id: int
    birth_date: dt.date | None
    sex: str
    ethnicity: str
    re_elected: bool
    approved: bool


@dataclass(frozen=True, slots=True)
class Composition:
    """Counts and shares (percent, one decimal) of the people elected."""

    elected: int = 0
    women: int = 0
    young: int = 0
    minority: int = 0
    re_elected: int = 0
    first_time: int = 0
    pending: int = 0

    def share(self, count: int) -> str:
        """``count`` as a percentage of those elected, e.g. ``"33,3"`` (empty when none)."""
        if not self.elected:
            return ""
        tenths = (count * 1000 * 2 + self.elected) // (2 * self.elected)
        return f"{tenths // 10},{tenths % 10}"

    @property
    def women_pct(self) -> str:
        return self.share(self.women)

    @property
    def young_pct(self) -> str:
        return self.share(self.young)

    @property
    def minority_pct(self) -> str:
        return self.share(self.minority)


def composition(
    people: Iterable[ElectedFacts], as_of: dt.date, young_under: int = YOUNG_UNDER_AGE
) -> Composition:
    """Women, young (under ``young_under`` on ``as_of``), ethnic minority (not Kinh, when
    recorded), re-elected and first-time among the people elected, and those not yet approved."""
    n = women = young = minority = again = pending = 0
    for p in people:
        n += 1
        women += p.sex == Sex.FEMALE
        young += p.birth_date is not None and age_on(p.birth_date, as_of) < young_under
        minority += bool(p.ethnicity) and p.ethnicity != MAJORITY_ETHNICITY
        again += p.re_elected
        pending += not p.approved
    return Composition(n, women, young, minority, again, n - again, pending)
