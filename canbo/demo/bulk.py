"""Raw bulk loading for the demo: ``executemany`` in large chunks, ids assigned by the caller.

The ORM costs tens of microseconds per row; the national demo writes more than ten million
rows, so rows go straight to the tables. On SQLite the load runs with the journal and fsync
off and the secondary indexes of the big tables dropped, then rebuilt once and analysed; the
database is a fresh demo that a failed load simply rebuilds. On PostgreSQL the sequences are
moved past the ids used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection

CHUNK = 20_000

Row = tuple[Any, ...]


class IdAllocator:
    """Next primary key per table, starting after the ids already stored."""

    def __init__(self) -> None:
        self._next: dict[str, int] = {}

    def take(self, table: str, count: int = 1) -> int:
        """Reserve ``count`` consecutive ids and return the first."""
        if table not in self._next:
            with connection.cursor() as cur:
                cur.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")  # noqa: S608
                self._next[table] = int(cur.fetchone()[0]) + 1
        first = self._next[table]
        self._next[table] = first + count
        return first


class BulkWriter:
    """Insert rows with ``executemany``; optionally with the big tables' indexes dropped."""

    def __init__(self) -> None:
        self.is_sqlite = connection.vendor == "sqlite"
        self._dropped: list[str] = []
        self.counts: dict[str, int] = {}

    def insert(self, table: str, columns: Sequence[str], rows: Iterable[Row]) -> int:
        """Insert every row (tuples in ``columns`` order); returns the number written."""
        sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - names are constants
            table, ", ".join(columns), ", ".join(["%s"] * len(columns))
        )
        written = 0
        iterator = iter(rows)
        with connection.cursor() as cur:
            while chunk := list(islice(iterator, CHUNK)):
                cur.executemany(sql, chunk)
                written += len(chunk)
        self.counts[table] = self.counts.get(table, 0) + written
        return written

    def begin_bulk(self, tables: Sequence[str]) -> None:
        """SQLite: no journal, no fsync, big cache, no FK checks; drop the tables' indexes."""
        if not self.is_sqlite:
            return
        with connection.cursor() as cur:
            for pragma in (
                "PRAGMA journal_mode=OFF",
                "PRAGMA synchronous=OFF",
                "PRAGMA foreign_keys=OFF",
                "PRAGMA cache_size=-1048576",
                "PRAGMA temp_store=MEMORY",
            ):
                cur.execute(pragma)
            cur.execute(
                "SELECT name, sql, tbl_name FROM sqlite_master"
                " WHERE type = 'index' AND sql IS NOT NULL"
            )
            found = [(n, s) for n, s, table in cur.fetchall() if table in tables]
            for name, sql in found:
                cur.execute(f'DROP INDEX "{name}"')
                self._dropped.append(sql)

    def end_bulk(self, check_foreign_keys: bool) -> list[tuple[Any, ...]]:
        """Rebuild the dropped indexes, restore the pragmas, refresh the planner statistics
        (both engines).

        Returns the foreign-key violations found (checked only when asked: it scans every
        table).
        """
        problems: list[tuple[Any, ...]] = []
        if not self.is_sqlite:
            self._reset_sequences()
            return problems
        with connection.cursor() as cur:
            for sql in self._dropped:
                # IF NOT EXISTS: a rolled-back DROP must not turn the rebuild into an error.
                cur.execute(
                    re.sub(r"^CREATE (UNIQUE )?INDEX ", r"CREATE \1INDEX IF NOT EXISTS ", sql)
                )
            self._dropped.clear()
            if check_foreign_keys:
                cur.execute("PRAGMA foreign_key_check")
                problems = list(cur.fetchall())
            cur.execute("PRAGMA analysis_limit=2000")
            cur.execute("ANALYZE")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
        return problems

    def _reset_sequences(self) -> None:
        models = [
            m for app in ("registry", "accounts") for m in apps.get_app_config(app).get_models()
        ]
        with connection.cursor() as cur:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cur.execute(sql)
            # Fresh planner statistics, as on SQLite: left to autovacuum, a page read right
            # after the load may be planned on the counts of the empty tables (seconds, not ms).
            for model in models:
                cur.execute(f'ANALYZE "{model._meta.db_table}"')
