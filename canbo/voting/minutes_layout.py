"""The flowables of the counting minutes: header, title, figures, results table, signatures.

Content follows the counting minutes templates (EL-30; CV-15): the vote and its rulebook, the
counting committee, persons convened and present (CV-07), ballots issued and collected, and per
person the valid and invalid ballots and each level with its percentage of the ballots
collected (CV-16), then the bands and their consequences with citations (CV-17, CV-18).

Every value (names, positions, titles, place, reasons, rulebook texts) enters a paragraph
through :mod:`canbo.pdf_text`, escaped; only the layout's own template strings are markup.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Preformatted,
    Spacer,
    Table,
    TableStyle,
)

from canbo.core.ballots.rulebooks import Body
from canbo.pdf_text import column_widths, markup, para, table
from canbo.services.voting.ballot_box import key_fingerprint

WIDTH = 17 * cm
SIGN_SPACE = 2.2 * cm  # room for a handwritten signature above each printed name
BLANK_NAME = "." * 40  # a name to write by hand: never a login name
HEAD = (
    "STT",
    "Họ và tên, chức vụ",
    "Hợp lệ",
    "Không hợp lệ",
    "Tín nhiệm cao",
    "%",
    "Tín nhiệm",
    "%",
    "Tín nhiệm thấp",
    "%",
)


def _styles(fonts: tuple[str, str, str]) -> dict[str, ParagraphStyle]:
    regular, bold, italic = fonts
    base = ParagraphStyle(
        "body",
        fontName=regular,
        fontSize=13,
        leading=17,
        alignment=TA_JUSTIFY,
        spaceAfter=4,
        firstLineIndent=1 * cm,
    )
    return {
        "body": base,
        "head": ParagraphStyle(
            "head", fontName=regular, fontSize=12.5, leading=15, alignment=TA_CENTER
        ),
        "headb": ParagraphStyle(
            "headb", fontName=bold, fontSize=13, leading=15, alignment=TA_CENTER
        ),
        "date": ParagraphStyle(
            "date", fontName=italic, fontSize=13, leading=16, alignment=TA_CENTER
        ),
        "title": ParagraphStyle(
            "title", fontName=bold, fontSize=14, leading=18, alignment=TA_CENTER, spaceBefore=14
        ),
        "sub": ParagraphStyle(
            "sub", fontName=bold, fontSize=13, leading=17, alignment=TA_CENTER, spaceAfter=10
        ),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=10, leading=12),
        # Header cells wrap at spaces only: widths hold every word (_widths).
        "cellb": ParagraphStyle(
            "cellb",
            fontName=bold,
            fontSize=8.5,
            leading=10,
            alignment=TA_CENTER,
            splitLongWords=0,
        ),
        "party": ParagraphStyle(
            "party", fontName=bold, fontSize=14, leading=17, alignment=TA_CENTER
        ),
        "item": ParagraphStyle("item", parent=base, firstLineIndent=0, leftIndent=1 * cm),
        "sign_note": ParagraphStyle(
            "sign_note", fontName=italic, fontSize=11, leading=13, alignment=TA_CENTER
        ),
        "sign_name": ParagraphStyle(
            "sign_name", fontName=bold, fontSize=13, leading=16, alignment=TA_CENTER
        ),
        "note": ParagraphStyle(
            "note", parent=base, fontName=italic, fontSize=11.5, leading=14, firstLineIndent=0
        ),
    }


def _header(m: dict[str, Any], st: dict[str, ParagraphStyle], date_text: str) -> Table:
    """HD 36 header (DOC-04 to DOC-06): the unit above the counting committee, a star and the
    number line on the left; the Party's title with its rule and the date line on the right.
    The number is left for the clerk to write in from the register (DOC-05)."""
    unit = m["unit_name"].upper() or m["conference"].title.upper()
    left = [
        para(unit, st["head"]),
        Paragraph("BAN KIỂM PHIẾU", st["headb"]),
        Paragraph("*", st["headb"]),
        Paragraph("Số ......-BB/BKP", st["head"]),
    ]
    if m["conference"].body == Body.PARTY:
        right = [Paragraph("<u>ĐẢNG CỘNG SẢN VIỆT NAM</u>", st["party"])]
    else:
        right = [
            Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st["headb"]),
            Paragraph("<u>Độc lập - Tự do - Hạnh phúc</u>", st["headb"]),
        ]
    right += [Spacer(1, 6), para(date_text, st["date"])]
    header = table([[left, right]], colWidths=[0.45 * WIDTH, 0.55 * WIDTH])
    header.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return header


def _when_and_where(m: dict[str, Any], st: dict[str, ParagraphStyle]) -> Paragraph:
    """The time and place of counting (FRM-01): the count's own time, else blanks to fill."""
    at = m.get("counted_at")
    when = (
        f"{at.hour:02d} giờ {at.minute:02d} phút, ngày {at.day:02d} tháng {at.month:02d} "
        f"năm {at.year}"
        if at
        else "...... giờ ...... phút, ngày ...... tháng ...... năm ......"
    )
    return markup(
        "Vào hồi {when}, tại {place}, Ban kiểm phiếu tiến hành kiểm phiếu: {vote}.",
        st["body"],
        when=when,
        place=m.get("counting_place") or m["conference"].place or "." * 30,
        vote=m["session"].title,
    )


def _members(m: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("Ban kiểm phiếu gồm các đồng chí:", st["body"])]
    last = len(m["committee"])
    for i, member in enumerate(m["committee"], start=1):
        out.append(
            markup(
                "{i}. Đồng chí {name} - {role}{end}",
                st["item"],
                i=i,
                name=member["full_name"] or BLANK_NAME,
                role="Trưởng ban" if member["is_head"] else "Ủy viên",
                end="." if i == last else ";",
            )
        )
    return out


def _figures(m: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    data, fig, conf = m["data"], m["data"]["figures"], m["conference"]
    out = [
        markup(
            "Hội nghị: {title}. Văn bản áp dụng: {document}.",
            st["body"],
            title=conf.title,
            document=data["rulebook"]["document"],
        ),
        _when_and_where(m, st),
        *_members(m, st),
    ]
    quorum = data.get("quorum")
    if quorum:
        verdict = "đạt" if quorum["met"] else "không đạt"
        out.append(
            markup(
                "Tổng số người được triệu tập: {convened}; có mặt: {present}; vắng mặt: {absent}. "
                "Số người có mặt {verdict} ít nhất 2/3 số người được triệu tập ({citation}).",
                st["body"],
                convened=quorum["convened"],
                present=quorum["present"],
                absent=quorum["convened"] - quorum["present"],
                verdict=verdict,
                citation=quorum["citation"]["text"],
            )
        )
    issued = m["issued"]
    out.append(
        markup(
            "Số phiếu phát ra: {issued} (điện tử: {issued_e}, giấy: {issued_p}). "
            "Số phiếu thu về: {collected} (điện tử: {collected_e}, giấy: {collected_p}).",
            st["body"],
            issued=fig["issued"],
            issued_e=issued.get("electronic", 0),
            issued_p=issued.get("paper", 0),
            collected=fig["collected"],
            collected_e=fig["electronic"],
            collected_p=fig["paper"],
        )
    )
    session = m["session"]
    if session.ballot_key and fig["electronic"]:
        out.append(
            markup(
                "Phiếu điện tử được niêm phong bằng khóa của Ban kiểm phiếu (dấu nhận dạng "
                "{fingerprint}) và được mở khi kiểm phiếu bằng {threshold} trong {shares} mảnh "
                "khóa do các thành viên Ban kiểm phiếu giữ.",
                st["body"],
                fingerprint=key_fingerprint(session.ballot_key),
                threshold=session.key_threshold,
                shares=session.key_shares,
            )
        )
    return out


def _table(m: dict[str, Any], st: dict[str, ParagraphStyle]) -> Table:
    rows: list[list[Any]] = [[para(h, st["cellb"]) for h in HEAD]]
    for i, p in enumerate(m["data"]["persons"], start=1):
        who = markup(
            "<b>{name}</b><br/>{position}", st["cell"], name=p["full_name"], position=p["position"]
        )
        pct = p["percent"]
        rows.append(
            [
                i,
                who,
                p["valid"],
                p["invalid"],
                p["high"],
                pct["high"],
                p["mid"],
                pct["mid"],
                p["low"],
                pct["low"],
            ]
        )
    grid = table(rows, colWidths=_widths(m, st), repeatRows=1)
    grid.setStyle(_grid(st))
    return grid


def _widths(m: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[float]:
    """Widths from the text: each column holds its longest header word whole."""
    persons = m["data"]["persons"]
    texts = [
        [
            "",
            f"{p['full_name']} {p['position']}",
            *(p[k] for k in ("valid", "invalid")),
            *(v for k in ("high", "mid", "low") for v in (p[k], p["percent"][k])),
        ]
        for p in persons
    ]
    head, cell = st["cellb"], st["cell"]
    fonts = ((head.fontName, head.fontSize), (cell.fontName, 9.0))
    return column_widths(HEAD, texts, WIDTH, fonts, padding=7)


def _grid(st: dict[str, ParagraphStyle]) -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 1), (-1, -1), st["cell"].fontName),
            ("FONTSIZE", (0, 1), (-1, -1), 9),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (2, 1), (-1, -1), "CENTER"),
            ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ]
    )


def _consequences(m: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = []
    for p in m["data"]["persons"]:
        if p["band"] == "none":
            continue
        den = p["band_denominator"]["value"]
        out.append(
            markup(
                "Đồng chí {name}: {low}/{den} phiếu tín nhiệm thấp. {measures} (Căn cứ: {basis}.)",
                st["body"],
                name=p["full_name"],
                low=p["low"],
                den=den,
                measures=" ".join(c["text_vi"] for c in p["consequences"]),
                basis=p["band_citation"]["text"],
            )
        )
    if not out:
        out.append(
            Paragraph("Không có người nào có trên một nửa số phiếu tín nhiệm thấp.", st["body"])
        )
    return out


def _signer(
    st: dict[str, ParagraphStyle], titles: list[str], name: str, signed: bool = False
) -> tuple[list[Flowable], Flowable]:
    """A signature block (DOC-09): authority and position, room to sign, the full name."""
    note = "(Đã ký xác nhận trên hệ thống)" if signed else "(Ký, ghi rõ họ và tên)"
    top = [para(t, st["headb"]) for t in titles] + [para(note, st["sign_note"])]
    return top, para(name or BLANK_NAME, st["sign_name"])


def _pairs(blocks: list[tuple[list[Flowable], Flowable]]) -> Table:
    """Blocks two by two; names on their own row, level across the page, below the space."""
    rows: list[list[Any]] = []
    for i in range(0, len(blocks), 2):
        pair = blocks[i : i + 2] + ([([], Spacer(1, 1))] if len(blocks) == i + 1 else [])
        rows += [[b[0] for b in pair], ["", ""], [b[1] for b in pair]]
    half = WIDTH / 2
    heights = [None, SIGN_SPACE, None] * (len(rows) // 3)
    grid = table(rows, colWidths=[half, half], rowHeights=heights)
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return grid


def _signatures(m: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The conference's chair and the committee's head side by side, then every other
    member of the committee with room to sign (FRM-01, FRM-02; DOC-09: "T/M" the collective)."""
    members = list(m["committee"])
    head = next((c for c in members if c["is_head"]), members[0] if members else None)
    others = [c for c in members if c is not head]
    top = [_signer(st, ["CHỦ TRÌ HỘI NGHỊ"], "")]
    if head:
        titles = ["T/M BAN KIỂM PHIẾU", "TRƯỞNG BAN"]
        top.append(_signer(st, titles, head["full_name"], head["signed"]))
    out: list[Flowable] = [_pairs(top)]
    if others:
        out.append(Spacer(1, 10))
        out.append(Paragraph("CÁC ỦY VIÊN BAN KIỂM PHIẾU", st["headb"]))
        out.append(_pairs([_signer(st, [], c["full_name"], c["signed"]) for c in others]))
    return out


def story(m: dict[str, Any], fonts: tuple[str, str, str], date_text: str) -> list[Flowable]:
    st = _styles(fonts)
    version = m["version"]
    out: list[Flowable] = [
        _header(m, st, date_text),
        Paragraph("BIÊN BẢN KIỂM PHIẾU", st["title"]),
        para(m["session"].title, st["sub"]),
        *_figures(m, st),
        Paragraph("Kết quả kiểm phiếu đối với từng người:", st["body"]),
        _table(m, st),
        markup(
            "Tỷ lệ phần trăm tính trên tổng số phiếu thu về ({citation}).",
            st["note"],
            citation=m["data"]["persons"][0]["percent_citation"]["text"],
        )
        if m["data"]["persons"]
        else Spacer(1, 1),
        Spacer(1, 6),
        *_consequences(m, st),
    ]
    if version.number > 1:
        out.append(
            markup(
                "Biên bản này là bản đính chính lần {n}. Lý do: {reason}",
                st["body"],
                n=version.number - 1,
                reason=version.reason,
            )
        )
    status = "đã được" if version.certified else "chưa được"
    out.append(
        markup(
            "Kết quả này {status} toàn thể Ban kiểm phiếu ký xác nhận.", st["body"], status=status
        )
    )
    out.append(KeepTogether([Spacer(1, 14), *_signatures(m, st)]))
    if m.get("anchor") != "":  # "" leaves the checkpoint out (previews, tests)
        out.append(_anchor(m.get("anchor"), st))
    return out


def _anchor(anchor: str | None, st: dict[str, ParagraphStyle]) -> Flowable:
    """The audit chain's signed checkpoint, printed so that the filed minutes keep it outside
    the server (``canbo audit verify --anchor``: docs/security/audit.md)."""
    if anchor is None:
        return KeepTogether(
            [
                Spacer(1, 14),
                Paragraph(
                    "Nhật ký hệ thống không toàn vẹn: không in được mốc kiểm chứng. "
                    "Đề nghị báo quản trị hệ thống kiểm tra (canbo audit verify).",
                    st["body"],
                ),
            ]
        )
    mono = ParagraphStyle("anchor", fontName="Courier", fontSize=7, leading=8.5)
    return KeepTogether(
        [
            Spacer(1, 14),
            Paragraph(
                "Mốc kiểm chứng nhật ký hệ thống (lưu cùng biên bản; kiểm tra bằng lệnh "
                "canbo audit verify --anchor):",
                st["note"],
            ),
            Preformatted(anchor, mono),
        ]
    )
