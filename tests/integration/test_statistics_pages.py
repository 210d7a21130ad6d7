"""The statistics pages, spreadsheets and PDF over the registry (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from canbo.core.types import Role, Sex
from tests.factories import person, small_tree
from tests.integration.record_builders import client_as

from .test_statistics import _merge, _move_commune

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():  # type: ignore[no-untyped-def]
    t = small_tree()
    person("Nguyễn Văn An", t.cell_a)
    person("Trần Thị Bình", t.cell_a, sex=Sex.FEMALE)
    _move_commune(t.commune, t.tuyen_quang_new, dt.date(2025, 7, 1))
    _merge([t.ha_giang, t.tuyen_quang_old], t.tuyen_quang_new, dt.date(2025, 7, 1), {})
    return t


def test_the_page_shows_the_tables_of_the_unit_as_of_the_date(tree) -> None:  # type: ignore[no-untyped-def]
    client = client_as(Role.ORG_STAFF, tree.tuyen_quang_new)
    page = client.get(f"/thong-ke/?don_vi=id:{tree.tuyen_quang_new}&ngay=2026-12-31")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Biểu 1-BTCTW" in text and "Biểu 5-BTCTW" in text
    assert "Đảng viên cuối kỳ" in text
    assert "so-sanh" in text  # after the reorganization: a link to the comparison


def test_a_unit_that_did_not_exist_then_is_refused_on_the_page(tree) -> None:  # type: ignore[no-untyped-def]
    client = client_as(Role.ORG_STAFF, tree.tuyen_quang_new)
    page = client.get(f"/thong-ke/?don_vi=id:{tree.tuyen_quang_new}&ngay=2024-12-31")
    assert page.status_code == 200
    assert "không tồn tại vào ngày 31/12/2024" in page.content.decode()


def test_the_spreadsheet_holds_numbers_as_numbers(tree) -> None:  # type: ignore[no-untyped-def]
    client = client_as(Role.ORG_STAFF, tree.tuyen_quang_new)
    got = client.get(f"/thong-ke/xuat/{tree.tuyen_quang_new}/tat-ca.xlsx?ngay=2026-12-31")
    assert got.status_code == 200
    book = load_workbook(io.BytesIO(got.content))
    assert book.sheetnames == ["bieu1", "bieu2", "bieu3", "bieu4", "bieu5"]
    sheet = book["bieu3"]
    values = {str(r[0]).strip(): r[1] for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert values["Tổng số đảng viên"] == 2
    assert isinstance(values["Nữ"], int)
    assert sheet.page_setup.orientation == "landscape"


def test_the_pdf_is_a_document_of_the_table(tree) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    client = client_as(Role.ORG_STAFF, tree.tuyen_quang_new)
    got = client.get(f"/thong-ke/xuat/{tree.tuyen_quang_new}/bieu1.pdf?ngay=2026-12-31")
    assert got.status_code == 200 and got.content.startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(got.content)).pages)
    assert "BIỂU 1-BTCTW" in text and "NGƯỜI LẬP BIỂU" in text and "TRƯỞNG BAN TỔ CHỨC" in text


def test_the_comparison_page_shows_restated_figures(tree) -> None:  # type: ignore[no-untyped-def]
    client = client_as(Role.ORG_STAFF, tree.tuyen_quang_new)
    url = f"/thong-ke/so-sanh/?don_vi=id:{tree.tuyen_quang_new}&truoc=2024-12-31&sau=2026-12-31"
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Đảng bộ tỉnh Hà Giang" in text and "tính lại" in text


def test_an_actor_of_another_province_cannot_download(tree) -> None:  # type: ignore[no-untyped-def]
    client = client_as(Role.ORG_STAFF, tree.ha_giang)
    got = client.get(f"/thong-ke/xuat/{tree.tuyen_quang_new}/bieu1.xlsx?ngay=2026-12-31")
    assert got.status_code == 404


def test_the_first_visit_counts_nothing_and_offers_the_own_unit(tree) -> None:  # type: ignore[no-untyped-def]
    client = client_as(Role.ORG_STAFF, tree.tuyen_quang_new)
    text = client.get("/thong-ke/").content.decode()
    assert "Biểu 1-BTCTW" not in text
    assert f"don_vi=id%3A{tree.tuyen_quang_new}" in text
