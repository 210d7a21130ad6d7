"""Django adapter of the bulk import port, and the streaming queries of exports.

Writes go straight to the tables with ``executemany`` on SQLite and ``COPY`` on PostgreSQL,
in chunks, inside one transaction: a million people cannot go through the ORM one by one in
a minute. Person ids are reserved up front (``MAX(id)`` under SQLite's write lock, the
identity sequence on PostgreSQL) so memberships can be written without reading ids back.
The derived columns (split name, collation key) are computed here exactly as
:func:`canbo.registry.uow.person_fields` does.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Sequence
from typing import Any

from django.db import connection

from canbo.audit.log import DjangoAuditLog
from canbo.core.clock import SystemClock
from canbo.core.collation import sort_key, word_key
from canbo.core.importing import PersonRow, UnitRow
from canbo.core.names import split_name
from canbo.core.registry import pillar_of
from canbo.core.types import UnitId, UnitKind
from canbo.db import unit_tree
from canbo.db.transactions import AtomicWork
from canbo.db.unit_tree import DjangoTreeReader
from canbo.services.registry.imports import UnitRef

from . import models
from .constants import FOREVER
from .search_index import PendingEntries

PERSON_COLUMNS = (
    "id", "code", "full_name", "family_name", "middle_name", "given_name", "sort_key",
    "birth_date", "sex", "ethnicity", "hometown", "national_id", "party_card_number",
    "party_admission_date", "official_membership_date", "party_exit_date", "death_date",
)  # fmt: skip
MEMBERSHIP_COLUMNS = ("person_id", "unit_id", "valid_from", "valid_to", "end_reason")
_PARAMS_PER_QUERY = 5000  # well under SQLite's 32766 bound variables


@functools.lru_cache(maxsize=1 << 18)
def name_columns(full_name: str) -> tuple[str, str, str, str]:
    """Family, middle and given names and the list-order collation key of a full name.

    Cached: in a national file the same full name recurs many times, and the key is the
    costliest part of a row.
    """
    name = split_name(full_name)
    return name.family, name.middle, name.given, sort_key(full_name)


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


class DjangoBulkImportUnitOfWork(AtomicWork):
    """One transaction of bulk registry work; rolled back unless :meth:`commit` is called."""

    def __init__(self) -> None:
        super().__init__()
        self.tree = DjangoTreeReader()
        self.audit = DjangoAuditLog()
        self._next_id: int | None = None
        self._deferred_indexes: list[str] | None = None
        self._search = PendingEntries()

    def _before_begin(self) -> None:
        self._next_id = None
        self._deferred_indexes = None
        self._search.clear()

    def _before_commit(self) -> None:
        if self._deferred_indexes:
            _run(self._deferred_indexes)
        # The imported people and units enter the search index in the same transaction.
        self._search.flush(SystemClock().today())

    def unit_refs(self, as_of: dt.date) -> dict[str, UnitRef]:
        """Every unit by code; kind from the version valid on ``as_of``, else the latest."""
        rows = (
            models.UnitVersion.objects.order_by("unit_id", "valid_from")
            .values_list(
                "unit__code",
                "unit_id",
                "unit__valid_from",
                "unit__valid_to",
                "kind",
                "valid_from",
                "valid_to",
            )
            .iterator(chunk_size=5000)
        )
        refs: dict[str, UnitRef] = {}
        fixed: set[str] = set()
        for code, unit_id, start, end, kind, v_from, v_to in rows:
            if code in fixed:
                continue
            refs[code] = UnitRef(
                UnitId(unit_id), UnitKind(kind), start, None if end == FOREVER else end
            )
            if v_from <= as_of <= v_to:
                fixed.add(code)
        return refs

    def existing_person_codes(self, codes: Sequence[str]) -> set[str]:
        found: set[str] = set()
        table = models.Person._meta.db_table
        with connection.cursor() as cur:
            for at in range(0, len(codes), _PARAMS_PER_QUERY):
                part = list(codes[at : at + _PARAMS_PER_QUERY])
                if _is_postgres():
                    cur.execute(f"SELECT code FROM {table} WHERE code = ANY(%s)", [part])  # noqa: S608
                else:
                    marks = ",".join(["%s"] * len(part))
                    cur.execute(f"SELECT code FROM {table} WHERE code IN ({marks})", part)  # noqa: S608
                found.update(row[0] for row in cur.fetchall())
        return found

    def insert_people(self, rows: Sequence[PersonRow], unit_ids: Sequence[UnitId]) -> None:
        """People and their open cell memberships from ``member_since`` (OR-17)."""
        ids = self._reserve_person_ids(len(rows))
        self._search.people.update(ids)
        if self._deferred_indexes is None:
            self._deferred_indexes = _defer_indexes_if_empty()
        if _is_postgres():
            people = [_person_tuple(pid, p) for pid, p in zip(ids, rows, strict=True)]
            members = [
                (pid, unit_id, p.member_since, FOREVER, "")
                for pid, unit_id, p in zip(ids, unit_ids, rows, strict=True)
            ]
            _copy(models.Person._meta.db_table, PERSON_COLUMNS, people)
            _copy(models.Membership._meta.db_table, MEMBERSHIP_COLUMNS, members)
            return
        forever = FOREVER.isoformat()
        _executemany(
            models.Person._meta.db_table,
            PERSON_COLUMNS,
            [_sqlite_person_tuple(pid, p) for pid, p in zip(ids, rows, strict=True)],
        )
        _executemany(
            models.Membership._meta.db_table,
            MEMBERSHIP_COLUMNS,
            [
                (pid, unit_id, p.member_since.isoformat(), forever, "")
                for pid, unit_id, p in zip(ids, unit_ids, rows, strict=True)
            ],
        )

    def _reserve_person_ids(self, count: int) -> list[int]:
        table = models.Person._meta.db_table
        with connection.cursor() as cur:
            if _is_postgres():
                cur.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                    [table, count],
                )
                return [row[0] for row in cur.fetchall()]
            if self._next_id is None:
                # The transaction holds SQLite's write lock (IMMEDIATE), so MAX(id) is stable.
                cur.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")  # noqa: S608
                self._next_id = int(cur.fetchone()[0]) + 1
        first, self._next_id = self._next_id, self._next_id + count
        return list(range(first, first + count))

    def insert_units(
        self, rows: Sequence[UnitRow], parent_ids: Sequence[UnitId | None]
    ) -> list[UnitId]:
        """New units with their first versions (OR-15); ids in the order of ``rows``."""
        units = models.OrgUnit.objects.bulk_create(
            [
                models.OrgUnit(
                    code=u.code,
                    pillar=str(pillar_of(u.kind)),
                    valid_from=u.valid_from,
                    valid_to=u.valid_to or FOREVER,
                )
                for u in rows
            ]
        )
        models.UnitVersion.objects.bulk_create(
            _version(unit.pk, u, parent)
            for unit, u, parent in zip(units, rows, parent_ids, strict=True)
        )
        self._search.units.update(unit.pk for unit in units)
        return [UnitId(unit.pk) for unit in units]


def _version(unit_id: int, u: UnitRow, parent_id: UnitId | None) -> models.UnitVersion:
    return models.UnitVersion(
        unit_id=unit_id,
        name=u.name,
        kind=str(u.kind),
        level_class=str(u.level_class or ""),
        parent_id=parent_id,
        admin_code=u.admin_code,
        sort_key=word_key(u.name),
        legal_basis=u.legal_basis,
        valid_from=u.valid_from,
        valid_to=u.valid_to or FOREVER,
    )


def _person_tuple(pid: int, p: PersonRow) -> tuple[Any, ...]:
    family, middle, given, key = name_columns(p.full_name)
    return (
        pid, p.code, p.full_name, family, middle, given, key, p.birth_date, str(p.sex),
        p.ethnicity, p.hometown, p.national_id, p.party_card_number, p.party_admission_date,
        p.official_membership_date, None, None,
    )  # fmt: skip


def _sqlite_person_tuple(pid: int, p: PersonRow) -> tuple[Any, ...]:
    # sqlite3 would call Django's date adapter per value; ISO text is what it stores anyway.
    family, middle, given, key = name_columns(p.full_name)
    admitted, official = p.party_admission_date, p.official_membership_date
    return (
        pid, p.code, p.full_name, family, middle, given, key, p.birth_date.isoformat(),
        p.sex.value, p.ethnicity, p.hometown, p.national_id, p.party_card_number,
        admitted.isoformat() if admitted else None, official.isoformat() if official else None,
        None, None,
    )  # fmt: skip


def _run(statements: Sequence[str]) -> None:
    with connection.cursor() as cur:
        for sql in statements:
            cur.execute(sql)


def _defer_indexes_if_empty() -> list[str]:
    """On a first load into empty tables, drop the secondary indexes of people and
    memberships (and, on PostgreSQL, the membership foreign keys) now and rebuild them at
    commit (returned DDL): one sorted build is several times faster than a million random
    index inserts, and re-adding a foreign key checks all rows in one join. Same transaction,
    so a rollback puts them back; unique constraints stay, so duplicates are still refused."""
    tables = [models.Person._meta.db_table, models.Membership._meta.db_table]
    with connection.cursor() as cur:
        for table in tables:
            cur.execute(f"SELECT EXISTS (SELECT 1 FROM {table})")  # noqa: S608
            if cur.fetchone()[0]:
                return []
        pg = _is_postgres()
        cur.execute(
            _PG_DEFERRABLE if pg else _SQLITE_INDEXES, [*tables, tables[1]] if pg else tables
        )
        found = cur.fetchall()
        for table, name, _ in found:
            if name.startswith("CONSTRAINT "):
                cur.execute(f'ALTER TABLE "{table}" DROP {name}')
            else:
                cur.execute(f'DROP INDEX "{name}"')
    return [ddl for _, _, ddl in found]


_SQLITE_INDEXES = (
    "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    " AND tbl_name IN (%s, %s)"
)
# Indexes that back no constraint, then foreign keys (re-added after the indexes).
_PG_DEFERRABLE = """
SELECT tablename::text, indexname::text, indexdef FROM pg_indexes
WHERE tablename IN (%s, %s) AND indexname NOT IN (SELECT conname FROM pg_constraint)
UNION ALL
SELECT c.conrelid::regclass::text, 'CONSTRAINT "' || c.conname || '"',
       'ALTER TABLE ' || c.conrelid::regclass::text || ' ADD CONSTRAINT "' || c.conname
       || '" ' || pg_get_constraintdef(c.oid)
FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid::regclass::text = %s
"""


def _executemany(table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    marks = ", ".join(["?"] * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608
    connection.ensure_connection()
    connection.connection.executemany(sql, rows)


def _copy(table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    connection.ensure_connection()
    with connection.connection.cursor() as cur:
        with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def export_units(as_of: dt.date, root_id: UnitId | None) -> list[tuple[Any, ...]]:
    """Units valid on ``as_of`` (the subtree of ``root_id`` if given), parents first, in
    :data:`canbo.core.importing.UNIT_COLUMNS` order: a snapshot that imports back.

    A version's start is moved up to its parent's, so that each parent starts no later
    than its children (what the import checks).
    """
    qs = models.UnitVersion.objects.filter(valid_from__lte=as_of, valid_to__gte=as_of)
    if root_id is not None:
        qs = qs.filter(unit_id__in=unit_tree.subtree_ids(root_id, as_of))
    versions = {v.unit_id: v for v in qs.select_related("unit", "parent")}
    out: list[tuple[Any, ...]] = []
    start: dict[int, dt.date] = {}

    def visit(unit_id: int) -> None:
        v = versions[unit_id]
        parent = v.parent_id if v.parent_id in versions else None
        if parent is not None and parent not in start:
            visit(parent)
        start[unit_id] = max(v.valid_from, start[parent]) if parent else v.valid_from
        out.append(
            (
                v.unit.code,
                v.name,
                v.kind,
                v.parent.code if v.parent else "",
                v.level_class,
                v.admin_code,
                start[unit_id],
                None if v.valid_to == FOREVER else v.valid_to,
                v.legal_basis,
            )
        )

    for unit_id in sorted(versions, key=lambda i: versions[i].sort_key):
        if unit_id not in start:
            visit(unit_id)
    return out


def export_people(as_of: dt.date, unit_ids: Sequence[UnitId] | None) -> Iterator[tuple[Any, ...]]:
    """People in a cell on ``as_of`` (within ``unit_ids`` if given), in official list order
    (given, middle, family name), in :data:`PEOPLE_COLUMNS` order; streamed in chunks."""
    qs = models.Membership.objects.filter(valid_from__lte=as_of, valid_to__gte=as_of)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=list(unit_ids))
    yield from qs.order_by("person__sort_key", "person__code").values_list(
        "person__code", "person__full_name", "person__birth_date", "person__sex",
        "person__ethnicity", "person__hometown", "person__national_id",
        "person__party_card_number", "person__party_admission_date",
        "person__official_membership_date", "unit__code", "valid_from",
    ).iterator(chunk_size=5000)  # fmt: skip
