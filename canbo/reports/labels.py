"""The words of the results reports: titles and column headings (Vietnamese source strings,
translated), keyed by the services' stable report kinds and column keys."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from canbo.services.reports.results import ReportKind

TITLES: dict[ReportKind, Promise] = {
    ReportKind.CLASSIFICATION: _("Báo cáo kết quả đánh giá, xếp loại chất lượng"),
    ReportKind.CONFIDENCE: _("Báo cáo kết quả lấy phiếu tín nhiệm"),
    ReportKind.CONGRESSES: _("Báo cáo kết quả đại hội, bầu cử"),
}

SLUGS: dict[ReportKind, str] = {
    ReportKind.CLASSIFICATION: "xep-loai",
    ReportKind.CONFIDENCE: "tin-nhiem",
    ReportKind.CONGRESSES: "dai-hoi",
}
KINDS = {slug: kind for kind, slug in SLUGS.items()}

GROUPS: dict[str, Promise] = {
    "collective": _("Tập thể"),
    "person": _("Cá nhân"),
}

COLUMNS: dict[str, Promise] = {
    "collective_total": _("Tổng số"),
    "person_total": _("Tổng số"),
    "sessions": _("Số cuộc lấy phiếu"),
    "people": _("Số người được lấy phiếu"),
    "band_none": _("Không thuộc diện xem xét"),
    "band_B": _("Trên 1/2 phiếu tín nhiệm thấp"),
    "band_C": _("Từ 2/3 phiếu tín nhiệm thấp trở lên"),
    "congresses": _("Số đại hội đã tổ chức"),
    "closed": _("Đã bế mạc"),
    "committees": _("Đã bầu cấp ủy"),
    "elected": _("Số cấp ủy viên được bầu"),
    "women": _("Nữ"),
    "young": _("Trẻ (dưới 40 tuổi)"),
    "minority": _("Dân tộc thiểu số"),
    "pending": _("Chưa được chuẩn y"),
}
"""Headings of the columns; a level column (``collective_HTXS``) reads its level's code."""


def column_label(key: str) -> str:
    """The heading of one column on the page (the group, if any, is a row above it)."""
    if key in COLUMNS:
        return str(COLUMNS[key])
    return key.split("_", 1)[1]


def group_of(key: str) -> str:
    """The group heading of a column (``Tập thể``, ``Cá nhân``) or ``""``."""
    head = key.split("_", 1)[0]
    return str(GROUPS[head]) if head in GROUPS else ""


def full_label(key: str) -> str:
    """A column's heading on one line, for a spreadsheet or a printed table."""
    group = group_of(key)
    return f"{group}: {column_label(key)}" if group else column_label(key)
