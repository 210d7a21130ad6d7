"""The 2025–2030 round of congresses in the demo commune, run through the services as a
convening committee and the higher committee would: cell congresses and the commune's
delegates' congress held, counted, signed and approved (the new committees and their terms are
in the registry); one cell congress in progress (its roll fixed, its committee counted and the
minutes signed, awaiting the commune's approval); one cell congress in preparation.

Dates are in July and August 2025, after the reorganization of 01/07/2025 (the new commune
approves its cells' results; the province approves the commune's). Ballots are cast on phones
with one-time codes; the counting committee opens the sealed box with its key and signs.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from canbo.accounts.models import RoleGrant
from canbo.congresses import models as cm
from canbo.congresses.uow import DjangoCongressUnitOfWork as CongressUoW
from canbo.core.elections.model import CongressKind, DelegateStatus, ElectionKind
from canbo.core.types import AccountId, PersonId, Role, UnitId
from canbo.elections import models as em
from canbo.elections.uow import DjangoElectionsUnitOfWork as ElectionsUoW
from canbo.registry.models import Membership, Person, UnitVersion
from canbo.services.congresses import bodies, congress
from canbo.services.congresses.ports import CongressData, CongressId, WorkingBody
from canbo.services.elections import approval, candidates, elections, results
from canbo.services.elections.ports import CandidateSource, ElectionId, RoundId
from canbo.services.elections.ports import CongressId as ElectionCongressId
from canbo.services.ports import Actor, Grant
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import CommitteeMember, ConferenceId, Medium, SessionId, SiteId
from canbo.voting.uow import DjangoVotingUnitOfWork as VotingUoW

TERM = "2025–2030"
FIRST_CELL_DAY = dt.date(2025, 7, 10)
COMMUNE_DAY = dt.date(2025, 8, 14)
READY_BY = dt.date(2025, 10, 1)
"""The round is built only when the demo's today is after it (an earlier demo has none)."""
COUNTER = "kiemphieu.daihoi"
PLACES = ("Nhà văn hóa thôn", "Hội trường Đảng ủy", "Nhà văn hóa tổ dân phố")


@dataclass(frozen=True, slots=True)
class Round2025:
    """Ids of the congresses made, for the tests and the printed summary."""

    approved: tuple[int, ...]
    in_progress: int | None
    preparing: int | None
    commune: int | None


@dataclass
class _Held:
    cid: CongressId
    site: SiteId
    present: list[PersonId]
    official: list[PersonId]
    counter_person: PersonId

    youngest: list[PersonId]

    @property
    def pool(self) -> list[PersonId]:
        """Official members present, youngest first (the age rule of EL-33 wants a whole term
        ahead), the counting committee left out (EL-06)."""
        here = set(self.present)
        return [p for p in self.youngest if p in here and p != self.counter_person]


def _may_stand(people: QuerySet[Person]) -> QuerySet[Person]:
    """People with a whole term ahead before retirement (EL-33: five years from the reference
    month of 2025 for a first term; men retire at 62, women at 60 by then)."""
    return people.filter(
        Q(sex="M", birth_date__gte=dt.date(1967, 1, 1))
        | Q(sex="F", birth_date__gte=dt.date(1972, 1, 1))
    )


def _eligible(unit: int, day: dt.date) -> int:
    members = Membership.objects.filter(unit_id=unit, valid_from__lte=day, valid_to__gte=day)
    return _may_stand(Person.objects.filter(pk__in=members.values("person_id"))).count()


def _cells(commune: UnitId, day: dt.date) -> list[int]:
    return list(
        UnitVersion.objects.filter(parent_id=commune, valid_from__lte=day, valid_to__gte=day)
        .order_by("unit_id")
        .values_list("unit_id", flat=True)
    )


def _members(units: Sequence[int], day: dt.date) -> list[PersonId]:
    rows = Membership.objects.filter(unit_id__in=units, valid_from__lte=day, valid_to__gte=day)
    return [PersonId(p) for p in rows.order_by("person_id").values_list("person_id", flat=True)]


def _counter(unit: UnitId, day: dt.date) -> Actor:
    """The counting committee's account (no password: it exists for the records)."""
    user, made = get_user_model().objects.get_or_create(username=COUNTER)
    if made:
        user.set_unusable_password()
        user.save()
    RoleGrant.objects.get_or_create(
        user=user, role=Role.COUNTING_COMMITTEE, unit_id=unit, valid_from=day
    )
    grants = tuple(
        Grant(Role.COUNTING_COMMITTEE, UnitId(u))
        for u in RoleGrant.objects.filter(user=user).values_list("unit_id", flat=True)
    )
    return Actor(AccountId(user.pk), COUNTER, grants)


def _hand_codes(staff: Actor, sid: SessionId) -> list[str]:
    """Codes for a round opened after the people checked in: the voting engine's hand-out to
    everyone present who has none for the round yet (a stack of codes, not tied to names)."""
    result = conf_svc.hand_out(VotingUoW(), staff, sid, medium=Medium.ELECTRONIC, preprinted=False)
    return list(result.codes)


def _ec(cid: CongressId) -> ElectionCongressId:
    return ElectionCongressId(int(cid))


def _session(eid: ElectionId) -> SessionId:
    rnd = em.Round.objects.filter(election_id=eid).order_by("number").last()
    assert rnd is not None  # noqa: S101 - a round was just started
    return SessionId(rnd.vote_session_id)


def _vote(
    staff: Actor, counter: Actor, held: _Held, sid: SessionId, codes: Sequence[str],
    ballots: Sequence[dict[int, str]],
) -> None:  # fmt: skip
    committee = [CommitteeMember(person_id=held.counter_person, account_id=counter.account_id)]
    vote_svc.set_committee(VotingUoW(), staff, sid, committee)
    vote_svc.mark_ready(VotingUoW(), staff, sid)
    shares = vote_svc.make_ballot_key(VotingUoW(), counter, sid).shares
    vote_svc.open_vote(VotingUoW(), staff, sid)
    for code, marks in zip(codes, ballots, strict=False):
        vote_svc.cast_ballot(VotingUoW(), sid, code, marks)
    vote_svc.close_vote(VotingUoW(), staff, sid)
    count_svc.count(VotingUoW(), counter, sid, shares)
    count_svc.sign(VotingUoW(), counter, sid)


def _strike_ballots(
    listed: Sequence[PersonId], keep: int, favoured: int, voters: int
) -> list[dict[int, str]]:
    """Ballots keeping at most ``keep`` names (the number to elect: the official seats on a
    delegates' list). Every ballot strikes the names after the ``favoured`` first; where
    ``keep`` is less than ``favoured`` it also strikes one of the favoured, the later ones more
    often (so the votes differ and no tie straddles a seat); otherwise every fifth ballot
    strikes a favoured name instead of the first unfavoured one."""
    pattern = [j for j in range(favoured) for _ in range(j + 1)]
    ballots = []
    for i in range(voters):
        struck = set(listed[favoured:])
        extra = len(listed) - len(struck) - keep
        for k in range(extra):
            struck.add(listed[pattern[(i + k) % len(pattern)]])
        if extra == 0 and i % 5 == 4 and len(listed) > favoured:
            struck.discard(listed[favoured])
            struck.add(listed[(i // 5) % favoured])
        ballots.append({int(p): "struck" if p in struck else "kept" for p in listed})
    return ballots


def _open(
    staff: Actor, unit: UnitId, day: dt.date, kind: CongressKind, place: str,
    parameters: Mapping[str, object] | None = None,
) -> CongressId:  # fmt: skip
    closes = day + dt.timedelta(days=1 if kind is CongressKind.DELEGATES else 0)
    data = CongressData(unit, "", TERM, kind, day, closes, place, "", parameters=parameters or {})
    return congress.create_congress(CongressUoW(), staff, data)


def _hold(staff: Actor, cid: CongressId, absent: int = 0) -> _Held:
    """Fix the roll, open, check everyone in but the last ``absent``, elect the counting
    committee (one official member, the last present) by show of hands."""
    congress.fix_roll(CongressUoW(), staff, cid)
    congress.open_congress(CongressUoW(), staff, cid)
    row = cm.Congress.objects.get(pk=cid)
    entries = list(
        cm.RollEntry.objects.filter(congress_id=cid)
        .order_by("person__sort_key")
        .values_list("person_id", "official_member")
    )
    roll = [PersonId(p) for p, _ in entries]
    official = [PersonId(p) for p, o in entries if o]
    site = conf_svc.add_site(
        VotingUoW(), staff, ConferenceId(row.conference_id), row.place or "Hội trường"
    )
    present = roll[: len(roll) - absent] if absent else roll
    youngest = [
        PersonId(p)
        for p in _may_stand(Person.objects.filter(pk__in=official))
        .order_by("-birth_date", "pk")
        .values_list("pk", flat=True)
    ]
    counter = [p for p in official if p in present and p not in youngest] or youngest
    return _Held(cid, site, present, official, counter[-1], youngest)


def _check_in(staff: Actor, held: _Held) -> None:
    """Everyone present checks in at the congress's site."""
    for person in held.present:
        conf_svc.check_in(VotingUoW(), staff, held.site, person_id=person)


def _counting_committee(staff: Actor, held: _Held) -> None:
    hands = bodies.HandCount(len(held.present))
    for body in (WorkingBody.PRESIDIUM, WorkingBody.SECRETARIAT, WorkingBody.COUNTING):
        head = held.counter_person if body is WorkingBody.COUNTING else held.present[0]
        bodies.set_working_body(CongressUoW(), staff, held.cid, body, [head], head, hands)


def _elect(
    rng: random.Random, staff: Actor, counter: Actor, held: _Held, kind: ElectionKind,
    seats: int, names: Sequence[PersonId], now: dt.datetime, *, floor: PersonId | None = None,
    alternate_seats: int = 0,
) -> ElectionId:  # fmt: skip
    """One election: seats voted, the convener's list (and one floor nominee admitted with more
    than 30%), the list voted, one round on phones, the result recorded and the minutes
    signed."""
    n = len(held.present)
    eid = elections.create_election(
        ElectionsUoW(), staff, _ec(held.cid), kind, seats,
        seats_for=n, seats_against=0, attending=n, alternate_seats=alternate_seats,
    )  # fmt: skip
    for person in names:
        candidates.add_candidate(
            ElectionsUoW(), staff, _ec(held.cid), eid, person, CandidateSource.CONVENER
        )
    if floor is not None:
        candidates.add_candidate(
            ElectionsUoW(), staff, _ec(held.cid), eid, floor, CandidateSource.FLOOR,
            agree=n // 2, attending=n,
        )  # fmt: skip
    elections.approve_list(
        ElectionsUoW(), staff, _ec(held.cid), eid, agree=n, against=0, attending=n
    )
    results.start_round(ElectionsUoW(), staff, _ec(held.cid), eid)
    sid = _session(eid)
    codes = _hand_codes(staff, sid)
    listed = [PersonId(p) for p in em.Candidate.objects.filter(election_id=eid)
              .order_by("sort_key").values_list("person_id", flat=True)]  # fmt: skip
    total = seats + alternate_seats
    if len(listed) > total:
        ballots = _strike_ballots(listed, seats, total, len(codes))
    else:
        ballots = [{int(p): "agree" if rng.random() < 0.93 else "disagree" for p in listed}
                   for _ in codes]  # fmt: skip
    _vote(staff, counter, held, sid, codes, ballots)
    results.record_result(ElectionsUoW(), staff, _ec(held.cid), eid, now)
    rnd = em.Round.objects.filter(election_id=eid).order_by("number").last()
    assert rnd is not None  # noqa: S101
    results.sign_minutes(ElectionsUoW(), staff, _ec(held.cid), eid, RoundId(rnd.pk), now)
    return eid


def _elected(eid: ElectionId) -> list[PersonId]:
    rows = em.ElectedPerson.objects.filter(election_id=eid, alternate=False)
    return [
        PersonId(p) for p in rows.order_by("person__sort_key").values_list("person_id", flat=True)
    ]


def _cell_congress(
    rng: random.Random, staff: Actor, counter: Actor, cell: int, day: dt.date, place: str,
    *, floor: bool,
) -> CongressId | None:  # fmt: skip
    """A cell congress held: the cell committee (where the cell elects one) with three seats
    and the secretary from it, or the secretary among all members."""
    unit = UnitId(cell)
    kind = congress.proposed_kind(CongressUoW(), unit, day)
    if kind is not CongressKind.CELL:
        return None
    cid = _open(staff, unit, day, kind, place)
    if congress.build_roll(CongressUoW(), staff, cid) < 6:
        return None
    held = _hold(staff, cid, absent=1)
    committee = bool(cm.Congress.objects.get(pk=cid).parameters.get("cell_committee"))
    now = dt.datetime.combine(day, dt.time(10, 30), tzinfo=dt.UTC)
    pool = held.pool
    first = ElectionKind.CELL_COMMITTEE if committee else ElectionKind.SECRETARY
    seats = 3 if committee else 1
    names = pool[: seats + (1 if committee and not floor else 0)]
    floor_person = pool[seats] if committee and floor else None
    _check_in(staff, held)
    _counting_committee(staff, held)
    opened = _elect(rng, staff, counter, held, first, seats, names, now, floor=floor_person)
    if committee:
        body = _elected(opened)
        _elect(rng, staff, counter, held, ElectionKind.SECRETARY, 1, body[:1], now)
    return cid


def _commune_congress(
    rng: random.Random, staff: Actor, counter: Actor, commune: UnitId, cells: Sequence[int],
) -> CongressId | None:  # fmt: skip
    """The commune's delegates' congress: the convening committee, delegates elected by the
    cells (officials and alternates), one official absent for the whole congress and an
    alternate seated in the place, the working bodies and the credentials report, the
    committee, its secretary, and delegates to the provincial congress on one list."""
    day = COMMUNE_DAY
    members = _members(cells, day)
    if len(members) < 24:
        return None
    proposed = congress.proposed_kind(CongressUoW(), commune, day)
    consent = {"higher_consent": True} if proposed is not CongressKind.DELEGATES else {}
    cid = _open(staff, commune, day, CongressKind.DELEGATES, PLACES[1], consent)
    convening, officials, alternates = members[:5], members[5:23], members[23:25]
    congress.set_convening_committee(CongressUoW(), staff, cid, convening)
    congress.add_delegates(CongressUoW(), staff, cid, officials)
    congress.add_delegates(CongressUoW(), staff, cid, alternates, alternate=True)
    congress.build_roll(CongressUoW(), staff, cid)
    held = _hold(staff, cid)
    absent = officials[-1]
    held.present = [p for p in held.present if p not in (absent, alternates[-1])]
    held.counter_person = officials[-2]
    _check_in(staff, held)
    hands = bodies.HandCount(len(held.present))
    for working in WorkingBody:
        head = held.counter_person if working is WorkingBody.COUNTING else convening[0]
        bodies.set_working_body(CongressUoW(), staff, cid, working, [head], head, hands)
    bodies.credentials_report(
        CongressUoW(), staff, cid,
        {absent: DelegateStatus.ABSENT_WHOLE_CONGRESS,
         alternates[0]: DelegateStatus.ALTERNATE_SEATED},
        {alternates[0]: absent}, "Báo cáo thẩm tra tư cách đại biểu số 01-BC/TTTC",
    )  # fmt: skip
    now = dt.datetime.combine(day, dt.time(14), tzinfo=dt.UTC)
    pool = held.pool
    committee = _elect(rng, staff, counter, held, ElectionKind.COMMITTEE, 7, pool[:8], now)
    body = _elected(committee)
    _elect(rng, staff, counter, held, ElectionKind.SECRETARY, 1, body[:1], now)
    _elect(rng, staff, counter, held, ElectionKind.DELEGATES, 3, pool[8:13], now, alternate_seats=1)
    return cid


def _approve(approver: Actor, cid: CongressId, number: str, on: dt.date) -> None:
    approval.approve(
        ElectionsUoW(), approver, _ec(cid), decision_number=number, decided_on=on, today=on
    )


def _parent(unit: int, day: dt.date) -> UnitId | None:
    version = UnitVersion.objects.filter(
        unit_id=unit, valid_from__lte=day, valid_to__gte=day
    ).first()
    return None if version is None or version.parent_id is None else UnitId(version.parent_id)


def build_round(cell: int, today: dt.date, seed: int) -> Round2025 | None:
    """The round in the demo cell's commune; None when the demo's today is before it or the
    commune has too few cells."""
    commune = _parent(cell, FIRST_CELL_DAY)
    province = None if commune is None else _parent(commune, FIRST_CELL_DAY)
    if today < READY_BY or commune is None or province is None:
        return None
    rng = random.Random(seed + 2025)
    cells = _cells(commune, FIRST_CELL_DAY)
    if cell in cells:
        cells.remove(cell)
        cells.insert(0, cell)
    cells = [c for c in cells if _eligible(c, FIRST_CELL_DAY) >= 5]
    if len(cells) < 3:
        return None
    staff = Actor(None, "demo", (Grant(Role.ORG_STAFF, commune),))
    higher = Actor(None, "demo.tinh", (Grant(Role.ORG_STAFF, province),))
    counter = _counter(commune, FIRST_CELL_DAY)
    approved: list[int] = []
    in_progress: int | None = None
    preparing: int | None = None
    day = FIRST_CELL_DAY
    for i, unit in enumerate(cells[:5]):
        place = f"{PLACES[i % len(PLACES)]}"
        if i == 4 or (i == 3 and len(cells) < 5):
            late = dt.date(2025, 9, 26)
            cid = _open(staff, UnitId(unit), late, CongressKind.CELL, place)
            congress.build_roll(CongressUoW(), staff, cid)
            preparing = int(cid)
            break
        held = _cell_congress(rng, staff, counter, unit, day, place, floor=i == 0)
        day += dt.timedelta(days=3)
        if held is None:
            continue
        if i == 3:
            in_progress = int(held)
            continue
        congress.close_congress(CongressUoW(), staff, held)
        decided = day + dt.timedelta(days=7)
        _approve(staff, held, f"{40 + i}-QĐ/ĐU", decided)
        approved.append(int(held))
    commune_cid = _commune_congress(rng, staff, counter, commune, cells)
    if commune_cid is not None:
        congress.close_congress(CongressUoW(), staff, commune_cid)
        _approve(higher, commune_cid, "1520-QĐ/TU", COMMUNE_DAY + dt.timedelta(days=12))
        approved.append(int(commune_cid))
    return Round2025(tuple(approved), in_progress, preparing, commune_cid)
