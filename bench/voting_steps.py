"""Steps of the voting benchmark that run inside Django, one per child process.

    python bench/voting_steps.py build DIR VOTERS SUBJECTS   # conference, slips, vote open
    python bench/voting_steps.py certify DIR                 # close → counted → certified
    python bench/voting_steps.py raw DIR BALLOTS             # raw rates of a cast's rows
    python bench/voting_steps.py tally DIR BALLOTS           # count step over BALLOTS sealed

Each prints one JSON document on stdout. The settings are those of ``canbo serve``
(``canbo.settings.dev``) and the data folder DIR, so the voter-code key and the database are
the server's; ``DATABASE_URL`` selects PostgreSQL as for the server.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]


def setup(data_dir: str) -> None:
    os.environ["CANBO_DATA_DIR"] = data_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "canbo.settings.dev"
    import django

    django.setup()


def build(data_dir: str, voters: int, subjects: int) -> dict[str, Any]:
    from voting_setup import build as build_fixture

    start = time.perf_counter()
    fx = build_fixture(voters, subjects)
    (Path(data_dir) / "fixture.json").write_text(json.dumps(fx))
    return {"setup_s": round(time.perf_counter() - start, 1), "session": fx["session"]}


class Timed:
    """Wraps functions of the product (module or class attributes) to sum their wall time."""

    def __init__(self) -> None:
        self.ms: dict[str, float] = {}

    def wrap(self, owner: Any, name: str, label: str) -> None:
        inner = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                spent = (time.perf_counter() - start) * 1000
                self.ms[label] = self.ms.get(label, 0.0) + spent

        setattr(owner, name, timed)


def certify(data_dir: str) -> dict[str, Any]:
    """close → count with both shares → both committee members sign, through the services.

    The count's parts are timed by wrapping the product's functions in this process: reading
    the sealed boxes, rebuilding the key from the shares, opening (and shuffling) the boxes,
    storing the opened ballots (and deleting the sealed ones and the spent codes), reading the
    opened marks back; the rest of the count is the result, the audit and the session."""
    from django.contrib.auth import get_user_model
    from voting_setup import HELD_ON

    from canbo.accounts.actors import actor_for
    from canbo.services.voting import ballot_box
    from canbo.services.voting import count as count_svc
    from canbo.services.voting import sessions as svc
    from canbo.services.voting.ports import SessionId
    from canbo.voting.repository import DjangoVoteRepository as Repo
    from canbo.voting.uow import DjangoVotingUnitOfWork as U

    fx = json.loads((Path(data_dir) / "fixture.json").read_text())
    sid = SessionId(fx["session"])
    users = get_user_model().objects.filter(username__in=fx["counters"]).order_by("username")
    kp1, kp2 = (actor_for(u, HELD_ON) for u in users)
    parts = Timed()
    parts.wrap(Repo, "sealed_boxes", "read_sealed")
    parts.wrap(ballot_box, "recover_private_key", "rebuild_key")
    parts.wrap(ballot_box, "open_boxes", "open_boxes")
    parts.wrap(Repo, "store_opened", "store_opened")
    parts.wrap(Repo, "electronic_marks", "read_opened")
    steps: dict[str, float] = {}
    start = time.perf_counter()
    svc.close_vote(U(), kp1, sid)
    steps["close"] = time.perf_counter()
    data = count_svc.count(U(), kp1, sid, fx["shares"])
    steps["count"] = time.perf_counter()
    count_svc.sign(U(), kp1, sid)
    certified = count_svc.sign(U(), kp2, sid)
    steps["sign"] = time.perf_counter()
    ms = {k: round((v - start) * 1000, 1) for k, v in steps.items()}
    count_parts = {k: round(v, 1) for k, v in parts.ms.items()}
    count_parts["rest"] = round(
        (steps["count"] - steps["close"]) * 1000 - sum(parts.ms.values()), 1
    )
    counts = {
        str(p["person_id"]): {"high": p["high"], "mid": p["mid"], "low": p["low"]}
        for p in data["persons"]
    }
    return {
        "ms_cumulative": ms,
        "count_parts_ms": count_parts,
        "certified": certified,
        "figures": data["figures"],
        "counts": counts,
    }


def main() -> None:
    step, data_dir, *rest = sys.argv[1:]
    setup(data_dir)
    numbers = [int(x) for x in rest]
    if step == "build":
        out = build(data_dir, *numbers)
    elif step == "certify":
        out = certify(data_dir)
    elif step == "raw":
        from voting_raw import raw_inserts

        out = raw_inserts(data_dir, *numbers)
    elif step == "tally":
        from voting_raw import tally

        out = tally(data_dir, *numbers)
    else:
        raise SystemExit(f"unknown step {step}")
    print("RESULT " + json.dumps(out))


if __name__ == "__main__":
    main()
