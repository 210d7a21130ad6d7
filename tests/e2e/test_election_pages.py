"""The election pages over HTTP: a cell congress's committee election from the list page to
the counted round, a refused nominee shown with its rule, the minutes and the report as PDF,
the announcement on the projector, and an approval refused to the congress's own staff."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from canbo.elections import models
from canbo.services.ports import Actor
from tests.integration.election_builders import (
    CellCongress,
    cell_congress,
    check_in_rest,
    session_of,
    strike,
    vote,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def signed_in(actor: Actor) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(pk=actor.account_id))
    return client


def _ok(response: object, status: int = 302) -> None:
    code = response.status_code  # type: ignore[attr-defined]
    assert code == status, response.content.decode()[:1500]  # type: ignore[attr-defined]


def _create_and_list(c: CellCongress, web: Client) -> str:
    base = f"/dai-hoi/{c.congress}/bau-cu/"
    page = web.get(base)
    assert page.status_code == 200 and "Thêm cuộc bầu" in page.content.decode()
    form = {
        "kind": "cell_committee",
        "seats": "3",
        "alternate_seats": "0",
        "seats_for": "10",
        "seats_against": "0",
        "attending": "10",
    }
    created = web.post(base, form)
    _ok(created)
    url = created["Location"]
    assert re.fullmatch(rf"/dai-hoi/{c.congress}/bau-cu/\d+/", url)
    a, b, cu, d = c.people[:4]
    for p in (a, b, cu):
        _ok(web.post(f"{url}danh-sach/", {"person": f"id:{p}", "source": "convener"}))
    floor = {"person": f"id:{d}", "source": "floor", "agree": "4", "attending": "10"}
    _ok(web.post(f"{url}danh-sach/", floor))
    return str(url)


def test_the_committee_election_runs_through_its_pages() -> None:
    c = cell_congress()
    web = signed_in(c.runner)
    url = _create_and_list(c, web)
    a, b, cu, d = c.people[:4]
    refused = web.post(
        f"{url}danh-sach/",
        {"person": f"id:{c.people[4]}", "source": "self", "agree": "3", "attending": "10"},
    )
    assert refused.status_code == 403
    assert "QĐ 190-QĐ/TW" in refused.content.decode()
    page = web.get(url).content.decode()
    assert page.count("data-candidate>") == 4 and "Đại hội đề cử" in page
    assert "cell_committee" not in page and "convener" not in page.replace('value="convener"', "")
    _ok(web.post(f"{url}bieu-quyet-danh-sach/", {"agree": "10", "against": "0", "attending": "10"}))
    _ok(web.post(f"{url}vong-bau/", {"decision": ""}))
    eid = int(url.rstrip("/").rsplit("/", 1)[1])
    codes = check_in_rest(c)
    kept = [(a, b, cu)] * 6 + [(a, b, d)] * 3
    vote(c, session_of(eid), codes, [strike(k, (a, b, cu, d)) for k in kept])
    _ok(web.post(f"{url}ket-qua/"))
    page = web.get(url).content.decode()
    assert "data-result" in page and "Trúng cử" in page
    rnd = models.Round.objects.get(election_id=eid)
    minutes = web.get(f"{url}vong/{rnd.pk}/bien-ban.pdf")
    assert minutes.status_code == 200 and minutes["Content-Type"] == "application/pdf"
    _ok(web.post(f"{url}vong/{rnd.pk}/ky/"))
    hall = web.get(f"/dai-hoi/{c.congress}/bau-cu/cong-bo/").content.decode()
    assert "Nguyễn Văn An" in hall and "data-elected" in hall
    live = web.get(f"/dai-hoi/{c.congress}/bau-cu/cong-bo/noi-dung/")
    assert live.status_code == 200
    report = web.get(f"/dai-hoi/{c.congress}/bau-cu/bao-cao.pdf")
    assert report.status_code == 200 and report.content.startswith(b"%PDF")
    listing = web.get(f"/dai-hoi/{c.congress}/bau-cu/").content.decode()
    assert "Đã ký biên bản, chờ cấp trên chuẩn y" in listing
    approve = {"decision_number": "01-QĐ/CB", "decided_on": dt.date(2025, 5, 20).isoformat()}
    assert web.post(f"/dai-hoi/{c.congress}/bau-cu/chuan-y/", approve).status_code == 403
    higher = signed_in(c.higher)
    approve["decision_number"] = "125-QĐ/ĐU"
    _ok(higher.post(f"/dai-hoi/{c.congress}/bau-cu/chuan-y/", approve))
    assert (
        "Quyết định số 125-QĐ/ĐU" in higher.get(f"/dai-hoi/{c.congress}/bau-cu/").content.decode()
    )


def test_an_election_of_a_congress_outside_the_scope_is_not_found() -> None:
    c = cell_congress()
    web = signed_in(c.runner)
    url = _create_and_list(c, web)
    from tests.integration.election_builders import account

    stranger = signed_in(account("xakhac", c.runner.grants[0].role, c.tree.cell_b))
    assert stranger.get(url).status_code == 404
    assert stranger.get(f"/dai-hoi/{c.congress}/bau-cu/").status_code == 404
