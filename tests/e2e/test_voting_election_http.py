"""An election ballot on a phone over HTTP: the code, the list with names to cross out and
the live count of names kept, the warning of an invalid ballot (with its rule) that does not
block the cast, and the receipt (docs/voting.md, "Election ballots")."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from django.test import Client

from canbo.services.voting import count as count_svc
from canbo.services.voting.ports import ElectionBallotKind, Medium
from canbo.voting import models
from canbo.voting.uow import DjangoVotingUnitOfWork as U
from tests.integration.voting_builders import hall
from tests.integration.voting_election_builders import codes, election, open_election

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
FORM = "application/x-www-form-urlencoded"


def post(client: Client, sid: int, data: dict[str, str]) -> str:
    answer = client.post(f"/bo-phieu/{sid}/bau/", urlencode(data), content_type=FORM)
    assert answer.status_code == 200, answer.content[:400]
    return answer.content.decode()


def test_a_phone_crosses_names_out_sees_the_warning_and_casts_with_a_receipt() -> None:
    h = hall(6)
    candidates = h.persons[:4]
    sid = election(h, candidates, 2)
    issued = codes(h, sid, h.persons[:6], Medium.ELECTRONIC)
    shares = open_election(h, sid)
    phone = Client(enforce_csrf_checks=True)
    ballot = post(phone, sid, {"step": "code", "code": issued[0]})
    assert "Phiếu bầu cử" in ballot
    for person in candidates:
        assert f'name="x{person}"' in ballot
    assert "data-kept>4<" in ballot and "trên tối đa 2 người" in ballot
    assert 'data-warning="votes_for_more_than_seats" hidden' not in ballot  # 4 kept > 2
    assert "QĐ 190-QĐ/TW" in ballot and "EL-16" not in ballot
    # Review with one name crossed out: three kept, still more than two: warned, not refused.
    first, second = candidates[0], candidates[1]
    review = post(
        phone, sid, {"step": "review", "ballot": "election", "code": issued[0], f"x{first}": "1"}
    )
    assert "Phiếu này giữ lại nhiều hơn 2 người" in review
    assert f'name="x{first}" value="1"' in review
    # Cast after crossing out two names: a valid ballot and a receipt.
    fields = {"step": "cast", "ballot": "election", "code": issued[0]}
    receipt_page = post(phone, sid, {**fields, f"x{first}": "1", f"x{second}": "1"})
    receipt = re.search(r'data-receipt="([^"]+)"', receipt_page)
    assert receipt is not None
    # An invalid ballot (every name crossed out) is cast too: the page only warned.
    everything = {f"x{p}": "1" for p in candidates}
    nobody = post(
        phone, sid, {"step": "review", "ballot": "election", "code": issued[1], **everything}
    )
    assert "Phiếu này gạch hết tên" in nobody
    post(phone, sid, {"step": "cast", "ballot": "election", "code": issued[1], **everything})
    assert models.SealedBallot.objects.filter(session_id=sid).count() == 2
    assert not phone.cookies
    # The same code twice is refused, by name.
    again = phone.post(
        f"/bo-phieu/{sid}/bau/", urlencode({**fields, f"x{first}": "1"}), content_type=FORM
    )
    assert again.status_code == 409
    from canbo.services.ports import SYSTEM
    from canbo.services.voting import sessions as vote_svc

    vote_svc.close_vote(U(), SYSTEM, sid)
    data = count_svc.count(U(), h.counters[0], sid, shares)
    assert (data["figures"]["valid"], data["figures"]["invalid"]) == (1, 1)
    assert receipt.group(1) in set(
        models.Ballot.objects.filter(session_id=sid).values_list("receipt", flat=True)
    )


def test_an_agree_disagree_ballot_is_cast_on_a_phone() -> None:
    h = hall(4)
    sid = election(h, h.persons[:1], 1, ElectionBallotKind.APPROVAL)
    issued = codes(h, sid, h.persons[:4], Medium.ELECTRONIC)
    open_election(h, sid)
    phone = Client()
    person = h.persons[0]
    ballot = post(phone, sid, {"step": "code", "code": issued[0]})
    assert f'name="p{person}" value="agree"' in ballot and "Không đồng ý" in ballot
    data = {"ballot": "election", "code": issued[0], f"p{person}": "agree"}
    assert "data-receipt=" in post(phone, sid, {"step": "cast", **data})
    box = models.SealedBallot.objects.get(session_id=sid).box
    assert b"agree" not in bytes(box)


@pytest.mark.browser
def test_on_a_real_phone_browser_the_count_of_names_kept_follows_each_tap(
    live_server: object, browser: object, screenshot_dir: object
) -> None:
    from pathlib import Path
    from typing import Any

    h = hall(6)
    candidates = h.persons[:4]
    sid = election(h, candidates, 2)
    issued = codes(h, sid, h.persons[:6], Medium.ELECTRONIC)
    open_election(h, sid)
    b: Any = browser
    phone = b.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone.goto(f"{live_server.url}/bo-phieu/{sid}/bau/?ma={issued[0]}")  # type: ignore[attr-defined]
    phone.get_by_role("button", name="Tiếp tục").click()
    kept = phone.locator("[data-kept]")
    over = phone.locator('[data-warning="votes_for_more_than_seats"]')
    nobody = phone.locator('[data-warning="votes_for_nobody"]')
    assert kept.inner_text() == "4" and over.is_visible()
    names = phone.locator("label.strike")
    box = names.first.bounding_box()
    assert box is not None and box["height"] >= 44  # a large tap target
    names.nth(0).tap()
    names.nth(1).tap()
    assert kept.inner_text() == "2" and not over.is_visible()
    shots = Path(str(screenshot_dir))
    phone.screenshot(path=str(shots / "election-ballot-phone.png"), full_page=True)
    names.nth(2).tap()
    names.nth(3).tap()
    assert kept.inner_text() == "0" and nobody.is_visible()
    names.nth(3).tap()
    phone.get_by_role("button", name="Xem lại phiếu").click()
    assert "Giữ lại" in phone.content()
    phone.get_by_role("button", name="Bỏ phiếu").click()
    assert phone.locator("[data-receipt]").get_attribute("data-receipt")
    assert models.SealedBallot.objects.filter(session_id=sid).count() == 1
    phone.close()
