"""A person's and a unit's record pages show their results over the years."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from canbo.accounts.models import RoleGrant
from canbo.core.types import Role
from tests import factories as f

pytestmark = pytest.mark.django_db


def _viewer() -> Client:
    user = User.objects.create_user("xem-lich-su", password="mat-khau-rat-dai-2026")
    RoleGrant.objects.create(user=user, role=Role.VIEWER, unit=None, valid_from=dt.date(2020, 1, 1))
    client = Client()
    client.force_login(user)
    return client


def _fragments(html: str) -> list[str]:
    return re.findall(r'hx-get="([^"]+)"', html)


def test_the_person_page_loads_confidence_and_classification_histories() -> None:
    tree = f.small_tree()
    pid = f.person("Hoàng Văn Thái", tree.cell_a)
    client = _viewer()
    page = client.get(f"/people/{pid}/").content.decode()
    urls = _fragments(page)
    assert any("tin-nhiem" in u for u in urls) and any("danh-gia" in u for u in urls)
    for url in urls:
        if "tin-nhiem" in url or "danh-gia" in url:
            fragment = client.get(url, HTTP_HX_REQUEST="true")
            assert fragment.status_code == 200
            assert 'class="empty"' in fragment.content.decode()


def test_the_unit_page_loads_the_units_classification_history() -> None:
    tree = f.small_tree()
    client = _viewer()
    page = client.get(f"/units/{tree.commune}/").content.decode()
    urls = [u for u in _fragments(page) if "danh-gia" in u]
    assert urls
    assert client.get(urls[0]).status_code == 200
