"""The header search box in headless Chromium: "Nguyễn" typed on any page finds people."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User

from canbo.accounts.models import RoleGrant
from canbo.core.types import Role
from tests import factories as f

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "mat-khau-rat-dai-2026"


@pytest.fixture
def clerk() -> dict[str, int]:
    tree = f.small_tree()
    an = f.person("Nguyễn Văn An", tree.cell_a)
    lan = f.person("Nguyễn Thị Lan", tree.cell_b, birth=dt.date(1990, 8, 9))
    user = User.objects.create_user("bantochuc", password=PASSWORD)
    RoleGrant.objects.create(
        user=user, role=Role.ORG_STAFF, unit_id=tree.ha_giang, valid_from=dt.date(2020, 1, 1)
    )
    return {"an": an, "lan": lan, "cell_b": tree.cell_b}


def test_the_header_search_finds_nguyen_as_people(
    live_server: Any, page: Any, clerk: dict[str, int]
) -> None:
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "bantochuc")
    page.fill("#id_password", PASSWORD)
    page.click("button.primary")
    page.wait_for_url(f"{live_server.url}/")
    page.fill("form.header-search input[name=q]", "Nguyễn")
    page.press("form.header-search input[name=q]", "Enter")
    page.wait_for_selector("#results li.person")
    people = page.locator("#results li.person a").all_inner_texts()
    assert people == ["Nguyễn Văn An", "Nguyễn Thị Lan"]
    page.click("#results li.person a:has-text('Nguyễn Thị Lan')")
    page.wait_for_url(f"{live_server.url}/people/{clerk['lan']}/")
    # On a unit page the header box searches that unit's subtree.
    page.goto(f"{live_server.url}/units/{clerk['cell_b']}/")
    page.fill("form.header-search input[name=q]", "nguyen")
    page.press("form.header-search input[name=q]", "Enter")
    page.wait_for_selector("#results li.person")
    assert page.locator("#results li.person a").all_inner_texts() == ["Nguyễn Thị Lan"]
