"""A report form is named for a clerk by its title and version: the request page's choice
list and the aggregate's spreadsheet heading carry no machine code ("dieu_le v1"); the index
shows the code only labelled as the form's code, for whoever defines its next version."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from canbo.core.types import Role
from tests.integration.record_builders import client_as
from tests.integration.test_surveys import send
from tests.integration.test_surveys import world as world

pytestmark = pytest.mark.django_db


def test_the_request_page_offers_the_form_by_title_and_version(world) -> None:  # type: ignore[no-untyped-def]
    send(world)
    page = client_as(Role.ORG_STAFF, world["province"], "tinhuy").get("/yeu-cau-bao-cao/gui/")
    text = page.content.decode()
    assert "Khảo sát thi hành Điều lệ Đảng (phiên bản 1)</option>" in text
    assert "dieu_le v1" not in text


def test_the_index_labels_the_form_code(world) -> None:  # type: ignore[no-untyped-def]
    send(world)
    text = client_as(Role.ORG_STAFF, world["province"], "tinhuy").get("/yeu-cau-bao-cao/")
    assert 'mã biểu mẫu <code translate="no">dieu_le</code>' in text.content.decode()


def test_the_aggregate_spreadsheet_names_the_form_by_its_title(world) -> None:  # type: ignore[no-untyped-def]
    request_id = send(world)
    client = client_as(Role.ORG_STAFF, world["province"], "tinhuy")
    book = load_workbook(
        io.BytesIO(client.get(f"/yeu-cau-bao-cao/{request_id}/tong-hop.xlsx").content)
    )
    heading = str(book.worksheets[0]["A3"].value)
    assert heading.startswith("Biểu mẫu: Khảo sát thi hành Điều lệ Đảng, phiên bản 1;")
    assert "dieu_le" not in heading


def test_the_aggregate_spreadsheet_shows_averages_with_two_decimals(world) -> None:  # type: ignore[no-untyped-def]
    request_id = send(world)
    client = client_as(Role.ORG_STAFF, world["province"], "tinhuy")
    book = load_workbook(
        io.BytesIO(client.get(f"/yeu-cau-bao-cao/{request_id}/tong-hop.xlsx").content)
    )
    sheet = book.worksheets[1]
    header = [c.value for c in next(r for r in sheet.iter_rows() if r[0].value == "Mục")]
    column = header.index("Trung bình") + 1
    formats = {sheet.cell(row=r, column=column).number_format for r in range(6, 10)}
    assert formats == {"#,##0.00"}


def test_the_aggregate_on_paper_carries_the_opinions_by_unit_and_room_to_sign(world) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from canbo.services.surveys import submissions
    from tests.integration.test_surveys import NOW, SENT, assignment, staff, uow

    request_id = send(world)
    answers = {"so_chi_bo": 8, "danh_gia": "tot", "kien_nghi": "Bổ sung kinh phí cho chi bộ"}
    an = assignment(request_id, world["an"])
    submissions.submit(uow(), staff(world["an"]), an, answers, now=NOW, today=SENT)
    client = client_as(Role.ORG_STAFF, world["province"], "tinhuy")
    pdf = client.get(f"/yeu-cau-bao-cao/{request_id}/tong-hop.pdf").content
    words = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Ý kiến của các đơn vị" in words and "Bổ sung kinh phí cho chi bộ" in words
    assert "Đảng bộ xã An Tường" in words
    assert "NGƯỜI TỔNG HỢP" in words and "." * 20 in words


@pytest.mark.parametrize(
    ("value", "text"), [(1785, "1.785"), (95.0666, "95,07"), (1234.5, "1.234,50"), (None, "")]
)
def test_figures_on_the_aggregates_paper_are_written_the_vietnamese_way(
    value: float | None, text: str
) -> None:
    from canbo.surveys.exports import _number

    assert _number(value) == text
