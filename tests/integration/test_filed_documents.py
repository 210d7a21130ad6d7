"""Documents that can be filed: the counting minutes follow the presentation rules of Party
documents (header, number, place and date, title, signature blocks "T/M" with full names),
carry the time and place of counting, name the counting committee by full name from the
registry (never a login name), cite regulations by document and article (never an internal
rule ID), and no table header breaks inside a word. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from canbo.accounts.models import RoleGrant
from canbo.audit.models import AuditEntry
from canbo.classification import outputs
from canbo.classification.selectors import Stats, UnitReview
from canbo.core.types import Role
from canbo.registry.models import Person
from canbo.services.ports import SYSTEM
from canbo.services.voting import sessions as vote_svc
from canbo.voting import models
from canbo.voting.minutes_layout import HEAD
from canbo.voting.uow import DjangoVotingUnitOfWork

from .voting_builders import Hall, check_in, close_and_count, hall, make_key

pytestmark = pytest.mark.django_db(transaction=True)

RESULTS = Path(__file__).resolve().parents[2] / "test-results"
RULE_ID = re.compile(r"\b(?:[A-Z]{2,4}-\d{2,3}|[A-Z]{2,3}\d{2,3}_\d{4}|[a-z]+(?:_[a-z]+){2,})\b")
"""A handbook rule ID (CV-07, EL-30), a rulebook ID (QD96_2023) or a machine code."""


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def split_words(text: str, headers: tuple[str, ...] | list[str]) -> list[str]:
    """Header words printed broken across two lines: two consecutive tokens that only make a
    header word together ("Khôn" + "g", "Khôn-" + "g")."""
    words = {w for h in headers for w in h.split()}
    tokens = text.split()
    return [
        a + b
        for a, b in itertools.pairwise(tokens)
        if (a + b in words or a.rstrip("-") + b in words) and a not in words
    ]


def counted_minutes() -> Hall:
    h = hall(convened=9)
    codes = check_in(h, h.persons[:7])
    vote_svc.mark_ready(DjangoVotingUnitOfWork(), SYSTEM, h.session)
    make_key(h)
    vote_svc.open_vote(DjangoVotingUnitOfWork(), SYSTEM, h.session)
    for i, code in enumerate(codes):
        marks = {int(p): ("high", "mid", "low")[(i + j) % 3] for j, p in enumerate(h.subjects)}
        vote_svc.cast_ballot(DjangoVotingUnitOfWork(), h.session, code, marks)
    close_and_count(h)
    return h


def minutes(h: Hall, username: str = "kiemphieu1") -> str:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    response = client.get(f"/bo-phieu/{h.session}/bien-ban-kiem-phieu.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"bien-ban-kiem-phieu-{username}.pdf").write_bytes(response.content)
    return pdf_text(response.content)


def test_the_minutes_name_the_counting_committee_by_full_name_with_time_and_place() -> None:
    h = counted_minutes()
    head, member = models.CountingMember.objects.filter(session_id=h.session).order_by("pk")
    head.person = Person.objects.get(full_name="Phạm Quốc Dũng")
    head.save()
    member.user.first_name, member.user.last_name = "Hoàng Thị", "Lan"
    member.user.save()

    text = minutes(h)
    flat = " ".join(text.split())
    assert "Đồng chí Phạm Quốc Dũng - Trưởng ban" in flat
    assert "Đồng chí Hoàng Thị Lan - Ủy viên" in flat
    assert "kiemphieu" not in text  # no login name anywhere
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in flat and "BAN KIỂM PHIẾU" in flat
    assert "Số ......-BB/BKP" in flat and "Yên Minh, ngày 20 tháng 11 năm 2026" in flat
    assert "T/M BAN KIỂM PHIẾU TRƯỞNG BAN" in flat and "CHỦ TRÌ HỘI NGHỊ" in flat
    at = timezone.localtime(
        AuditEntry.objects.get(action="vote.count", object_id=str(h.session)).at
    )
    when = f"Vào hồi {at.hour:02d} giờ {at.minute:02d} phút, ngày {at.day:02d} tháng {at.month:02d}"
    assert when in flat
    assert "tại Hội trường Đảng ủy xã, Yên Minh, Ban kiểm phiếu tiến hành kiểm phiếu" in flat
    # Signature blocks carry both full names below the room to sign.
    assert flat.rindex("Phạm Quốc Dũng") > flat.index("T/M BAN KIỂM PHIẾU")
    assert flat.rindex("Hoàng Thị Lan") > flat.index("CÁC ỦY VIÊN BAN KIỂM PHIẾU")
    # Citations name the regulation and the article, never an internal rule ID.
    assert "QĐ 96-QĐ/TW, Điều" in flat
    assert not RULE_ID.findall(flat)
    assert not split_words(text, HEAD)


def test_a_member_without_a_name_leaves_a_line_to_write_on_never_the_login() -> None:
    h = counted_minutes()
    text = minutes(h, "kiemphieu2")
    flat = " ".join(text.split())
    assert "kiemphieu" not in text
    assert "Đồng chí " + "." * 40 + " - Trưởng ban" in flat
    assert "Đồng chí " + "." * 40 + " - Ủy viên" in flat


def test_the_results_spreadsheet_holds_numbers_and_percentages_with_formats() -> None:
    h = counted_minutes()
    client = Client()
    client.force_login(get_user_model().objects.get(username="kiemphieu1"))
    response = client.get(f"/bo-phieu/{h.session}/ket-qua.xlsx")
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ws is not None
    header = next(r for r in range(1, 12) if ws.cell(r, 1).value == "STT")
    assert ws.freeze_panes == f"A{header + 1}" and ws.print_title_rows == f"${header}:${header}"
    assert "KẾT QUẢ KIỂM PHIẾU" in ws["A2"].value
    first = ws[header + 1]
    assert isinstance(first[0].value, int) and isinstance(first[3].value, int)
    assert first[3].number_format == "#,##0" and first[6].number_format == "0.00%"
    assert 0 <= first[6].value <= 1  # a percentage is a fraction Excel formats, not "85,71%"
    assert first[11].value in {
        "Không thuộc diện xem xét",
        "Trên 1/2 phiếu tín nhiệm thấp",
        "Từ 2/3 phiếu tín nhiệm thấp trở lên",
    }
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage


def test_the_classification_forms_carry_their_heading_and_no_header_word_breaks() -> None:
    rows = [
        {"kind": kind, "total": 40, "classified": 36, "pending": 2, "exempt": 2,
         **{c: 9 for c in ("HTXS", "HTT", "HT", "KHT")},
         **{f"{c}_pct": "25,00" for c in ("HTXS", "HTT", "HT", "KHT")}}
        for kind in ("collective", "leader", "individual")
    ]  # fmt: skip
    cycle = SimpleNamespace(year=2025)
    form = outputs.stats_form(Stats(cycle, 1, "Đảng bộ xã Yên Minh", rows, True))  # type: ignore[arg-type]
    text = pdf_text(outputs.pdf_bytes(form))
    flat = " ".join(text.split())
    assert "ĐẢNG BỘ XÃ YÊN MINH" in flat and "ĐẢNG CỘNG SẢN VIỆT NAM" in flat
    assert "BIỂU THỐNG KÊ KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG Năm 2025" in flat
    assert "NGƯỜI LẬP BIỂU" in flat and "TRƯỞNG BAN TỔ CHỨC" in flat
    assert not split_words(text, form.header)
    ws = load_workbook(io.BytesIO(outputs.xlsx_bytes(form))).active
    assert ws is not None and ws["A1"].value == "ĐẢNG BỘ XÃ YÊN MINH"
    assert ws["B6"].value == 40 and ws["E6"].value == pytest.approx(0.25)
    subjects = [
        SimpleNamespace(name=name, kind=kind, proposed_level=level, final_level=level,
                        version=1, exemption=exemption)
        for name, kind, level, exemption in LIST
    ]  # fmt: skip
    review = UnitReview(cycle, 1, "Chi bộ thôn Na Pô", subjects, [], True, False)  # type: ignore[arg-type]
    listing = outputs.list_form(review)
    pdf = outputs.pdf_bytes(listing)
    (RESULTS / "danh-sach-xep-loai.pdf").write_bytes(pdf)
    text = pdf_text(pdf)
    flat = " ".join(text.split())
    assert "DANH SÁCH KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG Năm 2025" in flat
    assert "CHI BỘ THÔN NA PÔ" in flat and "T/M CHI BỘ BÍ THƯ" in flat
    assert not split_words(text, listing.header)


LIST = [
    ("Chi bộ thôn Na Pô", "collective", 2, ""),
    ("Nguyễn Thị Hoa", "leader", 1, ""),
    ("Trần Văn Bình", "individual", 2, ""),
    ("Lê Minh Châu", "individual", 3, ""),
    ("Phạm Quốc Dũng", "member_outside", None, "admitted_lt_6_months"),
    ("Hoàng Thị Lan", "individual", 2, ""),
]


def test_invitations_print_one_a5_sheet_per_person_convened_for_those_who_run_it() -> None:
    h = hall(convened=3)
    staff = get_user_model().objects.create_user("bantochuc", password="mat-khau-dai-1")
    RoleGrant.objects.create(
        user=staff, role=Role.ORG_STAFF, unit_id=h.unit, valid_from=dt.date(2020, 1, 1)
    )
    client = Client()
    client.force_login(staff)
    detail = client.get(f"/hoi-nghi/{h.conference}/").content.decode()
    assert f"/hoi-nghi/{h.conference}/giay-trieu-tap/" in detail
    page = client.get(f"/hoi-nghi/{h.conference}/giay-trieu-tap/").content.decode()
    assert page.count("data-invitation=") == 3 and page.count("<svg") >= 3
    assert "GIẤY TRIỆU TẬP" in page and "ĐẢNG CỘNG SẢN VIỆT NAM" in page
    assert "Yên Minh, ngày 20 tháng 11 năm 2026" in page and "data-print" in page
    assert "web/print.css" in page and "Nguyễn Thị Hoa" in page
    css = (Path(settings.BASE_DIR) / "web/static/web/print.css").read_text()
    assert "@page invitation { size: A5 portrait" in css and "@media print" in css
    # The counting committee sees the conference but does not run it: no invitations (QR).
    counter = Client()
    counter.force_login(get_user_model().objects.get(username="kiemphieu1"))
    assert counter.get(f"/hoi-nghi/{h.conference}/giay-trieu-tap/").status_code == 403
