"""Power-control pages (QĐ 114-QĐ/TW): the control panel of a process (conflicts of interest,
recusal and override forms, flags, each with its citation), the control report for the
inspection committees as a page, XLSX and PDF (PC-15, PC-19), a declared close acquaintance
(PC-21), and the candidate's dossier as a PDF (AP-04). Every change goes through a use case of
:mod:`canbo.services.appointments.power`; a refusal is shown by the site's error page with its
citation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.core.clock import SystemClock
from canbo.core.types import PersonId, UnitId
from canbo.refusals import valid_data
from canbo.registry.pickers import bind_pickers
from canbo.services.appointments import control, power
from canbo.services.appointments.ports import ProcessId

from . import control_documents, control_forms, control_pages, dossier, dossier_pdf
from .control_repository import DjangoControlUnitOfWork


def _today() -> dt.date:
    return SystemClock().today()


@verified_login_required
def panel(request: HttpRequest, process_id: int) -> HttpResponse:
    """The control panel; the whole page, or the partial for the process page (htmx)."""
    context = control_pages.panel_context(request, ProcessId(process_id), _today())
    partial = request.headers.get("HX-Request") == "true"
    name = "_control_panel.html" if partial else "control_process.html"
    return render(request, f"appointments/{name}", context)


@verified_login_required
@require_POST
def recusal(request: HttpRequest, process_id: int) -> HttpResponse:
    d = valid_data(control_forms.RecusalForm(request.POST))
    power.record_recusal(
        DjangoControlUnitOfWork(), actor_for(request.user), ProcessId(process_id),
        d["step"], PersonId(d["person"]), d["outcome"], d["reason"], _today(), role=d["role"],
    )  # fmt: skip
    return redirect("appointments:control_panel", process_id)


@verified_login_required
@require_POST
def acquaintance(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request.user)
    form = control_forms.AcquaintanceForm(request.POST)
    bind_pickers(form, actor, _today())
    d = valid_data(form)
    power.declare_acquaintance(
        DjangoControlUnitOfWork(), actor, PersonId(d["person"]), PersonId(d["other"]),
        d["source"], _today(),
    )  # fmt: skip
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("appointments:control")


@verified_login_required
def report(request: HttpRequest) -> HttpResponse:
    context = control_pages.report_context(request, _today())
    return render(request, "appointments/control.html", context)


def _report(request: HttpRequest) -> control.ControlReport:
    unit, start, end = control_pages.report_query(request, _today())
    return control.control_report(
        DjangoControlUnitOfWork(), actor_for(request.user), UnitId(unit), start, end, _today()
    )


def _file(body: bytes, content_type: str, name: str, inline: bool) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{name}"'
    return response


@verified_login_required
def report_xlsx(request: HttpRequest) -> HttpResponse:
    r = _report(request)
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return _file(control_documents.xlsx(r), kind, f"kiem-soat-{r.unit_id}.xlsx", False)


@verified_login_required
def report_pdf(request: HttpRequest) -> HttpResponse:
    r = _report(request)
    return _file(control_documents.pdf(r), "application/pdf", f"kiem-soat-{r.unit_id}.pdf", True)


@verified_login_required
def dossier_view(request: HttpRequest, process_id: int) -> HttpResponse:
    who: Any = request.GET.get("nguoi", "")
    person = PersonId(int(who)) if str(who).isdigit() else None
    d = dossier.dossier(actor_for(request.user), ProcessId(process_id), _today(), person)
    name = f"ho-so-nhan-su-{process_id}.pdf"
    return _file(dossier_pdf.dossier_pdf(d), "application/pdf", name, True)
