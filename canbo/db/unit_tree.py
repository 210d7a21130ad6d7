"""The organization tree as of a date (OR-16, OR-19, OR-20): recursive CTEs over the registry's
tables that run unchanged on SQLite and PostgreSQL, and :class:`DjangoTreeReader`, the adapter
of the services' ``TreeReader`` port that every unit of work uses."""

from __future__ import annotations

import datetime as dt

from django.db import connection

from canbo.core.types import UnitId

_ANCESTORS = """
WITH RECURSIVE up(unit_id, depth) AS (
    SELECT CAST(%s AS BIGINT), 0
  UNION ALL
    SELECT v.parent_id, up.depth + 1
    FROM up JOIN registry_unitversion v ON v.unit_id = up.unit_id
    WHERE v.valid_from <= %s AND v.valid_to >= %s AND v.parent_id IS NOT NULL
      AND up.depth < 32
)
SELECT unit_id FROM up ORDER BY depth
"""

SUBTREE = """
WITH RECURSIVE down(unit_id, depth) AS (
    SELECT CAST(%s AS BIGINT), 0
  UNION ALL
    SELECT v.unit_id, down.depth + 1
    FROM down JOIN registry_unitversion v ON v.parent_id = down.unit_id
    WHERE v.valid_from <= %s AND v.valid_to >= %s AND down.depth < 32
)
"""

# IN (subquery) lets SQLite probe the membership index in unit-id order: about 8x faster than
# a join at 5 million members (bench/bench_national.py), and a unit is never counted twice.
_COUNT_MEMBERS = """
SELECT COUNT(*) FROM registry_membership m
WHERE m.unit_id IN (SELECT unit_id FROM down) AND m.valid_from <= %s AND m.valid_to >= %s
"""


def ancestors(unit_id: int, as_of: dt.date) -> list[UnitId]:
    """The unit and its ancestors valid on ``as_of``, nearest first; [] if not valid then."""
    with connection.cursor() as cur:
        cur.execute(
            "SELECT 1 FROM registry_unitversion WHERE unit_id = %s AND valid_from <= %s"
            " AND valid_to >= %s",
            [unit_id, as_of, as_of],
        )
        if cur.fetchone() is None:
            return []
        cur.execute(_ANCESTORS, [unit_id, as_of, as_of])
        return [UnitId(row[0]) for row in cur.fetchall()]


def subtree_ids(root_id: int, as_of: dt.date) -> list[UnitId]:
    """Every unit in the subtree of ``root_id`` (itself included) as of ``as_of``."""
    with connection.cursor() as cur:
        # Constant SQL fragments only; values are bound parameters.
        cur.execute(SUBTREE + "SELECT unit_id FROM down", [root_id, as_of, as_of])  # noqa: S608
        return [UnitId(row[0]) for row in cur.fetchall()]


def count_members(root_id: int, as_of: dt.date) -> int:
    """Party members whose cell lies in the subtree of ``root_id`` on ``as_of`` (OR-20)."""
    sql = SUBTREE + _COUNT_MEMBERS
    with connection.cursor() as cur:
        cur.execute(sql, [root_id, as_of, as_of, as_of, as_of])
        row = cur.fetchone()
        return int(row[0]) if row else 0


_PREDECESSORS = """
WITH RECURSIVE back(unit_id, depth) AS (
    SELECT CAST(%s AS BIGINT), 0
  UNION
    SELECT l.predecessor_id, back.depth + 1
    FROM back JOIN registry_lineagelink l ON l.successor_id = back.unit_id
    WHERE back.depth < 16
)
SELECT DISTINCT unit_id FROM back WHERE depth > 0
"""


def predecessors(unit_id: int) -> set[UnitId]:
    """Every unit that went into ``unit_id`` through lineage links, transitively (OR-16)."""
    with connection.cursor() as cur:
        cur.execute(_PREDECESSORS, [unit_id])
        return {UnitId(row[0]) for row in cur.fetchall()}


def unit_exists(unit_id: int) -> bool:
    with connection.cursor() as cur:
        cur.execute("SELECT 1 FROM registry_orgunit WHERE id = %s", [unit_id])
        return cur.fetchone() is not None


class DjangoTreeReader:
    """The services' ``TreeReader`` port over the queries above."""

    def ancestors(self, unit_id: UnitId, as_of: dt.date) -> list[UnitId]:
        return ancestors(unit_id, as_of)

    def unit_exists(self, unit_id: UnitId) -> bool:
        return unit_exists(unit_id)

    def predecessors(self, unit_id: UnitId) -> set[UnitId]:
        return predecessors(unit_id)
