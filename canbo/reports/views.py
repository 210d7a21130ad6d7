"""Pages under /bao-cao/: the hub, the results reports (page, XLSX, PDF) and the dashboard.
Thin views: parse the query, call the service, render (house style)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.services.reports.results import ReportKind

from . import dashboard, documents, labels, pages

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _kind(slug: str) -> ReportKind:
    if slug not in labels.KINDS:
        raise Http404
    return labels.KINDS[slug]


@verified_login_required
def hub(request: HttpRequest) -> HttpResponse:
    reports = [(slug, labels.TITLES[kind]) for kind, slug in labels.SLUGS.items()]
    return render(request, "reports/hub.html", {"reports": reports})


@verified_login_required
def report(request: HttpRequest, slug: str) -> HttpResponse:
    context = pages.context(request, _kind(slug))
    return render(request, "reports/report.html", context)


@verified_login_required
def export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    r = pages.report(request, _kind(slug))
    body, kind = (
        (documents.pdf(r), "application/pdf") if fmt == "pdf" else (documents.xlsx(r), XLSX)
    )
    response = HttpResponse(body, content_type=kind)
    disposition = "inline" if fmt == "pdf" else "attachment"
    name = f"bao-cao-{slug}-{r.unit_id}-{r.end.isoformat()}.{fmt}"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return response


@verified_login_required
def overview(request: HttpRequest) -> HttpResponse:
    day = pages.today()
    unit, start, end = pages.query(request, day)
    d = dashboard.compute(actor_for(request.user), unit, start, end, day)
    form = pages.query_form(request, unit, start, end)
    return render(request, "reports/overview.html", {"dashboard": d, "form": form})
