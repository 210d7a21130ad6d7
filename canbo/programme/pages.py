"""What the work programme pages show, assembled from the services' answers: names of units
and leads, labels of stored values, the roll-up rows worth showing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpRequest
from django.urls import reverse

from canbo.accounts import scope
from canbo.core import programme as rules
from canbo.core.errors import NotFound
from canbo.core.permissions import Action
from canbo.registry.models import Person, UnitVersion
from canbo.registry.pickers import bind_pickers
from canbo.services.ports import Actor
from canbo.services.programme.summary import ProgrammeView

from . import choices, forms, models
from .selectors import headline

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIN_YEAR, MAX_YEAR = 2000, 2100


def index_url(unit_id: int, year: int) -> str:
    return f"{reverse('programme:index')}?{urlencode({'don_vi': f'id:{unit_id}', 'nam': year})}"


def _default_unit(actor: Actor, today: dt.date) -> int | None:
    """The actor's own unit (the root of a grant), else the first programme they may read."""
    for grant in actor.grants:
        if grant.root is not None:
            return int(grant.root)
    owners = models.ProgrammeItem.objects.order_by("owner_unit_id").values_list(
        "owner_unit_id", flat=True
    )
    for owner in owners.distinct()[:20]:
        try:
            scope.access_unit_on(actor, owner, today)
        except NotFound:
            continue
        return int(owner)
    return None


def chosen(request: HttpRequest, actor: Actor, today: dt.date) -> tuple[int, int | None]:
    """(year, unit) of the filter; the unit checked against the actor's scope."""
    raw_year = request.GET.get("nam", "")
    valid = raw_year.isdigit() and len(raw_year) == 4 and MIN_YEAR <= int(raw_year) <= MAX_YEAR
    year = int(raw_year) if valid else today.year
    raw = request.GET.get("don_vi", "").removeprefix("id:")
    unit_id = int(raw) if raw.isdigit() and len(raw) < 12 else _default_unit(actor, today)
    if unit_id is None:
        return year, None
    try:
        scope.access_unit_on(actor, unit_id, rules.summary_date(year, today))
    except NotFound as exc:
        if raw:
            raise Http404 from exc
        return year, None
    return year, unit_id


def unit_names(unit_ids: set[int], on: dt.date) -> dict[int, str]:
    names: dict[int, str] = {}
    rows = UnitVersion.objects.filter(unit_id__in=unit_ids, valid_from__lte=on).order_by(
        "valid_from"
    )
    for uid, name in rows.values_list("unit_id", "name"):
        names[uid] = name  # the version in force on the day, else the last one before it
    return names


def names_of(view: ProgrammeView) -> tuple[dict[int, str], dict[int, str]]:
    """Names of the units (programmes, responsible units, roll-up rows) and of the leads."""
    units = {int(view.unit_id)} | {r.unit_id for r in view.rollup}
    units |= {line.item.unit_id for line in view.lines}
    leads = {line.item.lead_id for line in view.lines if line.item.lead_id}
    people = dict(Person.objects.filter(pk__in=leads).values_list("pk", "full_name"))
    return unit_names(units, view.as_of), people


def _line_row(line: Any, names: dict[int, str], leads: dict[int, str]) -> dict[str, Any]:
    item = line.item
    return {
        "item": item,
        "kind": choices.ItemKind(item.kind).label,
        "status": choices.Status(item.status).label,
        "unit": names.get(item.unit_id, ""),
        "lead": leads.get(item.lead_id or 0, ""),
        "flags": line.flags,
        "is_task": item.kind == rules.ItemKind.TASK,
    }


def programme_context(view: ProgrammeView, actor: Actor, today: dt.date) -> dict[str, Any]:
    names, leads = names_of(view)
    rollup = [
        {"row": r, "name": names.get(r.unit_id, "")}
        for r in view.rollup
        if r.depth <= 1 and (r.depth == 0 or r.subtree.total)
    ]
    return {
        "view": view,
        "unit_name": names.get(int(view.unit_id), ""),
        "headline": headline(view.summary),
        "summary": view.summary,
        "summary_rows": [
            (choices.ItemKind.PROJECT.label, view.summary.projects),
            (choices.ItemKind.TASK.label, view.summary.tasks),
        ],
        "rollup": rollup if len(rollup) > 1 else [],
        "lines": [_line_row(line, names, leads) for line in view.lines],
        "overdue": [line for line in view.lines if line.flags.overdue],
        "writable": scope.can_do(actor, Action.MANAGE_PROGRAMME, int(view.unit_id), today),
    }


def bind_parent_choices(form: forms.ItemForm, unit_id: int, year: int) -> None:
    projects = models.ProgrammeItem.objects.filter(
        owner_unit_id=unit_id, year=year, kind=choices.ItemKind.PROJECT
    ).order_by("deadline", "id")
    field = form.fields["parent"]
    if hasattr(field, "choices"):
        # Short labels: a long title would widen the select past a phone's screen.
        field.choices = [
            ("", "—"),
            *(
                (pk, title if len(title) <= 48 else f"{title[:47]}…")
                for pk, title in projects.values_list("pk", "title")
            ),
        ]


def item_form(actor: Actor, view: ProgrammeView, today: dt.date) -> forms.ItemForm:
    form = forms.ItemForm(initial={"deadline": dt.date(view.year, 12, 31)})
    bind_parent_choices(form, int(view.unit_id), view.year)
    bind_pickers(form, actor, today)
    return form


def item_context(item: rules.Item, actor: Actor, today: dt.date) -> dict[str, Any]:
    on = rules.summary_date(item.year, today)
    names = unit_names({item.unit_id, item.owner_unit_id}, on)
    lead = (
        Person.objects.filter(pk=item.lead_id).values_list("full_name", flat=True).first()
        if item.lead_id
        else None
    )
    reports = models.ProgressReport.objects.filter(item_id=item.id).order_by("reported_on", "id")
    return {
        "item": item,
        "kind": choices.ItemKind(item.kind).label,
        "status": choices.Status(item.status).label,
        "flags": rules.flags(item, on),
        "unit_name": names.get(item.unit_id, ""),
        "owner_name": names.get(item.owner_unit_id, ""),
        "lead": lead or "",
        "reports": [{"report": r, "status": choices.Status(r.status).label} for r in reports],
        "documents": models.ProgrammeDocument.objects.filter(item_id=item.id).order_by("id"),
        "tasks": models.ProgrammeItem.objects.filter(parent_id=item.id).order_by("deadline"),
        "back": index_url(item.owner_unit_id, item.year),
        "closed": item.status in rules.CLOSED,
    }


def document_path(relative: str) -> Path:
    root = Path(settings.MEDIA_ROOT).resolve()
    path = (root / relative).resolve()
    if root not in path.parents or not path.is_file():
        raise Http404
    return path
