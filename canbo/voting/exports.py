"""The counting minutes (biên bản kiểm phiếu) as PDF and the results as XLSX.

The PDF follows the layout of Vietnamese administrative and Party documents (NĐ 30/2020/NĐ-CP,
Phụ lục I; HD 36-HD/VPTW for Party documents): for a Party body the issuing committee on the
left and "ĐẢNG CỘNG SẢN VIỆT NAM" on the right; for a State body the national motto
(Quốc hiệu, Tiêu ngữ) on the right; the place and date line in italics. Text is set in a
TrueType serif with every Vietnamese glyph (Liberation Serif, metric twin of Times New Roman,
else DejaVu Serif); without one the export fails with a clear message instead of printing
boxes.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from canbo.pdf_fonts import font_path
from canbo.spreadsheets import append_text_row

FONT_CANDIDATES = (
    (
        "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf",
    ),
    # Bundled with canbo, so the minutes print offline on any machine.
    (
        str(font_path("serif")),
        str(font_path("serif-bold")),
        str(font_path("serif-italic")),
    ),
)
# Liberation 1.x (fonts-liberation) has no precomposed Vietnamese letters: every family is
# probed for these before it is used.
VIETNAMESE_PROBE = "ĐđƠơƯưẢảẬậỘộỮữẫỨ"
LEVELS = (("high", "Tín nhiệm cao"), ("mid", "Tín nhiệm"), ("low", "Tín nhiệm thấp"))


class MinutesFontMissing(RuntimeError):
    """No serif TrueType font with Vietnamese glyphs is installed."""

    def __init__(self) -> None:
        super().__init__(
            "Không tìm thấy phông chữ có dấu tiếng Việt để in biên bản / no Vietnamese serif "
            "font found. Cài gói / install: fonts-liberation2 hoặc/or fonts-dejavu-core "
            f"(tìm tại / looked for: {', '.join(c[0] for c in FONT_CANDIDATES)})."
        )


def register_fonts() -> tuple[str, str, str]:
    """Register the first complete serif family found; names of regular, bold, italic."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = ("CanboSerif", "CanboSerif-Bold", "CanboSerif-Italic")
    if names[0] in pdfmetrics.getRegisteredFontNames():
        return names
    for paths in FONT_CANDIDATES:
        if not all(Path(p).exists() for p in paths):
            continue
        fonts = [TTFont(name, path) for name, path in zip(names, paths, strict=True)]
        if all(ord(ch) in f.face.charToGlyph for f in fonts for ch in VIETNAMESE_PROBE):
            for font in fonts:
                pdfmetrics.registerFont(font)
            return names
    raise MinutesFontMissing


def date_line(place: str, day: dt.date) -> str:
    """ "Yên Minh, ngày 05 tháng 02 năm 2026": days below 10 and months 1, 2 take a leading
    zero (NĐ 30/2020/NĐ-CP, Phụ lục I)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    text = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    return f"{place}, {text}" if place else text.capitalize()


def audit_anchor() -> str | None:
    """A signed checkpoint of the audit chain to print in the minutes, so that the filed
    minutes carry an anchor kept outside the server (``canbo audit verify --anchor``);
    ``None`` when the chain does not verify (the minutes then say so)."""
    from canbo.audit.log import AuditChainTampered, take_anchor
    from canbo.core.audit_chain import format_anchor
    from canbo.core.clock import SystemClock

    try:
        return format_anchor(take_anchor(SystemClock().now()))
    except AuditChainTampered:
        return None


def minutes_pdf(m: dict[str, Any]) -> bytes:
    """Render the counting minutes of the latest result version as PDF bytes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate

    from .minutes_layout import story

    fonts = register_fonts()
    if "anchor" not in m:
        m = {**m, "anchor": audit_anchor()}
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2.5 * cm,
        rightMargin=1.5 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title="Biên bản kiểm phiếu",
        author="canbo",
    )
    doc.build(story(m, fonts, date_line(m["conference"].place, m["conference"].held_on)))
    return buffer.getvalue()


def minutes_response(m: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(minutes_pdf(m), content_type="application/pdf")
    name = f"bien-ban-kiem-phieu-{m['session'].pk}-v{m['version'].number}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


def results_xlsx(m: dict[str, Any]) -> bytes:
    """The per-person results table with the figures and the rulebook on top."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # noqa: S101
    ws.title = "Kết quả"
    data = m["data"]
    fig = data["figures"]
    head = [
        (m["conference"].title,),
        (m["session"].title,),
        ("Văn bản áp dụng", data["rulebook"]["document"]),
        ("Phiên bản kết quả", m["version"].number, m["version"].reason),
        ("Số phiếu phát ra", fig["issued"]),
        ("Số phiếu thu về", fig["collected"]),
        (),
    ]
    for row in head:
        append_text_row(ws, list(row))  # titles are user text: never formulas
    ws["A1"].font = Font(bold=True, size=13)
    _person_rows(ws, data)
    for col, width in zip(
        "ABCDEFGHIJKLMN", (5, 26, 30, 10, 10, 10, 10, 10, 10, 10, 10, 6, 50, 24), strict=True
    ):
        ws.column_dimensions[col].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _person_rows(ws: Any, data: dict[str, Any]) -> None:
    columns = ["STT", "Họ và tên", "Chức vụ", "Phiếu hợp lệ", "Phiếu không hợp lệ"]
    for _key, label in LEVELS:
        columns += [label, f"{label} (%)"]
    ws.append([*columns, "Mức", "Hệ quả", "Căn cứ"])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for i, p in enumerate(data["persons"], start=1):
        levels: list[Any] = []
        for key, _label in LEVELS:
            levels += [p[key], p["percent"][key]]
        consequences = "; ".join(c["text_vi"] for c in p["consequences"])
        append_text_row(
            ws,
            [
                i,
                p["full_name"],
                p["position"],
                p["valid"],
                p["invalid"],
                *levels,
                p["band"],
                consequences,
                p["band_citation"]["text"],
            ],
        )


def xlsx_response(m: dict[str, Any]) -> HttpResponse:
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(results_xlsx(m), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="ket-qua-{m["session"].pk}.xlsx"'
    return response
