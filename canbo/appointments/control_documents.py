"""The control report as a spreadsheet and as a Party document (QĐ 114-QĐ/TW; PC-15, PC-19).

The spreadsheet goes through :func:`canbo.spreadsheets.workbook_bytes` (headings, typed cells:
counts are numbers, dates are dates; A4, the header row on every page): one sheet per unit
with the counts, one with every flag, conflict, recusal, override and referral of every
process with its citation, and one with the record of each decision (who proposed, appraised,
how many voted, who decided, when). The PDF has the official heading (DOC-04 to DOC-06), the
same tables and the signature blocks (DOC-09), every value set literally
(:mod:`canbo.pdf_text`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _
from reportlab.platypus import Flowable, Paragraph, Spacer, TableStyle

from canbo import spreadsheets as xl
from canbo.pdf_text import a4_portrait, column_widths, date_line, markup, para, table
from canbo.services.appointments.control import ControlReport, ProcessControl
from canbo.voting.minutes_layout import WIDTH, _grid, _pairs, _signer

from . import control_labels as lb
from .dossier_pdf import styles

TITLE = "BÁO CÁO KIỂM SOÁT QUYỀN LỰC TRONG CÔNG TÁC CÁN BỘ"


def _d(day: Any) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def heading(r: ControlReport) -> list[str]:
    return [
        TITLE,
        r.unit_name,
        _("Từ ngày %(start)s đến ngày %(end)s") % {"start": _d(r.start), "end": _d(r.end)},
        _("Căn cứ: %(cite)s") % {"cite": str(r.citation)},
    ]


def item_rows(p: ProcessControl) -> Iterator[tuple[str, str, str]]:
    """Every finding of a process as (kind, content, citation text)."""
    for f in p.flags:
        yield _("Dấu hiệu"), f"{f.message} ({lb.severity(f.severity)})", str(f.citation)
    for text, citation in p.hard_blocks:
        yield _("Ngăn chặn"), text, str(citation)
    for c in p.conflicts:
        answer = lb.outcome(c.answer) if c.answer else _("Chưa ghi nhận")
        text = _(
            "%(person)s (%(role)s, %(step)s) – %(candidate)s: %(relation)s (%(cls)s); "
            "%(action)s; %(answer)s"
        ) % {
            "person": c.person,
            "role": lb.role(c.role),
            "step": lb.step(c.step),
            "candidate": c.candidate,
            "relation": lb.relation(c.relation),
            "cls": lb.relationship_class(c.relationship_class),
            "action": lb.action(c.action),
            "answer": answer + (f": {c.reason}" if c.reason else ""),
        }
        yield _("Xung đột lợi ích"), text, str(c.citation)
    for r in p.recusals:
        text = f"{r.person} ({lb.role(r.role)}, {lb.step(r.step)}): {lb.outcome(r.outcome)}"
        text += f". {r.reason}" if r.reason else ""
        yield _("Ghi nhận tránh"), f"{text} ({_d(r.recorded_on)})", str(r.citation)
    for o in p.overrides:
        text = _("%(person)s: %(ref)s của %(body)s. %(reason)s") % {
            "person": o.person,
            "ref": o.decision_ref,
            "body": o.body,
            "reason": o.reason,
        }
        yield _("Trường hợp đặc biệt"), text, str(o.citation)
    for ref in p.referrals:
        text = f"{lb.step(ref.step)}: {ref.body}, {_d(ref.on)}. {ref.decision}"
        yield _("Ý kiến cấp có thẩm quyền"), text, str(ref.citation)


def _candidates(p: ProcessControl) -> str:
    return ", ".join(p.candidates)


def xlsx(r: ControlReport) -> bytes:
    units = [
        xl.Column(_("Đơn vị"), width=36),
        xl.Column(_("Số quy trình"), xl.INTEGER),
        xl.Column(_("Dấu hiệu"), xl.INTEGER),
        xl.Column(_("Xung đột chưa xử lý"), xl.INTEGER),
        xl.Column(_("Không tham gia"), xl.INTEGER),
        xl.Column(_("Vẫn tham gia có lý do, trường hợp đặc biệt"), xl.INTEGER),
        xl.Column(_("Ý kiến cấp có thẩm quyền"), xl.INTEGER),
    ]
    unit_rows = [
        (u.unit_name, u.processes, u.flags, u.open_conflicts, u.recusals, u.overrides,
         u.referrals)
        for u in r.units
    ]  # fmt: skip
    items = [
        xl.Column(_("Đơn vị"), width=28),
        xl.Column(_("Chức vụ"), width=24),
        xl.Column(_("Người được xem xét"), width=24),
        xl.Column(_("Ngày bắt đầu"), xl.DATE),
        xl.Column(_("Ngày quyết định"), xl.DATE),
        xl.Column(_("Loại"), width=18),
        xl.Column(_("Nội dung"), width=60),
        xl.Column(_("Căn cứ"), width=30),
    ]
    item_lines = [
        (p.unit_name, p.title_name, _candidates(p), p.started_on, p.decided_on, k, text, cite)
        for p in r.processes
        for k, text, cite in item_rows(p)
    ]
    decisions = [
        xl.Column(_("Đơn vị"), width=28),
        xl.Column(_("Chức vụ"), width=24),
        xl.Column(_("Người đề xuất"), width=22),
        xl.Column(_("Người thẩm định"), width=22),
        xl.Column(_("Số người biểu quyết"), xl.INTEGER),
        xl.Column(_("Người quyết định"), width=22),
        xl.Column(_("Ngày quyết định"), xl.DATE),
        xl.Column(_("Ghi vào nhật ký lúc"), width=18),
    ]
    decision_lines = [
        (p.unit_name, p.title_name, d.proposer, d.appraiser, d.voters, d.decider,
         d.decided_on, f"{d.recorded_at:%d/%m/%Y %H:%M}")
        for p in r.processes
        if (d := p.decision) is not None
    ]  # fmt: skip
    head = heading(r)
    return xl.workbook_bytes(
        [
            (_("Theo đơn vị"), units, unit_rows, head),
            (_("Theo quy trình"), items, item_lines, head),
            (_("Ghi nhận quyết định"), decisions, decision_lines, head),
        ]
    )


def _header(r: ControlReport, st: dict[str, Any]) -> Any:
    left = [
        para(r.unit_name.upper(), st["head"]),
        Paragraph("ỦY BAN KIỂM TRA", st["headb"]),
        Paragraph("*", st["headb"]),
        Paragraph("Số ......-BC/UBKT", st["head"]),
    ]
    right = [
        Paragraph("<u>ĐẢNG CỘNG SẢN VIỆT NAM</u>", st["party"]),
        Spacer(1, 6),
        para(date_line("", r.today), st["date"]),
    ]
    header = table([[left, right]], colWidths=[0.45 * WIDTH, 0.55 * WIDTH])
    header.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return header


def _grid_table(head: list[str], rows: list[list[str]], st: dict[str, Any]) -> Any:
    fonts = ((st["cellb"].fontName, st["cellb"].fontSize), (st["cell"].fontName, 10.0))
    widths = column_widths(head, rows, WIDTH, fonts)
    cells = [[para(h, st["cellb"]) for h in head]] + [
        [para(v, st["cell"]) for v in r] for r in rows
    ]
    grid = table(cells, colWidths=widths, repeatRows=1)
    grid.setStyle(_grid(st))
    return grid


def _units_table(r: ControlReport, st: dict[str, Any]) -> Any:
    head = ["Đơn vị", "Số quy trình", "Dấu hiệu", "Xung đột chưa xử lý", "Không tham gia",
            "Vẫn tham gia có lý do, trường hợp đặc biệt", "Ý kiến cấp có thẩm quyền"]  # fmt: skip
    rows = [
        [u.unit_name, str(u.processes), str(u.flags), str(u.open_conflicts), str(u.recusals),
         str(u.overrides), str(u.referrals)]
        for u in r.units
    ]  # fmt: skip
    return _grid_table(head, rows, st)


def _process_block(n: int, p: ProcessControl, st: dict[str, Any]) -> list[Flowable]:
    out: list[Flowable] = [
        markup(
            "{n}. {title}, {unit}: {who}. Bắt đầu ngày {start}; {decided}.",
            st["section"],
            n=n,
            title=p.title_name,
            unit=p.unit_name,
            who=", ".join(p.candidates) or "-",
            start=_d(p.started_on),
            decided=f"quyết định số {p.decision_ref} ngày {_d(p.decided_on)}"
            if p.decided_on
            else lb.status(p.status).lower(),
        )
    ]
    rows = [[k, text, cite] for k, text, cite in item_rows(p)]
    if rows:
        out.append(_grid_table(["Loại", "Nội dung", "Căn cứ"], rows, st))
    else:
        out.append(Paragraph("Không có dấu hiệu, xung đột hay trường hợp đặc biệt.", st["item"]))
    d = p.decision
    if d is not None:
        out.append(
            markup(
                "Ghi nhận quyết định (nhật ký kiểm toán số {seq}, {at}): người đề xuất {pro};"
                " người thẩm định {app}; số người biểu quyết {voters}; người quyết định {dec};"
                " ngày quyết định {day}. ({cite})",
                st["item"],
                seq=d.seq,
                at=f"{d.recorded_at:%d/%m/%Y %H:%M}",
                pro=d.proposer or "-",
                app=d.appraiser or "-",
                voters="-" if d.voters is None else d.voters,
                dec=d.decider or "-",
                day=_d(d.decided_on),
                cite=str(d.citation),
            )
        )
    out.append(Spacer(1, 6))
    return out


def pdf(r: ControlReport) -> bytes:
    st = styles()
    story: list[Flowable] = [
        _header(r, st),
        Paragraph("BÁO CÁO", st["title"]),
        para(
            f"Kiểm soát quyền lực trong công tác cán bộ, từ ngày {_d(r.start)} đến ngày "
            f"{_d(r.end)}",
            st["sub"],
        ),
        markup(
            "Căn cứ {cite}, báo cáo các dấu hiệu, xung đột lợi ích, việc tránh và các trường hợp"
            " đặc biệt trong công tác bổ nhiệm cán bộ của {unit}:",
            st["body"],
            cite=str(r.citation),
            unit=r.unit_name,
        ),
        Paragraph("I. Tổng hợp theo đơn vị", st["section"]),
    ]
    story.append(_units_table(r, st) if r.units else Paragraph("Không có quy trình.", st["item"]))
    story.append(Paragraph("II. Từng quy trình", st["section"]))
    for n, p in enumerate(r.processes, start=1):
        story += _process_block(n, p, st)
    story += [
        Spacer(1, 14),
        _pairs([_signer(st, ["NGƯỜI LẬP BÁO CÁO"], ""), _signer(st, ["T/M ỦY BAN KIỂM TRA"], "")]),
    ]
    return a4_portrait(story, "Báo cáo kiểm soát quyền lực trong công tác cán bộ")
