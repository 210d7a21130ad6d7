"""What every kind codec shares: the sender's subtree as of a date in SQL, unit and person
codes instead of this installation's row ids, dates as ISO text, and the actor a received
bundle writes as.

Records name units and people by their stable codes (OR-14: names repeat, row ids differ
between installations); a record's ``unit`` is the code of a unit inside the scope unit's
subtree on the period's end date, which is what the receiver checks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.db import connection

from canbo.core.types import Role
from canbo.db.unit_tree import SUBTREE
from canbo.services.ports import Actor, Grant

CHUNK = 2000


def subtree_sql(select: str) -> str:
    """``select`` (which may say ``IN (SELECT unit_id FROM down)``) after the subtree CTE;
    the first three parameters are the root id and the as-of date twice."""
    return SUBTREE + select


def rows(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cur:
        cur.execute(sql, list(params))
        return list(cur.fetchall())


def stream(sql: str, params: Sequence[Any], size: int = CHUNK) -> Iterator[tuple[Any, ...]]:
    """The rows of ``sql`` fetched a chunk at a time (a province's results are large)."""
    with connection.cursor() as cur:
        cur.execute(sql, list(params))
        while True:
            chunk = cur.fetchmany(size)
            if not chunk:
                return
            yield from chunk


def chunks(values: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def placeholders(values: Sequence[Any]) -> str:
    return ", ".join(["%s"] * len(values))


def codes_of(table: str, ids: Iterable[int]) -> dict[int, str]:
    """``id → code`` of ``registry_orgunit`` or ``registry_person`` rows, read in chunks."""
    wanted = sorted({int(i) for i in ids if i is not None})
    out: dict[int, str] = {}
    for part in chunks(wanted):
        sql = f"SELECT id, code FROM {table} WHERE id IN ({placeholders(part)})"  # noqa: S608
        out.update({int(pk): str(code) for pk, code in rows(sql, part)})
    return out


def unit_codes(ids: Iterable[int]) -> dict[int, str]:
    return codes_of("registry_orgunit", ids)


def person_codes(ids: Iterable[int]) -> dict[int, str]:
    return codes_of("registry_person", ids)


def day(value: Any) -> str | None:
    """A stored date (a ``date`` on PostgreSQL, text on SQLite raw SQL) as ISO text."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)[:10]


def as_date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def bundle_actor(receipt_id: int) -> Actor:
    """Who writes what a bundle brings: the system, named by the bundle's receipt, so each
    audit entry of an import points back to the bundle (and its hash) that caused it."""
    return Actor(None, f"bundle:{receipt_id}", (Grant(Role.ADMIN, None),))
