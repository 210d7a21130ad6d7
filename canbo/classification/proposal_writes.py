"""Writes of a compute page's proposals (the hot path of a national compute).

``rows`` are ``(proposed_level, proposed_rules, pk)`` triples (the layout the compute service
produces). One page is one call: ``executemany`` on SQLite, one join on ``unnest`` arrays on
PostgreSQL; the caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection

TABLE = "classification_cyclesubject"
UNNEST_UPDATE = (
    "UPDATE classification_cyclesubject t SET proposed_level = v.lvl, proposed_rules = v.why "
    "FROM unnest(%s::smallint[], %s::varchar[], %s::bigint[]) v(lvl, why, id) WHERE t.id = v.id"
)
ProposalRow = tuple[int | None, str, int]


def save_proposals(rows: Sequence[ProposalRow] | Any) -> None:
    """One page: ``executemany`` on SQLite, one join on ``unnest`` arrays on PostgreSQL."""
    if not rows:
        return
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute(UNNEST_UPDATE, [list(column) for column in zip(*rows, strict=True)])
            return
        cur.executemany(
            f"UPDATE {TABLE} SET proposed_level = %s, proposed_rules = %s WHERE id = %s",  # noqa: S608
            rows,
        )
