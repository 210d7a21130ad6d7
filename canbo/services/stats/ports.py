"""The statistics context's port: a read-only view of the registry, counted in bulk.

The Django adapter is :func:`canbo.stats.selectors.reader` (one GROUP BY per kind of count,
cut to the unit's subtree as of the date); ``tests/fakes/stats.py`` is the in-memory fake.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from canbo.core.stats.compare import LineageEdge
from canbo.core.stats.counts import StatsCounts
from canbo.core.stats.model import StatsComparison, StatsReport
from canbo.core.types import UnitId
from canbo.services.ports import TreeReader

__all__ = [
    "LineageEdge",
    "StatsComparison",
    "StatsCounts",
    "StatsReader",
    "StatsReport",
    "UnitOnDate",
]


@dataclass(frozen=True, slots=True)
class UnitOnDate:
    """A unit as it stood on a date: code, name and kind of the version valid then."""

    unit_id: int
    code: str
    name: str
    kind: str


class StatsReader(Protocol):
    @property
    def tree(self) -> TreeReader: ...

    def unit_on(self, unit_id: UnitId, on: dt.date) -> UnitOnDate | None:
        """The unit's version valid on ``on``; ``None`` if the unit did not exist then."""
        ...

    def unit_span(self, unit_id: UnitId) -> tuple[dt.date, dt.date] | None:
        """The first and last day of the unit's life; ``None`` if there is no such unit."""
        ...

    def counts(
        self,
        unit_id: UnitId,
        as_of: dt.date,
        period_start: dt.date,
        age_on: dt.date | None = None,
    ) -> StatsCounts:
        """Every count of the report over the subtree of ``unit_id`` as of ``as_of``; ages
        in completed years on ``age_on`` (``as_of`` when not given; ``frm_age_basis``)."""
        ...

    def lineage_into(self, unit_id: UnitId) -> list[LineageEdge]:
        """Every lineage link that leads, transitively, into ``unit_id`` (OR-16)."""
        ...
