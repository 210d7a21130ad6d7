"""The lists and statistics forms of the guidance as XLSX and PDF (CL-24).

The list (danh sách kết quả xếp loại) has one row per subject in Vietnamese name order; the
statistics form (biểu thống kê) counts subjects by kind and level with the share of each level
among those classified. PDF uses reportlab with DejaVu Sans for Vietnamese, when installed.
"""

from __future__ import annotations

import importlib.util
import io
from collections.abc import Sequence

from django.utils.translation import gettext as _

from canbo import spreadsheets
from canbo.core.errors import ValidationError
from canbo.pdf_fonts import font_path

from . import choices
from .selectors import LEVELS, Stats, UnitReview

PDF_FONT = font_path("sans")  # bundled: full Vietnamese glyphs, offline


def _level_label(value: int | None, show: bool) -> str:
    if value is None:
        return ""
    return choices.Level(value).name if show else "—"


def list_table(review: UnitReview) -> tuple[list[str], list[list[str]]]:
    """Danh sách kết quả: STT, name, kind, proposed, final level, version, exemption."""
    header = [
        _("STT"), _("Họ và tên / Tập thể"), _("Loại"), _("Mức đề xuất"), _("Mức xếp loại"),
        _("Phiên bản"), _("Không xếp loại"),
    ]  # fmt: skip
    rows = []
    for i, s in enumerate(review.subjects, start=1):
        rows.append(
            [
                str(i), s.name, str(choices.SubjectKind(s.kind).label),
                _level_label(s.proposed_level, review.show_levels),
                _level_label(s.final_level, review.show_levels), str(s.version),
                str(choices.EXEMPTIONS.get(s.exemption, "")),
            ]
        )  # fmt: skip
    return header, rows


def stats_table(stats: Stats) -> tuple[list[str], list[list[str]]]:
    """Biểu thống kê: per kind, totals and each level with its share of the classified."""
    header = [_("Loại"), _("Tổng số"), _("Đã xếp loại")]
    for level in LEVELS:
        header += [level.code, f"{level.code} %"]
    header += [_("Chưa quyết định"), _("Không xếp loại")]
    rows = []
    for r in stats.rows:
        line = [str(choices.SubjectKind(r["kind"]).label), str(r["total"]), str(r["classified"])]
        for level in LEVELS:
            shown = stats.show_levels
            line += [
                str(r[level.code]) if shown else "—",
                f"{r[f'{level.code}_pct']}" if shown else "—",
            ]
        line += [str(r["pending"]), str(r["exempt"])]
        rows.append(line)
    return header, rows


def xlsx_bytes(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    spreadsheets.append_text_row(sheet, list(header))
    for row in rows:
        # Numbers stay numbers; every other value is a text cell, never a formula.
        spreadsheets.append_text_row(sheet, [_number(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _number(text: str) -> int | float | str:
    try:
        return int(text)
    except ValueError:
        try:
            return float(text) if "." in text else text
        except ValueError:
            return text


def pdf_bytes(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    """An A4 landscape table; refused with a clear message when reportlab is missing."""
    if not importlib.util.find_spec("reportlab") or not PDF_FONT.exists():
        raise ValidationError(
            "pdf_unavailable",
            "Xuất PDF cần gói reportlab và phông DejaVu Sans. / PDF output needs reportlab and "
            "the DejaVu Sans font.",
        )
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import SimpleDocTemplate, TableStyle

    from canbo.pdf_text import para
    from canbo.pdf_text import table as pdf_table

    pdfmetrics.registerFont(TTFont("CanboSans", str(PDF_FONT)))
    style = getSampleStyleSheet()["Title"].clone("canbo-title", fontName="CanboSans")
    cell = getSampleStyleSheet()["Normal"].clone("canbo-cell", fontName="CanboSans", fontSize=8)
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), title=title)
    # Every cell is a literal paragraph: it wraps inside its column instead of running off the
    # page, and no value is read as markup (canbo.pdf_text).
    grid = [[para(v, cell) for v in r] for r in (header, *rows)]
    table = pdf_table(grid, repeatRows=1, colWidths=_pdf_widths(doc.width, header, rows))
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), "CanboSans"),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("GRID", (0, 0), (-1, -1), 0.25, "#888888"),
                ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee"),
            ]
        )
    )
    doc.build([para(title, style), table])
    return out.getvalue()


def _pdf_widths(width: float, header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[float]:
    """Column widths filling the page, each in proportion to its longest value (capped, so
    that one long name cannot squeeze the other columns to nothing)."""
    longest = [
        min(max(len(str(v)) for v in col), 40) + 4 for col in zip(header, *rows, strict=True)
    ]
    return [width * n / sum(longest) for n in longest]
