"""Statistics benchmark on the national demo: the whole report (Biểu 1 to Biểu 5) of the whole
tree and of provinces as of a date, the comparison across the reorganization, peak memory.

    python bench/bench_statistics.py --data-dir DIR [--samples 20] [--no-write]

DIR holds a demo built with ``canbo demo --scale national``; with ``DATABASE_URL`` set the
PostgreSQL database it points to is read instead of DIR's SQLite file. The database is only
read. Targets: the national report ≤ 30 s on SQLite and on PostgreSQL, ≤ 2 GiB; a province's
report ≤ 2 s. Writes the "statistics-sqlite" or "statistics-postgresql" section of
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.bench_national import machine, percentiles  # noqa: E402

DOC = ROOT / "docs" / "benchmarks.md"
BEFORE = dt.date(2024, 12, 31)


def seconds(fn: Any, *args: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    found = fn(*args)
    return time.perf_counter() - started, found


def _units(kind: str, on: dt.date) -> list[int]:
    from canbo.registry.models import UnitVersion

    rows = UnitVersion.objects.filter(kind=kind, valid_from__lte=on, valid_to__gte=on)
    return sorted(rows.values_list("unit_id", flat=True))


def measure(samples: int, after: dt.date) -> dict[str, Any]:
    from canbo.services.ports import SYSTEM
    from canbo.services.stats.statistics import compare_across_reorganization, member_statistics
    from canbo.stats.selectors import reader

    def report(unit_id: int, on: dt.date) -> Any:
        return member_statistics(SYSTEM, reader(), unit_id, on)

    root = _units("central_committee", after)[0]
    result: dict[str, Any] = {"after": after}
    for label, on in (("national_after", after), ("national_before", BEFORE)):
        took, found = seconds(report, root, on)
        result[label] = (took, found.table("bieu3").value("total"), found.table("bieu1"))
    rng = random.Random(13)
    for label, on in (("provinces_after", after), ("provinces_before", BEFORE)):
        provinces = _units("provincial_party_committee", on)
        picks = [rng.choice(provinces) for _ in range(samples)]
        times = [seconds(report, p, on)[0] * 1000 for p in picks]
        result[label] = (len(provinces), *percentiles(times), max(times))
    tq = int(os.environ.get("BENCH_PROVINCE", "0")) or _named_province()
    took, found = seconds(compare_across_reorganization, SYSTEM, reader(), tq, BEFORE, after)
    result["compare"] = (took, found)
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _named_province() -> int:
    """The demo's province (Tuyên Quang from 01/07/2025): named in the demo's load entry, or
    found by name in a copied registry (no audit chain is copied)."""
    import json

    from canbo.audit.models import AuditEntry
    from canbo.registry.models import UnitVersion

    entry = AuditEntry.objects.filter(action="demo.load").order_by("-id").first()
    if entry is not None:
        details = json.loads(entry.details) if isinstance(entry.details, str) else entry.details
        return int(details["named"]["province:08"])
    found = UnitVersion.objects.filter(
        name="Đảng bộ tỉnh Tuyên Quang", kind="provincial_party_committee", valid_from=REORG
    )
    return int(found.values_list("unit_id", flat=True)[0])


REORG = dt.date(2025, 7, 1)
COPIED = (
    "registry_orgunit", "registry_unitversion", "registry_lineageevent", "registry_lineagelink",
    "registry_person", "registry_membership", "registry_historyitem", "registry_partyevent",
    "registry_disciplinerecord",
)  # fmt: skip
"""The registry tables the statistics read, in the order their foreign keys need."""


def copy_registry(sqlite_file: Path) -> dict[str, int]:
    """Copy the statistics' tables of a national SQLite demo into the (migrated, empty)
    PostgreSQL database of ``DATABASE_URL`` with COPY, row for row; then ANALYZE."""
    import sqlite3

    from django.db import connection

    source = sqlite3.connect(f"file:{sqlite_file}?mode=ro", uri=True)
    copied: dict[str, int] = {}
    with connection.cursor() as cur:
        raw = cur.connection.cursor()  # psycopg's own cursor, for COPY
        raw.execute("SET session_replication_role = replica")
        for table in COPIED:
            cols = [r[1] for r in source.execute(f"PRAGMA table_info({table})")]
            raw.execute(f"TRUNCATE {table} CASCADE")
            rows = source.execute(f"SELECT {', '.join(cols)} FROM {table}")  # noqa: S608
            n = 0
            with raw.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                while batch := rows.fetchmany(50_000):
                    for row in batch:
                        copy.write_row(row)
                    n += len(batch)
            raw.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"  # noqa: S608 (constant)
                f" (SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
            copied[table] = n
            print(f"{table}: {n:,}", flush=True)
        raw.execute("SET session_replication_role = DEFAULT")
        for table in COPIED:
            raw.execute(f"ANALYZE {table}")
    return copied


def section(result: dict[str, Any], engine: str, samples: int) -> str:
    start, end = (
        f"<!-- statistics-{engine.lower()}:start -->",
        f"<!-- statistics-{engine.lower()}:end -->",
    )
    lines = [
        start,
        f"## Statistics report, national demo, {engine} (`bench/bench_statistics.py`)",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on"
        f" {machine().replace('SQLite', engine)}, load average at the end"
        f" {os.getloadavg()[0]:.1f} (other engineers' work shared the two CPUs).",
        "Biểu 1 to Biểu 5 through `member_statistics` (one query per kind of count, cut to the"
        " subtree; none for the root of the Party's tree; on SQLite the composition's rows are"
        " counted in Python rather than by SQLite's sorting GROUP BY), each report computed once,"
        " no cache.",
        "",
        "| Report | Members | Time | Target |",
        "|---|---|---|---|",
    ]
    for label, name in (("national_after", "whole tree"), ("national_before", "whole tree")):
        took, members, b1 = result[label]
        day = result["after"] if label == "national_after" else BEFORE
        lines.append(
            f"| {name} as of {day:%d/%m/%Y} (A {b1.value('A'):,}, B {b1.value('B'):,},"
            f" C {b1.value('C'):,}) | {members:,} | **{took:.1f} s** | ≤ 30 s |"
        )
    for label, day in (("provinces_after", result["after"]), ("provinces_before", BEFORE)):
        count, p50, p95, worst = result[label]
        lines.append(
            f"| a province as of {day:%d/%m/%Y} ({samples} picks of {count}): p50 / p95 / max |"
            f" | {p50:.0f} / {p95:.0f} / **{worst:.0f} ms** | ≤ 2 s |"
        )
    took, found = result["compare"]
    before = found.before.table("bieu3").value("total") if found.before else None
    lines += [
        f"| comparison of Tuyên Quang: {result['after']:%d/%m/%Y} against its predecessors on"
        f" {BEFORE:%d/%m/%Y} ({before:,} restated → {found.after.table('bieu3').value('total'):,})"
        f" | | {took:.1f} s | |",
        "",
        "Peak memory of the process (Django, the reports and their counts):"
        f" **{result['peak_mib']:.0f} MiB** (target ≤ 2 GiB).",
        end,
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2026, 12, 6))
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument(
        "--copy-from",
        type=Path,
        help="first copy the registry of this national SQLite demo into DATABASE_URL",
    )
    args = parser.parse_args()
    os.environ["CANBO_DATA_DIR"] = str(args.data_dir.resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings.dev")
    import django

    django.setup()
    engine = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    if args.copy_from and engine == "PostgreSQL":
        started = time.perf_counter()
        copy_registry(args.copy_from)
        print(f"copied in {time.perf_counter() - started:.0f} s", flush=True)
    text = section(measure(args.samples, args.as_of), engine, args.samples)
    print(text)
    if not args.no_write:
        start, end = text.splitlines()[0], text.splitlines()[-1]
        current = DOC.read_text() if DOC.exists() else "# Benchmarks\n"
        if start in current and end in current:
            before, rest = current.split(start, 1)
            current = before + text + rest.split(end, 1)[1]
        else:
            current = current.rstrip("\n") + "\n\n" + text + "\n"
        DOC.write_text(current)


if __name__ == "__main__":
    main()
