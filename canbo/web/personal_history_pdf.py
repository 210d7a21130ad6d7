"""The printed personal history form (sơ yếu lý lịch, 2C/TCTW-98) and the Party member's
record summary (hồ sơ đảng viên), as vendor-neutral reportlab PDFs.

The personal history form opens with the organization chain and the cadre number on the left
and the form's name on the right, a 4 × 6 cm photo box beside the title, then numbered items
with the person's values (a dotted line where canbo holds nothing, to be filled by hand), the
training table, the work history table, relatives, the declaration and the two signature
blocks (the person who declares, the body that manages the cadre). Its item list is the
civil servants' list plus the Party items, as the handbook sets by default (FRM-05, values
written as FRM-06 says); the form's printed text has not been compared with an original
(docs/records.md). The record summary follows the Party member sheet (FRM-07): the
organization chain down to the cell, the record and card numbers, a 3 × 4 cm photo, the
membership events and the cell history, signed by the member and for the grassroots
committee. Every value enters a paragraph through :mod:`canbo.pdf_text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import translation
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    TableStyle,
)

from canbo.core.personal_history import HistoryKind
from canbo.core.types import Sex
from canbo.pdf_fonts import font_path
from canbo.pdf_text import a4_portrait, column_widths, literal_text, markup, para, table
from canbo.registry import models as m

from .history_selectors import Sheet, level_text

WIDTH = 17 * cm
DOTS = "." * 60
SHORT_DOTS = "." * 24
FONTS = ("CanboForm", "CanboForm-Bold", "CanboForm-Italic")
_FILES = ("serif", "serif-bold", "serif-italic")


def _fonts() -> tuple[str, str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONTS[0] not in pdfmetrics.getRegisteredFontNames():
        for name, style in zip(FONTS, _FILES, strict=True):
            pdfmetrics.registerFont(TTFont(name, str(font_path(style))))
    return FONTS


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold, italic = _fonts()
    base = ParagraphStyle("body", fontName=regular, fontSize=12, leading=16, spaceAfter=2)
    return {
        "body": base,
        "head": ParagraphStyle("head", fontName=regular, fontSize=11.5, leading=15),
        "form": ParagraphStyle("form", fontName=bold, fontSize=12, leading=15, alignment=TA_CENTER),
        "title": ParagraphStyle(
            "title", fontName=bold, fontSize=16, leading=20, alignment=TA_CENTER
        ),
        "party": ParagraphStyle(
            "party", fontName=bold, fontSize=13, leading=16, alignment=TA_CENTER
        ),
        "center": ParagraphStyle(
            "center", fontName=regular, fontSize=11, leading=14, alignment=TA_CENTER
        ),
        "section": ParagraphStyle(
            "section", fontName=bold, fontSize=12, leading=16, spaceBefore=6, spaceAfter=3
        ),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=10, leading=12),
        "cellb": ParagraphStyle(
            "cellb",
            fontName=bold,
            fontSize=9.5,
            leading=11.5,
            alignment=TA_CENTER,
            splitLongWords=0,
        ),
        "date": ParagraphStyle(
            "date", fontName=italic, fontSize=12, leading=15, alignment=TA_CENTER
        ),
        "sign": ParagraphStyle("sign", fontName=bold, fontSize=12, leading=15, alignment=TA_CENTER),
        "sign_note": ParagraphStyle(
            "sign_note", fontName=italic, fontSize=11, leading=14, alignment=TA_CENTER
        ),
        "note": ParagraphStyle("note", fontName=italic, fontSize=11, leading=14, alignment=TA_LEFT),
    }


def _day(value: object) -> str:
    """dd/mm/yyyy, or a dotted line to fill by hand."""
    return f"{value:%d/%m/%Y}" if value else SHORT_DOTS


def _or_dots(value: object) -> str:
    text = literal_text(value).strip()
    return text or DOTS


def _dots_after(text: str, style: ParagraphStyle) -> str:
    """Dots from the end of ``text`` to the end of its line, to write on by hand."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    line = WIDTH - 12
    used = stringWidth(text, style.fontName, style.fontSize) % line
    dot = stringWidth(".", style.fontName, style.fontSize)
    count = int((line - used) / dot) - 2
    return "." * (count if count >= 8 else int(line / dot) - 2)


def _item(st: dict[str, ParagraphStyle], number: str, label: str, value: object) -> Paragraph:
    text = literal_text(value).strip()
    if not text:
        text = _dots_after(f"{number}) {label}: ", st["body"])
    return markup("{n}) {label}: {value}", st["body"], n=number, label=label, value=text)


def _photo_box(sheet: Sheet, st: dict[str, ParagraphStyle], w: float, h: float) -> Flowable:
    """The photo box (4 × 6 cm on the form, 3 × 4 cm on the member sheet): the photo when one
    is kept, else the words of the printed form."""
    if sheet.photo is not None:
        inner: Flowable = Image(str(sheet.photo), width=w - 4, height=h - 4, kind="proportional")
    else:
        size = f"{w / cm:.0f} × {h / cm:.0f} cm"
        inner = markup("Ảnh màu<br/>({size})", st["center"], size=size)
    box = table([[inner]], colWidths=[w], rowHeights=[h])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return box


def _grid(
    st: dict[str, ParagraphStyle], header: Sequence[str], rows: Sequence[Sequence[str]]
) -> Flowable:
    """A bordered table whose header words never break (:func:`column_widths`)."""
    fonts = ((st["cellb"].fontName, st["cellb"].fontSize), (st["cell"].fontName, 10.0))
    # Cell padding is 6 points each side: the widths keep room for it (no word breaks).
    widths = column_widths(header, rows, WIDTH, fonts, padding=14)
    body = [[para(h, st["cellb"]) for h in header]]
    body += [[para(v, st["cell"]) for v in row] for row in rows]
    heights: list[float | None] = [None] * len(body)
    if not rows:  # two empty lines to fill by hand
        body += [["" for _ in header], ["" for _ in header]]
        heights += [0.8 * cm, 0.8 * cm]
    grid = table(body, colWidths=widths, rowHeights=heights, repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ]
        )
    )
    return grid


def _unit_lines(sheet: Sheet) -> tuple[str, str, str]:
    """The top unit, the one below it, and the cell (what the form's heading asks for)."""
    units = sheet.units
    top = units[0] if units else ""
    middle = units[1] if len(units) > 2 else ""
    base = units[-1] if len(units) > 1 else ""
    return top, middle, base


def _levels(sheet: Sheet, kind: HistoryKind) -> str:
    """The current entries of a kind: "Đại học, Quản lý đất đai"; "Tiếng Anh, B1"."""

    def words(i: m.HistoryItem) -> tuple[str, str]:
        if kind == HistoryKind.LANGUAGE:
            return i.field_name, i.level
        return level_text(i), i.field_name

    return "; ".join(", ".join(w for w in words(i) if w) for i in sheet.items[kind])


def _training_rows(sheet: Sheet) -> list[list[str]]:
    kinds = (
        HistoryKind.QUALIFICATION,
        HistoryKind.THEORY,
        HistoryKind.STATE_MANAGEMENT,
        HistoryKind.LANGUAGE,
        HistoryKind.IT,
    )
    names = {
        HistoryKind.QUALIFICATION: "Chuyên môn",
        HistoryKind.THEORY: "Lý luận chính trị",
        HistoryKind.STATE_MANAGEMENT: "Quản lý nhà nước",
        HistoryKind.LANGUAGE: "Ngoại ngữ",
        HistoryKind.IT: "Tin học",
    }
    rows = []
    for kind in kinds:
        for i in sheet.items[kind]:
            subject = i.field_name if kind != HistoryKind.IT else ""
            course = ", ".join(w for w in (names[kind], subject) if w)
            rows.append(
                [i.institution or "", course, level_text(i), str(i.year or ""), i.decision_ref]
            )
    return rows


def _work_rows(sheet: Sheet) -> list[list[str]]:
    rows = []
    for i in sheet.items[HistoryKind.WORK]:
        post = ", ".join(w for w in (i.field_name, i.institution) if w)
        rows.append([_day(i.starts), f"{i.ends:%d/%m/%Y}" if i.ends else "nay", post])
    return rows


def _heading(sheet: Sheet, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    top, middle, base = _unit_lines(sheet)
    left = [
        markup("Tỉnh ủy, thành ủy: {v}", st["head"], v=top or SHORT_DOTS),
        markup("Đơn vị trực thuộc: {v}", st["head"], v=middle or SHORT_DOTS),
        markup("Đơn vị cơ sở: {v}", st["head"], v=base or SHORT_DOTS),
        markup("Số hiệu cán bộ: {v}", st["head"], v=sheet.person.code),
    ]
    right = [Paragraph("Mẫu 2C/TCTW-98", st["form"])]
    head = table([[left, right]], colWidths=[0.68 * WIDTH, 0.32 * WIDTH])
    head.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    title = [
        Paragraph("SƠ YẾU LÝ LỊCH", st["title"]),
        Spacer(1, 4),
        Paragraph("CÁN BỘ, ĐẢNG VIÊN", st["party"]),
    ]
    band = table(
        [[_photo_box(sheet, st, 4 * cm, 6 * cm), title]], colWidths=[5 * cm, WIDTH - 5 * cm]
    )
    band.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
            ]
        )
    )
    return [head, Spacer(1, 10), band, Spacer(1, 10)]


def _items(sheet: Sheet, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    p = sheet.person
    sex = "Nam" if p.sex == Sex.MALE else "Nữ"
    education = sheet.items[HistoryKind.EDUCATION]
    awards = "; ".join(
        ", ".join(w for w in (str(a.year or ""), a.level, a.institution, a.decision_ref) if w)
        for a in sheet.items[HistoryKind.AWARD]
    )
    disciplines = "; ".join(
        ", ".join(
            w
            for w in (
                str(d.get_form_display()),
                d.authority,
                _day(d.decision_date),
                d.decision_ref,
            )
            if w
        )
        for d in sheet.disciplines
    )
    simple = [
        ("Họ và tên khai sinh (viết chữ in hoa)", p.full_name.upper()),
        ("Các tên gọi khác", ""),
        ("Sinh ngày", f"{_day(p.birth_date)}; giới tính: {sex}"),
        ("Nơi sinh", ""),
        ("Quê quán", p.hometown),
        ("Dân tộc", p.ethnicity),
        ("Tôn giáo", ""),
        ("Nơi đăng ký thường trú", ""),
        ("Nơi ở hiện nay", ""),
        ("Nghề nghiệp khi được tuyển dụng", ""),
        ("Ngày tuyển dụng, cơ quan tuyển dụng", ""),
        (
            "Chức vụ hiện tại (Đảng, chính quyền, đoàn thể, kể cả kiêm nhiệm)",
            "; ".join(sheet.posts),
        ),
        ("Cấp ủy hiện tại, cấp ủy kiêm", ""),
        ("Công việc chính được giao", ""),
        ("Ngạch, mã ngạch, bậc lương, hệ số lương, phụ cấp", ""),
    ]
    out: list[Flowable] = [
        _item(st, str(n), label, value) for n, (label, value) in enumerate(simple, start=1)
    ]
    n = len(simple) + 1
    out.append(markup("{n}) Trình độ:", st["body"], n=n))
    levels = [
        ("Giáo dục phổ thông", education[-1].level if education else ""),
        ("Trình độ chuyên môn cao nhất", _levels(sheet, HistoryKind.QUALIFICATION)),
        ("Lý luận chính trị", _levels(sheet, HistoryKind.THEORY)),
        ("Quản lý nhà nước", _levels(sheet, HistoryKind.STATE_MANAGEMENT)),
        ("Ngoại ngữ", _levels(sheet, HistoryKind.LANGUAGE)),
        ("Tin học", _levels(sheet, HistoryKind.IT)),
    ]
    out += [_item(st, f"{n}.{k}", label, v) for k, (label, v) in enumerate(levels, start=1)]
    party = (
        f"{_day(p.party_admission_date)}; ngày chính thức: {_day(p.official_membership_date)}"
        if p.party_admission_date
        else ""
    )
    rest = [
        ("Ngày vào Đảng Cộng sản Việt Nam", party),
        ("Ngày tham gia tổ chức chính trị - xã hội", ""),
        ("Ngày nhập ngũ, ngày xuất ngũ, quân hàm cao nhất", ""),
        ("Danh hiệu được phong tặng cao nhất", ""),
        ("Sở trường công tác", ""),
        ("Khen thưởng", awards),
        ("Kỷ luật", disciplines or ("Không" if sheet.disciplines == [] else "")),
        ("Tình trạng sức khỏe, chiều cao, cân nặng, nhóm máu", ""),
        ("Thương binh hạng, gia đình chính sách", ""),
        ("Số định danh cá nhân", p.national_id),
        ("Số sổ bảo hiểm xã hội", ""),
        ("Thành phần gia đình xuất thân", ""),
        ("Ngày tham gia cách mạng", ""),
    ]
    out += [_item(st, str(k), label, v) for k, (label, v) in enumerate(rest, start=n + 1)]
    n += len(rest) + 1
    out.append(markup("{n}) ĐÀO TẠO, BỒI DƯỠNG", st["section"], n=n))
    header = ("Tên trường", "Ngành học hoặc tên lớp", "Trình độ", "Năm tốt nghiệp", "Văn bằng")
    out.append(_grid(st, header, _training_rows(sheet)))
    out.append(markup("{n}) TÓM TẮT QUÁ TRÌNH CÔNG TÁC", st["section"], n=n + 1))
    out.append(
        _grid(st, ("Từ ngày", "Đến ngày", "Chức danh, chức vụ, đơn vị công tác"), _work_rows(sheet))
    )
    out.append(markup("{n}) QUAN HỆ GIA ĐÌNH", st["section"], n=n + 2))
    relatives = [
        [
            str(r.get_relation_display()),
            r.linked_person.full_name if r.linked_person else r.full_name,
            str(r.birth_year or ""),
            r.workplace + (f" (đã mất, chấm dứt từ {_day(r.ended_on)})" if r.ended_on else ""),
        ]
        for r in sheet.relatives
    ]
    out.append(
        _grid(
            st,
            ("Quan hệ", "Họ và tên", "Năm sinh", "Quê quán, nghề nghiệp, nơi công tác"),
            relatives,
        )
    )
    out.append(_item(st, str(n + 3), "Hoàn cảnh kinh tế gia đình", ""))
    return out


@dataclass(frozen=True)
class Signer:
    titles: list[str]
    note: str
    name: str = ""


def _signatures(
    st: dict[str, ParagraphStyle], left: Signer, right: Signer, before: Sequence[Flowable] = ()
) -> Flowable:
    """Two signature blocks side by side under the place and date line (on the right), each
    with its titles, what to do, room to sign and the printed name (dots when unknown)."""

    rows = max(len(left.titles), len(right.titles))

    def block(signer: Signer) -> list[Flowable]:
        titles = signer.titles + ["\u00a0"] * (rows - len(signer.titles))  # names aligned
        lines: list[Flowable] = [para(t, st["sign"]) for t in titles]
        lines.append(para(signer.note, st["sign_note"]))
        lines.append(Spacer(1, 2.4 * cm))
        lines.append(para(signer.name or "." * 36, st["sign"]))
        return lines

    date = para("........, ngày ..... tháng ..... năm ........", st["date"])
    grid = table([["", date], [block(left), block(right)]], colWidths=[WIDTH / 2, WIDTH / 2])
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return KeepTogether([*before, Spacer(1, 10), grid])


def personal_history_story(sheet: Sheet) -> list[Flowable]:
    st = _styles()
    pledge = Paragraph(
        "Tôi xin cam đoan những lời khai trên đây là đúng sự thật và chịu trách nhiệm về "
        "những lời khai của mình.",
        st["body"],
    )
    out = _heading(sheet, st) + _items(sheet, st)
    out.append(
        _signatures(
            st,
            Signer(["XÁC NHẬN CỦA CƠ QUAN,", "ĐƠN VỊ QUẢN LÝ CÁN BỘ"], "(Ký tên, đóng dấu)"),
            Signer(["NGƯỜI KHAI"], "(Ký, ghi rõ họ tên)", sheet.person.full_name),
            before=[Spacer(1, 8), pledge],
        )
    )
    return out


def _note(event: m.PartyEvent) -> str:
    """An event's note; an admission says when probation ends, a temporary transfer until when."""
    if event.until and event.kind == "admitted":
        return f"Hết thời kỳ dự bị: {event.until:%d/%m/%Y}"
    if event.until and event.kind == "temporary":
        return f"Đến ngày {event.until:%d/%m/%Y}"
    return event.note


def party_record_story(sheet: Sheet) -> list[Flowable]:
    """The Party member's record summary (the member sheet's items, the events, the cells)."""
    st = _styles()
    p = sheet.person
    top, middle, base = _unit_lines(sheet)
    left = [
        para(top.upper() or SHORT_DOTS, st["center"]),
        para((middle or base).upper() or SHORT_DOTS, st["sign"]),
        Paragraph("*", st["sign"]),
    ]
    right = [Paragraph("<u>ĐẢNG CỘNG SẢN VIỆT NAM</u>", st["party"])]
    head = table([[left, right]], colWidths=[0.45 * WIDTH, 0.55 * WIDTH])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    chain = " - ".join(sheet.units) or SHORT_DOTS
    facts = [
        markup("Đảng bộ, chi bộ: {v}", st["body"], v=chain),
        markup("Số lý lịch đảng viên: {v}", st["body"], v=SHORT_DOTS),
        markup("Số thẻ đảng viên: {v}", st["body"], v=p.party_card_number or SHORT_DOTS),
        markup("Họ và tên: {v}", st["body"], v=p.full_name.upper()),
        markup(
            "Sinh ngày: {d}; giới tính: {s}",
            st["body"],
            d=_day(p.birth_date),
            s="Nam" if p.sex == Sex.MALE else "Nữ",
        ),
        markup("Quê quán: {v}", st["body"], v=_or_dots(p.hometown)),
        markup("Dân tộc: {v}", st["body"], v=_or_dots(p.ethnicity)),
        markup("Ngày vào Đảng: {v}", st["body"], v=_day(p.party_admission_date)),
        markup("Ngày chính thức: {v}", st["body"], v=_day(p.official_membership_date)),
        markup(
            "Lý luận chính trị: {v}", st["body"], v=_or_dots(_levels(sheet, HistoryKind.THEORY))
        ),
        markup("Chức vụ hiện tại: {v}", st["body"], v=_or_dots("; ".join(sheet.posts))),
    ]
    band = table(
        [[facts, _photo_box(sheet, st, 3 * cm, 4 * cm)]], colWidths=[WIDTH - 4 * cm, 4 * cm]
    )
    band.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0)])
    )
    events = [
        [_day(e.date), str(e.get_kind_display()), e.decision_ref, _note(e)] for e in sheet.events
    ]
    cells = [
        [
            _day(ms.valid_from),
            "nay" if ms.valid_to.year >= 9999 else _day(ms.valid_to),
            name,
        ]
        for ms, name in sheet.memberships
    ]
    out: list[Flowable] = [
        head,
        Spacer(1, 8),
        Paragraph("HỒ SƠ ĐẢNG VIÊN", st["title"]),
        Paragraph("(Tóm tắt)", st["center"]),
        Spacer(1, 8),
        band,
        Paragraph("QUÁ TRÌNH THAM GIA ĐẢNG", st["section"]),
        _grid(st, ("Ngày", "Sự kiện", "Số quyết định", "Ghi chú"), events),
        Paragraph("QUÁ TRÌNH SINH HOẠT ĐẢNG", st["section"]),
        _grid(st, ("Từ ngày", "Đến ngày", "Chi bộ"), cells),
        Paragraph("QUÁ TRÌNH CÔNG TÁC", st["section"]),
        _grid(
            st, ("Từ ngày", "Đến ngày", "Chức danh, chức vụ, đơn vị công tác"), _work_rows(sheet)
        ),
    ]
    out.append(
        _signatures(
            st,
            Signer(["ĐẢNG VIÊN"], "(Ký, ghi rõ họ tên)", p.full_name),
            Signer(["T/M ĐẢNG ỦY CƠ SỞ", "BÍ THƯ"], "(Ký tên, đóng dấu)"),
        )
    )
    return out


def render(story: list[Flowable], title: str) -> bytes:
    return a4_portrait(story, title)


def personal_history_pdf(sheet: Sheet) -> bytes:
    """The form is Vietnamese whatever the page's language (labels of stored values too)."""
    with translation.override("vi"):
        return render(personal_history_story(sheet), f"Sơ yếu lý lịch - {sheet.person.full_name}")


def party_record_pdf(sheet: Sheet) -> bytes:
    with translation.override("vi"):
        return render(party_record_story(sheet), f"Hồ sơ đảng viên - {sheet.person.full_name}")
