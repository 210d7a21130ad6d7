"""A conference hall for vote tests: a commune Party committee, persons convened, two bridge
sites, a counting committee of two accounts, and a draft confidence vote on three persons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from canbo.accounts.models import RoleGrant
from canbo.core.types import AccountId, PersonId, Role, UnitId
from canbo.services.ports import SYSTEM, Actor, Grant
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import (
    ConferenceData,
    ConferenceId,
    Medium,
    PaperMode,
    SessionId,
    SiteId,
)
from canbo.voting.uow import DjangoVotingUnitOfWork
from tests import factories as f

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
    "Ngô Văn Nam",
    "Dương Thị Oanh",
    "Lý Văn Phúc",
)
POSITIONS = ("Bí thư Đảng ủy", "Phó Bí thư Thường trực Đảng ủy", "Chủ tịch Ủy ban nhân dân xã")


@dataclass
class Hall:
    unit: UnitId
    conference: ConferenceId
    sites: tuple[SiteId, SiteId]
    persons: list[PersonId]
    subjects: list[PersonId]
    counters: list[Actor]
    session: SessionId
    shares: tuple[str, ...] = field(default_factory=tuple)

    def uow(self) -> DjangoVotingUnitOfWork:
        return DjangoVotingUnitOfWork()


def counter(username: str, unit: UnitId) -> Actor:
    user = get_user_model().objects.create_user(username, password="mat-khau-dai-1")
    RoleGrant.objects.create(
        user=user, role=Role.COUNTING_COMMITTEE, unit_id=unit, valid_from=dt.date(2020, 1, 1)
    )
    return Actor(AccountId(user.pk), username, (Grant(Role.COUNTING_COMMITTEE, unit),))


def plan(
    hall_subjects: Sequence[PersonId], counters: Sequence[Actor], **kw: object
) -> vote_svc.SessionPlan:
    values: dict[str, object] = {
        "title": "Lấy phiếu tín nhiệm giữa nhiệm kỳ 2025-2030",
        "subjects": [(p, POSITIONS[i % 3]) for i, p in enumerate(hall_subjects)],
        "counters": [c.account_id for c in counters],
        "dossier_sent_on": HELD_ON - dt.timedelta(days=20),
        "questions_sent_on": HELD_ON - dt.timedelta(days=12),
    }
    values.update(kw)
    return vote_svc.SessionPlan(**values)  # type: ignore[arg-type]


def hall(convened: int = 9, paper_mode: PaperMode = PaperMode.PER_BALLOT) -> Hall:
    tree = f.small_tree()
    persons = [f.person(name, tree.cell_a) for name in NAMES[:convened]]
    counters = [counter(f"kiemphieu{i}", tree.commune) for i in (1, 2)]
    data = ConferenceData(
        unit_id=tree.commune,
        title="Hội nghị Ban Chấp hành Đảng bộ xã Yên Minh",
        body="party",
        held_on=HELD_ON,
        place="Yên Minh",
    )
    cid = conf_svc.create_conference(DjangoVotingUnitOfWork(), SYSTEM, data)
    conf_svc.set_agenda(DjangoVotingUnitOfWork(), SYSTEM, cid, ["Khai mạc", "Lấy phiếu tín nhiệm"])
    sites = (
        conf_svc.add_site(DjangoVotingUnitOfWork(), SYSTEM, cid, "Hội trường Đảng ủy xã"),
        conf_svc.add_site(DjangoVotingUnitOfWork(), SYSTEM, cid, "Điểm cầu thôn Na Pô"),
    )
    conf_svc.convene(DjangoVotingUnitOfWork(), SYSTEM, cid, persons)
    subjects = persons[:3]
    sid = vote_svc.create_session(
        DjangoVotingUnitOfWork(), SYSTEM, cid, plan(subjects, counters, paper_mode=paper_mode)
    )
    return Hall(tree.commune, cid, sites, persons, subjects, counters, sid)


def check_in(
    h: Hall, people: Sequence[PersonId], medium: Medium = Medium.ELECTRONIC, site: int = 0
) -> list[str]:
    """Check persons in; return the voter codes handed out for the hall's session."""
    codes: list[str] = []
    for p in people:
        result = conf_svc.check_in(
            DjangoVotingUnitOfWork(), SYSTEM, h.sites[site], person_id=p, medium=medium
        )
        codes.extend(c.code for c in result.codes if c.session_id == h.session)
    return codes


def make_key(h: Hall) -> tuple[str, ...]:
    """The counting committee makes its key; the hall keeps the shares for the count."""
    key = vote_svc.make_ballot_key(DjangoVotingUnitOfWork(), h.counters[0], h.session)
    h.shares = key.shares
    return key.shares


def close_and_count(h: Hall) -> list[str]:
    """Close the vote (if open) and count it with the committee's shares; return the receipts
    of the opened electronic ballots."""
    from canbo.services.voting import count as count_svc
    from canbo.voting import models

    if models.VoteSession.objects.get(pk=h.session).status == "open":
        vote_svc.close_vote(DjangoVotingUnitOfWork(), SYSTEM, h.session)
    count_svc.count(DjangoVotingUnitOfWork(), h.counters[0], h.session, h.shares)
    return list(
        models.Ballot.objects.filter(session_id=h.session).values_list("receipt", flat=True)
    )


def open_vote(h: Hall) -> None:
    vote_svc.mark_ready(DjangoVotingUnitOfWork(), SYSTEM, h.session)
    make_key(h)
    vote_svc.open_vote(DjangoVotingUnitOfWork(), SYSTEM, h.session)
