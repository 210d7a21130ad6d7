"""What the power-control pages show: the panel of one process and the control report, with
every stored value turned into words (:mod:`.control_labels`) and every citation kept for the
``cite`` filter."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest

from canbo.accounts.actors import actor_for
from canbo.core.errors import ValidationError
from canbo.core.permissions import Action, roles_for
from canbo.core.types import WRITE_ROLES, UnitId
from canbo.refusals import valid_data
from canbo.registry import models as reg
from canbo.registry.pickers import bind_pickers
from canbo.services import access
from canbo.services.appointments import control
from canbo.services.appointments.ports import ProcessId

from . import control_forms
from . import control_labels as lb
from .control_repository import DjangoControlUnitOfWork


def conflict_rows(p: control.ProcessControl) -> list[dict[str, Any]]:
    return [
        {
            "c": c,
            "role": lb.role(c.role),
            "step": lb.step(c.step),
            "relation": lb.relation(c.relation),
            "cls": lb.relationship_class(c.relationship_class),
            "action": lb.action(c.action),
            "answer": lb.outcome(c.answer),
        }
        for c in p.conflicts
    ]


def process_rows(p: control.ProcessControl) -> dict[str, Any]:
    """One process with its labels, as the panel and the report show it."""
    return {
        "p": p,
        "kind": lb.kind(p.kind),
        "status": lb.status(p.status),
        "conflicts": conflict_rows(p),
        "flags": [{"f": f, "severity": lb.severity(f.severity)} for f in p.flags],
        "recusals": [
            {
                "r": r,
                "role": lb.role(r.role),
                "step": lb.step(r.step),
                "outcome": lb.outcome(r.outcome),
            }
            for r in p.recusals
        ],
        "referrals": [{"r": r, "step": lb.step(r.step)} for r in p.referrals],
    }


def panel_context(request: HttpRequest, process_id: ProcessId, today: dt.date) -> dict[str, Any]:
    actor = actor_for(request.user)
    uow = DjangoControlUnitOfWork()
    p = control.process_control(uow, actor, process_id, today)
    can_write = access.can_reach(
        actor, p.unit_id, uow.tree, today, WRITE_ROLES
    ) and p.status not in (
        "decided",
        "closed",
    )
    return {**process_rows(p), "can_write": can_write}


def _default_unit(request: HttpRequest, today: dt.date) -> int | None:
    roots = access.roots_for(actor_for(request.user), roles_for(Action.SEE_CONTROL))
    for root in roots:
        if root is not None:
            return int(root)
    if roots:  # the whole tree: its top unit
        top = (
            reg.UnitVersion.objects.filter(
                parent__isnull=True, valid_from__lte=today, valid_to__gte=today
            )
            .order_by("sort_key")
            .first()
        )
        return int(top.unit_id) if top else None
    return None


def report_query(request: HttpRequest, today: dt.date) -> tuple[int, dt.date, dt.date]:
    """The unit and period asked for (the actor's own unit and this year by default)."""
    actor = actor_for(request.user)
    control.require_report_role(actor)  # a permission refusal, not a missing unit
    form = control_forms.ReportForm(request.GET)
    bind_pickers(form, actor, today)
    if "unit" not in request.GET:
        unit = _default_unit(request, today)
        if unit is None:
            raise ValidationError("required", field="unit")
        return unit, dt.date(today.year, 1, 1), today
    d = valid_data(form)
    return int(d["unit"]), d["start"], d["end"]


def report_context(request: HttpRequest, today: dt.date) -> dict[str, Any]:
    unit, start, end = report_query(request, today)
    actor = actor_for(request.user)
    r = control.control_report(DjangoControlUnitOfWork(), actor, UnitId(unit), start, end, today)
    form = control_forms.ReportForm(initial={"unit": unit, "start": start, "end": end})
    bind_pickers(form, actor, today)
    acquaintance = control_forms.AcquaintanceForm()
    bind_pickers(acquaintance, actor, today)
    query = f"unit=id:{unit}&start={start.isoformat()}&end={end.isoformat()}"
    return {
        "report": r,
        "processes": [process_rows(p) for p in r.processes],
        "form": form,
        "acquaintance_form": acquaintance,
        "query": query,
    }
