"""Benchmark of signed bundles: a province's classification results (about 300,000 rows)
exported, verified and imported, each ≤ 30 s.

Two installations, each with its own data folder (and database): the province's, which holds
the registry and a published classification cycle of the province's subtree (one collective
per unit and about 297,000 members, written straight into the tables), and the centre's, a copy
of the same registry. The province exports ``classification_results`` for its scope and the
year with the real codec (``canbo bundle export``); the centre registers the province's key
and runs ``canbo bundle verify`` and ``canbo bundle import`` on the file. Each command runs in
its own process: wall time (startup included) and that process's peak RSS. On PostgreSQL
(``DATABASE_URL`` naming a throwaway cluster; two databases are created beside it) the same.
Results replace the "Bundles" section of docs/benchmarks.md.

    python bench/bench_bundles.py [--rows 300000] [--no-doc]
    DATABASE_URL=postgres://postgres@127.0.0.1:55455/canbo python bench/bench_bundles.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- bench_bundles:start -->", "<!-- bench_bundles:end -->"
YEAR_FROM, YEAR_TO = "2025-01-01", "2025-12-31"
COMMUNES, CELLS_PER_COMMUNE = 120, 20
PROVINCE_CODE = "BENCH-TQ"


def build(rows: int) -> None:
    """(child) The province's tree and a published cycle with ``rows`` subjects."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", verbosity=0)
    with transaction.atomic():
        _tree_and_cycle(rows)


def _tree_and_cycle(rows: int) -> None:
    from canbo.classification.models import Cycle, CycleSubject
    from canbo.registry.models import OrgUnit, Person, UnitVersion

    since = dt.date(2010, 1, 1)

    def unit(code: str, name: str, kind: str, parent: OrgUnit | None) -> OrgUnit:
        u = OrgUnit.objects.create(code=code, pillar="party", valid_from=since)
        UnitVersion.objects.create(
            unit=u, name=name, kind=kind, parent=parent, sort_key=name, valid_from=since
        )
        return u

    central = unit("BENCH-TW", "Ban Chấp hành Trung ương", "central_committee", None)
    province = unit(
        PROVINCE_CODE, "Đảng bộ tỉnh Tuyên Quang", "provincial_party_committee", central
    )
    cells: list[OrgUnit] = []
    units = [province]
    for c in range(COMMUNES):
        commune = unit(f"BENCH-X{c:03d}", f"Đảng bộ xã {c}", "commune_party_committee", province)
        units.append(commune)
        for k in range(CELLS_PER_COMMUNE):
            cell = unit(f"BENCH-X{c:03d}-C{k:02d}", f"Chi bộ thôn {c}-{k}", "cell", commune)
            cells.append(cell)
            units.append(cell)
    cycle = Cycle.objects.create(
        year=2025, as_of=dt.date(2025, 12, 31), root=province, name="Đánh giá, xếp loại năm 2025",
        rulebook="QD366_HD43", parameters={}, settings={}, status="published", opened_by="bench",
        opened_at=dt.datetime(2025, 11, 1, tzinfo=dt.UTC),
        published_at=dt.datetime(2026, 1, 5, tzinfo=dt.UTC),
    )  # fmt: skip
    subjects = [_subject(cycle, u, province, None, "collective") for u in units]
    people = rows - len(subjects)
    batch: list[Person] = []
    for i in range(people):
        batch.append(Person(
            code=f"BP{i:07d}", full_name=f"Nguyễn Văn An {i}", family_name="Nguyễn",
            middle_name="Văn", given_name=f"An {i}", sort_key=f"an {i:07d}",
            birth_date=dt.date(1980, 1, 1), sex="M",
        ))  # fmt: skip
        if len(batch) == 5000 or i == people - 1:
            made = Person.objects.bulk_create(batch)
            if made[0].pk is None:  # SQLite before 3.35 returns no ids
                made = list(Person.objects.filter(code__in=[p.code for p in batch]))
            subjects += [
                _subject(cycle, cells[(p.pk or 0) % len(cells)], province, p, "individual")
                for p in made
            ]
            CycleSubject.objects.bulk_create(subjects, batch_size=5000)
            subjects, batch = [], []
    if subjects:
        CycleSubject.objects.bulk_create(subjects, batch_size=5000)


def _subject(cycle: object, unit: object, top: object, person: object, kind: str) -> object:
    from canbo.classification.models import CycleSubject

    return CycleSubject(
        cycle=cycle, kind=kind, unit=unit, person=person, decider_id=top.pk,  # type: ignore[attr-defined]
        top_id=top.pk, group="bench", group_unit_id=unit.pk,  # type: ignore[attr-defined]
        final_level=(hash((unit.pk, getattr(person, "pk", 0))) % 4),  # type: ignore[attr-defined]
    )  # fmt: skip


MEASURE = """
import resource, subprocess, sys, time
t = time.monotonic()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.monotonic() - t
sys.stderr.write(done.stdout + done.stderr)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{wall:.3f} {peak} {done.returncode}")
"""


def canbo(
    data: Path, env: dict[str, str], *args: str, measure: bool = False
) -> tuple[float, int, str]:
    cmd = [sys.executable, "-m", "canbo.cli", "--data-dir", str(data), *args]
    if not measure:
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr[-3000:]}")
        return 0.0, 0, done.stdout
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *cmd], env=env, capture_output=True, text=True, check=False
    )
    wall, peak, code = done.stdout.strip().splitlines()[-1].split()
    if code != "0":
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return float(wall), int(peak), done.stderr


def _pg_clone(url: str, names: tuple[str, str]) -> tuple[str, str]:
    import psycopg

    base = url.rsplit("/", 1)[0]
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        for name in names:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{names[0]}"')
    return f"{base}/{names[0]}", f"{base}/{names[1]}"


def run_on(label: str, base_env: dict[str, str], work: Path, rows: int) -> str:
    env = {**base_env, "DJANGO_SETTINGS_MODULE": "canbo.settings.dev", "PYTHONPATH": str(ROOT)}
    province, centre = work / "province", work / "centre"
    province.mkdir(parents=True)
    envs = {"p": dict(env), "c": dict(env)}
    if "DATABASE_URL" in env:
        url_p, url_c = _pg_clone(env["DATABASE_URL"], ("bench_bundles_p", "bench_bundles_c"))
        envs["p"]["DATABASE_URL"], envs["c"]["DATABASE_URL"] = url_p, url_c
    child = [sys.executable, __file__, "--child-build", str(rows)]
    subprocess.run(child, env={**envs["p"], "CANBO_DATA_DIR": str(province)}, check=True)
    if "DATABASE_URL" in env:
        import psycopg

        with psycopg.connect(url_p.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            conn.execute('CREATE DATABASE "bench_bundles_c" TEMPLATE "bench_bundles_p"')
    # The same data folder (its secret, so the copied audit chain stays authentic), no keys yet.
    shutil.copytree(province, centre, ignore=shutil.ignore_patterns("keys"))
    ep, ec = envs["p"], envs["c"]
    canbo(
        province,
        ep,
        "bundle",
        "keys",
        "init",
        "--installation",
        "Tỉnh Tuyên Quang",
        "--unit",
        PROVINCE_CODE,
    )
    canbo(
        centre, ec, "bundle", "keys", "init", "--installation", "Trung ương", "--unit", "BENCH-TW"
    )
    public = work / "province.pub"
    public.write_text(canbo(province, ep, "bundle", "keys", "show")[2])
    canbo(centre, ec, "bundle", "keys", "register", "--installation", "Tỉnh Tuyên Quang",
          "--unit", PROVINCE_CODE, "--public-key", str(public), "--relation", "lower")  # fmt: skip
    out = work / "tuyen-quang-2025.zip"
    load = os.getloadavg()[0]
    steps = {
        "export": canbo(province, ep, "bundle", "export", "--kinds",
                        "classification_results", "--scope", PROVINCE_CODE, "--from", YEAR_FROM,
                        "--to", YEAR_TO, "--out", str(out), measure=True),
        "verify": canbo(centre, ec, "bundle", "verify", str(out), measure=True),
        "import": canbo(centre, ec, "bundle", "import", str(out), measure=True),
        "again": canbo(centre, ec, "bundle", "import", str(out), measure=True),
    }  # fmt: skip
    size = out.stat().st_size / 1024 / 1024
    cells = " | ".join(f"{w:.1f} s, {p / 1024:.0f} MiB" for w, p, _ in steps.values())
    for name, (wall, peak, text) in steps.items():
        print(
            f"{label} {name}: {wall:.1f} s, peak RSS {peak / 1024:.0f} MiB — {text.strip()[-160:]}"
        )
    return f"| {label} | {rows:,} | {size:.1f} | {cells} | {load:.1f} |"


def machine() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), platform.processor(),
    )  # fmt: skip
    found = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())
    ram = f"{int(found.group(1)) / 1024 / 1024:.1f} GiB RAM" if found else ""
    return f"{os.cpu_count()} cores, {cpu}, {ram}, Python {platform.python_version()}"


def update_doc(lines: list[str]) -> None:
    section = "\n".join([
        START, "## Bundles (bench/bench_bundles.py)", "",
        f"Run {dt.date.today():%d/%m/%Y} on {machine()}.", "",
        "A province's published classification results (one collective per unit of 2,521 units"
        " and members to the row count) as a signed bundle: `canbo bundle export` at the"
        " province's installation with the real `classification_results` codec, then"
        " `canbo bundle verify` and `canbo bundle import` at the centre's (its own database, a"
        " copy of the registry, the province's key registered), and the same import again"
        " (idempotent: nothing written). Each command is its own process: wall time with"
        " startup, and its peak RSS.", "",
        "| Database | Rows | Bundle (MiB) | Export | Verify | Import | Again | Load avg |",
        "|---|---:|---:|---:|---:|---:|---:|---:|", *lines,
        "", "Target: export, verify and import each ≤ 30 s.", END,
    ])  # fmt: skip
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    if START in text and END in text:
        text = text[: text.index(START)] + section + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOC.write_text(text, encoding="utf-8")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child-build":
        sys.path.insert(0, str(ROOT))
        build(int(sys.argv[2]))
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--no-doc", action="store_true", help="do not update docs/benchmarks.md")
    parser.add_argument("--sqlite-only", action="store_true")
    args = parser.parse_args()
    env = dict(os.environ)
    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-bundles-") as tmp:
        sqlite_env = {k: v for k, v in env.items() if k != "DATABASE_URL"}
        lines.append(run_on("SQLite", sqlite_env, Path(tmp) / "sqlite", args.rows))
        if "DATABASE_URL" in env and not args.sqlite_only:
            lines.append(run_on("PostgreSQL", env, Path(tmp) / "pg", args.rows))
    print("\n".join(lines))
    if not args.no_doc:
        update_doc(lines)


if __name__ == "__main__":
    main()
