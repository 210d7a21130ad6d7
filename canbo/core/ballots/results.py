"""Official per-person results of a confidence vote: counts, percentages, band, consequences.

Input is what a counting committee's minutes give per person (CV-15) and the session figures
(ballots issued and collected, persons convened, deputies in office). Percentages use the
denominator the rulebook names (CV-16, NA-12) and are for display (GEN-06, NA-13); bands are
decided on the integers (GEN-05, NA-14).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from canbo.core.ballots import na, party_qd96
from canbo.core.ballots.arithmetic import Rounding, percent, percent_text_vi
from canbo.core.ballots.ballot import ConfidenceLevel
from canbo.core.ballots.bands import BandResult, DenominatorKind
from canbo.core.ballots.rulebooks import Domain, Regime, Rulebook
from canbo.core.errors import Citation, RuleViolation, ValidationError

FIGURE_FOR_KIND = {
    DenominatorKind.BALLOTS_COLLECTED: "collected",
    DenominatorKind.BALLOTS_ISSUED: "issued",
    DenominatorKind.CONVENED: "convened",
    DenominatorKind.TOTAL_DEPUTIES: "members",
}


@dataclass(frozen=True, slots=True)
class SessionFigures:
    """Ballots issued and collected, persons convened, deputies (members) in office."""

    issued: int | None = None
    collected: int | None = None
    convened: int | None = None
    members: int | None = None

    def value(self, name: str) -> int | None:
        return {
            "issued": self.issued,
            "collected": self.collected,
            "convened": self.convened,
            "members": self.members,
        }[name]


@dataclass(frozen=True, slots=True)
class PersonCounts:
    """One person's counts from the minutes; ``invalid`` may be absent from the table."""

    high: int
    mid: int
    low: int
    invalid: int | None = None

    def __post_init__(self) -> None:
        if min(self.high, self.mid, self.low, self.invalid or 0) < 0:
            raise ValidationError("count_negative")

    @property
    def valid(self) -> int:
        return self.high + self.mid + self.low

    @property
    def marked(self) -> int:
        return self.valid + (self.invalid or 0)


@dataclass(frozen=True, slots=True)
class PersonResult:
    counts: PersonCounts
    invalid: int  # as given, or ballots collected minus valid when the table omits it
    unresolved: int  # ballots collected not classified for this person in the table
    percent: dict[ConfidenceLevel, Decimal]
    percent_text: dict[ConfidenceLevel, str]
    percent_denominator: int
    percent_kind: DenominatorKind
    percent_citation: Citation
    band: BandResult


def require_specified(rulebook: Rulebook) -> None:
    """Refuse a rulebook the handbook names but does not describe (e.g. QĐ 262-QĐ/TW)."""
    if rulebook.domain is not Domain.CONFIDENCE_VOTE or not rulebook.specified:
        raise RuleViolation(
            "rulebook_not_specified",
            f"{rulebook.document} is not specified in the handbook; results are not computed.",
            citation=rulebook.citation,
            rulebook=rulebook.rulebook_id,
        )


def percent_kind(rulebook: Rulebook) -> DenominatorKind:
    """CV-16: ballots collected (QĐ 96); NA-12: per regime."""
    require_specified(rulebook)
    if rulebook.regime is Regime.QD96:
        return DenominatorKind.BALLOTS_COLLECTED
    return na.band_denominator_kind(rulebook)


def band_kind(rulebook: Rulebook) -> DenominatorKind:
    """CV-17 ``cv_band_denominator`` (QĐ 96); NA-12 per regime."""
    require_specified(rulebook)
    if rulebook.regime is Regime.QD96:
        return party_qd96.band_denominator_kind(rulebook)
    return na.band_denominator_kind(rulebook)


def required_figures(rulebook: Rulebook) -> tuple[str, ...]:
    """Session figures the rulebook needs to compute percentages and bands."""
    kinds = (percent_kind(rulebook), band_kind(rulebook))
    names = [FIGURE_FOR_KIND[k] for k in kinds if k in FIGURE_FOR_KIND]
    return tuple(dict.fromkeys(names))


def check_figures(rulebook: Rulebook, figures: SessionFigures) -> None:
    """Every blocking problem with the session figures at once (missing, negative, inconsistent)."""
    missing = [n for n in required_figures(rulebook) if figures.value(n) is None]
    if missing:
        raise ValidationError("missing_inputs", rulebook=rulebook.rulebook_id, missing=missing)
    for name in ("issued", "collected", "convened", "members"):
        value = figures.value(name)
        if value is not None and value < 0:
            raise ValidationError("figure_negative", name=name, value=value)
    issued, collected = figures.issued, figures.collected
    if issued is not None and collected is not None and collected > issued:
        raise ValidationError("collected_exceeds_issued", issued=issued, collected=collected)


def _rounding(rulebook: Rulebook) -> tuple[Rounding, bool]:
    fmt = rulebook.param_str("gen_pct_format")
    strip = fmt != "half_up_2dp_vi_fixed"
    if rulebook.regime is Regime.QD96:
        return Rounding(rulebook.param_str("cv_pct_rounding")), strip
    return (Rounding.HALF_EVEN if fmt == "half_even_2dp" else Rounding.HALF_UP), strip


def _percent_citation(rulebook: Rulebook) -> Citation:
    if rulebook.regime is Regime.QD96:
        return Citation(
            "QĐ 96-QĐ/TW",
            "Điều 6",
            rule_id="CV-16",
            unconfirmed=rulebook.unconfirmed("cv_pct_rounding"),
        )
    extra = rulebook.unconfirmed("na_nq96_denominator") if rulebook.regime is Regime.NQ96 else ()
    return Citation(rulebook.document, rule_id="NA-12", unconfirmed=extra)


def _denominator(kind: DenominatorKind, figures: SessionFigures, counts: PersonCounts) -> int:
    if kind is DenominatorKind.VALID_FOR_PERSON:
        value: int | None = counts.valid
    else:
        value = figures.value(FIGURE_FOR_KIND[kind])
    if value is None:
        raise ValidationError("missing_inputs", missing=[FIGURE_FOR_KIND.get(kind, str(kind))])
    if value <= 0:
        raise ValidationError("denominator_not_positive", kind=str(kind), value=value)
    return value


def _classify(figures: SessionFigures, counts: PersonCounts) -> tuple[int, int]:
    collected = figures.collected
    if collected is not None and counts.marked > collected:
        raise ValidationError("counts_exceed_collected", marked=counts.marked, collected=collected)
    if figures.members is not None and counts.marked > figures.members:
        raise ValidationError(
            "counts_exceed_members", marked=counts.marked, members=figures.members
        )
    if collected is None:
        return counts.invalid or 0, 0
    if counts.invalid is None:
        return collected - counts.valid, 0
    return counts.invalid, collected - counts.marked


def compute_person(
    rulebook: Rulebook, figures: SessionFigures, counts: PersonCounts
) -> PersonResult:
    """One person's official result line (CV-15, CV-16, CV-17 to CV-19; NA-08 to NA-14)."""
    check_figures(rulebook, figures)
    invalid, unresolved = _classify(figures, counts)
    p_kind, b_kind = percent_kind(rulebook), band_kind(rulebook)
    p_den = _denominator(p_kind, figures, counts)
    b_den = _denominator(b_kind, figures, counts)
    if counts.marked > p_den or counts.low > b_den:
        raise ValidationError("counts_exceed_denominator", denominator=p_den, marked=counts.marked)
    rounding, strip = _rounding(rulebook)
    levels = {
        ConfidenceLevel.HIGH: counts.high,
        ConfidenceLevel.MID: counts.mid,
        ConfidenceLevel.LOW: counts.low,
    }
    pct = {level: percent(n, p_den, rounding) for level, n in levels.items()}
    text = {level: percent_text_vi(p, strip_zeros=strip) for level, p in pct.items()}
    if rulebook.regime is Regime.QD96:
        band = party_qd96.qd96_band(counts.low, b_den, rulebook)
    else:
        band = na.na_band(counts.low, b_den, rulebook)
    return PersonResult(
        counts, invalid, unresolved, pct, text, p_den, p_kind, _percent_citation(rulebook), band
    )
