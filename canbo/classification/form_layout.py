"""The flowables of a classification list or statistics form on paper (DOC-04 to DOC-09).

Header: the unit on the left above a star, "ĐẢNG CỘNG SẢN VIỆT NAM" with its rule and the
date line in italics on the right; the form's title and year centred; the table, its header
repeated on every page and its column widths taken from the text so that no header word
breaks (:func:`canbo.pdf_text.column_widths`); the compiler's and the signer's blocks with room
to sign. Every value enters through :mod:`canbo.pdf_text`, literally.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.enums import TA_CENTER
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


def _grid(form: Form, st: dict[str, ParagraphStyle], width: float) -> Flowable:
    head = [para(h, st["cellh"]) for h in form.header]
    body = [[para(v, st["cell"]) for v in row] for row in form.rows]
    fonts = ((st["cellh"].fontName, st["cellh"].fontSize), (st["cell"].fontName, 8.5))
    # reportlab pads each cell 6 pt on either side.
    widths = column_widths(form.header, form.rows, width, fonts, padding=13)
    grid = table([head, *body], repeatRows=1, colWidths=widths)
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, "#555555"),
                ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return grid


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
    return [
        _header(form, st, width),
        para(form.title.upper(), st["title"]),
        para(form.period, st["period"]),
        _grid(form, st, width),
        KeepTogether([Spacer(1, 12), _signatures(form, st, width)]),
    ]
