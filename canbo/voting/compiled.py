"""Read queries of the voting hot path with their SQL written once by the ORM.

On every cast the ORM spent longer compiling a small SELECT than the database spent running
it. Each query here is built once per database vendor and process from its ORM queryset with
placeholder arguments, checked to take exactly those arguments, and then run directly with the
request's values. The SQL is the ORM's own, so it is the same statement as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.db.models import QuerySet

_SQL: dict[tuple[str, str], str] = {}


def rows(
    name: str, query: Callable[..., QuerySet[Any]], placeholders: tuple[Any, ...], *args: Any
) -> list[tuple[Any, ...]]:
    """The rows of ``query(*args)``, compiled once as ``query(*placeholders)``."""
    key = (name, connection.vendor)
    sql = _SQL.get(key)
    if sql is None:
        sql, params = query(*placeholders).query.sql_with_params()
        if tuple(params) != placeholders:
            raise AssertionError(f"{name}: the arguments must be the only parameters")
        _SQL[key] = sql
    with connection.cursor() as cursor:
        cursor.execute(sql, args)
        return list(cursor.fetchall())
