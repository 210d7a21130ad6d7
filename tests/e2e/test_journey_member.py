"""A clerk's journey in the browser: admit a member from the cell page, recognize them as
official after probation (refused first, before the twelve months are over), transfer their
Party activity to another cell, discipline them; the person page shows each event."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from canbo.accounts.models import RoleGrant
from canbo.core.clock import SystemClock
from canbo.core.records import add_months
from canbo.core.types import Role
from canbo.registry import models
from tests import factories as f
from tests.screenshots import doc_screenshot_dir

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "mat-khau-rat-dai-2026"


@pytest.fixture
def cells() -> dict[str, int]:
    tree = f.small_tree()
    clerk = User.objects.create_user("bantochuc", password=PASSWORD)
    RoleGrant.objects.create(
        user=clerk, role=Role.ORG_STAFF, unit_id=tree.commune, valid_from=dt.date(2020, 1, 1)
    )
    return {"from": tree.cell_a, "to": tree.cell_b}


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _open_action(page: Any, name: str) -> None:
    page.get_by_role("link", name=name, exact=True).click()
    page.wait_for_load_state()


def _events(page: Any) -> list[str]:
    rows = page.locator("#party-events tbody tr")
    return [rows.nth(i).get_attribute("data-kind") for i in range(rows.count())]


def test_a_clerk_admits_recognizes_transfers_and_disciplines_a_member(
    live_server: Any, page: Any, cells: dict[str, int], screenshot_dir: Path
) -> None:
    today = SystemClock().today()
    admitted = add_months(today, -13)
    due = add_months(admitted, 12)
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "bantochuc")
    page.fill("#id_password", PASSWORD)
    page.click("button.primary")
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/units/{cells['from']}/")
    _open_action(page, "Kết nạp đảng viên")
    page.fill("#id_full_name", "Lò Thị Mai")
    page.fill("#id_code", "KN-2025-001")
    page.fill("#id_birth_date", "1999-04-02")
    page.select_option("#id_sex", "F")
    page.fill("#id_ethnicity", "Mông")
    page.fill("#id_hometown", "Xã Yên Minh, tỉnh Tuyên Quang")
    page.fill("#id_admitted_on", _iso(admitted))
    page.fill("#id_decision_ref", "125-QĐ/ĐU")
    page.screenshot(path=str(doc_screenshot_dir() / "person-form.png"), full_page=True)
    page.click("button.primary")
    page.wait_for_url("**/people/*/**")
    assert _events(page) == ["admitted"]
    assert f"{due:%d/%m/%Y}" in page.locator("#party-events").inner_text()

    _open_action(page, "Công nhận đảng viên chính thức")
    page.fill("#id_recognized_on", _iso(add_months(admitted, 6)))
    page.click("button.primary")
    error = page.locator('[data-field="recognized_on"]')
    assert "Điều lệ Đảng, Điều 5" in error.inner_text()
    page.fill("#id_recognized_on", _iso(due))
    page.fill("#id_decision_ref", "310-QĐ/ĐU")
    page.click("button.primary")
    page.wait_for_url("**/people/*/**")
    assert _events(page) == ["admitted", "recognized"]

    _open_action(page, "Chuyển sinh hoạt đảng")
    page.check("input[name=kind][value=official]")
    page.fill("#id_to_cell", "ban ly")  # the type-ahead picker: typed without tones
    page.locator(f'#id_to_cell_list li[data-id="{cells["to"]}"]').click()
    page.fill("#id_on", _iso(today))
    page.click("button.primary")
    page.wait_for_url("**/people/*/**")
    assert _events(page) == ["admitted", "recognized", "transferred"]

    _open_action(page, "Kỷ luật")
    page.select_option("#id_form", "khien_trach")
    page.fill("#id_decision_date", _iso(today))
    page.fill("#id_authority", "Đảng ủy xã Yên Minh")
    page.fill("#id_decision_ref", "15-QĐ/UBKT")
    page.click("button.primary")
    page.wait_for_url("**/people/*/**")

    page.screenshot(path=str(screenshot_dir / "journey-member-person.png"), full_page=True)
    text = page.locator("#main").inner_text()
    assert "Khiển trách" in text
    cells_text = page.locator("section[aria-labelledby=cells-h]").inner_text()
    assert "Chi bộ thôn Bản Lý" in cells_text
    assert "Chuyển sinh hoạt đảng" in cells_text
    assert "transfer" not in cells_text
    mai = models.Person.objects.get(code="KN-2025-001")
    assert mai.official_membership_date == due
    assert models.DisciplineRecord.objects.filter(person=mai).count() == 1
