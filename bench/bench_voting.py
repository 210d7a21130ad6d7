"""Confidence-vote benchmark with sealed ballots.

Targets: 2,000 voters casting a 50-person confidence ballot over HTTP on loopback, sustained
≥ 300 ballots/s, p99 ≤ 300 ms, no errors, on SQLite and PostgreSQL, beside the raw rate of a
cast's rows (spent code + sealed box) in the same database and the cost of sealing alone;
close → counted (the committee's shares rebuild the key, every sealed ballot is opened) →
certified for 2,000 × 50 ≤ 200 ms; the count of 1,000,000 ballots ≤ 20 s.

    python bench/bench_voting.py [--data-dir DIR] [--voters 2000] [--subjects 50]
        [--workers 2] [--threads 8] [--clients 32] [--tally 100000] [--out results.jsonl]
    python bench/bench_voting.py --tally-only 1000000 --out results.jsonl  # count step only
    python bench/bench_voting.py --doc results.jsonl   # write the docs/benchmarks.md section

Set ``DATABASE_URL`` for PostgreSQL (``bench/voting_pg.sh`` starts a durable cluster). Steps:
the conference is built through the services (``bench/voting_setup.py``; the counting
committee makes its key before the vote opens), ``canbo serve`` runs as its own process group,
``bench/voting_load.py`` drives it from another process, and ``bench/voting_steps.py`` times
the count and the raw inserts in the server's database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- voting:start -->", "<!-- voting:end -->"


def env(data_dir: Path) -> dict[str, str]:
    values = dict(os.environ)
    values.update(
        DJANGO_SETTINGS_MODULE="canbo.settings.dev",
        PYTHONPATH=str(ROOT),
        CANBO_DATA_DIR=str(data_dir),
    )
    return values


def step(data_dir: Path, name: str, *args: int) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, str(BENCH / "voting_steps.py"), name, str(data_dir), *map(str, args)],
        env=env(data_dir),
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"step {name} failed:\n{proc.stderr[-4000:]}")
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT "))
    return dict(json.loads(line.removeprefix("RESULT ")))


def cli(data_dir: Path, *args: str) -> None:
    cmd = [sys.executable, "-m", "canbo.cli", "--data-dir", str(data_dir), *args]
    subprocess.run(cmd, env=env(data_dir), check=True, cwd=ROOT, capture_output=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(data_dir: Path, port: int, workers: int, threads: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "canbo.cli", "--data-dir", str(data_dir), "serve"]
    cmd += ["--port", str(port), "--workers", str(workers), "--threads", str(threads)]
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env(data_dir), stdout=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/bo-phieu/0/bau/", timeout=2)
        except urllib.error.HTTPError:
            return proc  # 404 for session 0: the server answers
        except OSError:
            time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGKILL)
    raise SystemExit("server did not start")


def http_phase(data_dir: Path, a: argparse.Namespace) -> dict[str, Any]:
    port = free_port()
    server = start_server(data_dir, port, a.workers, a.threads)
    out = data_dir / "load.json"
    try:
        for _ in range(2):  # warm every worker's imports and templates with two requests
            urllib.request.urlopen(f"http://127.0.0.1:{port}/bo-phieu/1/bau/", timeout=10)
        cmd = [sys.executable, str(BENCH / "voting_load.py"), str(port)]
        cmd += [str(data_dir / "fixture.json"), "--clients", str(a.clients), "--out", str(out)]
        subprocess.run(cmd, check=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    return dict(json.loads(out.read_text()))


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": dt.date.today().isoformat(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "load_before": os.getloadavg()[0],
    }


def run(a: argparse.Namespace) -> dict[str, Any]:
    data_dir = Path(a.data_dir or tempfile.mkdtemp(prefix="canbo-bench-vote-"))
    result: dict[str, Any] = {"machine": machine(), "args": vars(a) | {"data_dir": str(data_dir)}}
    result["database"] = "postgresql" if os.environ.get("DATABASE_URL") else "sqlite"
    cli(data_dir, "migrate", "--verbosity", "0")
    if a.tally_only:
        result["setup"] = step(data_dir, "build", 20, a.subjects)
        result["tally"] = step(data_dir, "tally", a.tally_only)
        result["machine"]["load_after"] = os.getloadavg()[0]
        return result
    result["setup"] = step(data_dir, "build", a.voters, a.subjects)
    result["http"] = http_phase(data_dir, a)
    result["machine"]["load_after_http"] = os.getloadavg()[0]
    result["certify"] = step(data_dir, "certify")
    result["count_matches_marks"] = result["certify"]["counts"] == result["http"].pop("sums")
    result["certify"].pop("counts")
    result["raw"] = step(data_dir, "raw", a.voters)
    if a.tally:
        result["tally"] = step(data_dir, "tally", a.tally)
    result["machine"]["load_after"] = os.getloadavg()[0]
    return result


TARGETS = "≥ 300 ballots/s sustained, p99 ≤ 300 ms, no errors"
MILLION = 1_000_000
BEFORE = (
    "| before sealing (2026-11-28) | ballots/s | cast p99 ms | raw UPDATE+INSERT tx/s "
    "| certified ms | count of 1,000,000 |",
    "|---|---|---|---|---|---|",
    "| sqlite | 395 | 140 | 10,872 | 36 | 1.1 s |",
    "| postgresql | 340 | 160 | 1,187 | 66 | 1.2 s |",
    "| sqlite, the code before sealing rerun on 2026-12-06 between the sealed runs, load "
    "3.79 → 3.55 "
    "| 283 | 147 | 10,756 | 54 | – |",
)
FINDINGS = (
    "Where the time went, and what changed (2026-12-06, measured on this machine):",
    "",
    "- *Casting.* The first sealed version cast at 201 ballots/s (SQLite, load 3.4; the code "
    "before sealing gave 283 at the same load). `cast_ballot` on one thread spent 2.28 ms per "
    "cast, of which the CV-15 cap (`participation_counts`, a GROUP BY over the session's "
    "participations, and `sealed_count`) took about 1.1 ms inside SQLite's write queue, the "
    "session read through the ORM 0.41 ms and a separate spent-code lookup 0.25 ms; sealing was "
    "3 % of a cast. Now the number of delegates given a code is kept on the session row "
    "(counted at check-in), the cast reads the session's status, key and that number with one "
    "prepared statement, counts the sealed ballots with one, inserts the spent code first (a "
    "spent code is refused there; a refusal of the cap rolls it back) and the box by a prepared "
    "INSERT: 0.86 ms per cast on one thread, and the rates in the table above.",
    "- *close → certified.* Opening 2,000 boxes takes 70–100 ms (35–50 µs a box), about half "
    "of the count; storing the opened ballots by prepared INSERTs and deleting the sealed rows "
    "and spent codes 20–70 ms; rebuilding the key from the shares 2 ms.",
    "- *A million ballots.* The first sealed version took 126 s on SQLite: its shuffle popped "
    "from random places of a list (30 s, growing with the square of the ballots) and the opened "
    "ballots went through `bulk_create` (60 s). Now the shuffle is `secrets.SystemRandom()."
    "shuffle` (2.4 s) and the store one prepared INSERT per 5,000 rows (25.8 s with the "
    "deletes): 69 s. Opening alone is 42 s on one core of this machine, so the 20 s target "
    "is out of reach without opening in several processes; the largest real vote has a few "
    "thousand ballots, which open in well under a second.",
)
NOTES = (
    "Settings: SQLite in WAL with `synchronous=NORMAL` (a committed ballot survives a killed "
    "server; `tests/e2e/test_voting_crash.py`), persistent connections (`CONN_MAX_AGE`). "
    "PostgreSQL from `bench/voting_pg.sh`: `fsync=on`, `synchronous_commit=on`, "
    "`full_page_writes=on`, `shared_buffers=256MB` (not the fsync-off test cluster of "
    "`scripts/pg.sh`).",
    "",
    "The hot path as tuned before sealing (cProfile, one thread): compact marks counted column "
    "by column (`canbo/core/ballots/tally.py`); lean voter pages without cookie or CSRF token, "
    "rendered once per process and session (`canbo/voting/voter_pages.py`); a hand parser of "
    "the cast; the hot SELECTs compiled once per process (`canbo/voting/compiled.py`); "
    "persistent SQLite connections; SQLite writers queued on a lock and an `flock` instead of "
    "the busy handler; on PostgreSQL a cast share-locks the session row (`FOR SHARE`). Rates on "
    "this shared 2-core machine (server, database and load generator on the same cores) vary "
    "by up to a third from run to run.",
)


def _load(r: dict[str, Any]) -> str:
    m = r["machine"]
    after = m.get("load_after_http", m.get("load_after"))
    return (
        f"{m['load_before']:.2f} → {after:.2f}" if after is not None else f"{m['load_before']:.2f}"
    )


def _http_line(r: dict[str, Any]) -> str:
    h, raw = r["http"], r["raw"]
    ok = h["rate"] >= 300 and h["cast_ms"]["p99"] <= 300 and not h["errors"]
    ratio = h["rate"] / raw["tx_per_ballot_seal_spend_insert"]
    return (
        f"| {r['database']} | {_load(r)} | {h['ballots']} | {h['rate']:.0f} | "
        f"{h['cast_ms']['p50']:.0f} / {h['cast_ms']['p95']:.0f} / {h['cast_ms']['p99']:.0f} | "
        f"{h['round_ms']['p99']:.0f} | {sum(h['errors'].values())} | "
        f"{raw['executemany_one_tx']:,} | {raw['tx_per_ballot_insert']:,} | "
        f"{raw['tx_per_ballot_spend_insert']:,} | {raw['tx_per_ballot_seal_spend_insert']:,} | "
        f"{raw['seal_us']:.0f} | {ratio:.0%} | {'met' if ok else '**missed**'} |"
    )


def _count_line(r: dict[str, Any]) -> str:
    c, p = r["certify"]["ms_cumulative"], r["certify"]["count_parts_ms"]
    opening = p.get("rebuild_key", 0) + p.get("open_boxes", 0)
    return (
        f"| {r['database']} | {c['close']:.0f} | {c['count']:.0f} | {c['sign']:.0f} | "
        f"{'met' if c['sign'] <= 200 else '**missed**'} | {p.get('read_sealed', 0):.0f} / "
        f"{p.get('rebuild_key', 0):.0f} / {p.get('open_boxes', 0):.0f} / "
        f"{p.get('store_opened', 0):.0f} / {p.get('read_opened', 0):.0f} / {p['rest']:.0f} | "
        f"{opening / (c['count'] - c['close']):.0%} |"
    )


def _range(db: str, rates: list[float]) -> str:
    if len(rates) == 1:
        return f"{db} {rates[0]:.0f} ballots/s (one run)"
    return f"{db} {min(rates):.0f}–{max(rates):.0f} ballots/s over {len(rates)} runs"


def million(t: dict[str, Any]) -> float:
    """The count step for a million ballots from a smaller run, every part scaled linearly
    (the shuffle is Fisher-Yates, linear in the ballots)."""
    return float(t["count_s"] * MILLION / t["ballots"])


def _tally_line(r: dict[str, Any]) -> str:
    t = r["tally"]
    p = t["parts_s"]
    whole = t["ballots"] >= MILLION
    at_million = t["count_s"] if whole else million(t)
    label = f"{at_million:.0f} s" if whole else f"≈ {at_million:.0f} s (extrapolated)"
    return (
        f"| {r['database']} | {_load(r)} | {t['ballots']:,} | {t['seal_s']:.0f} + "
        f"{t['write_s']:.0f} | {t['count_s']:.1f} | {p['read_sealed']:.1f} / "
        f"{p['rebuild_key']:.2f} / {p['open_boxes']:.1f} / {p['store_opened']:.1f} / "
        f"{p['read_opened']:.1f} / {p['compute']:.1f} | {t['open_us']:.0f} | "
        f"{t['shuffle_s']:.1f} | {label} | {'met' if at_million <= 20 else '**missed**'} |"
    )


def _rates(results: list[dict[str, Any]]) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for r in results:
        if "http" in r and r["args"]["voters"] == 2000 and r["args"]["clients"] == 32:
            out.setdefault(r["database"], []).append(r["http"]["rate"])
    return out


def render(results: list[dict[str, Any]]) -> str:
    """The voting section of docs/benchmarks.md: every full run and every count-step run
    (full runs and ``--tally-only``) of the results file."""
    full = [r for r in results if "http" in r]
    latest = {r["database"]: r for r in full}
    tallies = sorted(
        (r for r in results if "tally" in r), key=lambda r: (r["database"], r["tally"]["ballots"])
    )
    first = next(iter(latest.values()))
    a, m = first["args"], first["machine"]
    lines = [
        START,
        "## Confidence vote with sealed ballots (bench/bench_voting.py)",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}; run on {m['date']}, "
        "shared with other engineers running tests (load average before → after each run in "
        "the tables; 2 means both cores already busy). The runs of the final code are listed; "
        "the first sealed version is described under the findings.",
        f"{a['voters']:,} voters, {a['subjects']} persons on the ballot, pre-printed slips, the "
        "counting committee's key made before the vote opens (2 members, threshold 2); "
        f"`canbo serve --workers {a['workers']} --threads {a['threads']}`; "
        f"{a['clients']} concurrent phones (asyncio, keep-alive, 127.0.0.1) each doing GET ballot "
        "page + POST code and marks (no cookie, no CSRF token), reading the receipt. Load "
        "generator on the same 2 cores. Cast latency is the POST; *round* is GET + POST.",
        "",
        f"Target: {TARGETS}. A cast is now one transaction: share-lock the session, check the "
        "code's keyed tag, `INSERT … ON CONFLICT DO NOTHING` of the spent code, count the sealed "
        "ballots against the codes given (CV-15, kept on the session row), seal the receipt and "
        "marks to the committee's X25519 key (libsodium sealed box, 109 bytes) and INSERT the "
        "box. Raw rates: the same rows into the same database: sealed boxes by one "
        "`executemany` in one transaction; one transaction per ballot (sealed INSERT); one "
        "transaction per ballot with the spent code's INSERT and the sealed INSERT (boxes sealed "
        "beforehand); the same with the sealing inside the loop. Seal µs: sealing alone, per "
        "ballot. Ratio = HTTP rate / the last raw rate.",
        "",
        "| DB | load | ballots | ballots/s | cast p50 / p95 / p99 ms | round p99 ms | errors "
        "| raw executemany/s | raw tx/ballot/s | raw spend+sealed tx/s | same + sealing tx/s "
        "| seal µs | ratio | target |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        *(_http_line(r) for r in sorted(full, key=lambda r: r["database"], reverse=True)),
        "",
        "Counting: close → count with both shares → both signatures through the services, for "
        f"{a['voters']:,} × {a['subjects']} (target ≤ 200 ms, cumulative ms). The count's parts "
        "are timed inside the real `count` by wrapping the product's functions: read the sealed "
        "boxes / rebuild the key from the shares / open and shuffle the boxes / store the opened "
        "ballots shuffled and delete the sealed ones and the spent codes / read the opened "
        "marks / the rest (result, result lines, audit, status, commit). *Key + opening* is the "
        "share of the count spent rebuilding the key and opening the boxes.",
        "",
        "| DB | close ms | + count ms | + sign ×2 = certified ms | target "
        "| count parts ms: read sealed / key / open / store / read opened / rest "
        "| key + opening |",
        "|---|---|---|---|---|---|---|",
        *(_count_line(r) for r in sorted(full, key=lambda r: r["database"], reverse=True)),
        "",
        "The count step over generated sealed ballots (target ≤ 20 s for 1,000,000): the "
        "ballots are sealed to a fresh committee key and written with their spent codes (seal + "
        "write s, not part of the count), then the count's ballot work runs with the product's "
        "functions in one transaction: read sealed / rebuild key / `open_boxes` (open and "
        "shuffle) / `store_opened` (bulk insert of the opened ballots, delete of the sealed "
        "ones and the spent codes) / read opened marks / compute. Open µs: one box opened "
        "alone (a sample of up to 20,000); shuffle s: `open_boxes` over the same boxes with the "
        "cryptography stubbed out (its loop and its shuffle). "
        "A run of fewer than 1,000,000 is extrapolated linearly.",
        "",
        "| DB | load | ballots | seal + write s | count step s | read sealed / key / open / "
        "store / read / compute s | open µs/box | shuffle s | at 1,000,000 | target |",
        "|---|---|---|---|---|---|---|---|---|---|",
        *(_tally_line(r) for r in tallies),
        "",
        "Before sealing (the same harness; a code row marked used by a conditional UPDATE and "
        "the ballot stored in clear):",
        "",
        *BEFORE,
        "",
        *FINDINGS,
        "",
        *NOTES,
        "",
        "All full runs kept in the results file (same code): "
        + "; ".join(_range(db, rates) for db, rates in _rates(results).items())
        + ".",
        "",
        "Count equals the marks the phones sent: "
        + ", ".join(
            f"{db} {'yes' if r['count_matches_marks'] else '**no**'}" for db, r in latest.items()
        )
        + ".",
        END,
    ]
    return "\n".join(lines)


def write_doc(section: str) -> None:
    text = DOC.read_text() if DOC.exists() else "# Benchmarks\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOC.write_text(text)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir")
    p.add_argument("--voters", type=int, default=2000)
    p.add_argument("--subjects", type=int, default=50)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--threads", type=int, default=8)
    p.add_argument("--clients", type=int, default=32)
    p.add_argument("--tally", type=int, default=100_000)
    p.add_argument("--tally-only", type=int, default=0, help="only the count step, N ballots")
    p.add_argument("--out", type=Path, help="append the JSON result to this file")
    p.add_argument("--doc", type=Path, help="only write docs/benchmarks.md from these results")
    a = p.parse_args()
    if a.doc:
        results = [json.loads(ln) for ln in a.doc.read_text().splitlines() if ln.strip()]
        write_doc(render(results))
        return
    result = run(a)
    text = json.dumps(result, indent=1, default=str)
    print(text)
    if a.out:
        with a.out.open("a") as fh:
            fh.write(json.dumps(result, default=str) + "\n")


if __name__ == "__main__":
    main()
