"""Exports of a request's overview: XLSX (status of every unit, aggregates, answers by unit)
and PDF (a Party report of the requester: official heading, counts, aggregates, late units,
the compiler's and the head's signature blocks, DOC-04 to DOC-09)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, Spacer, TableStyle

from canbo.core.surveys.forms import FieldKind
from canbo.pdf_text import a4_portrait, date_line, para, table
from canbo.spreadsheets import DATE, DECIMAL, INTEGER, NUMBER, TEXT, Column, workbook_bytes
from canbo.voting.exports import register_fonts

from . import choices
from .pages import aggregate_lines
from .selectors import Overview

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WIDTH = 17 * cm


def _status_label(value: str) -> str:
    return str(choices.AssignmentStatus(value).label)


def _heading(o: Overview) -> list[str]:
    r = o.request
    return [
        o.requester_name.upper(),
        r.title,
        f"Biểu mẫu: {o.spec.title}, phiên bản {o.spec.version}; hạn nộp {r.deadline:%d/%m/%Y}",
    ]


def overview_xlsx(o: Overview) -> bytes:
    """Three sheets: units and status, aggregates, answers by unit (numbers as numbers)."""
    units = [
        Column("Đơn vị", TEXT, 40),
        Column("Tình trạng", TEXT, 20),
        Column("Ngày nộp", DATE),
        Column("Số phiên bản", INTEGER),
        Column("Số lần nhắc", INTEGER),
    ]
    unit_rows = [
        [r.unit_name, _status_label(r.status), r.first_submitted_on, r.versions, r.reminders]
        for r in o.rows
    ]
    agg_cols = [
        Column("Mục", TEXT, 40),
        Column("Số đơn vị trả lời", INTEGER),
        Column("Tổng", NUMBER),
        Column("Trung bình", DECIMAL),  # 95,07, not 95,0666666667
        Column("Nhỏ nhất", NUMBER),
        Column("Lớn nhất", NUMBER),
        Column("Phân bố", TEXT, 40),
    ]
    agg_rows = [
        [
            line.label,
            line.count,
            line.total,
            line.mean,
            line.minimum,
            line.maximum,
            "; ".join(f"{k}: {n}" for k, n in line.distribution),
        ]
        for line in aggregate_lines(o.spec, o.total, {r.unit_id: r.unit_name for r in o.rows})
    ]
    scalar = [f for f in o.spec.fields if f.kind is not FieldKind.TABLE]
    answer_cols = [Column("Đơn vị", TEXT, 40)] + [
        Column(f.label, NUMBER if f.kind is FieldKind.NUMBER else TEXT) for f in scalar
    ]
    answer_rows = [
        [r.unit_name] + [_cell(f, (r.answers or {}).get(f.key)) for f in scalar]
        for r in o.rows
        if r.answers is not None
    ]
    heading = _heading(o)
    return workbook_bytes(
        [
            ("Tình hình nộp", units, unit_rows, heading),
            ("Tổng hợp", agg_cols, agg_rows, heading),
            ("Trả lời theo đơn vị", answer_cols, answer_rows, heading),
        ]
    )


def _cell(item: Any, value: Any) -> Any:
    if item.kind is FieldKind.CHOICE and value is not None:
        values = value if isinstance(value, list) else [value]
        return "; ".join(item.option_label(v) for v in values)
    return value


def _styles(fonts: tuple[str, str, str]) -> dict[str, ParagraphStyle]:
    regular, bold, italic = fonts
    return {
        "head": ParagraphStyle(
            "head", fontName=regular, fontSize=12.5, leading=15, alignment=TA_CENTER
        ),
        "headb": ParagraphStyle(
            "headb", fontName=bold, fontSize=13, leading=15, alignment=TA_CENTER
        ),
        "party": ParagraphStyle(
            "party", fontName=bold, fontSize=14, leading=17, alignment=TA_CENTER
        ),
        "date": ParagraphStyle(
            "date", fontName=italic, fontSize=13, leading=16, alignment=TA_CENTER
        ),
        "title": ParagraphStyle(
            "title",
            fontName=bold,
            fontSize=14,
            leading=18,
            alignment=TA_CENTER,
            spaceBefore=14,
            spaceAfter=8,
        ),
        "body": ParagraphStyle("body", fontName=regular, fontSize=12, leading=16, spaceAfter=4),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=9.5, leading=11.5),
        "num": ParagraphStyle(
            "num", fontName=regular, fontSize=9.5, leading=11.5, alignment=TA_RIGHT
        ),
        "note": ParagraphStyle(
            "note", fontName=italic, fontSize=11, leading=13, alignment=TA_CENTER
        ),
    }


def _grid(
    rows: list[list[Any]], widths: list[float], st: dict[str, ParagraphStyle], numbers: int = 0
) -> Any:
    """A table with its header repeated; columns 1..``numbers`` hold figures, set flush right."""
    cells = [
        [
            para(v if v is not None else "", st["num" if 0 < i <= numbers else "cell"])
            for i, v in enumerate(row)
        ]
        for row in rows
    ]
    grid = table(cells, colWidths=widths, repeatRows=1)
    grid.setStyle(
        TableStyle(
            [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
    )
    return grid


def _number(value: Any) -> str:
    """1.785 and 95,07: thousands grouped with dots, decimals after a comma."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".translate(str.maketrans(",.", ".,"))
    return f"{int(value):,}".replace(",", ".")


def _opinions(o: Overview, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The free-text answers by unit (the first ones the roll-up keeps; all are in the XLSX)."""
    names = {r.unit_id: r.unit_name for r in o.rows}
    rows = [["Mục", "Đơn vị", "Ý kiến"]]
    for line in aggregate_lines(o.spec, o.total, names):
        rows += [[line.label, unit, text] for unit, text in line.texts]
    if len(rows) == 1:
        return []
    heading = para("Ý kiến của các đơn vị:", st["body"])
    return [Spacer(1, 8), heading, _grid(rows, [5 * cm, 4.5 * cm, 7.5 * cm], st)]


def overview_pdf(o: Overview, today: Any, place: str) -> bytes:
    st = _styles(register_fonts())
    left = [para(o.requester_name.upper(), st["head"]), Paragraph("*", st["headb"])]
    right = [
        Paragraph("<u>ĐẢNG CỘNG SẢN VIỆT NAM</u>", st["party"]),
        Spacer(1, 6),
        para(date_line(place, today), st["date"]),
    ]
    story: list[Flowable] = [table([[left, right]], colWidths=[0.45 * WIDTH, 0.55 * WIDTH])]
    story += [para(f"BÁO CÁO TỔNG HỢP: {o.request.title.upper()}", st["title"])]
    c = {str(k): v for k, v in o.counts.items()}
    story.append(
        para(
            f"Gửi {o.assigned} đơn vị; đã nộp đúng hạn {c['submitted']}, nộp muộn "
            f"{c['submitted_late']}, quá hạn chưa nộp {c['overdue']}, "
            f"đang nhập {c['in_progress']}, "
            f"chưa bắt đầu {c['not_started']}. Hạn nộp {o.request.deadline:%d/%m/%Y}.",
            st["body"],
        )
    )
    rows = [["Mục", "Số trả lời", "Tổng", "Trung bình", "Phân bố"]]
    for line in aggregate_lines(o.spec, o.total, {r.unit_id: r.unit_name for r in o.rows}):
        dist = "; ".join(f"{k}: {n}" for k, n in line.distribution)
        rows.append([line.label, str(line.count), _number(line.total), _number(line.mean), dist])
    story.append(_grid(rows, [6 * cm, 2 * cm, 2.5 * cm, 2.5 * cm, 4 * cm], st, numbers=3))
    story += _opinions(o, st)
    late = o.late_rows
    if late:
        story.append(para("Các đơn vị nộp muộn hoặc quá hạn chưa nộp:", st["body"]))
        late_rows = [["Đơn vị", "Tình trạng"]] + [
            [r.unit_name, _status_label(r.status)] for r in late
        ]
        story.append(_grid(late_rows, [11 * cm, 6 * cm], st))
    sign = [
        [para("NGƯỜI TỔNG HỢP", st["headb"]), para("T/M BAN THƯỜNG VỤ", st["headb"])],
        [para("(Ký, ghi rõ họ và tên)", st["note"]), para("(Ký, ghi rõ họ và tên)", st["note"])],
        ["", ""],  # room to sign
        [para("." * 40, st["headb"]), para("." * 40, st["headb"])],
    ]
    signatures = table(
        sign, colWidths=[WIDTH / 2, WIDTH / 2], rowHeights=[None, None, 2 * cm, None]
    )
    story += [Spacer(1, 16), signatures]
    return a4_portrait(story, o.request.title)


def xlsx_response(o: Overview) -> HttpResponse:
    response = HttpResponse(overview_xlsx(o), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="tong-hop-{o.request.pk}.xlsx"'
    return response


def pdf_response(o: Overview, today: Any, place: str) -> HttpResponse:
    response = HttpResponse(overview_pdf(o, today, place), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="tong-hop-{o.request.pk}.pdf"'
    return response
