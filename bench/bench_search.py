"""Search benchmark: p50/p95 of the one search (``canbo.registry.search.search``) at national scale.

Target (the clerk's workbench): p95 ≤ 100 ms on SQLite and on PostgreSQL, through the search
index (FTS5 / GIN full-text), never a scan.

    python bench/bench_search.py --data-dir DIR [--queries 200] [--no-write]
    DATABASE_URL=postgres://... python bench/bench_search.py --data-dir DIR

DIR holds a demo built with ``canbo demo --scale national`` (with ``DATABASE_URL`` set for
PostgreSQL). 200 queries of five realistic kinds, drawn from random people (seed 2025):
family + middle name prefix ("nguyen van"), a full name with tones, a person code, a national
ID, a birth year with the given and family names. They run twice, as an organization-commission
clerk of one province (people drawn from that province) and as the administrator of the whole
tree (people drawn from everywhere), each query once after one warm-up pass. The time is the
whole selector: the index query, the scope, and the description of up to 20 hits. The
"found" column is the share of full-name, code, national-ID and year+name queries whose person
is among the hits. Writes the "Search" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
HEADING = "## Search (bench/bench_search.py)"
KINDS = ("family_middle", "full_name", "code", "national_id", "year_and_name")


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]
    return statistics.median(ordered), p95, ordered[-1]


def _people(ids: list[int], rng: random.Random, n: int) -> list[dict[str, Any]]:
    from canbo.registry import models

    picked = rng.sample(ids, min(n, len(ids)))
    rows = models.Person.objects.filter(pk__in=picked).values(
        "pk", "full_name", "family_name", "middle_name", "given_name", "code", "national_id",
        "birth_date",
    )  # fmt: skip
    found = sorted(rows, key=lambda r: r["pk"])
    rng.shuffle(found)
    return found


def queries(people: list[dict[str, Any]], n: int) -> list[tuple[str, str, int]]:
    """``n`` queries ``(kind, text, person id)``, the five kinds in turn."""
    from canbo.core.search_text import fold

    out: list[tuple[str, str, int]] = []
    for i, p in enumerate(people):
        if len(out) >= n:
            break
        kind = KINDS[i % len(KINDS)]
        if kind == "family_middle":
            text = fold(f"{p['family_name']} {p['middle_name']}".strip())
        elif kind == "full_name":
            text = p["full_name"]
        elif kind == "code":
            text = p["code"]
        elif kind == "national_id":
            if not p["national_id"]:
                continue
            text = p["national_id"]
        else:
            text = fold(f"{p['given_name']} {p['family_name']} {p['birth_date'].year}")
        out.append((kind, text, p["pk"]))
    return out


def run(actor: Any, qs: list[tuple[str, str, int]], today: dt.date) -> dict[str, Any]:
    from canbo.registry.search import search

    for _kind, text, _pid in qs:  # warm-up: the page cache, not the answers
        search(actor, text, today=today)
    samples: dict[str, list[float]] = {k: [] for k in KINDS}
    found = tried = 0
    for kind, text, pid in qs:
        started = time.perf_counter()
        hits = search(actor, text, today=today)
        samples[kind].append((time.perf_counter() - started) * 1000)
        if kind != "family_middle":
            tried += 1
            found += any(h.id == pid and h.kind == "person" for h in hits)
    every = [s for v in samples.values() for s in v]
    return {
        "all": percentiles(every),
        "kinds": {k: percentiles(v) for k, v in samples.items() if v},
        "found": found / tried if tried else 0.0,
        "n": len(every),
    }


def scenario(n: int, today: dt.date) -> dict[str, Any]:
    from canbo.core.types import Role, UnitId
    from canbo.db import unit_tree
    from canbo.registry import models
    from canbo.services.ports import Actor, Grant

    rng = random.Random(2025)
    top = models.Person.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    everyone = list(range(1, top + 1))
    admin = Actor(None, "admin", (Grant(Role.ADMIN, None),))
    province = (
        models.UnitVersion.objects.filter(
            name="Đảng bộ tỉnh Tuyên Quang", valid_from__lte=today, valid_to__gte=today
        )
        .values_list("unit_id", flat=True)
        .first()
    )
    assert province is not None, "the demo's province Tuyên Quang (from 01/07/2025) is missing"
    cells = unit_tree.subtree_ids(province, today)
    members = list(
        models.Membership.objects.filter(
            unit_id__in=cells, valid_from__lte=today, valid_to__gte=today
        ).values_list("person_id", flat=True)
    )
    clerk = Actor(None, "clerk", (Grant(Role.ORG_STAFF, UnitId(province)),))
    return {
        "province_members": len(members),
        "people": top,
        "clerk": run(clerk, queries(_people(members, rng, n * 2), n), today),
        "admin": run(admin, queries(_people(everyone, rng, n * 2), n), today),
    }


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"model name\s*:\s*(.+)", cpuinfo)
    mem = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    kb = re.search(r"MemTotal:\s*(\d+)", mem)
    ram = f"{int(kb.group(1)) / 1024 / 1024:.1f} GiB" if kb else "?"
    cpu = model.group(1).strip() if model else platform.processor()
    return f"{os.cpu_count()} CPUs ({cpu}), {ram} RAM, Python {platform.python_version()}"


def section(result: dict[str, Any], vendor: str, load: tuple[float, ...]) -> str:
    start, end = f"<!-- search-{vendor}:start -->", f"<!-- search-{vendor}:end -->"
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        start,
        f"### {'SQLite (FTS5)' if vendor == 'sqlite' else 'PostgreSQL (GIN full-text)'}",
        "",
        f"Measured {when} on {machine()}; load average (1/5/15 min) at start"
        f" {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}; {result['people']:,} people,"
        f" the clerk's province {result['province_members']:,} members.",
        "",
        "| Actor | Queries | p50 | p95 | max | found |",
        "|---|---|---|---|---|---|",
    ]
    for who, label in (("clerk", "province clerk (Tuyên Quang)"), ("admin", "administrator")):
        r = result[who]
        p50, p95, top = r["all"]
        lines.append(
            f"| {label} | {r['n']} | {p50:.1f} ms | {p95:.1f} ms | {top:.1f} ms |"
            f" {r['found']:.0%} |"
        )
    lines += ["", "| Kind (p50 / p95) | province clerk | administrator |", "|---|---|---|"]
    for kind in KINDS:
        cells = []
        for who in ("clerk", "admin"):
            got = result[who]["kinds"].get(kind)
            cells.append(f"{got[0]:.1f} / {got[1]:.1f} ms" if got else "–")
        lines.append(f"| {kind.replace('_', ' ')} | {cells[0]} | {cells[1]} |")
    lines.append(end)
    return "\n".join(lines)


def write_doc(text: str, vendor: str) -> None:
    start, end = f"<!-- search-{vendor}:start -->", f"<!-- search-{vendor}:end -->"
    current = DOC.read_text()
    if start in current and end in current:
        before, rest = current.split(start, 1)
        DOC.write_text(before + text + rest.split(end, 1)[1])
    elif HEADING in current:
        # After the Search section's text, before the next section's marker.
        at = current.find("\n<!-- ", current.index(HEADING))
        at = len(current) if at < 0 else at
        DOC.write_text(current[:at].rstrip("\n") + "\n\n" + text + "\n" + current[at:])
    else:
        DOC.write_text(current.rstrip("\n") + "\n\n" + text + "\n")


def main(setup: Callable[[], None] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    os.environ["CANBO_DATA_DIR"] = str(args.data_dir.resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    load = os.getloadavg()
    result = scenario(args.queries, dt.date.today())
    text = section(result, connection.vendor, load)
    print(text)
    if not args.no_write:
        write_doc(text, connection.vendor)


if __name__ == "__main__":
    main()
