"""The machine reader on a handful of synthetic sheets: marks, blanks, several marks, a
correction, struck names, turned and upside-down sheets, and every refusal of bad input."""

from __future__ import annotations

import random

import cv2
import numpy as np
import pytest
import segno

from canbo.paper.layout import BallotKind
from canbo.paper.reading import SheetStatus, crop, overlay, read_image, read_images

from .sheets import fill_box, make_layout, render, rotate, strike, tick

SERIAL = "ABCDEFGHIJKL"
CONFIDENCE = make_layout(BallotKind.CONFIDENCE, rows=8)
STRIKE = make_layout(BallotKind.STRIKE_OUT, rows=8)


def values(sheet):
    return {m.order: m.value for m in sheet.marks}


@pytest.fixture(scope="module")
def voted():
    """Row 1 high, row 2 low (ticks), row 3 mid (a filled box), row 4 two ticks, the rest blank."""
    image = render(CONFIDENCE, SERIAL)
    rows = CONFIDENCE.pages[0].rows
    tick(image, rows[0].boxes["high"])
    tick(image, rows[1].boxes["low"])
    fill_box(image, rows[2].boxes["mid"])
    tick(image, rows[3].boxes["high"])
    tick(image, rows[3].boxes["mid"])
    return image


def test_clear_marks_blank_rows_and_several_marks_are_read(voted):
    sheet = read_image(CONFIDENCE, voted, file="a.png")
    assert sheet.status == SheetStatus.READ and sheet.reason == "ok"
    assert sheet.serial == SERIAL and sheet.layout_page == 1
    assert values(sheet) == {1: "high", 2: "low", 3: "mid", 4: "several"} | {
        n: "blank" for n in range(5, 9)
    }
    assert all(m.certainty >= 0.5 for m in sheet.marks) and sheet.review == ()


def test_an_upside_down_sheet_is_turned_and_read(voted):
    sheet = read_image(CONFIDENCE, np.ascontiguousarray(voted[::-1, ::-1]))
    assert sheet.status == SheetStatus.READ and sheet.reason == "upside_down_fixed"
    assert values(sheet)[1] == "high" and values(sheet)[4] == "several"


def test_a_sheet_turned_by_four_degrees_and_at_150_dpi_is_read():
    image = render(CONFIDENCE, SERIAL, dpi=150)
    tick(image, CONFIDENCE.pages[0].rows[5].boxes["low"], dpi=150)
    sheet = read_image(CONFIDENCE, rotate(image, 4.0))
    assert sheet.status == SheetStatus.READ
    assert values(sheet) == {n: "blank" for n in range(1, 9)} | {6: "low"}


def test_a_faint_smudge_in_a_box_goes_to_review_never_a_guess():
    image = render(CONFIDENCE, SERIAL)
    box = CONFIDENCE.pages[0].rows[1].boxes["mid"]
    s = 200 / 25.4
    cv2.circle(image, (round((box.x + 3) * s), round((box.y + 3) * s)), 4, 40, -1)
    sheet = read_image(CONFIDENCE, image)
    assert sheet.status == SheetStatus.REVIEW and sheet.reason == "unclear_marks"
    assert sheet.review == (2,) and values(sheet)[2] == "unclear"
    assert next(m for m in sheet.marks if m.order == 2).certainty < 0.5


def test_a_box_scribbled_over_its_border_beside_a_tick_reads_the_tick():
    image = render(CONFIDENCE, SERIAL)
    row = CONFIDENCE.pages[0].rows[0]
    s = 200 / 25.4
    b = row.boxes["high"]
    cv2.rectangle(image, (round((b.x - 1) * s), round((b.y - 0.5) * s)),
                  (round((b.x + b.w + 1) * s), round((b.y + b.h + 0.5) * s)), 25, -1)  # fmt: skip
    tick(image, row.boxes["low"])
    assert values(read_image(CONFIDENCE, image))[1] == "low"


def test_a_struck_name_is_struck_and_the_others_kept():
    image = render(STRIKE, SERIAL)
    strike(image, STRIKE.pages[0].rows[2].name_box)
    sheet = read_image(STRIKE, image)
    assert sheet.status == SheetStatus.READ
    assert values(sheet) == {n: "kept" for n in range(1, 9)} | {3: "struck"}


def test_a_sheet_of_another_layout_is_refused():
    other = make_layout(BallotKind.CONFIDENCE, rows=8, layout_id="fedcba9876543210")
    sheet = read_image(CONFIDENCE, render(other, SERIAL))
    assert sheet.status == SheetStatus.REFUSED and sheet.reason == "other_layout"
    assert sheet.marks == ()


def _with_code(text):
    image = render(CONFIDENCE, SERIAL)
    code = CONFIDENCE.pages[0].code
    s = 200 / 25.4
    matrix = np.array(list(segno.make(text, error="q", boost_error=False).matrix), np.uint8)
    side = round(code.w * s)
    x, y = round(code.x * s), round(code.y * s)
    image[y : y + side, x : x + side] = cv2.resize(
        (1 - matrix) * 255, (side, side), interpolation=0
    )
    return image


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (f"CB1|{CONFIDENCE.layout_id}|1|{SERIAL}|000000", "bad_code"),
        (f"CB2|{CONFIDENCE.layout_id}|1|{SERIAL}|abcdef", "unknown_layout"),
        ("https://example.org/", "no_code"),
    ],
)
def test_a_damaged_foreign_or_unknown_version_code_is_refused(text, reason):
    sheet = read_image(CONFIDENCE, _with_code(text))
    assert (sheet.status, sheet.reason) == (SheetStatus.REFUSED, reason)


def test_a_blank_page_and_a_photo_of_something_else_are_refused():
    blank = np.full((2339, 1654), 250, np.uint8)
    assert read_image(CONFIDENCE, blank).reason == "blank_page"
    other = blank.copy()
    rng = np.random.default_rng(1)
    for _ in range(40):
        x, y = (int(v) for v in rng.integers(0, 1600, 2))
        cv2.circle(other, (x, y), int(rng.integers(10, 80)), int(rng.integers(0, 120)), -1)
    sheet = read_image(CONFIDENCE, other)
    assert (sheet.status, sheet.reason) == (SheetStatus.REFUSED, "no_code")


def test_a_torn_corner_is_read_from_three_marks_and_two_torn_corners_are_refused(voted):
    s = 200 / 25.4
    page = CONFIDENCE.pages[0]
    one = voted.copy()
    bl = page.marks[3]
    one[round((bl.y - 2) * s) :, : round((bl.x + bl.w + 2) * s)] = 255  # bottom-left torn off
    sheet = read_image(CONFIDENCE, one)
    assert sheet.status == SheetStatus.READ and values(sheet)[4] == "several"
    two = one.copy()
    br = page.marks[2]
    two[round((br.y - 2) * s) :, round((br.x - 2) * s) :] = 255  # and bottom-right
    sheet = read_image(CONFIDENCE, two)
    assert (sheet.status, sheet.reason) == (SheetStatus.REFUSED, "marks_not_found")
    assert sheet.serial == SERIAL


def test_a_batch_refuses_a_duplicate_serial_reports_a_corrupt_pdf_and_goes_on(tmp_path, voted):
    cv2.imwrite(str(tmp_path / "1.png"), voted)
    (tmp_path / "2.pdf").write_bytes(b"%PDF-1.4 not really")
    cv2.imwrite(str(tmp_path / "3.png"), voted)  # the same sheet scanned twice
    cv2.imwrite(str(tmp_path / "4.jpg"), render(CONFIDENCE, "MNOPQRSTUVWX"))
    seen: list[int] = []
    sheets = list(read_images(CONFIDENCE, [tmp_path], progress=lambda n, _: seen.append(n)))
    assert [(s.status, s.reason) for s in sheets] == [
        (SheetStatus.READ, "ok"),
        (SheetStatus.REFUSED, "corrupt_file"),
        (SheetStatus.REFUSED, "duplicate_serial"),
        (SheetStatus.READ, "ok"),
    ]
    assert sheets[1].file.endswith("2.pdf") and seen == [1, 2, 3, 4]
    again = list(read_images(CONFIDENCE, [tmp_path / "4.jpg"], seen_serials={"MNOPQRSTUVWX/1"}))
    assert again[0].reason == "duplicate_serial"


def test_the_printed_pdf_is_read_page_by_page(tmp_path):
    from canbo.paper import printing

    names = tuple(printing.Candidate(i, f"Nguyễn Văn Ân {i}", "Bí thư") for i in range(1, 4))
    spec = printing.BallotSpec(kind=BallotKind.CONFIDENCE, candidates=names, title="Thử")
    job = printing.render(spec, 2, random.Random(3))
    (tmp_path / "scan.pdf").write_bytes(job.pdf)
    sheets = list(read_images(job.layout, [tmp_path / "scan.pdf"]))
    assert [s.page for s in sheets] == [1, 2]
    assert all(s.status == SheetStatus.READ for s in sheets)
    assert sorted(s.serial for s in sheets) == sorted(job.serials)
    assert all(m.value == "blank" for s in sheets for m in s.marks)


def test_crop_and_overlay_are_pngs_of_the_straightened_sheet(voted):
    row_png = crop(CONFIDENCE, voted, 4)
    assert row_png.startswith(b"\x89PNG")
    row = cv2.imdecode(np.frombuffer(row_png, np.uint8), cv2.IMREAD_UNCHANGED)
    assert row.shape[1] > 3 * row.shape[0]  # a row: wide and low
    sheet = read_image(CONFIDENCE, voted)
    picture = cv2.imdecode(np.frombuffer(overlay(CONFIDENCE, voted, sheet), np.uint8), 1)
    assert picture.ndim == 3 and (picture[:, :, 1] > picture[:, :, 0] + 60).any()  # green drawn


def test_a_stroke_wandering_up_to_the_rule_does_not_strike_the_name_above():
    image = render(STRIKE, SERIAL)
    below = STRIKE.pages[0].rows[3].name_box
    s = 200 / 25.4
    y = below.y + 0.5  # the next name's stroke, drawn high, touching the rule between the rows
    cv2.line(image, (round((below.x + 1) * s), round(y * s)),
             (round((below.x + 60) * s), round(y * s)), 20, 4, cv2.LINE_AA)  # fmt: skip
    read = values(read_image(STRIKE, image))
    assert read[3] == "kept" and read[4] != "kept"


def _cells(*cells):
    from canbo.paper.reading import _Cell

    return [_Cell(key, covered, mean, spill) for key, covered, mean, spill in cells]


BOX, SPILL = (0.03, 0.07), (0.3, 0.5)


def test_filled_boxes_of_unequal_darkness_kept_inside_are_several_marks():
    from canbo.paper.reading import _row_value

    row = _cells(("high", 0.95, 0.82, 0.0), ("mid", 0.75, 0.5, 0.02), ("low", 0.0, 0.0, 0.0))
    assert _row_value(row, BOX, SPILL) == "several"


@pytest.mark.parametrize(
    "lighter, scribble_spill",
    [
        (0.4, 0.0),  # a tick beside a scribble kept inside its box: too light to be a second fill
        (0.5, 0.26),  # dark enough, but the filled box's ink runs towards its border
    ],
)
def test_a_filled_box_beside_a_lighter_mark_that_may_be_a_correction_goes_to_review(
    lighter, scribble_spill
):
    from canbo.paper.reading import _row_value

    row = _cells(("high", 1.0, 0.85, scribble_spill), ("mid", 0.5, lighter, 0.0))
    assert _row_value(row, BOX, SPILL) == "unclear"
