"""A vote in a hall, played for the secrecy attack (``test_secrecy_attack.py``).

Run inside ``canbo manage shell`` while ``canbo serve`` runs on ``base``. The hall has 40
delegates and a ballot of four persons, so every voter can mark a ballot that no other voter
marks (81 patterns): whoever links a voter to a ballot's content can be checked exactly.

* group ``checkin``: checked in before the vote, a code minted at check-in (the default);
* group ``slip``: checked in before the vote with a pre-printed slip drawn from a shuffled stack;
* some of both groups abstain;
* group ``late``: check in while the vote is open and cast at once (half with a code minted at
  check-in, half with a slip), the case the write-ahead log exposes most.

Check-ins go through the same service the check-in page calls; every ballot is cast over HTTP
through the voter page, like a phone. Half-way through the casts ``snapshot("running")`` is
called so the test can copy the data folder, or read PostgreSQL, while the server runs. The
ground truth (who voted what) is printed as JSON for the attacker's score, never stored.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import Any

from canbo.accounts.actors import actor_for
from canbo.core.types import PersonId, Role
from canbo.services.ports import SYSTEM
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import ConferenceData, ConferenceId, SiteId
from canbo.voting.uow import DjangoVotingUnitOfWork as U
from tests import factories as f
from tests.e2e.voting_fixture import account
from tests.integration.voting_builders import HELD_ON, plan

GIVEN = ("Hoa", "Bình", "Châu", "Dũng", "Lan", "Minh", "Hà", "Khánh", "Mai", "Nam")
FAMILY = ("Nguyễn Văn", "Trần Thị", "Lê Minh", "Phạm Quốc")
LEVELS = ("high", "mid", "low")
CONVENED, SUBJECTS = 40, 4
ON_TIME = {"checkin": 15, "slip": 15}  # of which 2 each abstain
LATE = 8


def cast(base: str, sid: int, code: str, marks: dict[str, str]) -> None:
    url = f"{base}/bo-phieu/{sid}/bau/"
    body = urllib.parse.urlencode({"step": "cast", "code": code, **marks}).encode()
    page = urllib.request.urlopen(urllib.request.Request(url, body), timeout=30).read()  # noqa: S310
    if not re.search(rb'data-receipt="[A-Z0-9]+"', page):
        raise AssertionError(page[:400])


def run(base: str, snapshot: Callable[[str], None], seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    tree = f.small_tree()
    names = [f"{fam} {g}" for fam, g in itertools.product(FAMILY, GIVEN)][:CONVENED]
    people = [f.person(n, tree.cell_a) for n in names]
    counters = [account(n, Role.COUNTING_COMMITTEE, tree.commune) for n in ("kp1", "kp2")]
    conf = ConferenceData(tree.commune, "Hội nghị Ban Chấp hành", "party", HELD_ON, "Yên Minh")
    cid = conf_svc.create_conference(U(), SYSTEM, conf)
    site = conf_svc.add_site(U(), SYSTEM, ConferenceId(cid), "Hội trường")
    conf_svc.convene(U(), SYSTEM, cid, people)
    subjects = sorted(people[:SUBJECTS])
    actors = [actor_for(u) for u in counters]
    sid = vote_svc.create_session(U(), SYSTEM, cid, plan(subjects, actors))
    vote_svc.mark_ready(U(), SYSTEM, sid)
    key = vote_svc.make_ballot_key(U(), actors[0], sid)
    stack = vote_svc.print_slips(U(), SYSTEM, sid, ON_TIME["slip"] + LATE // 2 + 2)
    rng.shuffle(stack)

    order = people[:]
    rng.shuffle(order)
    groups: dict[str, list[PersonId]] = {
        "checkin": order[: ON_TIME["checkin"]],
        "slip": order[ON_TIME["checkin"] : sum(ON_TIME.values())],
        "late": order[sum(ON_TIME.values()) : sum(ON_TIME.values()) + LATE],
    }
    codes: dict[int, str] = {}

    def check_in(person: PersonId, slip: bool) -> None:
        result = conf_svc.check_in(U(), SYSTEM, SiteId(site), person_id=person, preprinted=slip)
        codes[int(person)] = stack.pop() if slip else result.codes[0].code

    for group in ("checkin", "slip"):
        for person in groups[group]:
            check_in(person, group == "slip")
    vote_svc.open_vote(U(), SYSTEM, sid)

    patterns = list(itertools.product(LEVELS, repeat=SUBJECTS))
    rng.shuffle(patterns)
    truth: dict[int, str] = {}
    abstain = set(groups["checkin"][:2] + groups["slip"][:2])
    voters = [p for p in groups["checkin"] + groups["slip"] if p not in abstain]
    rng.shuffle(voters)

    def vote(person: PersonId) -> None:
        pattern = patterns.pop()
        marks = {f"p{s}": level for s, level in zip(subjects, pattern, strict=True)}
        cast(base, sid, codes[int(person)], marks)
        truth[int(person)] = "".join(level[0].upper() for level in pattern)

    for i, person in enumerate(voters):
        vote(person)
        if i == len(voters) // 2:
            snapshot("running")
    for i, person in enumerate(groups["late"]):
        check_in(person, slip=bool(i % 2))
        vote(person)
    return {
        "session": int(sid),
        "shares": list(key.shares),
        "truth": {str(k): v for k, v in truth.items()},
        "late": [int(p) for p in groups["late"]],
        "abstain": [int(p) for p in abstain],
        "on_time": [int(p) for p in groups["checkin"] + groups["slip"]],
    }


def main(base: str, snapshot_dir: str, seed: int) -> None:
    """Entry point for ``manage shell``: prints the ground truth as one JSON line."""
    from tests.e2e.secrecy_attacker import take_snapshot

    result = run(base, lambda name: take_snapshot(snapshot_dir, name), seed)
    print("SCENARIO " + json.dumps(result))
