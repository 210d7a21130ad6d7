"""Home page benchmark on the national demo: the time to count the figures (no cache) for an
administrator of the whole tree, a province's organization commission and a cell secretary,
the time of ``canbo home figures``, and the p95 of the page itself once counted.

    python bench/bench_home.py --data-dir DIR [--samples 50] [--no-write]

DIR holds a demo built with ``canbo demo --scale national`` (its accounts ``admin``,
``tinhuy.tuyenquang`` and ``bithu.chibo``). The database is only read; the figures are kept in
a temporary cache folder. Target: the home page as administrator ≤ 500 ms p95. Writes the
"home" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.bench_national import machine, percentiles  # noqa: E402

DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- home:start -->", "<!-- home:end -->"
ACCOUNTS = (
    ("admin", "Quản trị, toàn hệ thống / admin, whole tree"),
    ("tinhuy.tuyenquang", "Ban Tổ chức Tỉnh ủy Tuyên Quang / province clerk"),
    ("bithu.chibo", "Bí thư chi bộ / cell secretary"),
)


def ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def measure(samples: int) -> dict[str, Any]:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.shortcuts import render
    from django.test import RequestFactory

    from canbo.accounts.actors import actor_for
    from canbo.core.clock import SystemClock
    from canbo.web import dashboard
    from canbo.web import dashboard_counting as counting

    today = SystemClock().today()
    users = {
        u.username: u
        for u in get_user_model().objects.filter(username__in=[a for a, _ in ACCOUNTS])
    }
    result: dict[str, Any] = {"rows": []}
    for username, label in ACCOUNTS:
        user = users[username]
        actor = actor_for(user, today)
        cold = []
        for _ in range(1 if username == "admin" else 3):
            started = time.perf_counter()
            home = counting.count_ahead(actor, today, 600)  # counted afresh, then kept
            cold.append(ms(started))
        request = RequestFactory().get("/")
        request.user = user
        page = []
        for _ in range(samples):
            started = time.perf_counter()
            data = counting.home(actor, today)
            render(request, "web/home.html", {"home": data, "actions": dashboard.actions(actor)})
            page.append(ms(started))
        result["rows"].append((label, home.members, statistics.median(cold), *percentiles(page)))
    started = time.perf_counter()
    call_command("home_figures", stdout=open(os.devnull, "w"))
    result["home_figures"] = ms(started) / 1000
    return result


def section(result: dict[str, Any], samples: int) -> str:
    lines = [
        START,
        "## Home page (`bench/bench_home.py`, national demo, SQLite)",
        "",
        f"Measured {dt.date.today().isoformat()} on {machine()}"
        f" (load average at the end: {os.getloadavg()[0]:.1f}; other work was running).",
        "",
        f"| Account | Members in scope | Counting, no cache | Page p50 ({samples} samples)"
        " | Page p95 |",
        "|---|---|---|---|---|",
    ]
    for label, members, cold, p50, p95 in result["rows"]:
        lines.append(
            f"| {label} | {members:,} | {cold / 1000:.1f} s | {p50:.0f} ms | {p95:.0f} ms |"
        )
    lines += [
        "",
        "`canbo home figures` (every account's scope counted ahead):"
        f" {result['home_figures']:.0f} s.",
        "The page's figures are read from the `home` cache (counted by the first page, or ahead by",
        "`canbo home figures`); the page rows time the selectors and the template, not the login",
        "middleware. Target: the administrator's home page ≤ 500 ms p95. Without the cache the",
        "whole tree's figures read all 5.3 million memberships: the page then counts them in the",
        "background and says so, unless `canbo home figures` ran (nightly, and after a build).",
        END,
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--samples", type=int, default=50)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    os.environ["CANBO_DATA_DIR"] = str(args.data_dir.resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings.dev")
    import django

    django.setup()
    from django.conf import settings

    settings.CACHES["home"]["LOCATION"] = tempfile.mkdtemp(prefix="canbo-home-cache-")
    settings.CANBO_HOME_CACHE_SECONDS = 600
    text = section(measure(args.samples), args.samples)
    print(text)
    if not args.no_write:
        current = DOC.read_text() if DOC.exists() else "# Benchmarks\n"
        if START in current and END in current:
            before, rest = current.split(START, 1)
            current = before + text + rest.split(END, 1)[1]
        else:
            current = current.rstrip("\n") + "\n\n" + text + "\n"
        DOC.write_text(current)


if __name__ == "__main__":
    main()
