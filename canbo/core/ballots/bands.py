"""Consequence bands: shared types.

A band is decided on INTEGER counts, ``L`` "tín nhiệm thấp" against an explicit denominator
``N`` of a named kind, never on a displayed percentage (GEN-05, NA-14). Each band and each
consequence carries its :class:`~canbo.core.errors.Citation`, whose ``unconfirmed`` lists the
parameters the outcome depended on. The rules themselves are in :mod:`party_qd96` and :mod:`na`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from canbo.core.errors import Citation, ValidationError


class Band(StrEnum):
    NONE = "none"  # no mandatory consequence (includes exactly half, CV-19)
    B = "B"  # more than 1/2 "low" (and, where the rulebook says so, under 2/3)
    C = "C"  # 2/3 or more "low" (NQ 35/2012: more than 2/3)


class DenominatorKind(StrEnum):
    """What a percentage or a band is computed on (GEN-05: an enum, never a bare number)."""

    BALLOTS_COLLECTED = "ballots_collected"  # phiếu thu về
    BALLOTS_ISSUED = "ballots_issued"  # phiếu phát ra
    VALID_FOR_PERSON = "valid_for_person"  # phiếu hợp lệ đối với người đó
    CONVENED = "convened"  # số người được triệu tập
    TOTAL_DEPUTIES = "total_deputies"  # tổng số đại biểu (in office at the vote)


@dataclass(frozen=True, slots=True)
class Consequence:
    """A task the managing level must run, or a measure it must consider."""

    code: str
    text_vi: str
    text_en: str
    citation: Citation

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "text_vi": self.text_vi,
            "text_en": self.text_en,
            "citation": self.citation.as_dict(),
        }


@dataclass(frozen=True, slots=True)
class BandResult:
    band: Band
    low: int
    denominator: int
    denominator_kind: DenominatorKind
    citation: Citation
    consequences: tuple[Consequence, ...] = ()

    def __post_init__(self) -> None:
        if self.denominator <= 0 or self.low < 0:
            raise ValidationError("band_inputs_invalid", low=self.low, denominator=self.denominator)
        if self.low > self.denominator:
            raise ValidationError(
                "low_exceeds_denominator", low=self.low, denominator=self.denominator
            )

    def as_dict(self) -> dict[str, Any]:
        return {
            "band": str(self.band),
            "band_denominator": {"kind": str(self.denominator_kind), "value": self.denominator},
            "band_citation": self.citation.as_dict(),
            "consequences": [c.as_dict() for c in self.consequences],
            "unconfirmed": list(self.unconfirmed),
        }

    @property
    def unconfirmed(self) -> tuple[str, ...]:
        """Every unconfirmed parameter the band or any of its consequences depended on."""
        names = list(self.citation.unconfirmed)
        for consequence in self.consequences:
            names.extend(consequence.citation.unconfirmed)
        return tuple(dict.fromkeys(names))
