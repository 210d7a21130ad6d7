"""Who is elected: more than half of the base, seats by votes, ties, alternates (EL-22..EL-36).

- EL-22: a candidate is elected only when ``2 * votes > D`` (``D`` from
  :mod:`canbo.core.elections.denominator`); the minimum is ``D // 2 + 1``. Never the valid
  ballots, the ballots collected or the people present.
- EL-23: among the candidates over half, the seats are filled from the highest vote down.
- EL-25 (``el_tie_policy``): when equal votes straddle the last seat, none of the tied is
  elected; the tie is recorded for the congress to decide (normally a further round among them).
- EL-36 (``el_alternate_rule``): at an election of delegates with alternate seats, the remaining
  candidates over half fill the alternate seats in vote order (same tie rule); under
  ``refer_to_congress`` no alternate is declared.
- EL-30: the reconciliation checks (:mod:`canbo.core.elections.checks`); a failed one blocks the
  minutes.

Percentages are of ``D``, rounded half up to 2 decimals (GEN-06, ``gen_pct_format``), for
display only: the test is on integers. Pure: no Django, no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from canbo.core.ballots.arithmetic import Rounding, percent, percent_text_vi
from canbo.core.elections.candidates import SurplusCheck, surplus_check
from canbo.core.elections.checks import (
    ELECTED_OVER_HALF,
    SUBTRACTIONS_LISTED,
    BallotFigures,
    CandidateVotes,
    Check,
    check,
    el30,
    issued_check,
    reconcile,
)
from canbo.core.elections.denominator import Denominator
from canbo.core.elections.model import ElectionKind
from canbo.core.errors import Citation, NotFound, ValidationError
from canbo.core.rulebook import Rulebook

__all__ = [
    "BallotFigures",
    "CandidateLine",
    "CandidateVotes",
    "Check",
    "ElectionResult",
    "compute_election",
    "min_votes",
    "reconcile",
]

FORMAT_VERSION = 1
TIE_PARAM, TIE_DEFAULT = "el_tie_policy", "stop_and_refer_to_congress"
ALTERNATE_PARAM, ALTERNATE_DEFAULT = "el_alternate_rule", "remaining_over_half_in_vote_order"


def min_votes(base: int) -> int:
    """The fewest votes that are more than half of ``base`` (EL-22): ``base // 2 + 1``."""
    return base // 2 + 1


def _param(rulebook: Rulebook, name: str, default: str) -> tuple[str, tuple[str, ...]]:
    """A parameter's value and whether it is unconfirmed; its default if the rulebook lacks it."""
    try:
        return rulebook.param_str(name), rulebook.unconfirmed(name)
    except NotFound:
        return default, (name,)


def _rounding(rulebook: Rulebook) -> tuple[Rounding, bool]:
    fmt, _ = _param(rulebook, "gen_pct_format", "half_up_2dp_vi_strip_zeros")
    rounding = Rounding.HALF_EVEN if fmt == "half_even_2dp" else Rounding.HALF_UP
    return rounding, fmt != "half_up_2dp_vi_fixed"


@dataclass(frozen=True, slots=True)
class CandidateLine:
    """One candidate's result, in ballot order (``order`` is 1-based)."""

    order: int
    name: str
    person_id: int | None
    votes: int
    percent: Decimal
    percent_text: str
    over_half: bool
    elected: bool
    alternate: bool
    tied: bool
    citation: Citation

    def as_dict(self) -> dict[str, Any]:
        return {
            "order": self.order,
            "name": self.name,
            "person_id": self.person_id,
            "votes": self.votes,
            "percent": format(self.percent, "f"),
            "percent_text": self.percent_text,
            "over_half": self.over_half,
            "elected": self.elected,
            "alternate": self.alternate,
            "tied": self.tied,
            "citation": self.citation.as_dict(),
        }


@dataclass(frozen=True)
class ElectionResult:
    """The result of one round of one election, with every EL-30 check."""

    rulebook: Rulebook
    election_kind: ElectionKind
    seats: int
    alternate_seats: int
    denominator: Denominator
    min_votes: int
    figures: BallotFigures
    surplus: SurplusCheck
    candidates: tuple[CandidateLine, ...]
    elected: tuple[str, ...]
    alternates: tuple[str, ...]
    tie: tuple[str, ...]
    alternate_tie: tuple[str, ...]
    seats_unfilled: int
    alternates_unfilled: int
    tie_policy: str
    alternate_rule: str
    checks: tuple[Check, ...]
    citation: Citation

    @property
    def rulebook_id(self) -> str:
        return self.rulebook.rulebook_id

    @property
    def blocking(self) -> tuple[Check, ...]:
        """The failed checks: while any is here, the minutes are refused (EL-30)."""
        return tuple(c for c in self.checks if not c.ok)

    @property
    def elected_ids(self) -> tuple[int, ...]:
        """Person ids of the elected, highest vote first (those that have one)."""
        by_name = {line.name: line for line in self.candidates if line.elected}
        ids = (by_name[n].person_id for n in self.elected if n in by_name)
        return tuple(i for i in ids if i is not None)

    def as_dict(self) -> dict[str, Any]:
        """The stable JSON form (``format_version`` 1; docs/elections.md, "Result calculator")."""
        return {
            "format_version": FORMAT_VERSION,
            "rulebook": self.rulebook.as_dict(),
            "election_kind": str(self.election_kind),
            "seats": self.seats,
            "alternate_seats": self.alternate_seats,
            "figures": self.figures.as_dict(),
            "denominator": self.denominator.as_dict(),
            "min_votes": self.min_votes,
            "surplus": self.surplus.as_dict(),
            "candidates": [line.as_dict() for line in self.candidates],
            "elected": list(self.elected),
            "alternates": list(self.alternates),
            "tie": list(self.tie),
            "alternate_tie": list(self.alternate_tie),
            "seats_unfilled": self.seats_unfilled,
            "alternates_unfilled": self.alternates_unfilled,
            "tie_policy": self.tie_policy,
            "alternate_rule": self.alternate_rule,
            "checks": [c.as_dict() for c in self.checks],
            "blocking": [c.rule for c in self.blocking],
            "citation": self.citation.as_dict(),
        }


def _validate(
    kind: ElectionKind, seats: int, alternate_seats: int, candidates: Sequence[CandidateVotes]
) -> None:
    if seats < 1:
        raise ValidationError("election_seats_not_positive", seats=seats)
    if alternate_seats < 0:
        raise ValidationError("figure_negative", name="alternate_seats", value=alternate_seats)
    if alternate_seats and kind is not ElectionKind.DELEGATES:
        raise ValidationError(
            "alternate_seats_not_delegates", kind=str(kind), alternate_seats=alternate_seats
        )
    if not candidates:
        raise ValidationError("election_no_candidates")
    seen: set[int] = set()
    for c in candidates:
        if c.votes < 0:
            raise ValidationError("count_negative", count=c.votes, name=c.name)
        if c.person_id is not None:
            if c.person_id in seen:
                raise ValidationError(
                    "election_candidate_twice", person_id=c.person_id, name=c.name
                )
            seen.add(c.person_id)


def _fill(
    ranked: Sequence[tuple[int, CandidateVotes]], seats: int
) -> tuple[list[int], list[int], list[tuple[int, CandidateVotes]]]:
    """Fill ``seats`` from ``ranked`` (vote order): (filled, tied, rest) as ballot indexes.

    A tie that straddles the last seat (the seat's vote equals the next one's) stops the fill:
    the candidates above the tied vote are filled and every tied one is left (EL-25).
    """
    if len(ranked) <= seats:
        return [i for i, _ in ranked], [], []
    last, following = ranked[seats - 1][1].votes, ranked[seats][1].votes
    if last != following:
        return [i for i, _ in ranked[:seats]], [], list(ranked[seats:])
    filled = [i for i, c in ranked if c.votes > last]
    tied = [i for i, c in ranked if c.votes == last]
    return filled, tied, [(i, c) for i, c in ranked if c.votes < last]


def compute_election(
    rulebook: Rulebook,
    kind: ElectionKind,
    seats: int,
    denominator: Denominator,
    figures: BallotFigures,
    candidates: Sequence[CandidateVotes],
    *,
    alternate_seats: int = 0,
) -> ElectionResult:
    """The result of one round (EL-22, EL-23, EL-25, EL-36) with the EL-30 checks.

    ``candidates`` are in ballot order. The result is computed even when a check fails; the
    failed checks are in :attr:`ElectionResult.blocking` and the minutes must refuse them.
    """
    _validate(kind, seats, alternate_seats, candidates)
    doc = rulebook.document
    base = denominator.value
    least = min_votes(base)
    tie_policy, tie_unconfirmed = _param(rulebook, TIE_PARAM, TIE_DEFAULT)
    alt_rule, alt_unconfirmed = _param(rulebook, ALTERNATE_PARAM, ALTERNATE_DEFAULT)
    over = [(i, c) for i, c in enumerate(candidates) if 2 * c.votes > base]
    ranked = sorted(over, key=lambda item: -item[1].votes)  # stable: ballot order within votes
    elected, tied, rest = _fill(ranked, seats)
    alternates: list[int] = []
    alt_tied: list[int] = []
    alternates_unfilled = 0
    if alternate_seats:
        if tied or alt_rule != ALTERNATE_DEFAULT:
            alternates_unfilled = alternate_seats  # the official tie or the congress decides
        else:
            alternates, alt_tied, _ = _fill(rest, alternate_seats)
            alternates_unfilled = alternate_seats - len(alternates)
    lines = _lines(
        rulebook,
        candidates,
        base,
        elected=set(elected),
        alternates=set(alternates),
        tied=set(tied) | set(alt_tied),
        tie_unconfirmed=tie_unconfirmed,
        alt_unconfirmed=alt_unconfirmed,
    )
    checks = (
        issued_check(figures, denominator.convened, doc),
        *reconcile(figures, candidates, seats + alternate_seats, document=doc),
        _over_half_check(doc, candidates, [*elected, *alternates], base),
        _listed_check(doc, denominator),
    )
    return ElectionResult(
        rulebook=rulebook,
        election_kind=kind,
        seats=seats,
        alternate_seats=alternate_seats,
        denominator=denominator,
        min_votes=least,
        figures=figures,
        surplus=surplus_check(kind, seats + alternate_seats, len(candidates), rulebook),
        candidates=lines,
        elected=tuple(candidates[i].name for i in elected),
        alternates=tuple(candidates[i].name for i in alternates),
        tie=tuple(candidates[i].name for i in tied),
        alternate_tie=tuple(candidates[i].name for i in alt_tied),
        seats_unfilled=seats - len(elected),
        alternates_unfilled=alternates_unfilled,
        tie_policy=tie_policy,
        alternate_rule=alt_rule,
        checks=checks,
        citation=Citation(doc, rule_id="EL-22"),
    )


def _lines(
    rulebook: Rulebook,
    candidates: Sequence[CandidateVotes],
    base: int,
    *,
    elected: set[int],
    alternates: set[int],
    tied: set[int],
    tie_unconfirmed: tuple[str, ...],
    alt_unconfirmed: tuple[str, ...],
) -> tuple[CandidateLine, ...]:
    doc = rulebook.document
    rounding, strip = _rounding(rulebook)
    cite_half = Citation(doc, rule_id="EL-22")
    cite_fill = Citation(doc, rule_id="EL-23")
    cite_tie = Citation(doc, rule_id="EL-25", unconfirmed=tie_unconfirmed)
    cite_alt = Citation(doc, rule_id="EL-36", unconfirmed=alt_unconfirmed)
    out = []
    for i, c in enumerate(candidates):
        over = 2 * c.votes > base
        if i in tied:
            cite = cite_tie
        elif i in alternates:
            cite = cite_alt
        elif over:
            cite = cite_fill
        else:
            cite = cite_half
        pct = percent(c.votes, base, rounding)
        out.append(
            CandidateLine(
                order=i + 1,
                name=c.name,
                person_id=c.person_id,
                votes=c.votes,
                percent=pct,
                percent_text=percent_text_vi(pct, strip_zeros=strip),
                over_half=over,
                elected=i in elected,
                alternate=i in alternates,
                tied=i in tied,
                citation=cite,
            )
        )
    return tuple(out)


def _over_half_check(
    doc: str, candidates: Sequence[CandidateVotes], chosen: Sequence[int], base: int
) -> Check:
    short = [candidates[i].name for i in chosen if not 2 * candidates[i].votes > base]
    return check(ELECTED_OVER_HALF, not short, el30(doc, "EL-22"), names=short, base=base)


def _listed_check(doc: str, denominator: Denominator) -> Check:
    """The subtractions are attached: each named line names as many people as it counts."""
    unnamed = [
        str(line.reason)
        for line in denominator.lines
        if denominator.named and len(line.names) != line.count
    ]
    total_ok = denominator.convened - denominator.subtracted == denominator.value
    return check(
        SUBTRACTIONS_LISTED,
        not unnamed and total_ok,
        el30(doc),
        reasons=unnamed,
        named=denominator.named,
    )
