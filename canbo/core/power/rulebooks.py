"""The power-control rulebooks (handbook PC-01): QĐ 205-QĐ/TW (23/09/2019) and its successor
QĐ 114-QĐ/TW (11/07/2023, in force on signing). Selected by the date of the step (GEN-01).

Both carry the same parameters; QĐ 205 is the text that named the outgoing-head rule and the
fifth and sixth acts of "running for posts" (PC-05, PC-09), so under it those are confirmed
codes. Neither computes a result: the rules constrain the appointment and planning workflows.
"""

from __future__ import annotations

import datetime as dt

from canbo.core.errors import Citation, NotFound
from canbo.core.power.params import POWER_PARAMS
from canbo.core.rulebook import Body, Domain, Regime, Rulebook

QD114 = "QĐ 114-QĐ/TW"
QD205 = "QĐ 205-QĐ/TW"
POWER_RULES: tuple[str, ...] = tuple(f"PC-{n:02d}" for n in range(1, 22))

QD114_2023 = Rulebook(
    rulebook_id="QD114_2023",
    document=QD114,
    domain=Domain.POWER_CONTROL,
    bodies=frozenset({Body.PARTY}),
    regime=Regime.QD114,
    effective_from=dt.date(2023, 7, 11),
    effective_to=None,
    specs=POWER_PARAMS,
    citation=Citation(QD114, rule_id="PC-01"),
    documents=("QĐ 114-QĐ/TW (11/07/2023)",),
    rules=POWER_RULES,
)
QD205_2019 = Rulebook(
    rulebook_id="QD205_2019",
    document=QD205,
    domain=Domain.POWER_CONTROL,
    bodies=frozenset({Body.PARTY}),
    regime=Regime.QD205,
    effective_from=dt.date(2019, 9, 23),
    effective_to=dt.date(2023, 7, 10),
    specs=POWER_PARAMS,
    citation=Citation(QD205, rule_id="PC-01"),
    superseded_by=QD114_2023.rulebook_id,
    overrides={"pc_art4_items_5_6": ("A4_5", "A4_6")},
    documents=("QĐ 205-QĐ/TW (23/09/2019)",),
    rules=POWER_RULES,
)
POWER_RULEBOOKS: tuple[Rulebook, ...] = (QD205_2019, QD114_2023)


def power_rulebook(on: dt.date) -> Rulebook:
    """The power-control rulebook in force on the date of the step (GEN-01, PC-01); a step
    before QĐ 205 took effect is refused (``power_rulebook_not_covered``)."""
    for book in POWER_RULEBOOKS:
        if book.in_force_on(on):
            return book
    raise NotFound(
        "power_rulebook_not_covered",
        "No power-control rulebook covers this date.",
        citation=Citation(QD205, rule_id="PC-01"),
        date=on.isoformat(),
    )
