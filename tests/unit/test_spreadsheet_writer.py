"""Every exported sheet is written one way (canbo.spreadsheets.write_sheet): numbers and dates
are real cells with number formats, never text; a heading block above a frozen header row that
repeats on every printed page; borders; A4 print setup fitted to the page's width."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from canbo import spreadsheets as xl
from canbo.classification import io as calc_io
from canbo.registry.io_files import write_table


@pytest.mark.parametrize(
    ("value", "kind", "stored"),
    [
        ("12", xl.INTEGER, 12),
        ("1.234,5", xl.DECIMAL, 1234.5),
        ("85,71%", xl.PERCENT, 0.8571),
        (50, xl.PERCENT, 0.5),
        ("05/02/2026", xl.DATE, dt.date(2026, 2, 5)),
        ("2026-02-05", xl.DATE, dt.date(2026, 2, 5)),
        ("—", xl.INTEGER, "—"),
        ("007", xl.TEXT, "007"),
        ("", xl.INTEGER, None),
    ],
)
def test_cells_hold_numbers_and_dates_not_text(value: object, kind: str, stored: object) -> None:
    got = xl.cell_value(value, kind)
    assert got == pytest.approx(stored) if isinstance(stored, float) else got == stored


COLUMNS = [
    xl.Column("STT", xl.INTEGER),
    xl.Column("Họ và tên"),
    xl.Column("Ngày sinh", xl.DATE),
    xl.Column("Tỷ lệ", xl.PERCENT),
    xl.Column("Điểm", xl.DECIMAL),
]
ROWS = [["1", "=Nguyễn Văn An", "05/02/1980", "85,71%", "7,5"]]


def test_a_sheet_has_its_heading_a_frozen_repeated_header_borders_and_print_setup() -> None:
    data = xl.workbook_bytes([("Danh sách", COLUMNS, ROWS, ["CHI BỘ 1", "DANH SÁCH", "Năm 2025"])])
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None
    assert [ws.cell(r, 1).value for r in (1, 2, 3)] == ["CHI BỘ 1", "DANH SÁCH", "Năm 2025"]
    assert ws["A1"].font.b and ws["A4"].value is None
    assert [c.value for c in ws[5]] == [c.title for c in COLUMNS]
    assert ws.freeze_panes == "A6" and ws.print_title_rows == "$5:$5"
    number, name, born, share, score = ws[6]
    assert (number.value, number.number_format) == (1, "#,##0")
    assert (name.value, name.data_type) == ("=Nguyễn Văn An", "s")  # text, never a formula
    assert born.value.date() == dt.date(1980, 2, 5) and born.number_format == "dd/mm/yyyy"
    assert share.value == pytest.approx(0.8571) and share.number_format == "0.00%"
    assert score.value == 7.5 and score.number_format == "#,##0.00"
    assert all(c.border.left.style == "thin" for c in (*ws[5], *ws[6]))
    setup = ws.page_setup
    assert (setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (9, 1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.HeaderFooter.oddFooter.center.text == "Trang &P / &N"


def test_a_wide_sheet_prints_landscape_and_a_narrow_one_portrait() -> None:
    wide = [xl.Column(f"Cột {i}", width=20) for i in range(8)]
    for columns, orientation in ((wide, "landscape"), (COLUMNS[:2], "portrait")):
        ws = load_workbook(io.BytesIO(xl.workbook_bytes([("x", columns, [], [])]))).active
        assert ws is not None and ws.page_setup.orientation == orientation


def test_files_read_back_keep_their_header_on_row_1_and_print_their_heading(
    tmp_path: Path,
) -> None:
    path = tmp_path / "people.xlsx"
    write_table(path, ["code", "born_on", "name"], [["007", dt.date(1980, 2, 5), "Lê Thị Hoa"]])
    ws = load_workbook(path).active
    assert ws is not None
    assert [c.value for c in ws[1]] == ["code", "born_on", "name"] and ws.freeze_panes == "A2"
    assert ws["A2"].value == "007" and ws["B2"].number_format == "dd/mm/yyyy"
    assert "people" in ws.HeaderFooter.oddHeader.center.text
    # The calculator's template: Vietnamese headings that name the key they are read by.
    template = tmp_path / "mau.xlsx"
    calc_io.write_xlsx(template, [("input", ["id", "tasks_total"], [["1", "5"]])],
                       frozenset({"tasks_total"}), labelled=True)  # fmt: skip
    ws = load_workbook(template).active
    assert ws is not None
    assert [c.value for c in ws[1]] == ["Mã đối tượng (id)", "Tổng số nhiệm vụ (tasks_total)"]
    assert (ws["A2"].value, ws["B2"].value) == ("1", 5)
    header, rows = calc_io.read_table(template)
    assert header == ["id", "tasks_total"] and rows == [{"id": "1", "tasks_total": "5"}]


def test_streaming_and_ordinary_sheets_are_written_alike() -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("x")
    assert xl.write_sheet(sheet, COLUMNS, ROWS, heading=["A"]) == 1
    out = io.BytesIO()
    book.save(out)
    ws = load_workbook(out).active
    assert ws is not None and ws.freeze_panes == "A4" and ws["D4"].number_format == "0.00%"
