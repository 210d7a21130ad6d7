"""What the results report pages show: the query (unit and period, with defaults), the report
from the service, and its header rows for the page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from canbo.accounts.actors import actor_for
from canbo.core.errors import ValidationError
from canbo.core.permissions import Action, roles_for
from canbo.core.types import UnitId
from canbo.refusals import valid_data
from canbo.registry import models as reg
from canbo.registry.pickers import bind_pickers
from canbo.services import access
from canbo.services.ports import Actor
from canbo.services.reports.results import ReportKind, ResultsReport, results_report

from . import forms, labels
from .reader import DjangoResultsReader


def today() -> dt.date:
    return timezone.localdate()


def default_unit(actor: Actor, day: dt.date) -> int | None:
    """The actor's first unit they may see reports of; for the whole tree, its top unit."""
    roots = access.roots_for(actor, roles_for(Action.SEE_REPORTS))
    for root in roots:
        if root is not None:
            return int(root)
    if roots:
        top = (
            reg.UnitVersion.objects.filter(
                parent__isnull=True, valid_from__lte=day, valid_to__gte=day
            )
            .order_by("sort_key")
            .values_list("unit_id", flat=True)
            .first()
        )
        return int(top) if top is not None else None
    return None


def default_period(day: dt.date) -> tuple[dt.date, dt.date]:
    """From 1 January of last year to today: last year's published results and this year's."""
    return dt.date(day.year - 1, 1, 1), day


def query(request: HttpRequest, day: dt.date) -> tuple[int, dt.date, dt.date]:
    """The unit and period asked for; what is not asked for is the actor's own unit and the
    default period."""
    actor = actor_for(request.user)
    data = request.GET.copy()
    if not data.get("unit"):
        unit = default_unit(actor, day)
        if unit is None:
            raise ValidationError("required", field="unit")
        data["unit"] = f"id:{unit}"
    start, end = default_period(day)
    data.setdefault("start", start.isoformat())
    data.setdefault("end", end.isoformat())
    form = forms.ReportQuery(data)
    bind_pickers(form, actor, day)
    d = valid_data(form)
    return int(d["unit"]), d["start"], d["end"]


def report(request: HttpRequest, kind: ReportKind) -> ResultsReport:
    unit, start, end = query(request, today())
    actor = actor_for(request.user)
    return results_report(actor, DjangoResultsReader(), kind, UnitId(unit), start, end)


@dataclass(frozen=True, slots=True)
class HeadCell:
    label: str
    span: int = 1


def head_rows(columns: tuple[str, ...]) -> tuple[list[HeadCell], list[str]]:
    """The groups row (``Tập thể`` over its five columns) and the columns row of a table."""
    groups: list[HeadCell] = []
    for key in columns:
        group = labels.group_of(key)
        if groups and group and groups[-1].label == group:
            groups[-1] = HeadCell(group, groups[-1].span + 1)
        else:
            groups.append(HeadCell(group))
    return groups, [labels.column_label(k) for k in columns]


def query_string(r: ResultsReport) -> str:
    return f"unit=id:{r.unit_id}&start={r.start.isoformat()}&end={r.end.isoformat()}"


def query_form(request: HttpRequest, unit: int, start: dt.date, end: dt.date) -> forms.ReportQuery:
    """The query form filled with what is shown (the picker labels the unit)."""
    form = forms.ReportQuery(initial={"unit": unit, "start": start, "end": end})
    bind_pickers(form, actor_for(request.user), today())
    return form


def context(request: HttpRequest, kind: ReportKind) -> dict[str, Any]:
    r = report(request, kind)
    groups, heads = head_rows(r.columns)
    full = [labels.full_label(c) for c in r.columns]
    return {
        "lines": [(row, list(zip(full, row.values, strict=True))) for row in r.rows],
        "totals": list(zip(full, r.total, strict=True)),
        "report": r,
        "title": labels.TITLES[kind],
        "slug": labels.SLUGS[kind],
        "form": query_form(request, r.unit_id, r.start, r.end),
        "groups": groups if any(g.label for g in groups) else [],
        "heads": heads,
        "query": query_string(r),
    }
