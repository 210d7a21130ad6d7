"""A conference hall on the in-memory fakes: the commune of Yên Minh, nine persons convened,
two bridge sites, a counting committee of two and a draft confidence vote on three persons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from canbo.core.types import PersonId, Role, UnitId
from canbo.services.ports import SYSTEM, Actor
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import ConferenceData, ConferenceId, Medium, SessionId, SiteId
from tests.fakes.registry import FakeRegistryUnitOfWork
from tests.fakes.voting import FakeVotingUnitOfWork
from tests.unit.services.world import Tree, person, small_tree, staff

HELD_ON = dt.date(2026, 11, 20)
NAMES = (
    "Nguyễn Thị Hoa",
    "Trần Văn Bình",
    "Lê Minh Châu",
    "Phạm Quốc Dũng",
    "Hoàng Thị Lan",
    "Vũ Đức Minh",
    "Đặng Thu Hà",
    "Bùi Văn Khánh",
    "Đỗ Thị Mai",
)


class Names(dict[PersonId, str]):
    """The registry's people as the voting fakes see them (id -> full name), read live."""

    def __init__(self, registry: FakeRegistryUnitOfWork) -> None:
        super().__init__()
        self.registry = registry

    def __missing__(self, key: PersonId) -> str:
        return self.registry.people.people[key].full_name

    def __contains__(self, key: object) -> bool:
        return key in self.registry.people.people


@dataclass
class Hall:
    uow: FakeVotingUnitOfWork
    tree: Tree
    unit: UnitId
    conference: ConferenceId
    sites: tuple[SiteId, SiteId]
    persons: list[PersonId]
    counters: list[Actor]
    session: SessionId
    shares: tuple[str, ...] = field(default_factory=tuple)

    @property
    def subjects(self) -> list[PersonId]:
        return self.persons[:3]


def plan(hall_subjects: Sequence[PersonId], counters: Sequence[Actor]) -> vote_svc.SessionPlan:
    return vote_svc.SessionPlan(
        title="Lấy phiếu tín nhiệm giữa nhiệm kỳ 2025-2030",
        subjects=[(p, "Ủy viên Ban Chấp hành") for p in hall_subjects],
        counters=[c.account_id for c in counters if c.account_id is not None],
        dossier_sent_on=HELD_ON - dt.timedelta(days=20),
        questions_sent_on=HELD_ON - dt.timedelta(days=12),
    )


def hall(convened: int = 9) -> Hall:
    registry = FakeRegistryUnitOfWork()
    tree = small_tree(registry)
    persons = [person(registry, name, tree.cell_a) for name in NAMES[:convened]]
    uow = FakeVotingUnitOfWork(registry.tree, Names(registry))
    counters = [staff(f"kiemphieu{i}", Role.COUNTING_COMMITTEE, tree.commune) for i in (1, 2)]
    data = ConferenceData(
        tree.commune, "Hội nghị Ban Chấp hành Đảng bộ xã Yên Minh", "party", HELD_ON, "Yên Minh"
    )
    cid = conf_svc.create_conference(uow, SYSTEM, data)
    sites = (
        conf_svc.add_site(uow, SYSTEM, cid, "Hội trường Đảng ủy xã"),
        conf_svc.add_site(uow, SYSTEM, cid, "Điểm cầu thôn Na Pô"),
    )
    conf_svc.convene(uow, SYSTEM, cid, persons)
    sid = vote_svc.create_session(uow, SYSTEM, cid, plan(persons[:3], counters))
    return Hall(uow, tree, tree.commune, cid, sites, persons, counters, sid)


def check_in(h: Hall, people: Sequence[PersonId], medium: Medium = Medium.ELECTRONIC) -> list[str]:
    """Check persons in at the first site; return the voter codes handed out."""
    codes: list[str] = []
    for p in people:
        result = conf_svc.check_in(h.uow, SYSTEM, h.sites[0], person_id=p, medium=medium)
        codes.extend(c.code for c in result.codes if c.session_id == h.session)
    return codes


def open_vote(h: Hall) -> None:
    vote_svc.mark_ready(h.uow, SYSTEM, h.session)
    h.shares = vote_svc.make_ballot_key(h.uow, h.counters[0], h.session).shares
    vote_svc.open_vote(h.uow, SYSTEM, h.session)
