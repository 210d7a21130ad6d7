"""The secrecy attack: a database administrator with the files links no voter to a ballot.

A vote runs in a real ``canbo serve`` (``secrecy_scenario.py``): delegates who got a code at
check-in, delegates who drew a pre-printed slip, abstainers, and late arrivals who check in while
the vote is open and cast at once. The attacker (``secrecy_attacker.py``) copies the data folder
while the server runs, after ``kill -9``, and at the end (on PostgreSQL: reads ``xmin``,
``ctid`` and the dead tuples through ``pageinspect`` at the same moments), replays the SQLite
write-ahead log commit by commit, and tries every pairing of persons and opened ballots that
any table, column, commit order or transaction order suggests.

Every voter marks a ballot no other voter marks, so each attempt is scored exactly. A random
pairing gives about one voter their own ballot; the test asserts that no attempt does much
better (at most 7 of 34, the mean at most 2) and that no attempt links more than 3 of the 8
late arrivals. As a control, the same adjacency attack *with the committee's key shares* (a
committee colluding with the administrator, who can read the sealed ballots in the order they
were cast) links the late arrivals: so the attack is real, and what defeats it is the seal.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
from pathlib import Path
from statistics import mean

import pytest

from canbo.services.voting import ballot_box

from . import secrecy_attacker as atk
from .test_voting_crash import free_port
from .test_voting_crash import start as start_server
from .voting_cli import _DB, canbo, fresh_database, out

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def database():  # type: ignore[no-untyped-def]
    with fresh_database():
        yield


def start(data: Path, port: int):  # type: ignore[no-untyped-def]
    """``canbo serve`` with the readiness probe's page present (a draft answers 404)."""
    import urllib.error
    import urllib.request

    original = urllib.request.urlopen

    def probe(url: str, timeout: float = 2):  # type: ignore[no-untyped-def]
        try:
            return original(url, timeout=timeout)
        except urllib.error.HTTPError as exc:  # the server answered: it is up
            return exc

    urllib.request.urlopen = probe  # type: ignore[assignment]
    try:
        return start_server(data, port)
    finally:
        urllib.request.urlopen = original


def run_vote(data: Path, copies: Path) -> dict:  # type: ignore[type-arg]
    canbo(data, "migrate", "--verbosity", "0")
    port = free_port()
    server = start(data, port)
    seed = secrets.randbelow(2**31)
    try:
        script = (
            "from tests.e2e.secrecy_scenario import main; "
            f"main('http://127.0.0.1:{port}', {str(copies)!r}, {seed})"
        )
        proc = canbo(data, "manage", "shell", "-c", script)
    finally:
        os.killpg(server.pid, signal.SIGKILL)  # kill -9: the log is left as it was
        server.wait(timeout=10)
    atk.take_snapshot(copies, "crashed", data_dir=data, url=_DB["url"])
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("SCENARIO "))
    scenario = json.loads(line.removeprefix("SCENARIO "))
    scenario["seed"] = seed
    sid = str(scenario["session"])
    (data / "shares.txt").write_text("\n".join(scenario["shares"]), encoding="utf-8")
    out(data, "vote", "--as", "kp1", "close", "--session", sid)
    shares_file = str(data / "shares.txt")
    out(data, "vote", "--as", "kp1", "count", "--session", sid, "--shares-file", shares_file)
    atk.take_snapshot(copies, "final", data_dir=data, url=_DB["url"])
    return scenario


def assert_chance(attempts: list[atk.Attempt], scenario: dict) -> None:  # type: ignore[type-arg]
    best = max(attempts, key=lambda a: a.linked)
    context = f"seed {scenario['seed']}: best attempt {best}"
    assert len(attempts) >= 20, context
    assert best.linked <= 7, context
    assert mean(a.linked for a in attempts) <= 2, context
    assert max(a.late_linked for a in attempts) <= 3, context


def control_with_the_committee(
    casts_in_order: list[bytes], voters: list[int | None], scenario: dict, public_key: str
) -> int:  # type: ignore[type-arg]
    """The adjacency attack again, now able to open the sealed ballots in cast order."""
    key = ballot_box.recover_private_key(public_key, 2, scenario["shares"])
    marks = [m for _, m in (_open(key, box) for box in casts_in_order)]
    truth = {int(k): v for k, v in scenario["truth"].items()}
    late = set(scenario["late"])
    return sum(1 for p, m in zip(voters, marks, strict=False) if p in late and truth.get(p) == m)


def _open(key, box: bytes) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    from nacl.public import SealedBox

    receipt, _, marks = SealedBox(key).decrypt(box).decode().partition(":")
    return receipt, marks


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="SQLite files")
def test_the_sqlite_files_and_their_write_ahead_log_link_no_voter(tmp_path: Path) -> None:
    data, copies = tmp_path / "data", tmp_path / "copies"
    scenario = run_vote(data, copies)
    truth = {int(k): v for k, v in scenario["truth"].items()}
    final = atk.sqlite_history(copies / "final")[-1]
    for copy in ("running", "crashed"):
        history = atk.sqlite_history(copies / copy)
        steps = atk.changes(history)
        casts = [c for c in steps if "voting_sealedballot" in c.added]
        # The attacker's decoder is real: it sees every cast the copy holds, one per commit.
        if copy == "crashed":
            assert sum(len(c.added["voting_sealedballot"]) for c in casts) == len(truth)
        # A cast writes a spent code and a sealed ballot, nothing else; no commit writes both
        # a person's record and a cast.
        for change in steps:
            if change.tables & atk.CAST_TABLES:
                assert change.tables <= atk.CAST_TABLES, change.tables
        # After the vote opens nothing about an on-time delegate changes: who voted is not
        # written anywhere per person.
        first_cast = next(i for i, c in enumerate(steps) if "voting_sealedballot" in c.added)
        for change in steps[first_cast:]:
            for table in atk.PERSON_TABLES:
                assert table not in change.removed, (copy, table)
        ev = atk.sqlite_evidence(history, final)
        assert_chance(atk.attack(ev, truth, scenario["late"]), scenario)
        if copy == "crashed":
            boxes = [
                bytes(r[atk.COLUMNS["voting_sealedballot"].index("box")])
                for c in casts
                for r in c.added["voting_sealedballot"].values()
            ]
            vote = next(iter(final["voting_votesession"].values()))
            public = vote[atk.COLUMNS["voting_votesession"].index("ballot_key")]
            linked = control_with_the_committee(boxes, atk.adjacency(ev), scenario, public)
            assert linked >= 6, f"seed {scenario['seed']}: control linked {linked} of 8"
    # The final file alone: every table ordered by every column.
    ev = atk.sqlite_evidence([final], final)
    assert_chance(atk.attack(ev, truth, scenario["late"]), scenario)
    assert not final["voting_sealedballot"] and not final["voting_spentcode"]


@pytest.mark.skipif(not os.environ.get("DATABASE_URL"), reason="PostgreSQL")
def test_postgresql_xmin_page_order_and_dead_tuples_link_no_voter(tmp_path: Path) -> None:
    data, copies = tmp_path / "data", tmp_path / "copies"
    scenario = run_vote(data, copies)
    truth = {int(k): v for k, v in scenario["truth"].items()}
    seen = [
        json.loads((copies / n / "pg.json").read_text()) for n in ("running", "crashed", "final")
    ]
    part_xmins = {r["xmin"] for r in seen[-1]["rows"]["voting_participation"]}
    for obs in seen:
        for table in atk.CAST_TABLES:
            cast_xmins = {t[2] for t in obs["tuples"][table]}
            assert not cast_xmins & part_xmins, table  # no transaction writes both
    ev = atk.pg_evidence(seen)
    assert len(ev.casts) == len(truth)  # pageinspect shows every cast, dead or alive
    assert_chance(atk.attack(ev, truth, scenario["late"]), scenario)
    crashed = sorted(seen[1]["rows"]["voting_sealedballot"], key=lambda r: r["xmin"])
    boxes = [bytes.fromhex(r["box"]) for r in crashed]
    public = _public_key(data, scenario["session"])
    linked = control_with_the_committee(boxes, atk.adjacency(ev), scenario, public)
    assert linked >= 6, f"seed {scenario['seed']}: control linked {linked} of 8"


def _public_key(data: Path, session: int) -> str:
    code = (
        "from canbo.voting.models import VoteSession; "
        f"print('KEY', VoteSession.objects.get(pk={session}).ballot_key)"
    )
    return canbo(data, "manage", "shell", "-c", code).stdout.split("KEY ")[1].strip()
