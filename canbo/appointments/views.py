"""Appointment pages under /bo-nhiem/: the processes, opening one, one process with its steps
(convene, ballot on the voting pages, close, the competent level's decision), the conditions
with their citations, special-case decisions, recusals and the decision; the reappointment
cases. Every change goes through a use case of :mod:`canbo.services.appointments`; a refusal
is shown by the site's error page with its citation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.core.appointments.params import DOSSIER_ITEMS
from canbo.core.clock import SystemClock
from canbo.core.types import PersonId, UnitId
from canbo.refusals import valid_data
from canbo.registry.pickers import bind_pickers
from canbo.services.appointments import power, processes, reappointment
from canbo.services.appointments.ports import (
    OverrideData,
    ProcessId,
    ProcessKind,
    StepKindValue,
)

from . import control_pages, forms, pages
from .control_repository import DjangoControlUnitOfWork
from .uow import DjangoAppointmentsUnitOfWork


def _today() -> dt.date:
    return SystemClock().today()


@verified_login_required
def process_list(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request.user)
    form = forms.OpenForm(request.POST if request.method == "POST" else None)
    bind_pickers(form, actor, _today())
    if request.method == "POST":
        d = valid_data(form)
        pid = processes.open_process(
            DjangoAppointmentsUnitOfWork(),
            actor,
            processes.NewProcess(
                kind=ProcessKind(d["kind"]),
                title_id=d["title"].pk,
                unit_id=UnitId(d["unit"]),
                started_on=d["started_on"],
                candidates=[PersonId(p) for p in d["candidates"]],
                proposer_id=PersonId(d["proposer"]) if d["proposer"] else None,
                appraiser_id=PersonId(d["appraiser"]) if d["appraiser"] else None,
                policy_approved_on=d["policy_approved_on"],
            ),
        )
        return redirect("appointments:detail", pid)
    context = pages.list_context(actor)
    return render(request, "appointments/list.html", {**context, "form": form})


@verified_login_required
def detail(request: HttpRequest, process_id: int) -> HttpResponse:
    context = pages.detail_context(request, ProcessId(process_id), _today())
    control = control_pages.panel_context(request, ProcessId(process_id), _today())
    context.update(control_panel=True, control=control)
    return render(request, "appointments/detail.html", context)


Action = Callable[[DjangoAppointmentsUnitOfWork, Any, ProcessId, HttpRequest], None]


def _post(action: Action) -> Callable[..., HttpResponse]:
    @verified_login_required
    @require_POST
    def view(request: HttpRequest, process_id: int) -> HttpResponse:
        uow, actor = DjangoAppointmentsUnitOfWork(), actor_for(request.user)
        action(uow, actor, ProcessId(process_id), request)
        return redirect("appointments:detail", process_id)

    view.__name__ = action.__name__
    return view


@verified_login_required
@require_POST
def step(request: HttpRequest, process_id: int, kind: str) -> HttpResponse:
    """One action on one step: ``convene``, ``ballot``, ``close`` or ``referral``."""
    uow, actor = DjangoAppointmentsUnitOfWork(), actor_for(request.user)
    if kind not in {k.value for k in StepKindValue}:
        raise Http404  # no such step: answered like a missing process, before any lookup
    pid, k = ProcessId(process_id), StepKindValue(kind)
    action = request.POST.get("action", "")
    if action == "convene":
        form = forms.ConveneForm(request.POST)
        bind_pickers(form, actor, _today())
        d = valid_data(form)
        processes.convene_step(
            uow, actor, pid, k, [PersonId(p) for p in d["persons"]], d["held_on"],
            collective_members=d["members"],
            meeting_unit=UnitId(d["unit"]) if d["unit"] else None,
        )  # fmt: skip
    elif action == "ballot":
        d = valid_data(forms.BallotForm(request.POST))
        counters = [int(u.pk) for u in d["counters"]]
        sid = processes.open_ballot(uow, actor, pid, k, committee=counters)
        return redirect("voting:session", sid)
    elif action == "close":
        d = valid_data(forms.CloseForm(request.POST))
        processes.close_step(uow, actor, pid, k, d["closed_on"])
    elif action == "referral":
        names = pages.candidate_names(actor, pid)
        d = valid_data(forms.ReferralForm(request.POST, names=names))
        processes.record_referral(
            uow, actor, pid, k, d["decision"], d["body"], d["on"],
            [PersonId(p) for p in d["carried"]],
        )  # fmt: skip
    return redirect("appointments:detail", process_id)


@_post
def dossier(uow: Any, actor: Any, pid: ProcessId, r: HttpRequest) -> None:
    d = valid_data(forms.DossierForm(r.POST))
    processes.receive_dossier(uow, actor, pid, d["received_on"])


@_post
def dossier_item(uow: Any, actor: Any, pid: ProcessId, r: HttpRequest) -> None:
    form = forms.DossierItemForm(
        r.POST, names=pages.candidate_names(actor, pid), items=dossier_choices()
    )
    bind_pickers(form, actor, _today())
    d = valid_data(form)
    processes.verify_dossier_item(
        uow, actor, pid, PersonId(d["person"]), d["item"], PersonId(d["verified_by"]),
        d["verified_on"],
    )  # fmt: skip


def dossier_choices() -> list[tuple[str, str]]:
    english = (get_language() or "vi").startswith("en")
    return [(str(v), en if english else vi) for v, vi, en in DOSSIER_ITEMS]


@_post
def override(uow: Any, actor: Any, pid: ProcessId, r: HttpRequest) -> None:
    form = forms.OverrideForm(
        r.POST, names=pages.candidate_names(actor, pid), checks=pages.check_choices()
    )
    d = valid_data(form)
    key = d["check_key"]
    processes.record_override(
        uow,
        actor,
        OverrideData(
            pid, PersonId(d["person"]), key, pages.rule_of_check(key), d["decision_ref"],
            d["body"], d["reason"], _today(),
        ),
    )  # fmt: skip


@_post
def decider(uow: Any, actor: Any, pid: ProcessId, r: HttpRequest) -> None:
    form = forms.DeciderForm(r.POST)
    bind_pickers(form, actor, _today())
    d = valid_data(form)
    unit = UnitId(d["deciding_unit"]) if d["deciding_unit"] else None
    processes.set_decider(uow, actor, pid, PersonId(d["decider"]), unit, _today())


@_post
def decide(uow: Any, actor: Any, pid: ProcessId, r: HttpRequest) -> None:
    form = forms.DecideForm(r.POST, names=pages.candidate_names(actor, pid))
    bind_pickers(form, actor, _today())
    d = valid_data(form)
    processes.decide(
        uow,
        actor,
        pid,
        processes.DecisionData(
            person_id=PersonId(d["person"]),
            decision_ref=d["decision_ref"],
            decided_on=d["decided_on"],
            signed_on=d["signed_on"],
            effective_on=d["effective_on"],
            decider_id=PersonId(d["decider"]),
            decider_level=d["decider_level"],
        ),
        _today(),
    )
    # The power-control flags raised so far are kept with the decided process (PC-19).
    power.freeze_flags(DjangoControlUnitOfWork(), actor, pid, _today())


@verified_login_required
def reappointments(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request.user)
    if request.method == "POST":
        reappointment.open_due_cases(DjangoAppointmentsUnitOfWork(), actor, _today())
        return redirect("appointments:reappointments")
    context = pages.reappointment_context(actor, _today())
    return render(request, "appointments/reappointments.html", context)
