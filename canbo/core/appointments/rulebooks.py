"""The planning and appointment rulebooks (handbook ``planning_and_appointment.md``, GEN-01).

Selected by the date of the step: QĐ 105-QĐ/TW (2017) until 17/08/2022 (QĐ 50-QĐ/TW for
planning from 27/12/2021), QĐ 80-QĐ/TW with QĐ 50 until 07/10/2025, QĐ 377-QĐ/TW from
08/10/2025. Planning before 27/12/2021 is not covered and is refused
(``planning_rulebook_not_covered``) rather than guessed. Each rulebook carries the common
parameters and the discipline parameters of its own text; its :class:`Regime` picks the
discipline rule in :mod:`canbo.core.appointments.eligibility`.
"""

from __future__ import annotations

import datetime as dt

from canbo.core.appointments.params import (
    AP_DISCIPLINE_WINDOW_START,
    AP_DISCIPLINE_WINDOWS_80,
    AP_DISCIPLINE_WINDOWS_105,
    AP_DISCIPLINE_WINDOWS_377,
    COMMON_PARAMS,
    PL_DISCIPLINE_EXPIRY_MONTHS,
    PL_DISCIPLINE_RULE_377,
)
from canbo.core.errors import Citation, NotFound, RuleViolation
from canbo.core.rulebook import Body, Domain, Regime, Rulebook

QD105 = "QĐ 105-QĐ/TW"
QD50 = "QĐ 50-QĐ/TW"
QD80 = "QĐ 80-QĐ/TW"
QD377 = "QĐ 377-QĐ/TW"
PLANNING_FROM = dt.date(2021, 12, 27)
"""QĐ 50-QĐ/TW in force: older planning guidance is not covered by the handbook."""


def _ids(prefix: str, *numbers: int) -> tuple[str, ...]:
    return tuple(f"{prefix}-{n:02d}" for n in numbers)


_STATE = (*_ids("ST", *range(1, 8)),)
_TERMS = _ids("TR", 1, 2, 3, 4, 5, 7)

QD105_2017 = Rulebook(
    rulebook_id="QD105_2017",
    document=QD105,
    documents=(f"{QD105} (19/12/2017)", f"{QD50} (27/12/2021, quy hoạch)"),
    domain=Domain.APPOINTMENT,
    bodies=frozenset({Body.PARTY}),
    regime=Regime.QD105,
    effective_from=dt.date(2017, 12, 19),
    effective_to=dt.date(2022, 8, 17),
    specs=(*COMMON_PARAMS, AP_DISCIPLINE_WINDOWS_105),
    citation=Citation(QD105, rule_id="AP-08"),
    superseded_by="QD80_2022",
    effective_from_confirmed=False,
    rules=(
        *_ids("PL", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15),
        *_ids("AP", *range(1, 11), *range(11, 20)),
        "RA-03",
        *_TERMS,
        *_STATE,
    ),
)

QD80_2022 = Rulebook(
    rulebook_id="QD80_2022",
    document=QD80,
    documents=(f"{QD80} (18/08/2022)", f"{QD50} (27/12/2021, quy hoạch)"),
    domain=Domain.APPOINTMENT,
    bodies=frozenset({Body.PARTY}),
    regime=Regime.QD80,
    effective_from=dt.date(2022, 8, 18),
    effective_to=dt.date(2025, 10, 7),
    specs=(*COMMON_PARAMS, AP_DISCIPLINE_WINDOWS_80),
    citation=Citation(QD80, rule_id="AP-08"),
    superseded_by="QD377_2025",
    rules=(
        *_ids("PL", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15),
        *_ids("AP", *range(1, 21)),
        "RA-03",
        *_TERMS,
        "TR-06",
        *_STATE,
    ),
)

QD377_2025 = Rulebook(
    rulebook_id="QD377_2025",
    document=QD377,
    documents=(f"{QD377} (08/10/2025)",),
    domain=Domain.APPOINTMENT,
    bodies=frozenset({Body.PARTY}),
    regime=Regime.QD377,
    effective_from=dt.date(2025, 10, 8),
    effective_to=None,
    specs=(
        *COMMON_PARAMS,
        AP_DISCIPLINE_WINDOWS_377,
        AP_DISCIPLINE_WINDOW_START,
        PL_DISCIPLINE_RULE_377,
        PL_DISCIPLINE_EXPIRY_MONTHS,
    ),
    citation=Citation(QD377, rule_id="PL-11"),
    rules=(
        *_ids("PL", 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16),
        *_ids("AP", *range(1, 21)),
        "RA-03",
        *_TERMS,
        "TR-06",
        *_STATE,
    ),
)

APPOINTMENT_RULEBOOKS: tuple[Rulebook, ...] = (QD105_2017, QD80_2022, QD377_2025)
NOT_COVERED = Citation(QD50, rule_id="PL-01")


def appointment_rulebook(on: dt.date) -> Rulebook:
    """The rulebook in force on the date of the step (GEN-01), or ``NotFound``."""
    for book in APPOINTMENT_RULEBOOKS:
        if book.in_force_on(on):
            return book
    raise NotFound(
        "no_rulebook_in_force",
        body=str(Body.PARTY),
        date=on.isoformat(),
        domain=str(Domain.APPOINTMENT),
    )


def planning_rulebook(on: dt.date) -> Rulebook:
    """As :func:`appointment_rulebook`; planning before 27/12/2021 (QĐ 50) is refused."""
    if on < PLANNING_FROM:
        raise RuleViolation(
            "planning_rulebook_not_covered",
            citation=NOT_COVERED,
            date=on.isoformat(),
            covered_from=PLANNING_FROM.isoformat(),
        )
    return appointment_rulebook(on)
