"""The web shell in headless Chromium: sign in, switch language, browse the tree as of a date,
search a former unit name, open a person's record, the admin's TOTP step, a phone screenshot."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from canbo.accounts.models import RoleGrant
from canbo.core.types import LineageKind, Role
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.registry import changes as svc
from tests import factories as f

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "mat-khau-rat-dai-2026"


@pytest.fixture
def shell_data() -> dict[str, int]:
    """Two provinces merged on 01/07/2025 (OR-16); a scoped staff member of the new province."""
    tree = f.small_tree()
    an = f.person("Nguyễn Văn An", tree.cell_a)
    f.person("Phạm Thị Anh", tree.cell_a)
    svc.reorganize(
        DjangoRegistryUnitOfWork(),
        f.SYSTEM,
        kind=LineageKind.MERGE,
        date=dt.date(2025, 7, 1),
        legal_basis="NQ 202/2025/QH15",
        predecessors=[tree.ha_giang, tree.tuyen_quang_old],
        successors=[tree.tuyen_quang_new],
    )
    staff = User.objects.create_user("bantochuc", password=PASSWORD)
    RoleGrant.objects.create(
        user=staff,
        role=Role.ORG_STAFF,
        unit_id=tree.tuyen_quang_new,
        valid_from=dt.date(2025, 7, 1),
    )
    return {"person": an, "province": tree.tuyen_quang_new}


def _sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button.primary")


def test_a_scoped_user_browses_searches_and_opens_a_record_in_english(
    live_server: Any, page: Any, shell_data: dict[str, int]
) -> None:
    _sign_in(page, live_server.url, "bantochuc")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/tree/")  # the home page is the dashboard; the tree is here
    page.click("button[name=language][value=en]")
    page.wait_for_selector("h1:has-text('Organization tree')")
    page.click("summary:has-text('Đảng bộ tỉnh Tuyên Quang')")
    page.wait_for_selector("summary:has-text('Đảng bộ xã Yên Minh')")
    page.click("summary:has-text('Đảng bộ xã Yên Minh')")
    page.click("a:has-text('Chi bộ thôn Na Pô')")
    page.wait_for_selector("h1:has-text('Chi bộ thôn Na Pô')")
    names = page.locator("table.stack tbody td:nth-child(2)").all_inner_texts()
    assert names == ["Nguyễn Văn An", "Phạm Thị Anh"]
    page.click("nav a[href='/search/']")
    page.fill("#id_q", "yen minh")
    page.wait_for_selector("#results a:has-text('Đảng bộ xã Yên Minh')")
    page.goto(f"{live_server.url}/people/{shell_data['person']}/")
    for heading in ("Personal details", "Party cell history", "Declared relatives"):
        assert page.locator(f"h2:has-text('{heading}')").count() == 1


def test_an_administrator_signs_in_through_the_totp_step(
    live_server: Any, page: Any, shell_data: dict[str, int]
) -> None:
    admin = User.objects.create_superuser("quantri", password=PASSWORD)
    device = TOTPDevice.objects.create(user=admin, name="TOTP", confirmed=True)
    _sign_in(page, live_server.url, "quantri")
    page.wait_for_url("**/login/totp/**")
    page.fill("#id_token", f"{totp(device.bin_key):06d}")
    page.click("button.primary")
    page.wait_for_selector("h1:has-text('Tổng quan')")
    page.click("nav a:has-text('Quản trị')")
    page.wait_for_selector("#site-name")


def test_the_pages_fit_a_phone_screen_without_sideways_scrolling(
    live_server: Any, phone_page: Any, shell_data: dict[str, int], screenshot_dir: Path
) -> None:
    _sign_in(phone_page, live_server.url, "bantochuc")
    phone_page.wait_for_url(f"{live_server.url}/")
    phone_page.goto(f"{live_server.url}/tree/")
    phone_page.click("summary:has-text('Đảng bộ tỉnh Tuyên Quang')")
    phone_page.wait_for_selector("summary:has-text('Đảng bộ xã Yên Minh')")
    phone_page.screenshot(path=str(screenshot_dir / "web-tree-phone.png"), full_page=True)
    phone_page.goto(f"{live_server.url}/people/{shell_data['person']}/")
    phone_page.screenshot(path=str(screenshot_dir / "web-person-phone.png"), full_page=True)
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
