"""Who sees the form that opens a classification cycle, and who may use it: the organization
commission over its subtree and the administrator of the whole tree; a cell secretary sees no
form, and a refused post reads in one language."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from canbo.accounts.models import RoleGrant
from canbo.classification.models import Cycle

from . import classification_fixtures as cf
from .test_fuzz_endpoints import _client as admin_client

pytestmark = pytest.mark.django_db

OPEN_FORM = 'action="/danh-gia/mo-dot/"'


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_a_cell_secretary_is_not_shown_the_open_cycle_form() -> None:
    c = cf.commune()
    users = cf.users(c)
    page = _client(users["bi-thu"]).get("/danh-gia/").content.decode()
    assert OPEN_FORM not in page
    assert "Mở đợt mới" not in page


def test_a_refused_open_reads_in_one_language() -> None:
    c = cf.commune()
    users = cf.users(c)
    client = _client(users["bi-thu"])
    data = {"name": "Đợt thử", "year": "2025", "root": str(c.commune)}
    page = client.post("/danh-gia/mo-dot/", data, follow=True).content.decode()
    assert not Cycle.objects.exists()
    refusal = re.search(r'<li class="errors">([^<]+)</li>', page)
    assert refusal is not None
    assert "Only the organization" not in refusal[1] and " / " not in refusal[1]
    assert "Ban Tổ chức" in refusal[1]


def test_the_organization_commission_chooses_the_scope_by_name() -> None:
    c = cf.commune()
    users = cf.users(c)
    page = _client(users["btc-tinh"]).get("/danh-gia/").content.decode()
    assert OPEN_FORM in page
    assert re.search(rf'<option value="{c.province}"[^>]*>Đảng bộ tỉnh Lào Cai</option>', page)


def test_the_superuser_is_shown_the_form_and_opens_a_cycle() -> None:
    c = cf.commune()
    client = admin_client("admin")  # a superuser who passed TOTP
    page = client.get("/danh-gia/").content.decode()
    assert OPEN_FORM in page
    assert re.search(rf'<option value="{c.province}"[^>]*>Đảng bộ tỉnh Lào Cai</option>', page)
    data = {"name": "Xếp loại năm 2025", "year": "2025", "root": str(c.province)}
    response = client.post("/danh-gia/mo-dot/", data)
    assert response.status_code == 302
    cycle = Cycle.objects.get()
    assert (cycle.root_id, cycle.year) == (c.province, 2025)


def test_a_grant_that_ended_opens_nothing() -> None:
    c = cf.commune()
    user = get_user_model().objects.create_user("cu", password="mat-khau-dai-123")
    RoleGrant.objects.create(
        user=user, role="org_staff", unit_id=c.province,
        valid_from=dt.date(2010, 1, 1), valid_to=dt.date(2015, 1, 1),
    )  # fmt: skip
    assert OPEN_FORM not in _client(user).get("/danh-gia/").content.decode()
