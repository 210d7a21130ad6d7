"""Pages of report requests: parse the request, call a service or a selector, render.

A refused report comes back on its page with every problem named (field, table row and column;
for an uploaded spreadsheet its sheet, row and column), nothing stored."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any, cast

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.accounts import scope
from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.core.clock import SystemClock
from canbo.core.errors import DomainError, NotFound, ValidationError
from canbo.core.permissions import Action
from canbo.core.types import UnitId
from canbo.refusals import flash_refusal, run_and_redirect, valid_data
from canbo.registry.pickers import bind_pickers
from canbo.services.ports import Actor
from canbo.services.surveys import forms as form_service
from canbo.services.surveys import requests, submissions
from canbo.services.surveys.ports import AssignmentId, FormId, RequestId, SurveyUnitOfWork

from . import exports, forms, pages, selectors, workbook
from .uow import DjangoSurveyUnitOfWork


def _uow() -> SurveyUnitOfWork:
    return cast(SurveyUnitOfWork, DjangoSurveyUnitOfWork())


def _today() -> dt.date:
    return SystemClock().today()


def _now() -> dt.datetime:
    return SystemClock().now()


_refused = flash_refusal
_run = run_and_redirect


def _home_unit(actor: Actor) -> str:
    root = next((g.root for g in actor.grants if g.root is not None), None)
    return f"id:{root}" if root is not None else ""


@verified_login_required
def index_view(request: HttpRequest) -> HttpResponse:
    """Requests sent within the actor's scope, reports its units must answer, its forms."""
    actor = actor_for(request.user)
    today = _today()
    units = scope.readable_scope(actor, today)
    context = {
        "sent": selectors.requests_sent(units),
        # A unit answers its own requests: those sent to the units the actor holds a role
        # over, not every unit below them.
        "answer": selectors.assignments_of([g.root for g in actor.grants if g.root is not None]),
        "forms": selectors.forms_of(units),
        "today": today,
        "can_request": any(
            scope.can_do(actor, Action.REQUEST_REPORTS, g.root, today)
            for g in actor.grants
            if g.root is not None
        )
        or any(g.root is None for g in actor.grants),
    }
    return render(request, "surveys/index.html", context)


@verified_login_required
def form_new_view(request: HttpRequest) -> HttpResponse:
    """Define a form (or a new version of one) as JSON."""
    actor = actor_for(request.user)
    today = _today()
    form = forms.FormDefinitionForm(request.POST or None, initial={"owner": _home_unit(actor)})
    bind_pickers(form, actor, today)
    if request.method == "POST":
        try:
            data = valid_data(form)
            spec = form_service.spec_from(data["spec"])
            owner = UnitId(data["owner"])
            form_service.define_form(_uow(), actor, owner, spec, _now())
            messages.success(request, _("Đã lưu biểu mẫu."))
            return redirect("surveys:request_new")
        except DomainError as exc:
            _refused(request, exc)
    context = {"form": form, "example": forms.FormDefinitionForm.example()}
    return render(request, "surveys/form_new.html", context)


def _form_choices(actor: Actor, today: dt.date) -> list[tuple[int, str]]:
    return [
        (f.pk, _("%(title)s (phiên bản %(version)s)") % {"title": f.title, "version": f.version})
        for f in selectors.forms_of(scope.readable_scope(actor, today))
    ]


@verified_login_required
def request_new_view(request: HttpRequest) -> HttpResponse:
    """Send a form to the units of a kind in the requester's subtree, with a deadline."""
    actor = actor_for(request.user)
    today = _today()
    initial = {"requester": _home_unit(actor), "deadline": today + dt.timedelta(days=14)}
    form = forms.RequestForm(
        request.POST or None, initial=initial, form_choices=_form_choices(actor, today)
    )
    bind_pickers(form, actor, today)
    if request.method == "POST":
        try:
            request_id = _send(actor, valid_data(form), today)
            messages.success(request, _("Đã gửi yêu cầu báo cáo."))
            return redirect("surveys:overview", request_id=request_id)
        except DomainError as exc:
            _refused(request, exc)
    return render(request, "surveys/request_new.html", {"form": form})


def _send(actor: Actor, data: dict[str, Any], today: dt.date) -> RequestId:
    return requests.send_request(
        _uow(),
        actor,
        form_id=FormId(data["form"]),
        requester_id=UnitId(data["requester"]),
        target_kind=data["target_kind"],
        deadline=data["deadline"],
        title=data["title"],
        note=data["note"],
        now=_now(),
        today=today,
    )


def _request_or_404(actor: Actor, request_id: int) -> Any:
    try:
        return requests.load_request(_uow(), actor, RequestId(request_id))
    except NotFound as exc:
        raise Http404 from exc


PAGE = 50  # units per page of the overview


@verified_login_required
def overview_view(request: HttpRequest, request_id: int) -> HttpResponse:
    """Who has submitted, who is late, who has not started; reminders; aggregates."""
    actor = actor_for(request.user)
    found = _request_or_404(actor, request_id)
    today = _today()
    wanted = request.GET.get("tinh_trang", "")
    raw = request.GET.get("trang", "1")
    number = int(raw) if raw.isdigit() and len(raw) < 6 else 1
    o = selectors.overview_page(request_id, today, wanted=wanted, number=number, size=PAGE)
    pager = {"number": o.number, "pages": o.pages, "status": wanted, "count": o.matching}
    context = {
        "o": o,
        "shown": pages.unit_lines(o.shown, reverse("surveys:fill", args=[0])),
        "late": pages.late_items(o.late) if o.late else "",
        "pager": pager,
        "today": today,
        "lines": pages.aggregate_lines(o.spec, o.total, o.names),
        "number_fields": pages.number_fields(o.spec),
        "levels": pages.level_rows(o.spec, o.levels),
        "can_remind": scope.can_do(actor, Action.REQUEST_REPORTS, found.requester_id, found.as_of),
        "remind_form": forms.RemindForm(),
    }
    return render(request, "surveys/overview.html", context)


@require_POST
@verified_login_required
def remind_view(request: HttpRequest, request_id: int) -> HttpResponse:
    actor = actor_for(request.user)
    form = forms.RemindForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    ids = [AssignmentId(int(v)) for v in request.POST.getlist("assignment") if v.isdigit()]
    sent: dict[str, int] = {}

    def action() -> None:
        sent["n"] = requests.remind(
            _uow(),
            actor,
            RequestId(request_id),
            now=_now(),
            today=_today(),
            assignment_ids=ids or None,
            note=note,
        )

    back = reverse("surveys:overview", kwargs={"request_id": request_id})
    return _run(request, back, action, _("Đã gửi lời nhắc."))


@verified_login_required
def overview_xlsx_view(request: HttpRequest, request_id: int) -> HttpResponse:
    _request_or_404(actor_for(request.user), request_id)
    return exports.xlsx_response(selectors.overview(request_id, _today(), with_answers=True))


@verified_login_required
def overview_pdf_view(request: HttpRequest, request_id: int) -> HttpResponse:
    _request_or_404(actor_for(request.user), request_id)
    today = _today()
    return exports.pdf_response(selectors.overview(request_id, today), today, "")


def _loaded_or_404(actor: Actor, assignment_id: int) -> submissions.Loaded:
    try:
        return submissions.load_assignment(_uow(), actor, AssignmentId(assignment_id))
    except NotFound as exc:
        raise Http404 from exc


def _fill_context(actor: Actor, loaded: submissions.Loaded, **extra: Any) -> dict[str, Any]:
    from . import models as m

    row = m.Assignment.objects.get(pk=loaded.assignment.id)
    values = extra.pop("values", None) or row.draft or row.current_answers
    return {
        "a": row,
        "req": loaded.request,
        "spec": loaded.form.spec,
        "fields": pages.shown_fields(loaded.form.spec, values, extra.pop("errors", ())),
        "versions": selectors.versions_of(row.pk),
        "reminders": selectors.reminders_of(row.pk),
        "can_submit": scope.can_do(actor, Action.SUBMIT_REPORTS, row.unit_id, loaded.request.as_of),
        "upload_form": forms.UploadForm(),
        "today": _today(),
        **extra,
    }


@verified_login_required
def fill_view(request: HttpRequest, assignment_id: int) -> HttpResponse:
    """A unit's report: fill in the browser (save a draft, submit, correct with a reason)."""
    actor = actor_for(request.user)
    loaded = _loaded_or_404(actor, assignment_id)
    if request.method != "POST":
        return render(request, "surveys/fill.html", _fill_context(actor, loaded))
    raw = forms.raw_answers(loaded.form.spec, request.POST)
    try:
        _answer(actor, loaded, raw, request.POST.get("action", ""), request.POST.get("reason", ""))
        messages.success(request, _("Đã lưu báo cáo."))
        return redirect("surveys:fill", assignment_id=assignment_id)
    except DomainError as exc:
        _refused(request, exc)
        errors = exc.fields.get("errors", ()) if isinstance(exc, ValidationError) else ()
        context = _fill_context(actor, loaded, values=raw, errors=errors)
        return render(request, "surveys/fill.html", context, status=exc.status)


def _answer(
    actor: Actor,
    loaded: submissions.Loaded,
    raw: dict[str, Any],
    action: str,
    reason: str,
    source: str = "web",
) -> None:
    aid, now, today = loaded.assignment.id, _now(), _today()
    if action == "draft":
        submissions.save_draft(_uow(), actor, aid, raw, now=now)
    elif loaded.assignment.versions:
        submissions.correct(
            _uow(), actor, aid, raw, reason=reason, now=now, today=today, source=source
        )
    else:
        submissions.submit(_uow(), actor, aid, raw, now=now, today=today, source=source)


@verified_login_required
def template_view(request: HttpRequest, assignment_id: int) -> HttpResponse:
    """The unit's spreadsheet to fill offline (with its current answers)."""
    loaded = _loaded_or_404(actor_for(request.user), assignment_id)
    from . import models as m

    row = m.Assignment.objects.select_related("request").get(pk=assignment_id)
    heading = [row.unit_name, row.request.title, f"Hạn nộp {row.request.deadline:%d/%m/%Y}"]
    data = workbook.template(loaded.form.spec, heading, row.draft or row.current_answers)
    response = HttpResponse(data, content_type=exports.XLSX)
    name = f"bao-cao-{loaded.form.spec.code}-{assignment_id}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
@verified_login_required
def upload_view(request: HttpRequest, assignment_id: int) -> HttpResponse:
    """Submit (or correct) by uploading the filled spreadsheet: all or nothing (SV-05)."""
    actor = actor_for(request.user)
    loaded = _loaded_or_404(actor, assignment_id)
    form = forms.UploadForm(request.POST, request.FILES)
    sheet_errors: list[dict[str, Any]] = []
    try:
        data = valid_data(form)
        upload = _read(data["file"], loaded)
        try:
            _answer(actor, loaded, upload.raw, "submit", data["reason"], source="xlsx")
        except ValidationError as exc:
            sheet_errors = pages.sheet_problems(
                loaded.form.spec, upload, exc.fields.get("errors", ())
            )
            raise
        messages.success(request, _("Đã nhận báo cáo từ tệp Excel."))
        return redirect("surveys:fill", assignment_id=assignment_id)
    except DomainError as exc:
        _refused(request, exc)
        context = _fill_context(actor, loaded, sheet_errors=sheet_errors)
        return render(request, "surveys/fill.html", context, status=exc.status)


def _read(uploaded: Any, loaded: submissions.Loaded) -> workbook.Upload:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.xlsx"
        with path.open("wb") as out:
            for chunk in uploaded.chunks():
                out.write(chunk)
        return workbook.read_upload(path, loaded.form.spec)
