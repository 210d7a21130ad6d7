"""Printing paper ballots: pagination, geometry a machine can read, serials, the names file."""

from __future__ import annotations

import io
import itertools
import random

import numpy as np
import pypdfium2 as pdfium
import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from canbo.core.errors import ImportRejected, ValidationError
from canbo.paper.layout import BallotKind, Box, Layout, parse_code
from canbo.paper.printing import GEOMETRY, BallotSpec, Candidate, parse_names, plan, render

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Vũ", "Võ"]
GIVEN = ["Ánh", "Bảo", "Cường", "Dũng", "Hạnh", "Nguyệt", "Quỳnh", "Ỷ", "Đạt", "Ước"]


def names(count: int) -> tuple[Candidate, ...]:
    rng = random.Random(count)
    return tuple(
        Candidate(i, f"{rng.choice(SURNAMES)} Văn {rng.choice(GIVEN)} {i}", "Phó Chủ tịch")
        for i in range(1, count + 1)
    )


def _inside(inner: Box, outer: Box) -> bool:
    return (
        inner.x >= outer.x - 1e-6
        and inner.y >= outer.y - 1e-6
        and inner.x + inner.w <= outer.x + outer.w + 1e-6
        and inner.y + inner.h <= outer.y + outer.h + 1e-6
    )


def _apart(a: Box, b: Box, gap: float) -> bool:
    return (
        a.x + a.w + gap <= b.x
        or b.x + b.w + gap <= a.x
        or a.y + a.h + gap <= b.y
        or b.y + b.h + gap <= a.y
    )


def test_120_names_on_a5_run_over_balanced_pages_in_order() -> None:
    layout = plan(BallotSpec(BallotKind.CONFIDENCE, names(120), paper="a5"))
    per_page = GEOMETRY["a5"].rows_per_page()
    assert len(layout.pages) == -(-120 // per_page) > 1
    sizes = [len(p.rows) for p in layout.pages]
    assert max(sizes) - min(sizes) <= 1  # no page with one lonely name
    assert [r.order for r in layout.rows] == list(range(1, 121))
    for page in layout.pages:
        assert all(r.page == page.page for r in page.rows)
        assert page.code == layout.pages[0].code and page.marks == layout.pages[0].marks
        # rows stack down the page without overlapping, inside the frame of the marks
        ys = [r.row.y for r in page.rows]
        assert ys == sorted(ys)
        g = GEOMETRY["a5"]
        assert page.rows[-1].row.y + page.rows[-1].row.h <= g.bottom + 1e-6


def test_every_page_repeats_the_heading_and_the_table_header() -> None:
    job = render(BallotSpec(BallotKind.CONFIDENCE, names(120), paper="a5"), 1, random.Random(1))
    reader = PdfReader(io.BytesIO(job.pdf))
    assert len(reader.pages) == len(job.layout.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        for words in ("PHIẾU LẤY PHIẾU TÍN NHIỆM", "STT", "Tín nhiệm", "thấp", "ĐẢNG CỘNG SẢN"):
            assert words in text, (number, words)
        assert f"Trang {number}/{len(reader.pages)}" in text


@pytest.mark.parametrize("kind", list(BallotKind))
@pytest.mark.parametrize("paper", ["a4", "a5"])
def test_the_geometry_is_made_for_machine_reading(kind: BallotKind, paper: str) -> None:
    layout = plan(BallotSpec(kind, names(40), seats=30, paper=paper))
    g = GEOMETRY[paper]
    sheet = Box(0, 0, g.width, g.height)
    printable = Box(5, 5, g.width - 10, g.height - 10)  # what any printer prints
    for page in layout.pages:
        assert len(page.marks) == 4
        tl, tr, br, bl = page.marks
        assert tl.x < tr.x and tl.y < bl.y and br.x == tr.x and br.y == bl.y
        for mark in page.marks:
            assert _inside(mark, printable) and mark.w >= 5
        assert page.code.w >= 15 and _inside(page.code, sheet)
        for row in page.rows:
            assert _inside(row.name_box, row.row)
            for mark in page.marks:
                assert _apart(row.row, mark, 3)
            assert _apart(row.row, page.code, 3)
            boxes = list(row.boxes.values())
            assert len(boxes) == {"confidence": 3, "approval": 2, "strike-out": 0}[kind]
            for box in boxes:
                assert box.w >= 6 and box.h >= 6
                assert _inside(box, row.row) and _apart(box, row.name_box, 2)
                assert box.y - row.row.y >= 1 and row.row.y + row.row.h - box.y - box.h >= 1
            for a, b in itertools.pairwise(boxes):
                assert _apart(a, b, 4)


def test_serials_are_unique_sorted_and_the_sheets_are_printed_shuffled() -> None:
    spec = BallotSpec(BallotKind.APPROVAL, names(3), paper="a5")
    job = render(spec, 12, random.Random(7))
    assert len(set(job.serials)) == 12 and job.serials == sorted(job.serials)
    doc = pdfium.PdfDocument(job.pdf)
    printed = []
    for page in doc:
        image = np.asarray(page.render(scale=150 / 72, grayscale=True).to_pil())
        found = zxingcpp.read_barcodes(image)
        code = parse_code(found[0].text)
        assert code is not None and code.layout_id == job.layout.layout_id
        printed.append(code.serial)
    assert sorted(printed) == job.serials
    assert printed != job.serials  # not the sorted order
    expected = sorted(job.serials)
    random.Random(7).shuffle(expected)
    assert printed == expected  # the order is the shuffle's, nothing else


def test_a_multi_page_ballot_shares_one_serial_across_its_pages() -> None:
    job = render(BallotSpec(BallotKind.CONFIDENCE, names(30), paper="a5"), 2, random.Random(1))
    pages = len(job.layout.pages)
    assert pages > 1
    doc = pdfium.PdfDocument(job.pdf)
    assert len(doc) == 2 * pages
    codes = []
    for page in doc:
        image = np.asarray(page.render(scale=150 / 72, grayscale=True).to_pil())
        code = parse_code(zxingcpp.read_barcodes(image)[0].text)
        assert code is not None
        codes.append((code.serial, code.page))
    assert [p for _, p in codes] == list(range(1, pages + 1)) * 2
    assert len({s for s, _ in codes[:pages]}) == 1 and codes[0][0] != codes[pages][0]


def test_the_marks_and_the_code_print_where_the_layout_says() -> None:
    job = render(BallotSpec(BallotKind.CONFIDENCE, names(5), paper="a4"), 1, random.Random(1))
    page = job.layout.pages[0]
    image = np.asarray(
        pdfium.PdfDocument(job.pdf)[0].render(scale=150 / 72, grayscale=True).to_pil()
    )
    px = 150 / 25.4
    for mark in page.marks:
        x, y = mark.centre
        assert image[int(y * px), int(x * px)] < 60
        # quiet zone: white 2 mm outside the mark
        assert image[int((mark.y - 2) * px), int(x * px)] > 200
    found = zxingcpp.read_barcodes(image)[0].position.top_left
    assert abs(found.x - page.code.x * px) < 4 and abs(found.y - page.code.y * px) < 4
    for box in page.rows[0].boxes.values():
        x, y = box.centre
        assert image[int(y * px), int(x * px)] > 200  # an empty box is white inside
        assert image[int(box.y * px), int(x * px)] < 100  # and has a printed edge


def test_a_strike_out_ballot_needs_the_number_to_elect() -> None:
    with pytest.raises(ValidationError) as caught:
        plan(BallotSpec(BallotKind.STRIKE_OUT, names(5)))
    assert caught.value.code == "paper_ballot_options"
    with pytest.raises(ValidationError):
        plan(BallotSpec(BallotKind.STRIKE_OUT, names(5), seats=6))
    layout = plan(BallotSpec(BallotKind.STRIKE_OUT, names(5), seats=3))
    assert layout.seats == 3 and all(not r.boxes for r in layout.rows)


def test_the_names_file_is_read_in_order_and_bad_rows_are_named() -> None:
    text = "\ufefforder,name,position\n2,Trần Thị Ỷ,\n1,Nguyễn Văn Ánh,Bí thư Tỉnh ủy\n"
    got = parse_names(text)
    assert [(c.order, c.name, c.position) for c in got] == [
        (1, "Nguyễn Văn Ánh", "Bí thư Tỉnh ủy"),
        (2, "Trần Thị Ỷ", ""),
    ]
    bad = "order,name,position\n1,Lê Văn A,\nx,Lê Văn B,\n1,Lê Văn C,\n4,,\n"
    with pytest.raises(ImportRejected) as caught:
        parse_names(bad)
    where = [(e.row, e.column, e.code) for e in caught.value.errors]
    assert where == [(3, "order", "order_invalid"), (4, "order", "order_duplicate"),
                     (5, "name", "required")]  # fmt: skip
    with pytest.raises(ImportRejected) as caught:
        parse_names("stt,name\n1,A\n")
    assert [(e.row, e.column) for e in caught.value.errors] == [(1, "order"), (1, "stt")]


def test_a_reprint_of_a_layout_keeps_its_geometry_and_draws_new_serials() -> None:
    spec = BallotSpec(BallotKind.CONFIDENCE, names(8), paper="a4")
    first = render(spec, 3, random.Random(1))
    again = render(spec, 3, random.Random(1), layout=Layout.from_json(first.layout.to_json()))
    assert again.layout.fingerprint() == first.layout.fingerprint()
    assert not set(first.serials) & set(again.serials)


@settings(max_examples=60, deadline=None)
@given(count=st.integers(1, 400), paper=st.sampled_from(["a4", "a5"]))
def test_any_list_is_paged_whole_in_order_with_balanced_pages(count: int, paper: str) -> None:
    layout = plan(BallotSpec(BallotKind.APPROVAL, names(count), paper=paper))
    g = GEOMETRY[paper]
    assert [r.order for r in layout.rows] == list(range(1, count + 1))
    sizes = [len(p.rows) for p in layout.pages]
    assert min(sizes) >= 1 and max(sizes) - min(sizes) <= 1
    assert max(sizes) <= g.rows_per_page()
    assert len(layout.pages) == -(-count // g.rows_per_page())


THREE = (Candidate(1, "Nguyễn Văn An"), Candidate(2, "Trần Thị Bình"), Candidate(3, "Lê Văn Cường"))


def _first_page_text(spec: BallotSpec) -> str:
    job = render(spec, 1, random.Random(1), layout=plan(spec, layout_id="L1"))
    return PdfReader(io.BytesIO(job.pdf)).pages[0].extract_text()


def _congress(kind: BallotKind, seats: int, heading: str = "") -> BallotSpec:
    return BallotSpec(
        kind,
        THREE,
        title="Ban Chấp hành Đảng bộ xã khóa XV",
        organization="ĐẢNG BỘ XÃ AN PHÚ",
        superior="ĐẢNG BỘ HUYỆN",
        seats=seats,
        session="S7",
        heading=heading,
    )


def test_a_congress_election_ballot_prints_exactly_as_before() -> None:
    # The text of the page as printed before ballots could carry their own heading.
    assert _first_page_text(_congress(BallotKind.STRIKE_OUT, 2)) == (
        "ĐẢNG BỘ HUYỆN\nĐẢNG BỘ XÃ AN PHÚ\n *\nĐẢNG CỘNG SẢN VIỆT NAM\nDấu của\n cấp ủy\n"
        "triệu tập\nPHIẾU BẦU CỬ\nBan Chấp hành Đảng bộ xã khóa XV\n Số lượng cần bầu: 2 đồng chí\n"
        "Đồng ý bầu ai thì để nguyên họ tên người đó; không đồng ý bầu ai thì gạch ngang cả họ\n"
        "và tên người đó. Không ghi thêm tên ngoài danh sách.\nSTT\nHọ và tên\n1\nNguyễn Văn An\n"
        "2\nTrần Thị Bình\n3\nLê Văn Cường\n"
    )
    assert _first_page_text(_congress(BallotKind.APPROVAL, 3)) == (
        "ĐẢNG BỘ HUYỆN\nĐẢNG BỘ XÃ AN PHÚ\n *\nĐẢNG CỘNG SẢN VIỆT NAM\nDấu của\n cấp ủy\n"
        "triệu tập\nPHIẾU BẦU CỬ\nBan Chấp hành Đảng bộ xã khóa XV\n Số lượng cần bầu: 3 đồng chí\n"
        "Ở mỗi người, đánh dấu X vào một trong hai ô: Đồng ý hoặc Không đồng ý. Không gạch\n"
        "tên, không ghi thêm tên.\nSTT\nHọ và tên\nĐồng ý\nKhông\nđồng ý\n1\nNguyễn Văn An\n"
        "2\nTrần Thị Bình\n3\nLê Văn Cường\n"
    )


def test_a_nomination_ballot_is_headed_with_its_own_title_and_nominates() -> None:
    text = _first_page_text(_congress(BallotKind.STRIKE_OUT, 1, "Phiếu giới thiệu nhân sự"))
    assert "PHIẾU GIỚI THIỆU NHÂN SỰ" in text
    assert "Số người cần giới thiệu: 01" in text
    assert "giữ lại họ và tên người được giới thiệu" in text.replace("\n", " ").lower()
    for election in ("PHIẾU BẦU CỬ", "cần bầu", "bầu ai", "đồng chí"):
        assert election not in text, election


@pytest.mark.parametrize(
    ("heading", "capitals"),
    [("Phiếu lấy ý kiến", "PHIẾU LẤY Ý KIẾN"), ("Phiếu biểu quyết", "PHIẾU BIỂU QUYẾT")],
)
def test_an_opinion_or_decision_ballot_has_agree_boxes_and_no_number_to_elect(
    heading: str, capitals: str
) -> None:
    text = _first_page_text(_congress(BallotKind.APPROVAL, 3, heading))
    assert capitals in text
    assert "Đồng ý" in text and "Không" in text
    for election in ("PHIẾU BẦU CỬ", "cần bầu", "đồng chí"):
        assert election not in text, election
