"""A clerk's vote journey in headless Chromium, with the pickers and without codes typed:
search a person from the header box, create the conference by picking its unit by name,
convene every member of the unit, put the holders of the unit's posts on the ballot, choose
the counting committee by name among the people convened (an account only for the members who
act in the system), check delegates in by ticking several at once after filtering the list,
run the vote on phones, count, sign, publish and print the minutes, whose committee is printed
by full name. The vote form with its pickers is kept as docs/screenshots/vote-form.png."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from canbo.registry import models as reg
from canbo.voting.models import CountingMember, VoteSession
from tests.e2e.test_voting_browser import press, signed_in, vote_on_phone
from tests.e2e.voting_fixture import build
from tests.screenshots import doc_screenshot_dir

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.django_db(transaction=True)]
POSTS = (("BT_DUX", "Bí thư Đảng ủy xã", 10), ("CT_UBND_X", "Chủ tịch UBND xã", 20))


def pick(page: Any, field: str, typed: str, option: str) -> None:
    """Type into a picker and choose the option whose label holds ``option``."""
    page.fill(f"#id_{field}", typed)
    page.locator(f"#id_{field}_list li[data-id]", has_text=option).first.click()
    page.locator(f"#id_{field}").locator("xpath=..").locator(".picker-chosen li").first.wait_for()


def test_a_vote_run_with_pickers_from_search_to_minutes(
    live_server: Any, browser: Any, screenshot_dir: Path
) -> None:
    fx = build(9, echo=False)
    base, ids = live_server.url, fx["person_ids"]
    commune = reg.OrgUnit.objects.get(code=fx["unit"])
    for person, (code, name, rank) in zip(ids[2:4], POSTS, strict=True):
        title = reg.Title.objects.create(code=code, name=name, level="provincial", rank=rank)
        reg.PositionHolding.objects.create(
            person_id=person, title=title, unit=commune, how="elected",
            valid_from=dt.date(2020, 10, 1),
        )  # fmt: skip
    staff = signed_in(browser, base, "bantochuc", viewport={"width": 1280, "height": 900})

    # Search: the header box finds a person by name typed without tones.
    staff.fill("header .header-search input[name=q]", "nguyen thi hoa")
    staff.locator("header .header-search button").click()
    staff.wait_for_load_state()
    assert staff.locator(".hits li.person", has_text="Nguyễn Thị Hoa").count() == 1

    # The conference's unit is picked by name.
    staff.goto(f"{base}/hoi-nghi/")
    pick(staff, "unit_code", "yen minh", "Đảng bộ xã Yên Minh")
    staff.fill("#id_title", "Hội nghị Ban Chấp hành Đảng bộ xã Yên Minh")
    staff.fill("#id_held_on", "2026-11-20")
    staff.fill("#id_place", "Yên Minh")
    press(staff, "Tạo hội nghị")
    conference_url = staff.url
    staff.fill("#id_name", "Hội trường Đảng ủy xã")
    press(staff, "Thêm điểm cầu")

    # Convene the whole unit: its nine members, none typed.
    pick(staff, "unit_members", "yen minh", "Đảng bộ xã Yên Minh")
    press(staff, "Triệu tập")
    assert "Danh sách triệu tập (9 người)" in staff.content()
    staff.screenshot(path=str(screenshot_dir / "journey-vote-convened.png"), full_page=True)

    # The vote: the holders of the unit's posts on the ballot, the committee chosen by name.
    staff.get_by_role("link", name="Tạo cuộc lấy phiếu").click()
    staff.fill("#id_title", "Lấy phiếu tín nhiệm giữa nhiệm kỳ 2025-2030")
    pick(staff, "subject_unit", "yen minh", "Đảng bộ xã Yên Minh")
    committee = staff.locator("#id_committee").locator("xpath=..")
    committee.locator("[data-picker-filter]").fill("binh")
    assert committee.locator("li:visible").count() == 1
    staff.check(f'#id_committee input[value="id:{ids[1]}"]')
    committee.locator("[data-picker-filter]").fill("")
    staff.check(f'#id_committee input[value="id:{ids[0]}"]')
    staff.check(f'#id_committee_head input[value="id:{ids[0]}"]')
    staff.click("text=Nâng cao: dán danh sách mã cán bộ, tài khoản")
    codes = fx["persons"]
    staff.fill("#id_counters", f"kp1 | {codes[0]}\nkp2 | {codes[1]}")
    staff.fill("#id_dossier_sent_on", "2026-11-01")
    staff.fill("#id_questions_sent_on", "2026-11-05")
    staff.screenshot(path=str(doc_screenshot_dir() / "vote-form.png"), full_page=True)
    press(staff, "Lưu")
    session_url = staff.url
    sid = int(session_url.rstrip("/").split("/")[-1])
    members = CountingMember.objects.filter(session_id=sid).order_by("pk")
    assert [(m.person_id, m.is_head) for m in members] == [(ids[0], True), (ids[1], False)]
    assert "Nguyễn Thị Hoa, Trần Văn Bình" in staff.content()
    assert "Lê Minh Châu" in staff.content() and "Bí thư Đảng ủy xã" in staff.content()
    press(staff, "Chuyển sang sẵn sàng")
    kp1 = signed_in(browser, base, "kp1", viewport={"width": 1280, "height": 900})
    kp1.goto(session_url)
    press(kp1, "Tạo khóa và in mảnh khóa")
    shares = [s.get_attribute("data-share") for s in kp1.locator("[data-share]").all()]
    assert len(shares) == 2

    # Check-in: filter the list, tick six delegates and check them in at once.
    staff.goto(conference_url)
    staff.get_by_role("link", name="Điểm danh tại Hội trường Đảng ủy xã").click()
    staff.fill("#id_filter", "van binh")
    assert staff.locator("tbody tr:visible").count() == 1
    staff.fill("#id_filter", "")
    boxes = staff.locator('input[name="present"]')
    for i in range(6):
        boxes.nth(i).check()
    press(staff, "Điểm danh những người đã chọn")
    assert staff.locator("h2", has_text="Đã điểm danh").count() == 6
    staff.screenshot(path=str(screenshot_dir / "journey-vote-checkin.png"), full_page=True)
    voter_codes = [c.get_attribute("data-code") for c in staff.locator("[data-code]").all()]
    assert len(voter_codes) == 6
    staff.goto(session_url)
    press(staff, "Mở bỏ phiếu")
    assert staff.locator("[data-status]").get_attribute("data-status") == "open"

    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="vi-VN"
    ).new_page()
    for code in voter_codes[:2]:
        vote_on_phone(phone, base, sid, str(code), ["Tín nhiệm cao", "Tín nhiệm"], None)

    kp2 = signed_in(browser, base, "kp2", viewport={"width": 1280, "height": 900})
    kp1.goto(session_url)
    press(kp1, "Kết thúc bỏ phiếu")
    kp1.get_by_role("link", name="Kiểm phiếu").click()
    kp1.fill("#id_share_1", shares[0] or "")
    kp1.fill("#id_share_2", shares[1] or "")
    press(kp1, "Mở phiếu và kiểm phiếu")
    press(kp1, "Ký xác nhận kết quả")
    kp2.goto(session_url)
    press(kp2, "Ký xác nhận kết quả")
    press(kp2, "Công bố kết quả")
    assert VoteSession.objects.get(pk=sid).status == "published"

    pdf = kp1.request.get(f"{base}/bo-phieu/{sid}/bien-ban-kiem-phieu.pdf")
    assert pdf.ok
    (screenshot_dir / "journey-vote-minutes.pdf").write_bytes(pdf.body())
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages)
    flat = " ".join(text.split())
    assert "Nguyễn Thị Hoa" in flat and "Trần Văn Bình" in flat
    assert "kp1" not in flat and "kp2" not in flat


def test_the_picker_is_used_with_the_keyboard_on_a_phone(live_server: Any, browser: Any) -> None:
    fx = build(3, echo=False)
    phone = signed_in(
        browser, live_server.url, "bantochuc",
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
    )  # fmt: skip
    phone.goto(f"{live_server.url}/hoi-nghi/")
    box = phone.locator("#id_unit_code")
    box.fill("yen mi")
    menu = phone.locator("#id_unit_code_list")
    menu.locator("li[data-id]").first.wait_for()
    box.press("ArrowDown")
    assert menu.locator('li[aria-selected="true"]').count() == 1
    box.press("Enter")
    chosen = phone.locator(".picker-chosen li")
    assert "Đảng bộ xã Yên Minh" in chosen.inner_text() and menu.is_hidden()
    hidden = chosen.locator("input[type=hidden]").get_attribute("value")
    assert hidden == f"id:{reg.OrgUnit.objects.get(code=fx['unit']).pk}"
    box.fill("yen mi")
    menu.locator("li[data-id]").first.wait_for()
    box.press("Escape")
    assert menu.is_hidden()
    chosen.get_by_role("button").tap()
    assert chosen.count() == 0
