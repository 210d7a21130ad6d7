"""A results report as XLSX and as a PDF on A4 landscape, in the layout of the organization
sector's forms (the heading of a Party document, the title and period, the table, the
compiler's and the head of the organization commission's signatures; FRM-08). The form and its
paper layout are the classification statistics form's (:mod:`canbo.classification.outputs`),
so every report of the sector prints alike."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from canbo import spreadsheets as xl
from canbo.classification.outputs import Form, pdf_bytes, xlsx_bytes
from canbo.services.reports.results import ResultsReport

from . import labels


def row_name(name: str, own: bool, received: bool, sender: str) -> str:
    if received:
        mark = _("nhận từ hệ thống cấp dưới")
        return f"{name} ({mark}: {sender})" if sender else f"{name} ({mark})"
    if own:
        return _("%(name)s (trực tiếp)") % {"name": name}
    return name


def form(r: ResultsReport) -> Form:
    """The report as a form: STT, unit, one column per figure, and the total row."""
    columns = [xl.Column(_("STT"), xl.INTEGER, 6), xl.Column(_("Đơn vị"), width=34)]
    columns += [xl.Column(labels.full_label(c), xl.INTEGER, 14) for c in r.columns]
    rows: list[list[Any]] = []
    for i, row in enumerate(r.rows, start=1):
        rows.append([i, row_name(row.name, row.own, row.received, row.sender), *row.values])
    rows.append(["", _("Tổng cộng"), *r.total])
    period = _("Từ ngày %(start)s đến ngày %(end)s") % {
        "start": r.start.strftime("%d/%m/%Y"),
        "end": r.end.strftime("%d/%m/%Y"),
    }
    title = str(labels.TITLES[r.kind])
    signer = "TRƯỞNG BAN TỔ CHỨC"  # FRM-08: the head of the organization commission signs
    return Form(r.unit_name, title, period, columns, rows, signer, timezone.localdate())


def xlsx(r: ResultsReport) -> bytes:
    return xlsx_bytes(form(r))


def pdf(r: ResultsReport) -> bytes:
    return pdf_bytes(form(r))
