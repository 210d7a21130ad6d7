"""The 2025–2030 round simulated for every grassroots Party organization of a demo tree, written
in bulk (``canbo demo --scale national`` has about 52,000), so the higher committees' overview of
congresses has realistic data: one congress per organization with its conference, the
committee's election with one counted round and the people elected (drawn from the members of
its cells), and the higher committee's approval for most.

The rows are written directly (``bulk_create``), as the demo's bulk writer does for the
registry: running tens of thousands of congresses through the use cases would take hours. The
congresses of the demo commune (:mod:`canbo.demo.congresses`) go through the services.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction

from canbo.conferences.models import Conference
from canbo.congresses import models as cm
from canbo.core.types import UnitKind
from canbo.elections import models as em
from canbo.registry.models import UnitVersion
from canbo.voting.models import VoteSession

AS_OF = dt.date(2025, 8, 1)
"""The tree the round is held in: after the reorganization of 01/07/2025."""
GRASSROOTS = (
    UnitKind.COMMUNE_PARTY_COMMITTEE,
    UnitKind.GRASSROOTS_COMMITTEE,
    UnitKind.GRASSROOTS_CELL,
)
TERM = "2025–2030"
BATCH = 5_000
STATUSES = (("closed", 0.86), ("open", 0.08), ("roll_fixed", 0.03), ("preparing", 0.03))


@dataclass(frozen=True, slots=True)
class BulkRound:
    congresses: int
    elected: int
    approved: int
    seconds: float


def _tree() -> tuple[dict[int, int | None], dict[int, str], dict[int, str]]:
    rows = UnitVersion.objects.filter(valid_from__lte=AS_OF, valid_to__gte=AS_OF).values_list(
        "unit_id", "parent_id", "kind", "name"
    )
    parent: dict[int, int | None] = {}
    kind: dict[int, str] = {}
    name: dict[int, str] = {}
    for unit, up, k, n in rows.iterator(chunk_size=20_000):
        parent[unit], kind[unit], name[unit] = up, k, n
    return parent, kind, name


def _members_by_cell(limit: int) -> dict[int, list[int]]:
    """Up to ``limit`` members of every unit holding members, in person order (one query)."""
    sql = (
        "SELECT unit_id, person_id FROM (SELECT unit_id, person_id, ROW_NUMBER() OVER"
        " (PARTITION BY unit_id ORDER BY person_id) AS rn FROM registry_membership"
        " WHERE valid_from <= %s AND valid_to >= %s) AS m WHERE rn <= %s"
    )
    found: dict[int, list[int]] = defaultdict(list)
    with connection.cursor() as cur:
        cur.execute(sql, [AS_OF, AS_OF, limit])
        for unit, person in cur.fetchall():
            found[unit].append(person)
    return found


def _status(rng: random.Random) -> str:
    x = rng.random()
    for status, share in STATUSES:
        if x < share:
            return status
        x -= share
    return "closed"


def write_round(seed: int = 2025, progress: Callable[[str], None] = lambda _: None) -> BulkRound:
    """One congress per grassroots organization without one for the term, with its results."""
    import time

    started = time.perf_counter()
    rng = random.Random(seed)
    parent, kind, name = _tree()
    done = set(cm.Congress.objects.filter(term_label=TERM).values_list("unit_id", flat=True))
    orgs = sorted(u for u, k in kind.items() if k in GRASSROOTS and u not in done)
    children: dict[int, list[int]] = defaultdict(list)
    for unit, up in parent.items():
        if up is not None:
            children[up].append(unit)
    members = _members_by_cell(12)
    progress(f"{len(orgs):,} tổ chức cơ sở đảng / grassroots organizations")
    totals = [0, 0, 0]
    for start in range(0, len(orgs), BATCH):
        chunk = orgs[start : start + BATCH]
        with transaction.atomic():
            counts = _write_chunk(rng, chunk, parent, kind, name, children, members)
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        progress(f"{start + len(chunk):,} đại hội / congresses")
    _analyze()
    seconds = round(time.perf_counter() - started, 1)
    return BulkRound(totals[0], totals[1], totals[2], seconds)


TABLES = (
    Conference, cm.Congress, cm.CongressScope, em.Election, VoteSession, em.Round,
    em.ElectedPerson, em.Approval,
)  # fmt: skip


def _analyze() -> None:
    """Fresh planner statistics for the tables written, as the demo's bulk writer does."""
    with connection.cursor() as cur:
        for model in TABLES:
            cur.execute(f'ANALYZE "{model._meta.db_table}"')


def _people(unit: int, children: dict[int, list[int]], members: dict[int, list[int]]) -> list[int]:
    """Members of the organization (a grassroots cell) or of its first cells (a committee)."""
    found = list(members.get(unit, []))
    for child in children.get(unit, []):
        if len(found) >= 12:
            break
        found += members.get(child, [])
    return found


def _write_chunk(
    rng: random.Random,
    orgs: list[int],
    parent: dict[int, int | None],
    kind: dict[int, str],
    name: dict[int, str],
    children: dict[int, list[int]],
    members: dict[int, list[int]],
) -> tuple[int, int, int]:
    plans = []
    for unit in orgs:
        people = _people(unit, children, members)
        if kind[unit] == UnitKind.GRASSROOTS_CELL:
            ckind, ekind, seats = "cell", "cell_committee", 3
        else:
            big = len(children.get(unit, [])) > 12
            ckind, ekind, seats = ("delegates" if big else "members"), "committee", 7
        opens = dt.date(2025, 7, 1) + dt.timedelta(days=rng.randrange(80))
        status = _status(rng)
        title = f"Đại hội {name[unit]} nhiệm kỳ {TERM}"
        plans.append((unit, people, ckind, ekind, min(seats, len(people)), opens, status, title))
    confs = Conference.objects.bulk_create(
        [Conference(unit_id=u, title=t, body="party", held_on=o, place="Hội trường")
         for u, _, _, _, _, o, _, t in plans], batch_size=BATCH,
    )  # fmt: skip
    congresses = cm.Congress.objects.bulk_create(
        [cm.Congress(unit_id=u, title=t, term_label=TERM, kind=ck, opens_on=o,
                     closes_on=o + dt.timedelta(days=1 if ck == "delegates" else 0),
                     place="Hội trường", rulebook_id="QD190_2024", conference=c, status=st,
                     parameters={"simulated": True})
         for (u, _, ck, _, _, o, st, t), c in zip(plans, confs, strict=True)], batch_size=BATCH,
    )  # fmt: skip
    scope = []
    for c in congresses:
        up: int | None = c.unit_id
        while up is not None:
            scope.append(cm.CongressScope(congress=c, unit_id=up))
            up = parent.get(up)
    cm.CongressScope.objects.bulk_create(scope, batch_size=BATCH)
    held = [
        (p, c) for p, c in zip(plans, congresses, strict=True)
        if p[6] in ("closed", "open") and p[4] > 0
    ]  # fmt: skip
    approved_share = {"closed": 0.9, "open": 0.0}
    elections = em.Election.objects.bulk_create(
        [em.Election(congress=c, kind=p[3], seats=p[4], order=1,
                     status="approved" if rng.random() < approved_share[p[6]] else "provisional")
         for p, c in held], batch_size=BATCH,
    )  # fmt: skip
    sessions = VoteSession.objects.bulk_create(
        [VoteSession(conference_id=c.conference_id, title=f"Bầu {p[4]} cấp ủy viên, vòng 1",
                     rulebook_id="QD190_2024", status="signed",
                     parameters={"seats": p[4], "ballot_kind": "strike_out", "alternate_seats": 0})
         for p, c in held], batch_size=BATCH,
    )  # fmt: skip
    rounds = em.Round.objects.bulk_create(
        [em.Round(election=e, number=1, vote_session=s, seats=e.seats)
         for e, s in zip(elections, sessions, strict=True)], batch_size=BATCH,
    )  # fmt: skip
    elected = []
    for (p, c), e, r in zip(held, elections, rounds, strict=True):
        for person in rng.sample(p[1], p[4]):
            elected.append(
                em.ElectedPerson(election=e, round=r, person_id=person, congress=c,
                                 first_time=rng.random() < 0.35)
            )  # fmt: skip
    em.ElectedPerson.objects.bulk_create(elected, batch_size=BATCH)
    approvals = [
        em.Approval(election=e, approving_unit_id=parent[c.unit_id] or c.unit_id,
                    decision_number=f"{100 + i % 900}-QĐ/ĐU", decided_on=c.opens_on
                    + dt.timedelta(days=14), recorded_by="demo")
        for i, ((_, c), e) in enumerate(zip(held, elections, strict=True))
        if e.status == "approved"
    ]  # fmt: skip
    em.Approval.objects.bulk_create(approvals, batch_size=BATCH)
    return len(congresses), len(elected), len(approvals)
