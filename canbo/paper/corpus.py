"""A test corpus of filled paper ballots with ground truth (the accuracy bench and its tests).

The printed PDF (:mod:`canbo.paper.printing`) is rasterized with pypdfium2 at the scan's dpi;
:func:`fill` draws a voter's marks on each row from the ground-truth choices, with realistic pen
strokes (:mod:`canbo.paper.pen`): a tick, a cross, a filled box, a light pencil mark, a corrected
mark (one box scribbled over, another marked: the truth is the second), several marks, a blank
row, a struck-out name (a wobbly line through it) and stray marks outside every box;
:func:`degrade` (:mod:`canbo.paper.degrade`) turns the page into a scanner output or a phone
photo. Everything follows from the seed: sheet ``i`` of a corpus uses the generator
``numpy.random.default_rng([seed, i])``, so one sheet can be made again alone.

Ground truth per row is the value a careful counting committee would record: ``high``/``mid``/
``low``/``blank``/``several`` (confidence), ``agree``/``disagree``/``blank``/``several``
(approval), ``kept``/``struck`` (strike-out).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

import numpy as np

from canbo.paper import pen
from canbo.paper.degrade import Profile, Scan, decode, degrade
from canbo.paper.layout import BallotKind, Box, Layout, NameRow

__all__ = [
    "MIXES",
    "REALISTIC",
    "STRESS",
    "Mix",
    "Profile",
    "RowTruth",
    "Scan",
    "SheetTruth",
    "Style",
    "choose",
    "decode",
    "degrade",
    "fill",
    "make_sheet",
    "rasterize",
    "write_corpus",
]

MM_PER_INCH = 25.4


class Style(StrEnum):
    TICK = "tick"
    CROSS = "cross"
    FILLED = "filled"
    PENCIL = "pencil"  # a light pencil tick or cross
    CORRECTED = "corrected"  # one box scribbled over, another marked
    LINE = "line"  # strike-out: one line through the name
    DOUBLE_LINE = "double-line"
    PENCIL_LINE = "pencil-line"
    NONE = "none"  # nothing drawn (blank, kept)


MARK_STYLES = (Style.TICK, Style.CROSS, Style.FILLED, Style.PENCIL, Style.CORRECTED)
LINE_STYLES = (Style.LINE, Style.DOUBLE_LINE, Style.PENCIL_LINE)


@dataclass(frozen=True)
class Mix:
    """How often each value and style is drawn."""

    name: str
    values: dict[BallotKind, tuple[tuple[str, ...], tuple[float, ...]]]
    marks: tuple[float, ...]  # weights of MARK_STYLES
    lines: tuple[float, ...]  # weights of LINE_STYLES
    strays: float  # the share of sheets with stray marks outside the boxes


# what counting committees see: mostly clean ticks and crosses, a few of everything else
REALISTIC = Mix(
    "realistic",
    {
        BallotKind.CONFIDENCE: (
            ("high", "mid", "low", "blank", "several"),
            (0.62, 0.2, 0.13, 0.035, 0.015),
        ),
        BallotKind.APPROVAL: (("agree", "disagree", "blank", "several"), (0.7, 0.25, 0.035, 0.015)),
        BallotKind.STRIKE_OUT: (("kept", "struck"), (0.7, 0.3)),
    },
    marks=(0.42, 0.42, 0.08, 0.07, 0.01),
    lines=(0.85, 0.1, 0.05),
    strays=0.1,
)
# every difficult style often: for the misreads per style
STRESS = Mix(
    "stress",
    {
        BallotKind.CONFIDENCE: (
            ("high", "mid", "low", "blank", "several"),
            (0.5, 0.2, 0.12, 0.1, 0.08),
        ),
        BallotKind.APPROVAL: (("agree", "disagree", "blank", "several"), (0.6, 0.25, 0.08, 0.07)),
        BallotKind.STRIKE_OUT: (("kept", "struck"), (0.65, 0.35)),
    },
    marks=(0.3, 0.3, 0.15, 0.13, 0.12),
    lines=(0.6, 0.2, 0.2),
    strays=0.35,
)
MIXES = {m.name: m for m in (REALISTIC, STRESS)}


@dataclass(frozen=True)
class RowTruth:
    order: int
    value: str
    style: str


@dataclass(frozen=True)
class SheetTruth:
    file: str
    profile: str
    dpi: int
    page: int
    serial: str | None
    strays: int
    rows: tuple[RowTruth, ...]

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["rows"] = [asdict(r) for r in self.rows]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SheetTruth:
        rows = tuple(RowTruth(**r) for r in data["rows"])
        return cls(**{**data, "rows": rows})


def rasterize(pdf: object, index: int, dpi: int) -> np.ndarray:
    """Page ``index`` (0-based) of a PDF (a ``pypdfium2.PdfDocument``) as grayscale pixels."""
    page = pdf[index]  # type: ignore[index]
    try:
        bitmap = page.render(scale=dpi / 72.0, grayscale=True)
        image = np.array(bitmap.to_numpy(), dtype=np.uint8)
    finally:
        page.close()
    if image.ndim == 3:
        image = image[:, :, 0] if image.shape[2] in (1, 4) else image.mean(axis=2).astype(np.uint8)
    return np.ascontiguousarray(image)


def choose(
    layout: Layout, page: int, rng: np.random.Generator, mix: Mix = REALISTIC
) -> tuple[RowTruth, ...]:
    """Random ground truth for the rows of one page: a value and the style it is drawn in."""
    values, weights = mix.values[layout.kind]
    several = np.array(mix.marks[:4]) / sum(mix.marks[:4])
    truth = []
    for row in layout.page(page).rows:
        value = str(rng.choice(values, p=weights))
        if value in ("blank", "kept"):
            style = Style.NONE
        elif layout.kind is BallotKind.STRIKE_OUT:
            style = Style(rng.choice(LINE_STYLES, p=mix.lines))
        elif value == "several":
            style = Style(rng.choice(MARK_STYLES[:4], p=several))
        else:
            style = Style(rng.choice(MARK_STYLES, p=mix.marks))
        truth.append(RowTruth(row.order, value, str(style)))
    return tuple(truth)


def _px(box: Box, scale: float) -> tuple[float, float, float, float]:
    return (box.x * scale, box.y * scale, box.w * scale, box.h * scale)


def _mark(
    image: np.ndarray, box: Box, style: Style, scale: float, rng: np.random.Generator
) -> None:
    """One voter's mark in a box."""
    px = _px(box, scale)
    if style is Style.PENCIL:
        tool = pen.Pen.pencil(rng, scale)
        paths = pen.tick(px, rng) if rng.random() < 0.5 else pen.cross(px, rng)
    elif style is Style.FILLED:
        tool = pen.Pen.felt(rng, scale) if rng.random() < 0.5 else pen.Pen.ballpoint(rng, scale)
        paths = pen.filled(px, rng, tool.width, rng.uniform(0.65, 0.95) - tool.width / px[2])
    else:
        tool = pen.Pen.ballpoint(rng, scale)
        paths = pen.tick(px, rng) if style is Style.TICK else pen.cross(px, rng)
    for path in paths:
        pen.draw(image, path, tool, rng)


def _scribble(image: np.ndarray, box: Box, scale: float, rng: np.random.Generator) -> None:
    """A box marked and then scribbled over to cancel it: dense, running over the edges."""
    px = _px(box, scale)
    tool = pen.Pen.ballpoint(rng, scale)
    for path in pen.cross(px, rng) + pen.filled(px, rng, tool.width * 0.8, rng.uniform(1.1, 1.3)):
        pen.draw(image, path, tool, rng)


def _strike(
    image: np.ndarray, row: NameRow, style: Style, scale: float, rng: np.random.Generator
) -> None:
    px = _px(row.name_box, scale)
    tool = (
        pen.Pen.pencil(rng, scale) if style is Style.PENCIL_LINE else pen.Pen.ballpoint(rng, scale)
    )
    length = rng.uniform(0.45, 0.95)
    for _ in range(2 if style is Style.DOUBLE_LINE else 1):
        for path in pen.line_through(px, rng, length):
            pen.draw(image, path, tool, rng)


def _fill_row(
    image: np.ndarray,
    row: NameRow,
    value: str,
    style: Style,
    scale: float,
    rng: np.random.Generator,
) -> None:
    if style is Style.NONE or value in ("blank", "kept"):
        return
    if style in LINE_STYLES or value == "struck":
        _strike(image, row, style if style in LINE_STYLES else Style.LINE, scale, rng)
        return
    keys = list(row.boxes)
    if value == "several":
        count = 3 if len(keys) > 2 and rng.random() < 0.2 else 2
        chosen = [str(k) for k in rng.choice(keys, size=count, replace=False)]
        for key in chosen:
            _mark(image, row.boxes[key], style, scale, rng)
        return
    if style is Style.CORRECTED:
        wrong = str(rng.choice([k for k in keys if k != value]))
        _scribble(image, row.boxes[wrong], scale, rng)
        style = Style(rng.choice((Style.TICK, Style.CROSS)))
    _mark(image, row.boxes[value], style, scale, rng)


def fill(
    layout: Layout,
    page_image: np.ndarray,
    choices: Mapping[int, str],
    style: str | Mapping[int, str],
    rng: np.random.Generator,
    *,
    strays: int = 0,
) -> np.ndarray:
    """A copy of the printed page ``page_image`` (grayscale, any dpi) with each row in ``choices``
    (order → ground-truth value) marked in ``style`` (one for all, or per order), and ``strays``
    stray marks outside every box and printed name."""
    rows = {r.order: r for r in layout.rows}
    page = layout.page(rows[next(iter(choices))].page) if choices else layout.pages[0]
    if any(rows[order].page != page.page for order in choices):
        raise ValueError("the choices of one fill are the rows of one page")
    image = page_image.copy()
    scale = image.shape[1] / page.width_mm  # px per mm
    for order, value in choices.items():
        row_style = style if isinstance(style, str) else style[order]
        _fill_row(image, rows[order], value, Style(row_style), scale, rng)
    for _ in range(strays):
        _stray(image, layout, page.page, scale, rng)
    return image


def _clear(box: tuple[float, float, float, float], keep_out: list[Box], gap: float) -> bool:
    x, y, w, h = box
    return all(
        x + w < b.x - gap or x > b.x + b.w + gap or y + h < b.y - gap or y > b.y + b.h + gap
        for b in keep_out
    )


def _stray(
    image: np.ndarray, layout: Layout, number: int, scale: float, rng: np.random.Generator
) -> None:
    """A dot, a dash or a small squiggle ≥ 2 mm from every box, printed name, mark and code."""
    page = layout.page(number)
    keep_out = [*page.marks, page.code]
    for row in page.rows:
        keep_out.append(row.name_box)
        keep_out.extend(row.boxes.values())
    for _ in range(50):
        size = rng.uniform(0.6, 4.0)
        x = rng.uniform(5, page.width_mm - 5 - size)
        y = rng.uniform(5, page.height_mm - 5 - size)
        if not _clear((x, y, size, size), keep_out, 2.0):
            continue
        kind = rng.integers(3)
        uv = [(0.0, 0.5), (1.0, 0.5)] if kind == 0 else [(0, 0), (0.5, 1), (1, 0.2)]
        if kind == 2:
            size = min(size, 1.0)
        path = pen.bezier(
            pen.in_box((x * scale, y * scale, size * scale, size * scale), uv), 0.2, rng
        )
        pen.draw(image, path, pen.Pen.ballpoint(rng, scale), rng)
        return


def make_sheet(
    layout: Layout,
    pdf: object,
    index: int,
    profile: Profile,
    seed: int,
    *,
    dpi: int | None = None,
    serial: str | None = None,
    mix: Mix = REALISTIC,
) -> tuple[Scan, SheetTruth]:
    """Sheet ``index``: PDF page ``index`` filled at random and degraded as ``profile``."""
    rng = np.random.default_rng([seed, index])
    number = index % len(layout.pages) + 1
    if dpi is None:
        dpi = int(rng.choice((150, 200, 240, 300))) if profile is Profile.SCANNER else 200
    truth = choose(layout, number, rng, mix)
    strays = int(rng.integers(1, 4)) if rng.random() < mix.strays else 0
    clean = rasterize(pdf, index, dpi)
    drawn = fill(
        layout,
        clean,
        {t.order: t.value for t in truth},
        {t.order: t.style for t in truth},
        rng,
        strays=strays,
    )
    scan = degrade(drawn, profile, rng)
    name = f"{profile}-{index:05d}{scan.suffix}"
    return scan, SheetTruth(name, str(profile), dpi, number, serial, strays, truth)


def sheets(
    layout: Layout, pdf_bytes: bytes, profile: Profile, count: int, seed: int, **kwargs: object
) -> Iterator[tuple[Scan, SheetTruth]]:
    """The first ``count`` sheets of a corpus (the PDF holds at least ``count`` pages)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(pdf_bytes)
    try:
        if len(pdf) < count:
            raise ValueError(f"the PDF has {len(pdf)} pages, {count} sheets asked")
        for index in range(count):
            yield make_sheet(layout, pdf, index, profile, seed, **kwargs)  # type: ignore[arg-type]
    finally:
        pdf.close()


def write_corpus(
    layout: Layout,
    pdf_bytes: bytes,
    out_dir: Path,
    profile: Profile,
    count: int,
    seed: int,
    *,
    serials: list[str] | None = None,
    dpi: int | None = None,
    mix: Mix = REALISTIC,
) -> list[SheetTruth]:
    """Write ``count`` sheet images and ``truth.json`` (one entry per file) into ``out_dir``;
    ``serials``: the serials in print order (a ballot's pages share one)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    truths = []
    pages = len(layout.pages)
    made = sheets(layout, pdf_bytes, profile, count, seed, dpi=dpi, mix=mix)
    for index, (scan, truth) in enumerate(made):
        if serials is not None:
            truth = replace(truth, serial=serials[index // pages])
        (out_dir / truth.file).write_bytes(scan.data)
        truths.append(truth)
    (out_dir / "truth.json").write_text(
        json.dumps([t.as_dict() for t in truths], ensure_ascii=False, indent=1), "utf-8"
    )
    return truths
