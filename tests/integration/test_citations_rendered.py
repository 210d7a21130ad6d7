"""Outcomes reach people with document, article and clause, never a bare handbook rule ID:
the confidence-vote result page and its counting minutes (PDF), and a classification reason."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from canbo.classification.store import DjangoClassificationUnitOfWork
from canbo.core.citations import BARE_RULE_ID
from canbo.core.types import Role
from canbo.services.classification import steps
from canbo.services.ports import SYSTEM
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as vote_svc
from canbo.voting.uow import DjangoVotingUnitOfWork as U
from tests.integration import classification_fixtures as fx

from .voting_builders import check_in, hall, open_vote

pytestmark = pytest.mark.django_db(transaction=True)

TAG = re.compile(r"<[^>]+>")


def _visible(html: str) -> str:
    """The text of a page as read, without its tags and attributes."""
    return TAG.sub(" ", html)


def _client_for(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def _counted_vote_with_a_dismissal() -> int:
    """Seven voters; the third person is rated "low" by all of them: band C (CV-18)."""
    h = hall()
    codes = check_in(h, h.persons[:7], site=0)
    open_vote(h)
    for code in codes:
        marks = dict(zip((int(p) for p in h.subjects), ("high", "mid", "low"), strict=True))
        vote_svc.cast_ballot(U(), h.session, code, marks)
    vote_svc.close_vote(U(), SYSTEM, h.session)
    count_svc.count(U(), h.counters[0], h.session, h.shares)
    return int(h.session)


def test_the_result_page_and_the_minutes_cite_document_and_article_not_rule_ids() -> None:
    sid = _counted_vote_with_a_dismissal()
    client = _client_for("kiemphieu1")
    page = client.get(reverse("voting:results", args=[sid]))
    assert page.status_code == 200
    text = _visible(page.content.decode())
    assert "QĐ 96-QĐ/TW, Điều 11" in text  # the band's consequences (CV-18)
    assert BARE_RULE_ID.search(text) is None, BARE_RULE_ID.search(text)
    pdf = client.get(reverse("voting:minutes", args=[sid]))
    assert pdf.status_code == 200
    reader = PdfReader(io.BytesIO(pdf.content))
    minutes = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "QĐ 96-QĐ/TW, Điều 3, khoản 2" in minutes  # the quorum (CV-07)
    assert "QĐ 96-QĐ/TW, Điều 11" in minutes
    assert BARE_RULE_ID.search(minutes) is None, BARE_RULE_ID.search(minutes)


def test_a_classification_reason_shows_its_article_and_the_rule_as_a_tooltip() -> None:
    c = fx.commune()
    fx.users(c)
    cycle_id = fx.open_cycle(c)
    pk = fx.subject_of(cycle_id, person=c.members_a[0])
    sec = fx.actor("bt", Role.CELL_SECRETARY, c.cell_a)
    steps.submit_self_assessment(
        DjangoClassificationUnitOfWork(), sec, pk, fx.GOOD, "Minh chứng", fx.NOW
    )
    page = _client_for("btc-tinh").get(reverse("classification:subject", args=[pk]))
    assert page.status_code == 200
    html = page.content.decode()
    text = _visible(html)
    assert "QĐ 366-QĐ/TW, Điều 11" in text  # the score band (CL-06)
    assert 'title="Từ 90 điểm: HTXS' in html
    assert BARE_RULE_ID.search(text) is None, BARE_RULE_ID.search(text)
