"""A whole classification cycle in the browser: open, self-assess on a phone, comment,
appraise, decide, see the quota conflict and resolve it with a reason, publish, complain,
re-classify — each step by the account whose role it is."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from canbo.classification.models import Cycle, CycleSubject
from tests.integration import classification_fixtures as fx

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(browser: Any, live_server: Any, user: Any, *, phone: bool = False) -> Any:
    client = Client()
    client.force_login(user)
    size = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
    context = browser.new_context(viewport=size, locale="vi-VN", is_mobile=phone)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context.new_page()


def test_a_whole_cycle_runs_in_the_browser(
    browser: Any, live_server: Any, screenshot_dir: Any
) -> None:
    c = fx.commune()
    u = fx.users(c)
    from canbo.accounts.models import RoleGrant

    RoleGrant.objects.create(
        user=u["btc-tinh"], role="org_staff", unit_id=c.commune, valid_from="2020-01-01"
    )
    staff = _as(browser, live_server, u["btc-tinh"])
    staff.goto(f"{live_server.url}/danh-gia/")
    staff.fill("#id_name", "Xếp loại năm 2025 — xã Bát Xát")
    staff.fill("#id_year", "2025")
    staff.select_option("#id_root", str(c.commune))
    staff.fill("#id_as_of", "2025-12-31")
    staff.click("button:has-text('Mở đợt')")
    staff.screenshot(path=str(screenshot_dir / "classification-open.png"), full_page=True)
    staff.wait_for_selector("text=Đã mở đợt đánh giá.", timeout=5000)
    cycle_id = Cycle.objects.get().pk

    subjects = CycleSubject.objects.filter(cycle_id=cycle_id)
    for unit in (c.cell_a, c.cell_b):
        fx.decide(cycle_id, fx.subject_of(cycle_id, unit=unit), c, fx.FAIR)
    for i, person in enumerate((*c.members_a, c.disciplined)):
        fx.decide(
            cycle_id, fx.subject_of(cycle_id, person=person), c, fx.GOOD if i < 2 else fx.FAIR
        )
    head = {**fx.GOOD, "led_units_tasks_pct": "100", "led_units_exceeded_pct": "40"}
    fx.decide(cycle_id, fx.subject_of(cycle_id, person=c.secretary), c, head)
    fx.decide(cycle_id, fx.subject_of(cycle_id, unit=c.commune), c, fx.FAIR)
    pk = subjects.get(person_id=c.member_b).pk

    secretary = _as(browser, live_server, u["bi-thu"], phone=True)
    secretary.goto(f"{live_server.url}/danh-gia/{cycle_id}/don-vi/{c.cell_b}/")
    secretary.click("text=Lù Văn Sáng")
    for name, value in {**fx.FAIR, "score_general": "31"}.items():
        secretary.fill(f"#id_{name}", value)
    secretary.click("text=Nộp bản tự đánh giá")
    secretary.wait_for_selector("text=ngoài khoảng 0–30")
    secretary.fill("#id_score_general", "25")
    for name, value in fx.FAIR.items():
        if name != "score_general":
            secretary.fill(f"#id_{name}", value)
    secretary.fill("#id_evidence", "Hoàn thành 10/10 nhiệm vụ được giao")
    secretary.click("text=Nộp bản tự đánh giá")
    secretary.wait_for_selector("#proposed >> text=HTT")
    secretary.screenshot(path=str(screenshot_dir / "classification-self-phone.png"), full_page=True)
    secretary.fill("#id_text_comment", "Chi bộ nhất trí với bản tự đánh giá.")
    secretary.click("#form-comment button")
    secretary.wait_for_selector("text=Đã ghi nhận.")

    staff.goto(f"{live_server.url}/danh-gia/doi-tuong/{pk}/")
    staff.select_option("#id_level_appraisal", "2")
    staff.click("#form-appraisal button")
    staff.wait_for_selector("text=Đã ghi nhận.")

    decider = _as(browser, live_server, u["tt-xa"])
    decider.goto(f"{live_server.url}/danh-gia/doi-tuong/{pk}/")
    decider.select_option("#id_level_decision", "2")
    decider.click("#form-decision button")
    decider.wait_for_selector("#final >> text=HTT")

    decider.goto(f"{live_server.url}/danh-gia/{cycle_id}/")
    group_link = decider.locator(f'a[href$="?g=dang-vien%40{c.commune}"]')  # named in words
    row = decider.locator("table.quota tr", has=group_link)
    assert row.locator("td").nth(4).inner_text().strip() == "2"
    row.locator("a").click()
    first = subjects.get(person_id=c.members_a[0]).pk
    decider.check(f"input[name=lower][value='{first}']")
    decider.click("#quota-form button")
    decider.wait_for_selector("text=Giải quyết vượt tỷ lệ HTXS phải ghi lý do")
    decider.check(f"input[name=lower][value='{first}']")
    decider.fill("#id_reason", "Điểm thấp nhất trong số đảng viên HTXS của nhóm")
    decider.click("#quota-form button")
    decider.wait_for_selector("#quota-line >> text=vượt: 0")
    decider.screenshot(path=str(screenshot_dir / "classification-quota.png"), full_page=True)

    province = _as(browser, live_server, u["tt-tinh"])
    province.goto(f"{live_server.url}/danh-gia/{cycle_id}/")
    publish = province.get_by_role("button", name="Công bố kết quả")
    province.locator("form", has=publish).locator("input[name=confirm]").check()
    publish.click()
    province.wait_for_selector("text=Đã công bố kết quả.")

    member = _as(browser, live_server, u["dang-vien"])
    member.goto(f"{live_server.url}/danh-gia/doi-tuong/{pk}/")
    member.fill("#id_text_complaint", "Đề nghị xem xét lại kết quả.")
    member.click("#form-complaint button")
    member.wait_for_selector("text=Đã ghi nhận.")

    province.goto(f"{live_server.url}/danh-gia/doi-tuong/{pk}/")
    province.select_option("#id_level_reclassification", "1")
    province.fill("#id_reason_reclassification", "Kết quả xác minh của cấp trên")
    province.click("#form-reclassification button")
    province.wait_for_selector("text=phiên bản 2")
    assert "HT" in province.locator("#final").inner_text()
    province.screenshot(
        path=str(screenshot_dir / "classification-reclassified.png"), full_page=True
    )
