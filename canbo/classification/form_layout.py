"""The flowables of a classification list or statistics form on paper (DOC-04 to DOC-09).

Header: the unit on the left above a star, "ĐẢNG CỘNG SẢN VIỆT NAM" with its rule and the
date line in italics on the right; the form's title and year centred; the table, its header
repeated on every page and its column widths taken from the text so that no header word
breaks (:func:`canbo.pdf_text.column_widths`); the compiler's and the signer's blocks with room
to sign, kept on one page with the table's last two rows (never alone on a page). Numbers are
written the Vietnamese way (1.199; 48,39) and set flush right; a label's leading spaces (a
sub-row of a statistics table) indent it. Every value enters through :mod:`canbo.pdf_text`,
literally.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, TableStyle

from canbo.pdf_text import column_widths, date_line, para, table

if TYPE_CHECKING:
    from .outputs import Form


def _styles(fonts: tuple[str, str, str]) -> dict[str, ParagraphStyle]:
    regular, bold, italic = fonts

    def style(name: str, font: str, size: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=size * 1.25, alignment=TA_CENTER, **kw
        )

    return {
        "head": style("head", regular, 12),
        "headb": style("headb", bold, 12),
        "party": style("party", bold, 13),
        "date": style("date", italic, 12),
        "title": style("title", bold, 14, spaceBefore=10),
        "period": style("period", bold, 12, spaceAfter=8),
        "cellh": style("cellh", bold, 8.5, splitLongWords=0),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=8.5, leading=10.5),
        "num": ParagraphStyle(
            "num", fontName=regular, fontSize=8.5, leading=10.5, alignment=TA_RIGHT
        ),
        "note": style("note", italic, 10),
        "name": style("name", bold, 12),
    }


def _header(form: Form, st: dict[str, ParagraphStyle], width: float) -> Flowable:
    left = [para(form.issuer.upper(), st["headb"]), Paragraph("*", st["headb"])]
    right = [
        Paragraph("<u>ĐẢNG CỘNG SẢN VIỆT NAM</u>", st["party"]),
        Spacer(1, 4),
        para(date_line("", form.day), st["date"]),
    ]
    grid = table([[left, right]], colWidths=[0.45 * width, 0.55 * width])
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return grid


TAIL_ROWS = 2
"""Rows of the table kept on the signatures' page, so the closing block never stands alone."""

INDENT = 4
"""Leading spaces of a label that make one level of indentation (``"    Nữ"``)."""


def number_text(value: float) -> str:
    """A number as a Vietnamese document writes it: 1.199, 48,39, 87,1 (two decimals at
    most, no trailing zeros)."""
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.translate(str.maketrans(",.", ".,"))


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _cell(value: object, st: dict[str, ParagraphStyle]) -> Flowable:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return para(number_text(value), st["num"])
    text = "" if value is None else str(value)
    depth = (len(text) - len(text.lstrip(" "))) // INDENT
    if not depth:
        return para(text, st["cell"])
    style = ParagraphStyle(f"cell{depth}", parent=st["cell"], leftIndent=10 * depth)
    return para(text.lstrip(" "), style)


def _shown(row: list[Any]) -> list[Any]:
    return [number_text(v) if _is_number(v) else v for v in row]


def _grids(form: Form, st: dict[str, ParagraphStyle], width: float) -> tuple[Flowable, ...]:
    """The table, split so that its last rows can stay with the signatures: the head and the
    body (header repeated on every page), then the tail, the same columns without a header."""
    head = [para(h, st["cellh"]) for h in form.header]
    body = [[_cell(v, st) for v in row] for row in form.rows]
    fonts = ((st["cellh"].fontName, st["cellh"].fontSize), (st["cell"].fontName, 8.5))
    # reportlab pads each cell 6 pt on either side.
    shown = [_shown(row) for row in form.rows]
    widths = column_widths(form.header, shown, width, fonts, padding=13)
    # Rows a little tighter than reportlab's default (2 pt above and below, not 3), so that a
    # statistics table of seventeen rows (Biểu 1) and its signatures share one landscape page.
    lined = [
        ("GRID", (0, 0), (-1, -1), 0.4, "#555555"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    split = max(0, len(body) - TAIL_ROWS)
    grid = table([head, *body[:split]], repeatRows=1, colWidths=widths)
    grid.setStyle(TableStyle([*lined, ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee")]))
    if not body[split:]:
        return (grid,)
    tail = table(body[split:], colWidths=widths)
    tail.setStyle(TableStyle(lined))
    return grid, tail


def _signatures(form: Form, st: dict[str, ParagraphStyle], width: float) -> Flowable:
    """The compiler's and the signer's blocks; both names on one row below the room to sign."""

    def top(titles: list[str]) -> list[Flowable]:
        return [*(para(t, st["headb"]) for t in titles), para("(Ký, ghi rõ họ và tên)", st["note"])]

    signer = [form.signer, "BÍ THƯ"] if form.signer.startswith("T/M") else [form.signer]
    name = para("." * 40, st["name"])
    rows: list[list[Any]] = [[top(["NGƯỜI LẬP BIỂU"]), top(signer)], ["", ""], [name, name]]
    grid = table(rows, colWidths=[width / 2] * 2, rowHeights=[None, 2 * cm, None])
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return grid


def story(form: Form, fonts: tuple[str, str, str], width: float) -> list[Flowable]:
    st = _styles(fonts)
    *grid, tail = _grids(form, st, width)
    return [
        _header(form, st, width),
        para(form.title.upper(), st["title"]),
        para(form.period, st["period"]),
        *grid,
        KeepTogether([tail, Spacer(1, 12), _signatures(form, st, width)]),
    ]
