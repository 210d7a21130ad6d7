"""Rulebooks of classification: the cycle year selects the rulebook (GEN-01, GEN-02, CL-01).

They are :class:`~canbo.core.rulebook.Rulebook` values like those of ballots; a cycle year
``Y`` falls in the period ``[Y-01-01, Y-12-31]``.

| Cycle | Rulebook | Handbook |
|---|---|---|
| 2025 onward | QD366_HD43 | CL-01 … CL-27 |
| 2023, 2024 | QD124_HD25 | CL124-01 … CL124-09 |
| 2019–2022 | QD132_HD21 | CL132-01 … CL132-06 — not encoded: the handbook gives only the HTXS
  conditions, not those of HTT, HT and KHT, so the engine refuses rather than guess |
| 2018 | QD132_HD16 | not encoded (HD 16 details not covered) |

The :class:`Regime` of a classification rulebook is how its input is graded (points under QĐ
366, criteria grades under QĐ 124 and QĐ 132); it also chooses the per-subject function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum

from canbo.core.classification.common import Evaluator
from canbo.core.classification.kht_cases import QD124_THRESHOLDS
from canbo.core.classification.param_specs import QD124_PARAMS, QD366_PARAMS
from canbo.core.classification.params import Parameters
from canbo.core.classification.qd124 import QD124_OWN_THRESHOLDS, build_qd124
from canbo.core.classification.qd366 import QD366_THRESHOLDS, build_qd366
from canbo.core.errors import Citation, RuleViolation
from canbo.core.rulebook import (
    Body,
    Domain,
    ParamSpec,
    Regime,
    Rulebook,
    RulebookRegistry,
    Threshold,
    cycle_period,
)

__all__ = [
    "CLASSIFICATION_RULEBOOKS",
    "QD124_HD25",
    "QD132_HD16",
    "QD132_HD21",
    "QD366_HD43",
    "Regime",
    "Rulebook",
    "RulebookId",
    "make_evaluator",
    "rulebook_for_cycle",
]


class RulebookId(StrEnum):
    QD366_HD43 = "QD366_HD43"
    QD124_HD25 = "QD124_HD25"
    QD132_HD21 = "QD132_HD21"
    QD132_HD16 = "QD132_HD16"


_PARTY = frozenset({Body.PARTY})
_CL = Domain.CLASSIFICATION


def _ids(prefix: str, *numbers: int) -> tuple[str, ...]:
    return tuple(f"{prefix}-{n:02d}" for n in numbers)


def _book(
    book_id: RulebookId,
    documents: tuple[str, ...],
    cycles: tuple[int, int | None],
    *,
    regime: Regime,
    specs: tuple[ParamSpec, ...],
    rules: tuple[str, ...],
    thresholds: tuple[Threshold, ...] = (),
    superseded_by: RulebookId | None = None,
    specified: bool = True,
) -> Rulebook:
    first, last = cycle_period(*cycles)
    main = documents[0].split(" (")[0]
    return Rulebook(
        rulebook_id=str(book_id),
        document=main,
        domain=_CL,
        bodies=_PARTY,
        regime=regime,
        effective_from=first,
        effective_to=last,
        specs=specs,
        citation=Citation(main, rule_id=rules[0]),
        superseded_by=str(superseded_by) if superseded_by else None,
        specified=specified,
        documents=documents,
        thresholds=thresholds,
        rules=rules,
    )


QD366_HD43 = _book(
    RulebookId.QD366_HD43,
    ("QĐ 366-QĐ/TW (30/08/2025)", "HD 43-HD/BTCTW (31/10/2025)"),
    (2025, None),
    regime=Regime.POINTS,
    specs=QD366_PARAMS,
    thresholds=QD366_THRESHOLDS,
    rules=(*_ids("CL", *range(1, 28)), "CV-23"),
)
QD124_HD25 = _book(
    RulebookId.QD124_HD25,
    ("QĐ 124-QĐ/TW (04/10/2023)", "HD 25-HD/BTCTW (10/11/2023)"),
    (2023, 2024),
    regime=Regime.GRADES,
    specs=QD124_PARAMS,
    thresholds=(*QD124_OWN_THRESHOLDS, *QD124_THRESHOLDS),
    rules=(*_ids("CL124", *range(1, 10)), *_ids("CL", 13, 14, 15, 17, 18, 19), "CV-23"),
    superseded_by=RulebookId.QD366_HD43,
)
QD132_HD21 = _book(
    RulebookId.QD132_HD21,
    ("QĐ 132-QĐ/TW (08/03/2018)", "HD 21-HD/BTCTW (18/10/2019)"),
    (2019, 2022),
    regime=Regime.GRADES,
    specs=(),
    rules=_ids("CL132", *range(1, 7)),
    superseded_by=RulebookId.QD124_HD25,
    specified=False,
)
QD132_HD16 = _book(
    RulebookId.QD132_HD16,
    ("QĐ 132-QĐ/TW (08/03/2018)", "HD 16-HD/BTCTW (24/09/2018)"),
    (2018, 2018),
    regime=Regime.GRADES,
    specs=(),
    rules=_ids("CL132", *range(1, 7)),
    superseded_by=RulebookId.QD132_HD21,
    specified=False,
)
CLASSIFICATION_RULEBOOKS: tuple[Rulebook, ...] = (QD366_HD43, QD124_HD25, QD132_HD21, QD132_HD16)
_REGISTRY = RulebookRegistry(CLASSIFICATION_RULEBOOKS)


def rulebook_for_cycle(year: int) -> Rulebook:
    """GEN-01, CL-01: the rulebook in force for the evaluation cycle ``year``.

    Raises ``RuleViolation`` (``no_rulebook``) before 2018 and ``rulebook_not_encoded`` for the
    QĐ 132 cycles, whose HTT, HT and KHT conditions the handbook does not give.
    """
    day = dt.date(year, 12, 31)
    for book in _REGISTRY.all():
        if book.domain is _CL and book.in_force_on(day):
            if not book.specified:
                raise RuleViolation(
                    "rulebook_not_encoded",
                    f"Cycle {year} falls under {book.id}, which canbo does not encode yet: the "
                    f"handbook gives only its HTXS conditions. / Năm {year} thuộc {book.id}, "
                    "chưa được mã hóa: sổ tay chỉ có điều kiện mức HTXS.",
                    citation=Citation(book.documents[0], rule_id="CL132-01"),
                    year=year,
                    rulebook=book.id,
                )
            return book
    raise RuleViolation(
        "no_rulebook",
        f"No classification rulebook for cycle {year}. / Không có bộ quy tắc xếp loại cho năm "
        f"{year}.",
        year=year,
    )


_BUILDERS: dict[Regime, Callable[[Parameters], Evaluator]] = {
    Regime.POINTS: build_qd366,
    Regime.GRADES: build_qd124,
}


def make_evaluator(book: Rulebook, params: Parameters) -> Evaluator:
    """Build the per-subject function of ``book`` once, with ``params`` bound (GEN-01): the
    function of its regime, if the handbook specifies the rulebook."""
    builder = _BUILDERS.get(book.regime)
    if not book.specified or builder is None:
        raise RuleViolation("rulebook_not_encoded", f"{book.id} is not encoded.", rulebook=book.id)
    return builder(params)
