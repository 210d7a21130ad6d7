"""The Django adapter of the results reports' port: one SQL statement per report, each unit of
the subtree tagged by its branch (the unit itself, or the unit directly under it that it lies
under) with a recursive query over the tree as of the period's last day (OR-19, OR-20). The
statements run unchanged on SQLite and PostgreSQL; nothing loops over people in Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import connection

from canbo.congresses.choices import CongressStatus
from canbo.congresses.selectors import elected_by_congress
from canbo.core.types import UnitId
from canbo.db.unit_tree import DjangoTreeReader
from canbo.registry.models import UnitVersion
from canbo.services.reports.ports import (
    BandCount,
    Branch,
    CongressFacts,
    LevelCount,
    ReceivedFacts,
)
from canbo.voting.choices import Status

BRANCHES = """
WITH RECURSIVE down(unit_id, branch, depth) AS (
    SELECT CAST(%s AS BIGINT), CAST(%s AS BIGINT), 0
  UNION ALL
    SELECT v.unit_id, CASE WHEN down.depth = 0 THEN v.unit_id ELSE down.branch END,
           down.depth + 1
    FROM down JOIN registry_unitversion v ON v.parent_id = down.unit_id
    WHERE v.valid_from <= %s AND v.valid_to >= %s AND down.depth < 32
)
"""
"""Every unit of the subtree on a day with its branch (four parameters: root, root, day, day)."""

LEVELS = """
SELECT d.branch, s.kind, s.final_level, COUNT(*)
FROM classification_cyclesubject s
JOIN classification_cycle c ON c.id = s.cycle_id
JOIN down d ON d.unit_id = s.unit_id
WHERE c.status = 'published' AND c.year >= %s AND c.year <= %s
  AND s.exemption = '' AND s.final_level IS NOT NULL
GROUP BY d.branch, s.kind, s.final_level
"""

BANDS = """
SELECT d.branch, v.session_id, l.band, COUNT(*)
FROM voting_resultline l
JOIN voting_resultversion v ON v.id = l.version_id
JOIN voting_votesession s ON s.id = v.session_id
JOIN conferences_conference c ON c.id = s.conference_id
JOIN down d ON d.unit_id = c.unit_id
WHERE v.certified = %s AND c.held_on >= %s AND c.held_on <= %s AND s.status IN (%s, %s)
  AND v.number = (SELECT MAX(w.number) FROM voting_resultversion w
                  WHERE w.session_id = v.session_id AND w.certified = %s)
GROUP BY d.branch, v.session_id, l.band
"""
"""People of the latest certified version of each certified (or published) vote: a correction
certified later replaces the earlier lines, a vote being counted again is left out until it is
signed again; election rounds store no person lines, so only confidence votes count."""

CONGRESSES = """
SELECT d.branch, g.id, g.kind, g.status, g.opens_on
FROM congresses_congress g JOIN down d ON d.unit_id = g.unit_id
WHERE g.opens_on >= %s AND g.opens_on <= %s AND g.status IN (%s, %s)
ORDER BY g.opens_on, g.id
"""

SUBTREE_BRANCHES = "SELECT unit_id, branch FROM down"

HELD_HERE = {
    "classification": """
SELECT DISTINCT s.unit_id FROM classification_cyclesubject s
JOIN classification_cycle c ON c.id = s.cycle_id
WHERE c.status = 'published' AND c.year >= %s AND c.year <= %s
  AND (s.final_level IS NOT NULL OR s.exemption <> '')
  AND s.unit_id IN (SELECT unit_id FROM down)
""",
    "confidence": """
SELECT DISTINCT c.unit_id FROM voting_votesession s
JOIN conferences_conference c ON c.id = s.conference_id
WHERE c.held_on >= %s AND c.held_on <= %s AND s.status IN (%s, %s)
  AND c.unit_id IN (SELECT unit_id FROM down)
""",
    "congresses": """
SELECT DISTINCT g.unit_id FROM congresses_congress g
WHERE g.opens_on >= %s AND g.opens_on <= %s AND g.status IN (%s, %s)
  AND g.unit_id IN (SELECT unit_id FROM down)
""",
}
"""The units holding their own records of each report here (a received copy is not counted)."""

CHUNK = 500
MAX_BOUND_UNITS = 5000


def _fetch(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cur:
        cur.execute(sql, list(params))
        return [tuple(r) for r in cur.fetchall()]


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


class DjangoResultsReader:
    """:class:`canbo.services.reports.ports.ResultsReader` over the apps' tables."""

    def __init__(self) -> None:
        self.tree = DjangoTreeReader()

    @staticmethod
    def _down(unit_id: int, day: dt.date) -> list[Any]:
        return [unit_id, unit_id, day, day]

    def branches(self, unit_id: UnitId, as_of: dt.date) -> list[Branch]:
        current = UnitVersion.objects.filter(valid_from__lte=as_of, valid_to__gte=as_of)
        own = current.filter(unit_id=unit_id).values_list("name", flat=True).first()
        if own is None:
            return []
        children = current.filter(parent_id=unit_id).order_by("sort_key", "unit_id")
        return [
            Branch(unit_id, own, own=True),
            *(Branch(UnitId(u), n) for u, n in children.values_list("unit_id", "name")),
        ]

    def classification_levels(
        self, unit_id: UnitId, start: dt.date, end: dt.date
    ) -> list[LevelCount]:
        from canbo.core.classification.model import Level

        rows = _fetch(BRANCHES + LEVELS, [*self._down(unit_id, end), start.year, end.year])
        return [LevelCount(UnitId(b), k, Level(int(lv)).name, int(n)) for b, k, lv, n in rows]

    def confidence_bands(self, unit_id: UnitId, start: dt.date, end: dt.date) -> list[BandCount]:
        shown = [str(Status.CERTIFIED), str(Status.PUBLISHED)]
        params = [*self._down(unit_id, end), True, start, end, *shown, True]
        rows = _fetch(BRANCHES + BANDS, params)
        return [BandCount(UnitId(b), int(s), str(band), int(n)) for b, s, band, n in rows]

    def congresses(self, unit_id: UnitId, start: dt.date, end: dt.date) -> list[CongressFacts]:
        held = [str(CongressStatus.OPEN), str(CongressStatus.CLOSED)]
        rows = _fetch(BRANCHES + CONGRESSES, [*self._down(unit_id, end), start, end, *held])
        ids = [int(r[1]) for r in rows]
        elected: dict[int, list[Any]] = {}
        for i in range(0, len(ids), CHUNK):
            elected.update(elected_by_congress(ids[i : i + CHUNK]))
        return [
            CongressFacts(
                UnitId(b), int(cid), str(kind), status == CongressStatus.CLOSED, _day(opens),
                tuple(elected.get(int(cid), ())),
            )
            for b, cid, kind, status, opens in rows
        ]  # fmt: skip

    def held_here(self, kind: str, unit_id: UnitId, start: dt.date, end: dt.date) -> set[UnitId]:
        params: dict[str, list[Any]] = {
            "classification": [start.year, end.year],
            "confidence": [start, end, str(Status.CERTIFIED), str(Status.PUBLISHED)],
            "congresses": [start, end, str(CongressStatus.OPEN), str(CongressStatus.CLOSED)],
        }
        rows = _fetch(BRANCHES + HELD_HERE[kind], [*self._down(unit_id, end), *params[kind]])
        return {UnitId(int(r[0])) for r in rows}

    def received(
        self, kind: str, unit_id: UnitId, start: dt.date, end: dt.date
    ) -> list[ReceivedFacts]:
        from canbo.bundles.selectors import received_records

        branch_of = dict(_fetch(BRANCHES + SUBTREE_BRANCHES, self._down(unit_id, end)))
        # A national subtree has more units than a query may bind: read the kind, then cut.
        units = list(branch_of) if len(branch_of) <= MAX_BOUND_UNITS else None
        found = received_records(kind, units, (start, end))
        return [
            ReceivedFacts(
                UnitId(branch_of[r.unit_id]), UnitId(r.unit_id), r.sender, r.receipt_hash,
                r.received_at, dict(r.payload),
            )
            for r in found
            if r.unit_id in branch_of
        ]  # fmt: skip
