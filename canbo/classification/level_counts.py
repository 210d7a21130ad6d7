"""The per-cycle statistics summary (``LevelCount``): subjects by top unit, kind and state.

A province's statistics form (biểu thống kê) would otherwise count about 160,000 subject rows
per request at national scale. The summary is counted when a cycle opens and moved by one
subject, in the writer's transaction, whenever a final level is written.
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import Sum

from canbo.core.classification.model import Level

from . import models

TABLE = "classification_cyclesubject"


def state_of(exemption: str, final_level: int | None) -> str:
    """The summary's state of a subject: ``exempt``, ``pending`` or its final level's code."""
    if exemption:
        return "exempt"
    return "pending" if final_level is None else Level(final_level).code


UPSERT_COUNT = (
    "INSERT INTO classification_levelcount (cycle_id, top_id, kind, state, subjects) "
    "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (cycle_id, top_id, kind, state) "
    "DO UPDATE SET subjects = classification_levelcount.subjects + excluded.subjects"
)


def move_level_count(cycle_id: int, top_id: int, kind: str, before: str, after: str) -> None:
    """One subject leaves ``before`` and enters ``after``; rows in a fixed order (no deadlock)."""
    deltas = sorted([(before, -1), (after, 1)])
    with connection.cursor() as cur:
        for state, delta in deltas:
            cur.execute(UPSERT_COUNT, [cycle_id, top_id, kind, state, delta])


REBUILD_COUNTS = (
    "INSERT INTO classification_levelcount (cycle_id, top_id, kind, state, subjects) "  # noqa: S608
    "SELECT cycle_id, top_id, kind, state, COUNT(*) FROM (SELECT cycle_id, top_id, kind, "
    "CASE WHEN exemption <> '' THEN 'exempt' WHEN final_level IS NULL THEN 'pending' "
    "WHEN final_level = 3 THEN 'HTXS' WHEN final_level = 2 THEN 'HTT' "
    "WHEN final_level = 1 THEN 'HT' ELSE 'KHT' END AS state "
    f"FROM {TABLE} WHERE cycle_id = %s) t GROUP BY cycle_id, top_id, kind, state"
)


def rebuild_level_counts(cycle_id: int) -> None:
    """Count the summary of a cycle afresh from its subjects (rows written outside the store)."""
    models.LevelCount.objects.filter(cycle_id=cycle_id).delete()
    with connection.cursor() as cur:
        cur.execute(REBUILD_COUNTS, [cycle_id])


def update_final_level(pk: int, changes: dict[str, Any]) -> None:
    """Write a subject's changes including ``final_level``; move it between states if needed."""
    qs = models.CycleSubject.objects.filter(pk=pk)
    row = qs.values_list("cycle_id", "top_id", "kind", "exemption", "final_level").first()
    qs.update(**changes)
    if row is not None:
        cycle_id, top_id, kind, exemption, old = row
        before, after = state_of(exemption, old), state_of(exemption, changes["final_level"])
        if before != after:
            move_level_count(cycle_id, top_id, kind, before, after)


def counts(cycle_id: int, top_id: int | None) -> list[tuple[str, str, int]]:
    """(kind, state, subjects): the whole cycle, or one unit directly under its root."""
    qs = models.LevelCount.objects.filter(cycle_id=cycle_id)
    if top_id is not None:
        qs = qs.filter(top_id=top_id)
    rows = qs.values_list("kind", "state").annotate(n=Sum("subjects"))
    return [(k, st, int(n)) for k, st, n in rows]
