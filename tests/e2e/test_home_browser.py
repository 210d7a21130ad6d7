"""The home page in headless Chromium, for two roles: the charts are drawn (a canvas in each)
from the vendored ECharts, each beside a table of the same numbers; the reminders link to the
records; a cell secretary sees the cell only; the page fits a phone. Screenshot:
docs/screenshots/home.png."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from canbo.accounts.models import RoleGrant
from canbo.core.clock import SystemClock
from canbo.core.registry import PersonData
from canbo.core.types import Role, Sex, UnitId, UnitKind
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.ports import SYSTEM
from canbo.services.registry import changes as svc
from tests import factories as f
from tests.screenshots import doc_screenshot_dir

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "mat-khau-rat-dai-2026"
KEYS = ("sex", "age", "ethnicity", "status")

PEOPLE = (
    ("Vàng Seo Chử", Sex.MALE, 1966, "Mông", False),
    ("Lý Thị Mai", Sex.FEMALE, 1999, "Dao", True),
    ("Giàng A Páo", Sex.MALE, 1988, "Mông", False),
    ("Hoàng Văn Dũng", Sex.MALE, 1975, "Kinh", False),
    ("Sần Thị Hoa", Sex.FEMALE, 1982, "Tày", False),
    ("Tẩn Văn Lả", Sex.MALE, 1993, "Dao", False),
    ("Lù Văn Sáng", Sex.MALE, 2001, "Giáy", True),
    ("Phàn Thị Dung", Sex.FEMALE, 1970, "Kinh", False),
)


GIVEN = ("An", "Bình", "Cường", "Dương", "Hà")


def _member(n: int, cell: UnitId, today: dt.date) -> None:
    name, sex, year, ethnicity, probationary = PEOPLE[n % len(PEOPLE)]
    admitted = today - dt.timedelta(days=350) if probationary else dt.date(2005, 3, 1)
    data = PersonData(
        code=f"TC{n:05d}",
        full_name=f"{name} {GIVEN[n // len(PEOPLE)]}",
        birth_date=dt.date(year - n % 7, 1 + n % 12, 1 + n % 27),
        sex=sex,
        ethnicity=ethnicity,
        party_admission_date=admitted,
        official_membership_date=None if probationary else dt.date(2006, 3, 1),
    )
    since = max(admitted, dt.date(2015, 1, 1))
    svc.create_person(DjangoRegistryUnitOfWork(), SYSTEM, data, cell, since, today)


@pytest.fixture
def places() -> dict[str, int]:
    today = SystemClock().today()
    central = f.unit("Ban Chấp hành Trung ương", UnitKind.CENTRAL_COMMITTEE)
    province = f.unit("Đảng bộ tỉnh Lào Cai", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central)
    commune = f.unit("Đảng bộ xã Bát Xát", UnitKind.COMMUNE_PARTY_COMMITTEE, province)
    cell_a = f.unit("Chi bộ thôn Trung Chải", UnitKind.CELL, commune)
    cell_b = f.unit("Chi bộ thôn Phìn Ngan", UnitKind.CELL, commune)
    for n in range(40):
        _member(n, cell_a if n % 3 else cell_b, today)
    _activity(commune, today)
    _cycle(province, today)
    for username, role, root in (
        ("bantochuc", Role.ORG_STAFF, province),
        ("bithu", Role.CELL_SECRETARY, cell_b),
    ):
        user = User.objects.create_user(username, password=PASSWORD)
        RoleGrant.objects.create(user=user, role=role, unit_id=root, valid_from=dt.date(2020, 1, 1))
    return {"province": province, "cell_b": cell_b}


def _activity(commune: UnitId, today: dt.date) -> None:
    """A conference next week with its vote under way, a term and an appointment ending."""
    from canbo.conferences.models import Conference
    from canbo.registry import models as reg
    from canbo.voting.models import VoteSession

    conference = Conference.objects.create(
        unit_id=commune, title="Hội nghị Ban Chấp hành Đảng bộ xã lần thứ năm",
        body="party", held_on=today + dt.timedelta(days=7), place="Bát Xát",
    )  # fmt: skip
    VoteSession.objects.create(
        conference=conference, title="Lấy phiếu tín nhiệm năm 2026", status="ready"
    )
    reg.Term.objects.create(
        unit_id=commune, name="Nhiệm kỳ 2020–2025", starts=dt.date(2020, 9, 1),
        ends=today + dt.timedelta(days=200),
    )  # fmt: skip
    title = reg.Title.objects.create(code="PCT", name="Phó Chủ tịch UBND xã", level="commune")
    holder = reg.Membership.objects.order_by("pk").first()
    assert holder is not None
    reg.PositionHolding.objects.create(
        person_id=holder.person_id, title=title, unit_id=commune, how="appointed",
        valid_from=dt.date(2021, 12, 1), term_ends=today + dt.timedelta(days=60),
    )  # fmt: skip


def _cycle(province: UnitId, today: dt.date) -> None:
    """The province's classification cycle of the year, opened by its commission."""
    from canbo.classification.store import DjangoClassificationUnitOfWork
    from canbo.core.types import AccountId
    from canbo.services.classification import cycle as cycle_svc
    from canbo.services.ports import Actor, Grant

    staff = Actor(AccountId(1), "ban-to-chuc", (Grant(Role.ORG_STAFF, province),))
    cycle_svc.open_cycle(
        DjangoClassificationUnitOfWork(), staff, today.year, province, today,
        f"Đánh giá, xếp loại năm {today.year}",
    )  # fmt: skip


def _sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button.primary")
    page.wait_for_url(f"{base}/")


def _charts_and_tables(page: Any) -> dict[str, list[int]]:
    """Each chart has drawn a canvas; returns the numbers of each table."""
    found = {}
    for key in KEYS:
        page.wait_for_selector(f"#bieu-do-{key} .chart canvas")
        cells = page.locator(f"table[data-tally={key}] tbody td[data-count]")
        found[key] = [int(n) for n in cells.evaluate_all("els => els.map(e => e.dataset.count)")]
    return found


def test_the_clerk_and_the_cell_secretary_each_see_charts_and_tables_of_their_scope(
    live_server: Any, page: Any, browser: Any, places: dict[str, int], screenshot_dir: Path
) -> None:
    _sign_in(page, live_server.url, "bantochuc")
    clerk = _charts_and_tables(page)
    assert sum(clerk["sex"]) == 40 and sum(clerk["status"]) == 40
    assert page.locator("h1").inner_text() == "Tổng quan"
    assert page.locator("a:has-text('Tạo hội nghị, lấy phiếu')").count() == 1
    assert page.locator("#nhac-probation a").count() >= 1
    assert page.locator("a:has-text('Hội nghị Ban Chấp hành Đảng bộ xã lần thứ năm')").count() == 1
    assert page.locator("#nhac-reviews a").count() == 1
    assert page.locator("#progress-h + table a:has-text('Đảng bộ xã Bát Xát')").count() == 1
    assert "1.0" not in page.locator("table.figures").first.inner_text()
    page.screenshot(path=str(doc_screenshot_dir() / "home.png"), full_page=True)

    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    phone = context.new_page()
    _sign_in(phone, live_server.url, "bithu")
    secretary = _charts_and_tables(phone)
    context_total = sum(secretary["sex"])
    assert 0 < context_total < 40
    assert sum(secretary["age"]) == context_total
    assert phone.locator("text=Chi bộ thôn Phìn Ngan").count() >= 1
    assert phone.locator("a:has-text('Tạo hội nghị')").count() == 0
    assert phone.locator("a:has-text('Mở đợt đánh giá')").count() == 0
    phone.screenshot(path=str(screenshot_dir / "home-phone.png"), full_page=True)
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    context.close()
