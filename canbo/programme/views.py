"""Pages of the work programme: parse the request, call a service, render.

A refusal on a form post comes back on the page it was made from, with its message and
citation."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.accounts import scope
from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.core.clock import SystemClock
from canbo.core.errors import NotFound
from canbo.core.permissions import Action
from canbo.core.programme import MAX_DOCUMENT_BYTES
from canbo.core.types import PersonId, UnitId
from canbo.refusals import run_and_redirect, valid_data
from canbo.registry.pickers import bind_pickers
from canbo.services.ports import Actor
from canbo.services.programme import items, summary
from canbo.services.programme.ports import ItemId, ItemKind, NewItem, ProgrammeUnitOfWork, Status

from . import forms, models, outputs, pages
from .selectors import headline
from .uow import DjangoProgrammeUnitOfWork


def _uow() -> ProgrammeUnitOfWork:
    return cast(ProgrammeUnitOfWork, DjangoProgrammeUnitOfWork())


def _today() -> dt.date:
    return SystemClock().today()


_run = run_and_redirect


def _check_year(year: int) -> None:
    if not pages.MIN_YEAR <= year <= pages.MAX_YEAR:
        raise Http404


def _view_or_404(actor: Actor, unit_id: int, year: int) -> summary.ProgrammeView:
    _check_year(year)
    try:
        return summary.programme(_uow(), actor, UnitId(unit_id), year, _today())
    except NotFound as exc:
        raise Http404 from exc


@verified_login_required
def index_view(request: HttpRequest) -> HttpResponse:
    """A unit's programme for a year: the headline, the roll-up per level, the items with
    their flags, the exports, and the form to add an item."""
    actor = actor_for(request.user)
    today = _today()
    year, unit_id = pages.chosen(request, actor, today)
    context: dict[str, Any] = {"year": year, "unit_id": unit_id}
    filter_form = forms.FilterForm(
        initial={"nam": year, **({"don_vi": f"id:{unit_id}"} if unit_id else {})}
    )
    bind_pickers(filter_form, actor, today)
    context["filter_form"] = filter_form
    if unit_id is not None:
        view = _view_or_404(actor, unit_id, year)
        context.update(pages.programme_context(view, actor, today))
        if context["writable"]:
            context["form"] = pages.item_form(actor, view, today)
    return render(request, "programme/index.html", context)


@require_POST
@verified_login_required
def create_view(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    _check_year(year)
    actor = actor_for(request.user)
    today = _today()
    form = forms.ItemForm(request.POST)
    pages.bind_parent_choices(form, unit_id, year)
    bind_pickers(form, actor, today)

    def action() -> None:
        data = valid_data(form)
        new = NewItem(
            ItemKind(data["kind"]), data["title"], UnitId(unit_id), UnitId(data["unit"]), year,
            data["deadline"], PersonId(data["lead"]) if data["lead"] else None,
            ItemId(data["parent"]) if data["parent"] else None, data["description"],
        )  # fmt: skip
        items.create_item(_uow(), actor, new, today)

    back = pages.index_url(unit_id, year)
    return _run(request, back, action, _("Đã đưa vào chương trình công tác."))


def _item_or_404(actor: Actor, item_id: int) -> Any:
    try:
        return items.load_item(_uow(), actor, ItemId(item_id), _today())
    except NotFound as exc:
        raise Http404 from exc


@verified_login_required
def item_view(request: HttpRequest, item_id: int) -> HttpResponse:
    """One project or task: its flags, progress reports, documents and the forms."""
    actor = actor_for(request.user)
    item = _item_or_404(actor, item_id)
    today = _today()
    context = pages.item_context(item, actor, today)
    context["writable"] = scope.can_do(actor, Action.MANAGE_PROGRAMME, item.owner_unit_id, today)
    context["progress_form"] = forms.ProgressForm(initial={"reported_on": today})
    context["status_form"] = forms.StatusForm(initial={"on": today})
    context["document_form"] = forms.DocumentForm()
    return render(request, "programme/item.html", context)


@require_POST
@verified_login_required
def progress_view(request: HttpRequest, item_id: int) -> HttpResponse:
    actor = actor_for(request.user)
    form = forms.ProgressForm(request.POST)

    def action() -> None:
        data = valid_data(form)
        items.report_progress(
            _uow(), actor, ItemId(item_id), data["reported_on"], data["percent"], data["note"]
        )

    back = reverse("programme:item", args=[item_id])
    return _run(request, back, action, _("Đã ghi báo cáo tiến độ."))


@require_POST
@verified_login_required
def status_view(request: HttpRequest, item_id: int) -> HttpResponse:
    actor = actor_for(request.user)
    form = forms.StatusForm(request.POST)

    def action() -> None:
        data = valid_data(form)
        items.change_status(
            _uow(), actor, ItemId(item_id), Status(data["status"]), data["on"], data["note"]
        )

    back = reverse("programme:item", args=[item_id])
    return _run(request, back, action, _("Đã chuyển trạng thái."))


@require_POST
@verified_login_required
def document_view(request: HttpRequest, item_id: int) -> HttpResponse:
    actor = actor_for(request.user)
    form = forms.DocumentForm(request.POST, request.FILES)

    def action() -> None:
        upload = valid_data(form)["document"]
        content = upload.read(MAX_DOCUMENT_BYTES + 1)
        items.attach_document(
            _uow(), actor, ItemId(item_id), upload.name, content,
            upload.content_type or "", _today(),
        )  # fmt: skip

    back = reverse("programme:item", args=[item_id])
    return _run(request, back, action, _("Đã lưu tài liệu."))


@verified_login_required
def download_view(request: HttpRequest, document_id: int) -> HttpResponse:
    actor = actor_for(request.user)
    row = models.ProgrammeDocument.objects.filter(pk=document_id).first()
    if row is None:
        raise Http404
    _item_or_404(actor, row.item_id)
    path = pages.document_path(row.path)
    response: Any = FileResponse(path.open("rb"), as_attachment=True, filename=row.name)
    return cast(HttpResponse, response)


@verified_login_required
def export_view(request: HttpRequest, unit_id: int, year: int, fmt: str) -> HttpResponse:
    """The year-end summary as XLSX or PDF."""
    if fmt not in ("xlsx", "pdf"):
        raise Http404
    actor = actor_for(request.user)
    view = _view_or_404(actor, unit_id, year)
    names, leads = pages.names_of(view)
    form = outputs.summary_form(view, names.get(unit_id, ""), names, leads, headline(view.summary))
    if fmt == "xlsx":
        body, kind = outputs.xlsx_bytes(form), pages.XLSX
    else:
        body, kind = outputs.pdf_bytes(outputs.on_paper(form)), "application/pdf"
    response = HttpResponse(body, content_type=kind)
    name = f"chuong-trinh-cong-tac-{year}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
