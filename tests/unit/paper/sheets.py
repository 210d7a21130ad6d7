"""Synthetic printed ballots for the reader's tests, drawn with OpenCV from a layout.

Independent of the PDF printer so the reader's tests stay fast: the same geometry (marks, code,
boxes, names) at a chosen dpi, and a few hand marks drawn on top.
"""

from __future__ import annotations

import cv2
import numpy as np
import segno

from canbo.paper.layout import BallotKind, Box, Layout, NameRow, PageLayout, code_payload

A4 = (210.0, 297.0)


def make_layout(kind: BallotKind, rows: int = 10, layout_id: str = "0123456789abcdef") -> Layout:
    width, height = A4
    marks = (Box(8, 8, 6, 6), Box(196, 8, 6, 6), Box(196, 283, 6, 6), Box(8, 283, 6, 6))
    keys = {
        BallotKind.CONFIDENCE: ("high", "mid", "low"),
        BallotKind.APPROVAL: ("agree", "disagree"),
        BallotKind.STRIKE_OUT: (),
    }[kind]
    name_rows = []
    step = min(9.0, 230.0 / rows)
    side = min(6.0, step - 1.2)
    for i in range(rows):
        y = 50 + i * step
        boxes = {
            key: Box(130 + j * 20, y + (step - side) / 2, side, side) for j, key in enumerate(keys)
        }
        name_rows.append(
            NameRow(
                order=i + 1,
                name=f"Nguyen Van Thanh {i + 1}",
                position="Bi thu",
                page=1,
                row=Box(18, y, 174, step),
                name_box=Box(28, y, 90, step),
                boxes=boxes,
            )
        )
    page = PageLayout(1, width, height, marks, Box(160, 18, 24, 24), tuple(name_rows))
    return Layout(layout_id, "offline:test", kind, None, "Phieu", "Dang bo", "a4", (page,))


def render(layout: Layout, serial: str, dpi: int = 200) -> np.ndarray:
    """The blank printed sheet (grayscale) of page 1 with ``serial`` in its code."""
    page = layout.pages[0]
    s = dpi / 25.4
    image = np.full((round(page.height_mm * s), round(page.width_mm * s)), 255, np.uint8)
    for m in page.marks:
        cv2.rectangle(image, _pt(m.x, m.y, s), _pt(m.x + m.w, m.y + m.h, s), 0, -1)
    qr = segno.make(code_payload(layout.layout_id, page.page, serial), error="q", boost_error=False)
    matrix = np.array(list(qr.matrix), dtype=np.uint8)
    side = (round(page.code.w * s), round(page.code.h * s))
    modules = cv2.resize((1 - matrix) * 255, side, interpolation=cv2.INTER_NEAREST)
    x, y = _pt(page.code.x, page.code.y, s)
    image[y : y + side[1], x : x + side[0]] = modules
    for row in page.rows:
        cv2.rectangle(
            image,
            _pt(row.row.x, row.row.y, s),
            _pt(row.row.x + row.row.w, row.row.y + row.row.h, s),
            0,
            1,
        )
        cv2.putText(
            image,
            row.name,
            _pt(row.name_box.x + 1, row.name_box.y + row.row.h * 0.7, s),
            cv2.FONT_HERSHEY_SIMPLEX,
            min(0.9, row.row.h / 10) * s / 7.9,
            0,
            2,
            cv2.LINE_AA,
        )
        for box in row.boxes.values():
            cv2.rectangle(image, _pt(box.x, box.y, s), _pt(box.x + box.w, box.y + box.h, s), 0, 2)
    return image


def _pt(x: float, y: float, s: float) -> tuple[int, int]:
    return round(x * s), round(y * s)


def tick(image: np.ndarray, box: Box, dpi: int = 200, ink: int = 30) -> None:
    s = dpi / 25.4
    k = box.w / 6
    pts = (
        np.array(
            [
                [box.x + 1 * k, box.y + 3.2 * k],
                [box.x + 2.5 * k, box.y + 5 * k],
                [box.x + 5.5 * k, box.y + 0.8 * k],
            ]
        )
        * s
    )
    cv2.polylines(image, [pts.astype(np.int32)], False, ink, max(2, round(0.5 * s)), cv2.LINE_AA)


def fill_box(image: np.ndarray, box: Box, dpi: int = 200) -> None:
    s = dpi / 25.4
    cv2.rectangle(
        image,
        _pt(box.x + 0.3, box.y + 0.3, s),
        _pt(box.x + box.w - 0.3, box.y + box.h - 0.3, s),
        20,
        -1,
    )


def strike(image: np.ndarray, box: Box, dpi: int = 200) -> None:
    s = dpi / 25.4
    y = box.y + box.h * 0.45
    cv2.line(
        image,
        _pt(box.x + 0.5, y, s),
        _pt(box.x + 60, y + 1.5, s),
        20,
        max(2, round(0.5 * s)),
        cv2.LINE_AA,
    )


def rotate(image: np.ndarray, degrees: float) -> np.ndarray:
    """The sheet turned by ``degrees`` on a larger white canvas (as a scanner's bed)."""
    h, w = image.shape
    pad = round(0.1 * max(h, w))
    image = cv2.copyMakeBorder(image, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
    h, w = image.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), borderValue=255)
