"""What a clerk finds after a year of use: a past conference whose confidence vote was counted,
signed and published; a conference being held today with its vote open; a classification cycle
in progress. Everything goes through the services (convene, check in, cast, count, sign,
publish; open a cycle, compute its proposals), so the rows are the ones real use would leave,
audited, with the rulebooks of the day (QĐ 96-QĐ/TW for the vote, QĐ 366-QĐ/TW for the cycle).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q

from canbo.accounts.models import RoleGrant
from canbo.classification.store import DjangoClassificationUnitOfWork
from canbo.core.types import AccountId, PersonId, Role, UnitId
from canbo.registry.models import Membership, PositionHolding, UnitVersion
from canbo.services.classification import compute
from canbo.services.classification import cycle as cycles
from canbo.services.ports import Actor, Grant
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import ConferenceData, ConferenceId, SessionId
from canbo.voting.uow import DjangoVotingUnitOfWork as VotingUoW

PAST_DAYS_AGO = 75
"""The past conference was held about two and a half months before the demo's today."""
CONVENED = 18
COUNTERS = ("kiemphieu.1", "kiemphieu.2")
LEVELS = ("high", "high", "high", "mid", "mid", "low")


@dataclass(frozen=True, slots=True)
class Activity:
    """Ids of what was created, for the tests and the printed summary."""

    past_conference: ConferenceId
    past_session: SessionId
    open_conference: ConferenceId
    open_session: SessionId
    cycle: int | None


def _commune_of(cell: int, today: dt.date) -> UnitId:
    version = UnitVersion.objects.get(unit_id=cell, valid_from__lte=today, valid_to__gte=today)
    assert version.parent_id is not None  # noqa: S101 - a cell always sits under a committee
    return UnitId(version.parent_id)


def _members(commune: UnitId, today: dt.date) -> list[PersonId]:
    """Members of the commune's cells today, post holders of the commune first."""
    cells = UnitVersion.objects.filter(
        parent_id=commune, valid_from__lte=today, valid_to__gte=today
    ).values("unit_id")
    members = list(
        Membership.objects.filter(unit_id__in=cells, valid_from__lte=today, valid_to__gte=today)
        .order_by("person_id")
        .values_list("person_id", flat=True)
    )
    leaders = set(
        PositionHolding.objects.filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=today),
            unit_id=commune,
            person_id__in=members,
        ).values_list("person_id", flat=True)
    )
    return [PersonId(p) for p in sorted(members, key=lambda p: (p not in leaders, p))]


def _counters(commune: UnitId, today: dt.date) -> list[Actor]:
    """Two accounts of the counting committee (no password: they exist for the records)."""
    actors = []
    for username in COUNTERS:
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.set_unusable_password()
        user.save()
        RoleGrant.objects.get_or_create(
            user=user, role=Role.COUNTING_COMMITTEE, unit_id=commune, valid_from=today
        )
        grant = Grant(Role.COUNTING_COMMITTEE, commune)
        actors.append(Actor(AccountId(user.pk), username, (grant,)))
    return actors


def _conference(
    staff: Actor, commune: UnitId, held_on: dt.date, title: str, people: Sequence[PersonId]
) -> tuple[ConferenceId, dt.date]:
    data = ConferenceData(commune, title, "party", held_on, "Hội trường Đảng ủy")
    cid = conf_svc.create_conference(VotingUoW(), staff, data)
    agenda = ["Khai mạc", "Lấy phiếu tín nhiệm", "Bế mạc"]
    conf_svc.set_agenda(VotingUoW(), staff, cid, agenda)
    conf_svc.convene(VotingUoW(), staff, cid, list(people))
    return cid, held_on


def _session(
    staff: Actor, cid: ConferenceId, held_on: dt.date, subjects: Sequence[PersonId],
    counters: Sequence[Actor],
) -> SessionId:  # fmt: skip
    plan = vote_svc.SessionPlan(
        title="Lấy phiếu tín nhiệm đối với người giữ chức vụ do Ban Chấp hành bầu",
        subjects=[(p, "Đảng ủy viên") for p in subjects],
        counters=[c.account_id for c in counters if c.account_id is not None],
        dossier_sent_on=held_on - dt.timedelta(days=20),
        questions_sent_on=held_on - dt.timedelta(days=12),
    )
    return vote_svc.create_session(VotingUoW(), staff, cid, plan)


def _vote(
    staff: Actor, cid: ConferenceId, sid: SessionId, people: Sequence[PersonId],
    counters: Sequence[Actor], present: int,
) -> tuple[list[str], tuple[str, ...]]:  # fmt: skip
    """Check ``present`` people in, make the committee's key, open the vote; the codes."""
    site = conf_svc.add_site(VotingUoW(), staff, cid, "Hội trường Đảng ủy")
    codes: list[str] = []
    for person in people[:present]:
        result = conf_svc.check_in(VotingUoW(), staff, site, person_id=person)
        codes += [c.code for c in result.codes if c.session_id == sid]
    vote_svc.mark_ready(VotingUoW(), staff, sid)
    shares = vote_svc.make_ballot_key(VotingUoW(), counters[0], sid).shares
    vote_svc.open_vote(VotingUoW(), staff, sid)
    return codes, shares


def _cast(
    rng: random.Random, sid: SessionId, codes: Sequence[str], subjects: Sequence[int]
) -> None:
    for code in codes:
        marks = {int(p): rng.choice(LEVELS) for p in subjects}
        vote_svc.cast_ballot(VotingUoW(), sid, code, marks)


def _published_vote(
    rng: random.Random, staff: Actor, commune: UnitId, people: Sequence[PersonId],
    counters: Sequence[Actor], today: dt.date,
) -> tuple[ConferenceId, SessionId]:  # fmt: skip
    held_on = today - dt.timedelta(days=PAST_DAYS_AGO)
    title = "Hội nghị Ban Chấp hành Đảng bộ lấy phiếu tín nhiệm giữa nhiệm kỳ"
    cid, _ = _conference(staff, commune, held_on, title, people)
    subjects = people[:3]
    sid = _session(staff, cid, held_on, subjects, counters)
    codes, shares = _vote(staff, cid, sid, people, counters, len(people) - 1)
    _cast(rng, sid, codes, subjects)
    vote_svc.close_vote(VotingUoW(), staff, sid)
    count_svc.count(VotingUoW(), counters[0], sid, shares)
    for counter in counters:
        count_svc.sign(VotingUoW(), counter, sid)
    count_svc.publish(VotingUoW(), counters[0], sid)
    return cid, sid


def _open_vote(
    rng: random.Random, staff: Actor, commune: UnitId, people: Sequence[PersonId],
    counters: Sequence[Actor], today: dt.date,
) -> tuple[ConferenceId, SessionId]:  # fmt: skip
    title = "Hội nghị Ban Chấp hành Đảng bộ (phiên thường kỳ)"
    cid, held_on = _conference(staff, commune, today, title, people)
    subjects = people[3:5]
    sid = _session(staff, cid, held_on, subjects, counters)
    present = -(-2 * len(people) // 3) + 1
    codes, _shares = _vote(staff, cid, sid, people, counters, present)
    _cast(rng, sid, codes[: len(codes) // 2], subjects)
    return cid, sid


def _cycle(staff: Actor, root: UnitId, today: dt.date) -> int:
    """The year's review over the commune, opened and computed (the steps are still to do)."""
    year = today.year if today.month >= 11 else today.year - 1
    as_of = min(dt.date(year, 12, 31), today)
    now = dt.datetime.combine(today, dt.time(9), tzinfo=dt.UTC)
    name = f"Đánh giá, xếp loại chất lượng năm {year}"
    uow = DjangoClassificationUnitOfWork()
    cycle_id = cycles.open_cycle(uow, staff, year, root, as_of, name, now=now)
    compute.compute_proposals(DjangoClassificationUnitOfWork(), staff, cycle_id, workers=1)
    return int(cycle_id)


def build_activity(cell: int, today: dt.date, seed: int) -> Activity | None:
    """Conferences, votes and a cycle in the commune of the demo cell; None if it is too small
    to hold a vote (fewer members than a conference needs)."""
    rng = random.Random(seed)
    commune = _commune_of(cell, today)
    people = _members(commune, today)[:CONVENED]
    if len(people) < 6:
        return None
    staff = Actor(None, "demo", (Grant(Role.ORG_STAFF, commune),))
    counters = _counters(commune, today)
    past = _published_vote(rng, staff, commune, people, counters, today)
    now_open = _open_vote(rng, staff, commune, people, counters, today)
    cycle = _cycle(staff, commune, today)
    return Activity(past[0], past[1], now_open[0], now_open[1], cycle)
