"""The counting committee's screens for machine-read paper ballots under
/bo-phieu/<id>/phieu-giay/: print, upload a batch of scans, the batch, a sheet with the marks
drawn over it, the adjudication queue, the second reading, the reconciliation and certification.

Only the session's counting committee sees them (EL-07). Nothing shown links a serial or a sheet
to a voter (docs/voting.md, "Paper ballots: the counting committee's screens").
"""

from __future__ import annotations

from typing import Any

from django import forms as dj_forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.conferences.selectors import unit_name
from canbo.core.errors import NotFound, PermissionDenied, ValidationError
from canbo.core.types import PersonId
from canbo.services.voting import paper as svc
from canbo.services.voting.ports import SessionId

from . import models, selectors
from .paper_store import (
    DjangoPaperUnitOfWork as U,
)
from .paper_store import (
    PaperPrinter,
    PaperReader,
    keep_upload,
    sheet_image,
)
from .refusals import refusals_shown
from .views import _reading_form

MAX_FILES = 200  # a bigger batch is read with the command line (canbo paper read)

STATUS_LABELS = {
    "read": _("Đã đọc"),
    "review": _("Cần xem lại"),
    "refused": _("Bị từ chối"),
}
REASON_LABELS = {
    "": "",
    "ok": "",
    "no_code": _("Không đọc được mã trên phiếu"),
    "other_layout": _("Phiếu của cuộc bỏ phiếu hoặc mẫu phiếu khác"),
    "other_session": _("Phiếu của cuộc bỏ phiếu khác"),
    "unknown_layout": _("Mẫu phiếu không rõ"),
    "duplicate_serial": _("Trùng số phiếu đã đọc"),
    "blank_page": _("Trang trắng"),
    "marks_not_found": _("Không tìm thấy dấu định vị"),
    "unclear_marks": _("Có dấu chưa rõ"),
    "corrupt_file": _("Tệp hỏng"),
    "unsupported_file": _("Loại tệp không đọc được"),
    "upside_down_fixed": _("Phiếu bị ngược, đã xoay lại"),
    "bad_code": _("Mã trên phiếu sai"),
    "read_error": _("Máy không đọc được tệp này"),
}
READER_VALUES = {
    "high": _("Tín nhiệm cao"),
    "mid": _("Tín nhiệm"),
    "low": _("Tín nhiệm thấp"),
    "blank": _("Không đánh dấu"),
    "none": _("Không đánh dấu"),
    "several": _("Đánh dấu nhiều mức"),
    "struck": _("Gạch tên"),
    "kept": _("Giữ lại"),
    "agree": _("Đồng ý"),
    "disagree": _("Không đồng ý"),
    "unclear": _("Chưa rõ"),
}
PAPER_LABELS = {"a4": _("A4"), "a5": _("A5")}


class PrintForm(dj_forms.Form):
    copies = dj_forms.IntegerField(label=_("Số phiếu in"), min_value=1, max_value=svc.MAX_COPIES)
    paper = dj_forms.ChoiceField(label=_("Khổ giấy"), choices=list(PAPER_LABELS.items()))


class MultipleFileInput(dj_forms.ClearableFileInput):
    allow_multiple_selected = True


class UploadForm(dj_forms.Form):
    scans = dj_forms.FileField(
        label=_("Ảnh quét phiếu (PDF, TIFF, PNG, JPEG)"),
        widget=MultipleFileInput(attrs={"accept": ".pdf,.tif,.tiff,.png,.jpg,.jpeg"}),
    )


class DecisionForm(dj_forms.Form):
    value = dj_forms.ChoiceField(label=_("Ban kiểm phiếu kết luận"))
    reason = dj_forms.CharField(label=_("Lý do"), required=False, max_length=500)

    def __init__(self, kind: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        value = self.fields["value"]
        assert isinstance(value, dj_forms.ChoiceField)  # noqa: S101
        value.choices = [(str(v), READER_VALUES[str(v)]) for v in svc.CHOICES[kind]]


def _committee_session(request: HttpRequest, sid: int) -> models.VoteSession:
    """The session, for a member of its counting committee only (EL-07)."""
    actor = actor_for(request.user)
    session = selectors.session_for(actor, sid)
    if (
        actor.account_id is None
        or not models.CountingMember.objects.filter(
            session=session, user_id=int(actor.account_id)
        ).exists()
    ):
        raise PermissionDenied("not_counting_member", session_id=sid)
    return session


def _kind(session: models.VoteSession) -> str:
    kind = (session.parameters or {}).get("ballot_kind")
    if kind is None:
        return "confidence"
    return "strike-out" if kind == "strike_out" else "approval"


def _names(session: models.VoteSession) -> dict[int, str]:
    """The printed lines' names by order, from the latest print run."""
    run = models.PrintRun.objects.filter(session=session).order_by("-pk").first()
    if run is None:
        return {}
    people = {s.person_id: s.person.full_name for s in selectors.subjects(session.pk)}
    return {i: people.get(p, "") for i, p in enumerate(run.persons, start=1)}


# Reasons of a refused sheet that are the rulebook's validity: a ballot not issued by this
# vote's counting committee (another vote, a copy, a sheet scanned twice) is not counted.
VALIDITY_REASONS = frozenset({"other_layout", "other_session", "duplicate_serial", "bad_code"})


def _sheet_rows(sheets: Any, session: models.VoteSession) -> list[dict[str, Any]]:
    kind = _kind(session)
    citation = ("CV-14", "QĐ 96-QĐ/TW") if kind == "confidence" else ("EL-14", "QĐ 190-QĐ/TW")
    return [
        {
            "sheet": sh,
            "status": STATUS_LABELS.get(sh.status, ""),
            "reason": REASON_LABELS.get(sh.reason, _("Lý do khác")),
            "citation": citation if sh.reason in VALIDITY_REASONS else None,
        }
        for sh in sheets
    ]


@verified_login_required
@refusals_shown
def overview(request: HttpRequest, sid: int) -> HttpResponse:
    session = _committee_session(request, sid)
    runs = models.PrintRun.objects.filter(session=session).order_by("-pk")
    batches = models.ScanBatch.objects.filter(session=session).order_by("-pk")
    state = svc.reconciliation(U(), SessionId(sid))
    context = {
        "s": session,
        "runs": [(r, PAPER_LABELS.get(r.paper, "")) for r in runs],
        "batches": batches,
        "print_form": PrintForm(initial={"copies": 1, "paper": "a4"}),
        "upload_form": UploadForm(),
        "state": state,
        "max_files": MAX_FILES,
    }
    return render(request, "voting/paper_scan.html", context)


@verified_login_required
@refusals_shown
@require_POST
def print_pdf(request: HttpRequest, sid: int) -> HttpResponse:
    session = _committee_session(request, sid)
    form = PrintForm(request.POST)
    if not form.is_valid():
        raise ValidationError("paper_copies_invalid", field="copies")
    pdf = svc.print_ballots(
        U(),
        PaperPrinter(),
        actor_for(request.user),
        SessionId(sid),
        copies=form.cleaned_data["copies"],
        paper=form.cleaned_data["paper"],
        organization=unit_name(session.conference.unit_id, session.conference.held_on),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="phieu-{sid}.pdf"'
    return response


@verified_login_required
@refusals_shown
@require_POST
def upload(request: HttpRequest, sid: int) -> HttpResponse:
    _committee_session(request, sid)
    files = request.FILES.getlist("scans")
    if not files:
        raise ValidationError("paper_batch_empty", field="files")
    if len(files) > MAX_FILES:
        raise ValidationError("paper_batch_too_big", field="files", most=MAX_FILES)
    names: dict[str, str] = {}
    for f in files:
        path = keep_upload(sid, f.name or "", f.chunks())
        names[path] = f.name or ""
    batch = svc.read_batch(
        U(), PaperReader(names), actor_for(request.user), SessionId(sid), list(names)
    )
    return redirect("voting:paper_batch", sid, batch)


@verified_login_required
@refusals_shown
def batch(request: HttpRequest, sid: int, bid: int) -> HttpResponse:
    session = _committee_session(request, sid)
    row = models.ScanBatch.objects.filter(session=session, pk=bid).first()
    if row is None:
        raise NotFound("record_not_found")
    sheets = list(row.sheets.order_by("pk"))
    counts = {k: sum(1 for s in sheets if s.status == k) for k in STATUS_LABELS}
    context = {"s": session, "batch": row, "rows": _sheet_rows(sheets, session), "counts": counts}
    return render(request, "voting/paper_batch.html", context)


def _session_sheet(session: models.VoteSession, shid: int) -> models.ScannedSheet:
    row = models.ScannedSheet.objects.filter(batch__session=session, pk=shid).first()
    if row is None:
        raise NotFound("record_not_found")
    return row


@verified_login_required
@refusals_shown
def sheet(request: HttpRequest, sid: int, shid: int) -> HttpResponse:
    session = _committee_session(request, sid)
    row = _session_sheet(session, shid)
    names = _names(session)
    marks = [
        {
            "order": m["order"],
            "name": names.get(int(m["order"]), ""),
            "value": READER_VALUES.get(str(m["value"]), _("Chưa rõ")),
            "certainty": round(float(m["certainty"]) * 100),
            "review": int(m["order"]) in row.review,
        }
        for m in row.marks
    ]
    context = {
        "s": session,
        "sheet": row,
        "row": _sheet_rows([row], session)[0],
        "marks": marks,
    }
    return render(request, "voting/paper_sheet.html", context)


def _png(data: bytes) -> HttpResponse:
    response = HttpResponse(data, content_type="image/png")
    response["Cache-Control"] = "private, no-store"
    return response


@verified_login_required
@refusals_shown
def sheet_overlay(request: HttpRequest, sid: int, shid: int) -> HttpResponse:
    from canbo.paper import reading
    from canbo.paper.layout import Layout

    session = _committee_session(request, sid)
    row = _session_sheet(session, shid)
    image = sheet_image(row)
    run = models.PrintRun.objects.filter(session=session).order_by("-pk").first()
    if image is None or run is None:
        raise NotFound("record_not_found")
    layout = Layout.from_json(svc_layout_json(run))
    read = reading.read_image(layout, image, file=row.file, page=row.page)
    return _png(reading.overlay(layout, image, read))


def svc_layout_json(run: models.PrintRun) -> str:
    import json

    return json.dumps(run.layout, ensure_ascii=False)


@verified_login_required
@refusals_shown
def line_crop(request: HttpRequest, sid: int, shid: int, order: int) -> HttpResponse:
    from canbo.paper import reading
    from canbo.paper.layout import Layout

    session = _committee_session(request, sid)
    row = _session_sheet(session, shid)
    image = sheet_image(row)
    run = models.PrintRun.objects.filter(session=session).order_by("-pk").first()
    if image is None or run is None:
        raise NotFound("record_not_found")
    return _png(reading.crop(Layout.from_json(svc_layout_json(run)), image, order))


@verified_login_required
@refusals_shown
def queue(request: HttpRequest, sid: int) -> HttpResponse:
    session = _committee_session(request, sid)
    kind = _kind(session)
    if request.method == "POST":
        form = DecisionForm(kind, request.POST, prefix=request.POST.get("prefix") or None)
        if form.is_valid():
            svc.adjudicate(
                U(),
                actor_for(request.user),
                SessionId(sid),
                int(request.POST.get("sheet", "0") or 0),
                int(request.POST.get("order", "0") or 0),
                form.cleaned_data["value"],
                form.cleaned_data["reason"],
            )
            return redirect("voting:paper_queue", sid)
    names = _names(session)
    open_items = []
    state = svc.reconciliation(U(), SessionId(sid))
    sheets = {
        s.pk: s for s in models.ScannedSheet.objects.filter(batch__session=session, status="review")
    }
    for ballot in state.ballots:
        for shid, order in ballot.open_review:
            row = sheets.get(shid)
            mark = next((m for m in row.marks if int(m["order"]) == order), None) if row else None
            open_items.append(
                {
                    "sheet": shid,
                    "serial": ballot.serial,
                    "order": order,
                    "name": names.get(order, ""),
                    "read": READER_VALUES.get(str(mark["value"]), _("Chưa rõ")) if mark else "",
                    "reason": REASON_LABELS.get(row.reason, "") if row else "",
                    "form": DecisionForm(kind, prefix=f"d{shid}-{order}"),
                }
            )
    context = {"s": session, "items": open_items}
    return render(request, "voting/paper_queue.html", context)


@verified_login_required
@refusals_shown
def second_reading(request: HttpRequest, sid: int) -> HttpResponse:
    session = _committee_session(request, sid)
    form = _reading_form(session, request.POST or None)
    form.fields["serial"] = dj_forms.CharField(
        label=_("Số hiệu in trên phiếu"), max_length=32, min_length=4
    )
    form.fields.pop("not_issued", None)
    saved = None
    if request.method == "POST" and form.is_valid():
        lines = {
            PersonId(s.person_id): str(form.cleaned_data[f"p{s.person_id}"]) for s in form.subjects
        }
        svc.enter_second_reading(
            U(), actor_for(request.user), SessionId(sid), form.cleaned_data["serial"], lines
        )
        saved = form.cleaned_data["serial"].strip().upper()
        form = _reading_form(session)
        form.fields["serial"] = dj_forms.CharField(
            label=_("Số hiệu in trên phiếu"), max_length=32, min_length=4
        )
        form.fields.pop("not_issued", None)
    typed = sorted(
        models.SecondReading.objects.filter(session=session).values_list("serial", flat=True)
    )
    context = {"s": session, "form": form, "saved": saved, "typed": typed}
    return render(request, "voting/paper_second.html", context)


@verified_login_required
@refusals_shown
def reconcile(request: HttpRequest, sid: int) -> HttpResponse:
    session = _committee_session(request, sid)
    kind = _kind(session)
    if request.method == "POST":
        if request.POST.get("certify"):
            svc.certify(U(), actor_for(request.user), SessionId(sid))
            return redirect("voting:session", sid)
        form = DecisionForm(kind, request.POST)
        if form.is_valid():
            svc.decide_disagreement(
                U(),
                actor_for(request.user),
                SessionId(sid),
                request.POST.get("serial", ""),
                int(request.POST.get("order", "0") or 0),
                form.cleaned_data["value"],
                form.cleaned_data["reason"],
            )
            return redirect("voting:paper_reconcile", sid)
    state = svc.reconciliation(U(), SessionId(sid))
    names = _names(session)
    rows = [
        {
            "d": d,
            "name": names.get(d.order, ""),
            "machine": READER_VALUES.get(d.machine or "", "—"),
            "second": READER_VALUES.get(d.second or "", "—"),
            "decided": READER_VALUES.get(d.decided or "", ""),
            "form": DecisionForm(kind),
        }
        for d in state.disagreements
    ]
    context = {"s": session, "state": state, "rows": rows}
    return render(request, "voting/paper_reconcile.html", context)
