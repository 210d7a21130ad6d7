"""The statistics tables on a phone (390 px): a table of a label and one or two figures stays
a table, each row one line with its figure flush right, instead of a card per row that made
the five tables several metres long; the page does not scroll sideways."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User

from canbo.accounts.models import RoleGrant
from canbo.core.types import Role, Sex
from tests import factories as f

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "mat-khau-rat-dai-2026"


def test_a_statistics_table_reads_as_a_table_on_a_phone(live_server: Any, phone_page: Any) -> None:
    tree = f.small_tree()
    f.person("Nguyễn Văn An", tree.cell_a)
    f.person("Trần Thị Bình", tree.cell_a, sex=Sex.FEMALE)
    staff = User.objects.create_user("bantochuc", password=PASSWORD)
    RoleGrant.objects.create(
        user=staff, role=Role.ORG_STAFF, unit_id=tree.commune, valid_from=dt.date(2020, 1, 1)
    )
    base = live_server.url
    phone_page.goto(f"{base}/login/")
    phone_page.fill("#id_username", "bantochuc")
    phone_page.fill("#id_password", PASSWORD)
    phone_page.click("button.primary")
    phone_page.wait_for_url(f"{base}/")
    phone_page.goto(f"{base}/thong-ke/?don_vi=id:{tree.commune}&ngay=2024-12-31")
    table = phone_page.locator("section[aria-labelledby=bieu1-h] table")
    assert table.locator("thead").is_visible()  # the headings stay above the figures
    row = table.locator("tr", has=phone_page.locator("th", has_text="Đảng viên cuối kỳ")).first
    label = row.locator("th").bounding_box()
    figure = row.locator("td").first.bounding_box()
    assert figure["x"] > label["x"] + label["width"] - 1  # figure beside its label, not below
    assert abs(figure["y"] - label["y"]) < 10
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
