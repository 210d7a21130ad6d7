"""A cell congress on the database for the election tests: a cell of ten official members,
the roll fixed and convened, the congress open, a counting committee of one member with a
counting account, and helpers that run one round of an election through the voting engine
(codes, the committee's key, phone ballots, close, count, sign)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from canbo.accounts.actors import actor_for
from canbo.accounts.models import RoleGrant
from canbo.congresses import models as cm
from canbo.congresses.uow import DjangoCongressUnitOfWork
from canbo.core.elections.model import CongressKind
from canbo.core.types import PersonId, Role, UnitId
from canbo.elections import models
from canbo.elections.uow import DjangoElectionsUnitOfWork
from canbo.registry import models as reg
from canbo.services.congresses import bodies, congress
from canbo.services.congresses.ports import CongressData, CongressId, WorkingBody
from canbo.services.elections.ports import ElectionId
from canbo.services.ports import SYSTEM, Actor
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import CommitteeMember, Medium, SessionId, SiteId
from canbo.voting.uow import DjangoVotingUnitOfWork as U
from tests import factories as f

OPENS = dt.date(2025, 5, 10)
NAMES = (
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Văn Cường",
    "Phạm Thị Dung",
    "Hoàng Văn Em",
    "Vũ Thị Giang",
    "Đặng Văn Hải",
    "Bùi Thị Hạnh",
    "Đỗ Văn Khoa",
    "Mai Văn Tổ",
)


def account(username: str, role: Role, unit: UnitId) -> Actor:
    user = get_user_model().objects.create_user(username, password="mat-khau-dai-1")
    RoleGrant.objects.create(user=user, role=role, unit_id=unit, valid_from=dt.date(2020, 1, 1))
    return actor_for(user)


@dataclass
class CellCongress:
    tree: f.SmallTree
    people: list[PersonId]  # in NAMES order; the last is the counting committee's head
    congress: CongressId
    site: SiteId
    counter: Actor
    runner: Actor
    higher: Actor
    probationary: tuple[PersonId, ...] = ()  # on the roll, present, without a vote

    @property
    def head(self) -> PersonId:
        return self.people[-1]

    def uow(self) -> DjangoElectionsUnitOfWork:
        return DjangoElectionsUnitOfWork()


def cell_congress(*, commune: bool = False, probationary: Sequence[str] = ()) -> CellCongress:
    """Roll from the registry, fixed and convened; the counting committee's head checked in
    and approved by show of hands; the others not yet checked in. With ``commune`` the
    commune's members' congress instead (the same ten members, all in one cell). Each name of
    ``probationary`` is a probationary member of the cell (admitted in 2024, not yet official):
    on the roll, not checked in."""
    tree = f.small_tree()
    people = [f.person(name, tree.cell_a) for name in NAMES]
    trial = tuple(f.person(name, tree.cell_a) for name in probationary)
    reg.Person.objects.filter(pk__in=trial).update(
        party_admission_date=dt.date(2024, 11, 3), official_membership_date=None
    )
    unit, kind = (
        (tree.commune, CongressKind.MEMBERS) if commune else (tree.cell_a, CongressKind.CELL)
    )
    data = CongressData(unit, "", "2025–2030", kind, OPENS, OPENS, "Nhà văn hóa thôn Na Pô", "")
    cid = congress.create_congress(DjangoCongressUnitOfWork(), SYSTEM, data)
    congress.build_roll(DjangoCongressUnitOfWork(), SYSTEM, cid)
    congress.fix_roll(DjangoCongressUnitOfWork(), SYSTEM, cid)
    congress.open_congress(DjangoCongressUnitOfWork(), SYSTEM, cid)
    conference = cm.Congress.objects.get(pk=cid).conference_id
    site = conf_svc.add_site(U(), SYSTEM, conference, "Hội trường nhà văn hóa")
    conf_svc.check_in(U(), SYSTEM, site, person_id=people[-1])
    hands = bodies.HandCount(1)
    bodies.set_working_body(
        DjangoCongressUnitOfWork(), SYSTEM, cid, WorkingBody.COUNTING, [people[-1]], people[-1],
        hands,
    )  # fmt: skip
    counter = account("kiemphieu", Role.COUNTING_COMMITTEE, unit)
    runner = account("chiuy", Role.ORG_STAFF, unit)
    higher = account("captren", Role.ORG_STAFF, tree.ha_giang if commune else tree.commune)
    return CellCongress(tree, people, cid, site, counter, runner, higher, trial)


def check_in_rest(c: CellCongress) -> dict[PersonId, str]:
    """The other members check in; each gets a code for every round already created."""
    codes: dict[PersonId, str] = {}
    for p in c.people[:-1]:
        result = conf_svc.check_in(U(), SYSTEM, c.site, person_id=p)
        codes[p] = result.codes[0].code
    return codes


def hand_codes(c: CellCongress, sid: SessionId, people: Sequence[PersonId]) -> list[str]:
    """Codes for a round created after the members checked in: the voting engine's hand-out
    to the persons named (a stack of codes, not tied to names)."""
    result = conf_svc.hand_out(
        U(), SYSTEM, sid, medium=Medium.ELECTRONIC, preprinted=False, person_ids=people
    )
    return list(result.codes)


def session_of(election_id: ElectionId) -> SessionId:
    return SessionId(models.Round.objects.filter(election_id=election_id).last().vote_session_id)


def vote(
    c: CellCongress,
    sid: SessionId,
    codes: Mapping[PersonId, str] | Sequence[str],
    ballots: Sequence[Mapping[int, str]],
) -> None:
    """The counting committee (with its account) makes the key; the round opens; each ballot
    is cast with one code; the round closes, is counted and signed."""
    vote_svc.set_committee(
        U(), SYSTEM, sid, [CommitteeMember(person_id=c.head, account_id=c.counter.account_id)]
    )
    vote_svc.mark_ready(U(), SYSTEM, sid)
    shares = vote_svc.make_ballot_key(U(), c.counter, sid).shares
    vote_svc.open_vote(U(), SYSTEM, sid)
    stack = list(codes.values()) if isinstance(codes, Mapping) else list(codes)
    for code, marks in zip(stack, ballots, strict=False):
        vote_svc.cast_ballot(U(), sid, code, marks)
    vote_svc.close_vote(U(), SYSTEM, sid)
    count_svc.count(U(), c.counter, sid, shares)
    count_svc.sign(U(), c.counter, sid)


def strike(kept: Sequence[PersonId], listed: Sequence[PersonId]) -> dict[int, str]:
    return {int(p): ("kept" if p in kept else "struck") for p in listed}
