"""Planning and appointment eligibility benchmark: a province's planning review, 300,000 people.

Target: the eligibility of everyone in a province's
planning review (about 300,000 people) ≤ 10 s. Measured, in one process, pure Python (no
database), on synthetic people (ages 28 to 60, both sexes, 8% with a Party or State discipline,
2% with a band B or C confidence result, three years of classification, some open complaints):

- *evaluate*: :func:`canbo.core.appointments.eligibility.evaluate` for every person (60%
  planning, 35% appointment, 5% reappointment) under the rulebook of the date, facts already
  assembled (as the planning review does after reading the registry);
- *calculator*: ``canbo appointment check``'s work on the same people as a CSV text: reading
  and validating every row, evaluating, building the JSON shape (not writing it).

    python bench/bench_eligibility.py [--people 300000] [--date 2026-11-02] [--no-write]

Writes the "Planning and appointment eligibility" section of docs/benchmarks.md unless
``--no-write``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import platform
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- eligibility:start -->", "<!-- eligibility:end -->"

from canbo.core.appointments.calculator import REQUIRED, check_csv_text  # noqa: E402
from canbo.core.appointments.eligibility import evaluate  # noqa: E402
from canbo.core.appointments.model import (  # noqa: E402
    CandidateFacts,
    Discipline,
    Proposal,
    Purpose,
)
from canbo.core.appointments.rulebooks import appointment_rulebook  # noqa: E402
from canbo.core.types import Sex  # noqa: E402

PARTY_FORMS = ("khien_trach", "canh_cao", "cach_chuc")
STATE_FORMS = ("khien_trach", "canh_cao", "ha_bac_luong", "giang_chuc", "cach_chuc")
WORDS = {
    "khien_trach": "khiển trách",
    "canh_cao": "cảnh cáo",
    "cach_chuc": "cách chức",
    "ha_bac_luong": "hạ bậc lương",
    "giang_chuc": "giáng chức",
}


def people(count: int, on: dt.date, seed: int = 2026) -> list[tuple[CandidateFacts, Proposal]]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        age_days = rng.randint(28 * 365, 60 * 365)
        birth = on - dt.timedelta(days=age_days)
        sex = Sex.FEMALE if rng.random() < 0.4 else Sex.MALE
        disciplines: tuple[Discipline, ...] = ()
        if rng.random() < 0.08:
            party = rng.random() < 0.6
            form = rng.choice(PARTY_FORMS if party else STATE_FORMS)
            disciplines = (Discipline(form, party, on - dt.timedelta(days=rng.randint(30, 2500))),)
        bands: tuple[tuple[str, dt.date], ...] = ()
        if rng.random() < 0.02:
            bands = ((rng.choice("BC"), on - dt.timedelta(days=rng.randint(10, 700))),)
        levels = tuple(
            (on.year - k, "kht" if rng.random() < 0.01 else rng.choice(("ht", "htt", "htxs")))
            for k in (1, 2, 3)
        )
        roll = rng.random()
        purpose = (
            Purpose.PLANNING
            if roll < 0.6
            else Purpose.APPOINTMENT
            if roll < 0.95
            else Purpose.REAPPOINTMENT
        )
        since = on - dt.timedelta(days=rng.randint(100, 3000))
        facts = CandidateFacts(
            person_id=f"P{i:07d}",
            name=f"Cán bộ {i}",
            sex=sex,
            birth_date=birth,
            disciplines=disciplines,
            confidence_bands=bands,
            classifications=levels,
            open_complaints=1 if rng.random() < 0.01 else 0,
            post_since=since,
            dossier_verified=rng.random() < 0.97,
            health_certificate_on=on - dt.timedelta(days=rng.randint(1, 240)),
        )
        proposal = Proposal(
            purpose=purpose,
            decision_date=on,
            higher_post=rng.random() < 0.9,
            first_time=rng.random() < 0.2,
            dossier_received=on - dt.timedelta(days=rng.randint(0, 60)),
            term_start=dt.date(on.year + 1, 1, 1) if purpose is Purpose.PLANNING else None,
            in_planning=rng.random() < 0.9,
        )
        out.append((facts, proposal))
    return out


def as_csv(rows: list[tuple[CandidateFacts, Proposal]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(REQUIRED)
    for facts, p in rows:
        party = next((d for d in facts.disciplines if d.party), None)
        state = next((d for d in facts.disciplines if not d.party), None)
        band = facts.confidence_bands[0] if facts.confidence_bands else None
        writer.writerow(
            [
                facts.person_id,
                facts.name,
                str(facts.sex),
                facts.birth_date.isoformat(),
                str(p.purpose),
                "yes" if p.higher_post else "no",
                "yes" if p.first_time else "no",
                "yes" if p.in_planning else "no",
                facts.post_since.isoformat() if facts.post_since else "",
                p.dossier_received.isoformat() if p.dossier_received else "",
                WORDS[party.form] if party else "",
                party.effective.isoformat() if party else "",
                WORDS[state.form] if state else "",
                state.effective.isoformat() if state else "",
                band[0] if band else "none",
                band[1].isoformat() if band else "",
            ]
        )
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=300_000)
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date(2026, 11, 2))
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    on = args.date
    rows = people(args.people, on)
    book = appointment_rulebook(on)

    started = time.perf_counter()
    eligible = sum(1 for facts, p in rows if evaluate(facts, p, book).eligible)
    evaluate_s = time.perf_counter() - started

    text = as_csv(rows)
    started = time.perf_counter()
    result = check_csv_text(text, on)
    calculator_s = time.perf_counter() - started
    assert len(result["persons"]) == args.people

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    section = "\n".join(
        [
            START,
            "## Planning and appointment eligibility (bench/bench_eligibility.py)",
            "",
            f"Run {dt.datetime.now(dt.UTC):%d/%m/%Y %H:%M} UTC on {os.cpu_count()} cores,"
            f" {platform.processor() or platform.machine()}, Python"
            f" {platform.python_version()}, load average {load}; other engineers' work shared"
            " the two cores. One process, pure Python, no database.",
            "",
            f"A province's planning review: {args.people:,} synthetic people (60% planning, 35%"
            " appointment, 5% reappointment; 8% disciplined, 2% band B or C), checked under"
            f" {book.rulebook_id} on {on.isoformat()}; {eligible:,} eligible.",
            "",
            "| Step | Time |",
            "|---|---:|",
            f"| `evaluate` for every person (facts assembled) | {evaluate_s:.2f} s |",
            "| `canbo appointment check`'s work: read and validate the CSV, evaluate, JSON shape"
            f" | {calculator_s:.2f} s |",
            "",
            f"Target: ≤ 10 s — {'met' if evaluate_s <= 10 else 'NOT met'} ({evaluate_s:.1f} s"
            f" for the evaluation; {calculator_s:.1f} s with the CSV reading).",
            END,
        ]
    )
    print(section)
    if not args.no_write:
        current = DOC.read_text() if DOC.exists() else "# Benchmarks\n"
        if START in current and END in current:
            before, rest = current.split(START, 1)
            current = before + section + rest.split(END, 1)[1]
        else:
            current = current.rstrip("\n") + "\n\n" + section + "\n"
        DOC.write_text(current)


if __name__ == "__main__":
    main()
