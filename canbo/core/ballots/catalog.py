"""The rulebooks canbo knows for confidence votes and Party election ballots (GEN-01).

Dates are from the handbook's map of regulations and rules NA-01, CV (introduction), EL
(introduction). Where only a signing or adoption date is known, ``effective_from_confirmed`` is
false (GEN-03).
"""

from __future__ import annotations

import datetime as dt

from canbo.core.ballots.params import (
    CONFIDENCE_NA_PARAMS,
    CONFIDENCE_PARTY_PARAMS,
    ELECTION_PARAMS,
)
from canbo.core.ballots.rulebooks import Body, Domain, Regime, Rulebook, RulebookRegistry
from canbo.core.errors import Citation

_NA_BODIES = frozenset({Body.NATIONAL_ASSEMBLY, Body.PEOPLES_COUNCIL})
_PARTY = frozenset({Body.PARTY})

QD262_2014 = Rulebook(
    rulebook_id="QD262_2014",
    document="QĐ 262-QĐ/TW",
    domain=Domain.CONFIDENCE_VOTE,
    bodies=_PARTY,
    regime=Regime.QD262,
    effective_from=dt.date(2014, 10, 8),
    effective_to=dt.date(2023, 2, 1),
    specs=CONFIDENCE_PARTY_PARAMS,
    citation=Citation("QĐ 262-QĐ/TW", rule_id="CV (intro)"),
    superseded_by="QD96_2023",
    effective_from_confirmed=False,
    specified=False,  # the handbook does not describe QĐ 262's bands or denominators
)

QD96_2023 = Rulebook(
    rulebook_id="QD96_2023",
    document="QĐ 96-QĐ/TW",
    domain=Domain.CONFIDENCE_VOTE,
    bodies=_PARTY,
    regime=Regime.QD96,
    effective_from=dt.date(2023, 2, 2),
    effective_to=None,
    specs=CONFIDENCE_PARTY_PARAMS,
    citation=Citation("QĐ 96-QĐ/TW", rule_id="CV-01"),
)

NQ35_2012 = Rulebook(
    rulebook_id="NQ35_2012",
    document="NQ 35/2012/QH13",
    domain=Domain.CONFIDENCE_VOTE,
    bodies=_NA_BODIES,
    regime=Regime.NQ35,
    effective_from=dt.date(2012, 11, 21),
    effective_to=dt.date(2014, 11, 27),
    specs=CONFIDENCE_NA_PARAMS,
    citation=Citation("NQ 35/2012/QH13", rule_id="NA-01"),
    superseded_by="NQ85_2014",
    effective_from_confirmed=False,
)

NQ85_2014 = Rulebook(
    rulebook_id="NQ85_2014",
    document="NQ 85/2014/QH13",
    domain=Domain.CONFIDENCE_VOTE,
    bodies=_NA_BODIES,
    regime=Regime.NQ85,
    effective_from=dt.date(2014, 11, 28),
    effective_to=dt.date(2023, 6, 30),
    specs=CONFIDENCE_NA_PARAMS,
    citation=Citation("NQ 85/2014/QH13", rule_id="NA-01"),
    superseded_by="NQ96_2023",
    effective_from_confirmed=False,
)

NQ96_2023 = Rulebook(
    rulebook_id="NQ96_2023",
    document="NQ 96/2023/QH15",
    domain=Domain.CONFIDENCE_VOTE,
    bodies=_NA_BODIES,
    regime=Regime.NQ96,
    effective_from=dt.date(2023, 7, 1),
    effective_to=None,
    specs=CONFIDENCE_NA_PARAMS,
    citation=Citation("NQ 96/2023/QH15", rule_id="NA-01"),
)

QD244_2014 = Rulebook(
    rulebook_id="QD244_2014",
    document="QĐ 244-QĐ/TW",
    domain=Domain.PARTY_ELECTION,
    bodies=_PARTY,
    regime=Regime.QD244,
    effective_from=dt.date(2014, 6, 9),
    effective_to=dt.date(2024, 10, 9),
    specs=ELECTION_PARAMS,
    citation=Citation("QĐ 244-QĐ/TW", "Điều 17", rule_id="EL-13"),
    superseded_by="QD190_2024",
)

QD190_2024 = Rulebook(
    rulebook_id="QD190_2024",
    document="QĐ 190-QĐ/TW",
    domain=Domain.PARTY_ELECTION,
    bodies=_PARTY,
    regime=Regime.QD190,
    effective_from=dt.date(2024, 10, 10),
    effective_to=None,
    specs=ELECTION_PARAMS,
    citation=Citation("QĐ 190-QĐ/TW", "Điều 15", rule_id="EL-13"),
)

ALL_RULEBOOKS: tuple[Rulebook, ...] = (
    QD262_2014,
    QD96_2023,
    NQ35_2012,
    NQ85_2014,
    NQ96_2023,
    QD244_2014,
    QD190_2024,
)


def default_registry() -> RulebookRegistry:
    """The registry of every rulebook above, validated (no overlaps per domain and body)."""
    return RulebookRegistry(ALL_RULEBOOKS)
