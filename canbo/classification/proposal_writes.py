"""Writes of computed proposals (the hot path of a national compute) to their narrow table.

``rows`` are ``(proposed_level, proposed_rules, pk)`` triples, the layout the compute service
produces; a proposal replaces the subject's earlier one. The caller owns the transaction.

- PostgreSQL: per page, one ``COPY`` of the page, after one ``DELETE … = ANY(ids)`` of the
  earlier proposals when the page's id range holds any (one probe of the primary key). A
  cycle's subjects are inserted collectives first, then individuals, so on a first compute no
  individuals' page finds any and the ``DELETE`` (a primary-key descent per id, about 30 s
  for a national cycle) is skipped. ``COPY`` costs about a
  quarter of an ``INSERT … SELECT FROM unnest(…)`` of the same rows and a fifth of an
  ``INSERT … ON CONFLICT``.
- SQLite: one ``executemany`` of an upsert (``INSERT … ON CONFLICT DO UPDATE``).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

TABLE = "classification_proposal"
ProposalRow = tuple[int | None, str, int]
"""``(proposed_level, proposed_rules, subject pk)``."""

PG_ANY_IN_RANGE = f"SELECT EXISTS (SELECT 1 FROM {TABLE} WHERE subject_id BETWEEN %s AND %s)"  # noqa: S608
PG_DELETE = f"DELETE FROM {TABLE} WHERE subject_id = ANY(%s::bigint[])"  # noqa: S608
PG_COPY = f"COPY {TABLE} (level, rules, subject_id) FROM STDIN"
UPSERT = (
    f"INSERT INTO {TABLE} (level, rules, subject_id) VALUES (%s, %s, %s) "  # noqa: S608
    "ON CONFLICT (subject_id) DO UPDATE SET level = excluded.level, rules = excluded.rules"
)


def save_proposals(rows: Sequence[ProposalRow]) -> None:
    """Write one page of proposals, replacing the subjects' earlier ones."""
    if not rows:
        return
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            ids = [pk for _level, _rules, pk in rows]
            cur.execute(PG_ANY_IN_RANGE, [min(ids), max(ids)])
            if cur.fetchone()[0]:
                cur.execute(PG_DELETE, [ids])
            with cur.cursor.copy(PG_COPY) as copy:
                for row in rows:
                    copy.write_row(row)
            return
        cur.executemany(UPSERT, rows)


def save_proposal(pk: int, level: int | None, rules: str) -> None:
    """One subject's proposal (a self-assessment step)."""
    save_proposals([(level, rules, pk)])
