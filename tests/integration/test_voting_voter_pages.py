"""The voter's pages over HTTP: no cookie in or out, no CSRF token, pages kept per process
(docs/voting.md, "Why the voter pages need no CSRF token")."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.test import Client

from canbo.services.ports import SYSTEM
from canbo.services.voting import sessions as vote_svc
from canbo.voting import models
from canbo.voting.uow import DjangoVotingUnitOfWork as U

from .voting_builders import Hall, check_in, close_and_count, hall, open_vote

pytestmark = pytest.mark.django_db(transaction=True)
FORM = "application/x-www-form-urlencoded"


def phone() -> Client:
    return Client(enforce_csrf_checks=True)


def cast(client: Client, h: Hall, code: str) -> object:
    marks = {f"p{p}": lv for p, lv in zip(h.subjects, ["high", "mid", "low"], strict=True)}
    body = urlencode({"step": "cast", "code": code, **marks})
    return client.post(f"/bo-phieu/{h.session}/bau/", body, content_type=FORM)


def test_a_ballot_is_cast_without_any_cookie_and_no_page_sets_one() -> None:
    h = hall(3)
    codes = check_in(h, h.persons)
    open_vote(h)
    client = phone()
    page = client.get(f"/bo-phieu/{h.session}/bau/")
    answer = cast(client, h, codes[0])
    assert page.status_code == 200 and answer.status_code == 200  # type: ignore[attr-defined]
    assert b"data-receipt=" in answer.content  # type: ignore[attr-defined]
    assert b"csrfmiddlewaretoken" not in page.content
    assert not page.cookies and not answer.cookies  # type: ignore[attr-defined]
    assert not client.cookies
    assert models.SealedBallot.objects.filter(session_id=h.session).count() == 1


def test_a_refused_cast_sets_no_cookie_either() -> None:
    h = hall(3)
    codes = check_in(h, h.persons)
    open_vote(h)
    client = phone()
    cast(client, h, codes[0])
    again = cast(client, h, codes[0])
    assert again.status_code == 409  # type: ignore[attr-defined]
    assert "Mã này đã được dùng".encode() in again.content  # type: ignore[attr-defined]
    assert not again.cookies and not client.cookies  # type: ignore[attr-defined]


def test_the_receipt_page_shows_each_voter_their_own_receipt() -> None:
    h = hall(3)
    codes = check_in(h, h.persons)
    open_vote(h)
    pages = [cast(phone(), h, c).content.decode() for c in codes]  # type: ignore[attr-defined]
    receipts = set(close_and_count(h))
    shown = {r for r in receipts for p in pages if f'data-receipt="{r}"' in p}
    assert len(receipts) == 3 and shown == receipts
    assert all(f"{r[:4]}-{r[4:8]}" in "".join(pages) for r in receipts)


def test_a_cast_missing_a_line_shows_the_ballot_again_and_stores_nothing() -> None:
    h = hall(3)
    codes = check_in(h, h.persons)
    open_vote(h)
    marks = {f"p{h.subjects[0]}": "high", f"p{h.subjects[1]}": "mid"}
    body = urlencode({"step": "cast", "code": codes[0], **marks})
    answer = phone().post(f"/bo-phieu/{h.session}/bau/", body, content_type=FORM)
    assert "Mỗi người cần chọn đúng một mức tín nhiệm" in answer.content.decode()
    assert not models.SealedBallot.objects.filter(session_id=h.session).exists()


def test_the_kept_code_page_follows_the_session_status() -> None:
    h = hall(3)
    check_in(h, h.persons)
    open_vote(h)
    url = f"/bo-phieu/{h.session}/bau/"
    assert "chưa mở hoặc đã kết thúc" not in phone().get(url).content.decode()
    vote_svc.close_vote(U(), SYSTEM, h.session)
    assert "chưa mở hoặc đã kết thúc" in phone().get(url).content.decode()


def test_a_code_from_the_qr_link_is_filled_in_but_never_kept() -> None:
    h = hall(3)
    codes = check_in(h, h.persons)
    open_vote(h)
    url = f"/bo-phieu/{h.session}/bau/"
    assert codes[0] in phone().get(f"{url}?ma={codes[0]}").content.decode()
    assert codes[0] not in phone().get(url).content.decode()


def test_the_voters_language_switch_needs_no_token_and_sets_only_the_language_cookie() -> None:
    h = hall(3)
    url = f"/bo-phieu/{h.session}/bau/"
    body = urlencode({"language": "en", "next": url})
    answer = phone().post("/bo-phieu/ngon-ngu/", body, content_type=FORM)
    assert answer.status_code == 302 and answer["Location"] == url
    assert set(answer.cookies) == {"django_language"}
    assert answer.cookies["django_language"].value == "en"


def test_a_draft_session_answers_on_the_voter_page_exactly_as_a_missing_one() -> None:
    h = hall(3)
    missing = h.session + 1000
    for step in ("", "code", "back", "review"):
        data = {"step": step, "code": "AAAA-BBBB-CCCC-DDDD-EEEE"} if step else None
        pages = [
            phone().post(f"/bo-phieu/{sid}/bau/", data)
            if data
            else phone().get(f"/bo-phieu/{sid}/bau/")
            for sid in (h.session, missing)
        ]
        assert [p.status_code for p in pages] == [404, 404], step
        bodies = [
            p.content.decode().replace(f"/bo-phieu/{sid}/", "/bo-phieu/#/")
            for p, sid in zip(pages, (h.session, missing), strict=True)
        ]
        assert bodies[0] == bodies[1], step
        names = models.VoteSubject.objects.filter(session_id=h.session).select_related("person")
        assert not any(s.person.full_name in bodies[0] or s.position in bodies[0] for s in names)


def test_the_ballot_is_never_shown_without_a_genuine_unspent_code() -> None:
    h = hall(3)
    check_in(h, h.persons)
    open_vote(h)
    name = models.VoteSubject.objects.filter(session_id=h.session).first().person.full_name  # type: ignore[union-attr]
    for step in ("code", "back", "review"):
        answer = phone().post(
            f"/bo-phieu/{h.session}/bau/", {"step": step, "code": "AAAABBBBCCCCDDDDEEEE"}
        )
        assert answer.status_code == 400 and name not in answer.content.decode(), step


def test_a_guesser_is_refused_after_ten_wrong_codes_and_the_staff_are_warned() -> None:

    h = hall(3)
    codes = check_in(h, h.persons)
    open_vote(h)
    guesser = phone()
    statuses = [
        guesser.post(
            f"/bo-phieu/{h.session}/bau/",
            {"step": "code", "code": f"AAAABBBBCCCCDDDD{i:04d}".replace("0", "A")},
        ).status_code
        for i in range(11)
    ]
    assert statuses[:10] == [400] * 10 and statuses[10] == 429
    refused = guesser.post(f"/bo-phieu/{h.session}/bau/", {"step": "code", "code": codes[0]})
    assert refused.status_code == 429  # refused unseen: the guesser learns nothing
    other = Client(enforce_csrf_checks=True, REMOTE_ADDR="10.1.2.3")
    assert cast(other, h, codes[0]).status_code == 200  # type: ignore[attr-defined]
    for i in range(25):
        Client(REMOTE_ADDR=f"10.9.0.{i}").post(
            f"/bo-phieu/{h.session}/bau/", {"step": "code", "code": "B" * 20}
        )
    assert models.VoteSession.objects.get(pk=h.session).guessing_alerts == 1
    from canbo.audit.models import AuditEntry

    assert AuditEntry.objects.filter(action="vote.guessing").count() == 1
