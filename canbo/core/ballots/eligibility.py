"""Who is voted on, who is exempt, and where (CV-02 to CV-04; NA-04).

Pure functions over small input dataclasses; every exemption carries its citation. The vote
date is injected (never read from a clock).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from canbo.core.ballots.results import require_specified
from canbo.core.ballots.rulebooks import Regime, Rulebook
from canbo.core.errors import Citation, RuleViolation

MAX_VOTE_PLACES = 2  # CV-04: nơi công tác và nơi sinh hoạt


class DecisionKind(StrEnum):
    APPOINTMENT = "appointment"  # bổ nhiệm
    ELECTION = "election"  # bầu
    APPROVAL = "approval"  # phê chuẩn (NA, People's Councils)


@dataclass(frozen=True, slots=True)
class PostDecision:
    """A decision placing the cadre in a post; ``new_post`` is false for re-appointment or
    re-election to the same post."""

    kind: DecisionKind
    decided_on: dt.date
    new_post: bool = True


@dataclass(frozen=True, slots=True)
class CadreStatus:
    """What eligibility reads about one cadre at the vote date."""

    retirement_notice_on: dt.date | None = None  # thông báo nghỉ công tác chờ nghỉ hưu
    decisions: tuple[PostDecision, ...] = ()
    serious_illness_certified: bool = False  # NA-04: bệnh hiểm nghèo, có xác nhận
    not_working_since: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Exemption:
    code: str
    text_vi: str
    text_en: str
    citation: Citation


def completed_months(start: dt.date, end: dt.date) -> int:
    """Whole months elapsed from ``start`` to ``end`` (GEN-07: ages and tenures in months)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def exemptions(
    status: CadreStatus, vote_date: dt.date, rulebook: Rulebook
) -> tuple[Exemption, ...]:
    """Every reason the cadre is not voted on (QĐ 96: CV-03; NQ 96/2023: NA-04).

    (a) a retirement notice dated on or before the vote; (b) appointed, elected or approved in
    the calendar year of the vote (``cv_exempt_decision_scope`` for the Party); (c) NQ 96 only:
    certified serious illness and not working for ``na_illness_min_months`` (6) months or more
    up to the session's opening. NQ 35/2012 and NQ 85/2014: no exemption is described.
    """
    require_specified(rulebook)
    if rulebook.regime in (Regime.NQ35, Regime.NQ85):
        return ()
    party = rulebook.regime is Regime.QD96
    rule_id = "CV-03" if party else "NA-04"
    found: list[Exemption] = []
    notice = status.retirement_notice_on
    if notice is not None and notice <= vote_date:
        found.append(_retirement(Citation(rulebook.document, rule_id=rule_id)))
    if _decided_in_vote_year(status, vote_date, rulebook):
        scope = rulebook.unconfirmed("cv_exempt_decision_scope") if party else ()
        found.append(_this_year(Citation(rulebook.document, rule_id=rule_id, unconfirmed=scope)))
    if not party and _long_illness(status, vote_date, rulebook):
        found.append(_illness(Citation(rulebook.document, rule_id="NA-04")))
    return tuple(found)


def is_voted_on(status: CadreStatus, vote_date: dt.date, rulebook: Rulebook) -> bool:
    """True when no exemption applies (CV-03, NA-04)."""
    return not exemptions(status, vote_date, rulebook)


def _decided_in_vote_year(status: CadreStatus, vote_date: dt.date, rulebook: Rulebook) -> bool:
    new_only = (
        rulebook.regime is Regime.QD96
        and rulebook.param_str("cv_exempt_decision_scope") == "new_post_only"
    )
    return any(
        d.decided_on.year == vote_date.year
        and d.decided_on <= vote_date
        and (d.new_post or not new_only)
        for d in status.decisions
    )


def _long_illness(status: CadreStatus, session_open: dt.date, rulebook: Rulebook) -> bool:
    if not status.serious_illness_certified or status.not_working_since is None:
        return False
    minimum = rulebook.param("na_illness_min_months")
    months = completed_months(status.not_working_since, session_open)
    return isinstance(minimum, int) and months >= minimum


def _retirement(citation: Citation) -> Exemption:
    return Exemption(
        "retirement_notice",
        "Đã có thông báo nghỉ công tác chờ nghỉ hưu.",
        "Already notified of leave pending retirement.",
        citation,
    )


def _this_year(citation: Citation) -> Exemption:
    return Exemption(
        "decided_in_vote_year",
        "Được bổ nhiệm, bầu hoặc phê chuẩn trong năm lấy phiếu.",
        "Appointed, elected or approved in the year of the vote.",
        citation,
    )


def _illness(citation: Citation) -> Exemption:
    return Exemption(
        "serious_illness",
        "Nghỉ chữa bệnh hiểm nghèo có xác nhận, không điều hành công việc từ 6 tháng liên tục.",
        "On certified serious-illness leave, not running the work for 6 months in a row or more.",
        citation,
    )


@dataclass(frozen=True, slots=True)
class VotePlace:
    """A place where the cadre could be voted on, with its type from ``cv_two_place_priority``."""

    place_type: str
    unit: str


def choose_vote_places(offered: Sequence[VotePlace], rulebook: Rulebook) -> tuple[VotePlace, ...]:
    """At most two places, ranked by ``cv_two_place_priority`` (QĐ 96-QĐ/TW; handbook CV-04).

    Unranked place types come after ranked ones, in the order offered.
    """
    if rulebook.regime is not Regime.QD96:
        raise RuleViolation("wrong_regime", rulebook=rulebook.rulebook_id, expected="qd96")
    priority = rulebook.param("cv_two_place_priority")
    order = list(priority) if isinstance(priority, tuple) else []

    def rank(place: VotePlace) -> int:
        return order.index(place.place_type) if place.place_type in order else len(order)

    return tuple(sorted(offered, key=rank)[:MAX_VOTE_PLACES])


def check_vote_places(places: Sequence[VotePlace]) -> None:
    """Refuse a plan that votes on one cadre in more than two places (CV-04)."""
    if len(places) > MAX_VOTE_PLACES:
        raise RuleViolation(
            "too_many_vote_places",
            "A cadre is voted on in at most two places.",
            citation=Citation("QĐ 96-QĐ/TW", rule_id="CV-04"),
            count=len(places),
        )
