"""The higher committee's overview of congresses at national scale: one congress per
grassroots Party organization (about 52,000), the overview page's queries and template for a
province's organization commission and for an administrator of the whole tree.

    python bench/bench_congress_overview.py [--data-dir DIR] [--samples 200] [--no-write]
    DATABASE_URL=postgres://... python bench/bench_congress_overview.py ...
    python bench/bench_congress_overview.py --demo DIR   # a national demo's data folder

With ``--demo`` the overview runs on a ``canbo demo --scale national`` database instead: its
real tree and people, every grassroots organization's congress simulated with its results
(the demo's :mod:`canbo.demo.round_bulk`, written first if the database has none), the people
elected read through the elections context's selector; its own section of docs/benchmarks.md.

DIR (default a new temporary folder) gets a fresh database holding a national-shaped tree
(34 provinces, 3,321 communes, 52,000 grassroots organizations under them) and one simulated
congress per grassroots organization with its conference, written in bulk; with
``DATABASE_URL`` the same is written to that (empty) PostgreSQL database. The overview then
runs ``samples`` times for a random province's commission (random page and status filter)
and for the administrator. Target: ≤ 300 ms p95 on SQLite and PostgreSQL. Writes the
"congress overview" section of docs/benchmarks.md for the database used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.bench_national import machine, percentiles  # noqa: E402

DOC = ROOT / "docs" / "benchmarks.md"
MARK = "<!-- congress-overview-{vendor}:{edge} -->"
NATIONAL_MARK = "<!-- congress-overview-national-{vendor}:{edge} -->"
PROVINCES, COMMUNES, GRASSROOTS = 34, 3_321, 52_000
OPENS = dt.date(2025, 5, 1)
STATUSES = ("preparing", "roll_fixed", "open", "closed")


def build() -> dict[str, Any]:
    """The tree and the congresses, in bulk (no use case: the bench measures reading)."""
    from django.db import transaction

    from canbo.conferences.models import Conference
    from canbo.congresses import models
    from canbo.core.collation import sort_key
    from canbo.registry.models import OrgUnit, UnitVersion

    rng = random.Random(2025)
    started = time.perf_counter()
    with transaction.atomic():

        def units(kind: str, names: list[str], parents: list[int | None]) -> list[int]:
            made = OrgUnit.objects.bulk_create(
                [OrgUnit(code=f"B{kind[:3]}{i:06d}", pillar="party", valid_from=dt.date(2010, 1, 1))
                 for i in range(len(names))], batch_size=2000,
            )  # fmt: skip
            UnitVersion.objects.bulk_create(
                [UnitVersion(unit=u, name=n, kind=kind, parent_id=p, sort_key=sort_key(n),
                             valid_from=dt.date(2010, 1, 1))
                 for u, n, p in zip(made, names, parents, strict=True)], batch_size=2000,
            )  # fmt: skip
            return [u.pk for u in made]

        root = units("central_committee", ["Ban Chấp hành Trung ương"], [None])[0]
        provinces = units(
            "provincial_party_committee", [f"Đảng bộ tỉnh {i}" for i in range(PROVINCES)],
            [root] * PROVINCES,
        )  # fmt: skip
        commune_parent = [provinces[i % PROVINCES] for i in range(COMMUNES)]
        communes = units(
            "commune_party_committee", [f"Đảng bộ xã {i}" for i in range(COMMUNES)], commune_parent
        )
        org_parent = [communes[i % COMMUNES] for i in range(GRASSROOTS)]
        orgs = units(
            "grassroots_cell", [f"Chi bộ cơ sở {i}" for i in range(GRASSROOTS)], org_parent
        )
        province_of = dict(zip(communes, commune_parent, strict=True))
        confs = Conference.objects.bulk_create(
            [Conference(unit_id=u, title=f"Đại hội Chi bộ cơ sở {i} nhiệm kỳ 2025–2030",
                        body="party", held_on=OPENS + dt.timedelta(days=i % 120))
             for i, u in enumerate(orgs)], batch_size=2000,
        )  # fmt: skip
        congresses = models.Congress.objects.bulk_create(
            [models.Congress(unit_id=c.unit_id, title=c.title, term_label="2025–2030",
                             kind=rng.choice(("cell", "members", "members", "delegates")),
                             opens_on=c.held_on, closes_on=c.held_on, rulebook_id="QD190_2024",
                             conference=c, status=rng.choice(STATUSES))
             for c in confs], batch_size=2000,
        )  # fmt: skip
        scope = []
        for c, commune in zip(congresses, org_parent, strict=True):
            for unit in (c.unit_id, commune, province_of[commune], root):
                scope.append(models.CongressScope(congress=c, unit_id=unit))
        models.CongressScope.objects.bulk_create(scope, batch_size=5000)
    return {"provinces": provinces, "seconds": time.perf_counter() - started}


def measure(provinces: list[int], samples: int) -> dict[str, tuple[float, float]]:
    from django.template.loader import render_to_string

    from canbo.congresses import forms, selectors
    from canbo.core.types import AccountId, Role, UnitId
    from canbo.services.ports import Actor, Grant

    rng = random.Random(7)
    out: dict[str, tuple[float, float]] = {}
    cases = {
        "province": lambda: Actor(
            AccountId(1), "tinh", (Grant(Role.ORG_STAFF, UnitId(rng.choice(provinces))),)
        ),
        "admin": lambda: Actor(AccountId(2), "admin", (Grant(Role.ADMIN, None),)),
    }
    for name, actor in cases.items():
        times = []
        for _ in range(samples):
            who = actor()
            status = rng.choice(("", "", *STATUSES))
            started = time.perf_counter()
            view = selectors.overview(who, rng.randint(1, 30), status)
            render_to_string(
                "congresses/overview.html",
                {"o": view, "form": forms.CongressForm(), "status": status},
            )
            times.append((time.perf_counter() - started) * 1000)
        out[name] = percentiles(times)
    return out


def national(progress: Any = print) -> dict[str, Any]:
    """The national demo's provinces and its simulated round (written when missing)."""
    from canbo.congresses.models import Congress
    from canbo.demo import round_bulk
    from canbo.elections.models import ElectedPerson
    from canbo.registry.models import UnitVersion

    seconds = None
    if not Congress.objects.filter(parameters__simulated=True).exists():
        seconds = round_bulk.write_round(2025, progress).seconds
    today = dt.date(2026, 1, 1)
    provinces = list(
        UnitVersion.objects.filter(
            kind="provincial_party_committee", valid_from__lte=today, valid_to__gte=today
        ).values_list("unit_id", flat=True)
    )
    return {
        "provinces": provinces,
        "seconds": seconds,
        "congresses": Congress.objects.count(),
        "elected": ElectedPerson.objects.count(),
    }


def national_section(
    built: dict[str, Any], result: dict[str, tuple[float, float]], vendor: str
) -> str:
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    written = (
        f", the round written in bulk in {built['seconds']:.0f} s"
        if built["seconds"] is not None
        else ""
    )
    lines = [
        NATIONAL_MARK.format(vendor=vendor.lower(), edge="start"),
        f"## Congress overview on the national demo, {vendor}",
        "",
        f"Measured {when} on {machine().rsplit(', SQLite', 1)[0]}, {vendor}, load average"
        f" {load}, by `bench/bench_congress_overview.py --demo`: the `canbo demo --scale"
        f" national` database (its tree of {len(built['provinces'])} provinces, its people)"
        f" with every grassroots organization's congress of the 2025–2030 round simulated by"
        f" `canbo.demo.round_bulk`: {built['congresses']:,} congresses, {built['elected']:,}"
        f" people elected (sex, age and ethnicity from the registry){written}. Each sample runs"
        " the overview's queries (counts by status and kind, one page, the composition of the"
        " elected read through the elections context's selector) and its template for a random"
        " page and status filter.",
        "",
        "| Who | p50 | p95 | Target |",
        "|---|---|---|---|",
    ]
    labels = {"province": "Ban Tổ chức tỉnh ủy (a random province)", "admin": "Quản trị (all)"}
    for name, (p50, p95) in result.items():
        lines.append(f"| {labels[name]} | {p50:.0f} ms | {p95:.0f} ms | ≤ 300 ms p95 |")
    lines.append(NATIONAL_MARK.format(vendor=vendor.lower(), edge="end"))
    return "\n".join(lines)


def section(built: dict[str, Any], result: dict[str, tuple[float, float]], vendor: str) -> str:
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    lines = [
        MARK.format(vendor=vendor.lower(), edge="start"),
        f"## Congress overview (higher committee), national scale, {vendor}",
        "",
        f"Measured {when} on {machine().rsplit(', SQLite', 1)[0]}, {vendor}, load average"
        f" {load}, by `bench/bench_congress_overview.py`: {GRASSROOTS:,} congresses (one per"
        f" grassroots organization of a synthetic national tree), written in bulk in"
        f" {built['seconds']:.0f} s. Each sample runs the overview's queries and its template"
        " for a random page and status filter. The people elected are read through the"
        " elections context's selector for the 50 congresses of the page; its tables are empty"
        " here (the national demo with simulated results will fill them).",
        "",
        "| Who | p50 | p95 | Target |",
        "|---|---|---|---|",
    ]
    labels = {"province": "Ban Tổ chức tỉnh ủy (≈1,530 congresses)", "admin": "Quản trị (all)"}
    for name, (p50, p95) in result.items():
        lines.append(f"| {labels[name]} | {p50:.0f} ms | {p95:.0f} ms | ≤ 300 ms p95 |")
    lines.append(MARK.format(vendor=vendor.lower(), edge="end"))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--demo", type=Path, default=None, help="a national demo's data folder")
    args = parser.parse_args()
    data_dir = args.demo or args.data_dir or Path(tempfile.mkdtemp(prefix="canbo-congresses-"))
    os.environ["CANBO_DATA_DIR"] = str(data_dir.resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    vendor = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    mark = NATIONAL_MARK if args.demo else MARK
    if args.demo:
        built = national()
        text = national_section(built, measure(built["provinces"], args.samples), vendor)
    else:
        built = build()
        text = section(built, measure(built["provinces"], args.samples), vendor)
    print(text)
    if not args.no_write:
        start = mark.format(vendor=vendor.lower(), edge="start")
        end = mark.format(vendor=vendor.lower(), edge="end")
        current = DOC.read_text() if DOC.exists() else "# Benchmarks\n"
        if start in current and end in current:
            before, rest = current.split(start, 1)
            current = before + text + rest.split(end, 1)[1]
        else:
            current = current.rstrip("\n") + "\n\n" + text + "\n"
        DOC.write_text(current)


if __name__ == "__main__":
    main()
