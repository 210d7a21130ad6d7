"""The sector's forms on paper (statistics tables, results reports, the work programme's
summary, classification lists share one layout): numbers written the Vietnamese way and set
flush right, sub-rows indented, and the signatures never alone on the last page (DOC-11)."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from pypdf import PdfReader

from canbo import spreadsheets as xl
from canbo.classification.form_layout import number_text
from canbo.classification.outputs import Form, pdf_bytes

SIGNATURE = "NGƯỜI LẬP BIỂU"


def _form(rows: list[list[Any]]) -> Form:
    columns = [
        xl.Column("Chỉ tiêu", width=56),
        xl.Column("Số lượng", xl.INTEGER, 16),
        xl.Column("Tỷ lệ (%)", xl.NUMBER, 16),
    ]
    return Form(
        "Đảng bộ tỉnh Tuyên Quang", "Biểu 2-BTCTW: Đảng viên mới kết nạp",
        "Số liệu tính đến ngày 31/12/2026", columns, rows, "TRƯỞNG BAN TỔ CHỨC",
        dt.date(2026, 12, 31),
    )  # fmt: skip


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _x_of(pdf: bytes, word: str) -> float:
    """Where ``word`` starts on the first page (points from the left edge)."""
    found: list[float] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip().startswith(word):
            found.append(float(tm[4]))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    assert found, word
    return found[0]


@pytest.mark.parametrize(
    ("value", "text"),
    [(1199, "1.199"), (1234567, "1.234.567"), (48.39, "48,39"), (87.1, "87,1"), (0.0, "0"),
     (1234.5, "1.234,5"), (0, "0")],
)  # fmt: skip
def test_a_number_on_paper_is_grouped_with_dots_and_has_a_decimal_comma(
    value: float, text: str
) -> None:
    assert number_text(value) == text


def test_the_table_prints_thousands_and_shares_the_vietnamese_way() -> None:
    rows: list[list[Any]] = [
        ["Tổng số đảng viên", 1199, None],
        ["    Nữ", 15, 48.39],
        ["    Dân tộc thiểu số", 15, 0.0],
    ]
    flat = " ".join(" ".join(_pages(pdf_bytes(_form(rows)))).split())
    assert "1.199" in flat and "48,39" in flat
    assert "1199" not in flat and "48.39" not in flat and "0.0" not in flat


def test_a_sub_row_of_a_statistics_table_is_indented_under_its_parent() -> None:
    rows: list[list[Any]] = [["Tổng số đảng viên", 31, None], ["    Nữ", 15, 48.39]]
    pdf = pdf_bytes(_form(rows))
    assert _x_of(pdf, "Nữ") > _x_of(pdf, "Tổng số") + 5


@pytest.mark.parametrize("count", range(12, 40, 3))
def test_the_signatures_share_their_page_with_the_last_rows_of_the_table(count: int) -> None:
    rows: list[list[Any]] = [[f"Chỉ tiêu số {n:02d}", n, None] for n in range(1, count + 1)]
    pages = _pages(pdf_bytes(_form(rows)))
    signed = [p for p in pages if SIGNATURE in p]
    assert len(signed) == 1
    assert f"Chỉ tiêu số {count:02d}" in signed[0] and f"Chỉ tiêu số {count - 1:02d}" in signed[0]


def test_a_table_of_seventeen_rows_and_its_signatures_fit_one_landscape_page() -> None:
    rows: list[list[Any]] = [[f"Chỉ tiêu số {n:02d}", n, None] for n in range(1, 18)]
    pages = _pages(pdf_bytes(_form(rows)))
    assert len(pages) == 1 and SIGNATURE in pages[0]
