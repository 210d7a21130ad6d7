"""The flowables of the election counting minutes (biên bản kiểm phiếu bầu cử, FRM-01).

Sections in the order of the templates (EL-30, FRM-01): the header of the counting committee
under the congress (DOC-04), what is elected and the term, time and place, the number to elect
as voted, the election list in alphabetical order, the counting committee by full name and
role, convened / present / absent, the base of the majority test with each subtraction by name
and reason (EL-19, EL-20), ballots issued, collected, valid and invalid with reasons, votes per
candidate in ballot order with the percentage of the base, the elected from the highest vote
down, the time of the report, and the signatures ("T/M", DOC-09).

Every value enters a paragraph through :mod:`canbo.pdf_text`, escaped; only the layout's own
template strings are markup. The confidence minutes (``canbo.voting.minutes_layout``) are the
model; the styles are shared with them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from canbo.core.elections.model import ELECTION_KIND_LABELS_VI, SUBTRACTION_LABELS_VI
from canbo.pdf_text import markup, para, table
from canbo.services.elections.reading import MinutesData
from canbo.voting.minutes_layout import WIDTH, _pairs, _signer, _styles

INVALID_REASONS = {
    "not_issued": "Phiếu không do Ban kiểm phiếu phát ra",
    "votes_for_more_than_seats": "Phiếu bầu quá số lượng đại hội đã biểu quyết",
    "votes_for_nobody": "Phiếu gạch tên tất cả những người trong danh sách bầu cử",
}
OTHER_REASON = "Trường hợp khác do Ban kiểm phiếu xem xét, kết luận"


def _when(at: dt.datetime | None) -> str:
    if at is None:
        return "...... giờ ...... phút, ngày ...... tháng ...... năm ......"
    day = f"ngày {at.day:02d} tháng {at.month:02d} năm {at.year}"
    return f"{at.hour:02d} giờ {at.minute:02d} phút, {day}"


def congress_name(info: Any) -> str:
    """The congress's name with its term, once."""
    name, term = info.name, info.term_label
    return name if not term or term in name else f"{name}, nhiệm kỳ {term}"


TITLE_WORDS = {
    "committee": "Ban Chấp hành {unit}",
    "cell_committee": "Chi ủy {unit}",
    "standing_committee": "Ban Thường vụ {unit}",
    "secretary": "Bí thư {unit}",
    "deputy_secretary": "Phó Bí thư {unit}",
    "inspection_commission": "Ủy ban Kiểm tra {unit}",
    "inspection_chair": "Chủ nhiệm Ủy ban Kiểm tra {unit}",
    "delegates": "đại biểu {unit} đi dự đại hội cấp trên",
}
"""What is elected, as a document names it: the body with its organization's name (the unit's
name already says "Đảng bộ ..." or "Chi bộ ...", so it is not repeated)."""


def what_is_elected(m: MinutesData) -> str:
    words = TITLE_WORDS.get(str(m.election.kind))
    if words is None:
        words = ELECTION_KIND_LABELS_VI[m.election.kind].lower() + " {unit}"
    text = "Bầu " + words.format(unit=m.info.unit_name).strip()
    text += f", nhiệm kỳ {m.info.term_label}" if m.info.term_label else ""
    return text + (f" (vòng {m.round.number})" if m.round.number > 1 else "")


def header_for(info: Any, st: dict[str, Any], date_text: str, body: str, symbol: str) -> Table:
    """DOC-04 to DOC-06: the congress above the issuing body (``body``), a star and the
    number line on the left; the Party's title with its rule and the date line on the right.
    The number is left for the clerk to write in from the congress's register (DOC-05)."""
    left = [
        para(info.name.upper(), st["head"]),
        para(body, st["headb"]),
        Paragraph("*", st["headb"]),
        para(f"Số ......-{symbol}", st["head"]),
    ]
    right = [
        Paragraph("<u>ĐẢNG CỘNG SẢN VIỆT NAM</u>", st["party"]),
        Spacer(1, 6),
        para(date_text, st["date"]),
    ]
    header = table([[left, right]], colWidths=[0.45 * WIDTH, 0.55 * WIDTH])
    header.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return header


def _opening(m: MinutesData, st: dict[str, Any]) -> list[Flowable]:
    e, res = m.election, m.result
    out: list[Flowable] = [
        markup("Đại hội: {name}.", st["body"], name=congress_name(m.info)),
        markup(
            "Vào hồi {when}, tại {place}, Ban kiểm phiếu tiến hành kiểm phiếu: {what}.",
            st["body"],
            when=_when(m.round.counted_at),
            place=m.info.place or "." * 30,
            what=what_is_elected(m),
        ),
        markup(
            "Số lượng bầu theo nghị quyết của đại hội: {k}{alt}.",
            st["body"],
            k=m.round.seats,
            alt=f"; đại biểu dự khuyết: {res.get('alternate_seats', 0)}"
            if res.get("alternate_seats")
            else "",
        ),
    ]
    if e.seats_attending:
        out.append(
            markup(
                "Đại hội biểu quyết số lượng bầu: {f} tán thành, {a} không tán thành, trên {n} "
                "đại biểu có mặt.",
                st["body"],
                f=e.seats_for,
                a=e.seats_against,
                n=e.seats_attending,
            )
        )
    out.append(Paragraph("Danh sách bầu cử (xếp theo thứ tự A, B, C... theo tên):", st["body"]))
    out += [
        markup("{i}. Đồng chí {name}", st["item"], i=i, name=name)
        for i, name in enumerate(m.listed, start=1)
    ]
    return out


def _committee(m: MinutesData, st: dict[str, Any]) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("Ban kiểm phiếu gồm các đồng chí:", st["body"])]
    for i, member in enumerate(m.committee, start=1):
        role = "Trưởng ban" if member.is_head else "Ủy viên"
        out.append(
            markup(
                "{i}. Đồng chí {name} - {role}", st["item"], i=i, name=member.full_name, role=role
            )
        )
    if not m.committee:
        out.append(para("." * 60, st["item"]))
    return out


CONVENED_WORDS = {
    "cell": "Tổng số đảng viên chính thức",
    "members": "Tổng số đảng viên chính thức",
    "delegates": "Tổng số đại biểu chính thức",
    "conference": "Tổng số ủy viên",
}
"""Who the base counts from, by kind of congress (EL-19, EL-20, EL-21): the people convened
in that capacity, not everyone invited to the hall (alternates, guests)."""


def _base(m: MinutesData, st: dict[str, Any]) -> list[Flowable]:
    d, fig = m.result["denominator"], m.result["figures"]
    att = m.attendance
    out: list[Flowable] = [
        markup(
            "{who} được triệu tập: {n}; số người có mặt tại đại hội: {p}; vắng mặt: {a}.",
            st["body"],
            who=CONVENED_WORDS.get(str(d.get("kind", "")), "Tổng số đảng viên chính thức"),
            n=d.get("convened", att.convened),
            p=att.present,
            a=max(att.convened - att.present, 0),
        ),
        markup(
            "Số dùng để tính kết quả bầu cử: {v} (căn cứ {cite}){none}.",
            st["body"],
            v=d["value"],
            cite=d["citation"]["text"],
            none="; không có trường hợp nào phải trừ" if not d.get("subtractions") else "",
        ),
    ]
    for line in d.get("subtractions", []):
        out.append(
            markup(
                "- Trừ {count} người ({reason}): {names}.",
                st["item"],
                count=line["count"],
                reason=SUBTRACTION_LABELS_VI.get(line["reason"], line["reason"]),
                names=", ".join(line.get("names", [])) or "-",
            )
        )
    out.append(
        markup(
            "Số phiếu phát ra: {i}; số phiếu thu về: {c}; số phiếu hợp lệ: {v}; số phiếu không "
            "hợp lệ: {x}.",
            st["body"],
            i=fig["issued"],
            c=fig["collected"],
            v=fig["valid"],
            x=fig["invalid"],
        )
    )
    for r in m.result.get("invalid_reasons", []):
        out.append(
            markup(
                "- {reason}: {n} phiếu.",
                st["item"],
                reason=INVALID_REASONS.get(r["code"], OTHER_REASON),
                n=r["count"],
            )
        )
    return out


def _votes(m: MinutesData, st: dict[str, Any]) -> Table:
    head = ["STT", "Họ và tên", "Số phiếu bầu", "Tỷ lệ % so với số dùng để tính kết quả"]
    rows: list[list[Any]] = [[para(h, st["cellb"]) for h in head]]
    for i, c in enumerate(m.result["candidates"], start=1):
        rows.append([i, para(c["name"], st["cell"]), c["votes"], c["percent_text"]])
    grid = table(rows, colWidths=[1.2 * 28.35, 0.5 * WIDTH, 0.17 * WIDTH, None], repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("FONTNAME", (0, 1), (-1, -1), st["cell"].fontName),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (2, 1), (-1, -1), "CENTER"),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
            ]
        )
    )
    return grid


def _elected(m: MinutesData, st: dict[str, Any]) -> list[Flowable]:
    res = m.result
    by_name = {c["name"]: c for c in res["candidates"]}
    cite = res["candidates"][0]["citation"]["text"] if res["candidates"] else ""
    out: list[Flowable] = [
        markup(
            "Căn cứ kết quả kiểm phiếu ({cite}), những đồng chí sau trúng cử (xếp theo số phiếu "
            "từ cao xuống thấp), mỗi người có số phiếu quá một nửa so với số dùng để tính kết "
            "quả:",
            st["body"],
            cite=cite,
        )
    ]
    for i, name in enumerate(res["elected"], start=1):
        c = by_name[name]
        out.append(
            markup(
                "{i}. Đồng chí {name}: {v} phiếu, đạt {p}.",
                st["item"],
                i=i,
                name=name,
                v=c["votes"],
                p=c["percent_text"],
            )
        )
    if not res["elected"]:
        out.append(Paragraph("Không có đồng chí nào trúng cử ở vòng bầu này.", st["item"]))
    if res.get("alternates"):
        out.append(Paragraph("Đại biểu dự khuyết trúng cử:", st["body"]))
        out += [
            markup("{i}. Đồng chí {name}", st["item"], i=i, name=n)
            for i, n in enumerate(res["alternates"], start=1)
        ]
    if res.get("tie"):
        out.append(
            markup(
                "Các đồng chí {names} bằng phiếu nhau ở vị trí cuối: chưa ai trúng cử, đề nghị "
                "đại hội quyết định.",
                st["body"],
                names=", ".join(res["tie"]),
            )
        )
    if res.get("seats_unfilled"):
        out.append(
            markup(
                "Số người trúng cử còn thiếu {n} so với số lượng bầu.",
                st["body"],
                n=res["seats_unfilled"],
            )
        )
    return out


def _signatures(m: MinutesData, st: dict[str, Any]) -> list[Flowable]:
    """The presidium and the committee's head side by side (T/M), then every other member."""
    members = list(m.committee)
    head = next((c for c in members if c.is_head), members[0] if members else None)
    signed = m.round.minutes_signed_at is not None
    top = [_signer(st, ["T/M ĐOÀN CHỦ TỊCH"], "")]
    top.append(
        _signer(st, ["T/M BAN KIỂM PHIẾU", "TRƯỞNG BAN"], head.full_name if head else "", signed)
    )
    out: list[Flowable] = [_pairs(top)]
    others = [c for c in members if c is not head]
    if others:
        out += [
            Spacer(1, 10),
            Paragraph("CÁC ỦY VIÊN BAN KIỂM PHIẾU", st["headb"]),
            _pairs([_signer(st, [], c.full_name, signed) for c in others]),
        ]
    return out


def story(m: MinutesData, fonts: tuple[str, str, str], date_text: str) -> list[Flowable]:
    st = _styles(fonts)
    out: list[Flowable] = [
        header_for(m.info, st, date_text, "BAN KIỂM PHIẾU", "BB/BKP"),
        Paragraph("BIÊN BẢN KIỂM PHIẾU", st["title"]),
        para(what_is_elected(m), st["sub"]),
        *_opening(m, st),
        *_committee(m, st),
        *_base(m, st),
        Paragraph(
            "Kết quả kiểm phiếu đối với từng người (theo thứ tự trên phiếu bầu):", st["body"]
        ),
        _votes(m, st),
        Spacer(1, 6),
        *_elected(m, st),
        markup(
            "Biên bản lập xong hồi {when} và báo cáo trước đại hội.",
            st["body"],
            when=_when(m.round.minutes_signed_at or m.round.counted_at),
        ),
        KeepTogether([Spacer(1, 14), *_signatures(m, st)]),
    ]
    return out
