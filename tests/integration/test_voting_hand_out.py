"""Codes and paper ballots for a vote session created while the delegates are already in the
hall (an election round, a further round after a tie): the hand-out use case on the database
and its staff page, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from canbo.accounts.models import RoleGrant
from canbo.audit.models import AuditEntry
from canbo.core.errors import Conflict
from canbo.core.types import Role
from canbo.services.ports import SYSTEM
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import Medium
from canbo.voting import models
from canbo.voting.uow import DjangoVotingUnitOfWork as U

from .voting_builders import check_in, hall
from .voting_election_builders import election, open_election

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_round_created_after_check_in_is_handed_out_once_cast_and_counted() -> None:
    h = hall(convened=12)
    check_in(h, h.persons[:6], site=0)
    check_in(h, h.persons[6:10], site=1)
    sid = election(h, h.persons[:5], 3)  # created while ten are in the hall
    assert not models.Participation.objects.filter(session_id=sid).exists()
    given = conf_svc.hand_out(U(), SYSTEM, sid, medium=Medium.ELECTRONIC, preprinted=False)
    assert len(set(given.codes)) == 10 and given.counts.to_hand == 0
    assert models.Participation.objects.filter(session_id=sid, medium="electronic").count() == 10
    assert models.VoteSession.objects.get(pk=sid).codes_issued == 10
    again = conf_svc.hand_out(U(), SYSTEM, sid, medium=Medium.ELECTRONIC, preprinted=False)
    assert (again.codes, again.already) == ((), 10)
    late = conf_svc.check_in(U(), SYSTEM, h.sites[0], person_id=h.persons[10])
    late_codes = [c.code for c in late.codes if c.session_id == sid]
    assert len(late_codes) == 1
    shares = open_election(h, sid)
    for i, code in enumerate((*given.codes, *late_codes)):
        vote_svc.cast_ballot(U(), sid, code, {int(h.persons[i % 5]): "struck"})
    vote_svc.close_vote(U(), SYSTEM, sid)
    count_svc.count(U(), h.counters[0], sid, shares)
    figures = models.ResultVersion.objects.get(session_id=sid).data["figures"]
    assert (figures["issued"], figures["collected"], figures["electronic"]) == (11, 11, 11)


def test_a_person_not_present_is_refused_and_nothing_is_recorded() -> None:
    h = hall(convened=9)
    check_in(h, h.persons[:4])
    sid = election(h, h.persons[:4], 2)
    with pytest.raises(Conflict, match="hand_out_not_present"):
        conf_svc.hand_out(
            U(), SYSTEM, sid, medium=Medium.PAPER, preprinted=False, person_ids=h.persons[3:6]
        )
    assert not models.Participation.objects.filter(session_id=sid).exists()
    assert not AuditEntry.objects.filter(action="vote.hand_out").exists()


def test_the_audit_entry_holds_counts_only() -> None:
    h = hall(convened=9)
    check_in(h, h.persons[:5])
    sid = election(h, h.persons[:4], 2)
    vote_svc.print_slips(U(), SYSTEM, sid, 5)
    conf_svc.hand_out(U(), SYSTEM, sid, medium=Medium.ELECTRONIC, preprinted=True)
    entry = AuditEntry.objects.get(action="vote.hand_out")
    assert json.loads(entry.details) == {
        "medium": "electronic",
        "preprinted": True,
        "listed": False,
        "handed": 5,
        "already": 0,
        "present": 5,
    }


def login(username: str, role: Role, unit: int) -> Client:
    user = get_user_model().objects.create_user(username, password="mat-khau-dai-1")
    RoleGrant.objects.create(user=user, role=role, unit_id=unit, valid_from=dt.date(2020, 1, 1))
    client = Client()
    client.force_login(user)
    return client


def test_the_staff_page_hands_out_to_everyone_present_or_to_the_persons_ticked() -> None:
    h = hall(convened=9)
    check_in(h, h.persons[:6])
    sid = election(h, h.persons[:4], 2)
    counter = login("kiemphieu.phat", Role.COUNTING_COMMITTEE, h.unit)
    url = f"/bo-phieu/{sid}/phat-ma/"
    page = counter.get(url).content.decode()
    assert "data-present>6<" in page and "data-handed>0<" in page and "data-to-hand>6<" in page
    assert "Phát mã/phiếu cho người có mặt" in page
    one = counter.post(url, {"medium": "paper", "person": [h.persons[1]], "chosen": ""})
    body = one.content.decode()
    assert one.status_code == 200 and "data-code=" not in body
    assert "data-handed>1<" in body and "data-to-hand>5<" in body
    rest = counter.post(url, {"medium": "code", "all": ""}).content.decode()
    codes = re.findall(r'data-code="([A-Z0-9]+)"', rest)
    assert len(codes) == 5 and "data-to-hand>0<" in rest
    assert (
        counter.post(url, {"medium": "code", "all": ""}).content.decode().count("data-code=") == 0
    )
    assert models.Participation.objects.filter(session_id=sid, medium="paper").count() == 1
    session = counter.get(f"/bo-phieu/{sid}/").content.decode()
    assert f'href="{url}"' in session
    vote_svc.mark_ready(U(), SYSTEM, sid)
    vote_svc.make_ballot_key(U(), h.counters[0], sid)
    vote_svc.open_vote(U(), SYSTEM, sid)
    vote_svc.close_vote(U(), SYSTEM, sid)
    closed = counter.get(url).content.decode()
    assert "data-hand-out>" not in closed and "Cuộc bỏ phiếu đã kết thúc" in closed


def test_two_desks_handing_out_at_once_give_each_person_one_code() -> None:
    from .test_voting_concurrency import race

    h = hall(convened=12)
    check_in(h, h.persons[:10])
    sid = election(h, h.persons[:5], 3)

    def work(i: int) -> str:
        result = conf_svc.hand_out(U(), SYSTEM, sid, medium=Medium.ELECTRONIC, preprinted=False)
        return ",".join(result.codes)

    done, errors = race(work, threads=4)
    assert errors == []
    codes = [c for batch in done for c in batch.split(",") if c]
    assert len(codes) == len(set(codes)) == 10
    assert models.Participation.objects.filter(session_id=sid).count() == 10
    assert models.VoteSession.objects.get(pk=sid).codes_issued == 10
