"""User text in generated PDFs is always literal, never reportlab markup.

reportlab's ``Paragraph`` parses its text as a small markup language: ``<img src=...>`` embeds
any image file the server can read, ``<a href=...>`` adds links, ``<font size=0>`` or
``<font color=white>`` hides text, and a malformed tag raises in the middle of a render. Every
PDF canbo makes therefore builds its paragraphs here:

- :func:`para` sets a whole string literally;
- :func:`markup` fills a layout template with values: the template is a string literal in
  canbo's own code and is the only markup trusted; every value (names, titles, places, reasons,
  rulebook texts, numbers) is escaped first.

Escaping is ``xml.sax.saxutils.escape`` (``&``, ``<``, ``>``; entities such as ``&nbsp;`` or
``&#60;`` then print as typed). Characters a PDF cannot carry as text (C0/C1 controls such as NUL,
lone surrogates, non-characters) are replaced by U+FFFD, visibly, instead of vanishing or
failing. Directional formatting characters (U+202E and the like) are kept: reportlab lays text
out in logical order, so they cannot reorder what is printed. Tables holding user text are built
with :func:`table` (``splitInRow``), so a cell taller than a page continues on the next page
instead of failing the whole render.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table

REPLACEMENT = "\ufffd"
# Layout whitespace the paragraph parser folds into spaces anyway.
_KEPT_CONTROLS = frozenset("\t\n\r")
# Unicode categories with nothing printable: controls, surrogates, unassigned (non-characters).
_UNPRINTABLE = frozenset({"Cc", "Cs", "Cn"})


def _printable(ch: str) -> str:
    if ch in _KEPT_CONTROLS or unicodedata.category(ch) not in _UNPRINTABLE:
        return ch
    return REPLACEMENT


def literal(value: object) -> str:
    """``value`` as paragraph text that prints exactly as written (see the module docstring)."""
    text = "" if value is None else str(value)
    if not text.isprintable():
        text = "".join(_printable(ch) for ch in text)
    return escape(text)


def para(value: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph whose whole text is ``value``, set literally."""
    return Paragraph(literal(value), style)


def markup(template: str, style: ParagraphStyle, /, **values: object) -> Paragraph:
    """A paragraph from canbo's own layout ``template`` (``str.format`` fields, trusted markup
    such as ``<b>``, ``<br/>``) with every value escaped before it is put in."""
    return Paragraph(template.format_map({k: literal(v) for k, v in values.items()}), style)


def lines(values: Sequence[object], style: ParagraphStyle, *, empty: str = "-") -> Paragraph:
    """One paragraph with each value on its own line, every value literal."""
    return Paragraph("<br/>".join(literal(v) for v in values) or literal(empty), style)


def table(rows: Sequence[Sequence[Any]], **kwargs: Any) -> Table:
    """A reportlab ``Table`` whose rows may split across pages (``splitInRow``), so that a
    very long value in one cell cannot make the document impossible to lay out."""
    return Table([list(r) for r in rows], splitInRow=1, **kwargs)


def column_widths(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    total: float,
    fonts: tuple[tuple[str, float], tuple[str, float]],
    *,
    padding: float = 6.0,
) -> list[float]:
    """Column widths that fill ``total`` points and never break a header word.

    Each column is at least as wide as its longest header word (set in ``fonts[0]``, name and
    size) and its longest value word (``fonts[1]``; a value word is counted up to a third of
    the table, so that one absurd value cannot squeeze the others), plus ``padding``; what is
    left is shared in proportion to how much wider each column's longest value (or a third
    of its header) is. Header
    paragraphs then wrap at spaces only, never inside a word ("Khôn-g hợp lệ").
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    (head_font, head_size), (cell_font, cell_size) = fonts
    floors, wants = [], []
    for i, title in enumerate(header):
        values = [literal_text(r[i]) for r in rows if i < len(r)]
        words = [stringWidth(w, head_font, head_size) for w in title.split()] or [0.0]
        words += [min(stringWidth(w, cell_font, cell_size), total / 3) for v in values
                  for w in v.split()]  # fmt: skip
        floor = max(words) + padding
        # A header may wrap onto two or three lines: a third of its length is wanted.
        whole = max([stringWidth(title, head_font, head_size) / 3]
                    + [stringWidth(v, cell_font, cell_size) for v in values])  # fmt: skip
        floors.append(floor)
        wants.append(max(min(whole + padding, total * 0.6) - floor, 0.0))
    spare = total - sum(floors)
    if spare <= 0:
        return [w * total / sum(floors) for w in floors]
    share = sum(wants)
    if share == 0:
        return [w + spare / len(floors) for w in floors]
    return [w + spare * want / share for w, want in zip(floors, wants, strict=True)]


def literal_text(value: object) -> str:
    """``value`` as the plain text a cell shows."""
    return "" if value is None else str(value)


def date_line(place: str, day: dt.date) -> str:
    """ "Yên Minh, ngày 05 tháng 02 năm 2026" (DOC-06): days below 10 and months 1, 2 take a
    leading zero (NĐ 30/2020/NĐ-CP, Phụ lục I)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    text = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    return f"{place}, {text}" if place else text.capitalize()


def a4_portrait(story: list[Flowable], title: str) -> bytes:
    """A Party document on A4 portrait (minutes, personal history forms): the margins they
    share (left 2.5 cm for binding, right 1.5 cm, top and bottom 2 cm) and the PDF's title."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2.5 * cm,
        rightMargin=1.5 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=title,
        author="canbo",
    )
    doc.build(story)
    return buffer.getvalue()
