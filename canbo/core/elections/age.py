"""Age of committee candidates for the 2025–2030 round (EL-33, Chỉ thị 45-CT/TW), counted
against the statutory retirement month (RA-03, :mod:`canbo.core.retirement`).

The months left are whole months from the **reference month of the level**
(``el_age_reference_month``: grassroots 04/2025, the level directly above grassroots 06/2025,
commune, ward and special-zone committees 07/2025, committees directly under the Central
Committee 09/2025, People's Council, People's Committee and NA delegation leaders 03/2026), never
the congress's own date, to the retirement month. Only the Fatherland Front counts from each
organization's congress date. Pure: no Django, no I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from canbo.core.elections.params import int_param, reelection_overrides, reference_month
from canbo.core.errors import Citation, ValidationError
from canbo.core.retirement import Retirement, retirement
from canbo.core.rulebook import Rulebook
from canbo.core.types import Sex

CT45 = "Chỉ thị 45-CT/TW"
FRONT_LEVEL = "fatherland_front"


@dataclass(frozen=True)
class AgeCheck:
    """The EL-33 answer for one candidate.

    ``ok`` the candidate has at least ``months_needed`` months left at ``reference_month`` (the
    first day of that month); ``blocking`` the candidate may not enter the list (``ok`` false);
    ``code`` ``"ok"`` or ``"age_time_left_short"``; ``retirement`` the retirement month used
    (RA-03, or an individual decision under RA-07) with its own citation.
    """

    ok: bool
    blocking: bool
    months_left: int
    months_needed: int
    reference_month: dt.date
    citation: Citation
    code: str
    retirement: Retirement
    first_time: bool
    post: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "blocking": self.blocking,
            "code": self.code,
            "months_left": self.months_left,
            "months_needed": self.months_needed,
            "reference_month": self.reference_month.strftime("%Y-%m"),
            "retirement_month": f"{self.retirement.year:04d}-{self.retirement.month:02d}",
            "first_time": self.first_time,
            "post": self.post,
            "citation": self.citation.as_dict(),
            "retirement_citation": self.retirement.citation.as_dict(),
        }


def months_needed(level: str, first_time: bool, post: str | None, rulebook: Rulebook) -> int:
    """The months of working time left EL-33 requires: a full term, ``el_first_time_min_months``
    (60), for a first-time committee member; ``el_reelection_min_months`` (48) for re-election,
    replaced by ``el_reelection_min_months_overrides[post]`` where there is one (a provincial
    deputy secretary standing again: 42; ``post`` ``deputy_secretary`` at level
    ``directly_under_central`` is that post); for Fatherland Front standing-committee re-nomination
    ``el_front_reelection_min_months`` (36)."""
    if first_time:
        return int_param(rulebook, "el_first_time_min_months")
    if level == FRONT_LEVEL:
        return int_param(rulebook, "el_front_reelection_min_months")
    overrides = reelection_overrides(rulebook)
    for key in _post_keys(level, post):
        if key in overrides:
            return overrides[key]
    return int_param(rulebook, "el_reelection_min_months")


def _post_keys(level: str, post: str | None) -> tuple[str, ...]:
    """The override keys ``post`` answers to: itself, and at the level directly under the
    Central Committee (provinces) also ``provincial_<post>`` (``deputy_secretary`` there is the
    ``provincial_deputy_secretary`` of the overrides)."""
    if post is None:
        return ()
    if level == "directly_under_central" and not post.startswith("provincial_"):
        return (post, f"provincial_{post}")
    return (post,)


def age_check(
    birth_date: dt.date,
    sex: Sex,
    level: str,
    first_time: bool,
    post: str | None,
    rulebook: Rulebook,
    *,
    congress_date: dt.date | None = None,
    retirement_month: Retirement | None = None,
) -> AgeCheck:
    """EL-33 for a candidate born on ``birth_date``: months from the reference month of
    ``level`` to the retirement month (RA-03) against :func:`months_needed`.

    Chỉ thị 45-CT/TW: a first-time committee member needs working time for at least one full
    term; re-election at least 48 months (a provincial deputy secretary 42). ``level`` is a key
    of ``el_age_reference_month`` (``grassroots``, ``upper_grassroots``,
    ``commune_ward_special_zone``, ``directly_under_central``, ``hdnd_ubnd_na_delegation_posts``,
    ``fatherland_front``); the congress date is used only for the Fatherland Front (and is then
    required). ``retirement_month`` replaces the statutory month where an individual decision
    moved it (RA-07, :func:`canbo.core.retirement.with_override`).
    """
    reference = reference_month(rulebook, level)
    if reference is None:
        if congress_date is None:
            raise ValidationError("age_reference_needs_congress_date", level=level)
        reference = congress_date.replace(day=1)
    found = retirement_month if retirement_month is not None else retirement(birth_date, sex)
    left = found.month_index - (reference.year * 12 + reference.month - 1)
    needed = months_needed(level, first_time, post, rulebook)
    ok = left >= needed
    citation = Citation(CT45, rule_id="EL-33")
    return AgeCheck(
        ok=ok,
        blocking=not ok,
        months_left=left,
        months_needed=needed,
        reference_month=reference,
        citation=citation,
        code="ok" if ok else "age_time_left_short",
        retirement=found,
        first_time=first_time,
        post=post,
    )
