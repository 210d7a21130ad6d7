"""A full confidence vote in headless Chromium: the organizer convenes and checks delegates in
at two bridge sites, the vote is refused without quorum and opened with it, delegates vote on
phones (390×844), the counting committee enters a paper ballot twice, resolves the discrepancy,
counts, both members sign, the result is published, the projector shows it and the minutes
PDF downloads. Screenshots go to test-results/."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from canbo.conferences.models import Convocation
from canbo.voting.models import VoteSession
from tests.e2e.voting_fixture import PASSWORD, build

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def signed_in(browser: Any, base: str, username: str, **kw: Any) -> Any:
    context = browser.new_context(locale="vi-VN", **kw)
    page = context.new_page()
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button.primary")
    page.wait_for_load_state()
    return page


def check_in(page: Any, name: str, *, paper: bool = False) -> list[str]:
    row = page.locator("tr", has_text=name)
    if paper:
        row.get_by_role("button", name="có mặt, phiếu giấy").click()
    else:
        row.get_by_role("button", name=f"Điểm danh {name}", exact=True).click()
    page.wait_for_load_state()
    page.get_by_role("heading", name=f"Đã điểm danh: {name}").wait_for()
    return [c.get_attribute("data-code") for c in page.locator("[data-code]").all()]


def vote_on_phone(
    phone: Any, base: str, sid: int, code: str, levels: list[str], shots: Path | None
) -> str:
    phone.goto(f"{base}/bo-phieu/{sid}/bau/?ma={code}")
    phone.get_by_role("button", name="Tiếp tục").click()
    phone.locator("fieldset").nth(len(levels) - 1).wait_for()
    for fieldset, level in zip(phone.locator("fieldset").all(), levels, strict=True):
        fieldset.get_by_label(level, exact=True).check()
    if shots:
        phone.screenshot(path=str(shots / "vote-2-ballot-phone.png"), full_page=True)
    phone.get_by_role("button", name="Xem lại phiếu").click()
    phone.get_by_role("button", name="Bỏ phiếu").click()
    receipt = phone.locator("[data-receipt]").get_attribute("data-receipt")
    if shots:
        phone.screenshot(path=str(shots / "vote-3-receipt-phone.png"), full_page=True)
    return str(receipt)


def read_paper(page: Any, serial: int, levels: list[str]) -> None:
    page.fill("#id_serial", str(serial))
    page.locator("fieldset").nth(len(levels) - 1).wait_for()
    for fieldset, level in zip(page.locator("fieldset").all(), levels, strict=True):
        fieldset.get_by_label(level, exact=True).check()


def press(page: Any, name: str) -> None:
    button = page.get_by_role("button", name=name)
    confirm = page.locator("form", has=button).locator("input[name=confirm]")
    if confirm.count():  # irreversible steps ask for a confirmation first
        confirm.check()
    button.click()
    page.wait_for_load_state()


def test_a_full_confidence_vote_in_the_browser(
    live_server: Any, browser: Any, screenshot_dir: Path
) -> None:
    fx = build(9, echo=False)
    base, p, shots = live_server.url, fx["persons"], screenshot_dir
    staff = signed_in(browser, base, "bantochuc", viewport={"width": 1280, "height": 900})
    staff.goto(f"{base}/hoi-nghi/")
    staff.fill("#id_unit_code", fx["unit"])
    staff.fill("#id_title", "Hội nghị Ban Chấp hành Đảng bộ xã Yên Minh")
    staff.fill("#id_held_on", "2026-11-20")
    staff.fill("#id_place", "Yên Minh")
    press(staff, "Tạo hội nghị")
    conference_url = staff.url
    for site in ("Hội trường Đảng ủy xã", "Điểm cầu thôn Na Pô"):
        staff.fill("#id_name", site)
        press(staff, "Thêm điểm cầu")
    staff.fill("#id_lines", "Khai mạc\nLấy phiếu tín nhiệm\nBế mạc")
    press(staff, "Lưu chương trình")
    staff.click("text=Nâng cao: dán danh sách mã cán bộ")
    staff.fill("#id_convene", "\n".join(p))
    press(staff, "Triệu tập")
    staff.get_by_role("link", name="Tạo cuộc lấy phiếu").click()
    staff.fill("#id_title", "Lấy phiếu tín nhiệm giữa nhiệm kỳ 2025-2030")
    staff.click("text=Nâng cao: dán danh sách mã cán bộ, tài khoản")
    staff.fill(
        "#id_subjects",
        f"{p[0]} | Bí thư Đảng ủy\n{p[1]} | Chủ tịch UBND xã\n{p[2]} | Phó Bí thư Thường trực",
    )
    staff.fill("#id_counters", "kp1\nkp2")
    staff.fill("#id_dossier_sent_on", "2026-11-01")
    staff.fill("#id_questions_sent_on", "2026-11-05")
    press(staff, "Lưu")
    session_url = staff.url
    sid = int(session_url.rstrip("/").split("/")[-1])
    press(staff, "Chuyển sang sẵn sàng")
    assert staff.locator("[data-status]").get_attribute("data-status") == "ready"
    kp1 = signed_in(browser, base, "kp1", viewport={"width": 1280, "height": 900})
    kp1.goto(session_url)
    press(kp1, "Tạo khóa và in mảnh khóa")
    shares = [s.get_attribute("data-share") for s in kp1.locator("[data-share]").all()]
    assert len(shares) == 2 and "Mảnh khóa 1/2" in kp1.content()
    kp1.screenshot(path=str(shots / "vote-0-key-shares.png"), full_page=True)

    staff.goto(conference_url)
    staff.get_by_role("link", name="Điểm danh tại Hội trường Đảng ủy xã").click()
    codes: list[str] = []
    for name in ("Nguyễn Thị Hoa", "Trần Văn Bình", "Lê Minh Châu"):
        codes += check_in(staff, name)
    staff.screenshot(path=str(shots / "vote-0-checkin-slip.png"), full_page=True)
    staff.goto(conference_url)
    staff.get_by_role("link", name="Điểm danh tại Điểm cầu thôn Na Pô").click()
    token = Convocation.objects.get(person__code=p[3]).qr_token
    staff.fill("#id_qr", token)
    press(staff, "Điểm danh theo mã QR")
    staff.locator("[data-code]").first.wait_for()
    codes += [c.get_attribute("data-code") for c in staff.locator("[data-code]").all()]
    codes += check_in(staff, "Hoàng Thị Lan")
    assert len(codes) == 5
    staff.goto(session_url)
    press(staff, "Mở bỏ phiếu")
    assert "Chưa đủ 2/3" in staff.content() and "cần ít nhất 6" in staff.content()
    staff.screenshot(path=str(shots / "vote-1-quorum-refused.png"), full_page=True)
    staff.goto(conference_url)
    staff.get_by_role("link", name="Điểm danh tại Điểm cầu thôn Na Pô").click()
    check_in(staff, "Vũ Đức Minh", paper=True)
    assert staff.locator("#attendance [data-quorum]").get_attribute("data-quorum") == "met"
    staff.goto(session_url)
    press(staff, "Mở bỏ phiếu")
    assert staff.locator("[data-status]").get_attribute("data-status") == "open"

    phone_ctx = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    phone = phone_ctx.new_page()
    ballots = [["Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp"]] * 4 + [
        ["Tín nhiệm", "Tín nhiệm", "Tín nhiệm thấp"]
    ]
    receipts = [
        vote_on_phone(phone, base, sid, c, lv, shots if i == 0 else None)
        for i, (c, lv) in enumerate(zip(codes, ballots, strict=True))
    ]
    phone.goto(f"{base}/bo-phieu/{sid}/bau/?ma={codes[0]}")
    phone.get_by_role("button", name="Tiếp tục").click()
    assert "Mã này đã được dùng" in phone.content()

    kp2 = signed_in(browser, base, "kp2", viewport={"width": 1280, "height": 900})
    kp1.goto(session_url)
    press(kp1, "Kết thúc bỏ phiếu")
    kp1.goto(f"{base}/bo-phieu/{sid}/phieu-giay/1/")
    read_paper(kp1, 1, ["Tín nhiệm", "Tín nhiệm cao", "Tín nhiệm thấp"])
    press(kp1, "Lưu phiếu")
    kp2.goto(f"{base}/bo-phieu/{sid}/phieu-giay/2/")
    read_paper(kp2, 1, ["Tín nhiệm", "Gạch tên", "Tín nhiệm thấp"])
    press(kp2, "Lưu phiếu")
    kp1.goto(f"{base}/bo-phieu/{sid}/chenh-lech/")
    assert kp1.locator('[data-serial="1"]').count() == 3
    kp1.screenshot(path=str(shots / "vote-4-discrepancy.png"), full_page=True)
    read_paper(kp1, 1, ["Tín nhiệm", "Tín nhiệm cao", "Tín nhiệm thấp"])
    press(kp1, "Ghi kết luận")
    assert kp1.locator("[data-none]").count() == 1
    kp1.goto(session_url)
    kp1.get_by_role("link", name="Kiểm phiếu").click()
    kp1.fill("#id_share_1", shares[0] or "")
    kp1.fill("#id_share_2", (shares[1] or "").lower().replace("-", " "))  # typed loosely
    kp1.screenshot(path=str(shots / "vote-4b-count-shares.png"), full_page=True)
    press(kp1, "Mở phiếu và kiểm phiếu")
    assert kp1.locator("[data-status]").get_attribute("data-status") == "counted"
    press(kp1, "Ký xác nhận kết quả")
    kp2.goto(session_url)
    press(kp2, "Ký xác nhận kết quả")
    assert kp2.locator("[data-status]").get_attribute("data-status") == "certified"
    press(kp2, "Công bố kết quả")
    assert VoteSession.objects.get(pk=sid).status == "published"

    kp1.goto(f"{base}/bo-phieu/{sid}/ket-qua/")
    kp1.screenshot(path=str(shots / "vote-5-results.png"), full_page=True)
    # Lines are in official order (given name): Bình, Châu, Hoa; Hoa got "low" on every ballot.
    row = kp1.locator("tr", has_text="Nguyễn Thị Hoa").first
    assert "6 (100%)" in row.inner_text()
    assert "Miễn nhiệm" in kp1.content()
    staff.goto(conference_url.rstrip("/") + "/trinh-chieu/")
    assert "Lê Minh Châu" in staff.content()
    staff.screenshot(path=str(shots / "vote-6-projector.png"), full_page=True)
    phone.goto(f"{base}/bo-phieu/{sid}/danh-sach-phieu/")
    listed = {r.get_attribute("data-receipt") for r in phone.locator("[data-receipt]").all()}
    assert set(receipts) <= listed
    phone.screenshot(path=str(shots / "vote-7-ballot-list-phone.png"), full_page=True)
    pdf = kp1.request.get(f"{base}/bo-phieu/{sid}/bien-ban-kiem-phieu.pdf")
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    (shots / "vote-minutes.pdf").write_bytes(pdf.body())
