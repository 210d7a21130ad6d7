"""National Assembly and People's Council confidence votes: NQ 35/2012, NQ 85/2014, NQ 96/2023.

Bands on integer counts (NA-08 to NA-10, NA-14). Denominators differ by regime (NA-12): total
deputies in office for NQ 35/2012 and NQ 85/2014; the total ballots for NQ 96/2023
(``na_nq96_denominator``: ballots collected by default). A vote of no confidence (bỏ phiếu tín
nhiệm) is decided by NA-11.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from canbo.core.ballots.bands import Band, BandResult, Consequence, DenominatorKind
from canbo.core.errors import Citation, RuleViolation
from canbo.core.rulebook import Regime, Rulebook

NA_REGIMES = frozenset({Regime.NQ35, Regime.NQ85, Regime.NQ96})


@dataclass(frozen=True, slots=True)
class PreviousYear:
    """NQ 35/2012 only: last year's "low" count and deputies, for the two-years-running trigger."""

    low: int
    total_deputies: int


def band_denominator_kind(rulebook: Rulebook) -> DenominatorKind:
    """NA-12: the base of the rulebook's band thresholds: total deputies (NQ 35, NQ 85) or the
    parameter ``na_nq96_denominator`` (NQ 96)."""
    if rulebook.regime not in NA_REGIMES:
        raise RuleViolation(
            "wrong_regime", rulebook=rulebook.rulebook_id, expected="nq35|nq85|nq96"
        )
    base = rulebook.threshold("band_b").base
    if base in DenominatorKind.__members__.values():
        return DenominatorKind(base)
    return DenominatorKind(rulebook.param_str(base))


def na_band(
    low: int, denominator: int, rulebook: Rulebook, previous: PreviousYear | None = None
) -> BandResult:
    """Band under the NA rulebook in force (NA-08 NQ 35, NA-09 NQ 85, NA-10 NQ 96).

    The thresholds are the rulebook's values: NQ 96 ``C`` if ``3*L >= 2*N`` (dismissal
    submitted), ``B`` if ``2*L > N`` (may resign, else a no-confidence vote); NQ 85 ``C`` if
    ``3*L >= 2*D`` (no-confidence vote), ``B`` if ``2*L > D`` (may resign); NQ 35 ``C`` only if
    ``3*L > 2*D`` (strict), ``B`` if ``2*L > D``, and more than half two years running also
    triggers a no-confidence vote. What follows a band differs by regime (:data:`_BANDS`).
    """
    kind = band_denominator_kind(rulebook)
    return _BANDS[rulebook.regime](low, denominator, kind, rulebook, previous)


def _deputies_band(
    low: int,
    denominator: int,
    kind: DenominatorKind,
    rulebook: Rulebook,
    previous: PreviousYear | None,
) -> BandResult:
    """NQ 35/2012 and NQ 85/2014: thresholds over all deputies (NA-08, NA-09)."""
    top_band, half_band = rulebook.threshold("band_c"), rulebook.threshold("band_b")
    cite = Citation(rulebook.document, top_band.article, rule_id=top_band.rule_id)
    if top_band.holds(low, denominator):
        consequences = (_no_confidence_vote(cite, "top_band"), _may_resign(cite))
        return BandResult(Band.C, low, denominator, kind, cite, consequences)
    if not half_band.holds(low, denominator):
        return BandResult(Band.NONE, low, denominator, kind, cite)
    consequences_b: tuple[Consequence, ...] = (_may_resign(cite),)
    if (
        rulebook.has_threshold("two_years_running")
        and previous is not None
        and rulebook.threshold("two_years_running").holds(previous.low, previous.total_deputies)
    ):
        consequences_b += (_no_confidence_vote(cite, "two_years_running"),)
    return BandResult(Band.B, low, denominator, kind, cite, consequences_b)


def _nq96(
    low: int, n: int, kind: DenominatorKind, rulebook: Rulebook, _previous: PreviousYear | None
) -> BandResult:
    """NQ 96/2023 (NA-10): the top band leads straight to dismissal."""
    unconfirmed = rulebook.unconfirmed("na_nq96_denominator")
    cite = Citation(rulebook.document, rule_id="NA-10", unconfirmed=unconfirmed)
    if rulebook.threshold("band_c").holds(low, n):
        dismissal = Consequence(
            "submit_dismissal",
            "Cơ quan, người đã giới thiệu trình miễn nhiệm (hoặc phê chuẩn miễn nhiệm) "
            "tại kỳ họp đó hoặc kỳ họp gần nhất.",
            "The nominating body or person submits dismissal (or approval of dismissal) at that "
            "session or the nearest one.",
            cite,
        )
        return BandResult(Band.C, low, n, kind, cite, (dismissal,))
    if rulebook.threshold("band_b").holds(low, n):
        deadline = rulebook.unconfirmed("na_resign_deadline_days")
        b_cite = Citation(cite.document, rule_id="NA-10", unconfirmed=unconfirmed + deadline)
        resign = Consequence(
            "may_resign_else_no_confidence_vote",
            "Có thể xin từ chức; nếu không, Ủy ban Thường vụ Quốc hội (Thường trực HĐND) trình "
            "bỏ phiếu tín nhiệm tại kỳ họp đó hoặc kỳ họp gần nhất.",
            "May resign; if not, the NA Standing Committee (the council's Standing Board) submits "
            "a vote of no confidence at that session or the nearest one.",
            b_cite,
        )
        return BandResult(Band.B, low, n, kind, b_cite, (resign,))
    return BandResult(Band.NONE, low, n, kind, cite)


def _may_resign(cite: Citation) -> Consequence:
    return Consequence(
        "may_resign",
        "Có thể xin từ chức (quá nửa tổng số đại biểu đánh giá tín nhiệm thấp).",
        'May resign (more than half of all deputies rated the person "low").',
        cite,
    )


def _no_confidence_vote(cite: Citation, why: str) -> Consequence:
    text_vi = {
        "top_band": "Ủy ban Thường vụ Quốc hội (Thường trực HĐND) trình bỏ phiếu tín nhiệm.",
        "two_years_running": "Bỏ phiếu tín nhiệm: quá nửa tín nhiệm thấp hai năm liên tiếp.",
    }[why]
    text_en = {
        "top_band": "A vote of no confidence is submitted (NA Standing Committee, Standing Board).",
        "two_years_running": 'Vote of no confidence: more than half "low" two years running.',
    }[why]
    return Consequence("no_confidence_vote", text_vi, text_en, cite)


def no_confidence_outcome(khong: int, rulebook: Rulebook, total: int) -> Consequence | None:
    """NA-11 (NQ 96/2023): more than half "không tín nhiệm" → dismissal is submitted.

    ``total`` is the count named by ``na_nc_denominator`` (default: total deputies).
    """
    if not rulebook.has_threshold("no_confidence"):
        raise RuleViolation("wrong_regime", rulebook=rulebook.rulebook_id, expected="nq96")
    if not rulebook.threshold("no_confidence").holds(khong, total):
        return None
    cite = Citation(
        rulebook.document, rule_id="NA-11", unconfirmed=rulebook.unconfirmed("na_nc_denominator")
    )
    return Consequence(
        "submit_dismissal_after_no_confidence",
        "Quá nửa phiếu không tín nhiệm: trình miễn nhiệm hoặc phê chuẩn miễn nhiệm.",
        'More than half "no confidence": dismissal or approval of dismissal is submitted.',
        cite,
    )


_BandFunction = Callable[[int, int, DenominatorKind, Rulebook, PreviousYear | None], BandResult]
_BANDS: dict[Regime, _BandFunction] = {
    Regime.NQ35: _deputies_band,
    Regime.NQ85: _deputies_band,
    Regime.NQ96: _nq96,
}
