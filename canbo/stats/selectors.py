"""The statistics reader: the services' ``StatsReader`` port over the registry's tables.

Each kind of count is one GROUP BY over the unit's subtree on the as-of date (OR-19, OR-20):
the subtree's unit ids are read once (the recursive query of :mod:`canbo.db.unit_tree`) and
written into each query as integer literals (no parameter limit); for the root of the whole
tree there is no cut at all. Nothing loops over people in Python, except the composition on
SQLite: its rows are streamed and counted in a dict, because SQLite groups by sorting every row
(twice the CPU for the nation's 5.3 million members).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from django.db import connection, transaction

from canbo.core.member_stats import band_born_after
from canbo.core.records import PartyEventKind
from canbo.core.stats.compare import LineageEdge
from canbo.core.stats.counts import (
    CompositionCount,
    LevelCount,
    MovementCount,
    StatsCounts,
    UnitRow,
)
from canbo.core.stats.labels import LEVEL_RANKS, level_for_rank
from canbo.core.stats.params import DEFAULT_PARAMS
from canbo.core.types import Pillar, UnitId
from canbo.db.unit_tree import SUBTREE, DjangoTreeReader
from canbo.services.ports import TreeReader
from canbo.services.stats.ports import UnitOnDate

DAY = dt.timedelta(days=1)


def _rows(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cur:
        cur.execute(sql, list(params))
        return list(cur.fetchall())


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


class Scope:
    """The units of a subtree on a date, as a SQL condition on a unit column."""

    def __init__(self, root: int, as_of: dt.date) -> None:
        rows = _rows(
            SUBTREE + "SELECT d.unit_id, v.parent_id, v.kind, v.level_class FROM down d"  # noqa: S608
            " JOIN registry_unitversion v ON v.unit_id = d.unit_id"
            " AND v.valid_from <= %s AND v.valid_to >= %s",
            [root, as_of, as_of, as_of, as_of],
        )
        self.units = [(int(u), None if p is None else int(p), str(k)) for u, p, k, _l in rows]
        self.levels = {int(u): str(lv or "") for u, _p, _k, lv in rows}
        # Memberships are in Party units only (OR-07): the root of the Party's tree needs no cut.
        roots = _rows(
            "SELECT COUNT(*) FROM registry_unitversion v"
            " JOIN registry_orgunit u ON u.id = v.unit_id WHERE v.parent_id IS NULL"
            " AND u.pillar = %s AND v.valid_from <= %s AND v.valid_to >= %s",
            [str(Pillar.PARTY), as_of, as_of],
        )
        party = _rows("SELECT pillar FROM registry_orgunit WHERE id = %s", [root])
        top = next((p for u, p, _k in self.units if u == root), 0)
        is_party = bool(party) and party[0][0] == str(Pillar.PARTY)
        self.whole = top is None and is_party and int(roots[0][0]) == 1

    def cut(self, column: str) -> str:
        """``AND column IN (...)``; ``column`` is a constant of the calling query."""
        if self.whole:
            return ""
        ids = ", ".join(str(u) for u, _p, _k in self.units) or "NULL"
        return f"AND {column} IN ({ids})"


def _age_case(age_on: dt.date) -> tuple[str, list[object]]:
    whens: list[str] = []
    params: list[object] = []
    bands = DEFAULT_PARAMS.age_bands
    for i, band in enumerate(bands):
        born_after = band_born_after(band, age_on)
        if born_after is not None:
            whens.append(f"WHEN p.birth_date > %s THEN {i}")
            params.append(born_after)
    return f"CASE {' '.join(whens)} ELSE {len(bands) - 1} END", params


def composition(
    scope: Scope, as_of: dt.date, start: dt.date, age_on: dt.date
) -> list[CompositionCount]:
    """Members on ``as_of`` by sex, age band, ethnicity, religion, official, admitted and
    recognized in the period (FRM-10): one pass over the members.

    The age band and the three flags travel as one integer (band × 8 + official + 2 × admitted
    + 4 × recognized): four columns instead of seven to group, fetch and count."""
    age, age_params = _age_case(age_on)
    sql = (
        f"SELECT p.sex, ({age}) * 8"  # noqa: S608 (constant fragments)
        " + CASE WHEN p.official_membership_date <= %s THEN 1 ELSE 0 END"
        " + CASE WHEN p.party_admission_date >= %s AND p.party_admission_date <= %s"
        " THEN 2 ELSE 0 END"
        " + CASE WHEN p.official_membership_date >= %s AND p.official_membership_date <= %s"
        " THEN 4 ELSE 0 END, p.ethnicity, p.religion "
        "FROM registry_membership m JOIN registry_person p ON p.id = m.person_id "
        f"WHERE m.valid_from <= %s AND m.valid_to >= %s {scope.cut('m.unit_id')}"
    )
    params: list[Any] = [*age_params, as_of, start, as_of, start, as_of, as_of, as_of]
    if connection.vendor == "sqlite":
        # SQLite groups by sorting every row (44 s for the nation's 5.3 million members under
        # load); counting the streamed rows in a dict costs half its CPU and a few kilobytes.
        counted: Counter[tuple[Any, ...]] = Counter()
        with connection.cursor() as cur:
            cur.execute(sql, params)
            while batch := cur.fetchmany(50_000):
                counted.update(batch)
        found = [(*key, n) for key, n in counted.items()]
    else:
        found = _rows(sql.replace(" FROM ", ", COUNT(*) FROM ", 1) + " GROUP BY 1, 2, 3, 4", params)
    return [
        CompositionCount(
            str(s),
            int(code) >> 3,
            str(e or ""),
            str(r or ""),
            bool(int(code) & 1),
            bool(int(code) & 2),
            bool(int(code) & 4),
            int(n),
        )
        for s, code, e, r, n in found
    ]


def levels(scope: Scope, as_of: dt.date, start: dt.date) -> list[LevelCount]:
    """Members on ``as_of`` by their highest declared level of general education,
    qualification and political theory (personal history items in force on ``as_of``).

    One GROUP BY counts the items by kind and level; the few people with several items of one
    kind are read again and counted once, at their highest level (ranking every item in SQL
    cost four times as much on a province)."""
    kinds = list(LEVEL_RANKS)
    marks = ", ".join(["%s"] * len(kinds))
    items = (
        "FROM registry_historyitem h JOIN registry_person p ON p.id = h.person_id "  # noqa: S608
        f"WHERE h.kind IN ({marks}) AND h.declared_on <= %s"
        " AND (h.ended_on IS NULL OR h.ended_on > %s) AND EXISTS ("
        " SELECT 1 FROM registry_membership m WHERE m.person_id = h.person_id"
        f" AND m.valid_from <= %s AND m.valid_to >= %s {scope.cut('m.unit_id')})"
    )
    admitted = (
        "CASE WHEN p.party_admission_date >= %s AND p.party_admission_date <= %s THEN 1 ELSE 0 END"
    )
    where = [*kinds, as_of, as_of, as_of, as_of]
    counted: Counter[tuple[str, str, bool]] = Counter()
    sql = f"SELECT h.kind, h.level, {admitted}, COUNT(*) {items} GROUP BY 1, 2, 3"
    for kind, level, adm, n in _rows(sql, [start, as_of, *where]):
        counted[(str(kind), str(level), bool(adm))] += int(n)
    several = (
        f"SELECT h.person_id, h.kind, h.level, {admitted} {items}"  # noqa: S608
        " AND (h.person_id, h.kind) IN ("
        f" SELECT person_id, kind FROM registry_historyitem WHERE kind IN ({marks})"
        " AND declared_on <= %s AND (ended_on IS NULL OR ended_on > %s)"
        " GROUP BY person_id, kind HAVING COUNT(*) > 1)"
    )
    best: dict[tuple[int, str], tuple[int, str, bool]] = {}
    for pid, kind, level, adm in _rows(several, [start, as_of, *where, *kinds, as_of, as_of]):
        k, lv, a = str(kind), str(level), bool(adm)
        counted[(k, lv, a)] -= 1
        rank = LEVEL_RANKS[k].get(lv, 0)
        if rank >= best.get((int(pid), k), (-1, "", a))[0]:
            best[(int(pid), k)] = (rank, lv, a)
    for (_pid, k), (_rank, lv, a) in best.items():
        counted[(k, lv, a)] += 1
    found: Counter[tuple[str, str, bool]] = Counter()
    for (kind, level, adm), n in counted.items():
        rank = LEVEL_RANKS[kind].get(level, 0)
        if rank and n:
            found[(kind, level_for_rank(kind, rank), adm)] += n
    return [LevelCount(k, lv, a, n) for (k, lv, a), n in sorted(found.items())]


def movement(scope: Scope, as_of: dt.date, start: dt.date) -> list[MovementCount]:
    """People whose membership in the subtree began or ended in the period, by whether they
    were members the day before it and on ``as_of``, and why (FRM-09)."""
    eve = start - DAY
    cut = scope.cut("m.unit_id")
    sql = (
        "SELECT s, e, "  # noqa: S608 (constant fragments)
        "CASE WHEN p.party_admission_date >= %s AND p.party_admission_date <= %s THEN 1 ELSE 0 END,"
        " CASE WHEN p.party_exit_date IS NOT NULL AND p.party_exit_date < %s THEN 1 ELSE 0 END,"
        " CASE WHEN p.death_date IS NOT NULL AND p.death_date <= %s THEN 1 ELSE 0 END,"
        " CASE WHEN EXISTS (SELECT 1 FROM registry_partyevent ev WHERE ev.person_id = p.id"
        "  AND ev.kind = %s AND ev.date >= %s AND ev.date <= %s) THEN 1 ELSE 0 END,"
        " CASE WHEN p.party_exit_date IS NOT NULL AND p.party_exit_date >= %s"
        "  AND p.party_exit_date <= %s THEN 1 ELSE 0 END, COUNT(*) "
        "FROM (SELECT m.person_id AS pid,"
        " MAX(CASE WHEN m.valid_from <= %s AND m.valid_to >= %s THEN 1 ELSE 0 END) AS s,"
        " MAX(CASE WHEN m.valid_from <= %s AND m.valid_to >= %s THEN 1 ELSE 0 END) AS e"
        f" FROM registry_membership m WHERE m.valid_to >= %s AND m.valid_from <= %s {cut}"
        " AND m.person_id IN (SELECT m.person_id FROM registry_membership m"
        f"  WHERE ((m.valid_from >= %s AND m.valid_from <= %s)"
        f"   OR (m.valid_to >= %s AND m.valid_to < %s)) {cut})"
        " GROUP BY m.person_id) x JOIN registry_person p ON p.id = x.pid "
        "WHERE x.s <> x.e GROUP BY 1, 2, 3, 4, 5, 6, 7"
    )
    params = [
        start, as_of, start, as_of, str(PartyEventKind.EXPELLED), start, as_of, start, as_of,
        eve, eve, as_of, as_of, eve, as_of, start, as_of, eve, as_of,
    ]  # fmt: skip
    return [
        MovementCount(bool(s), bool(e), bool(a), bool(r), bool(d), bool(x), bool(q), int(n))
        for s, e, a, r, d, x, q, n in _rows(sql, params)
    ]


def members_by_unit(scope: Scope, as_of: dt.date, eve: dt.date) -> dict[int, tuple[int, int]]:
    """Members of each unit on ``as_of`` and on ``eve`` (the day before the period): one pass
    over the membership index for both ends of Biểu 1."""
    sql = (
        "SELECT m.unit_id, "  # noqa: S608 (constant fragments)
        "SUM(CASE WHEN m.valid_from <= %s AND m.valid_to >= %s THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN m.valid_from <= %s AND m.valid_to >= %s THEN 1 ELSE 0 END) "
        f"FROM registry_membership m WHERE m.valid_to >= %s AND m.valid_from <= %s"
        f" {scope.cut('m.unit_id')} GROUP BY m.unit_id"
    )
    rows = _rows(sql, [as_of, as_of, eve, eve, min(eve, as_of), max(eve, as_of)])
    return {int(u): (int(n or 0), int(b or 0)) for u, n, b in rows}


def discipline(scope: Scope, as_of: dt.date, start: dt.date) -> dict[str, int]:
    """Discipline decisions of the period on members of the subtree on the decision's day."""
    sql = (
        "SELECT d.form, COUNT(*) FROM registry_disciplinerecord d "  # noqa: S608
        "WHERE d.decision_date >= %s AND d.decision_date <= %s AND EXISTS ("
        " SELECT 1 FROM registry_membership m WHERE m.person_id = d.person_id"
        f" AND m.valid_from <= d.decision_date AND m.valid_to >= d.decision_date"
        f" {scope.cut('m.unit_id')}) GROUP BY d.form"
    )
    return {str(f): int(n) for f, n in _rows(sql, [start, as_of])}


class DjangoStatsReader:
    """The ``StatsReader`` port over the registry's tables."""

    @property
    def tree(self) -> TreeReader:
        return DjangoTreeReader()

    def unit_on(self, unit_id: UnitId, on: dt.date) -> UnitOnDate | None:
        rows = _rows(
            "SELECT u.id, u.code, v.name, v.kind FROM registry_orgunit u"
            " JOIN registry_unitversion v ON v.unit_id = u.id"
            " WHERE u.id = %s AND v.valid_from <= %s AND v.valid_to >= %s",
            [unit_id, on, on],
        )
        if not rows:
            return None
        u, code, name, kind = rows[0]
        return UnitOnDate(int(u), str(code), str(name), str(kind))

    def unit_span(self, unit_id: UnitId) -> tuple[dt.date, dt.date] | None:
        rows = _rows(
            "SELECT MIN(valid_from), MAX(valid_to) FROM registry_unitversion WHERE unit_id = %s",
            [unit_id],
        )
        if not rows or rows[0][0] is None:
            return None
        return _date(rows[0][0]), _date(rows[0][1])

    def counts(
        self,
        unit_id: UnitId,
        as_of: dt.date,
        period_start: dt.date,
        age_on: dt.date | None = None,
    ) -> StatsCounts:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # Random reads are cheap on SSDs and a cached database: with the default cost
                # PostgreSQL scans every person for a province's 100,000 members (7x slower).
                with connection.cursor() as cur:
                    cur.execute("SET LOCAL random_page_cost = 1.1")
            return self._counts(unit_id, as_of, period_start, age_on)

    def _counts(
        self, unit_id: UnitId, as_of: dt.date, period_start: dt.date, age_on: dt.date | None
    ) -> StatsCounts:
        scope = Scope(unit_id, as_of)
        by_unit = members_by_unit(scope, as_of, period_start - DAY)
        units = tuple(
            UnitRow(u, p, k, by_unit.get(u, (0, 0))[0], scope.levels[u]) for u, p, k in scope.units
        )
        return StatsCounts(
            start_total=sum(b for _n, b in by_unit.values()),
            end_total=sum(n for n, _b in by_unit.values()),
            composition=tuple(composition(scope, as_of, period_start, age_on or as_of)),
            levels=tuple(levels(scope, as_of, period_start)),
            movement=tuple(movement(scope, as_of, period_start)),
            discipline=discipline(scope, as_of, period_start),
            units=units,
        )

    def lineage_into(self, unit_id: UnitId) -> list[LineageEdge]:
        rows = _rows(
            """
            WITH RECURSIVE back(unit_id, depth) AS (
                SELECT CAST(%s AS BIGINT), 0
              UNION
                SELECT l.predecessor_id, back.depth + 1
                FROM back JOIN registry_lineagelink l ON l.successor_id = back.unit_id
                WHERE back.depth < 16
            )
            SELECT DISTINCT l.predecessor_id, l.successor_id, e.date, l.share, l.weight
            FROM registry_lineagelink l JOIN registry_lineageevent e ON e.id = l.event_id
            WHERE l.successor_id IN (SELECT unit_id FROM back)
            """,
            [unit_id],
        )
        return [
            LineageEdge(
                int(p), int(s), _date(d), str(share) == "whole", None if w is None else w / 1000
            )
            for p, s, d, share, w in rows
        ]


def reader() -> DjangoStatsReader:
    """The statistics reader the pages, the CLI and other apps pass to the services."""
    return DjangoStatsReader()
