"""What the congress page shows, read through the congress use cases (scope checked there)."""

from __future__ import annotations

from typing import Any

from django import forms as django_forms
from django.http import HttpRequest

from canbo.accounts.actors import actor_for
from canbo.core.clock import SystemClock
from canbo.core.elections.model import CongressKind
from canbo.core.errors import DomainError
from canbo.registry.pickers import bind_pickers
from canbo.services.congresses import base, congress
from canbo.services.congresses.ports import CongressId, CongressStatus

from . import choices, forms, selectors
from .uow import DjangoCongressUnitOfWork

ROLE = dict(choices.RollRole.choices)
STATUS = dict(choices.DelegateStatus.choices)
REASON = dict(choices.NotConvenedReason.choices)
SUBTRACTION = dict(choices.Subtraction.choices)
BODY = dict(choices.WorkingBody.choices)


def _read(uow: DjangoCongressUnitOfWork, actor: Any, cid: CongressId) -> dict[str, Any]:
    with uow:
        data = congress.load(uow, actor, cid)
        assert data.conference_id is not None  # noqa: S101 - created with the congress
        return {
            "data": data,
            "roll": uow.congresses.roll(cid),
            "committee": uow.roster.facts(
                data.unit_id, uow.congresses.convening_committee(cid), data.opens_on
            ),
            "excluded": uow.congresses.not_convened(cid),
            "bodies": uow.congresses.working_bodies(cid),
            "lines": uow.congresses.subtractions(cid),
            "attendance": uow.conferences.attendance(data.conference_id),
        }


def congress_context(request: HttpRequest, cid: int) -> dict[str, Any]:
    actor, uow, key = actor_for(request.user), DjangoCongressUnitOfWork(), CongressId(cid)
    c = _read(uow, actor, key)
    data = c["data"]
    preparing = data.status is CongressStatus.PREPARING
    c["proposed_out"] = congress.propose_not_convened(uow, actor, key) if preparing else []
    c["proposed_lines"] = [] if preparing else base.propose_subtractions(uow, actor, key)
    try:
        c["base"] = base.congress_denominator(uow, key)
    except DomainError:
        c["base"] = None
    _label(c)
    c.update(_forms(actor, data, cid))
    c.update(
        kind_label=dict(choices.CongressKind.choices)[str(data.kind)],
        status_label=dict(choices.CongressStatus.choices)[str(data.status)],
        preparing=preparing,
        active=data.status in (CongressStatus.ROLL_FIXED, CongressStatus.OPEN),
        delegates=data.kind is CongressKind.DELEGATES,
    )
    return c


def _rows(items: Any, **labels: dict[str, Any]) -> list[dict[str, Any]]:
    """Each item as a dict with the label of its stored values (``<field>_label``)."""
    out = []
    for item in items:
        row = {f: getattr(item, f) for f in item.__slots__}
        for name, table in labels.items():
            row[f"{name}_label"] = table.get(str(row[name]), "")
        out.append(row)
    return out


def _label(c: dict[str, Any]) -> None:
    c["roll"] = _rows(c["roll"], role=ROLE, status=STATUS)
    c["excluded"] = _rows(c["excluded"], reason=REASON)
    c["proposed_out"] = _rows(c["proposed_out"], reason=REASON)
    c["bodies"] = _rows(c["bodies"], body=BODY)
    c["lines"] = _rows(c["lines"], reason=SUBTRACTION)
    c["proposed_lines"] = _rows(c["proposed_lines"], reason=SUBTRACTION)


def _forms(actor: Any, data: Any, cid: int) -> dict[str, Any]:
    today = SystemClock().today()
    conference = int(data.conference_id or 0)
    body, credentials, line = forms.BodyForm(), forms.CredentialsForm(), forms.SubtractionForm()
    body.set_present(selectors.roll_options(cid, conference, True))
    on_roll = selectors.roll_options(cid, conference, False)
    credentials.set_roll(on_roll)
    line.set_roll(on_roll)
    made: dict[str, django_forms.Form] = {
        "committee_form": forms.PeopleForm(),
        "delegates_form": forms.DelegatesForm(),
        "out_form": forms.NotConvenedForm(),
        "body_form": body,
        "credentials_form": credentials,
        "line_form": line,
    }
    for form in made.values():
        bind_pickers(form, actor, today)
    return made
