"""Election casting benchmark: 1,600 delegates × 200 candidates on phones, against confidence.

Target: casting an election (strike-out) ballot is at least as fast as casting a confidence
ballot. One conference of ``voters`` delegates holds two open votes on the same ``subjects``
people: a confidence vote (three levels per person) and an election round (strike-out,
``seats`` to elect, ``--seats`` default 80 % of the list). Every delegate casts on each vote
through the phone's final POST (``/bo-phieu/<id>/bau/`` with ``step=cast``: parse, code check,
spend, seal, insert), in the same process and database, alternating the two votes so that
both see the same load. Then both are closed and the election is counted (the committee's
shares open every sealed ballot; each ballot is judged by EL-15/EL-16).

    python bench/bench_election_casting.py [--voters 1600] [--subjects 200] [--seats N]
        [--data-dir DIR] [--out results.jsonl]

Set ``DATABASE_URL`` for PostgreSQL. Prints one JSON line: casts per second and p50/p95/p99
per cast for each vote, the ratio election/confidence, and the count's time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
WARMUP = 10
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]


def setup(data_dir: str) -> None:
    os.environ["CANBO_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings.dev")
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost", "testserver"]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(voters: int, subjects: int, seats: int) -> dict[str, Any]:
    """The conference, both votes, keys made, every delegate checked in with a code."""
    import datetime as dt

    from voting_setup import names

    from canbo.accounts.actors import actor_for
    from canbo.core.types import PersonId, Role
    from canbo.services.voting import conferences as conf_svc
    from canbo.services.voting import sessions as svc
    from canbo.services.voting.ports import CommitteeMember, ConferenceData, Medium
    from canbo.voting.uow import DjangoVotingUnitOfWork as U
    from tests import factories as f
    from tests.e2e.voting_fixture import account

    held_on = dt.date(2026, 11, 20)
    tree = f.small_tree()
    people = [f.person(name, tree.cell_a) for name in names(voters)]
    staff = actor_for(account("bantochuc", Role.ORG_STAFF, tree.commune), held_on)
    counters = [account(n, Role.COUNTING_COMMITTEE, tree.commune) for n in ("kp1", "kp2")]
    data = ConferenceData(tree.commune, "Đại hội đại biểu", "party", held_on, "Hội trường")
    cid = conf_svc.create_conference(U(), staff, data)
    site = conf_svc.add_site(U(), staff, cid, "Hội trường")
    conf_svc.convene(U(), staff, cid, people)
    candidates = [PersonId(p) for p in people[-subjects:]]
    plan = svc.SessionPlan(
        title="Lấy phiếu tín nhiệm",
        subjects=[(p, "Ủy viên") for p in candidates],
        counters=[c.pk for c in counters],
        dossier_sent_on=held_on - dt.timedelta(days=20),
        questions_sent_on=held_on - dt.timedelta(days=12),
    )
    confidence = svc.create_session(U(), staff, cid, plan)
    committee = [CommitteeMember(account_id=c.pk) for c in counters]
    election = svc.create_election_session(
        U(), staff, cid, "Bầu Ban Chấp hành", "QD190_2024", candidates, seats, 0,
        "strike_out", committee=committee,
    )  # fmt: skip
    keys = {}
    for sid in (confidence, election):
        svc.mark_ready(U(), staff, sid)
        keys[sid] = svc.make_ballot_key(U(), actor_for(counters[0], held_on), sid).shares
    codes: dict[int, list[str]] = {confidence: [], election: []}
    for person in people:
        result = conf_svc.check_in(U(), staff, site, person_id=person, medium=Medium.ELECTRONIC)
        for c in result.codes:
            codes[c.session_id].append(c.code)
    for sid in (confidence, election):
        svc.open_vote(U(), staff, sid)
    return {
        "confidence": int(confidence),
        "election": int(election),
        "candidates": [int(p) for p in candidates],
        "codes": codes,
        "shares": {int(k): list(v) for k, v in keys.items()},
        "counter": counters[0].pk,
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run(a: argparse.Namespace) -> dict[str, Any]:
    data_dir = a.data_dir or tempfile.mkdtemp(prefix="canbo-bench-election-")
    setup(data_dir)
    from django.test import Client

    seats = a.seats or max(1, a.subjects * 4 // 5)
    start = time.perf_counter()
    fx = build(a.voters, a.subjects, seats)
    setup_s = time.perf_counter() - start
    rng = random.Random(2025)
    client = Client(HTTP_HOST="localhost")
    levels = ("high", "mid", "low")
    times: dict[str, list[float]] = {"confidence": [], "election": []}
    form = "application/x-www-form-urlencoded"
    cand = fx["candidates"]
    for i in range(a.voters):
        for kind in ("confidence", "election") if i % 2 else ("election", "confidence"):
            sid = fx[kind]
            code = fx["codes"][sid][i]
            if kind == "confidence":
                marks = {f"p{p}": rng.choice(levels) for p in cand}
                body = {"step": "cast", "code": code, **marks}
            else:
                struck = rng.sample(cand, len(cand) - seats + rng.randint(0, 5))
                body = {"step": "cast", "ballot": "election", "code": code}
                body.update({f"x{p}": "1" for p in struck})
            payload = urlencode(body)
            t0 = time.perf_counter()
            answer = client.post(f"/bo-phieu/{sid}/bau/", payload, content_type=form)
            if i >= WARMUP:  # the first casts of a process build its cached pages
                times[kind].append(time.perf_counter() - t0)
            if answer.status_code != 200 or b"data-receipt=" not in answer.content:
                raise SystemExit(f"{kind} cast failed: {answer.status_code}")
    count_s = count_election(fx)
    out: dict[str, Any] = {
        "bench": "election_casting",
        "database": os.environ.get("DATABASE_URL", "sqlite").split(":")[0],
        "voters": a.voters,
        "candidates": a.subjects,
        "seats": seats,
        "setup_s": round(setup_s, 1),
        "count_s": round(count_s, 2),
    }
    for kind, values in times.items():
        total = sum(values)
        out[kind] = {
            "casts_per_s": round(len(values) / total, 1),
            "p50_ms": round(statistics.median(values) * 1000, 2),
            "p95_ms": round(percentile(values, 0.95) * 1000, 2),
            "p99_ms": round(percentile(values, 0.99) * 1000, 2),
        }
    out["ratio_election_over_confidence"] = round(
        out["election"]["casts_per_s"] / out["confidence"]["casts_per_s"], 2
    )
    return out


def count_election(fx: dict[str, Any]) -> float:
    from django.contrib.auth import get_user_model

    from canbo.accounts.actors import actor_for
    from canbo.services.ports import SYSTEM
    from canbo.services.voting import count as count_svc
    from canbo.services.voting import sessions as svc
    from canbo.services.voting.ports import SessionId
    from canbo.voting.uow import DjangoVotingUnitOfWork as U

    sid = SessionId(fx["election"])
    svc.close_vote(U(), SYSTEM, sid)
    member = actor_for(get_user_model().objects.get(pk=fx["counter"]))
    t0 = time.perf_counter()
    data = count_svc.count(U(), member, sid, fx["shares"][sid])
    elapsed = time.perf_counter() - t0
    assert data["figures"]["collected"] == len(fx["codes"][sid])
    return elapsed


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--voters", type=int, default=1600)
    p.add_argument("--subjects", type=int, default=200)
    p.add_argument("--seats", type=int, default=0)
    p.add_argument("--data-dir")
    p.add_argument("--out", type=Path)
    a = p.parse_args()
    result = run(a)
    line = json.dumps(result, ensure_ascii=False)
    print(line)
    if a.out:
        with a.out.open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")


if __name__ == "__main__":
    main()
