"""The attacker of the secrecy test: a database administrator with the database files.

What the attacker has, and uses:

* **SQLite**: copies of the data folder (the database file, its ``-wal`` and ``-shm``) taken
  while the server runs, after ``kill -9``, and at the end. The write-ahead log is decoded
  frame by frame and replayed commit by commit over the database file, so the attacker sees
  the state of every table after every committed transaction since the last checkpoint: who
  checked in in which transaction, which rows each cast added, in what order.
* **PostgreSQL**: the live cluster as a superuser at the same moments: every row's ``xmin``
  (the transaction that wrote it) and ``ctid`` (its place on the page), and with
  ``pageinspect`` the dead tuples that ``DELETE`` left behind, with their ``xmin``.

With that the attacker tries every linking it can think of (:func:`attack`): pair the persons,
in every order any table gives them, with the opened ballots, in every order any column gives
them; and pair each cast with the check-in just before it (adjacency in commit or transaction
order), then the k-th cast with the k-th opened ballot. Each attempt is scored against the
ground truth: how many voters it gives their own ballot.
"""

from __future__ import annotations

import itertools
import shutil
import sqlite3
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Rows = dict[int, tuple[Any, ...]]  # rowid -> row
Snapshot = dict[str, Rows]  # table -> rows; the columns are in COLUMNS
COLUMNS: dict[str, tuple[str, ...]] = {}

PERSON_TABLES = ("conferences_convocation", "conferences_checkin", "voting_participation")
CAST_TABLES = {"voting_spentcode", "voting_sealedballot"}


# --- taking the copies ---------------------------------------------------------------------


def take_snapshot(
    snapshot_dir: str | Path, name: str, *, data_dir: Path | None = None, url: str | None = None
) -> None:
    """Copy the data folder's database files (SQLite) or read the cluster (PostgreSQL)."""
    import os

    target = Path(snapshot_dir) / name
    target.mkdir(parents=True, exist_ok=True)
    url = os.environ.get("DATABASE_URL", "") if url is None else url
    if url:
        import json

        (target / "pg.json").write_text(json.dumps(pg_observe(url), default=str))
        return
    if data_dir is None:
        from django.conf import settings

        data_dir = Path(str(settings.DATABASES["default"]["NAME"])).parent
    for suffix in ("", "-wal", "-shm"):
        src = data_dir / f"canbo.sqlite3{suffix}"
        if src.exists():
            shutil.copyfile(src, target / src.name)


# --- SQLite: the write-ahead log, commit by commit -----------------------------------------


def wal_images(db: bytes, wal: bytes) -> list[bytes]:
    """The database file as it was after each commit the WAL holds (the first is the file)."""
    images = [db]
    if len(wal) < 32:
        return images
    _magic, _version, page_size, _seq, salt1, salt2, _c1, _c2 = struct.unpack(">8I", wal[:32])
    pages: dict[int, bytes] = {}
    frame = 24 + page_size
    offset = 32
    while offset + frame <= len(wal):
        pgno, commit, s1, s2 = struct.unpack(">4I", wal[offset : offset + 16])
        if (s1, s2) != (salt1, salt2):
            break  # frames of an older generation of the log
        pages[pgno] = wal[offset + 24 : offset + frame]
        if commit:
            image = bytearray(db[: commit * page_size].ljust(commit * page_size, b"\0"))
            for number, data in pages.items():
                if number <= commit:
                    image[(number - 1) * page_size : number * page_size] = data
            images.append(bytes(image))
        offset += frame
    return images


def read_image(image: bytes) -> Snapshot:
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(image[:18] + b"\x01\x01" + image[20:])  # as a rollback-journal file
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        snap: Snapshot = {}
        for name in names:
            try:
                cur = conn.execute(f'SELECT rowid, * FROM "{name}"')  # noqa: S608
                rows = cur.fetchall()
            except sqlite3.DatabaseError:
                continue
            COLUMNS[name] = tuple(d[0] for d in cur.description[1:])
            snap[name] = {int(r[0]): tuple(r[1:]) for r in rows}
        return snap
    finally:
        conn.close()


def sqlite_history(copy: Path) -> list[Snapshot]:
    """Every committed state the copy still holds, oldest first."""
    db = (copy / "canbo.sqlite3").read_bytes()
    wal_path = copy / "canbo.sqlite3-wal"
    wal = wal_path.read_bytes() if wal_path.exists() else b""
    return [read_image(image) for image in wal_images(db, wal)]


@dataclass
class Change:
    added: dict[str, Rows] = field(default_factory=dict)
    removed: dict[str, Rows] = field(default_factory=dict)

    @property
    def tables(self) -> set[str]:
        return set(self.added) | set(self.removed)


def changes(history: Sequence[Snapshot]) -> list[Change]:
    """What each commit added and removed (a changed row counts as removed and added)."""
    out = []
    for before, after in itertools.pairwise(history):
        change = Change()
        for table in set(before) | set(after):
            old, new = before.get(table, {}), after.get(table, {})
            added = {k: v for k, v in new.items() if old.get(k) != v}
            removed = {k: v for k, v in old.items() if new.get(k) != v}
            if added:
                change.added[table] = added
            if removed:
                change.removed[table] = removed
        out.append(change)
    return out


# --- PostgreSQL: xmin, ctid and the dead tuples ---------------------------------------------


def pg_observe(url: str) -> dict[str, Any]:
    """Every row of the vote's tables with xmin and ctid, and every tuple on their pages (dead
    ones included) with its xmin, through pageinspect."""
    import psycopg

    admin = url
    seen: dict[str, Any] = {"rows": {}, "tuples": {}}
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pageinspect")
        for table in (*PERSON_TABLES, *sorted(CAST_TABLES), "voting_ballot"):
            cur = conn.execute(
                f"SELECT xmin::text::bigint, ctid::text, * FROM {table}"  # noqa: S608
            )
            cols = [d.name for d in cur.description or ()]
            seen["rows"][table] = [
                {
                    c: (bytes(v).hex() if isinstance(v, bytes | memoryview) else v)
                    for c, v in zip(cols, r, strict=True)
                }
                for r in cur.fetchall()
            ]
            pages = conn.execute(
                "SELECT pg_relation_size(%s::regclass) / current_setting('block_size')::int",
                [table],
            ).fetchone()
            tuples = []
            for block in range(int(pages[0]) if pages else 0):
                tuples += conn.execute(
                    "SELECT %s, lp, t_xmin::text::bigint, t_xmax::text::bigint "
                    "FROM heap_page_items(get_raw_page(%s, %s)) WHERE t_xmin IS NOT NULL",
                    [block, table, block],
                ).fetchall()
            seen["tuples"][table] = tuples
    return seen


# --- the attempts ---------------------------------------------------------------------------


@dataclass
class Evidence:
    """What the attacker extracted: persons in every order, casts and check-ins in time order,
    and the opened ballots' marks in every order."""

    person_orders: dict[str, list[int]] = field(default_factory=dict)
    checkins: list[tuple[float, int]] = field(default_factory=list)  # (time, person)
    casts: list[float] = field(default_factory=list)  # times of casts
    ballot_orders: dict[str, list[str]] = field(default_factory=dict)


def _orders(rows: Rows, key_of: Any) -> dict[str, list[Any]]:
    """The rows' keys in the order of the rowid and of every column (ascending)."""
    if not rows:
        return {}
    width = len(next(iter(rows.values())))
    items = list(rows.items())
    out = {"rowid": [key_of(r) for _, r in sorted(items)]}
    for col in range(width):
        ranked = sorted(items, key=lambda it: (_sortable(it[1][col]), it[0]))
        out[f"col{col}"] = [key_of(r) for _, r in ranked]
    return out


def _col(table: str, row: tuple[Any, ...], column: str) -> Any:
    return row[COLUMNS[table].index(column)]


def sqlite_evidence(history: Sequence[Snapshot], final: Snapshot) -> Evidence:
    ev = Evidence()
    conv_person = {
        _col("conferences_convocation", r, "id"): _col("conferences_convocation", r, "person_id")
        for r in final.get("conferences_convocation", {}).values()
    }

    def person(table: str, row: tuple[Any, ...]) -> int | None:
        if table == "conferences_convocation":
            return int(_col(table, row, "person_id"))
        return conv_person.get(_col(table, row, "convocation_id"))

    for table in PERSON_TABLES:
        rows = final.get(table, {})
        for name, keys in _orders(rows, lambda r, t=table: person(t, r)).items():
            ev.person_orders[f"{table}.{name}"] = [k for k in keys if k is not None]
    for t, change in enumerate(changes(history)):
        for row in change.added.get("voting_participation", {}).values():
            who = person("voting_participation", row)
            if who is not None:
                ev.checkins.append((t, who))
        ev.casts += [t] * len(change.added.get("voting_sealedballot", {}))
    ev.person_orders["commit-order"] = list(dict.fromkeys(p for _, p in sorted(ev.checkins)))
    ballots = final.get("voting_ballot", {})
    ev.ballot_orders = _orders(ballots, lambda r: _col("voting_ballot", r, "marks"))
    return ev


def pg_evidence(seen: Sequence[dict[str, Any]]) -> Evidence:
    """Evidence from the PostgreSQL observations (the last one holds the opened ballots)."""
    ev = Evidence()
    last = seen[-1]
    conv_person = {r["id"]: r["person_id"] for r in last["rows"]["conferences_convocation"]}
    part = last["rows"]["voting_participation"]
    ev.checkins = sorted((r["xmin"], conv_person[r["convocation_id"]]) for r in part)
    casts: set[tuple[int, int, int]] = set()
    for obs in seen:
        for block, lp, xmin, _xmax in obs["tuples"]["voting_sealedballot"]:
            casts.add((xmin, block, lp))
    ev.casts = sorted(float(x) for x, _, _ in casts)
    for table in PERSON_TABLES:
        rows = last["rows"][table]
        for col in rows[0] if rows else ():
            ranked = sorted(rows, key=_pg_key(col))
            persons = [_pg_person(table, r, conv_person) for r in ranked]
            ev.person_orders[f"{table}.{col}"] = [p for p in persons if p is not None]
    ballots = last["rows"]["voting_ballot"]
    for col in ballots[0] if ballots else ():
        ev.ballot_orders[col] = [r["marks"] for r in sorted(ballots, key=_pg_key(col))]
    return ev


def _pg_key(col: str) -> Any:
    if col == "ctid":
        return lambda r: tuple(int(x) for x in r["ctid"].strip("()").split(","))
    return lambda r: _sortable(r[col])


def _sortable(value: Any) -> tuple[str, Any]:
    if isinstance(value, int | float | str | bytes):
        return (type(value).__name__, value)
    return (type(value).__name__, str(value))


def _pg_person(table: str, row: dict[str, Any], conv_person: dict[int, int]) -> int | None:
    if table == "conferences_convocation":
        return int(row["person_id"])
    return conv_person.get(row.get("convocation_id"))


def adjacency(ev: Evidence) -> list[int | None]:
    """The k-th cast's voter: the latest check-in before it not yet matched to a cast."""
    used: set[int] = set()
    out: list[int | None] = []
    for when in ev.casts:
        before = [p for t, p in ev.checkins if t <= when and p not in used]
        person = before[-1] if before else None
        if person is not None:
            used.add(person)
        out.append(person)
    return out


@dataclass(frozen=True)
class Attempt:
    name: str
    linked: int  # voters given their own ballot
    late_linked: int


def attack(ev: Evidence, truth: dict[int, str], late: Iterable[int]) -> list[Attempt]:
    """Every pairing of persons and opened ballots the evidence suggests, scored."""
    late_set = set(late)
    out = []

    def score(name: str, pairs: Iterable[tuple[int | None, str]]) -> None:
        hits = {p for p, marks in pairs if p is not None and truth.get(p) == marks}
        out.append(Attempt(name, len(hits), len(hits & late_set)))

    for pname, persons in ev.person_orders.items():
        for bname, marks in ev.ballot_orders.items():
            score(f"{pname} x {bname}", zip(persons, marks, strict=False))
            score(f"{pname} x {bname} (reversed)", zip(persons, reversed(marks), strict=False))
    voters = adjacency(ev)
    for bname, marks in ev.ballot_orders.items():
        score(f"adjacency x {bname}", zip(voters, marks, strict=False))
    return out
