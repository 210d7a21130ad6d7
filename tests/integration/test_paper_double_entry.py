"""Paper ballots by double entry: two readings by two different people, and the page that shows
the committee where the two readings differ."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from canbo.core.errors import Conflict
from canbo.services.ports import SYSTEM, Actor
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import LineReading, Medium, PaperReading
from canbo.voting import models
from canbo.voting.uow import DjangoVotingUnitOfWork as U

from .voting_builders import Hall, check_in, hall, open_vote

pytestmark = pytest.mark.django_db(transaction=True)

HI, MI, LO, ST = LineReading.HIGH, LineReading.MID, LineReading.LOW, LineReading.STRUCK


def reading(h: Hall, serial: int, *levels: LineReading) -> PaperReading:
    return PaperReading(serial, dict(zip((int(p) for p in h.subjects), levels, strict=True)))


def closed_with_paper(paper: int = 2) -> Hall:
    h = hall()
    check_in(h, h.persons[:paper], Medium.PAPER, site=1)
    check_in(h, h.persons[paper:])  # the rest vote on phones, so the quorum is met
    open_vote(h)
    vote_svc.close_vote(U(), SYSTEM, h.session)
    return h


def signed_in(actor: Actor) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(pk=actor.account_id))
    return client


def test_one_account_cannot_enter_both_readings_of_a_paper_ballot() -> None:
    h = closed_with_paper()
    c1, c2 = h.counters
    count_svc.enter_paper_ballot(U(), c1, h.session, 1, reading(h, 1, HI, MI, LO))
    with pytest.raises(Conflict) as refused:
        count_svc.enter_paper_ballot(U(), c1, h.session, 2, reading(h, 1, HI, MI, LO))
    assert refused.value.code == "entry_same_person"
    assert refused.value.citation is not None and refused.value.citation.rule_id == "EL-07"
    assert not models.PaperEntry.objects.filter(session_id=h.session, operator=2).exists()
    assert not models.PaperReading.objects.filter(session_id=h.session).exists()
    assert count_svc.enter_paper_ballot(U(), c2, h.session, 2, reading(h, 1, HI, MI, LO)) is True


def test_the_same_account_may_enter_different_ballots_as_either_operator() -> None:
    h = closed_with_paper()
    c1, c2 = h.counters
    count_svc.enter_paper_ballot(U(), c1, h.session, 1, reading(h, 1, HI, MI, LO))
    count_svc.enter_paper_ballot(U(), c1, h.session, 2, reading(h, 2, HI, MI, LO))
    assert count_svc.enter_paper_ballot(U(), c2, h.session, 2, reading(h, 1, HI, MI, LO))
    assert count_svc.enter_paper_ballot(U(), c2, h.session, 1, reading(h, 2, HI, MI, LO))


def test_the_second_reading_by_the_same_person_is_refused_on_the_page_in_words() -> None:
    h = closed_with_paper()
    client = signed_in(h.counters[0])
    fields = {"serial": "1", **{f"p{p}": "high" for p in h.subjects}}
    assert client.post(f"/bo-phieu/{h.session}/phieu-giay/1/", fields).status_code == 200
    refused = client.post(f"/bo-phieu/{h.session}/phieu-giay/2/", fields)
    page = refused.content.decode()
    assert refused.status_code == 409
    assert "Hai lần nhập một phiếu giấy phải do hai người khác nhau thực hiện" in page
    assert "QĐ 190-QĐ/TW, Điều 8" in page
    assert "EL-07" not in page
    english = client.post(f"/bo-phieu/{h.session}/phieu-giay/2/", fields, HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 409


def operator_cells(page: str, label: str) -> list[str]:
    found = re.findall(rf'<td data-label="{label}">(.*?)</td>', page, re.S)
    return [cell.strip() for cell in found]


def test_the_discrepancy_page_shows_what_each_operator_read() -> None:
    h = closed_with_paper()
    c1, c2 = h.counters
    count_svc.enter_paper_ballot(U(), c1, h.session, 1, reading(h, 1, HI, MI, LO))
    count_svc.enter_paper_ballot(U(), c2, h.session, 2, reading(h, 1, HI, ST, LO))
    page = signed_in(c1).get(f"/bo-phieu/{h.session}/chenh-lech/").content.decode()
    rows = zip(
        operator_cells(page, "Họ và tên"),
        operator_cells(page, "Người nhập thứ nhất"),
        operator_cells(page, "Người nhập thứ hai"),
        strict=True,
    )
    assert {name: (first, second) for name, first, second in rows} == {
        "Nguyễn Thị Hoa": ("Tín nhiệm cao", "Tín nhiệm cao"),
        "Trần Văn Bình": ("Tín nhiệm", "Gạch tên"),
        "Lê Minh Châu": ("Tín nhiệm thấp", "Tín nhiệm thấp"),
    }
