"""Reports up the tree in headless Chromium, as the province's organization commission and its
communes' clerks would work them.

(a) A survey: the province defines the Party Charter implementation survey and sends it to its
communes with a deadline; one commune fills it in the browser and submits on time (then
corrects it: a new version with its reason, the first kept); the
deadline passes; another commune downloads its spreadsheet, fills it offline, uploads a copy
with a number out of range (refused whole, the row and column named, nothing stored), then the
right one (accepted, flagged late); the third commune never starts. The province sees who
submitted, the late list, the aggregate (sums, averages, distribution, free text by commune),
and reads the aggregate's XLSX and PDF.

(b) The statistics of a province as of 31/12/2024 (its two predecessors, before the
reorganization of 01/07/2025) and as of 31/12/2026 (the merged province), and the comparison
across the reorganization, each as a page and as XLSX and PDF opened and read.

The deadline passing in (a) is the one step done on the database (moved to yesterday): the
server's clock is the real one. Screens are kept under test-results/ (docs/screenshots/ with
CANBO_UPDATE_SCREENSHOTS=1).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from canbo.core.clock import SystemClock
from canbo.core.types import LevelClass, Role, UnitId, UnitKind
from tests import factories as f
from tests.e2e.test_journey_congress import login
from tests.integration.election_builders import account
from tests.screenshots import doc_screenshot_dir

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = SystemClock().today()
JULY = dt.date(2025, 7, 1)
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TITLE = "Khảo sát tình hình thi hành Điều lệ Đảng"
COMMUNES = {
    "xa.minhquang": "Đảng bộ xã Minh Quang",
    "xa.yenminh": "Đảng bộ xã Yên Minh",
    "xa.nahang": "Đảng bộ xã Na Hang",
}
SURVEY = {
    "code": "ks_dieu_le_dang",
    "version": 1,
    "title": TITLE,
    "fields": [
        {
            "key": "so_chi_bo",
            "label": "Số chi bộ trực thuộc",
            "kind": "number",
            "unit": "chi bộ",
            "minimum": 0,
            "maximum": 500,
            "integer": True,
        },
        {
            "key": "ty_le_sinh_hoat",
            "label": "Tỷ lệ chi bộ sinh hoạt định kỳ đúng quy định",
            "kind": "number",
            "unit": "%",
            "minimum": 0,
            "maximum": 100,
        },
        {
            "key": "danh_gia",
            "label": "Đánh giá chung việc thi hành Điều lệ",
            "kind": "choice",
            "options": [
                {"value": "tot", "label": "Tốt"},
                {"value": "kha", "label": "Khá"},
                {"value": "trung_binh", "label": "Trung bình"},
            ],
        },
        {"key": "kien_nghi", "label": "Kiến nghị", "kind": "text", "required": False},
    ],
}


def shot(page: Any, name: str) -> None:
    folder = Path(os.environ.get("CANBO_SHOTS_DIR") or doc_screenshot_dir())
    page.screenshot(path=str(folder / f"reports_{name}.png"), full_page=True)


def no_sideways_scroll(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways on a phone: {width}px"


def pdf_words(body: bytes) -> str:
    return " ".join(
        " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(body)).pages).split()
    )


def xlsx_cells(body: bytes) -> list[list[Any]]:
    book = load_workbook(io.BytesIO(body), data_only=True)
    return [list(r) for ws in book.worksheets for r in ws.iter_rows(values_only=True)]


def fetch(page: Any, base: str, href: str | None, kind: str) -> bytes:
    assert href, f"no {kind} link on {page.url}"
    got = page.request.get(href if href.startswith("http") else f"{base}{href}")
    assert got.status == 200, (href, got.status)
    expected = "application/pdf" if kind == "PDF" else "spreadsheetml"
    assert expected in got.headers["content-type"], got.headers["content-type"]
    return bytes(got.body())


# --- (a) a survey from the province to its communes ----------------------------------------------


def survey_world() -> dict[str, Any]:
    """The province of Tuyên Quang (from 01/07/2025) with three communes, the organization
    commission's account and one clerk's account per commune."""
    central = f.unit(
        "Ban Chấp hành Trung ương", UnitKind.CENTRAL_COMMITTEE, level=LevelClass.CENTRAL
    )
    province = f.unit(
        "Đảng bộ tỉnh Tuyên Quang", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central, since=JULY
    )
    communes: dict[str, UnitId] = {}
    for username, name in COMMUNES.items():
        communes[username] = f.unit(name, UnitKind.COMMUNE_PARTY_COMMITTEE, province, since=JULY)
        account(username, Role.ORG_STAFF, communes[username])
    account("tinhuy.tuyenquang", Role.ORG_STAFF, province)
    return {"province": province, "communes": communes}


def define_and_send(page: Any, base: str) -> int:
    """The province's commission defines the form (its JSON) and sends it to its communes."""
    page.goto(f"{base}/yeu-cau-bao-cao/bieu-mau/moi/")
    form = page.locator("form", has=page.locator("[name=spec]"))
    form.locator("[name=spec]").fill(json.dumps(SURVEY, ensure_ascii=False, indent=2))
    form.get_by_role("button", name="Lưu biểu mẫu").click()
    page.wait_for_load_state()
    assert "/yeu-cau-bao-cao/gui/" in page.url, page.locator("main").inner_text()[:2000]
    form = page.locator("form", has=page.locator("[name=deadline]"))
    form.locator("[name=form]").select_option(label=f"{TITLE} (phiên bản 1)")
    form.locator("[name=target_kind]").select_option("commune_party_committee")
    form.locator("[name=title]").fill(TITLE)
    form.locator("[name=deadline]").fill((TODAY + dt.timedelta(days=10)).isoformat())
    form.locator("[name=note]").fill("Báo cáo phục vụ tổng kết thi hành Điều lệ Đảng.")
    shot(page, "a_request_new")
    form.get_by_role("button", name="Gửi yêu cầu").click()
    page.wait_for_load_state()
    text = page.locator("main").inner_text()
    assert "Đã gửi yêu cầu báo cáo" in text, text[:2000]
    assert "tới 3 đơn vị" in text, text[:2000]
    return int(page.url.rstrip("/").rsplit("/", 1)[-1])


def open_report(page: Any, base: str) -> str:
    """A commune's clerk opens the report its commune must answer, from the list."""
    page.goto(f"{base}/yeu-cau-bao-cao/")
    page.get_by_role("link", name=TITLE).first.click()
    page.wait_for_load_state()
    assert "/yeu-cau-bao-cao/bao-cao/" in page.url
    return str(page.url)


def fill_in_the_browser(browser: Any, base: str) -> None:
    """Minh Quang fills the report on a phone: a draft first, then submitted on time."""
    page = login(browser, base, "xa.minhquang", viewport=PHONE, is_mobile=True, has_touch=True)
    open_report(page, base)
    form = page.locator("form.survey-form")
    form.locator("[name=f_so_chi_bo]").fill("12")
    form.locator("[name=f_ty_le_sinh_hoat]").fill("95,5")
    form.get_by_role("button", name="Lưu nháp").click()
    page.wait_for_load_state()
    assert page.locator("[name=f_so_chi_bo]").input_value() == "12"  # the draft kept
    form = page.locator("form.survey-form")
    form.locator("[name=f_danh_gia]").select_option(label="Tốt")
    form.locator("[name=f_kien_nghi]").fill("Sớm ban hành hướng dẫn sinh hoạt chi bộ thôn ghép.")
    no_sideways_scroll(page)
    shot(page, "a_fill_phone")
    form.get_by_role("button", name="Nộp báo cáo").click()
    page.wait_for_load_state()
    text = page.locator("main").inner_text()
    assert "Đã lưu báo cáo" in text and "Đã nộp đúng hạn" in text, text[:2000]
    assert "Nhập trên trình duyệt" in page.locator("main").inner_text()
    # A submitted report is not changed: a correction is a new version, with its reason.
    form = page.locator("form.survey-form")
    assert form.get_by_role("button", name="Gửi bản đính chính").count() == 1
    form.locator("[name=f_so_chi_bo]").fill("13")
    form.get_by_role("button", name="Gửi bản đính chính").click()
    page.wait_for_load_state()
    assert page.locator("[role=status] .errors, .messages .errors").count() == 1  # no reason
    form = page.locator("form.survey-form")
    form.locator("[name=f_so_chi_bo]").fill("13")
    form.locator("[name=reason]").fill("Sáp nhập hai chi bộ thôn, thống kê lại số chi bộ")
    form.get_by_role("button", name="Gửi bản đính chính").click()
    page.wait_for_load_state()
    versions = page.locator("section[aria-labelledby=ver-h] tbody tr")
    assert versions.count() == 2, page.locator("main").inner_text()[:2000]
    corrected = versions.filter(has_text="Sáp nhập hai chi bộ thôn")
    assert corrected.count() == 1 and corrected.locator("td").first.inner_text().startswith("2")
    page.context.close()


def spreadsheet(body: bytes, answers: dict[str, Any]) -> bytes:
    """The downloaded spreadsheet with the answers written in the answer column (D)."""
    book = load_workbook(io.BytesIO(body))
    sheet = book.worksheets[0]
    seen = set()
    for row in sheet.iter_rows():
        key = row[0].value
        if key in answers:
            row[3].value = answers[key]
            seen.add(key)
    assert seen == set(answers), f"rows not found in the spreadsheet: {set(answers) - seen}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(page: Any, body: bytes, name: str) -> None:
    form = page.locator("form[enctype='multipart/form-data']")
    form.locator("input[type=file]").set_input_files(
        {
            "name": name,
            "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "buffer": body,
        }
    )
    form.get_by_role("button", name="Tải lên").click()
    page.wait_for_load_state()


def fill_by_spreadsheet(browser: Any, base: str) -> None:
    """Yên Minh, after the deadline: the spreadsheet downloaded, filled offline, a copy with a
    rate over 100% refused whole (row and column named), the right copy accepted, late."""
    page = login(browser, base, "xa.yenminh", viewport=DESKTOP)
    url = open_report(page, base)
    assert "Quá hạn, chưa nộp" in page.locator("main").inner_text()
    href = page.get_by_role("link", name="Tải tệp Excel của đơn vị").get_attribute("href")
    blank = fetch(page, base, href, "XLSX")
    answers = {"so_chi_bo": 8, "ty_le_sinh_hoat": 120, "danh_gia": "Khá", "kien_nghi": ""}
    upload(page, spreadsheet(blank, answers), "yen-minh-sai.xlsx")
    problems = page.locator("section.errors table")
    assert problems.count() == 1, page.locator("main").inner_text()[:2000]
    row = problems.locator("tbody tr").first.inner_text()
    assert "D" in row and "Tỷ lệ chi bộ sinh hoạt định kỳ" in row, row
    assert "Chưa nộp" not in row
    shot(page, "a_upload_refused")
    page.goto(url)
    assert "Quá hạn, chưa nộp" in page.locator("main").inner_text()  # nothing stored
    answers["ty_le_sinh_hoat"] = 87.5
    answers["kien_nghi"] = "Bổ sung kinh phí hoạt động cho chi bộ vùng cao."
    upload(page, spreadsheet(blank, answers), "yen-minh.xlsx")
    text = page.locator("main").inner_text()
    assert "Đã nhận báo cáo từ tệp Excel" in text and "Đã nộp muộn" in text, text[:2000]
    assert "Tải lên tệp Excel" in text
    page.context.close()


def days_pass(request_id: int) -> None:
    """Five days pass (the server runs on the real clock, so the dates move back instead): the
    request was sent five days ago, what was submitted so far three days ago, and the
    deadline was yesterday."""
    from django.db.models import F

    from canbo.surveys import models as sm

    early = TODAY - dt.timedelta(days=3)
    sm.SurveyRequest.objects.filter(pk=request_id).update(
        as_of=TODAY - dt.timedelta(days=5), deadline=TODAY - dt.timedelta(days=1)
    )
    done = sm.Assignment.objects.filter(request_id=request_id, first_submitted_on__isnull=False)
    assert done.update(first_submitted_on=early) == 1
    sm.Submission.objects.filter(assignment__request_id=request_id).update(
        submitted_on=early, submitted_at=F("submitted_at") - dt.timedelta(days=3)
    )


def test_a_survey_sent_to_the_communes_is_filled_and_the_province_sees_the_aggregate(
    live_server: Any, browser: Any
) -> None:
    from canbo.surveys import models as sm

    survey_world()
    base = live_server.url
    page = login(browser, base, "tinhuy.tuyenquang", viewport=DESKTOP)
    request_id = define_and_send(page, base)

    fill_in_the_browser(browser, base)
    days_pass(request_id)
    fill_by_spreadsheet(browser, base)

    page.goto(f"{base}/yeu-cau-bao-cao/{request_id}/")
    main = page.locator("main").inner_text()
    late = page.locator("section[aria-labelledby=late-h]").inner_text()
    assert "Đảng bộ xã Yên Minh: Đã nộp muộn" in late, late
    assert "Đảng bộ xã Na Hang: Quá hạn, chưa nộp" in late, late
    assert "Minh Quang" not in late
    assert "Tổng hợp (2 đơn vị đã nộp)" in main, main[:3000]
    total = page.locator("section[aria-labelledby=total-h]")
    chi_bo = total.locator("tr", has_text="Số chi bộ trực thuộc").inner_text()
    assert "21" in chi_bo and "8 – 13" in chi_bo, chi_bo  # 13 (corrected) + 8; smallest – largest
    rate = total.locator("tr", has_text="Tỷ lệ chi bộ sinh hoạt").inner_text()
    assert "91,5" in rate, rate  # (95.5 + 87.5) / 2, Vietnamese decimal comma
    judged = total.locator("tr", has_text="Đánh giá chung").inner_text()
    assert "Tốt: 1" in judged and "Khá: 1" in judged, judged
    total.locator("summary", has_text="ý kiến").first.click()
    opinions = total.locator("tr", has_text="Kiến nghị").inner_text()
    assert "Đảng bộ xã Yên Minh: Bổ sung kinh phí" in opinions, opinions
    assert "Đảng bộ xã Minh Quang: Sớm ban hành" in opinions, opinions
    shot(page, "a_overview")

    # The province reminds the commune that has not started; the reminder is recorded.
    page.get_by_role("button", name="Nhắc các đơn vị đã chọn").click()
    page.wait_for_load_state()
    assert "Đã gửi lời nhắc" in page.locator("main").inner_text()
    assert sm.Reminder.objects.count() == 1

    links = page.locator("main a")
    cells = xlsx_cells(
        fetch(page, base, links.filter(has_text="Tải Excel").first.get_attribute("href"), "XLSX")
    )
    numbers = [
        v for r in cells for v in r if isinstance(v, int | float) and not isinstance(v, bool)
    ]
    assert 21 in numbers, cells[:40]  # a real number, not text
    flat = " ".join(str(v) for r in cells for v in r if v is not None)
    assert "Đảng bộ xã Na Hang" in flat and "Số chi bộ trực thuộc" in flat
    words = pdf_words(
        fetch(page, base, links.filter(has_text="Tải PDF").first.get_attribute("href"), "PDF")
    )
    assert TITLE.upper() in words and "ĐẢNG BỘ TỈNH TUYÊN QUANG" in words, words[:2000]
    assert "Đảng bộ xã Yên Minh Đã nộp muộn" in words, words[:2000]
    assert "Đảng bộ xã Na Hang Quá hạn, chưa nộp" in words, words[:2000]
    assert "Số chi bộ trực thuộc 2 21" in words and "T/M" in words, words[:2000]


# --- (b) statistics before and after the reorganization --------------------------------------


def stats_world() -> dict[str, Any]:
    """Hà Giang (three members in Yên Minh) and the former Tuyên Quang (two in Minh Quang)
    merged into the new province of Tuyên Quang on 01/07/2025 through the registry's own use
    case; one member admitted in Minh Quang in March 2026 (probationary)."""
    from canbo.core.registry import UnitVersionData
    from canbo.core.types import Interval, Sex
    from canbo.registry import models as reg
    from canbo.registry.uow import DjangoRegistryUnitOfWork
    from canbo.services.ports import SYSTEM
    from canbo.services.registry.reorganizing import merge_units

    central = f.unit(
        "Ban Chấp hành Trung ương", UnitKind.CENTRAL_COMMITTEE, level=LevelClass.CENTRAL
    )
    ha_giang = f.unit("Đảng bộ tỉnh Hà Giang", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central)
    old = f.unit("Đảng bộ tỉnh Tuyên Quang", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central)
    yen_minh = f.unit("Đảng bộ xã Yên Minh", UnitKind.COMMUNE_PARTY_COMMITTEE, ha_giang)
    na_po = f.unit("Chi bộ thôn Na Pô", UnitKind.CELL, yen_minh)
    minh_quang = f.unit("Đảng bộ xã Minh Quang", UnitKind.COMMUNE_PARTY_COMMITTEE, old)
    khuon = f.unit("Chi bộ thôn Khuôn Khương", UnitKind.CELL, minh_quang)
    f.person("Nguyễn Văn An", na_po)
    f.person("Trần Thị Bình", na_po, sex=Sex.FEMALE)
    f.person("Lê Văn Cường", na_po)
    f.person("Phạm Thị Dung", khuon, sex=Sex.FEMALE)
    f.person("Hoàng Văn Em", khuon)
    merged = UnitVersionData(
        code="TQ-2025",
        name="Đảng bộ tỉnh Tuyên Quang",
        kind=UnitKind.PROVINCIAL_PARTY_COMMITTEE,
        valid=Interval(JULY, None),
        parent_id=central,
        legal_basis="Nghị quyết số 202/2025/QH15",
    )
    province = merge_units(
        DjangoRegistryUnitOfWork(), SYSTEM, [ha_giang, old], merged, "Nghị quyết số 202/2025/QH15"
    )
    admitted = dt.date(2026, 3, 3)
    giang = f.person("Vũ Thị Giang", khuon, sex=Sex.FEMALE, since=admitted)
    reg.Person.objects.filter(pk=giang).update(
        party_admission_date=admitted, official_membership_date=None
    )
    account("tinhuy.tuyenquang", Role.ORG_STAFF, province)
    return {"province": province, "ha_giang": ha_giang, "old": old}


def figure(page: Any, table: str, row: str) -> str:
    """The first figure of a row of one table on the page."""
    line = page.locator(
        f"section[aria-labelledby={table}-h] tr", has=page.locator("th", has_text=row)
    )
    return str(line.first.locator("td").first.inner_text().strip())


def show(page: Any, unit: str | None, day: str) -> None:
    """Choose the unit (type-ahead picker) and the as-of date, all tables, and look."""
    from tests.e2e.test_journey_appointment import pick

    form = page.locator("form.filters")
    form.locator("[name=ngay]").fill(day)
    if unit is not None:
        form.locator("[data-picker] .picker-chosen li button").first.click()
        pick(form, "don_vi", [unit])
    form.locator("[name=bieu]").select_option("")
    form.get_by_role("button", name="Xem").click()
    page.wait_for_load_state()


def test_the_statistics_before_and_after_the_reorganization_and_their_comparison(
    live_server: Any, browser: Any
) -> None:
    stats_world()
    base = live_server.url
    page = login(browser, base, "tinhuy.tuyenquang", viewport=DESKTOP)
    page.goto(f"{base}/thong-ke/")

    # As of 31/12/2026: the merged province, all five tables.
    show(page, None, "2026-12-31")
    main = page.locator("main").inner_text()
    for n in range(1, 6):
        assert f"Biểu {n}-BTCTW" in main, main[:3000]
    assert figure(page, "bieu3", "Tổng số đảng viên") == "6"
    assert figure(page, "bieu3", "Nữ") == "3"
    assert figure(page, "bieu1", "A. Đảng viên đầu kỳ") == "5"
    assert figure(page, "bieu1", "Kết nạp") == "1"
    assert figure(page, "bieu1", "D. Đảng viên cuối kỳ") == "6"
    assert not re.search(r"\b(FRM|OR)-\d", main), "a bare rule ID on the page"
    shot(page, "b_stats_2026")
    links = page.locator("main a")
    cells = xlsx_cells(
        fetch(
            page, base, links.filter(has_text="Tải cả báo cáo (XLSX)").get_attribute("href"), "XLSX"
        )
    )
    by_label = {str(r[0]).strip(): r[1] for r in cells if r and r[0] is not None}
    assert by_label["Tổng số đảng viên"] == 6 and isinstance(by_label["Nữ"], int), by_label
    words = pdf_words(
        fetch(
            page, base, links.filter(has_text="Tải cả báo cáo (PDF)").get_attribute("href"), "PDF"
        )
    )
    assert "BIỂU 1-BTCTW" in words and "31/12/2026" in words, words[:2000]
    assert "ĐẢNG BỘ TỈNH TUYÊN QUANG" in words, words[:2000]

    # As of 31/12/2024 the new province did not exist: refused on the page, by name.
    show(page, None, "2024-12-31")
    refusal = page.locator("[role=alert]").inner_text()
    assert "không tồn tại" in refusal, refusal
    # Its predecessor Hà Giang on that day: three members.
    show(page, "Đảng bộ tỉnh Hà Giang", "2024-12-31")
    assert page.locator("#report-h").inner_text() == "Đảng bộ tỉnh Hà Giang"
    assert figure(page, "bieu3", "Tổng số đảng viên") == "3"
    shot(page, "b_stats_2024_ha_giang")
    href = page.locator("section[aria-labelledby=bieu3-h] a", has_text="XLSX").get_attribute("href")
    cells = xlsx_cells(fetch(page, base, href, "XLSX"))
    assert {str(r[0]).strip(): r[1] for r in cells if r and r[0] is not None}[
        "Tổng số đảng viên"
    ] == 3

    # The comparison across the reorganization: the new province against the sum of Hà Giang
    # and the former Tuyên Quang on 31/12/2024, restated (OR-21).
    page.goto(f"{base}/thong-ke/so-sanh/")
    form = page.locator("form.filters")
    form.locator("[name=truoc]").fill("2024-12-31")
    form.locator("[name=sau]").fill("2026-12-31")
    form.get_by_role("button", name="So sánh").click()
    page.wait_for_load_state()
    main = page.locator("main").inner_text()
    assert "Đảng bộ tỉnh Hà Giang — toàn bộ" in main and "tính lại" in main, main[:3000]
    total = page.locator(
        "section[aria-labelledby=bieu3-h] tr", has=page.locator("th", has_text="Tổng số đảng viên")
    )
    assert [c.strip() for c in total.first.locator("td").all_inner_texts()] == ["5", "6", "1"]
    shot(page, "b_stats_compare")
