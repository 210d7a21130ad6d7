"""Machine reading of scanned paper ballots: find the sheet, read its code, read every box.

One page image goes through these steps (see docs/voting.md, "Paper ballots: reading"):

1. The sheet code (QR, zxing-cpp) names the layout, the page and the serial; a sheet without our
   code, with a damaged code, of another layout or of an unknown layout version is refused.
2. The QR's corners give a first placement of the page (rotation, upside down, scale); the four
   registration marks are then looked for near where that placement puts them, and the page is
   warped from the marks (a homography: rotation, skew and the perspective of phone photos) to a
   canonical image of :data:`PX_PER_MM` pixels per millimetre, so every box is at a known place.
   Three marks and the code are enough (a torn corner); fewer is refused (``marks_not_found``).
3. Uneven light is divided out (a background estimated by a large max filter), and the ink is
   scaled by the darkness of the sheet's own printed registration marks, so the thresholds are
   relative to the sheet.
4. Each box is measured inside its printed border (the box shrunk) on an integral image, and
   compared with the empty boxes of the same sheet. A row is read only when every box is clearly
   empty or clearly marked; anything in between goes to review, never to a guess.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from canbo.paper.images import PageError, PageImage, iter_pages
from canbo.paper.layout import CODE_PREFIX, BallotKind, Box, Layout, PageLayout, parse_code

PX_PER_MM = 6.0  # canonical resolution: a 5 mm box is 30 px, an A4 page 1260 x 1782 px
INK_PIXEL = 0.3  # a pixel of a name is ink at 30% of the printed marks' darkness
MIN_INK_PIXEL = 0.12  # a pixel in a box is ink from 3x the noise of the sheet's empty boxes,
MAX_INK_PIXEL = 0.35  # within these bounds (a light pencil reaches 0.3)
RING_IN, RING_OUT = 0.45, 1.1  # the ring just outside a box's printed border (mm)
SPILL_LOW, SPILL_HIGH = 0.3, 0.5  # a filled box spilling into it was scribbled out
STROKE_PIXEL = 0.3  # a stroke across a printed name: ink from 30% (a light pencil line)
EMPTY_MARGIN = 0.03  # a box is empty up to 3% of its inside in ink above the sheet's empty boxes
MARK_MARGIN = 0.07  # and marked from 7%; in between it is unclear and goes to review
HEAVY_FILL = 0.55  # a box more than half inked is filled (maybe a scribbled-out correction)
SEVERAL_RATIO = 0.55  # filled boxes beside lighter marks are several marks when the lightest
SEVERAL_INSIDE = 0.5  # holds 55% of the darkest's ink and no box's ink nears its border (under
# half the spill threshold); a corrected row (a scribble beside a tick or cross) measured a ratio
# of at most 0.51 when its scribble stayed inside, and a scribble's spill of at least 0.24
FAINT_STROKE_PIXEL = 0.18  # a name is kept only when no long stroke shows even at this level:
FAINT_NONE_MM = 12.0  # up to 12 mm is the printed letters themselves (measured up to 10.2 mm);
# a light pencil line along a name runs its length (measured from 47 mm)
STRUCK_MM = 10.0  # a stroke of 10 mm or more along a name strikes it; 3 mm or less is none
STROKE_NONE_MM = 3.0
NAME_EDGE_MM = 1.2  # a name's stroke is looked for away from the row's rules;
RULE_CLEAR_MM = 0.5  # a stroke between 0.5 and 1.2 mm from a rule sends the name to review
NAME_INK_EXCESS = 1.4  # a name with 40% more ink than the sheet's names, not struck: unclear


class SheetStatus(StrEnum):
    READ = "read"
    REVIEW = "review"
    REFUSED = "refused"


@dataclass(frozen=True)
class Mark:
    order: int
    name: str
    value: str  # confidence: high|mid|low|blank|several; approval: agree|disagree|blank|several;
    # strike-out: kept|struck; any kind: "unclear" when the row is sent to review
    certainty: float  # 0..1


@dataclass(frozen=True)
class Sheet:
    file: str
    page: int | None  # the page (or TIFF frame) of the file
    serial: str | None
    layout_page: int | None  # the page of the ballot, from the code
    status: SheetStatus
    reason: str
    marks: tuple[Mark, ...] = ()
    review: tuple[int, ...] = ()  # orders of the marks sent to adjudication
    detail: dict[str, Any] = field(default_factory=dict, compare=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "page": self.page,
            "serial": self.serial,
            "layout_page": self.layout_page,
            "status": str(self.status),
            "reason": self.reason,
            "review": list(self.review),
            "marks": [
                {"order": m.order, "name": m.name, "value": m.value, "certainty": m.certainty}
                for m in self.marks
            ],
        }


def serial_key(serial: str, layout_page: int) -> str:
    """The key of one sheet for duplicate checks: the pages of one ballot share a serial."""
    return f"{serial}/{layout_page}"


# --- batches ------------------------------------------------------------------------------


def read_images(
    layout: Layout,
    sources: Iterable[str | Path],
    *,
    progress: Callable[[int, Sheet], None] | None = None,
    seen_serials: set[str] | None = None,
) -> Iterator[Sheet]:
    """Read every page of every scan in ``sources`` (files or folders), one at a time.

    A sheet whose :func:`serial_key` was read before in this batch or is in ``seen_serials``
    (sheets already read for the session) is refused as ``duplicate_serial``. A file that cannot
    be opened is one refused sheet (``corrupt_file``) and the batch goes on.
    """
    seen = set(seen_serials or ())
    for count, item in enumerate(iter_pages(sources), start=1):
        if isinstance(item, PageError):
            sheet = Sheet(item.file, item.page, None, None, SheetStatus.REFUSED, item.reason)
        else:
            sheet = _read_page(layout, item)
            if sheet.serial is not None and sheet.layout_page is not None:
                key = serial_key(sheet.serial, sheet.layout_page)
                if sheet.status != SheetStatus.REFUSED and key in seen:
                    sheet = Sheet(
                        sheet.file,
                        sheet.page,
                        sheet.serial,
                        sheet.layout_page,
                        SheetStatus.REFUSED,
                        "duplicate_serial",
                    )
                elif sheet.status != SheetStatus.REFUSED:
                    seen.add(key)
        if progress is not None:
            progress(count, sheet)
        yield sheet


def _read_page(layout: Layout, item: PageImage) -> Sheet:
    return read_image(layout, item.image, file=item.file, page=item.page)


# --- one image ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Placement:
    page: PageLayout
    serial: str
    to_image: np.ndarray  # 3x3: millimetres on the page -> pixels of the image
    upside_down: bool


class _Refused(Exception):
    def __init__(self, reason: str, serial: str | None = None, layout_page: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.serial = serial
        self.layout_page = layout_page


def read_image(
    layout: Layout, image: np.ndarray, *, file: str = "", page: int | None = None
) -> Sheet:
    """Read one page image (grayscale or BGR) against ``layout``."""
    gray = _gray(image)
    try:
        placed = _place(layout, gray)
    except _Refused as refusal:
        return Sheet(
            file, page, refusal.serial, refusal.layout_page, SheetStatus.REFUSED, refusal.reason
        )
    ink = _ink(gray, placed)
    if layout.kind == BallotKind.STRIKE_OUT:
        marks = _read_names(placed.page, ink)
    else:
        marks = _read_boxes(placed.page, ink)
    review = tuple(m.order for m in marks if m.value == "unclear")
    if review:
        status, reason = SheetStatus.REVIEW, "unclear_marks"
    else:
        status = SheetStatus.READ
        reason = "upside_down_fixed" if placed.upside_down else "ok"
    return Sheet(file, page, placed.serial, placed.page.page, status, reason, marks, review)


def _gray(image: np.ndarray) -> np.ndarray:
    if image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    if image.dtype != np.uint8:
        image = np.clip(image, 0, 255).astype(np.uint8)
    return image


# --- finding the sheet --------------------------------------------------------------------


def _decode(gray: np.ndarray) -> list[Any]:
    import zxingcpp

    fmt = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    found = zxingcpp.read_barcodes(gray, formats=fmt)
    if not found:
        # uneven light or low contrast: try once more on the page with its background divided out
        found = zxingcpp.read_barcodes(_flatten(gray), formats=fmt)
    return list(found)


def _place(layout: Layout, gray: np.ndarray) -> _Placement:
    codes = _decode(gray)
    if not codes:
        raise _Refused("blank_page" if _is_blank(gray) else "no_code")
    parsed = [(c, parse_code(c.text)) for c in codes]
    if all(p is None for _, p in parsed):
        texts = [c.text for c in codes]
        if any(
            t.startswith("CB") and "|" in t and not t.startswith(CODE_PREFIX + "|") for t in texts
        ):
            raise _Refused("unknown_layout")
        raise _Refused(
            "bad_code" if any(t.startswith(CODE_PREFIX + "|") for t in texts) else "no_code"
        )
    code, sheet_code = next((c, p) for c, p in parsed if p is not None)
    if sheet_code.layout_id != layout.layout_id:
        raise _Refused("other_layout", sheet_code.serial, sheet_code.page)
    try:
        page = layout.page(sheet_code.page)
    except Exception:
        raise _Refused("other_layout", sheet_code.serial, sheet_code.page) from None
    qr_image = np.array(
        [
            [p.x, p.y]
            for p in (
                code.position.top_left,
                code.position.top_right,
                code.position.bottom_right,
                code.position.bottom_left,
            )
        ],
        dtype=np.float64,
    )
    qr_mm = _corners(page.code)
    # affine from the code's corners: a perspective fitted on so small a square extrapolates
    # badly to the far corners of the page
    affine = np.linalg.lstsq(np.hstack([qr_mm, np.ones((4, 1))]), qr_image, rcond=None)[0]
    rough = np.vstack([affine.T, [0.0, 0.0, 1.0]])
    scale = math.dist(qr_image[0], qr_image[2]) / math.dist(qr_mm[0], qr_mm[2])  # px per mm
    found = _find_marks(gray, page, rough, scale)
    to_image = _fit(page, found, qr_mm, qr_image)
    if to_image is None or _error_px(to_image, qr_mm, qr_image) > 3.0 * scale:
        raise _Refused("marks_not_found", sheet_code.serial, sheet_code.page)
    top = _apply(
        to_image, np.array([[page.width_mm / 2, 0.0], [page.width_mm / 2, page.height_mm]])
    )
    up = top[1] - top[0]  # the page's downward direction in the image
    upside_down = bool(up[1] < -abs(up[0]))
    return _Placement(page, sheet_code.serial, to_image, upside_down)


def _corners(box: Box) -> np.ndarray:
    return np.array(
        [
            [box.x, box.y],
            [box.x + box.w, box.y],
            [box.x + box.w, box.y + box.h],
            [box.x, box.y + box.h],
        ],
        dtype=np.float64,
    )


def _apply(matrix: np.ndarray, points: np.ndarray) -> np.ndarray:
    pts = np.hstack([points, np.ones((len(points), 1))]) @ matrix.T
    return np.asarray(pts[:, :2] / pts[:, 2:3])


def _find_marks(
    gray: np.ndarray, page: PageLayout, rough: np.ndarray, scale: float
) -> dict[int, tuple[float, float]]:
    """The centres (image px) of the registration marks found near their expected places."""
    found: dict[int, tuple[float, float]] = {}
    height, width = gray.shape
    for index, mark in enumerate(page.marks):
        cx, cy = _apply(rough, np.array([mark.centre]))[0]
        side = mark.w * scale
        half = int(side * 1.5 + 18 * scale)
        x0, y0 = max(0, int(cx) - half), max(0, int(cy) - half)
        x1, y1 = min(width, int(cx) + half), min(height, int(cy) + half)
        if x1 - x0 < side or y1 - y0 < side:
            continue
        window = gray[y0:y1, x0:x1]
        _, binary = cv2.threshold(window, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
        count, _, stats, centroids = cv2.connectedComponentsWithStats(binary, connectivity=8)
        best: tuple[float, tuple[float, float]] | None = None
        for label in range(1, count):
            bx, by, bw, bh, area = (int(v) for v in stats[label])
            if not (0.35 * side * side <= area <= 2.2 * side * side):
                continue
            if not (0.55 * side <= bw <= 1.9 * side and 0.55 * side <= bh <= 1.9 * side):
                continue
            if (
                area < 0.6 * bw * bh
                or bx == 0
                or by == 0
                or bx + bw >= x1 - x0
                or by + bh >= y1 - y0
            ):
                continue
            px, py = centroids[label][0] + x0, centroids[label][1] + y0
            distance = math.dist((px, py), (cx, cy))
            if best is None or distance < best[0]:
                best = (distance, (px, py))
        if best is not None:
            found[index] = best[1]
    return found


def _fit(
    page: PageLayout,
    found: dict[int, tuple[float, float]],
    qr_mm: np.ndarray,
    qr_image: np.ndarray,
) -> np.ndarray | None:
    """Millimetres -> image: from the four marks, or three marks and the code's corners."""
    if len(found) < 3:
        return None
    src = np.array([page.marks[i].centre for i in sorted(found)], dtype=np.float64)
    dst = np.array([found[i] for i in sorted(found)], dtype=np.float64)
    if len(found) == 4:
        return np.asarray(
            cv2.getPerspectiveTransform(src.astype(np.float32), dst.astype(np.float32))
        )
    matrix, _ = cv2.findHomography(np.vstack([src, qr_mm]), np.vstack([dst, qr_image]), 0)
    return None if matrix is None else np.asarray(matrix)


def _error_px(to_image: np.ndarray, qr_mm: np.ndarray, qr_image: np.ndarray) -> float:
    return float(np.max(np.linalg.norm(_apply(to_image, qr_mm) - qr_image, axis=1)))


def _flatten(gray: np.ndarray) -> np.ndarray:
    """The page with its background (paper under uneven light) divided out."""
    background = _background(gray, max(8, min(gray.shape) // 100))
    return cv2.divide(gray, background, scale=255)


def _background(gray: np.ndarray, step: int) -> np.ndarray:
    """The paper's brightness: a max filter over a coarse image (ink removed), smoothed."""
    height, width = gray.shape
    small = cv2.resize(
        gray, (max(1, width // step), max(1, height // step)), interpolation=cv2.INTER_AREA
    )
    small = cv2.dilate(small, np.ones((5, 5), np.uint8))
    small = cv2.GaussianBlur(small, (5, 5), 0)
    return cv2.resize(np.maximum(small, 1), (width, height), interpolation=cv2.INTER_LINEAR)


def _is_blank(gray: np.ndarray) -> bool:
    flat = _flatten(gray)
    return float(np.count_nonzero(flat < 160)) < 0.001 * flat.size


# --- ink ----------------------------------------------------------------------------------


def _warp(gray: np.ndarray, placed: _Placement) -> np.ndarray:
    page = placed.page
    size = (round(page.width_mm * PX_PER_MM), round(page.height_mm * PX_PER_MM))
    to_canonical = np.diag([PX_PER_MM, PX_PER_MM, 1.0]) @ np.linalg.inv(placed.to_image)
    return cv2.warpPerspective(gray, to_canonical, size, flags=cv2.INTER_LINEAR, borderValue=(255,))


def _ink(gray: np.ndarray, placed: _Placement) -> np.ndarray:
    """Ink 0..1 on the canonical page, 1 = as dark as the sheet's printed registration marks."""
    canonical = _warp(gray, placed)
    background = _background(canonical, 16).astype(np.float32)
    ink = 1.0 - canonical.astype(np.float32) / background
    dark = [float(ink[_slice(_shrink(m, 0.25 * m.w))].mean()) for m in placed.page.marks]
    reference = max(float(np.median(dark)), 0.2)
    return np.asarray(np.clip(ink / reference, 0.0, 1.0), dtype=np.float32)


def _shrink(box: Box, by: float) -> Box:
    return Box(box.x + by, box.y + by, max(box.w - 2 * by, 0.1), max(box.h - 2 * by, 0.1))


def _slice(box: Box) -> tuple[slice, slice]:
    x0, y0, x1, y1 = _px(box)
    return slice(y0, y1), slice(x0, x1)


def _px(box: Box) -> tuple[int, int, int, int]:
    return (
        round(box.x * PX_PER_MM),
        round(box.y * PX_PER_MM),
        max(round((box.x + box.w) * PX_PER_MM), round(box.x * PX_PER_MM) + 1),
        max(round((box.y + box.h) * PX_PER_MM), round(box.y * PX_PER_MM) + 1),
    )


def _inner(box: Box) -> Box:
    """The inside of a printed box, clear of its border and of a little misplacement."""
    return _shrink(box, max(0.8, 0.16 * min(box.w, box.h)))


def _box_means(integral: np.ndarray, boxes: list[Box]) -> np.ndarray:
    coords = np.array([_px(b) for b in boxes], dtype=np.intp).reshape(-1, 4)
    height, width = integral.shape
    x0, x1 = (np.clip(c, 0, width - 1) for c in (coords[:, 0], coords[:, 2]))
    y0, y1 = (np.clip(c, 0, height - 1) for c in (coords[:, 1], coords[:, 3]))
    total = integral[y1, x1] - integral[y0, x1] - integral[y1, x0] + integral[y0, x0]
    return np.asarray(total / np.maximum((x1 - x0) * (y1 - y0), 1), dtype=np.float64)


# --- reading the boxes --------------------------------------------------------------------


def _read_boxes(page: PageLayout, ink: np.ndarray) -> tuple[Mark, ...]:
    """Confidence and approval rows: one clear mark, blank, several marks, a corrected mark
    read only when certain, or unclear."""
    keys = [(row, key) for row in page.rows for key in row.boxes]
    if not keys:
        return tuple(Mark(r.order, r.name, "unclear", 0.0) for r in page.rows)
    boxes = [row.boxes[key] for row, key in keys]
    inner = [_inner(b) for b in boxes]
    mean = _box_means(cv2.integral(ink), inner)  # mean ink of the inside
    level = _ink_level(ink, inner, mean)
    dark = cv2.integral((ink > level).astype(np.uint8))
    covered = _box_means(dark, inner)  # share of the inside that is ink
    ring = _ring_cover(dark, boxes)  # share of a thin ring just outside the printed border
    low, high = _thresholds(covered)
    ring_low, ring_high = _thresholds(ring, SPILL_LOW, SPILL_HIGH)
    by_row: dict[int, list[_Cell]] = {}
    for (row, key), c, m, r in zip(keys, covered, mean, ring, strict=True):
        by_row.setdefault(row.order, []).append(_Cell(key, float(c), float(m), float(r)))
    marks = []
    middle, half = (low + high) / 2, (high - low) / 2
    for row in page.rows:
        cells = by_row.get(row.order, [])
        value = _row_value(cells, (low, high), (ring_low, ring_high))
        certainty = min(
            (min(abs(c.covered - middle) / (2 * half), 1.0) for c in cells), default=0.0
        )
        if value == "unclear":
            certainty = min(certainty, 0.49)
        marks.append(Mark(row.order, row.name, value, round(certainty, 3)))
    return tuple(marks)


@dataclass(frozen=True)
class _Cell:
    key: str
    covered: float  # share of the inside inked
    mean: float  # mean ink of the inside
    spill: float  # share of the ring outside the border inked


def _ink_level(ink: np.ndarray, inner: list[Box], mean: np.ndarray) -> float:
    """The ink level of a mark on this sheet: well above what its emptiest boxes hold."""
    emptiest = np.argsort(mean)[: max(3, len(inner) // 3)]
    sample = np.concatenate([ink[_slice(inner[i])].ravel() for i in emptiest])
    return float(np.clip(3.0 * np.percentile(sample, 99.5), MIN_INK_PIXEL, MAX_INK_PIXEL))


def _ring_cover(dark: np.ndarray, boxes: list[Box]) -> np.ndarray:
    """Share of ink in two thin strips just left and right of each box's printed border (the
    row's lines above and below are kept out)."""
    width = RING_OUT - RING_IN
    left = [Box(b.x - RING_OUT, b.y, width, b.h) for b in boxes]
    right = [Box(b.x + b.w + RING_IN, b.y, width, b.h) for b in boxes]
    return np.asarray((_box_means(dark, left) + _box_means(dark, right)) / 2)


def _thresholds(
    values: np.ndarray, low_margin: float = EMPTY_MARGIN, high_margin: float = MARK_MARGIN
) -> tuple[float, float]:
    """Empty up to ``low``, marked from ``high``: above the sheet's empty boxes and its noise."""
    ordered = np.sort(values)
    lower = ordered[: max(3, len(ordered) // 3)]
    base = float(np.median(lower))
    noise = 1.4826 * float(np.median(np.abs(lower - base)))
    return base + max(low_margin, 4 * noise), base + max(high_margin, 8 * noise)


def _row_value(cells: list[_Cell], box: tuple[float, float], spill: tuple[float, float]) -> str:
    if any(box[0] < c.covered < box[1] for c in cells):
        return "unclear"
    marked = [c for c in cells if c.covered >= box[1]]
    if not marked:
        return "blank"
    heavy = [c for c in marked if c.mean >= HEAVY_FILL]
    if any(spill[0] < c.spill < spill[1] for c in heavy):
        return "unclear"  # filled, and maybe scribbled over the border: only a person can tell
    # a box filled and scribbled out over its border cancels it; a box filled inside is a mark
    scribbled = {c.key for c in heavy if c.spill >= spill[1]}
    kept = [c for c in marked if c.key not in scribbled]
    if len(kept) == 1 and len(scribbled) <= 1 and kept[0].mean < HEAVY_FILL:
        return kept[0].key  # one mark, perhaps beside one box clearly cancelled
    if scribbled:
        return "unclear"
    if 0 < sum(c.mean >= HEAVY_FILL for c in kept) < len(kept):
        darkest, lightest = max(c.mean for c in kept), min(c.mean for c in kept)
        inside = all(c.spill < SEVERAL_INSIDE * spill[0] for c in kept)
        if not (inside and lightest >= SEVERAL_RATIO * darkest):
            return "unclear"  # a filled box beside a lighter mark may be a cancelled one
    return kept[0].key if len(kept) == 1 else "several"


# --- reading struck names -----------------------------------------------------------------


def _stroke_kernels() -> list[np.ndarray]:
    length = round(8.0 * PX_PER_MM)
    kernels = []
    for degrees in (0.0, 12.0, -12.0):
        rise = length * math.tan(math.radians(degrees))
        height = int(abs(rise)) + 1
        kernel = np.zeros((height, length), np.uint8)
        y0, y1 = (0, height - 1) if rise >= 0 else (height - 1, 0)
        cv2.line(kernel, (0, y0), (length - 1, y1), 1, 1)
        kernels.append(kernel)
    return kernels


_KERNELS = _stroke_kernels()
_THICKEN = np.ones((5, 1), np.uint8)


def _stroke_mm(region: np.ndarray, level: float = STROKE_PIXEL) -> float:
    """The length (mm, along the name) of long straight-ish strokes in ``region``."""
    binary = cv2.dilate((region > level).astype(np.uint8), _THICKEN)
    columns = np.zeros(binary.shape[1], dtype=bool)
    for kernel in _KERNELS:
        if kernel.shape[1] > binary.shape[1] or kernel.shape[0] > binary.shape[0]:
            continue
        opened = cv2.morphologyEx(binary, cv2.MORPH_OPEN, kernel)
        columns |= opened.any(axis=0)
    return float(np.count_nonzero(columns)) / PX_PER_MM


def _name_band(box: Box) -> Box:
    """The name cell without a band along its rules, where a stroke through the next row's
    name may wander."""
    return Box(box.x + 0.3, box.y + NAME_EDGE_MM, box.w - 0.6, max(box.h - 2 * NAME_EDGE_MM, 1))


def _edge_stroke_mm(ink: np.ndarray, box: Box) -> float:
    """The longest stroke in the bands along the cell's rules, the rules themselves left out."""
    width = NAME_EDGE_MM - RULE_CLEAR_MM
    bands = (
        Box(box.x + 0.3, box.y + RULE_CLEAR_MM, box.w - 0.6, width),
        Box(box.x + 0.3, box.y + box.h - NAME_EDGE_MM, box.w - 0.6, width),
    )
    return max(_stroke_mm(ink[_slice(band)]) for band in bands)


def _read_names(page: PageLayout, ink: np.ndarray) -> tuple[Mark, ...]:
    """Strike-out rows: a long stroke along the printed name strikes it; a name carrying much
    more ink than the sheet's other names, without such a stroke, is unclear."""
    strokes, amounts = [], []
    for row in page.rows:
        region = ink[_slice(_name_band(row.name_box))]
        stroke = _stroke_mm(region)
        if stroke < STRUCK_MM and _edge_stroke_mm(ink, row.name_box) >= STRUCK_MM:
            stroke = max(stroke, STROKE_NONE_MM + 1)  # a stroke along the rule: a person decides
        if stroke <= STROKE_NONE_MM:  # none: not even a long faint one (a very light pencil line)
            faint = _stroke_mm(region, FAINT_STROKE_PIXEL)
            if faint > FAINT_NONE_MM:
                stroke = max(stroke, min(faint, STRUCK_MM - 1))
        strokes.append(stroke)
        amounts.append(float((region > INK_PIXEL).sum()) / max(len(row.name.strip()), 1))
    plain = [a for a, s in zip(amounts, strokes, strict=True) if s <= STROKE_NONE_MM]
    typical = float(np.median(plain)) if plain else 0.0
    marks = []
    for row, stroke, amount in zip(page.rows, strokes, amounts, strict=True):
        if stroke >= STRUCK_MM:
            value, certainty = "struck", min(1.0, 0.5 + (stroke - STRUCK_MM) / 20)
        elif stroke <= STROKE_NONE_MM and (not typical or amount <= NAME_INK_EXCESS * typical):
            value, certainty = "kept", min(1.0, 0.5 + (STROKE_NONE_MM - stroke) / 6)
        else:
            value, certainty = "unclear", 0.3
        marks.append(Mark(row.order, row.name, value, round(certainty, 3)))
    return tuple(marks)


# --- pictures for the committee -----------------------------------------------------------


def _placed(layout: Layout, image: np.ndarray) -> tuple[np.ndarray, _Placement]:
    gray = _gray(image)
    return gray, _place(layout, gray)


def crop(layout: Layout, image: np.ndarray, order: int) -> bytes:
    """PNG of one person's row, straightened, for the adjudication queue."""
    gray, placed = _placed(layout, image)
    row = next((r for r in placed.page.rows if r.order == order), None)
    if row is None:
        raise KeyError(order)
    canonical = _warp(gray, placed)
    region = canonical[_slice(_shrink(row.row, -1.0))]
    return bytes(cv2.imencode(".png", region)[1].tobytes())


def overlay(layout: Layout, image: np.ndarray, sheet: Sheet) -> bytes:
    """PNG of the straightened sheet with the reading drawn on it: green the boxes (or names)
    read as marked, orange the rows sent to review."""
    gray, placed = _placed(layout, image)
    canvas = cv2.cvtColor(_warp(gray, placed), cv2.COLOR_GRAY2BGR)
    values = {m.order: m.value for m in sheet.marks}
    green, orange, blue = (40, 160, 40), (0, 140, 255), (200, 120, 0)
    for row in placed.page.rows:
        value = values.get(row.order, "")
        if value == "unclear":
            _rect(canvas, row.row, orange, 3)
        elif value == "struck":
            _rect(canvas, row.name_box, green, 3)
        for key, box in row.boxes.items():
            if key == value or value == "several":
                _rect(canvas, box, green, 3)
    for mark in placed.page.marks:
        _rect(canvas, mark, blue, 2)
    return bytes(cv2.imencode(".png", canvas)[1].tobytes())


def _rect(canvas: np.ndarray, box: Box, colour: tuple[int, int, int], width: int) -> None:
    x0, y0, x1, y1 = _px(box)
    cv2.rectangle(canvas, (x0, y0), (x1, y1), colour, width)
