"""Print paper ballots: a print-ready PDF (A4 or A5) and its :class:`~canbo.paper.layout.Layout`.

Every sheet has the official content of its kind (the organization's heading, "ĐẢNG CỘNG SẢN VIỆT
NAM", the title, the instruction line, the table of names in the given order, the place for the
seal), and what a machine needs to read a scan of it: four solid registration marks in the corners,
well inside what a printer can print and with a clear margin around them, and a QR code (segno)
carrying ``CB1|<layout_id>|<page>|<serial>|<check>`` (:func:`canbo.paper.layout.code_payload`).
Boxes are at least 6 mm with clear gaps around them; the layout gives every box in millimetres.

Kinds:

- ``confidence`` (QĐ 96, CV-12): "PHIẾU LẤY PHIẾU TÍN NHIỆM"; per person the full name and
  position and three boxes "Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp";
- ``strike-out`` (EL-13, EL-14): "PHIẾU BẦU CỬ", the body and the number to elect; the voter
  strikes out the whole name of anyone not chosen;
- ``approval`` (EL-14, no-surplus lists): "Đồng ý" / "Không đồng ý" boxes per person.

A ballot that is not an election's (an appointment step's "Phiếu giới thiệu nhân sự", "Phiếu lấy
ý kiến" or "Phiếu biểu quyết") gives its own ``heading``: it is printed in capitals instead of
"PHIẾU BẦU CỬ", and the election's words give way to a nomination's ("Số người cần giới thiệu:
01", keep the name of the one nominated and strike out the others) or, on agree / disagree boxes, to
no number to elect at all. Without a heading the ballot prints exactly as an election's.

A long list runs over several pages, each repeating the heading and the table header; the pages
of one ballot share one serial. Serials are random (:mod:`secrets`), the sheets are printed in
shuffled order and the serials come back sorted: nothing here can tell which sheet went to whom.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import random
import secrets
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import segno
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from canbo.core.errors import ImportRejected, RowError, ValidationError
from canbo.paper.layout import (
    PAPERS,
    BallotKind,
    Box,
    Layout,
    NameRow,
    PageLayout,
    code_payload,
    new_layout_id,
    new_serial,
)
from canbo.pdf_fonts import font_path

MM = 72 / 25.4  # points per millimetre
QR_VERSION = 4  # 33 x 33 modules: the payload (45 bytes) at error correction Q
QR_MASK = 2

FONTS = {
    "CanboPaperSerif": "serif",
    "CanboPaperSerifBold": "serif-bold",
    "CanboPaperSerifItalic": "serif-italic",
}
REGULAR, BOLD, ITALIC = "CanboPaperSerif", "CanboPaperSerifBold", "CanboPaperSerifItalic"

TITLES = {
    BallotKind.CONFIDENCE: "PHIẾU LẤY PHIẾU TÍN NHIỆM",
    BallotKind.STRIKE_OUT: "PHIẾU BẦU CỬ",
    BallotKind.APPROVAL: "PHIẾU BẦU CỬ",
}
DEFAULT_SUBTITLES = {
    BallotKind.CONFIDENCE: "Đối với người giữ chức vụ lãnh đạo, quản lý",
    BallotKind.STRIKE_OUT: "",
    BallotKind.APPROVAL: "",
}
INSTRUCTIONS = {
    BallotKind.CONFIDENCE: (
        "Ở mỗi người, đánh dấu X vào một trong ba ô: Tín nhiệm cao, Tín nhiệm hoặc Tín nhiệm "
        "thấp. Không đánh dấu hai ô; không gạch tên, không ghi thêm tên."
    ),
    BallotKind.STRIKE_OUT: (
        "Đồng ý bầu ai thì để nguyên họ tên người đó; không đồng ý bầu ai thì gạch ngang cả họ "
        "và tên người đó. Không ghi thêm tên ngoài danh sách."
    ),
    BallotKind.APPROVAL: (
        "Ở mỗi người, đánh dấu X vào một trong hai ô: Đồng ý hoặc Không đồng ý. Không gạch "
        "tên, không ghi thêm tên."
    ),
}
COLUMNS = {
    BallotKind.CONFIDENCE: (
        ("high", "Tín nhiệm cao"),
        ("mid", "Tín nhiệm"),
        ("low", "Tín nhiệm thấp"),
    ),
    BallotKind.STRIKE_OUT: (),
    BallotKind.APPROVAL: (("agree", "Đồng ý"), ("disagree", "Không đồng ý")),
}
NAME_HEADS = {
    BallotKind.CONFIDENCE: "Họ và tên, chức vụ",
    BallotKind.STRIKE_OUT: "Họ và tên",
    BallotKind.APPROVAL: "Họ và tên",
}
SEAL_WORDS = {
    BallotKind.CONFIDENCE: ("Dấu của", "Ban", "kiểm phiếu"),
    BallotKind.STRIKE_OUT: ("Dấu của", "cấp ủy", "triệu tập"),
    BallotKind.APPROVAL: ("Dấu của", "cấp ủy", "triệu tập"),
}
# A ballot with its own heading (not an election): a nomination keeps names, it does not elect.
NOMINATION_INSTRUCTION = (
    "Giữ lại họ và tên người được giới thiệu; gạch ngang cả họ và tên những người còn lại. "
    "Không ghi thêm tên ngoài danh sách."
)
NOMINATION_COUNT = "Số người cần giới thiệu: {seats:02d}"
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
DOTS = "." * 30  # a line to write by hand


@dataclass(frozen=True)
class Geometry:
    """Millimetres of one paper size. Marks are ``mark`` wide, ``inset`` from the edges (inside
    any printer's unprintable margin), with ``quiet`` clear millimetres around them."""

    width: float
    height: float
    inset: float
    mark: float
    quiet: float
    head_pt: float  # heading lines
    title_pt: float
    text_pt: float  # instruction line
    name_pt: float
    small_pt: float  # positions, table header
    seal: float  # diameter of the seal place
    code: float  # QR code side (modules only)
    head_h: float  # heading block height
    title_h: float  # title block height (seal, title, code)
    instr_h: float
    table_head_h: float
    row_h: float
    order_w: float
    box_col_w: float
    box: float  # side of a box to mark (>= 6 mm)

    @property
    def left(self) -> float:
        return self.inset + self.mark + self.quiet

    @property
    def right(self) -> float:
        return self.width - self.left

    @property
    def top(self) -> float:
        return self.inset + self.mark + self.quiet

    @property
    def bottom(self) -> float:
        return self.height - self.top

    @property
    def rows_top(self) -> float:
        return self.top + self.head_h + self.title_h + self.instr_h + self.table_head_h

    def rows_per_page(self) -> int:
        return int((self.bottom - self.rows_top) // self.row_h)


GEOMETRY = {
    "a4": Geometry(
        width=210, height=297, inset=9, mark=7, quiet=4, head_pt=11, title_pt=15, text_pt=10.5,
        name_pt=11, small_pt=9, seal=26, code=22, head_h=15, title_h=28, instr_h=12,
        table_head_h=11, row_h=9.5, order_w=11, box_col_w=22, box=6.5,
    ),
    "a5": Geometry(
        width=148, height=210, inset=7, mark=5.5, quiet=3.5, head_pt=8, title_pt=11.5,
        text_pt=8, name_pt=9.5, small_pt=7.5, seal=19, code=18, head_h=12, title_h=24,
        instr_h=9.5, table_head_h=9, row_h=8.5, order_w=8, box_col_w=15.5, box=6,
    ),
}  # fmt: skip


@dataclass(frozen=True)
class Candidate:
    order: int
    name: str
    position: str = ""


@dataclass(frozen=True)
class BallotSpec:
    """What to print: the kind, the names in ballot order, the words of the heading."""

    kind: BallotKind
    candidates: tuple[Candidate, ...]
    title: str = ""  # the line under the ballot's title: the vote or the body to elect
    organization: str = ""  # issuing body, e.g. "BAN KIỂM PHIẾU" or the committee
    superior: str = ""  # the body above it (the congress, the Party committee)
    seats: int | None = None  # strike-out / approval: the number to elect
    paper: str = "a4"
    session: str = ""  # "S<id>" from the web flow; empty: "offline:<sha8 of names>"
    heading: str = ""  # a ballot's own title (an appointment step's); empty: the kind's own


def heading_of(spec: BallotSpec) -> str:
    """The ballot's title in capitals: its own heading, else the kind's ("PHIẾU BẦU CỬ")."""
    own = clean(spec.heading)
    return own.upper() if own else TITLES[spec.kind]


def instruction_of(spec: BallotSpec) -> str:
    """The instruction line: a nomination's on a strike-out ballot with its own heading."""
    if clean(spec.heading) and spec.kind == BallotKind.STRIKE_OUT:
        return NOMINATION_INSTRUCTION
    return INSTRUCTIONS[spec.kind]


def count_line(spec: BallotSpec, seats: int | None) -> str:
    """The line under the title with the number to elect (to nominate); empty: none printed.
    Agree / disagree boxes of a ballot with its own heading (an opinion, a decision) elect no
    number of people."""
    if seats is None:
        return ""
    if not clean(spec.heading):
        return f"Số lượng cần bầu: {seats} đồng chí"
    if spec.kind == BallotKind.STRIKE_OUT:
        return NOMINATION_COUNT.format(seats=seats)
    return ""


@dataclass(frozen=True)
class PrintJob:
    pdf: bytes
    layout: Layout
    serials: list[str]  # sorted: the set issued, never the order printed


def clean(text: str) -> str:
    """NFC, one line, with characters a PDF cannot carry replaced by U+FFFD, visibly."""
    text = unicodedata.normalize("NFC", " ".join(str(text).split()))
    return "".join(
        ch if unicodedata.category(ch) not in {"Cc", "Cs", "Cn"} else "\ufffd" for ch in text
    )


def offline_session(candidates: Sequence[Candidate]) -> str:
    """``offline:<first 8 hex of SHA-256 over the names and positions in order>``."""
    text = "\n".join(f"{c.order}\t{c.name}\t{c.position}" for c in candidates)
    return "offline:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def _check_spec(spec: BallotSpec) -> None:
    def refuse(reason: str) -> ValidationError:
        return ValidationError("paper_ballot_options", reason=reason)

    if spec.paper not in PAPERS:
        raise refuse(f"paper {spec.paper!r} (a4, a5)")
    if not spec.candidates:
        raise refuse("no names")
    if spec.kind == BallotKind.STRIKE_OUT:
        if spec.seats is None or spec.seats < 1:
            raise refuse("a strike-out ballot needs the number to elect (--seats)")
        if spec.seats > len(spec.candidates):
            raise refuse(f"{spec.seats} to elect from {len(spec.candidates)} names")
    if spec.seats is not None and spec.seats < 1:
        raise refuse("the number to elect must be above 0")
    orders = [c.order for c in spec.candidates]
    if len(set(orders)) != len(orders):
        raise refuse("the same order number twice")


NAME_COLUMNS = ("order", "name", "position")
MAX_NAMES = 1000


def parse_names(text: str) -> tuple[Candidate, ...]:
    """The names file (``order,name,position``; position may be empty) as candidates in
    ballot order (by ``order``). Every bad row and column is named at once
    (:class:`ImportRejected`; the header is row 1); nothing is printed from a bad file."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in reader.fieldnames or []]
    errors: list[RowError] = [
        RowError(1, col, "column_missing", f"Thiếu cột bắt buộc '{col}'.",
                 f"The required column '{col}' is missing.")
        for col in NAME_COLUMNS[:2] if col not in header
    ] + [
        RowError(1, col, "column_unknown", f"Cột '{col}' không có trong mẫu.",
                 f"The column '{col}' is not part of the format.", col)
        for col in header if col not in NAME_COLUMNS
    ]  # fmt: skip
    if errors:
        raise ImportRejected(errors)
    found: list[Candidate] = []
    seen: dict[int, int] = {}
    for number, raw in enumerate(reader, start=2):
        cells = {(k or "").strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(cells.values()):
            continue
        order_text, name = cells.get("order", ""), cells.get("name", "")
        position = cells.get("position", "")
        bad = len(errors)
        if not (order_text.isascii() and order_text.isdigit()) or int(order_text) < 1:
            errors.append(
                RowError(
                    number,
                    "order",
                    "order_invalid",
                    "Số thứ tự phải là số nguyên dương.",
                    "The order must be a whole number above 0.",
                    order_text,
                )
            )
        elif int(order_text) in seen:
            first = seen[int(order_text)]
            errors.append(
                RowError(
                    number,
                    "order",
                    "order_duplicate",
                    f"Số thứ tự trùng với dòng {first}.",
                    f"The same order as row {first}.",
                    order_text,
                )
            )
        if not name:
            errors.append(
                RowError(
                    number,
                    "name",
                    "required",
                    "Ô bắt buộc bị để trống.",
                    "A required cell is empty.",
                )
            )
        elif len(name) > 120 or not clean(name).replace("\ufffd", "") == clean(name):
            errors.append(
                RowError(
                    number,
                    "name",
                    "name_invalid",
                    "Họ tên quá dài hoặc có ký tự không in được.",
                    "The name is too long or has characters that cannot be printed.",
                    name[:120],
                )
            )
        if len(position) > 200:
            errors.append(
                RowError(
                    number,
                    "position",
                    "position_invalid",
                    "Chức vụ quá dài (tối đa 200 ký tự).",
                    "The position is too long (200 characters at most).",
                    position[:200],
                )
            )
        if len(errors) == bad:
            seen[int(order_text)] = number
            found.append(Candidate(int(order_text), clean(name), clean(position)))
    if not found and not errors:
        errors.append(
            RowError(1, "name", "names_empty", "Tệp không có tên nào.", "The file has no names.")
        )
    if len(found) > MAX_NAMES:
        errors.append(
            RowError(
                1,
                "name",
                "names_too_many",
                f"Tệp có quá {MAX_NAMES} tên.",
                f"The file has more than {MAX_NAMES} names.",
            )
        )
    if errors:
        raise ImportRejected(errors)
    return tuple(sorted(found, key=lambda c: c.order))  # fmt: skip


# --- geometry -------------------------------------------------------------------------------


def _marks(g: Geometry) -> tuple[Box, ...]:
    far_x = g.width - g.inset - g.mark
    far_y = g.height - g.inset - g.mark
    return (
        Box(g.inset, g.inset, g.mark, g.mark),
        Box(far_x, g.inset, g.mark, g.mark),
        Box(far_x, far_y, g.mark, g.mark),
        Box(g.inset, far_y, g.mark, g.mark),
    )


def _code_box(g: Geometry) -> Box:
    y = g.top + g.head_h + (g.title_h - g.code) / 2
    return Box(g.right - g.code, y, g.code, g.code)


def _seal_box(g: Geometry) -> Box:
    y = g.top + g.head_h + (g.title_h - g.seal) / 2
    return Box(g.left, y, g.seal, g.seal)


def _columns(g: Geometry, kind: BallotKind) -> tuple[float, float, list[tuple[str, str, float]]]:
    """x of the name column, its width, and (key, header, x) of each box column."""
    keys = COLUMNS[kind]
    name_x = g.left + g.order_w
    name_w = g.right - name_x - g.box_col_w * len(keys)
    cols = [(k, head, name_x + name_w + i * g.box_col_w) for i, (k, head) in enumerate(keys)]
    return name_x, name_w, cols


def plan(spec: BallotSpec, layout_id: str | None = None) -> Layout:
    """The geometry of ``spec``: pages, marks, the code and every row and box, in mm."""
    _check_spec(spec)
    g = GEOMETRY[spec.paper]
    count = len(spec.candidates)
    n_pages = max(1, math.ceil(count / g.rows_per_page()))
    # balanced: page sizes differ by one at most, no page with one lonely name
    cuts = [count * p // n_pages for p in range(n_pages + 1)]
    name_x, name_w, cols = _columns(g, spec.kind)
    pages = []
    for p in range(n_pages):
        chunk = spec.candidates[cuts[p] : cuts[p + 1]]
        rows = []
        for i, cand in enumerate(chunk):
            y = g.rows_top + i * g.row_h
            boxes = {
                key: Box(x + (g.box_col_w - g.box) / 2, y + (g.row_h - g.box) / 2, g.box, g.box)
                for key, _, x in cols
            }
            rows.append(
                NameRow(
                    order=cand.order,
                    name=clean(cand.name),
                    position=clean(cand.position),
                    page=p + 1,
                    row=Box(g.left, y, g.right - g.left, g.row_h),
                    name_box=Box(name_x, y, name_w, g.row_h),
                    boxes=boxes,
                )
            )
        pages.append(
            PageLayout(
                page=p + 1,
                width_mm=g.width,
                height_mm=g.height,
                marks=_marks(g),
                code=_code_box(g),
                rows=tuple(rows),
            )
        )
    return Layout(
        layout_id=layout_id or new_layout_id(),
        session=spec.session or offline_session(spec.candidates),
        kind=spec.kind,
        seats=spec.seats,
        title=clean(spec.title) or DEFAULT_SUBTITLES[spec.kind],
        organization=clean(spec.organization),
        paper=spec.paper,
        pages=tuple(pages),
    )


# --- drawing --------------------------------------------------------------------------------


def register_fonts() -> None:
    known = set(pdfmetrics.getRegisteredFontNames())
    for name, style in FONTS.items():
        if name not in known:
            pdfmetrics.registerFont(TTFont(name, str(font_path(style))))


def _width(text: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, size)) / MM


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap at spaces (a word longer than the width stays whole)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        probe = f"{line} {word}".strip()
        if line and _width(probe, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = probe
    if line:
        lines.append(line)
    return lines


LEADING = 1.15


def _block(
    items: Sequence[tuple[str, str, float]], width: float, height: float
) -> list[tuple[list[str], str, float]]:
    """The lines of each (text, font, size) at the largest common scale (100% down to 50%) at
    which every line fits ``width`` and all of them ``height``; a name is never cut off."""
    found: list[tuple[list[str], str, float]] = []
    for step in range(11):
        scale = 1 - 0.05 * step
        found = []
        total = 0.0
        for text, font, size in items:
            s = size * scale
            lines = _wrap(text, font, s, width)
            found.append((lines, font, s))
            total += len(lines) * _pt(s) * LEADING
            if any(_width(x, font, s) > width for x in lines):
                total = math.inf
        if total <= height:
            return found
    return found


def _fit(
    text: str, font: str, size: float, width: float, max_lines: int, *, wrap_first: bool = False
) -> tuple[list[str], float]:
    """Lines and a font size at which ``text`` fits ``width`` in ``max_lines`` lines; nothing
    is cut off. Names shrink (to 70%) before they wrap; headings wrap before they shrink."""

    def fits(s: float, allowed: int) -> list[str] | None:
        lines = _wrap(text, font, s, width)
        ok = len(lines) <= allowed and all(_width(x, font, s) <= width for x in lines)
        return lines if ok else None

    sizes = [size - 0.25 * i for i in range(int(size * 0.3 / 0.25) + 1)]
    tries = (
        [(s, n) for s in sizes for n in range(1, max_lines + 1)]
        if wrap_first
        else [(s, n) for n in range(1, max_lines + 1) for s in sizes]
    )
    for s, n in tries:
        lines = fits(s, n)
        if lines is not None:
            return lines, s
    s = size * 0.6
    return _wrap(text, font, s, width), s


class _Pen:
    """Millimetres from the top-left over a reportlab canvas (points from the bottom-left)."""

    def __init__(self, canvas: Canvas, height: float) -> None:
        self.c = canvas
        self.h = height

    def text(self, x: float, y: float, text: str, font: str, size: float, align: str = "l") -> None:
        """``y`` is the baseline, in mm from the top."""
        self.c.setFont(font, size)
        px, py = x * MM, (self.h - y) * MM
        if align == "c":
            self.c.drawCentredString(px, py, text)
        elif align == "r":
            self.c.drawRightString(px, py, text)
        else:
            self.c.drawString(px, py, text)

    def rect(self, b: Box, *, fill: bool = False, width: float = 0.3) -> None:
        self.c.setLineWidth(width * MM)
        self.c.rect(
            b.x * MM,
            (self.h - b.y - b.h) * MM,
            b.w * MM,
            b.h * MM,
            stroke=0 if fill else 1,
            fill=1 if fill else 0,
        )

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.3) -> None:
        self.c.setLineWidth(width * MM)
        self.c.line(x1 * MM, (self.h - y1) * MM, x2 * MM, (self.h - y2) * MM)


def _pt(size: float) -> float:
    return size / MM  # a font size in points, as millimetres


def _draw_code(pen: _Pen, box: Box, payload: str) -> None:
    # Version 4 (33 modules) and one fixed mask for every sheet: choosing the mask per code
    # costs segno ~20 ms a sheet, and the sizes of the layout must not depend on the payload.
    qr = segno.make(payload, error="q", version=QR_VERSION, mask=QR_MASK, boost_error=False)
    side = int(qr.symbol_size(border=0)[0])
    module = box.w / side
    path = pen.c.beginPath()
    for r, row in enumerate(qr.matrix):
        run_start = None
        for col in range(side + 1):
            dark = col < side and bool(row[col])
            if dark and run_start is None:
                run_start = col
            elif not dark and run_start is not None:
                x = box.x + run_start * module
                y = pen.h - box.y - (r + 1) * module
                path.rect(x * MM, y * MM, (col - run_start) * module * MM, module * MM)
                run_start = None
    pen.c.setFillGray(0)
    pen.c.drawPath(path, stroke=0, fill=1)


def _draw_heading(pen: _Pen, g: Geometry, spec: BallotSpec, layout: Layout, page: int) -> None:
    mid_left = g.left + (g.right - g.left) * 0.25
    mid_right = g.left + (g.right - g.left) * 0.72
    half = (g.right - g.left) * 0.48
    line_h = _pt(g.head_pt) * 1.3
    y = g.top + _pt(g.head_pt)
    superior = clean(spec.superior).upper() or DOTS
    issuer = clean(spec.organization).upper() or DOTS
    lines, size = _fit(superior, REGULAR, g.head_pt * 0.9, half, 2)
    for line in lines:
        pen.text(mid_left, y, line, REGULAR, size, "c")
        y += _pt(size) * 1.2
    y += line_h - _pt(size) * 1.2
    lines, size = _fit(issuer, BOLD, g.head_pt, half, 1)
    pen.text(mid_left, y, " ".join(lines), BOLD, size, "c")
    pen.text(mid_left, y + line_h * 0.8, "*", REGULAR, g.head_pt, "c")
    y = g.top + _pt(g.head_pt)
    pen.text(mid_right, y, PARTY, BOLD, g.head_pt, "c")
    w = _width(PARTY, BOLD, g.head_pt)
    pen.line(mid_right - w / 2, y + 1.2, mid_right + w / 2, y + 1.2, 0.25)
    if len(layout.pages) > 1:
        pen.text(
            mid_right, y + line_h * 1.6, f"Trang {page}/{len(layout.pages)}", ITALIC, g.head_pt, "c"
        )


def _draw_title(pen: _Pen, g: Geometry, spec: BallotSpec, layout: Layout, page: int) -> None:
    seal = _seal_box(g)
    pen.c.setDash(2, 2)
    pen.c.setLineWidth(0.25 * MM)
    cx, cy = seal.centre
    pen.c.circle(cx * MM, (pen.h - cy) * MM, seal.w / 2 * MM, stroke=1, fill=0)
    pen.c.setDash()
    words = SEAL_WORDS[spec.kind]
    s = min(_fit(w, ITALIC, g.small_pt, seal.w * 0.75, 1)[1] for w in words)
    for i, word in enumerate(words):
        offset = i - (len(words) - 1) / 2
        pen.text(cx, cy + offset * _pt(s) * 1.25 + _pt(s) * 0.35, word, ITALIC, s, "c")
    left = seal.x + seal.w + 3
    right = g.right - g.code - 3
    centre = (left + right) / 2
    width = right - left
    y = g.top + g.head_h + _pt(g.title_pt) + 1.5
    title, size = _fit(heading_of(spec), BOLD, g.title_pt, width, 1)
    pen.text(centre, y, title[0], BOLD, size, "c")
    y += _pt(g.title_pt) * 0.5
    sub = layout.title
    if sub:
        lines, size = _fit(sub, BOLD, g.text_pt, width, 2, wrap_first=True)
        for line in lines[:3]:
            y += _pt(size) * 1.3
            pen.text(centre, y, line, BOLD, size, "c")
    count = count_line(spec, layout.seats)
    if count:
        y += _pt(g.text_pt) * 1.35
        pen.text(centre, y, count, ITALIC, g.text_pt, "c")


def _draw_instruction(pen: _Pen, g: Geometry, spec: BallotSpec) -> None:
    y = g.top + g.head_h + g.title_h
    width = g.right - g.left
    lines, size = _fit(instruction_of(spec), ITALIC, g.text_pt, width, 2, wrap_first=True)
    for i, line in enumerate(lines):
        pen.text(g.left, y + _pt(size) * (1.05 + 1.25 * i), line, ITALIC, size)


def _draw_table(pen: _Pen, g: Geometry, spec: BallotSpec, page: PageLayout) -> None:
    name_x, name_w, cols = _columns(g, spec.kind)
    head_y = g.rows_top - g.table_head_h
    bottom = g.rows_top + len(page.rows) * g.row_h
    # header cells
    s = g.small_pt
    pen.text(
        g.left + g.order_w / 2, head_y + g.table_head_h / 2 + _pt(s) * 0.35, "STT", BOLD, s, "c"
    )
    name_head = NAME_HEADS[spec.kind]
    if spec.kind == BallotKind.APPROVAL and any(r.position for r in page.rows):
        name_head = NAME_HEADS[BallotKind.CONFIDENCE]
    pen.text(
        name_x + name_w / 2, head_y + g.table_head_h / 2 + _pt(s) * 0.35, name_head, BOLD, s, "c"
    )
    size = min(
        (_fit(head, BOLD, s, g.box_col_w - 1.5, 2, wrap_first=True)[1] for _, head, _ in cols),
        default=s,
    )
    for _, head, x in cols:
        lines, _ = _fit(head, BOLD, size, g.box_col_w - 1.5, 2, wrap_first=True)
        first = head_y + g.table_head_h / 2 - (len(lines) - 1) * _pt(size) * 0.6 + _pt(size) * 0.35
        for i, line in enumerate(lines):
            pen.text(x + g.box_col_w / 2, first + i * _pt(size) * 1.2, line, BOLD, size, "c")
    # grid: outer frame, header rule, a thin rule between rows, column rules
    pen.rect(Box(g.left, head_y, g.right - g.left, bottom - head_y), width=0.35)
    pen.line(g.left, g.rows_top, g.right, g.rows_top, 0.35)
    for i in range(1, len(page.rows)):
        y = g.rows_top + i * g.row_h
        pen.line(g.left, y, g.right, y, 0.15)
    for x in [name_x] + [x for _, _, x in cols]:
        pen.line(x, head_y, x, bottom, 0.25)
    # rows
    strike = spec.kind == BallotKind.STRIKE_OUT
    for row in page.rows:
        y = row.row.y
        pen.text(
            g.left + g.order_w / 2,
            y + g.row_h / 2 + _pt(g.name_pt) * 0.35,
            f"{row.order}",
            REGULAR,
            g.name_pt * 0.9,
            "c",
        )
        pad = 2.0
        items = [(row.name, REGULAR if strike else BOLD, g.name_pt * (1.1 if strike else 0.95))]
        if row.position and not strike:
            items.append((row.position, ITALIC, g.small_pt * 0.92))
        blocks = _block(items, name_w - 2 * pad, g.row_h - 1.0)
        total = sum(len(lines) * _pt(size) * LEADING for lines, _, size in blocks)
        top = y + (g.row_h - total) / 2
        pen.c.saveState()  # never a stroke of text outside the name's cell, into a box
        clip = pen.c.beginPath()
        clip.rect(name_x * MM, (pen.h - y - g.row_h) * MM, name_w * MM, g.row_h * MM)
        pen.c.clipPath(clip, stroke=0, fill=0)
        for lines, font, size in blocks:
            for line in lines:
                pen.text(name_x + pad, top + _pt(size) * 0.9, line, font, size)
                top += _pt(size) * LEADING
        pen.c.restoreState()
        for box in row.boxes.values():
            pen.rect(box, width=0.4)


def _draw_page(pen: _Pen, g: Geometry, spec: BallotSpec, layout: Layout, page: PageLayout) -> None:
    """Everything on a page but its code: the same on every copy."""
    pen.c.setFillGray(0)
    pen.c.setStrokeGray(0)
    for mark in page.marks:
        pen.rect(mark, fill=True)
    _draw_heading(pen, g, spec, layout, page.page)
    _draw_title(pen, g, spec, layout, page.page)
    _draw_instruction(pen, g, spec)
    _draw_table(pen, g, spec, page)


def render(
    spec: BallotSpec,
    copies: int,
    rng: random.Random | None = None,
    *,
    layout: Layout | None = None,
) -> PrintJob:
    """``copies`` ballots of ``spec`` as one PDF, in shuffled order, with the layout and the
    serials issued (sorted). ``rng`` shuffles the sheets (default: :mod:`secrets`); the serials
    always come from :mod:`secrets`. ``layout`` reprints a layout already planned."""
    if copies < 1 or copies > 10_000:
        raise ValidationError("paper_ballot_options", reason=f"copies {copies} (1 to 10000)")
    layout = layout or plan(spec)
    g = GEOMETRY[layout.paper]
    serials: set[str] = set()
    while len(serials) < copies:
        serials.add(new_serial())
    order = sorted(serials)
    (rng or secrets.SystemRandom()).shuffle(order)
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(g.width * MM, g.height * MM), pageCompression=1)
    canvas.setTitle(f"{heading_of(spec)} — {layout.title}".strip(" —"))
    canvas.setAuthor("canbo")
    canvas.setCreator("canbo")
    pen = _Pen(canvas, g.height)
    # Each page's fixed content is drawn once, as a form the copies reuse; only the code
    # differs from sheet to sheet.
    for page in layout.pages:
        canvas.beginForm(f"page{page.page}")
        _draw_page(pen, g, spec, layout, page)
        canvas.endForm()
    for serial in order:
        for page in layout.pages:
            canvas.doForm(f"page{page.page}")
            canvas.setFillGray(0)
            _draw_code(pen, page.code, code_payload(layout.layout_id, page.page, serial))
            canvas.showPage()
    canvas.save()
    return PrintJob(buffer.getvalue(), layout, sorted(serials))
