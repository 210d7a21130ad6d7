"""Quorum of a vote conference (GEN-08; QĐ 96-QĐ/TW, handbook CV-07).

The conference proceeds only if at least 2/3 of those convened are present:
``3 * present >= 2 * convened``, checked in integers before ballots are issued. Who counts as
convened is a pair of parameters (``cv_convened_includes_subject``,
``cv_convened_excludes_excused``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from canbo.core.ballots.bands import DenominatorKind
from canbo.core.errors import Citation, ValidationError
from canbo.core.rulebook import Comparison, Rulebook

QD96_QUORUM_CITATION = Citation("QĐ 96-QĐ/TW", rule_id="CV-07")


@dataclass(frozen=True, slots=True)
class Quorum:
    """``numerator/denominator`` of the base (``denominator_kind``), inclusive or strict."""

    numerator: int
    denominator: int
    denominator_kind: DenominatorKind
    inclusive: bool
    citation: Citation

    def __post_init__(self) -> None:
        if not 0 < self.numerator <= self.denominator:
            raise ValueError("a quorum is a fraction in (0, 1]")

    def is_met(self, present: int, base: int) -> bool:
        """``den*present >= num*base`` (inclusive) or ``>`` (strict), in integers (GEN-05)."""
        if present < 0 or base <= 0:
            raise ValidationError("quorum_inputs_invalid", present=present, base=base)
        if present > base:
            raise ValidationError("present_exceeds_convened", present=present, base=base)
        lhs, rhs = self.denominator * present, self.numerator * base
        return lhs >= rhs if self.inclusive else lhs > rhs


QD96_QUORUM = Quorum(2, 3, DenominatorKind.CONVENED, True, QD96_QUORUM_CITATION)


@dataclass(frozen=True, slots=True)
class ConvenedRoll:
    """The invitation list: everyone convened, the persons voted on among them, and the
    absentees excused in advance."""

    convened: int
    subjects_convened: int = 0
    excused_absent: int = 0


@dataclass(frozen=True, slots=True)
class QuorumCheck:
    present: int
    base: int
    met: bool
    citation: Citation

    def as_dict(self) -> dict[str, Any]:
        return {
            "present": self.present,
            "convened": self.base,
            "met": self.met,
            "citation": self.citation.as_dict(),
        }


def convened_base(roll: ConvenedRoll, rulebook: Rulebook) -> int:
    """The number convened that the 2/3 test uses (CV-07, both parameters unconfirmed)."""
    base = roll.convened
    if not rulebook.param_bool("cv_convened_includes_subject"):
        base -= roll.subjects_convened
    if rulebook.param_bool("cv_convened_excludes_excused"):
        base -= roll.excused_absent
    if base <= 0:
        raise ValidationError("convened_base_not_positive", base=base)
    return base


def rulebook_quorum(rulebook: Rulebook) -> Quorum:
    """The quorum of ``rulebook`` from its ``quorum`` threshold (CV-07: 2/3 of the convened)."""
    value = rulebook.threshold("quorum")
    citation = Citation(rulebook.document, rule_id=value.rule_id)
    inclusive = value.comparison is Comparison.AT_LEAST
    kind = DenominatorKind(value.base)
    return Quorum(value.numerator, value.denominator, kind, inclusive, citation)


def check_quorum(present: int, roll: ConvenedRoll, rulebook: Rulebook) -> QuorumCheck:
    """QĐ 96 conference quorum (CV-07): at least 2/3 of those convened are present.

    Worked example CV-24: convened 45, present 31 → ``93 >= 90`` met; present 29 → ``87 < 90``.
    """
    base = convened_base(roll, rulebook)
    unconfirmed = rulebook.unconfirmed(
        "cv_convened_includes_subject", "cv_convened_excludes_excused"
    )
    quorum = rulebook_quorum(rulebook)
    citation = Citation(quorum.citation.document, rule_id="CV-07", unconfirmed=unconfirmed)
    return QuorumCheck(present, base, quorum.is_met(present, base), citation)
