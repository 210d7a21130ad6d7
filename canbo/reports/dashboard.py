"""The dashboard of a scope (``/bao-cao/tong-quan/``): charts of the members, the results
reports, report requests and the work programme, each fed with its table by one
:class:`~canbo.services.reports.charts.Chart`, so a chart and its table show the same numbers.

Each figure comes from its context's one service or selector: the members from the statistics
use case (Biểu 3-BTCTW on the period's last day), the results reports
(:func:`canbo.services.reports.results.results_report`, which checks the scope first), the
report requests the unit sent in the period (``request_progress``), the work programme's
``summary(unit_id, year)`` for the year of the period's last day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from canbo.core.stats.model import StatsReport, StatsRow
from canbo.core.types import UnitId
from canbo.programme import choices as programme_choices
from canbo.programme import selectors as programme
from canbo.services.ports import Actor
from canbo.services.reports.charts import Chart
from canbo.services.reports.results import LEVELS, ReportKind, ResultsReport, results_report
from canbo.services.stats.statistics import member_statistics
from canbo.stats import selectors as stats
from canbo.surveys import selectors as surveys

from . import labels
from .reader import DjangoResultsReader


@dataclass(frozen=True, slots=True)
class Dashboard:
    unit_id: int
    unit_name: str
    start: dt.date
    end: dt.date
    charts: tuple[Chart, ...]
    notes: tuple[str, ...] = ()


def _link(slug: str, query: str) -> str:
    return f"{reverse('reports:report', args=[slug])}?{query}"


def _label(row: StatsRow) -> str:
    return row.label_en if (get_language() or "vi").startswith("en") else row.label_vi


def _count(row: StatsRow) -> int:
    value = row.values[0] if row.values else 0
    return int(value or 0)


def member_charts(report: StatsReport) -> list[Chart]:
    """Members on the period's last day (Biểu 3-BTCTW, the statistics context's one report)."""
    table = report.table("bieu3")
    url = f"{reverse('stats:index')}?don_vi=id:{report.unit_id}&ngay={report.as_of.isoformat()}"
    ages = [r for r in table.rows if r.key.startswith("age:")]
    status = [table.row("official"), table.row("probationary")]
    among = [table.row(k) for k in ("women", "minority", "religious")]
    unit = _("Số đảng viên")
    return [
        Chart.of("members-status", _("Đảng viên chính thức, dự bị"), "pie",
                 [(_label(r), _count(r)) for r in status], unit=unit, source=url),
        Chart.of("members-age", _("Đảng viên theo độ tuổi"), "hbar",
                 [(_label(r), _count(r)) for r in ages], unit=unit, source=url),
        Chart.of("members-among", _("Trong tổng số đảng viên"), "hbar",
                 [(_label(r), _count(r)) for r in among], unit=unit, source=url, parts=False),
    ]  # fmt: skip


def classification_charts(r: ResultsReport, query: str) -> list[Chart]:
    url = _link("xep-loai", query)
    return [
        Chart.of(
            f"classification-{side}",
            title,
            "bar",
            [(lv, r.value(f"{side}_{lv}")) for lv in LEVELS],
            unit=unit,
            source=url,
            empty_note=_("Chỉ tính kết quả xếp loại đã công bố của các năm trong kỳ."),
        )
        for side, title, unit in (
            ("person", _("Cá nhân theo mức xếp loại"), _("Số cá nhân")),
            ("collective", _("Tập thể theo mức xếp loại"), _("Số tập thể")),
        )
    ]


def confidence_chart(r: ResultsReport, query: str) -> Chart:
    rows = [(labels.column_label(f"band_{b}"), r.value(f"band_{b}")) for b in ("none", "B", "C")]
    return Chart.of(
        "confidence", _("Kết quả lấy phiếu tín nhiệm"), "pie", rows,
        unit=_("Số người"), source=_link("tin-nhiem", query),
        empty_note=_("Chỉ tính các cuộc lấy phiếu có kết quả đã xác nhận trong kỳ."),
    )  # fmt: skip


def congress_chart(r: ResultsReport, query: str) -> Chart:
    keys = ("elected", "women", "young", "minority")
    return Chart.of(
        "congresses", _("Cấp ủy viên được bầu tại đại hội"), "hbar",
        [(labels.column_label(k), r.value(k)) for k in keys],
        unit=_("Số người"), source=_link("dai-hoi", query), parts=False,
        empty_note=_("Chỉ tính các đại hội đã tổ chức trong kỳ."),
    )  # fmt: skip


def programme_chart(unit_id: int, year: int, today: dt.date) -> Chart:
    found = programme.summary(unit_id, year, today)
    p = found.projects
    status = programme_choices.Status
    rows = [
        (str(status.COMPLETED.label), p.completed),
        (str(status.IN_PROGRESS.label), p.in_progress),
        (str(status.PLANNED.label), p.planned),
        (str(status.CANCELLED.label), p.cancelled),
    ]
    title = _("Chương trình công tác năm %(year)s: đề án") % {"year": year}
    none = _("Chương trình công tác năm này chưa có đề án nào.")
    return Chart.of("programme", title, "pie", rows, unit=_("Số đề án"), empty_note=none)


SURVEY_CHARTS = 3
"""The newest report requests of the period drawn on the dashboard."""


def survey_charts(unit_id: int, start: dt.date, end: dt.date, today: dt.date) -> list[Chart]:
    """Progress of the requests the unit sent in the period: on time, late, not submitted."""
    found = [p for p in surveys.request_progress(unit_id, today) if start <= p.as_of <= end]
    return [
        Chart.of(
            f"survey-{p.request_id}",
            p.title,
            "pie",
            [
                (_("Đã nộp đúng hạn"), p.submitted - p.submitted_late),
                (_("Nộp muộn"), p.submitted_late),
                (_("Chưa nộp"), p.not_submitted),
            ],
            unit=_("Số đơn vị"),
        )
        for p in found[:SURVEY_CHARTS]
    ]


def compute(actor: Actor, unit_id: int, start: dt.date, end: dt.date, today: dt.date) -> Dashboard:
    """Every figure of the dashboard of ``unit_id``'s subtree over the period."""
    reader = DjangoResultsReader()
    unit = UnitId(unit_id)
    reports = {k: results_report(actor, reader, k, unit, start, end) for k in ReportKind}
    members = member_statistics(actor, stats.reader(), unit_id, end)
    query = f"unit=id:{unit_id}&start={start.isoformat()}&end={end.isoformat()}"
    charts: list[Chart] = [
        *member_charts(members),
        *classification_charts(reports[ReportKind.CLASSIFICATION], query),
        confidence_chart(reports[ReportKind.CONFIDENCE], query),
        congress_chart(reports[ReportKind.CONGRESSES], query),
        *survey_charts(unit_id, start, end, today),
        programme_chart(unit_id, end.year, today),
    ]
    first = reports[ReportKind.CLASSIFICATION]
    return Dashboard(unit_id, first.unit_name, start, end, tuple(charts))


def options(d: Dashboard) -> list[dict[str, Any]]:
    """Each chart's option as the page serializes it (the test reads them back)."""
    return [c.option() for c in d.charts]
