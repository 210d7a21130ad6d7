"""The statistics tables as spreadsheets and PDF (HD 11-HD/BTCTW layout, FRM-08).

Each table is a form of :mod:`canbo.classification.outputs`: the heading of a Party document
(the unit on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the date line on the right), "Biểu x-BTCTW"
and its title, the as-of date and the period, the rows with numbers as numbers, and the
signature blocks of the compiler (người lập biểu) and the head of the organization commission.
The whole report is one workbook of five sheets, or one PDF of five pages.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from canbo import spreadsheets as xl
from canbo.classification.outputs import Form, pdf_bytes
from canbo.core.stats.model import StatsReport, StatsTable

SIGNER = "TRƯỞNG BAN TỔ CHỨC"
"""The head of the organization commission signs the statistics (FRM-08)."""


def is_english() -> bool:
    return (get_language() or "vi").startswith("en")


def words(vi: str, en: str) -> str:
    """A table's own words in the page's language (the table carries both)."""
    return en if is_english() else vi


def period_line(report: StatsReport) -> str:
    line = _("Số liệu tính đến ngày %(as_of)s (kỳ báo cáo từ %(start)s)") % {
        "as_of": report.as_of.strftime("%d/%m/%Y"),
        "start": report.period_start.strftime("%d/%m/%Y"),
    }
    if report.restated:
        line += " — " + _("số liệu tính lại theo đơn vị hiện nay")
    return line


def table_form(report: StatsReport, table: StatsTable) -> Form:
    """One table as a printable form: the row label (indented by depth), then its values."""
    kind = xl.NUMBER if report.restated else xl.INTEGER
    # Wide enough in total that the sheet prints on A4 landscape, as the tables are issued.
    label_width = max(56, xl.WIDE + 2 - 16 * len(table.columns))
    columns = [xl.Column(_("Chỉ tiêu"), width=label_width)]
    for vi, en in table.columns:
        share = "%" in vi
        columns.append(xl.Column(words(vi, en), xl.NUMBER if share else kind, 16))
    rows = [["    " * r.depth + words(r.label_vi, r.label_en), *r.values] for r in table.rows]
    title = words(table.title_vi, table.title_en)
    return Form(
        report.unit_name, title, period_line(report), columns, rows, SIGNER, timezone.localdate()
    )


def xlsx_bytes(report: StatsReport, tables: Sequence[StatsTable]) -> bytes:
    """One sheet per table, each with its heading and A4 landscape print setup."""
    sheets = []
    for table in tables:
        form = table_form(report, table)
        sheets.append((table.code, form.columns, form.rows, form.heading))
    return xl.workbook_bytes(sheets)


def pdf_report(report: StatsReport, tables: Sequence[StatsTable]) -> bytes:
    """Each table on its own page(s), A4 landscape, in one document."""
    if len(tables) == 1:
        return pdf_bytes(table_form(report, tables[0]))
    pdf_bytes(table_form(report, tables[0]))  # refuses clearly when reportlab is missing
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreak, SimpleDocTemplate

    from canbo.classification.form_layout import story
    from canbo.classification.outputs import _fonts

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=landscape(A4), title=report.unit_name, leftMargin=2 * cm,
        rightMargin=1.5 * cm, topMargin=1.5 * cm, bottomMargin=1.5 * cm,
    )  # fmt: skip
    flow: list[object] = []
    for i, table in enumerate(tables):
        if i:
            flow.append(PageBreak())
        flow.extend(story(table_form(report, table), _fonts(), doc.width))
    doc.build(flow)
    return out.getvalue()
