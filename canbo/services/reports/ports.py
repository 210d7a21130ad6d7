"""What the results reports read (port of the reports context; no Django).

A results report rolls records of a unit's subtree up by branch (OR-20): the unit's own
records, then one row per unit directly under it, each counting its whole subtree, as the tree
stood on the last day of the period (OR-19). The reader answers with facts already tagged by
branch; the service (:mod:`canbo.services.reports.results`) counts, totals and cites.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from canbo.core.types import UnitId
from canbo.services.congresses.overview import ElectedFacts
from canbo.services.ports import TreeReader


@dataclass(frozen=True, slots=True)
class Branch:
    """A row of a report: the unit itself (``own``) or a unit directly under it."""

    unit_id: UnitId
    name: str
    own: bool = False


@dataclass(frozen=True, slots=True)
class LevelCount:
    """Published subjects of one branch by kind (``collective``, ``leader``, ``individual``,
    ``member_outside``) and final level code (``HTXS``, ``HTT``, ``HT``, ``KHT``)."""

    branch: UnitId
    kind: str
    level: str
    subjects: int


@dataclass(frozen=True, slots=True)
class BandCount:
    """People of one certified confidence vote (QĐ 96) by band (``none``, ``B``, ``C``)."""

    branch: UnitId
    session_id: int
    band: str
    people: int


@dataclass(frozen=True, slots=True)
class CongressFacts:
    """A congress of the subtree opened in the period, with the people elected to its new
    committee (the elections context's one selector)."""

    branch: UnitId
    congress_id: int
    kind: str
    closed: bool
    opens_on: dt.date
    elected: tuple[ElectedFacts, ...] = ()


@dataclass(frozen=True, slots=True)
class ReceivedFacts:
    """One record a lower installation sent in a signed bundle (not in this database)."""

    branch: UnitId
    unit_id: UnitId
    sender: str
    receipt: str  # the bundle's SHA-256
    received_at: dt.datetime
    payload: dict[str, Any] = field(default_factory=dict)


class ResultsReader(Protocol):
    """The read side of the results reports, cut to one subtree and one period."""

    @property
    def tree(self) -> TreeReader:
        """The organization tree (access checks, the unit on the period's last day)."""
        ...

    def branches(self, unit_id: UnitId, as_of: dt.date) -> list[Branch]:
        """The unit (``own``) then the units directly under it on ``as_of``, in tree order."""
        ...

    def classification_levels(
        self, unit_id: UnitId, start: dt.date, end: dt.date
    ) -> list[LevelCount]:
        """Final levels of published cycles whose year falls in the period (CL-27)."""
        ...

    def confidence_bands(self, unit_id: UnitId, start: dt.date, end: dt.date) -> list[BandCount]:
        """Lines of the latest certified version of each confidence vote held in the period."""
        ...

    def congresses(self, unit_id: UnitId, start: dt.date, end: dt.date) -> list[CongressFacts]:
        """Congresses of the subtree opened in the period, with the people elected."""
        ...

    def held_here(self, kind: str, unit_id: UnitId, start: dt.date, end: dt.date) -> set[UnitId]:
        """Units of the subtree whose own records of the report ``kind`` (``classification``,
        ``confidence``, ``congresses``) for the period are in this database."""
        ...

    def received(
        self, kind: str, unit_id: UnitId, start: dt.date, end: dt.date
    ) -> Sequence[ReceivedFacts]:
        """Current records of ``kind`` that lower installations sent for the subtree."""
        ...
