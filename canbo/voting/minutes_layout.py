"""The flowables of the counting minutes: header, title, figures, results table, signatures.

Content follows the counting minutes templates (EL-30; CV-15): the vote and its rulebook, the
counting committee, persons convened and present (CV-07), ballots issued and collected, and per
person the valid and invalid ballots and each level with its percentage of the ballots
collected (CV-16), then the bands and their consequences with citations (CV-17, CV-18).
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape as e

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from canbo.core.ballots.rulebooks import Body

WIDTH = 17 * cm
COL_WIDTHS = [
    1.1 * cm,
    4.5 * cm,
    1.3 * cm,
    1.5 * cm,
    1.4 * cm,
    1.45 * cm,
    1.4 * cm,
    1.45 * cm,
    1.4 * cm,
    1.45 * cm,
]


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
        "cellb": ParagraphStyle(
            "cellb", fontName=bold, fontSize=9.5, leading=11, alignment=TA_CENTER
        ),
        "note": ParagraphStyle(
            "note", parent=base, fontName=italic, fontSize=11.5, leading=14, firstLineIndent=0
        ),
    }


def _header(m: dict[str, Any], st: dict[str, ParagraphStyle], date_text: str) -> Table:
    unit = m["unit_name"].upper() or m["conference"].title.upper()
    left = [
        Paragraph(e(unit), st["head"]),
        Paragraph("BAN KIỂM PHIẾU", st["headb"]),
        Paragraph("*", st["headb"]),
    ]
    if m["conference"].body == Body.PARTY:
        right = [Paragraph("<u>ĐẢNG CỘNG SẢN VIỆT NAM</u>", st["headb"])]
    else:
        right = [
            Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st["headb"]),
            Paragraph("<u>Độc lập - Tự do - Hạnh phúc</u>", st["headb"]),
        ]
    right += [Spacer(1, 6), Paragraph(date_text, st["date"])]
    table = Table([[left, right]], colWidths=[7 * cm, 10 * cm])
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return table


def _figures(m: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    data, fig, conf = m["data"], m["data"]["figures"], m["conference"]
    members = ", ".join(
        f"{e(n)} ({'Trưởng ban' if i == 0 else 'thành viên'})"
        for i, n in enumerate(m["counter_names"])
    )
    out = [
        Paragraph(
            f"Hội nghị: {e(conf.title)}. Văn bản áp dụng: {data['rulebook']['document']}.",
            st["body"],
        ),
        Paragraph(f"Ban kiểm phiếu gồm các đồng chí: {members}.", st["body"]),
    ]
    quorum = data.get("quorum")
    if quorum:
        verdict = "đạt" if quorum["met"] else "không đạt"
        out.append(
            Paragraph(
                f"Tổng số người được triệu tập: {quorum['convened']}; có mặt: {quorum['present']}; "
                f"vắng mặt: {quorum['convened'] - quorum['present']}. Số người có mặt {verdict} "
                f"ít nhất 2/3 số người được triệu tập ({quorum['citation']['text']}).",
                st["body"],
            )
        )
    issued = m["issued"]
    out.append(
        Paragraph(
            f"Số phiếu phát ra: {fig['issued']} (điện tử: {issued.get('electronic', 0)}, giấy: "
            f"{issued.get('paper', 0)}). Số phiếu thu về: {fig['collected']} (điện tử: "
            f"{fig['electronic']}, giấy: {fig['paper']}).",
            st["body"],
        )
    )
    return out


def _table(m: dict[str, Any], st: dict[str, ParagraphStyle]) -> Table:
    head = [
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
    ]
    rows: list[list[Any]] = [[Paragraph(h, st["cellb"]) for h in head]]
    for i, p in enumerate(m["data"]["persons"], start=1):
        who = Paragraph(f"<b>{e(p['full_name'])}</b><br/>{e(p['position'])}", st["cell"])
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
    table = Table(rows, colWidths=COL_WIDTHS, repeatRows=1)
    table.setStyle(_grid(st))
    return table


def _grid(st: dict[str, ParagraphStyle]) -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 1), (-1, -1), st["cell"].fontName),
            ("FONTSIZE", (0, 1), (-1, -1), 10),
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
        measures = " ".join(c["text_vi"] for c in p["consequences"])
        out.append(
            Paragraph(
                f"Đồng chí {e(p['full_name'])}: {p['low']}/{den} phiếu tín nhiệm thấp. {measures} "
                f"(Căn cứ: {p['band_citation']['text']}.)",
                st["body"],
            )
        )
    if not out:
        out.append(
            Paragraph("Không có người nào có trên một nửa số phiếu tín nhiệm thấp.", st["body"])
        )
    return out


def _signatures(m: dict[str, Any], st: dict[str, ParagraphStyle]) -> Table:
    names = m["counter_names"]
    signed = set(m["signed"])
    mark = {
        n: ("(Đã ký xác nhận trên hệ thống)" if u in signed else "")
        for n, u in zip(names, m["counters"], strict=True)
    }
    head = names[:1]
    left = [Paragraph("CÁC THÀNH VIÊN", st["headb"])] + [
        Paragraph(f"{e(n)}<br/><i>{mark[n]}</i>", st["head"]) for n in names[1:]
    ]
    right = [Paragraph("TRƯỞNG BAN KIỂM PHIẾU", st["headb"])] + [
        Paragraph(f"{e(n)}<br/><i>{mark[n]}</i>", st["head"]) for n in head
    ]
    return Table([[left, right]], colWidths=[8.5 * cm, 8.5 * cm])


def story(m: dict[str, Any], fonts: tuple[str, str, str], date_text: str) -> list[Flowable]:
    st = _styles(fonts)
    version = m["version"]
    out: list[Flowable] = [
        _header(m, st, date_text),
        Paragraph("BIÊN BẢN KIỂM PHIẾU", st["title"]),
        Paragraph(e(m["session"].title), st["sub"]),
        *_figures(m, st),
        Paragraph("Kết quả kiểm phiếu đối với từng người:", st["body"]),
        _table(m, st),
        Paragraph(
            "Tỷ lệ phần trăm tính trên tổng số phiếu thu về "
            f"({m['data']['persons'][0]['percent_citation']['text']}).",
            st["note"],
        )
        if m["data"]["persons"]
        else Spacer(1, 1),
        Spacer(1, 6),
        *_consequences(m, st),
    ]
    if version.number > 1:
        out.append(
            Paragraph(
                f"Biên bản này là bản đính chính lần {version.number - 1}. "
                f"Lý do: {e(version.reason)}",
                st["body"],
            )
        )
    status = "đã được" if version.certified else "chưa được"
    out.append(Paragraph(f"Kết quả này {status} toàn thể Ban kiểm phiếu ký xác nhận.", st["body"]))
    out.append(KeepTogether([Spacer(1, 14), _signatures(m, st)]))
    return out
