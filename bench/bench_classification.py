"""National classification cycle benchmark (performance).

Targets: computing every proposed level, forced failure, cap and quota check of a national
cycle (about 5.3 M members, 52,000 grassroots organizations) ≤ 60 s on two cores with peak
memory ≤ 2 GiB; a cell's review page and a province's statistics page ≤ 200 ms p95.

    python bench/bench_classification.py --demo /tmp/canbo-national --data-dir DIR [--serial]
    DATABASE_URL=... python bench/bench_classification.py --data-dir DIR   # demo built there

Data: with ``--demo DIR`` (a folder made by ``canbo demo --scale national``) the demo's SQLite
file is copied into the data folder; on PostgreSQL the demo is built in that database first.
A cycle is then opened on the registry with ``open_cycle`` (subjects as of 2025-12-31) and
every subject self-assessed by one SQL update. Without a demo registry the script writes
synthetic subjects of the same size straight into the database. ``compute_proposals`` runs in
a child process (its wall time and peak RSS, and its workers', are its own); ``--serial``
also times one process. Pages are timed through the Django test client. Each database's
results are kept in ``--results`` and the classification section of docs/benchmarks.md is
rewritten from all of them.

The demo's audit chain is sealed with a key derived from its data folder's ``secret_key``: copy
that file into ``--data-dir`` and run with ``DJANGO_SETTINGS_MODULE=canbo.settings.dev`` (the
test settings derive their keys from a fixed secret, and opening the cycle appends to the
chain). PostgreSQL: the durable cluster of ``bench/voting_pg.sh``. Before and after a change,
run ``--build-only`` once, copy the database (``CREATE DATABASE … TEMPLATE``, or the SQLite
file and the data folder), run the previous code on one copy and this code on the other with
``--before RESULTS-OF-THE-FIRST``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- classification:start -->", "<!-- classification:end -->"
PROVINCES = 34
CELLS_PER_GRASSROOTS = 4
AS_OF = dt.date(2025, 12, 31)


def setup(data_dir: Path) -> None:
    os.environ["CANBO_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings.test")
    import django

    django.setup()


def _units(cur, grassroots: int) -> tuple[int, list[int], list[tuple[int, int, int]]]:  # type: ignore[no-untyped-def]
    """Root, provinces, grassroots committees and their cells as OrgUnit + UnitVersion rows."""
    rows, next_id = [], 1
    root = next_id
    rows.append((root, None, "central_committee"))
    provinces = list(range(2, 2 + PROVINCES))
    rows += [(p, root, "provincial_party_committee") for p in provinces]
    next_id = 2 + PROVINCES
    cells: list[tuple[int, int, int]] = []
    for g in range(grassroots):
        gid, province = next_id, provinces[g % PROVINCES]
        rows.append((gid, province, "commune_party_committee"))
        for c in range(CELLS_PER_GRASSROOTS):
            cells.append((gid + 1 + c, gid, province))
            rows.append((gid + 1 + c, gid, "cell"))
        next_id += 1 + CELLS_PER_GRASSROOTS
    start = dt.date(2010, 1, 1)
    cur.executemany(
        "INSERT INTO registry_orgunit (id, code, pillar, valid_from, valid_to)"
        " VALUES (%s, %s, %s, %s, %s)",
        [(u, f"B{u:07d}", "party", start, dt.date(9999, 12, 31)) for u, _p, _k in rows],
    )
    cur.executemany(
        "INSERT INTO registry_unitversion (unit_id, name, short_name, kind, level_class, parent_id,"
        " admin_code, sort_key, legal_basis, valid_from, valid_to) VALUES"
        " (%s, %s, '', %s, '', %s, '', %s, '', %s, %s)",
        [(u, f"Đơn vị {u}", k, p, f"don vi {u}", start, dt.date(9999, 12, 31)) for u, p, k in rows],
    )
    return root, provinces, cells


def _subject_rows(
    cycle_id: int, members: int, cells: list[tuple[int, int, int]], rng: random.Random
):  # type: ignore[no-untyped-def]
    per_cell = members // len(cells)
    for cell, grassroots, province in cells:
        for i in range(per_cell):
            kind = "leader" if i == 0 else "individual"
            exempt = "admitted_lt_6_months" if rng.random() < 0.02 else ""
            total = rng.randint(5, 15)
            late = rng.randint(0, 2) if rng.random() < 0.3 else 0
            on_time = total - late
            discipline = "khien_trach" if rng.random() < 0.005 else ""
            label = "lanh-dao" if kind == "leader" else "dang-vien"
            yield (
                cycle_id, kind, cell, cell, grassroots, province, f"{label}@{grassroots}",
                grassroots, exempt, cell if kind == "leader" else None, discipline, 1,
                5 * rng.randint(30, 60), 5 * rng.randint(80, 140), total, on_time,
                rng.randint(0, on_time // 2), late, 10000 if kind == "leader" else None,
                0,
            )  # fmt: skip


def build(members: int, grassroots: int) -> float:
    """Write the synthetic national cycle: units, the cycle, collectives, members."""
    from django.core.management import call_command
    from django.db import connection, transaction

    from canbo.classification.level_counts import rebuild_level_counts
    from canbo.classification.models import Cycle

    call_command("migrate", verbosity=0)
    if Cycle.objects.exists():
        return 0.0
    started = time.perf_counter()
    rng = random.Random(2025)
    with transaction.atomic(), connection.cursor() as cur:
        root, _provinces, cells = _units(cur, grassroots)
        cycle = Cycle.objects.create(
            year=2025, as_of=AS_OF, root_id=root, name="Xếp loại 2025 (toàn quốc)",
            rulebook="QD366_HD43", parameters=_params(), settings={}, opened_by="bench",
            opened_at=dt.datetime.now(dt.UTC),
        )  # fmt: skip
        cols = (
            'cycle_id, kind, unit_id, parent_unit_id, decider_id, top_id, "group", group_unit_id,'
            " exemption, head_unit_id, discipline, step, score_general, score_results, tasks_total,"
            " tasks_on_time, tasks_exceeded, tasks_late, led_units_tasks, sick_leave_months,"
            " discipline_self_remedied, version"
        )
        marks = ", ".join(["%s"] * 22)
        sql = f"INSERT INTO classification_cyclesubject ({cols}) VALUES ({marks})"  # noqa: S608
        collectives = [
            (cycle.pk, "collective", cell, parent, parent, province, f"cell@{parent}", parent, "",
             None, "", 1, 5 * rng.randint(40, 60), 5 * rng.randint(100, 140), 10, 10, 3, 0, None,
             0, False, 0)
            for cell, parent, province in cells
        ]  # fmt: skip
        cur.executemany(sql, collectives)
        batch = []
        for row in _subject_rows(cycle.pk, members, cells, rng):
            batch.append((*row, False, 0))
            if len(batch) >= 50_000:
                cur.executemany(sql, batch)
                batch = []
        if batch:
            cur.executemany(sql, batch)
        rebuild_level_counts(cycle.pk)  # rows written here, not through the store
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    return time.perf_counter() - started


SELF_ASSESS = (
    "UPDATE classification_cyclesubject SET step = 1, "
    "score_general = 5 * (30 + (id * 7919) %% 31), score_results = 5 * (80 + (id * 104729) %% 61), "
    "tasks_total = 5 + id %% 11, tasks_late = CASE WHEN id %% 10 < 3 THEN id %% 3 ELSE 0 END, "
    "tasks_on_time = 5 + id %% 11 - CASE WHEN id %% 10 < 3 THEN id %% 3 ELSE 0 END, "
    "tasks_exceeded = (id / 7) %% 3, "
    "led_units_tasks = CASE WHEN kind = 'leader' THEN 10000 ELSE NULL END "
    "WHERE cycle_id = %s AND exemption = ''"
)
"""Self-assessed scores for every subject, spread deterministically by id (CL-05 ranges)."""


def build_demo(demo: Path | None) -> float:
    """Open a cycle on the national demo registry (subjects as of AS_OF), then self-assess.

    With ``--demo DIR`` the demo's SQLite file is copied into the data folder first, so the
    demo itself is left as it was.
    """
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from canbo.classification.models import Cycle
    from canbo.classification.store import DjangoClassificationUnitOfWork
    from canbo.core.types import Role
    from canbo.registry.models import UnitVersion
    from canbo.services.classification.cycle import open_cycle
    from canbo.services.ports import Actor, Grant

    target = Path(settings.DATABASES["default"]["NAME"])
    if demo is not None and connection.vendor == "sqlite" and not target.exists():
        shutil.copyfile(demo / "canbo.sqlite3", target)
    call_command("migrate", verbosity=0)
    if Cycle.objects.exists():
        return 0.0
    started = time.perf_counter()
    root = UnitVersion.objects.filter(
        kind="central_committee", parent_id=None, valid_from__lte=AS_OF, valid_to__gte=AS_OF
    ).values_list("unit_id", flat=True)[0]
    name = "Xếp loại 2025 (toàn quốc, dữ liệu demo)"
    actor = Actor(None, "bench", (Grant(Role.ORG_STAFF, root),))
    cycle_id = open_cycle(DjangoClassificationUnitOfWork(), actor, 2025, root, AS_OF, name)
    with connection.cursor() as cur:
        cur.execute(SELF_ASSESS, [cycle_id])
    with connection.cursor() as cur:
        # PostgreSQL: the bulk self-assessment left a dead version of every row; steps made one
        # by one over weeks would have been vacuumed in between (autovacuum), so vacuum here.
        cur.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return time.perf_counter() - started


def _params() -> dict[str, object]:
    from canbo.core.classification.params import Parameters

    return Parameters().as_dict()


def compute_child(workers: int) -> None:
    """Run in a child process: compute every proposal and print wall time and peak RSS.

    Peak RSS is the compute process's own, plus the largest of its worker processes times the
    number of workers (an upper bound of the peak of them all together).
    """
    from canbo.classification.models import Cycle
    from canbo.classification.store import DjangoClassificationUnitOfWork
    from canbo.services.classification.cycle import compute_proposals
    from canbo.services.ports import SYSTEM

    cycle_id = Cycle.objects.order_by("pk").values_list("pk", flat=True).first()
    started = time.perf_counter()
    report = compute_proposals(DjangoClassificationUnitOfWork(), SYSTEM, cycle_id, workers)  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({
        "seconds": round(seconds, 1), "peak_rss_mib": round(own + workers * worker),
        "parent_rss_mib": round(own), "worker_rss_mib": round(worker), "workers": workers,
        "evaluated": report.evaluated,
        "not_classified": report.not_classified, "groups": report.groups,
        "groups_over": len(report.over),
    }))  # fmt: skip


RAW_TABLE = "bench_raw_write"


def raw_write() -> dict[str, Any]:
    """The raw write rate of the computed proposals: the same rows and columns written into an
    unindexed table of their own, in one transaction (PostgreSQL: ``COPY``; SQLite: one
    ``executemany``), then the table is dropped. The rows are read into memory first."""
    from django.db import connection, transaction

    select = "SELECT level, rules, subject_id FROM classification_proposal"
    with connection.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS {RAW_TABLE}")
        cur.execute(f"CREATE TABLE {RAW_TABLE} (level smallint, rules varchar(64), id bigint)")
        if connection.vendor == "postgresql":
            data = bytearray()
            with cur.cursor.copy(f"COPY ({select}) TO STDOUT") as copy:
                for block in copy:
                    data += block
            rows = data.count(b"\n")
            started = time.perf_counter()
            with transaction.atomic(), cur.cursor.copy(f"COPY {RAW_TABLE} FROM STDIN") as copy:
                for at in range(0, len(data), 1 << 20):
                    copy.write(data[at : at + (1 << 20)])
            seconds = time.perf_counter() - started
        else:
            cur.execute(select)
            values = cur.fetchall()
            rows = len(values)
            started = time.perf_counter()
            with transaction.atomic():
                cur.executemany(f"INSERT INTO {RAW_TABLE} VALUES (%s, %s, %s)", values)  # noqa: S608
            seconds = time.perf_counter() - started
        cur.execute(f"DROP TABLE {RAW_TABLE}")
    return {"rows": rows, "columns": 3, "seconds": round(seconds, 1)}


def pg_settings() -> str:
    """The durability and memory settings of the PostgreSQL server measured."""
    from django.db import connection

    names = ("fsync", "synchronous_commit", "full_page_writes", "shared_buffers", "max_wal_size")
    with connection.cursor() as cur:
        values = []
        for name in names:
            cur.execute(f"SHOW {name}")
            values.append(f"{name}={cur.fetchone()[0]}")
        cur.execute("SHOW server_version")
        version = cur.fetchone()[0].split()[0]
    return f"PostgreSQL {version}, " + ", ".join(values)


def sqlite_settings() -> str:
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SELECT sqlite_version()")
        version = cur.fetchone()[0]
        cur.execute("PRAGMA journal_mode")
        journal = cur.fetchone()[0]
        cur.execute("PRAGMA synchronous")
        synchronous = {0: "off", 1: "normal", 2: "full", 3: "extra"}[cur.fetchone()[0]]
    return f"SQLite {version}, journal_mode={journal}, synchronous={synchronous}"


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(0.95 * (len(ordered) - 1))] * 1000


def pages(samples: int) -> dict[str, tuple[float, float]]:
    """p50/p95 of a cell review page and a province statistics page through the test client."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from canbo.accounts.models import RoleGrant
    from canbo.classification.models import Cycle, CycleSubject
    from canbo.registry.models import UnitVersion

    cycle = Cycle.objects.order_by("pk").first()
    assert cycle is not None
    user, _ = get_user_model().objects.get_or_create(username="bench-btc")
    RoleGrant.objects.get_or_create(
        user=user,
        role="org_staff",
        unit_id=cycle.root_id,
        defaults={"valid_from": dt.date(2020, 1, 1)},
    )
    client = Client(HTTP_HOST="localhost")  # allowed by the test and the dev settings
    client.force_login(user)
    cell_ids = UnitVersion.objects.filter(kind="cell").values("unit_id")
    collectives = CycleSubject.objects.filter(cycle=cycle, kind="collective")
    cells = list(collectives.filter(unit_id__in=cell_ids).values_list("unit_id", flat=True))
    tops = collectives.filter(parent_unit_id=cycle.root_id).exclude(unit_id=cycle.root_id)
    provinces = list(tops.values_list("unit_id", flat=True))
    rng = random.Random(7)

    def time_get(url: str) -> float:
        started = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return time.perf_counter() - started

    cell_times = [
        time_get(f"/danh-gia/{cycle.pk}/don-vi/{rng.choice(cells)}/") for _ in range(samples)
    ]
    province_times = [
        time_get(f"/danh-gia/{cycle.pk}/thong-ke/{rng.choice(provinces)}/")
        for _ in range(samples // 4)
    ]
    return {
        "cell_review": percentiles(cell_times),
        "province_stats": percentiles(province_times),
        "cells": len(cells),
        "provinces": len(provinces),
    }


def _cell(results: dict[str, dict[str, Any]], vendor: str, what: str) -> str:
    result = results.get(vendor)
    if what == "before":
        before = results.get("before:" + vendor)
        return f"{before['compute']['seconds']} s" if before else "not measured"
    if result is None:
        return "not measured"
    compute, page = result["compute"], result["pages"]
    if what == "compute":
        return f"{compute['seconds']} s"
    if what == "serial":
        return f"{result['serial']['seconds']} s" if result.get("serial") else "not measured"
    if what == "raw":
        raw = result.get("raw_write")
        if not raw:
            return "not measured"
        micros = raw["seconds"] * 1e6 / max(raw["rows"], 1)
        return f"{raw['seconds']} s ({micros:.2f} µs a row)"
    if what == "memory":
        return (
            f"{compute['peak_rss_mib']} MiB ({compute['parent_rss_mib']} + "
            f"{compute['workers']} × {compute['worker_rss_mib']})"
        )
    p50, p95 = page[what]
    return f"{p50:.0f} / {p95:.0f} ms"


def _run_line(name: str, r: dict[str, Any], before: dict[str, Any] | None) -> str:
    line = (
        f"* {name}: {r['date']}, load average (1/5/15 min) at start {r['load']}; cycle "
        f"opened and self-assessed on the {r['data']} in {r['build_seconds']:.0f} s; "
        f"{r.get('settings', 'settings not recorded')}"
    )
    if before is not None:
        line += (
            f". Before: {before['date']}, load average at start {before['load']}, "
            f"{before['compute']['evaluated']:,} subjects evaluated, "
            f"{before['compute']['groups_over']} groups over the quota (after: "
            f"{r['compute']['evaluated']:,}, {r['compute']['groups_over']})"
        )
    return line


def _outcome(results: dict[str, dict[str, Any]]) -> list[str]:
    """Where the 60 s target was missed and by how much, then the notes kept with the runs
    (``results["notes"]["lines"]``: what the numbers alone do not say)."""
    missed = [
        f"{name} by {r['compute']['seconds'] - 60:.0f} s"
        for name, r in (
            ("SQLite", results.get("sqlite")),
            ("PostgreSQL", results.get("postgresql")),
        )
        if r is not None and r["compute"]["seconds"] > 60
    ]
    lines = [f"Target missed on these runs: {', '.join(missed)}.", ""] if missed else []
    notes = results.get("notes", {}).get("lines", [])
    return [*lines, *notes, ""] if notes else lines


def section(results: dict[str, dict[str, Any]]) -> str:
    """The classification section of docs/benchmarks.md, from the runs of each database."""
    lite, pg = results.get("sqlite"), results.get("postgresql")
    first = lite or pg
    assert first is not None
    raw = first.get("raw_write") or {"rows": first["subjects"], "columns": 3}
    rows = [
        ("Compute every proposal, forced failure, cap and quota check", "≤ 60 s", "compute"),
        ("Same, before: proposals on the subject row (previous code, same data)", "",
         "before"),
        ("Same, one process (for comparison)", "", "serial"),
        (f"Raw write of the same rows ({raw['rows']:,} rows × {raw['columns']} columns) "
         "into an unindexed table, one transaction (PostgreSQL: `COPY`; SQLite: "
         "`executemany`)", "", "raw"),
        ("Peak memory of that run (RSS: compute process + workers × largest)", "≤ 2 GiB",
         "memory"),
        ("Cell review page, p50 / p95", "≤ 200 ms p95", "cell_review"),
        ("Province statistics page, p50 / p95", "≤ 200 ms p95", "province_stats"),
    ]  # fmt: skip
    runs = [
        _run_line(name, r, results.get("before:" + vendor))
        for name, vendor, r in (("SQLite", "sqlite", lite), ("PostgreSQL", "postgresql", pg))
        if r is not None
    ]
    c = first["compute"]
    return "\n".join(
        [
            START,
            "## Classification cycle, national scale",
            "",
            f"Machine: {first['machine']}. Cycle 2025 opened on the national demo registry "
            "(`canbo demo --scale national`, seed 2025) as of 2025-12-31 with `open_cycle`: "
            f"{first['subjects']:,} subjects ({first['members']:,} individuals, "
            f"{first['collectives']:,} collectives), {c['groups']:,} quota groups; every "
            "subject not exempt self-assessed (scores spread by id, `SELF_ASSESS`). Compute "
            f"with {c['workers']} worker processes; pages through the Django test client "
            f"(random picks among {first['pages']['cells']:,} cells, and among the "
            f"{first['pages']['provinces']} units directly under the root: provinces and central "
            "bodies). PostgreSQL is the durable cluster of `bench/voting_pg.sh` (fsync, "
            "synchronous_commit and full_page_writes on; settings in the run lines below). "
            "Before and after ran on copies of one database taken after the cycle was opened "
            "and self-assessed (PostgreSQL: `CREATE DATABASE … TEMPLATE`; SQLite: a copy of "
            "the file); the after run migrated its copy first.",
            "",
            "| Measure | Target | SQLite | PostgreSQL |",
            "|---|---|---|---|",
            *(f"| {label} | {target} | {_cell(results, 'sqlite', key)} | "
              f"{_cell(results, 'postgresql', key)} |"
              for label, target, key in rows),
            "",
            *runs,
            "",
            *_outcome(results),
            "How: the individuals' primary-key range is cut in two; each worker process reads its "
            "range on its own connection and computes (memo on the facts, "
            "`canbo.core.classification.memo`); the parent is the only writer and merges the "
            "quota counts (`QuotaAggregator.merge`), all in one transaction. Proposals are a "
            "narrow table of their own (`Proposal`: subject, level, rules; its primary key is "
            "its only index), written by `canbo.classification.proposal_writes`: per page one "
            "`COPY` on PostgreSQL (after a `DELETE … = ANY(ids)` only when the page's id range "
            "holds earlier proposals), one `executemany` of an upsert on SQLite. "
            "The statistics of the whole cycle and of a province read "
            "the per-cycle summary `LevelCount` (kept by every final-level write) instead of "
            "counting about 160,000 subjects. Run: `python bench/bench_classification.py --demo "
            "/tmp/canbo-national --data-dir DIR` (and again with `DATABASE_URL` set; `--before "
            "FILE` keeps the compute of a run of the previous code from its results file).",
            "",
            "Why the narrow table (PostgreSQL): before, the proposals were two columns of the "
            "wide subject row. Written in one transaction, no row's new version fit on its page, "
            "so no update was HOT and each row cost a new row version and an entry in each of "
            "the subject table's eight indexes. A proposal row is three small columns and one "
            "index entry; `COPY` writes it at about the cost of the raw write plus that "
            "primary-key entry.",
            END,
        ]
    )  # fmt: skip


def write_doc(text: str) -> None:
    current = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    if START in current and END in current:
        head, rest = current.split(START, 1)
        current = head + text + rest.split(END, 1)[1]
    else:
        current = current.rstrip("\n") + "\n\n" + text + "\n"
    DOC.write_text(current, encoding="utf-8")


def run_child(args: argparse.Namespace, workers: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", "--data-dir", str(args.data_dir),
         "--workers", str(workers)],
        check=True, capture_output=True, text=True, env=os.environ.copy(),
    )  # fmt: skip
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data-dir", type=Path, default=Path(tempfile.gettempdir()) / "canbo-classification"
    )
    parser.add_argument("--members", type=int, default=5_300_000)
    parser.add_argument("--grassroots", type=int, default=52_000)
    parser.add_argument("--samples", type=int, default=400)
    parser.add_argument(
        "--demo", type=Path, default=None,
        help="national demo folder (canbo demo --scale national): open the cycle on its registry",
    )  # fmt: skip
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--workers", type=int, default=2, help="compute processes (1: serial)")
    parser.add_argument("--serial", action="store_true", help="also time one process")
    parser.add_argument(
        "--results", type=Path, default=Path(tempfile.gettempdir()) / "canbo-cls-bench.json"
    )
    parser.add_argument(
        "--before", type=Path, default=None,
        help="results file of a run of the previous code on a copy of the same data: its "
        "compute is kept as this database's 'before'",
    )  # fmt: skip
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    args.data_dir.mkdir(parents=True, exist_ok=True)
    setup(args.data_dir)
    if args.child:
        compute_child(args.workers)
        return
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    if args.demo is not None or _has_registry():
        build_seconds, data = build_demo(args.demo), "national demo registry"
    else:
        build_seconds = build(args.members, args.grassroots)
        data = "synthetic rows"
    kept = args.data_dir / "classification_build.json"
    if build_seconds:
        kept.write_text(json.dumps({"seconds": build_seconds}))
    elif kept.exists():  # the cycle was built by an earlier run on this folder
        build_seconds = float(json.loads(kept.read_text())["seconds"])
    if args.build_only:
        print(json.dumps({"build_seconds": round(build_seconds, 1)}))
        return
    serial = run_child(args, 1) if args.serial else None
    compute = run_child(args, args.workers)
    from django.db import connection

    from canbo.classification.models import CycleSubject

    subjects = CycleSubject.objects
    settings = pg_settings() if connection.vendor == "postgresql" else sqlite_settings()
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPU, "
        f"Python {platform.python_version()}",
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load": load,
        "data": data,
        "database": connection.vendor,
        "build_seconds": build_seconds,
        "compute": compute,
        "serial": serial,
        "pages": pages(args.samples),
        "subjects": subjects.count(),
        "members": subjects.exclude(kind="collective").count(),
        "collectives": subjects.filter(kind="collective").count(),
        "raw_write": raw_write(),
        "settings": settings,
    }
    print(json.dumps(result, indent=2, default=str))
    if args.no_write:
        return
    stored = json.loads(args.results.read_text()) if args.results.exists() else {}
    stored[connection.vendor] = result
    if args.before is not None:
        stored["before:" + connection.vendor] = json.loads(args.before.read_text())[
            connection.vendor
        ]
    args.results.write_text(json.dumps(stored, indent=2, default=str))
    write_doc(section(stored))


def _has_registry() -> bool:
    """A data folder that already holds a demo registry (a cycle opened on it before)."""
    from django.db import connection

    from canbo.registry.models import Person

    return "registry_person" in connection.introspection.table_names() and Person.objects.exists()


if __name__ == "__main__":
    main()
