"""An in-memory ``StatsReader``: units with dated versions, members with dated cells, and a
plain-Python count of what the Django reader asks the database (the reference the SQL is
checked against in spirit: the same definitions, person by person)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from canbo.core import member_stats as ms
from canbo.core.stats.compare import LineageEdge
from canbo.core.stats.counts import (
    CompositionCount,
    MovementCount,
    StatsCounts,
    UnitRow,
)
from canbo.core.types import UnitId
from canbo.services.stats.ports import UnitOnDate
from tests.fakes.elections import FakeTree

FOREVER = dt.date(9999, 12, 31)
DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class FakeVersion:
    code: str
    name: str
    kind: str
    parent: int | None
    valid_from: dt.date
    valid_to: dt.date = FOREVER
    level: str = ""


@dataclass(frozen=True)
class FakeStint:
    unit: int
    valid_from: dt.date
    valid_to: dt.date = FOREVER


@dataclass
class FakeMember:
    person_id: int
    stints: list[FakeStint]
    sex: str = "M"
    birth: dt.date = dt.date(1980, 1, 1)
    ethnicity: str = "Kinh"
    religion: str = ""
    admitted: dt.date = dt.date(2000, 1, 1)
    official: dt.date | None = dt.date(2001, 1, 1)
    died: dt.date | None = None
    exited: dt.date | None = None


@dataclass
class FakeStatsReader:
    units: dict[int, list[FakeVersion]] = field(default_factory=dict)
    members: list[FakeMember] = field(default_factory=list)
    edges: list[LineageEdge] = field(default_factory=list)
    parents: dict[UnitId, UnitId | None] = field(default_factory=dict)

    @property
    def tree(self) -> FakeTree:
        return FakeTree(self.parents)

    def _version(self, unit_id: int, on: dt.date) -> FakeVersion | None:
        return next(
            (v for v in self.units.get(unit_id, ()) if v.valid_from <= on <= v.valid_to), None
        )

    def unit_on(self, unit_id: UnitId, on: dt.date) -> UnitOnDate | None:
        v = self._version(unit_id, on)
        return None if v is None else UnitOnDate(unit_id, v.code, v.name, v.kind)

    def unit_span(self, unit_id: UnitId) -> tuple[dt.date, dt.date] | None:
        versions = self.units.get(unit_id)
        if not versions:
            return None
        return min(v.valid_from for v in versions), max(v.valid_to for v in versions)

    def _subtree(self, root: int, on: dt.date) -> set[int]:
        found = {root} if self._version(root, on) else set()
        grew = True
        while grew:
            grew = False
            for u in self.units:
                v = self._version(u, on)
                if u not in found and v is not None and v.parent in found:
                    found.add(u)
                    grew = True
        return found

    @staticmethod
    def _in(m: FakeMember, scope: set[int], day: dt.date) -> bool:
        return any(s.unit in scope and s.valid_from <= day <= s.valid_to for s in m.stints)

    def counts(
        self,
        unit_id: UnitId,
        as_of: dt.date,
        period_start: dt.date,
        age_on: dt.date | None = None,
    ) -> StatsCounts:
        scope = self._subtree(unit_id, as_of)
        eve = period_start - DAY
        composition: Counter[tuple[str, int, str, str, bool, bool, bool]] = Counter()
        movement: Counter[tuple[bool, bool, bool, bool, bool, bool, bool]] = Counter()
        per_unit: Counter[int] = Counter()
        start_total = 0
        for m in self.members:
            s, e = self._in(m, scope, eve), self._in(m, scope, as_of)
            start_total += s
            if e:
                per_unit[next(x.unit for x in m.stints if x.valid_from <= as_of <= x.valid_to)] += 1
                key = (
                    m.sex,
                    ms.band_index(m.birth, age_on or as_of),
                    m.ethnicity,
                    m.religion,
                    m.official is not None and m.official <= as_of,
                    period_start <= m.admitted <= as_of,
                    m.official is not None and period_start <= m.official <= as_of,
                )
                composition[key] += 1
            if s != e:
                movement[
                    (
                        s,
                        e,
                        period_start <= m.admitted <= as_of,
                        m.exited is not None and m.exited < period_start,
                        m.died is not None and m.died <= as_of,
                        False,
                        m.exited is not None and period_start <= m.exited <= as_of,
                    )
                ] += 1
        units = tuple(
            UnitRow(u, v.parent, v.kind, per_unit[u], v.level)
            for u in sorted(scope)
            if (v := self._version(u, as_of)) is not None
        )
        return StatsCounts(
            start_total=start_total,
            end_total=sum(per_unit.values()),
            composition=tuple(CompositionCount(*k, n) for k, n in composition.items()),
            levels=(),
            movement=tuple(MovementCount(*k, n) for k, n in movement.items()),
            units=units,
        )

    def lineage_into(self, unit_id: UnitId) -> list[LineageEdge]:
        wanted, found = {int(unit_id)}, []
        grew = True
        while grew:
            grew = False
            for e in self.edges:
                if e.successor in wanted and e not in found:
                    found.append(e)
                    wanted.add(e.predecessor)
                    grew = True
        return found
