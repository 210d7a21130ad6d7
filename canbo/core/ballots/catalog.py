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
from canbo.core.errors import Citation
from canbo.core.rulebook import (
    Body,
    Comparison,
    Domain,
    Regime,
    Rulebook,
    RulebookRegistry,
    Threshold,
)

_NA_BODIES = frozenset({Body.NATIONAL_ASSEMBLY, Body.PEOPLES_COUNCIL})
_PARTY = frozenset({Body.PARTY})
AT_LEAST, MORE_THAN = Comparison.AT_LEAST, Comparison.MORE_THAN


def _ids(prefix: str, *numbers: int) -> tuple[str, ...]:
    return tuple(f"{prefix}-{n:02d}" for n in numbers)


# QĐ 96-QĐ/TW, Điều 11 (CV-17, CV-18) and the conference quorum (CV-07). Whether exactly 2/3
# is already band C is ``cv_band_c_inclusive``; the base is ``cv_band_denominator``.
QD96_THRESHOLDS = (
    Threshold("quorum", 2, 3, AT_LEAST, "convened", "CV-07"),
    Threshold(
        "band_c",
        2,
        3,
        AT_LEAST,
        "cv_band_denominator",
        "CV-18",
        "Điều 11",
        ("dismiss_and_reassign_lower",),
    ),
    Threshold(
        "band_b",
        1,
        2,
        MORE_THAN,
        "cv_band_denominator",
        "CV-17",
        "Điều 11",
        ("remove_from_higher_planning", "consider_measure"),
    ),
)
# NQ 35/2012 (NA-08): strictly more than 2/3 of all deputies; more than half two years running.
NQ35_THRESHOLDS = (
    Threshold(
        "band_c",
        2,
        3,
        MORE_THAN,
        "total_deputies",
        "NA-08",
        "Điều 11",
        ("no_confidence_vote", "may_resign"),
    ),
    Threshold("band_b", 1, 2, MORE_THAN, "total_deputies", "NA-08", "Điều 11", ("may_resign",)),
    Threshold(
        "two_years_running",
        1,
        2,
        MORE_THAN,
        "total_deputies",
        "NA-08",
        "Điều 11",
        ("no_confidence_vote",),
    ),
)
# NQ 85/2014 (NA-09): 2/3 or more of all deputies leads to a vote of no confidence.
NQ85_THRESHOLDS = (
    Threshold(
        "band_c",
        2,
        3,
        AT_LEAST,
        "total_deputies",
        "NA-09",
        "",
        ("no_confidence_vote", "may_resign"),
    ),
    Threshold("band_b", 1, 2, MORE_THAN, "total_deputies", "NA-09", "", ("may_resign",)),
)
# NQ 96/2023 (NA-10, NA-11, NA-12): counted on the total ballots; the top band leads straight
# to dismissal; a vote of no confidence lost by more than half leads to dismissal.
NQ96_THRESHOLDS = (
    Threshold("band_c", 2, 3, AT_LEAST, "na_nq96_denominator", "NA-10", "", ("submit_dismissal",)),
    Threshold(
        "band_b",
        1,
        2,
        MORE_THAN,
        "na_nq96_denominator",
        "NA-10",
        "",
        ("may_resign_else_no_confidence_vote",),
    ),
    Threshold(
        "no_confidence",
        1,
        2,
        MORE_THAN,
        "na_nc_denominator",
        "NA-11",
        "",
        ("submit_dismissal_after_no_confidence",),
    ),
)
_NA_COMMON = (1, 5, 7, 12, 13, 14)

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
    thresholds=QD96_THRESHOLDS,
    rules=_ids("CV", *range(1, 25)),
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
    thresholds=NQ35_THRESHOLDS,
    rules=_ids("NA", *sorted((*_NA_COMMON, 3, 8))),
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
    thresholds=NQ85_THRESHOLDS,
    rules=_ids("NA", *sorted((*_NA_COMMON, 3, 9))),
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
    thresholds=NQ96_THRESHOLDS,
    rules=_ids("NA", *sorted((*_NA_COMMON, 2, 4, 6, 10, 11, 15, 16))),
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
    rules=_ids("EL", 1, 2, 3, 4, *range(6, 35)),
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
    rules=_ids("EL", *range(1, 39)),
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
