"""The year-end summary of a programme as XLSX and PDF (WP-05).

The layout is the classification forms' (:mod:`canbo.classification.outputs`): the heading of
a Party document (the unit on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the date line on the
right), the title and year with the headline "21 trên 21 đề án hoàn thành", one row per
project and task, and the signature blocks of the compiler and the head of the commission.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from canbo import spreadsheets as xl
from canbo.classification.outputs import Form, pdf_bytes, xlsx_bytes

from . import choices

__all__ = ["on_paper", "pdf_bytes", "summary_form", "xlsx_bytes"]


def _flag(line: Any) -> str:
    if line.flags.overdue:
        return _("Quá hạn %(days)s ngày") % {"days": line.flags.days_late}
    if line.flags.completed_late:
        return _("Hoàn thành chậm %(days)s ngày") % {"days": line.flags.days_late}
    return ""


def summary_form(
    view: Any, unit_name: str, unit_names: dict[int, str], leads: dict[int, str], headline: str
) -> Form:
    """Báo cáo tổng kết: STT, kind, title, responsible unit, lead, deadline, status, progress,
    completion date, flag."""
    columns = [
        xl.Column(_("STT"), xl.INTEGER, 6), xl.Column(_("Loại"), width=10),
        xl.Column(_("Tên đề án, nhiệm vụ"), width=46), xl.Column(_("Đơn vị chủ trì"), width=26),
        xl.Column(_("Người phụ trách"), width=22), xl.Column(_("Thời hạn"), xl.DATE),
        xl.Column(_("Trạng thái"), width=16), xl.Column(_("Tiến độ (%)"), xl.INTEGER, 9),
        xl.Column(_("Ngày hoàn thành"), xl.DATE), xl.Column(_("Ghi chú"), width=22),
    ]  # fmt: skip
    rows = []
    for n, line in enumerate(view.lines, start=1):
        item = line.item
        rows.append(
            [
                n, str(choices.ItemKind(item.kind).label), item.title,
                unit_names.get(item.unit_id, ""), leads.get(item.lead_id or 0, ""),
                item.deadline, str(choices.Status(item.status).label), item.percent,
                item.completed_on, _flag(line),
            ]
        )  # fmt: skip
    title = _("Báo cáo tổng kết thực hiện chương trình công tác")
    period = _("Năm %(year)s: %(headline)s") % {"year": view.year, "headline": headline}
    signer = "TRƯỞNG BAN TỔ CHỨC"  # the head of the organization commission signs
    return Form(unit_name, title, period, columns, rows, signer, timezone.localdate())


def on_paper(form: Form) -> Form:
    """The form for the PDF: dates written dd/mm/yyyy (the sheet keeps them as dates)."""

    def text(value: Any) -> Any:
        return value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else value

    return dataclasses.replace(form, rows=[[text(v) for v in row] for row in form.rows])
