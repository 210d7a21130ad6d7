"""QĐ 96-QĐ/TW (02/02/2023): bands and consequences of a Party confidence vote.

Điều 11 (handbook CV-17, CV-18, CV-19): more than 1/2 and under 2/3 "tín nhiệm thấp" — out of
planning for higher posts, and consider release, resignation or a no-confidence vote; 2/3 or
more — dismissal (miễn nhiệm) and lower work. Exactly half is not "more than half".
"""

from __future__ import annotations

from canbo.core.ballots.bands import Band, BandResult, Consequence, DenominatorKind
from canbo.core.errors import Citation, RuleViolation
from canbo.core.rulebook import Comparison, Regime, Rulebook

DOCUMENT = "QĐ 96-QĐ/TW"
ARTICLE = "Điều 11"


def band_denominator_kind(rulebook: Rulebook) -> DenominatorKind:
    """The band denominator ``cv_band_denominator`` (unconfirmed; default collected, CV-17)."""
    return DenominatorKind(rulebook.param_str("cv_band_denominator"))


def _unconfirmed(rulebook: Rulebook, *extra: str) -> tuple[str, ...]:
    return rulebook.unconfirmed("cv_band_denominator", *extra)


def qd96_band(low: int, denominator: int, rulebook: Rulebook) -> BandResult:
    """Band of one person's result under QĐ 96-QĐ/TW, Điều 11 (CV-17, CV-18, CV-19).

    The thresholds are the rulebook's values: ``C`` when ``3*L >= 2*N``
    (``cv_band_c_inclusive``; ``3*L > 2*N`` if false); ``B`` when ``2*L > N`` and not C; else
    ``NONE``. With ``N = 40``: ``L = 20`` is no band, ``L = 21`` is B; with ``N = 30``,
    ``L = 20`` is C.
    """
    if rulebook.regime is not Regime.QD96:
        raise RuleViolation("wrong_regime", rulebook=rulebook.rulebook_id, expected="qd96")
    kind = band_denominator_kind(rulebook)
    top = rulebook.threshold("band_c")
    if not rulebook.param_bool("cv_band_c_inclusive"):
        top = top.with_comparison(Comparison.MORE_THAN)
    if top.holds(low, denominator):
        citation = Citation(DOCUMENT, ARTICLE, rule_id="CV-18", unconfirmed=_unconfirmed(rulebook))
        return BandResult(Band.C, low, denominator, kind, citation, (_dismiss(rulebook),))
    if rulebook.threshold("band_b").holds(low, denominator):
        citation = Citation(DOCUMENT, ARTICLE, rule_id="CV-17", unconfirmed=_unconfirmed(rulebook))
        consequences = (_remove_from_planning(rulebook), _consider_measure(rulebook))
        return BandResult(Band.B, low, denominator, kind, citation, consequences)
    citation = Citation(DOCUMENT, ARTICLE, rule_id="CV-19", unconfirmed=_unconfirmed(rulebook))
    return BandResult(Band.NONE, low, denominator, kind, citation)


def _remove_from_planning(rulebook: Rulebook) -> Consequence:
    return Consequence(
        "remove_from_higher_planning",
        "Đưa ra khỏi quy hoạch chức vụ cao hơn (bắt buộc).",
        "Remove the cadre from planning for higher posts (mandatory).",
        Citation(DOCUMENT, ARTICLE, rule_id="CV-17", unconfirmed=_unconfirmed(rulebook)),
    )


def _consider_measure(rulebook: Rulebook) -> Consequence:
    return Consequence(
        "consider_measure",
        "Xem xét cho thôi giữ chức vụ và bố trí công tác khác, cho từ chức, "
        "hoặc bỏ phiếu tín nhiệm theo quy định.",
        "Consider releasing the cadre from the post and assigning other work, accepting a "
        "resignation, or holding a vote of no confidence under the rules.",
        Citation(DOCUMENT, ARTICLE, rule_id="CV-17", unconfirmed=_unconfirmed(rulebook)),
    )


def _dismiss(rulebook: Rulebook) -> Consequence:
    return Consequence(
        "dismiss_and_reassign_lower",
        "Miễn nhiệm chức vụ hiện tại và bố trí công tác thấp hơn, "
        "không chờ hết nhiệm kỳ, thời hạn bổ nhiệm.",
        "Dismiss the cadre from the current post and assign lower work, without waiting for "
        "the term or appointment period to end.",
        Citation(DOCUMENT, ARTICLE, rule_id="CV-18", unconfirmed=_unconfirmed(rulebook)),
    )
