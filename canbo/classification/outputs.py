"""The lists and statistics forms of the guidance as XLSX and PDF (CL-24, FRM-13).

The list (danh sách kết quả đánh giá, xếp loại) has one row per subject in Vietnamese name
order; the statistics form (biểu thống kê) counts subjects by kind and level with the share of
each level among those classified. Both carry the heading of a Party document (DOC-04 to
DOC-07: the unit on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the date line on the right, the
form's title and year centred) and, on paper, the signature blocks of the compiler and the
signer (FRM-08). Spreadsheets are written by :func:`canbo.spreadsheets.write_sheet`.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo import spreadsheets as xl
from canbo.core.errors import ValidationError
from canbo.pdf_fonts import font_path

from . import choices
from .selectors import LEVELS, Stats, UnitReview

SERIF = ("serif", "serif-bold", "serif-italic")  # bundled DejaVu Serif: Vietnamese, offline
PDF_FONT = font_path(SERIF[0])


@dataclass(frozen=True, slots=True)
class Form:
    """A form ready to print or export: its official heading, columns and rows."""

    issuer: str  # the unit whose form it is, as in the header's left column
    title: str  # the form's name, printed in capitals
    period: str  # "Năm 2025"
    columns: list[xl.Column]
    rows: list[list[Any]]
    signer: str  # the right-hand signature block ("T/M CHI BỘ", "TRƯỞNG BAN TỔ CHỨC")
    day: dt.date

    @property
    def header(self) -> list[str]:
        return [str(c.title) for c in self.columns]

    @property
    def heading(self) -> list[str]:
        return [self.issuer.upper(), self.title.upper(), self.period]


def _level_label(value: int | None, show: bool) -> str:
    if value is None:
        return ""
    return choices.Level(value).name if show else "—"


def _signer(unit_name: str) -> str:
    """Who signs a unit's list: a cell's Party cell, else the unit's Party committee (DOC-09:
    "T/M" the collective)."""
    return "T/M CHI BỘ" if unit_name.lower().startswith("chi bộ") else "T/M ĐẢNG ỦY"


def list_form(review: UnitReview) -> Form:
    """Danh sách kết quả: STT, name, kind, proposed, final level, version, exemption."""
    columns = [
        xl.Column(_("STT"), xl.INTEGER, 6), xl.Column(_("Họ và tên / Tập thể"), width=30),
        xl.Column(_("Loại"), width=22), xl.Column(_("Mức đề xuất"), width=10),
        xl.Column(_("Mức xếp loại"), width=10), xl.Column(_("Phiên bản"), xl.INTEGER, 9),
        xl.Column(_("Không xếp loại"), width=28),
    ]  # fmt: skip
    rows = []
    for i, s in enumerate(review.subjects, start=1):
        rows.append(
            [
                i, s.name, str(choices.SubjectKind(s.kind).label),
                _level_label(s.proposed_level, review.show_levels),
                _level_label(s.final_level, review.show_levels), s.version,
                str(choices.EXEMPTIONS.get(s.exemption, "")),
            ]
        )  # fmt: skip
    title = _("Danh sách kết quả đánh giá, xếp loại chất lượng")
    period = _("Năm %(year)s") % {"year": review.cycle.year}
    day = timezone.localdate()
    return Form(review.name, title, period, columns, rows, _signer(review.name), day)


def stats_form(stats: Stats) -> Form:
    """Biểu thống kê: per kind, totals and each level with its share of the classified."""
    columns = [
        xl.Column(_("Loại"), width=26),
        xl.Column(_("Tổng số"), xl.INTEGER),
        xl.Column(_("Đã xếp loại"), xl.INTEGER),
    ]
    for level in LEVELS:
        columns += [xl.Column(level.code, xl.INTEGER), xl.Column(f"{level.code} %", xl.PERCENT)]
    columns += [
        xl.Column(_("Chưa quyết định"), xl.INTEGER),
        xl.Column(_("Không xếp loại"), xl.INTEGER),
    ]
    rows = []
    for r in stats.rows:
        line: list[Any] = [str(choices.SubjectKind(r["kind"]).label), r["total"], r["classified"]]
        for level in LEVELS:
            shown = stats.show_levels
            line += [r[level.code] if shown else "—", r[f"{level.code}_pct"] if shown else "—"]
        line += [r["pending"], r["exempt"]]
        rows.append(line)
    title = _("Biểu thống kê kết quả đánh giá, xếp loại chất lượng")
    period = _("Năm %(year)s") % {"year": stats.cycle.year}
    signer = "TRƯỞNG BAN TỔ CHỨC"  # FRM-08: the head of the organization commission signs
    return Form(stats.name, title, period, columns, rows, signer, timezone.localdate())


def xlsx_bytes(form: Form) -> bytes:
    return xl.workbook_bytes([(form.title, form.columns, form.rows, form.heading)])


def template_xlsx(unit_name: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    """The bulk entry template: Vietnamese headings, each with the key it is read back by."""
    columns = [xl.Column(f"{COLUMN_LABELS.get(k, k)} ({k})", _kind(k)) for k in header]
    heading = [unit_name.upper(), _("Mẫu nhập kết quả tự đánh giá, xếp loại").upper()]
    return xl.workbook_bytes([(_("Tự đánh giá"), columns, rows, heading)], header_first=True)


def _kind(key: str) -> str:
    if key.endswith("_pct"):
        return xl.NUMBER
    text = {"id", "name", "kind", "group", "head_of", "discipline", "grade_results",
            "grade_other_min", "evidence", "civil_service_level"}  # fmt: skip
    return xl.TEXT if key in text else xl.INTEGER


COLUMN_LABELS = {
    "id": gettext_lazy("Mã đối tượng"),
    "name": gettext_lazy("Họ và tên / Tập thể"),
    "kind": gettext_lazy("Loại"),
    "group": gettext_lazy("Nhóm"),
    "score_general": gettext_lazy("Điểm tiêu chí chung"),
    "score_results": gettext_lazy("Điểm kết quả thực hiện nhiệm vụ"),
    "grade_results": gettext_lazy("Mức kết quả thực hiện nhiệm vụ"),
    "grade_other_min": gettext_lazy("Mức thấp nhất các tiêu chí khác"),
    "tasks_total": gettext_lazy("Tổng số nhiệm vụ"),
    "tasks_on_time": gettext_lazy("Hoàn thành đúng hạn"),
    "tasks_exceeded": gettext_lazy("Hoàn thành vượt mức"),
    "tasks_late": gettext_lazy("Hoàn thành chậm"),
    "discipline": gettext_lazy("Kỷ luật"),
    "discipline_self_remedied": gettext_lazy("Đã tự khắc phục"),
    "led_units_tasks_pct": gettext_lazy("Tỷ lệ đơn vị hoàn thành nhiệm vụ (%)"),
    "led_units_kht_pct": gettext_lazy("Tỷ lệ đơn vị không hoàn thành (%)"),
    "confidence_low_pct": gettext_lazy("Tỷ lệ phiếu tín nhiệm thấp (%)"),
    "head_of": gettext_lazy("Người đứng đầu đơn vị"),
    "evidence": gettext_lazy("Minh chứng"),
    "led_units_exceeded_pct": gettext_lazy("Tỷ lệ đơn vị hoàn thành vượt mức (%)"),
    "units_disciplined_pct": gettext_lazy("Tỷ lệ đơn vị bị kỷ luật (%)"),
    "discipline_duty_related": gettext_lazy("Kỷ luật liên quan thực thi nhiệm vụ"),
    "degradation_concluded": gettext_lazy("Có kết luận suy thoái"),
    "breach_concluded": gettext_lazy("Có kết luận vi phạm"),
    "key_targets_missed": gettext_lazy("Số chỉ tiêu chủ yếu không đạt"),
    "basic_targets_missed": gettext_lazy("Số chỉ tiêu cơ bản không đạt"),
    "shortcomings_remedied": gettext_lazy("Đã khắc phục hạn chế"),
    "exempt": gettext_lazy("Không xếp loại"),
    "months_in_operation": gettext_lazy("Số tháng hoạt động"),
    "sick_leave_months": gettext_lazy("Số tháng nghỉ ốm"),
    "civil_service_level": gettext_lazy("Mức xếp loại công chức"),
}
"""Headings of the template's columns; a key not listed is shown as it is."""


def pdf_bytes(form: Form) -> bytes:
    """The form on A4 landscape paper; refused with a clear message when reportlab is missing."""
    if not importlib.util.find_spec("reportlab") or not PDF_FONT.exists():
        raise ValidationError(
            "pdf_unavailable",
            "Xuất PDF cần gói reportlab và phông DejaVu Serif. / PDF output needs reportlab and "
            "the DejaVu Serif font.",
        )
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate

    from .form_layout import story

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=landscape(A4), title=form.title, leftMargin=2 * cm, rightMargin=1.5 * cm,
        topMargin=1.5 * cm, bottomMargin=1.5 * cm,
    )  # fmt: skip
    doc.build(story(form, _fonts(), doc.width))
    return out.getvalue()


def _fonts() -> tuple[str, str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = ("CanboFormSerif", "CanboFormSerif-Bold", "CanboFormSerif-Italic")
    if names[0] not in pdfmetrics.getRegisteredFontNames():
        for name, style in zip(names, SERIF, strict=True):
            pdfmetrics.registerFont(TTFont(name, str(font_path(style))))
    return names
