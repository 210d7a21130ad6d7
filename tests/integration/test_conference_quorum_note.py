"""A conference page before anyone is convened: under QĐ 96-QĐ/TW the 2/3 quorum applies and the
page says so (with its citation); only a body whose rules set none says that none is set."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from canbo.accounts.models import RoleGrant
from canbo.core.types import Role
from canbo.services.ports import SYSTEM
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting.ports import ConferenceData
from canbo.voting.uow import DjangoVotingUnitOfWork as U
from tests import factories as f

pytestmark = pytest.mark.django_db

NO_QUORUM = "Văn bản áp dụng không đặt điều kiện 2/3 cho hội nghị."


def _page(body: str) -> str:
    tree = f.small_tree()
    data = ConferenceData(tree.commune, "Hội nghị Ban Chấp hành", body, dt.date(2026, 11, 20), "Xã")
    cid = conf_svc.create_conference(U(), SYSTEM, data)
    user = get_user_model().objects.create_user("bantochuc", password="mat-khau-dai-1")
    RoleGrant.objects.create(
        user=user, role=Role.ORG_STAFF, unit_id=tree.commune, valid_from=dt.date(2020, 1, 1)
    )
    client = Client()
    client.force_login(user)
    response = client.get(f"/hoi-nghi/{cid}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_party_conference_says_the_two_thirds_quorum_applies_before_anyone_is_convened() -> (
    None
):
    page = _page("party")
    assert NO_QUORUM not in page
    assert "Hội nghị chỉ được tiến hành khi có mặt ít nhất 2/3 số người được triệu tập." in page
    assert "QĐ 96-QĐ/TW" in page


def test_a_body_whose_rules_set_no_quorum_still_says_none_is_set() -> None:
    assert NO_QUORUM in _page("peoples_council")
