"""Pages of the statistics: parse the GET form, call the service, render (FRM-08 to FRM-11,
OR-19 to OR-21). A refusal (a unit that did not exist on the date) is shown on the page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.core.clock import SystemClock
from canbo.core.errors import DomainError, NotFound
from canbo.core.stats.model import StatsReport
from canbo.refusals import message as refusal_message
from canbo.registry.pickers import bind_pickers
from canbo.services.stats.statistics import compare_across_reorganization, member_statistics

from . import forms, outputs, pages
from .selectors import reader

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _today() -> dt.date:
    return SystemClock().today()


@verified_login_required
def index_view(request: HttpRequest) -> HttpResponse:
    """Choose a unit, an as-of date and a table; see the tables, download them."""
    actor, today = actor_for(request.user), _today()
    asked = "don_vi" in request.GET
    data = request.GET if asked else pages.initial(actor, today)
    form = forms.ReportForm(data) if asked else forms.ReportForm(initial=data)
    bind_pickers(form, actor, forms.day_of(data, "ngay", today))
    context: dict[str, Any] = {"form": form, "own_url": pages.own_url(request, data)}
    if asked and form.is_valid():
        unit_id, as_of = form.cleaned_data["don_vi"], form.cleaned_data["ngay"]
        try:
            report = member_statistics(actor, reader(), unit_id, as_of)
        except DomainError as exc:
            context["refusal"] = refusal_message(exc)
            context["citation"] = exc.citation
        else:
            context.update(pages.report_context(report, form.cleaned_data["bieu"] or ""))
    return render(request, "stats/index.html", context)


@verified_login_required
def export_view(request: HttpRequest, unit_id: int, code: str, fmt: str) -> HttpResponse:
    """One table (``bieu1``..``bieu5``) or all (``tat-ca``) as XLSX or PDF."""
    if fmt not in ("xlsx", "pdf"):
        raise Http404
    as_of = forms.day_of(request.GET, "ngay", _today())
    try:
        report = member_statistics(actor_for(request.user), reader(), unit_id, as_of)
        tables = report.tables if code == "tat-ca" else (report.table(code),)
    except NotFound as exc:
        raise Http404 from exc
    except DomainError as exc:
        return HttpResponse(refusal_message(exc), status=exc.status, content_type="text/plain")
    return _file(report, tables, code, fmt)


def _file(report: StatsReport, tables: Any, code: str, fmt: str) -> HttpResponse:
    if fmt == "xlsx":
        body, kind = outputs.xlsx_bytes(report, tables), XLSX
    else:
        body, kind = outputs.pdf_report(report, tables), "application/pdf"
    name = f"thong-ke-{report.unit_code}-{report.as_of.isoformat()}-{code}.{fmt}"
    response = HttpResponse(body, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@verified_login_required
def compare_view(request: HttpRequest) -> HttpResponse:
    """A unit today against the sum of its predecessors before the reorganization (OR-21)."""
    actor, today = actor_for(request.user), _today()
    asked = "don_vi" in request.GET
    data = request.GET if asked else pages.compare_initial(actor, today)
    form = forms.CompareForm(data) if asked else forms.CompareForm(initial=data)
    bind_pickers(form, actor, forms.day_of(data, "sau", today))
    context: dict[str, Any] = {"form": form}
    if asked and form.is_valid():
        c = form.cleaned_data
        try:
            found = compare_across_reorganization(
                actor, reader(), c["don_vi"], c["truoc"], c["sau"]
            )
        except DomainError as exc:
            context["refusal"] = refusal_message(exc)
            context["citation"] = exc.citation
        else:
            context.update(pages.compare_context(found))
    context["title"] = _("So sánh trước và sau sắp xếp")
    return render(request, "stats/compare.html", context)
