"""Pages of cadre planning: parse the request, call a service or a selector, render.

A refusal on a form post comes back on the page it was made from, with its message (which
names the failed rules with their citations)."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.accounts import scope
from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.core.clock import SystemClock
from canbo.core.collation import sort_key
from canbo.core.errors import NotFound, ValidationError
from canbo.core.permissions import Action
from canbo.core.types import READ_ROLES, WRITE_ROLES, PersonId, Role, UnitId
from canbo.refusals import run_and_redirect, valid_data
from canbo.registry.models import UnitVersion
from canbo.registry.pickers import bind_pickers
from canbo.services.planning import catalogue, plans, review, structure
from canbo.services.planning.ports import EntryId, PlanId, PlanningUnitOfWork, RemovalReason

from . import choices, forms, selectors
from .uow import DjangoPlanningUnitOfWork


def _uow() -> PlanningUnitOfWork:
    return cast(PlanningUnitOfWork, DjangoPlanningUnitOfWork())


def _today() -> dt.date:
    return SystemClock().today()


_run = run_and_redirect


def _day(request: HttpRequest) -> dt.date:
    raw = request.GET.get("ngay", "")
    try:
        return dt.date.fromisoformat(raw) if raw else _today()
    except ValueError:
        return _today()


def _unit_param(request: HttpRequest) -> int | None:
    raw = request.GET.get("don_vi", "").removeprefix("id:")
    return int(raw) if raw.isdigit() and len(raw) < 12 else None


@verified_login_required
def list_view(request: HttpRequest) -> HttpResponse:
    """Plans per unit and term in the actor's scope, and the form to create one."""
    actor = actor_for(request.user)
    on = _day(request)
    unit_id = _unit_param(request)
    if unit_id is not None:
        try:
            scope.access_unit_on(actor, unit_id, on)
        except NotFound:
            unit_id = None
    form = forms.PlanForm(titles=selectors.catalogued_titles(on))
    bind_pickers(form, actor, on)
    chosen = {"don_vi": f"id:{unit_id}"} if unit_id is not None else {}
    filter_form = forms.FilterForm(initial={**chosen, "ngay": on})
    bind_pickers(filter_form, actor, on)
    context = {
        "filter_form": filter_form,
        "plans": selectors.plans_for(actor, on, unit_id),
        "on": on,
        "form": form,
        "unit_id": unit_id,
        "year": on.year,
        "can_write": _writes_somewhere(actor),
    }
    return render(request, "planning/list.html", context)


def _writes_somewhere(actor: Any) -> bool:
    return any(g.role in WRITE_ROLES for g in actor.grants)


@require_POST
@verified_login_required
def create_view(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request.user)
    today = _today()
    form = forms.PlanForm(request.POST, titles=selectors.catalogued_titles(today))
    bind_pickers(form, actor, today)
    made: dict[str, PlanId] = {}

    def action() -> None:
        data = valid_data(form)
        made["id"] = plans.create_plan(
            _uow(),
            actor,
            title_id=data["title"],
            unit_id=UnitId(data["unit"]),
            term_label=data["term_label"],
            term_start=data["term_start"],
            term_end=data["term_end"],
            approved_on=data["approved_on"],
            approved_by_ref=data["approved_by_ref"],
        )

    response = _run(request, reverse("planning:list"), action, _("Đã lập quy hoạch."))
    if "id" in made:
        return redirect("planning:detail", plan_id=made["id"])
    return response


def _plan_or_404(actor: Any, plan_id: int, on: dt.date) -> Any:
    uow = _uow()
    try:
        return plans.load_plan(uow, actor, PlanId(plan_id), on)
    except NotFound as exc:
        raise Http404 from exc


@verified_login_required
def detail_view(request: HttpRequest, plan_id: int) -> HttpResponse:
    """A plan: the people in it on the day, the history of decisions, the open removal tasks,
    and the forms to add and remove."""
    actor = actor_for(request.user)
    on = _day(request)
    plan = _plan_or_404(actor, plan_id, on)
    uow = _uow()
    entries = uow.plans.entries([plan.id])
    tasks: dict[int, list[Any]] = {}
    for task in uow.plans.tasks([e.id for e in entries]):
        tasks.setdefault(task.entry_id, []).append(task)
    names = selectors.person_names(e.person_id for e in entries)
    labels = dict(choices.RemovalReason.choices)
    rows = [
        {
            "entry": e,
            "name": names.get(e.person_id, ""),
            "active": e.active_on(on),
            "reason": labels.get(e.removal_reason, ""),
            "tasks": [
                {"task": t, "reason": labels.get(t.reason, "")}
                for t in tasks.get(e.id, [])
                if t.done_on is None
            ],
        }
        for e in entries
    ]
    rows.sort(key=lambda r: (not r["active"], sort_key(str(r["name"]))))
    writable = scope.can_do(actor, Action.WRITE_RECORDS, plan.unit_id, on)
    add_form = forms.AddForm(initial={"on": on})
    bind_pickers(add_form, actor, on)
    context = {
        "plan": plan,
        "unit_name": selectors.unit_names([plan.unit_id], on).get(plan.unit_id, ""),
        "rows": rows,
        "active_count": sum(1 for r in rows if r["active"]),
        "on": on,
        "add_form": add_form,
        "remove_form": forms.RemoveForm(initial={"on": on}),
        "writable": writable,
    }
    return render(request, "planning/detail.html", context)


@require_POST
@verified_login_required
def add_view(request: HttpRequest, plan_id: int) -> HttpResponse:
    actor = actor_for(request.user)
    today = _today()
    form = forms.AddForm(request.POST)
    bind_pickers(form, actor, today)

    def action() -> None:
        data = valid_data(form)
        special = None
        if data["special_decision"]:
            special = plans.SpecialCase(
                data["special_decision"], data["special_body"], data["special_reason"]
            )
        plans.add_to_plan(
            _uow(),
            actor,
            PlanId(plan_id),
            PersonId(data["person"]),
            on=data["on"],
            decision=data["decision"],
            special_case=special,
        )

    back = reverse("planning:detail", args=[plan_id])
    return _run(request, back, action, _("Đã đưa vào quy hoạch."))


@require_POST
@verified_login_required
def remove_view(request: HttpRequest, plan_id: int, entry_id: int) -> HttpResponse:
    actor = actor_for(request.user)
    form = forms.RemoveForm(request.POST)

    def action() -> None:
        data = valid_data(form)
        entry = _uow().plans.entry(EntryId(entry_id))
        if entry is None or entry.plan_id != plan_id:
            raise NotFound("plan_entry_not_found", entry_id=entry_id)
        plans.remove_from_plan(
            _uow(),
            actor,
            EntryId(entry_id),
            on=data["on"],
            reason=RemovalReason(data["reason"]),
            decision=data["decision"],
            note=data["note"],
        )

    back = reverse("planning:detail", args=[plan_id])
    return _run(request, back, action, _("Đã đưa ra khỏi quy hoạch."))


@verified_login_required
def review_view(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    """The yearly review of a unit's plans (PL-06): removals with their reasons (band B is
    mandatory, PL-10) and people who could be added; the clerk applies it by decisions."""
    actor = actor_for(request.user)
    on = _day(request)
    if request.method == "POST":
        return _apply(request, actor, unit_id, year)
    try:
        found = review.yearly_review(_uow(), actor, UnitId(unit_id), year, on)
    except NotFound as exc:
        raise Http404 from exc
    labels = dict(choices.RemovalReason.choices)
    context = {
        "review": found,
        "unit_name": selectors.unit_names([unit_id], on).get(unit_id, ""),
        "unit_names": selectors.unit_names({p.plan.unit_id for p in found.plans}, on),
        "labels": labels,
        "on": on,
        "year": year,
        "unit_id": unit_id,
        "writable": scope.can_do(actor, Action.WRITE_RECORDS, unit_id, on),
    }
    return render(request, "planning/review.html", context)


def _apply(request: HttpRequest, actor: Any, unit_id: int, year: int) -> HttpResponse:
    post = request.POST
    raw_on = post.get("on", "")

    def action() -> None:
        try:
            on = dt.date.fromisoformat(raw_on)
        except ValueError as exc:
            raise ValidationError("form_invalid", field="on", detail=raw_on[:20]) from exc
        removals = {
            EntryId(int(k.removeprefix("remove_"))): str(v).strip()[:128]
            for k, v in post.items()
            if k.startswith("remove_") and k[7:].isdigit() and len(k) < 20
        }
        additions: dict[tuple[PlanId, PersonId], str] = {}
        for key, value in post.items():
            value = str(value)
            if key.startswith("add_") and value.strip():
                plan_part, _sep, person_part = key[4:].partition("_")
                if plan_part.isdigit() and person_part.isdigit() and len(key) < 40:
                    additions[(PlanId(int(plan_part)), PersonId(int(person_part)))] = value[:128]
        review.apply_review(
            _uow(), actor, UnitId(unit_id), year, on, removals=removals, additions=additions
        )

    back = reverse("planning:review", args=[unit_id, year])
    return _run(request, back, action, _("Đã áp dụng kết quả rà soát."))


@verified_login_required
def structure_view(request: HttpRequest) -> HttpResponse:
    """Structure of the plans against the targets, per unit (PL-07): warnings, no block."""
    actor = actor_for(request.user)
    on = _day(request)
    unit_id = _unit_param(request)
    if unit_id is None:
        # The actor's own grant (not a predecessor it reads the history of), or the top.
        roots = [g.root for g in actor.grants if g.role in READ_ROLES]
        own = sorted(r for r in roots if r is not None)
        unit_id = own[0] if own and None not in roots else _top_unit(on)
    lines: list[Any] = []
    if unit_id is not None:
        try:
            lines = structure.structure(_uow(), actor, UnitId(unit_id), on)
        except NotFound as exc:
            raise Http404 from exc
    names = selectors.unit_names({ln.unit_id for ln in lines} | {unit_id or 0}, on)
    share_labels = {
        "women": _("Cán bộ nữ"),
        "young": _("Cán bộ trẻ"),
        "ethnic": _("Cán bộ người dân tộc thiểu số"),
    }
    context = {
        "lines": [
            {
                "unit": names.get(ln.unit_id, ""),
                "people": ln.people,
                "shares": [{"share": s, "label": share_labels[s.key]} for s in ln.shares],
                "warn": bool(ln.warnings),
            }
            for ln in lines
        ],
        "root_name": names.get(unit_id or 0, ""),
        "on": on,
    }
    return render(request, "planning/structure.html", context)


def _top_unit(on: dt.date) -> int | None:
    row = (
        UnitVersion.objects.filter(parent__isnull=True, valid_from__lte=on, valid_to__gte=on)
        .order_by("unit_id")
        .values_list("unit_id", flat=True)
        .first()
    )
    return int(row) if row is not None else None


@verified_login_required
def grades_view(request: HttpRequest) -> HttpResponse:
    """Group IV post grades entered by the managing bodies (AP-20); administrators add."""
    actor = actor_for(request.user)
    today = _today()
    form = forms.GradeForm(request.POST or None, titles=selectors.all_titles())
    bind_pickers(form, actor, today)
    if request.method == "POST":

        def action() -> None:
            data = valid_data(form)
            catalogue.add_group_iv_grade(
                _uow(),
                actor,
                title_code=data["title"],
                tier=data["tier"],
                grade=data["grade"],
                valid_from=data["valid_from"],
                managing_unit_id=data["managing_unit"],
            )

        return _run(request, reverse("planning:grades"), action, _("Đã ghi bậc chức vụ."))
    context = {"rows": selectors.grades(today), "form": form, "admin": actor_is_admin(actor)}
    return render(request, "planning/grades.html", context)


def actor_is_admin(actor: Any) -> bool:
    return any(g.role == Role.ADMIN and g.root is None for g in actor.grants)
