"""The test corpus generator: deterministic from its seed, and what it draws is its ground truth."""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pytest

from canbo.paper.corpus import (
    LINE_STYLES,
    MARK_STYLES,
    STRESS,
    Profile,
    Style,
    choose,
    fill,
    make_sheet,
    rasterize,
)
from canbo.paper.layout import BallotKind, Box, Layout
from tests.unit.paper.printed import printed

DPI = 100  # small pages: the geometry is what is tested here


@pytest.fixture(scope="module")
def confidence() -> tuple[bytes, Layout, np.ndarray]:
    pdf, layout = printed(BallotKind.CONFIDENCE)
    doc = pdfium.PdfDocument(pdf)
    clean = rasterize(doc, 0, DPI)
    doc.close()
    return pdf, layout, clean


@pytest.fixture(scope="module")
def strike_out() -> tuple[bytes, Layout, np.ndarray]:
    pdf, layout = printed(BallotKind.STRIKE_OUT)
    doc = pdfium.PdfDocument(pdf)
    clean = rasterize(doc, 0, DPI)
    doc.close()
    return pdf, layout, clean


def ink(image: np.ndarray, clean: np.ndarray, box: Box, scale: float) -> float:
    """How much darker ``box`` is than on the printed page (sum of gray levels lost / area)."""
    y0, y1 = int(box.y * scale), int((box.y + box.h) * scale) + 1
    x0, x1 = int(box.x * scale), int((box.x + box.w) * scale) + 1
    lost = clean[y0:y1, x0:x1].astype(int) - image[y0:y1, x0:x1].astype(int)
    return float(np.clip(lost, 0, None).sum()) / lost.size


def test_a_sheet_made_twice_from_the_same_seed_is_the_same_file(confidence):
    pdf, layout, _ = confidence
    doc = pdfium.PdfDocument(pdf)
    try:
        first = make_sheet(layout, doc, 1, Profile.SCANNER, seed=7, dpi=DPI)
        again = make_sheet(layout, doc, 1, Profile.SCANNER, seed=7, dpi=DPI)
        other = make_sheet(layout, doc, 1, Profile.SCANNER, seed=8, dpi=DPI)
    finally:
        doc.close()
    assert first[0].data == again[0].data
    assert first[1] == again[1]
    assert first[0].data != other[0].data


def test_the_ground_truth_draws_every_value_and_style_of_its_ballot(confidence, strike_out):
    rng = np.random.default_rng(3)
    seen = set()
    for _ in range(40):
        seen |= {(t.value, t.style) for t in choose(confidence[1], 1, rng, STRESS)}
    assert {v for v, _ in seen} == {"high", "mid", "low", "blank", "several"}
    assert {s for _, s in seen} == {str(s) for s in (*MARK_STYLES, Style.NONE)}
    struck = set()
    for _ in range(20):
        struck |= {(t.value, t.style) for t in choose(strike_out[1], 1, rng, STRESS)}
    assert {v for v, _ in struck} == {"kept", "struck"}
    assert {s for _, s in struck} == {str(s) for s in (*LINE_STYLES, Style.NONE)}


@pytest.mark.parametrize("style", ["tick", "cross", "filled", "pencil"])
def test_a_mark_lands_in_the_chosen_box_and_nowhere_else(confidence, style):
    _, layout, clean = confidence
    scale = clean.shape[1] / layout.pages[0].width_mm
    rows = layout.pages[0].rows
    values = ("high", "mid", "low", "blank")
    choices = {r.order: values[i % 4] for i, r in enumerate(rows)}
    image = fill(layout, clean, choices, style, np.random.default_rng(5))
    for row in rows:
        for key, box in row.boxes.items():
            if key == choices[row.order]:
                assert ink(image, clean, box, scale) > 3, (row.order, key)
            else:
                assert ink(image, clean, box, scale) < 0.5, (row.order, key)


def test_several_marks_and_a_corrected_mark_are_drawn_as_their_truth_says(confidence):
    _, layout, clean = confidence
    scale = clean.shape[1] / layout.pages[0].width_mm
    rows = layout.pages[0].rows
    choices = {r.order: ("several" if r.order % 2 else "low") for r in rows}
    styles = {r.order: ("tick" if r.order % 2 else "corrected") for r in rows}
    image = fill(layout, clean, choices, styles, np.random.default_rng(9))
    for row in rows:
        inked = {k: ink(image, clean, b, scale) for k, b in row.boxes.items()}
        marked = sorted(k for k, v in inked.items() if v > 3)
        if choices[row.order] == "several":
            assert len(marked) >= 2, inked
        else:  # the truth ("low") marked, one other box scribbled over, more heavily
            assert len(marked) == 2 and "low" in marked, inked
            other = next(k for k in marked if k != "low")
            assert inked[other] > inked["low"]


def test_struck_names_carry_a_line_and_kept_names_none(strike_out):
    _, layout, clean = strike_out
    scale = clean.shape[1] / layout.pages[0].width_mm
    rows = layout.pages[0].rows
    choices = {r.order: ("struck" if r.order % 3 == 0 else "kept") for r in rows}
    styles = {r.order: ("line" if r.order % 3 == 0 else "none") for r in rows}
    image = fill(layout, clean, choices, styles, np.random.default_rng(2))
    for row in rows:
        if choices[row.order] == "struck":
            assert ink(image, clean, row.name_box, scale) > 1
        else:
            assert ink(image, clean, row.name_box, scale) == 0


def test_stray_marks_stay_out_of_every_box_and_name(confidence):
    _, layout, clean = confidence
    scale = clean.shape[1] / layout.pages[0].width_mm
    rows = layout.pages[0].rows
    image = fill(
        layout, clean, {r.order: "blank" for r in rows}, "none", np.random.default_rng(4), strays=12
    )
    assert (image != clean).any()
    for row in rows:
        for box in (row.name_box, *row.boxes.values()):
            assert ink(image, clean, box, scale) == 0


@pytest.mark.parametrize("profile", [Profile.SCANNER, Profile.PHONE])
def test_a_degraded_sheet_is_a_jpeg_larger_than_the_page(confidence, profile):
    pdf, layout, clean = confidence
    doc = pdfium.PdfDocument(pdf)
    try:
        scan, truth = make_sheet(layout, doc, 0, profile, seed=1, dpi=DPI)
    finally:
        doc.close()
    image = scan.image()
    assert scan.data[:2] == b"\xff\xd8" and scan.suffix == ".jpg"
    assert image.shape[0] >= clean.shape[0] and image.shape[1] >= clean.shape[1]
    assert truth.profile == str(profile) and truth.dpi == DPI and truth.page == 1
    assert [t.order for t in truth.rows] == [r.order for r in layout.pages[0].rows]
