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

from pathlib import Path
from typing import Any

from django.http import HttpResponse

from canbo.pdf_fonts import font_path
from canbo.pdf_text import a4_portrait, date_line

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
    from .minutes_layout import story

    fonts = register_fonts()
    if "anchor" not in m:
        m = {**m, "anchor": audit_anchor()}
    return a4_portrait(
        story(m, fonts, date_line(m["conference"].place, m["conference"].held_on)),
        "Biên bản kiểm phiếu",
    )


def minutes_response(m: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(minutes_pdf(m), content_type="application/pdf")
    name = f"bien-ban-kiem-phieu-{m['session'].pk}-v{m['version'].number}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


BAND_LABELS = {
    "none": "Không thuộc diện xem xét",
    "B": "Trên 1/2 phiếu tín nhiệm thấp",
    "C": "Từ 2/3 phiếu tín nhiệm thấp trở lên",
}


def results_xlsx(m: dict[str, Any]) -> bytes:
    """The per-person results table under the minutes' heading (canbo.spreadsheets)."""
    from canbo import spreadsheets as xl

    data, version = m["data"], m["version"]
    fig = data["figures"]
    heading = [
        (m["unit_name"] or m["conference"].title).upper(),
        f"KẾT QUẢ KIỂM PHIẾU: {m['session'].title}",
        f"{m['conference'].title} - {date_line(m['conference'].place, m['conference'].held_on)}",
        f"Văn bản áp dụng: {data['rulebook']['document']}",
        f"Phiên bản kết quả: {version.number}" + (f" ({version.reason})" if version.reason else ""),
        f"Số phiếu phát ra: {fig['issued']}; số phiếu thu về: {fig['collected']}",
    ]
    columns = [
        xl.Column("STT", xl.INTEGER, 6),
        xl.Column("Họ và tên", width=26),
        xl.Column("Chức vụ", width=30),
        xl.Column("Phiếu hợp lệ", xl.INTEGER),
        xl.Column("Phiếu không hợp lệ", xl.INTEGER, 11),
    ]
    for _key, label in LEVELS:
        columns += [xl.Column(label, xl.INTEGER, 10), xl.Column(f"{label} (%)", xl.PERCENT, 10)]
    columns += [
        xl.Column("Mức", width=18),
        xl.Column("Hệ quả", width=50),
        xl.Column("Căn cứ", width=24),
    ]
    rows = [_person_row(i, p) for i, p in enumerate(data["persons"], start=1)]
    return xl.workbook_bytes([("Kết quả", columns, rows, heading)])


def _person_row(i: int, p: dict[str, Any]) -> list[Any]:
    levels: list[Any] = []
    for key, _label in LEVELS:
        levels += [p[key], p["percent"][key]]
    consequences = "; ".join(c["text_vi"] for c in p["consequences"])
    band = BAND_LABELS.get(p["band"], p["band"])
    row = [i, p["full_name"], p["position"], p["valid"], p["invalid"], *levels, band]
    return [*row, consequences, p["band_citation"]["text"]]


def xlsx_response(m: dict[str, Any]) -> HttpResponse:
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(results_xlsx(m), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="ket-qua-{m["session"].pk}.xlsx"'
    return response
