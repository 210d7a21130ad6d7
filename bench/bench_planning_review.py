"""National planning review benchmark (performance).

Target: the national planning review report (every plan of the country reviewed on one day:
the removals each person's facts call for, with their rule, and the people who could be
added) at ``--scale national`` ≤ 60 s and ≤ 2 GiB, on SQLite and PostgreSQL.

    python bench/bench_planning_review.py --data-dir DIR [--scale national|small]
    DATABASE_URL=... python bench/bench_planning_review.py --data-dir DIR

Data (synthetic, written in bulk the first time into the database; the national demo has no
plans): the national tree of the 2025 reorganization (34 provinces, 3,321 communes, 52,000
grassroots committees), in each committee five people holding a post (cell secretaries and
committee members), each with a certified confidence result (2% in band B, 0.3% in C, from
one vote per province), a published classification of 2025 (1% KHT) and 0.5% with a Party
reprimand; plans of the 2026–2031 term for two posts of every grassroots committee and
commune and five of every province, two people in each. ``yearly_review`` of the whole
country (``record_tasks=False``: the report, not the writing of tasks) runs in a child
process; its wall time and peak RSS are its own. The planning section of
docs/benchmarks.md is rewritten from each database's results (``--results``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- planning:start -->", "<!-- planning:end -->"
SCALES = {"national": (34, 3_321, 52_000), "small": (5, 60, 600)}
HOLDERS = 5
ON = dt.date(2026, 12, 1)
SINCE = dt.date(2010, 1, 1)
FOREVER = dt.date(9999, 12, 31)
GIVEN = ("An", "Bình", "Cường", "Dung", "Em", "Giang", "Hải", "Khoa", "Lan", "Minh", "Nga")
POSTS = {  # level of unit -> posts planned there (catalogue codes, QĐ 368 defaults)
    "provincial_party_committee": ("BT_TU", "PBT_TU", "CT_UBND_T", "PCT_UBND_T", "GD_SO"),
    "commune_party_committee": ("BT_DUX", "CT_UBND_X"),
    "grassroots_party_committee": ("BT_DUCS", "PBT_CU"),
}
HELD = ("BT_CB", "BT_CB", "BT_CB", "UV_BCH", "UV_BCH")


def setup(data_dir: Path) -> None:
    os.environ["CANBO_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings.test")
    import django

    django.setup()


def _titles() -> dict[str, int]:
    from canbo.core.appointments.posts import QD368_2025
    from canbo.registry.models import Title

    out = {}
    for code in {c for codes in POSTS.values() for c in codes} | set(HELD):
        post = QD368_2025.grade_of(code)
        row, _ = Title.objects.get_or_create(
            code=code, defaults={"name": post.name, "level": "provincial"}
        )
        out[code] = row.pk
    return out


def build(scale: str) -> float:
    """Write the synthetic national registry slice and the plans (skipped when present)."""
    from django.core.management import call_command
    from django.db import connection, transaction

    from canbo.classification.models import Cycle, CycleSubject
    from canbo.conferences.models import Conference
    from canbo.planning.models import Plan, PlanEntry
    from canbo.registry import models as reg
    from canbo.voting.models import ResultLine, ResultVersion, VoteSession

    call_command("migrate", verbosity=0)
    if Plan.objects.exists():
        return 0.0
    started = time.perf_counter()
    provinces_n, communes_n, grassroots_n = SCALES[scale]
    rng = random.Random(2026)
    titles = _titles()
    size = 20_000
    with transaction.atomic():
        units: list[tuple[int, int | None, str]] = [(1, None, "central_committee")]
        provinces = list(range(2, 2 + provinces_n))
        units += [(p, 1, "provincial_party_committee") for p in provinces]
        next_id = 2 + provinces_n
        for i in range(communes_n):
            units.append((next_id, provinces[i % provinces_n], "commune_party_committee"))
            next_id += 1
        for i in range(grassroots_n):
            units.append((next_id, provinces[i % provinces_n], "grassroots_party_committee"))
            next_id += 1
        reg.OrgUnit.objects.bulk_create(
            (
                reg.OrgUnit(id=u, code=f"Q{u:07d}", pillar="party", valid_from=SINCE)
                for u, _p, _k in units
            ),
            batch_size=size,
        )
        reg.UnitVersion.objects.bulk_create(
            (
                reg.UnitVersion(
                    unit_id=u, name=f"Đảng bộ {u}", kind=k, parent_id=p, sort_key=f"dang bo {u}",
                    valid_from=SINCE,
                )
                for u, p, k in units
            ),
            batch_size=size,
        )  # fmt: skip
        province_of = {u: (p if k != "provincial_party_committee" else u) for u, p, k in units}
        people: list[reg.Person] = []
        holders: list[tuple[int, int, str]] = []  # (person, unit, title code)
        pid = 1
        for u, _p, _kind in units[1:]:
            for j in range(HOLDERS):
                given = GIVEN[pid % len(GIVEN)]
                people.append(
                    reg.Person(
                        id=pid, code=f"QH{pid:08d}", full_name=f"Nguyễn Văn {given}",
                        family_name="Nguyễn", middle_name="Văn", given_name=given,
                        sort_key=f"{given.lower()} {pid}", sex="F" if pid % 3 == 0 else "M",
                        birth_date=dt.date(1972 + pid % 22, 1 + pid % 12, 1 + pid % 28),
                        ethnicity="Tày" if pid % 11 == 0 else "Kinh",
                    )
                )  # fmt: skip
                holders.append((pid, u, HELD[j]))
                pid += 1
        reg.Person.objects.bulk_create(people, batch_size=size)
        del people
        reg.PositionHolding.objects.bulk_create(
            (
                reg.PositionHolding(
                    person_id=p, title_id=titles[code], unit_id=u, how="elected",
                    valid_from=dt.date(2020, 10, 1),
                )
                for p, u, code in holders
            ),
            batch_size=size,
        )  # fmt: skip
        reg.DisciplineRecord.objects.bulk_create(
            (
                reg.DisciplineRecord(
                    person_id=p, form="khien_trach", decision_date=dt.date(2026, 3, 1),
                    authority="Ủy ban Kiểm tra",
                )
                for p, _u, _c in holders
                if rng.random() < 0.005
            ),
            batch_size=size,
        )  # fmt: skip
        versions = {}
        for prov in provinces:
            conf = Conference.objects.create(
                unit_id=prov, title="Hội nghị lấy phiếu tín nhiệm", body="party",
                held_on=dt.date(2026, 9, 15),
            )  # fmt: skip
            session = VoteSession.objects.create(
                conference=conf, title="Lấy phiếu tín nhiệm giữa nhiệm kỳ", rulebook_id="QD96_2023"
            )
            versions[prov] = ResultVersion.objects.create(
                session=session, number=1, data={}, certified=True
            ).pk

        def band() -> str:
            x = rng.random()
            return "C" if x < 0.003 else "B" if x < 0.023 else "none"

        ResultLine.objects.bulk_create(
            (
                ResultLine(
                    version_id=versions[province_of[u]], person_id=p, position=code,
                    high=20, mid=5, low=3, invalid=0, band=band(),
                )
                for p, u, code in holders
            ),
            batch_size=size,
        )  # fmt: skip
        cycle = Cycle.objects.create(
            year=2025, as_of=dt.date(2025, 12, 31), root_id=1, name="Xếp loại 2025",
            rulebook="QD366_HD43", parameters={}, settings={}, opened_by="bench",
            opened_at=dt.datetime.now(dt.UTC), status="published",
            published_at=dt.datetime.now(dt.UTC),
        )  # fmt: skip
        CycleSubject.objects.bulk_create(
            (
                CycleSubject(
                    cycle=cycle, kind="individual", unit_id=u, person_id=p, decider_id=u, top_id=1,
                    group=f"g@{u}", group_unit_id=u, step=4,
                    final_level=0 if rng.random() < 0.01 else 2,
                )
                for p, u, _c in holders
            ),
            batch_size=size,
        )  # fmt: skip
        by_unit: dict[int, list[int]] = {}
        for p, u, _c in holders:
            by_unit.setdefault(u, []).append(p)
        plans = []
        for u, _p, kind in units[1:]:
            for code in POSTS[kind]:
                plans.append(
                    Plan(
                        title_id=titles[code], unit_id=u, term_label="2026-2031",
                        term_start=dt.date(2026, 7, 1), term_end=dt.date(2031, 6, 30),
                        rulebook_id="QD377_2025", approved_on=dt.date(2026, 1, 15),
                        approved_by_ref=f"QĐ {u}-QĐ/TU",
                    )
                )  # fmt: skip
        Plan.objects.bulk_create(plans, batch_size=size)
        entries = []
        for plan_id, unit_id in Plan.objects.values_list("pk", "unit_id").iterator():
            for person in rng.sample(by_unit[unit_id], 2):
                entries.append(
                    PlanEntry(
                        plan_id=plan_id,
                        person_id=person,
                        added_on=dt.date(2026, 1, 15),
                        added_decision="QĐ quy hoạch",
                    )
                )
        PlanEntry.objects.bulk_create(entries, batch_size=size)
    with connection.cursor() as cur:
        cur.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return time.perf_counter() - started


def review_child() -> None:
    """Run in a child process: the national review; print wall time, peak RSS and counts."""
    from collections import Counter
    from typing import cast

    from canbo.core.types import UnitId
    from canbo.planning.uow import DjangoPlanningUnitOfWork
    from canbo.services.planning.ports import PlanningUnitOfWork
    from canbo.services.planning.review import yearly_review
    from canbo.services.ports import SYSTEM

    started = time.perf_counter()
    uow = cast(PlanningUnitOfWork, DjangoPlanningUnitOfWork())
    found = yearly_review(uow, SYSTEM, UnitId(1), ON.year, ON, record_tasks=False)
    seconds = time.perf_counter() - started
    reasons = Counter(r.reason.value for r in found.removals)
    print(
        json.dumps(
            {
                "seconds": round(seconds, 1),
                "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "plans": len(found.plans),
                "entries": sum(len(p.active) for p in found.plans),
                "people": found.people_checked,
                "removals": dict(sorted(reasons.items())),
                "mandatory": sum(1 for r in found.removals if r.mandatory),
                "additions": len(found.additions),
            }
        )
    )


def database() -> str:
    from django.db import connection

    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("SHOW server_version")
            return f"PostgreSQL {cur.fetchone()[0].split()[0]}"
        cur.execute("SELECT sqlite_version()")
        return f"SQLite {cur.fetchone()[0]}"


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next(
        (ln.split(":", 1)[1].strip() for ln in cpuinfo.splitlines() if "model name" in ln),
        platform.processor(),
    )
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}"


def section(results: dict[str, Any]) -> str:
    lines = [
        START,
        "## National planning review (`bench/bench_planning_review.py`)",
        "",
        "Every plan of the country reviewed on one day (`yearly_review` of the root, the report"
        " without writing tasks): each planned person's facts from the registry, certified"
        " confidence results and the published classification, the core's planning checks, and"
        " the holders of lower posts who could be added. Synthetic data, described in the"
        " script. Target ≤ 60 s and ≤ 2 GiB.",
        "",
        "| Database | Plans | People in plans | People read | Removals by reason (band_b: B or C) |"
        " Could be added | Wall time | Peak RSS |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, r in sorted(results.items()):
        removals = ", ".join(f"{k} {v:,}" for k, v in r["removals"].items())
        lines.append(
            f"| {name} | {r['plans']:,} | {r['entries']:,} | {r['people']:,} | {removals} |"
            f" {r['additions']:,} | **{r['seconds']} s** | **{r['peak_rss_mib']} MiB** |"
        )
    lines += [
        "",
        f"Measured {dt.date.today().isoformat()} on {machine()}, a machine shared with other"
        " work (an earlier version took 72 s on SQLite while a PostgreSQL build ran beside it)."
        " The review runs in one process; the registry is read 5,000 people per query in raw"
        " SQL. Writing the synthetic data took 166 s on SQLite and 112 s on PostgreSQL.",
        END,
    ]
    return "\n".join(lines)


def write_doc(text: str) -> None:
    current = DOC.read_text() if DOC.exists() else "# Benchmarks\n"
    if START in current and END in current:
        before, rest = current.split(START, 1)
        DOC.write_text(before + text + rest.split(END, 1)[1])
    else:
        DOC.write_text(current.rstrip("\n") + "\n\n" + text + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data-dir", type=Path, default=Path(tempfile.gettempdir()) / "canbo-bench-planning"
    )
    parser.add_argument("--scale", choices=sorted(SCALES), default="national")
    parser.add_argument("--results", type=Path, default=None)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    data_dir = args.data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    setup(data_dir)
    if args.child:
        review_child()
        return
    built = build(args.scale)
    print(f"data written in {built:.0f} s" if built else "data already there")
    out = subprocess.run(
        [sys.executable, __file__, "--data-dir", str(data_dir), "--child"],
        check=True,
        capture_output=True,
        text=True,
        env=os.environ.copy(),
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    name = f"{database()}, --scale {args.scale}"
    print(name, json.dumps(result))
    results_file = args.results or data_dir / "planning_results.json"
    saved = json.loads(results_file.read_text()) if results_file.exists() else {}
    saved[name] = result
    results_file.write_text(json.dumps(saved, indent=1))
    if not args.no_write:
        write_doc(section(saved))


if __name__ == "__main__":
    main()
