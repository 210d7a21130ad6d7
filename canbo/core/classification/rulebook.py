"""Rulebook registry of classification: the cycle year selects the rulebook (GEN-01, GEN-02).

| Cycle | Rulebook | Handbook |
|---|---|---|
| 2025 onward | QD366_HD43 | CL-01 … CL-27 |
| 2023, 2024 | QD124_HD25 | CL124-01 … CL124-09 |
| 2019–2022 | QD132_HD21 | CL132-01 … CL132-06 — not encoded: the handbook gives only the HTXS
  conditions, not those of HTT, HT and KHT, so the engine refuses rather than guess |
| 2018 | QD132_HD16 | not encoded (HD 16 details not covered) |
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from canbo.core.classification.common import Evaluator
from canbo.core.classification.params import Parameters
from canbo.core.classification.qd124 import build_qd124
from canbo.core.classification.qd366 import build_qd366
from canbo.core.errors import Citation, RuleViolation


class RulebookId(StrEnum):
    QD366_HD43 = "QD366_HD43"
    QD124_HD25 = "QD124_HD25"
    QD132_HD21 = "QD132_HD21"
    QD132_HD16 = "QD132_HD16"


class Regime(StrEnum):
    """How the input is graded: points (QĐ 366) or criteria grades (QĐ 124, QĐ 132)."""

    POINTS = "points"
    GRADES = "grades"


@dataclass(frozen=True, slots=True)
class RulebookInfo:
    """One regulation version: its documents and the cycles it governs (inclusive)."""

    id: RulebookId
    documents: tuple[str, ...]
    first_cycle: int
    last_cycle: int | None
    regime: Regime
    encoded: bool


REGISTRY: tuple[RulebookInfo, ...] = (
    RulebookInfo(
        RulebookId.QD366_HD43,
        ("QĐ 366-QĐ/TW (30/08/2025)", "HD 43-HD/BTCTW (31/10/2025)"),
        2025,
        None,
        Regime.POINTS,
        True,
    ),
    RulebookInfo(
        RulebookId.QD124_HD25,
        ("QĐ 124-QĐ/TW (04/10/2023)", "HD 25-HD/BTCTW (10/11/2023)"),
        2023,
        2024,
        Regime.GRADES,
        True,
    ),
    RulebookInfo(
        RulebookId.QD132_HD21,
        ("QĐ 132-QĐ/TW (08/03/2018)", "HD 21-HD/BTCTW (18/10/2019)"),
        2019,
        2022,
        Regime.GRADES,
        False,
    ),
    RulebookInfo(
        RulebookId.QD132_HD16,
        ("QĐ 132-QĐ/TW (08/03/2018)", "HD 16-HD/BTCTW (24/09/2018)"),
        2018,
        2018,
        Regime.GRADES,
        False,
    ),
)


def rulebook_for_cycle(year: int) -> RulebookInfo:
    """GEN-01, CL-01: the rulebook in force for the evaluation cycle ``year``.

    Raises ``RuleViolation`` (``no_rulebook``) before 2018 and ``rulebook_not_encoded`` for the
    QĐ 132 cycles, whose HTT, HT and KHT conditions the handbook does not give.
    """
    for info in REGISTRY:
        if info.first_cycle <= year and (info.last_cycle is None or year <= info.last_cycle):
            if not info.encoded:
                raise RuleViolation(
                    "rulebook_not_encoded",
                    f"Cycle {year} falls under {info.id}, which canbo does not encode yet: the "
                    f"handbook gives only its HTXS conditions. / Năm {year} thuộc {info.id}, "
                    "chưa được mã hóa: sổ tay chỉ có điều kiện mức HTXS.",
                    citation=Citation(info.documents[0], rule_id="CL132-01"),
                    year=year,
                    rulebook=str(info.id),
                )
            return info
    raise RuleViolation(
        "no_rulebook",
        f"No classification rulebook for cycle {year}. / Không có bộ quy tắc xếp loại cho năm "
        f"{year}.",
        citation=Citation("QĐ 132-QĐ/TW", rule_id="GEN-01"),
        year=year,
    )


def make_evaluator(info: RulebookInfo, params: Parameters) -> Evaluator:
    """Build the per-subject function of ``info`` once, with ``params`` bound (GEN-01)."""
    if info.id is RulebookId.QD366_HD43:
        return build_qd366(params)
    if info.id is RulebookId.QD124_HD25:
        return build_qd124(params)
    raise RuleViolation("rulebook_not_encoded", f"{info.id} is not encoded.", rulebook=str(info.id))
