"""The browser tab keeps the page's own title after the history sections load into the unit and
person pages (they load another page's table with htmx, whose title must not replace ours)."""

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
def places() -> dict[str, int]:
    tree = f.small_tree()
    an = f.person("Nguyễn Văn An", tree.cell_a)
    staff = User.objects.create_user("bantochuc", password=PASSWORD)
    RoleGrant.objects.create(
        user=staff, role=Role.ORG_STAFF, unit_id=tree.commune, valid_from=dt.date(2020, 1, 1)
    )
    return {"person": an, "cell": tree.cell_a}


def _after_history_loads(page: Any, url: str) -> str:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_function("!document.querySelector('.history a')")
    return str(page.title())


def test_the_tab_title_stays_the_unit_or_person_name_after_the_history_loads(
    live_server: Any, page: Any, places: dict[str, int]
) -> None:
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "bantochuc")
    page.fill("#id_password", PASSWORD)
    page.click("button.primary")
    page.wait_for_url(f"{live_server.url}/")
    unit = _after_history_loads(page, f"{live_server.url}/units/{places['cell']}/")
    assert unit.startswith("Chi bộ thôn Na Pô ·"), unit
    person = _after_history_loads(page, f"{live_server.url}/people/{places['person']}/")
    assert person.startswith("Nguyễn Văn An ·"), person
