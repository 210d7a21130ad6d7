"""The search index of people and units: writing its rows and asking its text index.

One ``SearchEntry`` per person and per unit (``canbo.core.search_text`` folds the words).
The registry's writes keep it current: the repositories of ``canbo.registry.uow`` reindex
what they touch, the bulk import reindexes the people and units it inserts, and the demo
rebuilds it once after its load (:func:`rebuild`). The ``scope`` tokens name the units above
an entry as of the day it was written; a change of parent or a reorganization reindexes the
moved subtree, and ``canbo manage rebuild_search_index`` refreshes everything (for changes
dated in the future that have since come into force).

Queries never scan: on SQLite the FTS5 table ``registry_search_fts`` answers ``MATCH``; on
PostgreSQL the GIN index ``registry_search_tsv`` answers ``@@`` on the same expression.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.db import connection

from canbo.core.search_text import ScopeTokens, join_keys, person_keys, unit_keys
from canbo.db import unit_tree

KIND_PERSON = "p"
KIND_UNIT = "u"
_TABLE = "registry_searchentry"
_CHUNK = 20_000
_PG_VECTOR = "canbo_search_vector(keys, context, scope)"
_PG_PREFIX = 8

Row = tuple[str, int, str, str, str]
# The same trigger as the migration creates; rebuild() drops it while it fills the table.
_SQLITE_INSERT_TRIGGER = """CREATE TRIGGER IF NOT EXISTS registry_searchentry_ai
    AFTER INSERT ON registry_searchentry BEGIN
        INSERT INTO registry_search_fts(rowid, keys, context, scope)
        VALUES (new.id, new.keys, new.context, new.scope);
    END"""


def _is_sqlite() -> bool:
    return connection.vendor == "sqlite"


# Reading the registry ---------------------------------------------------------------------


def _versions(unit_ids: Sequence[int] | None) -> list[tuple[Any, ...]]:
    """``(unit_id, name, parent_id, valid_from, valid_to)`` of the units' versions, in order."""
    where = "" if unit_ids is None else f" WHERE unit_id IN ({', '.join(['%s'] * len(unit_ids))})"
    columns = "unit_id, name, parent_id, valid_from, valid_to"
    sql = f"SELECT {columns} FROM registry_unitversion{where} ORDER BY unit_id, valid_from"  # noqa: S608
    with connection.cursor() as cur:
        cur.execute(sql, list(unit_ids or []))
        return list(cur.fetchall())


def _on_day(versions: list[tuple[Any, ...]], day: dt.date) -> dict[int, tuple[Any, ...]]:
    """Each unit's version on ``day``; for a unit not in force then, its last version."""
    chosen: dict[int, tuple[Any, ...]] = {}
    fixed: set[int] = set()
    iso = day.isoformat()
    for row in versions:
        if row[0] in fixed:
            continue
        chosen[row[0]] = row
        if str(row[3]) <= iso <= str(row[4]):
            fixed.add(row[0])
    return chosen


class _Tree:
    """Parents and names of units on a day: all of them at once for a rebuild, or fetched
    on demand, a level at a time, for the few units one write touches."""

    def __init__(self, day: dt.date, *, whole: bool) -> None:
        self.day = day
        self._rows = _on_day(_versions(None), day) if whole else {}
        self._whole = whole
        self._memo: dict[int, tuple[int, ...]] = {}

    def _row(self, unit_id: int) -> tuple[Any, ...] | None:
        if unit_id not in self._rows and not self._whole:
            self._rows.update(_on_day(_versions([unit_id]), self.day))
        return self._rows.get(unit_id)

    def name(self, unit_id: int | None) -> str:
        row = self._row(unit_id) if unit_id is not None else None
        return str(row[1]) if row else ""

    def chain(self, unit_id: int | None) -> tuple[int, ...]:
        """The unit and every unit above it, nearest first."""
        if unit_id is None:
            return ()
        found = self._memo.get(unit_id)
        if found is None:
            row = self._row(unit_id)
            parent = row[2] if row else None
            above = self.chain(parent) if parent is not None and parent != unit_id else ()
            found = (unit_id, *above[:32])
            self._memo[unit_id] = found
        return found


def _unit_rows(unit_ids: Sequence[int] | None, tree: _Tree) -> Iterator[Row]:
    where = "" if unit_ids is None else f" WHERE v.unit_id IN ({', '.join(['%s'] * len(unit_ids))})"
    tables = "registry_unitversion v JOIN registry_orgunit u ON u.id = v.unit_id"
    columns = "v.unit_id, u.code, v.name, v.admin_code"
    sql = f"SELECT {columns} FROM {tables}{where} ORDER BY v.unit_id, v.valid_from"  # noqa: S608
    with connection.cursor() as cur:
        cur.execute(sql, list(unit_ids or []))
        rows = cur.fetchall()
    by_unit: dict[int, list[tuple[Any, ...]]] = {}
    for row in rows:
        by_unit.setdefault(row[0], []).append(row)
    for unit_id, versions in by_unit.items():
        keys = unit_keys([v[2] for v in versions], [versions[0][1], *(v[3] for v in versions)])
        chain = tree.chain(unit_id)
        context = join_keys([tree.name(chain[1])]) if len(chain) > 1 else ""
        yield (KIND_UNIT, unit_id, keys, context, ScopeTokens.for_entry(ScopeTokens.UNIT, chain))


_PEOPLE_SQL = """
SELECT p.id, p.full_name, p.code, p.birth_date, p.national_id,
       (SELECT m.unit_id FROM registry_membership m WHERE m.person_id = p.id
        ORDER BY CASE WHEN m.valid_from <= %s AND m.valid_to >= %s THEN 0 ELSE 1 END,
                 m.valid_from DESC LIMIT 1)
FROM registry_person p {where} ORDER BY p.id
"""


def _person_rows(person_ids: Sequence[int] | None, tree: _Tree) -> Iterator[Row]:
    where = "" if person_ids is None else f"WHERE p.id IN ({', '.join(['%s'] * len(person_ids))})"
    day = tree.day
    with connection.cursor() as cur:
        cur.execute(_PEOPLE_SQL.format(where=where), [day, day, *(person_ids or [])])
        while batch := cur.fetchmany(_CHUNK):
            for pid, full_name, code, birth, national_id, cell in batch:
                birth_day = birth if isinstance(birth, dt.date) else dt.date.fromisoformat(birth)
                keys = person_keys(full_name, code, birth_day, national_id or "")
                scope = ScopeTokens.for_entry(ScopeTokens.PERSON, tree.chain(cell))
                yield (KIND_PERSON, pid, keys, "", scope)


# Writing the index ------------------------------------------------------------------------


def _replace(kind: str, ids: Sequence[int], rows: Iterable[Row]) -> None:
    with connection.cursor() as cur:
        for at in range(0, len(ids), 500):
            part = list(ids[at : at + 500])
            marks = ", ".join(["%s"] * len(part))
            cur.execute(
                f"DELETE FROM {_TABLE} WHERE kind = %s AND object_id IN ({marks})",  # noqa: S608
                [kind, *part],
            )
    _insert(rows)


def _insert(rows: Iterable[Row]) -> int:
    sql = (
        f"INSERT INTO {_TABLE} (kind, object_id, keys, context, scope) VALUES (%s, %s, %s, %s, %s)"  # noqa: S608
    )
    written = 0
    iterator = iter(rows)
    with connection.cursor() as cur:
        while chunk := list(islice(iterator, _CHUNK)):
            cur.executemany(sql, chunk)
            written += len(chunk)
    return written


def reindex_people(person_ids: Iterable[int], day: dt.date, tree: _Tree | None = None) -> None:
    """Rewrite the entries of these people (after a create, an edit or a transfer)."""
    ids = sorted({int(p) for p in person_ids})
    tree = tree or _Tree(day, whole=len(ids) > 5000)
    for at in range(0, len(ids), 500):
        part = ids[at : at + 500]
        _replace(KIND_PERSON, part, list(_person_rows(part, tree)))


def reindex_units(unit_ids: Iterable[int], day: dt.date, tree: _Tree | None = None) -> None:
    """Rewrite the entries of these units (after a create, a rename or a new version)."""
    ids = sorted({int(u) for u in unit_ids})
    tree = tree or _Tree(day, whole=len(ids) > 500)
    for at in range(0, len(ids), 500):
        part = ids[at : at + 500]
        _replace(KIND_UNIT, part, list(_unit_rows(part, tree)))


def _below(roots: Iterable[int], day: dt.date) -> list[int]:
    """The roots and every unit below them on ``day`` (or ever below, for an ended root)."""
    found: set[int] = set()
    for root in roots:
        found.update(unit_tree.subtree_ids(root, day))
        found.add(root)
    todo = list(found)
    with connection.cursor() as cur:
        # Children of any version, so that a unit ended before ``day`` takes its old subtree.
        while todo:
            part, todo = todo[:500], todo[500:]
            marks = ", ".join(["%s"] * len(part))
            cur.execute(
                f"SELECT DISTINCT unit_id FROM registry_unitversion WHERE parent_id IN ({marks})",  # noqa: S608
                part,
            )
            new = {row[0] for row in cur.fetchall()} - found
            found.update(new)
            todo.extend(new)
    return sorted(found)


def reindex_subtrees(roots: Iterable[int], day: dt.date) -> None:
    """Rewrite the entries of units, every unit below them and every person in them (after a
    change of parent or a reorganization: the scope tokens of all of them change)."""
    units = _below(roots, day)
    if not units:
        return
    tree = _Tree(day, whole=len(units) > 500)
    reindex_units(units, day, tree)
    people: set[int] = set()
    with connection.cursor() as cur:
        for at in range(0, len(units), 500):
            part = units[at : at + 500]
            marks = ", ".join(["%s"] * len(part))
            cur.execute(
                f"SELECT DISTINCT person_id FROM registry_membership WHERE unit_id IN ({marks})",  # noqa: S608
                part,
            )
            people.update(row[0] for row in cur.fetchall())
    reindex_people(people, day, tree)


@dataclass
class PendingEntries:
    """What a unit of work touched, reindexed once just before it commits."""

    people: set[int] = field(default_factory=set)
    units: set[int] = field(default_factory=set)
    subtrees: set[int] = field(default_factory=set)

    def flush(self, day: dt.date) -> None:
        if self.subtrees:
            reindex_subtrees(self.subtrees, day)
        if self.units - self.subtrees:
            reindex_units(self.units, day)
        if self.people:
            reindex_people(self.people, day)
        self.clear()

    def clear(self) -> None:
        self.people.clear()
        self.units.clear()
        self.subtrees.clear()


def rebuild(day: dt.date) -> int:
    """Empty the index and write every person and unit again; returns the entries written."""
    tree = _Tree(day, whole=True)
    with connection.cursor() as cur:
        cur.execute(f"DELETE FROM {_TABLE}")  # noqa: S608
        if _is_sqlite():
            # Fill without the row triggers, then build the text index in one pass.
            cur.execute("DROP TRIGGER IF EXISTS registry_searchentry_ai")
            cur.execute(
                "INSERT INTO registry_search_fts(registry_search_fts) VALUES ('delete-all')"
            )
    written = _insert(_unit_rows(None, tree))
    written += _insert(_person_rows(None, tree))
    if _is_sqlite():
        with connection.cursor() as cur:
            cur.execute("INSERT INTO registry_search_fts(registry_search_fts) VALUES ('rebuild')")
            cur.execute("INSERT INTO registry_search_fts(registry_search_fts) VALUES ('optimize')")
            cur.execute(_SQLITE_INSERT_TRIGGER)
    return written


# Asking the index -------------------------------------------------------------------------


def _fts5_query(words: Sequence[str], kinds: Iterable[str], roots: Iterable[int] | None) -> str:
    terms = [f'{{keys context}} : "{w}"*' for w in words]
    tokens = {KIND_PERSON: ScopeTokens.PERSON, KIND_UNIT: ScopeTokens.UNIT}
    kind_terms = [f'scope : "{tokens[k]}"' for k in sorted(kinds)]
    if len(kind_terms) == 1:
        terms.append(kind_terms[0])
    if roots is not None:
        scope_terms = [f'scope : "{ScopeTokens.unit(r)}"' for r in sorted(roots)]
        terms.append("(" + " OR ".join(scope_terms) + ")")
    return " AND ".join(terms)


def _ts_query(words: Sequence[str], kinds: Iterable[str], roots: Iterable[int] | None) -> str:
    # Prefixes of up to eight letters are terms of the index (the migration's function).
    terms = [f"{w}:A" if len(w) <= _PG_PREFIX else f"{w}:*A" for w in words]
    tokens = {KIND_PERSON: ScopeTokens.PERSON, KIND_UNIT: ScopeTokens.UNIT}
    kind_terms = [f"{tokens[k]}:D" for k in sorted(kinds)]
    if len(kind_terms) == 1:
        terms.append(kind_terms[0])
    if roots is not None:
        terms.append("(" + " | ".join(f"{ScopeTokens.unit(r)}:D" for r in sorted(roots)) + ")")
    return " & ".join(terms)


def match(
    words: Sequence[str], kinds: Iterable[str], roots: Iterable[int] | None, limit: int
) -> list[tuple[str, int]]:
    """Up to ``limit`` entries ``(kind, object_id)`` whose words start with every one of
    ``words`` (folded, ``[a-z0-9]`` only), of the given kinds, and tagged with one of
    ``roots`` (``None``: anywhere). In index order; the caller sorts the few it shows."""
    kinds = [k for k in kinds if k in (KIND_PERSON, KIND_UNIT)]
    if not words or not kinds or (roots is not None and not list(roots)):
        return []
    if any(not w.isascii() or not w.isalnum() for w in words):
        raise ValueError("search words must be folded first")
    with connection.cursor() as cur:
        if _is_sqlite():
            cur.execute(
                f"SELECT e.kind, e.object_id FROM {_TABLE} e WHERE e.id IN ("  # noqa: S608
                "SELECT rowid FROM registry_search_fts WHERE registry_search_fts MATCH %s"
                " LIMIT %s)",
                [_fts5_query(words, kinds, roots), limit],
            )
        else:
            found = _pg_name_prefix(cur, words, kinds, limit) if roots is None else []
            if found:
                return found
            cur.execute(
                f"SELECT kind, object_id FROM {_TABLE}"  # noqa: S608
                f" WHERE {_PG_VECTOR} @@ to_tsquery('simple'::regconfig, %s) LIMIT %s",
                [_ts_query(words, kinds, roots), limit],
            )
        return [(kind, int(object_id)) for kind, object_id in cur.fetchall()]


def _pg_name_prefix(
    cur: Any, words: Sequence[str], kinds: Sequence[str], limit: int
) -> list[tuple[str, int]]:
    """PostgreSQL, whole tree: entries whose keys begin with the words as typed ("nguyen
    van a" → a person's name in written order), read lazily from the B-tree
    ``registry_search_keys``. A GIN index answers a bitmap of every match before the first
    row, which for the commonest family names ("nguyen": two million people) costs more than
    the target; names typed in their written order are the usual case."""
    one_kind = list(kinds) if len(kinds) == 1 else []
    kind_filter = " AND kind = %s" if one_kind else ""
    cur.execute(
        f"SELECT kind, object_id FROM {_TABLE} WHERE keys LIKE %s{kind_filter} LIMIT %s",  # noqa: S608
        [" ".join(words) + "%", *one_kind, limit],
    )
    return [(kind, int(object_id)) for kind, object_id in cur.fetchall()]
