"""The requester's overview of a report request sent to every commune of the country: 3,321
communes under 34 provinces, the Party Charter survey of the demo, most communes answered.

    python bench/bench_survey_overview.py [--data-dir DIR] [--samples 100] [--no-write]
    DATABASE_URL=postgres://... python bench/bench_survey_overview.py ...

DIR (default a new temporary folder) gets a fresh database with a national-shaped tree
(central committee, 34 provinces, 3,321 communes) written in bulk; the request is sent from the
central committee through the survey use case (the targets and their paths are read from the
tree as the pages do), then 85% of the communes answer (random answers valid for the form,
written in bulk; 10% of them late; the roll-up then rebuilt once). Each sample reads the page's
selector (counts, late list, one page of 50 units, the total and the 34 provinces' aggregates
kept per level) and the whole overview page through the test client; then a commune that had not
answered submits through the use case (its report added to the roll-up in the same transaction)
and the page is read again with the new totals. Target: ≤ 300 ms p95 on SQLite and PostgreSQL.
Writes the "survey overview" section of docs/benchmarks.md for the database used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
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
MARK = "<!-- survey-overview-{vendor}:{edge} -->"
PROVINCES, COMMUNES = 34, 3_321
SENT = dt.date(2026, 3, 2)
DEADLINE = dt.date(2026, 3, 31)
TODAY = dt.date(2026, 4, 10)


def _units(kind: str, names: list[str], parents: list[int | None]) -> list[int]:
    from canbo.core.collation import sort_key
    from canbo.registry.models import OrgUnit, UnitVersion

    made = OrgUnit.objects.bulk_create(
        [OrgUnit(code=f"S{kind[:3]}{i:06d}", pillar="party", valid_from=dt.date(2010, 1, 1))
         for i in range(len(names))], batch_size=2000,
    )  # fmt: skip
    UnitVersion.objects.bulk_create(
        [UnitVersion(unit=u, name=n, kind=kind, parent_id=p, sort_key=sort_key(n),
                     valid_from=dt.date(2010, 1, 1))
         for u, n, p in zip(made, names, parents, strict=True)], batch_size=2000,
    )  # fmt: skip
    return [u.pk for u in made]


def build() -> dict[str, Any]:
    """The tree in bulk, the request through the use case, the answers in bulk."""
    from django.db import transaction

    from canbo.core.types import AccountId, Role, UnitId
    from canbo.demo.surveys import CHARTER_SURVEY, _answers
    from canbo.services.ports import Actor, Grant
    from canbo.services.surveys import forms, requests
    from canbo.surveys import models as m
    from canbo.surveys import rollups
    from canbo.surveys.uow import DjangoSurveyUnitOfWork

    rng = random.Random(2026)
    started = time.perf_counter()
    with transaction.atomic():
        root = _units("central_committee", ["Ban Chấp hành Trung ương"], [None])[0]
        provinces = _units(
            "provincial_party_committee", [f"Đảng bộ tỉnh {i}" for i in range(PROVINCES)],
            [root] * PROVINCES,
        )  # fmt: skip
        parents: list[int | None] = [provinces[i % PROVINCES] for i in range(COMMUNES)]
        _units("commune_party_committee", [f"Đảng bộ xã {i}" for i in range(COMMUNES)], parents)
    staff = Actor(AccountId(0), "bench", (Grant(Role.ADMIN, None),))
    at = dt.datetime(2026, 3, 2, 2, tzinfo=dt.UTC)
    form_id = forms.define_form(DjangoSurveyUnitOfWork(), staff, UnitId(root), CHARTER_SURVEY, at)  # type: ignore[arg-type]
    request_id = requests.send_request(
        DjangoSurveyUnitOfWork(), staff, form_id=form_id, requester_id=UnitId(root),  # type: ignore[arg-type]
        target_kind="commune_party_committee", deadline=DEADLINE, title="Khảo sát Điều lệ Đảng",
        now=at, today=SENT,
    )  # fmt: skip
    sent_seconds = time.perf_counter() - started
    rows = list(m.Assignment.objects.filter(request_id=request_id))
    answered = [a for a in rows if rng.random() < 0.85]
    subs = []
    with transaction.atomic():
        for a in answered:
            day = (
                DEADLINE + dt.timedelta(days=3)
                if rng.random() < 0.1
                else SENT + dt.timedelta(days=10)
            )
            a.current_answers, a.versions, a.first_submitted_on = _answers(rng), 1, day
            a.late = day > DEADLINE
            subs.append(m.Submission(
                assignment=a, version=1, answers=a.current_answers, submitted_at=at,
                submitted_on=day, late=a.late, source="web",
            ))  # fmt: skip
        m.Assignment.objects.bulk_update(
            answered, ["current_answers", "versions", "first_submitted_on", "late"], batch_size=500
        )
        m.Submission.objects.bulk_create(subs, batch_size=1000)
        rollups.rebuild(request_id)  # the answers were written in bulk, past the use case
    return {
        "request_id": request_id,
        "assigned": len(rows),
        "answered": len(answered),
        "seconds": time.perf_counter() - started,
        "sent_seconds": sent_seconds,
    }


def measure(request_id: int, samples: int) -> dict[str, tuple[float, float]]:
    """Each sample: the selector alone, the page alone, then a commune that had not answered
    submits through the use case (its report added to the roll-up of its province and of the
    requester in the same transaction) and the page is read right after it, with the new
    totals. A few corrections (which rebuild the request's roll-up) are timed apart."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from canbo.core.types import AccountId, Role
    from canbo.demo.surveys import _answers
    from canbo.services.ports import Actor, Grant
    from canbo.services.surveys import submissions
    from canbo.services.surveys.ports import AssignmentId
    from canbo.surveys import models as m
    from canbo.surveys import selectors
    from canbo.surveys.uow import DjangoSurveyUnitOfWork

    rng = random.Random(13)
    staff = Actor(AccountId(0), "bench", (Grant(Role.ADMIN, None),))
    at = dt.datetime(2026, 4, 10, 2, tzinfo=dt.UTC)
    waiting = list(
        m.Assignment.objects.filter(request_id=request_id, versions=0).values_list("pk", flat=True)
    )
    rng.shuffle(waiting)
    user = get_user_model().objects.create_superuser("bench.admin", password=None)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    path = f"/yeu-cau-bao-cao/{request_id}/"
    assert client.get(path).status_code == 200
    out: dict[str, list[float]] = {k: [] for k in ("selector", "page", "submit", "after")}

    def timed(name: str, call: Any) -> Any:
        started = time.perf_counter()
        result = call()
        out[name].append((time.perf_counter() - started) * 1000)
        return result

    for i in range(samples):
        timed("selector", lambda: selectors.overview_page(request_id, TODAY))
        assert timed("page", lambda: client.get(path)).status_code == 200
        pk = AssignmentId(waiting[i % len(waiting)])
        answers = _answers(rng)
        uow = DjangoSurveyUnitOfWork()
        submit = functools.partial(submissions.submit, uow, staff, pk, answers)  # type: ignore[arg-type]
        timed("submit", functools.partial(submit, now=at, today=TODAY))
        response = timed("after", lambda: client.get(path))
        assert response.status_code == 200
        total = selectors.overview(request_id, TODAY).total.units
        assert f"({total} đơn vị đã nộp)" in response.content.decode()  # the new total
    fixes = []
    for pk in waiting[:5]:
        fixed = dict(m.Assignment.objects.get(pk=pk).current_answers or {})
        fixed["ket_nap_moi"] = int(fixed.get("ket_nap_moi") or 0) + 1
        started = time.perf_counter()
        submissions.correct(
            DjangoSurveyUnitOfWork(), staff, AssignmentId(pk), fixed,  # type: ignore[arg-type]
            reason="bench", now=at, today=TODAY,
        )  # fmt: skip
        fixes.append((time.perf_counter() - started) * 1000)
    result = {k: percentiles(v) for k, v in out.items()}
    result["correct"] = percentiles(fixes)
    return result


def section(
    built: dict[str, Any], result: dict[str, tuple[float, float]], vendor: str, samples: int
) -> str:
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    lines = [
        MARK.format(vendor=vendor.lower(), edge="start"),
        f"## Report request overview, {COMMUNES:,} communes, {vendor}",
        "",
        f"Measured {when} on {machine().rsplit(', SQLite', 1)[0]}, {vendor}, load average"
        f" {load} (the machine's 2 cores shared with other sessions), by"
        " `bench/bench_survey_overview.py`: the Party Charter survey sent by the central"
        f" committee to every commune of a synthetic national tree ({PROVINCES} provinces,"
        f" {built['assigned']:,} communes; the request sent through the use case in"
        f" {built['sent_seconds']:.1f} s), {built['answered']:,} communes answered (10% late)."
        " The total and the 34 provinces' aggregates are kept per level in the submission's"
        " transaction (table `surveys_rollup`), so no read recomputes them; the page reads them,"
        " the counts, the late list and one page of 50 units in SQL (the selector line), adds"
        " the access check and the template. Each sample reads the page, then a commune that had"
        " not answered submits through the use case and the page is read again, showing the new"
        f" total ({samples} samples of each).",
        "",
        "| What | p50 | p95 | Target |",
        "|---|---|---|---|",
    ]
    labels = {
        "selector": "Overview page's reads (counts, late list, 50 units, total, provinces)",
        "page": "Overview page (HTTP, administrator)",
        "submit": "A new report through the use case (roll-up of its province and total updated)",
        "after": "Overview page right after that new report (HTTP, the new totals)",
        "correct": "A correction (the request's roll-up rebuilt from every answer; 5 samples)",
    }
    for name, (p50, p95) in result.items():
        target = "≤ 300 ms p95" if name in ("selector", "page", "after") else "—"
        lines.append(f"| {labels[name]} | {p50:.0f} ms | {p95:.0f} ms | {target} |")
    lines.append(MARK.format(vendor=vendor.lower(), edge="end"))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="canbo-surveys-"))
    os.environ["CANBO_DATA_DIR"] = str(data_dir.resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    vendor = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    built = build()
    text = section(built, measure(built["request_id"], args.samples), vendor, args.samples)
    print(text)
    if not args.no_write:
        start = MARK.format(vendor=vendor.lower(), edge="start")
        end = MARK.format(vendor=vendor.lower(), edge="end")
        current = DOC.read_text() if DOC.exists() else "# Benchmarks\n"
        if start in current and end in current:
            before, rest = current.split(start, 1)
            current = before + text + rest.split(end, 1)[1]
        else:
            current = current.rstrip("\n") + "\n\n" + text + "\n"
        DOC.write_text(current)


if __name__ == "__main__":
    main()
