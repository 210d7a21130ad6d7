"""An in-memory reader of the results reports: a tree (the same on every date) and the facts
each report reads, tagged by unit; the reader tags them by branch as the SQL does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from canbo.core.types import UnitId
from canbo.services.reports.ports import (
    BandCount,
    Branch,
    CongressFacts,
    LevelCount,
    ReceivedFacts,
)

from .classification import FakeTree


class DatedTree(FakeTree):
    """A tree whose units may end: a unit is not in the tree after its last day."""

    def __init__(self, parents: Mapping[UnitId, UnitId | None], ended: Mapping[UnitId, dt.date]):
        super().__init__(parents)
        self.ended = dict(ended)

    def ancestors(self, unit_id: UnitId, as_of: dt.date) -> list[UnitId]:
        chain = super().ancestors(unit_id, as_of)
        if any(as_of > self.ended[u] for u in chain if u in self.ended):
            return []
        return chain


@dataclass
class FakeResultsReader:
    """Units by parent and name; facts keyed by the unit they belong to (``branch`` is the
    unit itself when stored and becomes the branch when read)."""

    parents: Mapping[UnitId, UnitId | None]
    names: Mapping[UnitId, str]
    levels: list[LevelCount] = field(default_factory=list)
    bands: list[tuple[dt.date, BandCount]] = field(default_factory=list)
    held: list[CongressFacts] = field(default_factory=list)
    sent: list[tuple[str, ReceivedFacts]] = field(default_factory=list)
    level_years: list[int] = field(default_factory=list)
    ended: Mapping[UnitId, dt.date] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._tree = DatedTree(self.parents, self.ended)

    @property
    def tree(self) -> DatedTree:
        return self._tree

    def _branch(self, root: UnitId, unit: UnitId) -> UnitId | None:
        chain = self._tree.ancestors(unit, dt.date.min)
        if root not in chain:
            return None
        i = chain.index(root)
        return root if i == 0 else chain[i - 1]

    def branches(self, unit_id: UnitId, as_of: dt.date) -> list[Branch]:
        children = sorted(
            (u for u, p in self.parents.items() if p == unit_id), key=lambda u: self.names[u]
        )
        own = Branch(unit_id, self.names[unit_id], own=True)
        return [own, *(Branch(u, self.names[u]) for u in children)]

    def classification_levels(
        self, unit_id: UnitId, start: dt.date, end: dt.date
    ) -> list[LevelCount]:
        found = []
        for year, c in zip(self.level_years, self.levels, strict=True):
            branch = self._branch(unit_id, c.branch)
            if branch is not None and start.year <= year <= end.year:
                found.append(replace(c, branch=branch))
        return found

    def confidence_bands(self, unit_id: UnitId, start: dt.date, end: dt.date) -> list[BandCount]:
        found = []
        for day, b in self.bands:
            branch = self._branch(unit_id, b.branch)
            if branch is not None and start <= day <= end:
                found.append(replace(b, branch=branch))
        return found

    def congresses(self, unit_id: UnitId, start: dt.date, end: dt.date) -> list[CongressFacts]:
        found = []
        for c in self.held:
            branch = self._branch(unit_id, c.branch)
            if branch is not None and start <= c.opens_on <= end:
                found.append(replace(c, branch=branch))
        return found

    def held_here(self, kind: str, unit_id: UnitId, start: dt.date, end: dt.date) -> set[UnitId]:
        units: list[UnitId] = []
        if kind == "classification":
            units = [
                c.branch for y, c in zip(self.level_years, self.levels, strict=True)
                if start.year <= y <= end.year
            ]  # fmt: skip
        elif kind == "confidence":
            units = [b.branch for day, b in self.bands if start <= day <= end]
        elif kind == "congresses":
            units = [c.branch for c in self.held if start <= c.opens_on <= end]
        return {u for u in units if self._branch(unit_id, u) is not None}

    def received(
        self, kind: str, unit_id: UnitId, start: dt.date, end: dt.date
    ) -> Sequence[ReceivedFacts]:
        found = []
        for k, r in self.sent:
            branch = self._branch(unit_id, r.unit_id)
            if k == kind and branch is not None:
                found.append(replace(r, branch=branch))
        return found

    def add_level(self, unit: int, kind: str, level: str, n: int, year: int = 2025) -> None:
        self.levels.append(LevelCount(UnitId(unit), kind, level, n))
        self.level_years.append(year)

    def add_received(self, kind: str, unit: int, sender: str, payload: dict[str, Any]) -> None:
        at = dt.datetime(2026, 1, 5, 8, 0, tzinfo=dt.UTC)
        fact = ReceivedFacts(UnitId(unit), UnitId(unit), sender, "ab" * 32, at, payload)
        self.sent.append((kind, fact))
