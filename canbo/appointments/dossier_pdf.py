"""The candidate's dossier (hồ sơ nhân sự, AP-04, AP-09) as a Party document: the official
heading (DOC-04 to DOC-06: the superior body, the unit, a star, the number line; the Party's
title and the date line), then per candidate the identity, the posts held, the classification
and confidence-vote results, discipline, planning, training and the dossier items with who
verified them, and the signature blocks (DOC-09). Every value is set literally
(:mod:`canbo.pdf_text`)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, TableStyle

from canbo.pdf_text import a4_portrait, column_widths, date_line, markup, para, table
from canbo.voting.exports import register_fonts
from canbo.voting.minutes_layout import WIDTH, _grid, _pairs, _signer, _styles

from .dossier import CandidateDossier, Dossier, Row


def _header(d: Dossier, st: dict[str, Any]) -> Any:
    left = [para(d.parent_name.upper(), st["head"])] if d.parent_name else []
    left += [
        para(d.unit_name.upper(), st["headb"]),
        Paragraph("*", st["headb"]),
        Paragraph("Số ......", st["head"]),
    ]
    right = [
        Paragraph("<u>ĐẢNG CỘNG SẢN VIỆT NAM</u>", st["party"]),
        Spacer(1, 6),
        para(date_line("", d.today), st["date"]),
    ]
    header = table([[left, right]], colWidths=[0.45 * WIDTH, 0.55 * WIDTH])
    header.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return header


def _grid_table(head: list[str], rows: tuple[Row, ...], st: dict[str, Any]) -> Any:
    texts = [list(r.cells) for r in rows]
    fonts = ((st["cellb"].fontName, st["cellb"].fontSize), (st["cell"].fontName, 10.0))
    widths = column_widths(head, texts, WIDTH, fonts)
    cells = [[para(h, st["cellb"]) for h in head]] + [
        [para(v, st["cell"]) for v in r] for r in texts
    ]
    grid = table(cells, colWidths=widths, repeatRows=1)
    grid.setStyle(_grid(st))
    return grid


SECTIONS: tuple[tuple[str, str, list[str]], ...] = (
    (
        "positions",
        "Quá trình giữ chức vụ",
        ["Từ ngày", "Đến ngày", "Chức vụ", "Đơn vị", "Quyết định"],
    ),
    ("classifications", "Kết quả đánh giá, xếp loại chất lượng", ["Năm", "Mức xếp loại"]),
    (
        "confidence",
        "Kết quả lấy phiếu tín nhiệm",
        ["Ngày", "Cuộc lấy phiếu", "Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp", "Ghi chú"],
    ),
    ("discipline", "Kỷ luật", ["Ngày quyết định", "Hình thức", "Cấp quyết định", "Số quyết định"]),
    ("planning", "Quy hoạch", ["Chức danh", "Đơn vị", "Nhiệm kỳ", "Ngày đưa vào", "Ngày đưa ra"]),
    ("training", "Đào tạo, bồi dưỡng", ["Thời gian", "Trình độ", "Chuyên ngành", "Cơ sở đào tạo"]),
    ("items", "Thành phần hồ sơ đã xác minh", ["Thành phần", "Người xác minh", "Ngày", "Ghi chú"]),
)


def _candidate(d: Dossier, c: CandidateDossier, st: dict[str, Any]) -> list[Flowable]:
    out: list[Flowable] = [
        Paragraph("HỒ SƠ NHÂN SỰ", st["title"]),
        markup(
            "Đồng chí {name}, đề nghị bổ nhiệm {title}, {unit}",
            st["sub"],
            name=c.full_name,
            title=d.title_name,
            unit=d.unit_name,
        ),
        Paragraph("1. Sơ lược lý lịch", st["section"]),
    ]
    for label, value in c.facts:
        out.append(markup("{label}: {value}", st["item"], label=label, value=value or "-"))
    for n, (attr, title, head) in enumerate(SECTIONS, start=2):
        out.append(markup("{n}. {title}", st["section"], n=n, title=title))
        rows: tuple[Row, ...] = getattr(c, attr)
        if rows:
            out += [_grid_table(head, rows, st), Spacer(1, 4)]
        else:
            out.append(Paragraph("Không có.", st["item"]))
    received = d.dossier_received_on
    out += [
        Spacer(1, 6),
        markup(
            "Hồ sơ được tổng hợp từ cơ sở dữ liệu cán bộ ngày {today}; ngày nhận hồ sơ: {recv}.",
            st["note"],
            today=f"{d.today:%d/%m/%Y}",
            recv=f"{received:%d/%m/%Y}" if received else "chưa nhận",
        ),
        Spacer(1, 12),
        _pairs([_signer(st, ["NGƯỜI LẬP HỒ SƠ"], ""), _signer(st, ["T/M CƠ QUAN THAM MƯU"], "")]),
    ]
    return out


def styles() -> dict[str, ParagraphStyle]:
    """The minutes' styles and a bold, unindented section heading."""
    fonts = register_fonts()
    st = _styles(fonts)
    st["section"] = ParagraphStyle(
        "section", parent=st["body"], fontName=fonts[1], firstLineIndent=0, spaceBefore=6
    )
    return st


def dossier_pdf(d: Dossier) -> bytes:
    st = styles()
    story: list[Flowable] = []
    for i, c in enumerate(d.candidates):
        if i:
            story.append(PageBreak())
        story += [_header(d, st), *_candidate(d, c, st)]
    if not d.candidates:
        story += [_header(d, st), Paragraph("Quy trình không còn người được xem xét.", st["body"])]
    return a4_portrait(story, "Hồ sơ nhân sự")
