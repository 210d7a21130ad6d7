"""Election results benchmark: a national-congress-sized round, 1,600 delegates × 200 candidates.

Target: the results of one round with every check
computed in ≤ 1 s. Measured, in one process, pure Python (no database):

- *tally*: the votes per candidate summed from 1,600 strike-out ballots (each keeps up to the
  number to elect, some struck entirely or over the limit and counted invalid);
- *results*: the base of the majority test from the subtraction counts (EL-20),
  :func:`canbo.core.elections.results.compute_election` (more than half, seats by votes, ties,
  alternates, the six EL-30 checks, the surplus check) and its JSON form;
- *whole*: tally + results + JSON, the figure the target is about.

    python bench/bench_election_results.py [--delegates 1600] [--candidates 200]
        [--seats 150] [--alternate-seats 10] [--repeats 20] [--no-write]

Writes the "Election results" section of docs/benchmarks.md unless ``--no-write``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- election_results:start -->", "<!-- election_results:end -->"


def ballots(delegates: int, candidates: int, seats: int, seed: int = 2025) -> list[frozenset[int]]:
    """Each ballot as the set of names kept; a few keep none or too many (invalid)."""
    rng = random.Random(seed)
    weights = [rng.random() + (1.5 if i < seats else 0.0) for i in range(candidates)]
    order = sorted(range(candidates), key=lambda i: -weights[i])
    chance = [0.97 - 0.4 * r / seats if r < seats + 10 else 0.1 for r in range(candidates)]
    out = []
    for n in range(delegates):
        if n % 97 == 0:
            out.append(frozenset())  # every name struck: invalid
        elif n % 89 == 0:
            out.append(frozenset(range(seats + 1)))  # too many kept: invalid
        else:
            # the list's favourites are kept by most delegates, the rest by few
            picks = [i for rank, i in enumerate(order) if rng.random() < chance[rank]]
            out.append(frozenset(picks[:seats]))
    return out


def tally(cast: list[frozenset[int]], candidates: int, limit: int) -> tuple[list[int], int]:
    """Votes per candidate from the valid ballots, and the invalid count (EL-15, EL-16)."""
    votes = [0] * candidates
    invalid = 0
    for kept in cast:
        if not kept or len(kept) > limit:
            invalid += 1
            continue
        for i in kept:
            votes[i] += 1
    return votes, invalid


def one_round(args: argparse.Namespace, cast: list[frozenset[int]]) -> dict[str, float]:
    from canbo.core.ballots.catalog import QD190_2024
    from canbo.core.elections.denominator import denominator_from_counts
    from canbo.core.elections.model import CongressKind, ElectionKind, Subtraction
    from canbo.core.elections.results import BallotFigures, CandidateVotes, compute_election

    names = [f"Đại biểu {i:03d}" for i in range(args.candidates)]
    limit = args.seats + args.alternate_seats
    t0 = time.perf_counter()
    votes, invalid = tally(cast, args.candidates, limit)
    t1 = time.perf_counter()
    base = denominator_from_counts(
        CongressKind.DELEGATES,
        args.delegates + 12,
        {Subtraction.COMMITTEE_ABSENT: 4, Subtraction.ABSENT_NO_ALTERNATE: 8},
        rulebook=QD190_2024,
    )
    collected = len(cast)
    result = compute_election(
        QD190_2024,
        ElectionKind.DELEGATES,
        args.seats,
        base,
        BallotFigures(collected, collected, collected - invalid, invalid),
        [CandidateVotes(n, v, i) for i, (n, v) in enumerate(zip(names, votes, strict=True))],
        alternate_seats=args.alternate_seats,
    )
    text = json.dumps(result.as_dict(), ensure_ascii=False)
    t2 = time.perf_counter()
    assert not result.blocking, [c.rule for c in result.blocking]
    assert len(result.checks) == 6 and text
    return {
        "tally": t1 - t0,
        "results": t2 - t1,
        "whole": t2 - t0,
        "elected": len(result.elected),
        "alternates": len(result.alternates),
        "tie": len(result.tie),
    }


def section(runs: list[dict[str, float]], args: argparse.Namespace) -> str:
    def ms(key: str, fn: Any) -> str:
        return f"{fn([r[key] for r in runs]) * 1000:.1f} ms"

    last = runs[-1]
    whole_max = max(r["whole"] for r in runs)
    lines = [
        START,
        "## Election results (bench/bench_election_results.py)",
        "",
        f"Run {dt.date.today():%d/%m/%Y} on {os.cpu_count()} cores,"
        f" {platform.processor() or platform.machine()}, Python {platform.python_version()};"
        " other engineers' work shared the two cores.",
        "",
        f"One round of a national-congress-sized election: {args.delegates:,} delegates ×"
        f" {args.candidates} candidates, {args.seats} official and {args.alternate_seats} alternate"
        f" seats, one list (EL-36); {args.repeats} repeats. Pure Python, no database.",
        "",
        "| Step | Median | Max |",
        "|---|---:|---:|",
        f"| Tally of {args.delegates:,} strike-out ballots (votes per name, invalid ballots) |"
        f" {ms('tally', statistics.median)} | {ms('tally', max)} |",
        "| Results with every check: base (EL-20), more than half, seats by votes, ties,"
        " alternates, six EL-30 checks, surplus, JSON |"
        f" {ms('results', statistics.median)} | {ms('results', max)} |",
        "| Whole (tally + results + JSON) |"
        f" {ms('whole', statistics.median)} | {ms('whole', max)} |",
        "",
        f"Target: results with every check ≤ 1 s — {'met' if whole_max <= 1 else 'NOT met'}"
        f" (worst whole run {whole_max * 1000:.0f} ms). This run elected {last['elected']:.0f},"
        f" {last['alternates']:.0f} alternates, tie {last['tie']:.0f}.",
        END,
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delegates", type=int, default=1600)
    parser.add_argument("--candidates", type=int, default=200)
    parser.add_argument("--seats", type=int, default=150)
    parser.add_argument("--alternate-seats", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    cast = ballots(args.delegates, args.candidates, args.seats + args.alternate_seats)
    runs = [one_round(args, cast) for _ in range(args.repeats)]
    text = section(runs, args)
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
