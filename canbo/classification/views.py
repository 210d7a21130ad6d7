"""Pages of the classification cycle: parse the request, call a service or selector, render.

Refusals on a form post come back on the page they were made from, with the machine code, the
message naming the rule and the citation; refusals on a page load go to the shared error page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo import spreadsheets
from canbo.accounts import scope
from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.converters import parse_id
from canbo.core.clock import SystemClock
from canbo.core.errors import DomainError, ImportRejected, NotFound, ValidationError
from canbo.core.permissions import Action
from canbo.core.types import UnitId
from canbo.refusals import flash_refusal
from canbo.services.classification import bulk, results, steps
from canbo.services.classification import cycle as cycles
from canbo.services.classification.ports import CycleId, SubjectPk

from . import forms, io, outputs, selectors
from .store import DjangoClassificationUnitOfWork as UnitOfWork


def _now() -> Any:
    return SystemClock().now()


def _run(request: HttpRequest, back: str, action: Callable[[], object], done: str) -> HttpResponse:
    """Run a service; on refusal show its message, rule and row errors on the page."""
    try:
        action()
        messages.success(request, done)
    except ImportRejected as exc:
        messages.error(request, _("Tệp có lỗi; không có dữ liệu nào được nhập."))
        for e in exc.errors[:50]:
            messages.warning(request, e.message_vi)
    except DomainError as exc:
        _refused(request, exc)
    return redirect(back)


_refused = flash_refusal


def _invalid(form: Any) -> ValidationError:
    field, problems = next(iter(form.errors.items()))
    return ValidationError("invalid_input", f"{field}: {' '.join(problems)}", field=field)


@verified_login_required
def cycles_view(request: HttpRequest) -> HttpResponse:
    """Cycles the actor takes part in, and the form to open one (organization commission)."""
    actor = actor_for(request.user)
    roots = selectors.open_cycle_choices(actor, SystemClock().today())
    context = {"cycles": selectors.cycles_for(actor), "form": forms.OpenCycleForm(), "roots": roots}
    return render(request, "classification/cycles.html", context)


@require_POST
@verified_login_required
def open_cycle_view(request: HttpRequest) -> HttpResponse:
    form = forms.OpenCycleForm(request.POST)

    def action() -> None:
        if not form.is_valid():
            raise _invalid(form)
        d = form.cleaned_data
        cycles.open_cycle(
            UnitOfWork(), actor_for(request.user), d["year"], UnitId(d["root"]), form.day(),
            d["name"], now=_now(),
        )  # fmt: skip

    return _run(request, reverse("classification:cycles"), action, _("Đã mở đợt đánh giá."))


@verified_login_required
def cycle_view(request: HttpRequest, cycle_id: int) -> HttpResponse:
    """The cycle: groups over the HTXS quota (CL-13), publication, entry to the units."""
    actor = actor_for(request.user)
    try:
        cycle = selectors.access_cycle_root(actor, cycle_id)
    except NotFound:
        entry = selectors.entry_unit(actor, cycle_id)
        if entry is None:
            raise
        return redirect("classification:unit", cycle_id, entry)
    lines = [q for q in results.quota_lines(UnitOfWork(), CycleId(cycle_id)) if q.over_by]
    context = {
        "cycle": cycle,
        "over": lines,
        "show": selectors.can_see_levels(actor, cycle, cycle.root_id),
        "can_compute": scope.can_do(actor, Action.COMPUTE_CYCLE, cycle.root_id, cycle.as_of),
        "can_publish": scope.can_do(actor, Action.DECIDE, cycle.root_id, cycle.as_of),
    }
    return render(request, "classification/cycle.html", context)


@require_POST
@verified_login_required
def compute_view(request: HttpRequest, cycle_id: int) -> HttpResponse:
    # One process: forking a threaded web worker is unsafe; national runs use the CLI.
    actor = actor_for(request.user)
    action = lambda: cycles.compute_proposals(UnitOfWork(), actor, CycleId(cycle_id), workers=1)  # noqa: E731
    back = reverse("classification:cycle", args=[cycle_id])
    return _run(request, back, action, _("Đã tính lại các mức đề xuất."))


@require_POST
@verified_login_required
def publish_view(request: HttpRequest, cycle_id: int) -> HttpResponse:
    """Publish (CL-27): refused naming the groups over the quota or the subjects waiting."""
    actor = actor_for(request.user)
    action = lambda: results.publish(UnitOfWork(), actor, CycleId(cycle_id), _now())  # noqa: E731
    back = reverse("classification:cycle", args=[cycle_id])
    return _run(request, back, action, _("Đã công bố kết quả."))


@verified_login_required
def unit_view(request: HttpRequest, cycle_id: int, unit_id: int) -> HttpResponse:
    """The review page of a cell or unit: its collective, its members, its lower units."""
    review = selectors.unit_review(actor_for(request.user), cycle_id, unit_id)
    context = {"review": review, "upload": forms.UploadForm()}
    return render(request, "classification/unit.html", context)


@verified_login_required
def subject_view(request: HttpRequest, pk: int) -> HttpResponse:
    """One subject: proposal with reasons and citations, the forms, the next step's form."""
    page = selectors.subject_page(actor_for(request.user), pk)
    context = {
        "page": page,
        "scores": forms.ScoresForm(),
        "level": forms.LevelForm(),
        "text": forms.TextForm(),
    }
    return render(request, "classification/subject.html", context)


STEP_FORMS: dict[str, type[Any]] = {
    "self": forms.ScoresForm,
    "comment": forms.TextForm,
    "appraisal": forms.LevelForm,
    "decision": forms.LevelForm,
    "complaint": forms.TextForm,
    "reclassification": forms.LevelForm,
}


def _step_call(step: str, form: Any, request: HttpRequest, pk: int) -> None:
    actor, uow, now, spk = actor_for(request.user), UnitOfWork(), _now(), SubjectPk(pk)
    d = form.cleaned_data
    calls: dict[str, Callable[[], object]] = {
        "self": lambda: steps.submit_self_assessment(
            uow, actor, spk, form.values(), d["evidence"], now
        ),
        "comment": lambda: steps.comment(uow, actor, spk, d["text"], now),
        "appraisal": lambda: steps.appraise(uow, actor, spk, form.chosen(), d["reason"], now),
        "decision": lambda: steps.decide(uow, actor, spk, form.chosen(), d["reason"], now),
        "complaint": lambda: results.complain(uow, actor, spk, d["text"], now),
        "reclassification": lambda: results.reclassify(
            uow, actor, spk, form.chosen(), d["reason"], now
        ),
    }
    calls[step]()


def _field_errors(form: forms.ScoresForm, exc: ValidationError) -> bool:
    """Put the service's row errors next to their fields; False when it named none."""
    english = (get_language() or "vi").startswith("en")
    errors = exc.fields.get("errors") or []
    for e in errors:
        field = e.get("column") if e.get("column") in form.fields else None
        form.add_error(field, e.get("message_en" if english else "message_vi") or exc.code)
    return bool(errors)


def _self_assessment(request: HttpRequest, pk: int, form: forms.ScoresForm) -> HttpResponse:
    """Step 1 from the form: refused counts and scores come back next to their fields, with
    what was typed kept; other refusals go back to the page as messages."""
    back = reverse("classification:subject", args=[pk])
    if form.is_valid():
        try:
            _step_call("self", form, request, pk)
        except DomainError as exc:
            if not (isinstance(exc, ValidationError) and _field_errors(form, exc)):
                _refused(request, exc)
                return redirect(back)
        else:
            messages.success(request, _("Đã ghi nhận."))
            return redirect(back)
    page = selectors.subject_page(actor_for(request.user), pk)
    context = {"page": page, "scores": form, "level": forms.LevelForm(), "text": forms.TextForm()}
    return render(request, "classification/subject.html", context, status=400)


@require_POST
@verified_login_required
def step_view(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """Take one step of CL-20 (or a complaint, a re-classification) on one subject."""
    form = STEP_FORMS[step](request.POST)
    if step == "self":
        return _self_assessment(request, pk, form)

    def action() -> None:
        if not form.is_valid():
            raise _invalid(form)
        _step_call(step, form, request, pk)

    back = reverse("classification:subject", args=[pk])
    return _run(request, back, action, _("Đã ghi nhận."))


@verified_login_required
def group_view(request: HttpRequest, cycle_id: int) -> HttpResponse:
    """One peer group: HTXS, HTT, the maximum and the excess, and who is HTXS (CL-13)."""
    group = request.GET.get("g", "")
    page = selectors.group_page(actor_for(request.user), cycle_id, group)
    return render(request, "classification/group.html", {"page": page})


@require_POST
@verified_login_required
def resolve_quota_view(request: HttpRequest, cycle_id: int) -> HttpResponse:
    group = request.POST.get("g", "")
    form = forms.QuotaForm(
        request.POST, options=[i for x in request.POST.getlist("lower") if (i := parse_id(x))]
    )

    def action() -> None:
        if not form.is_valid():
            raise _invalid(form)
        d = form.cleaned_data
        results.resolve_quota(
            UnitOfWork(), actor_for(request.user), CycleId(cycle_id), group,
            [SubjectPk(x) for x in d["lower"]], d["reason"], _now(), keep_over=d["keep_over"],
        )  # fmt: skip

    back = reverse("classification:group", args=[cycle_id]) + f"?g={group}"
    return _run(request, back, action, _("Đã giải quyết vượt tỷ lệ."))


@verified_login_required
def stats_view(request: HttpRequest, cycle_id: int, unit_id: int) -> HttpResponse:
    """The statistics form of a unit's subtree (a province: by its top-unit index)."""
    stats = selectors.statistics(actor_for(request.user), cycle_id, unit_id)
    return render(request, "classification/stats.html", {"stats": stats})


@verified_login_required
def export_view(
    request: HttpRequest, cycle_id: int, unit_id: int, form: str, fmt: str
) -> HttpResponse:
    """The list (``danh-sach``) or statistics (``thong-ke``) form as XLSX or PDF."""
    actor = actor_for(request.user)
    if form == "thong-ke":
        document = outputs.stats_form(selectors.statistics(actor, cycle_id, unit_id))
    else:
        document = outputs.list_form(selectors.unit_review(actor, cycle_id, unit_id))
    render_bytes = outputs.pdf_bytes if fmt == "pdf" else outputs.xlsx_bytes
    kind = (
        "application/pdf"
        if fmt == "pdf"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response = HttpResponse(render_bytes(document), content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{form}-{cycle_id}-{unit_id}.{fmt}"'
    return response


@verified_login_required
def template_view(request: HttpRequest, cycle_id: int, unit_id: int) -> HttpResponse:
    """The XLSX template of a unit's bulk entry, generated by canbo (ids filled in)."""
    selectors.access_cycle_unit(actor_for(request.user), cycle_id, unit_id)
    header, rows = bulk.template(
        UnitOfWork(), actor_for(request.user), CycleId(cycle_id), UnitId(unit_id)
    )
    review = selectors.unit_review(actor_for(request.user), cycle_id, unit_id)
    data = outputs.template_xlsx(review.name, header, rows)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="mau-tu-danh-gia-{unit_id}.xlsx"'
    return response


def read_upload(upload: Any) -> tuple[list[str], list[dict[str, str]]]:
    """Read an uploaded XLSX within the upload limits (``CANBO_UPLOAD_*``)."""
    return io.read_upload(upload, spreadsheets.limits("UPLOAD"))


@require_POST
@verified_login_required
def upload_view(request: HttpRequest, cycle_id: int, unit_id: int) -> HttpResponse:
    """Bulk entry: every row checked, all stored or nothing."""
    form = forms.UploadForm(request.POST, request.FILES)
    actor = actor_for(request.user)

    def action() -> None:
        # Refuse before the file is read: parsing costs memory and time (CL-20 roles).
        cycle = selectors.access_cycle_unit(actor, cycle_id, unit_id)
        steps.require_role(UnitOfWork(), actor, UnitId(unit_id), cycle, steps.SELF_ROLES, "self")
        if not form.is_valid():
            raise _invalid(form)
        header, rows = read_upload(form.cleaned_data["file"])
        bulk.import_scores(
            UnitOfWork(),
            actor,
            CycleId(cycle_id),
            UnitId(unit_id),
            header,
            rows,
            _now(),
        )

    back = reverse("classification:unit", args=[cycle_id, unit_id])
    return _run(request, back, action, _("Đã nhập điểm tự đánh giá."))


@verified_login_required
def person_history_view(request: HttpRequest, person_id: int) -> HttpResponse:
    rows = selectors.history(actor_for(request.user), person_id=person_id)
    return render(request, "classification/history.html", {"rows": rows, "person_id": person_id})


@verified_login_required
def unit_history_view(request: HttpRequest, unit_id: int) -> HttpResponse:
    rows = selectors.history(actor_for(request.user), unit_id=unit_id)
    return render(request, "classification/history.html", {"rows": rows, "unit_id": unit_id})
