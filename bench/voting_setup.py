"""The voting benchmark's conference, built through the real services (no raw rows).

A commune with ``voters`` convened delegates, one confidence vote on ``subjects`` of them, a
stack of pre-printed code slips (one per delegate), the counting committee's key made by one of
its two members (threshold 2 of 2), every delegate checked in with a slip, and the vote open.
Run inside Django (``bench/bench_voting.py`` calls :func:`build` in a child process with the
same settings and data folder as the server, so the codes' keyed tags match). The committee's
shares are written to the benchmark's own fixture file so that the count step can open the
sealed ballots; a real vote prints them once and stores them nowhere.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from canbo.accounts.actors import actor_for
from canbo.core.types import PersonId, Role
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import sessions as svc
from canbo.services.voting.ports import ConferenceData
from canbo.voting.uow import DjangoVotingUnitOfWork as U
from tests import factories as f
from tests.e2e.voting_fixture import account

HELD_ON = dt.date(2026, 11, 20)
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô")
MIDDLE = ("Văn", "Thị", "Minh", "Quốc", "Đức", "Thu", "Hữu", "Ngọc")
GIVEN = ("Hoa", "Bình", "Châu", "Dũng", "Lan", "Minh", "Hà", "Khánh", "Mai", "Nam", "Oanh")


def names(count: int) -> list[str]:
    """Distinct-looking Vietnamese names (family, middle, given), repeating after 880."""
    combos = itertools.cycle(itertools.product(FAMILY, MIDDLE, GIVEN))
    return [" ".join(next(combos)) for _ in range(count)]


def build(voters: int, subjects: int) -> dict[str, Any]:
    """Create the conference, make the committee's key and open the vote; return the session,
    subjects, slip codes and the committee's shares."""
    tree = f.small_tree()
    people = [f.person(name, tree.cell_a) for name in names(voters)]
    staff = actor_for(account("bantochuc", Role.ORG_STAFF, tree.commune), HELD_ON)
    counters = [account(n, Role.COUNTING_COMMITTEE, tree.commune) for n in ("kp1", "kp2")]
    data = ConferenceData(tree.commune, "Hội nghị Đảng bộ xã", "party", HELD_ON, "Hội trường")
    cid = conf_svc.create_conference(U(), staff, data)
    site = conf_svc.add_site(U(), staff, cid, "Hội trường")
    conf_svc.convene(U(), staff, cid, people)
    plan = svc.SessionPlan(
        title="Lấy phiếu tín nhiệm năm 2026",
        subjects=[
            (PersonId(p), f"Ủy viên Ban Chấp hành {i + 1}") for i, p in enumerate(people[:subjects])
        ],
        counters=[c.pk for c in counters],
        dossier_sent_on=HELD_ON - dt.timedelta(days=20),
        questions_sent_on=HELD_ON - dt.timedelta(days=12),
    )
    sid = svc.create_session(U(), staff, cid, plan)
    codes = svc.print_slips(U(), staff, sid, voters)
    svc.mark_ready(U(), staff, sid)
    key = svc.make_ballot_key(U(), actor_for(counters[0], HELD_ON), sid)
    for person in people:
        conf_svc.check_in(U(), staff, site, person_id=PersonId(person), preprinted=True)
    svc.open_vote(U(), staff, sid)
    return {
        "session": int(sid),
        "subjects": [int(p) for p in people[:subjects]],
        "codes": codes,
        "counters": ["kp1", "kp2"],
        "shares": list(key.shares),
    }
