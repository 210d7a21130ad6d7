"""Complaints and denunciations about persons (AP-19, PC-06) for the clerk: the page
``/bo-nhiem/don-thu/`` lists those of the user's scope and records a new one (the person
chosen with the picker), and each row changes its status (resolved, or referred with the
receiving body and the date). The rules and the audit are
:mod:`canbo.services.appointments.complaints`; this module is its adapter and pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.audit.log import DjangoAuditLog
from canbo.core.clock import SystemClock
from canbo.core.types import PersonId, UnitId
from canbo.db.transactions import AtomicWork
from canbo.db.unit_tree import DjangoTreeReader
from canbo.refusals import valid_data
from canbo.registry import models as reg
from canbo.registry.pickers import PickerField, bind_pickers
from canbo.services.appointments import complaints as svc
from canbo.services.appointments.ports import ComplaintStatus

from . import choices
from . import models as m


class DjangoComplaintRepository:
    def add(self, data: svc.ComplaintData) -> int:
        row = m.Complaint.objects.create(
            person_id=data.person_id,
            received_on=data.received_on,
            anonymous=data.anonymous,
            status=str(data.status),
            referred_to=data.referred_to,
            closed_on=data.closed_on,
            note=data.note,
        )
        return int(row.pk)

    def get(self, complaint_id: int, *, lock: bool = False) -> svc.ComplaintData | None:
        rows = m.Complaint.objects.filter(pk=complaint_id)
        if lock:
            rows = rows.select_for_update()
        row = rows.first()
        return _data(row) if row is not None else None

    def update(self, data: svc.ComplaintData) -> None:
        if data.complaint_id is None:
            return
        m.Complaint.objects.filter(pk=data.complaint_id).update(
            status=str(data.status), referred_to=data.referred_to, closed_on=data.closed_on
        )

    def recent(self, limit: int) -> list[svc.ComplaintData]:
        rows = m.Complaint.objects.order_by("-received_on", "-id")[:limit]
        return [_data(r) for r in rows]

    def person_unit(self, person_id: PersonId, on: dt.date) -> UnitId | None:
        rows = reg.Membership.objects.filter(person_id=person_id)
        row = rows.filter(valid_from__lte=on, valid_to__gte=on).first()
        row = row or rows.order_by("-valid_to").first()
        return UnitId(row.unit_id) if row else None

    def person_names(self, person_ids: Sequence[int]) -> dict[int, str]:
        rows = reg.Person.objects.filter(pk__in=list(person_ids)).values_list("pk", "full_name")
        return {int(pk): name for pk, name in rows}


def _data(row: m.Complaint) -> svc.ComplaintData:
    return svc.ComplaintData(
        person_id=PersonId(row.person_id),
        received_on=row.received_on,
        anonymous=row.anonymous,
        status=ComplaintStatus(row.status),
        referred_to=row.referred_to,
        closed_on=row.closed_on,
        note=row.note,
        complaint_id=int(row.pk),
    )


class DjangoComplaintsUnitOfWork(AtomicWork):
    def __init__(self) -> None:
        super().__init__()
        self.complaints = DjangoComplaintRepository()
        self.tree = DjangoTreeReader()
        self.audit = DjangoAuditLog()


# Forms --------------------------------------------------------------------------------------


class DateInput(forms.DateInput):
    input_type = "date"


class ComplaintForm(forms.Form):
    person = PickerField(label=_("Người bị khiếu nại, tố cáo"))
    received_on = forms.DateField(label=_("Ngày nhận đơn"), widget=DateInput)
    anonymous = forms.TypedChoiceField(
        label=_("Người gửi đơn"),
        choices=((0, _("Có ghi họ tên")), (1, _("Nặc danh"))),
        coerce=lambda v: str(v) == "1",
        initial=0,
    )
    note = forms.CharField(
        label=_("Nội dung tóm tắt"),
        required=False,
        max_length=svc.MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Tình trạng"), choices=choices.ComplaintStatus.choices)
    referred_to = forms.CharField(
        label=_("Cơ quan tiếp nhận (khi chuyển)"), required=False, max_length=svc.MAX_BODY
    )
    on = forms.DateField(label=_("Ngày"), widget=DateInput)


# Pages --------------------------------------------------------------------------------------


def _today() -> dt.date:
    return SystemClock().today()


@verified_login_required
def complaint_list(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request.user)
    today = _today()
    form = ComplaintForm(
        request.POST if request.method == "POST" else None, initial={"received_on": today}
    )
    bind_pickers(form, actor, today)
    if request.method == "POST":
        d = valid_data(form)
        data = svc.ComplaintData(
            person_id=PersonId(d["person"]),
            received_on=d["received_on"],
            anonymous=bool(d["anonymous"]),
            note=d["note"],
        )
        svc.record_complaint(DjangoComplaintsUnitOfWork(), actor, data, today)
        return redirect("appointments:complaints")
    rows = svc.visible(DjangoComplaintsUnitOfWork(), actor, today)
    labels = dict(choices.ComplaintStatus.choices)
    context: dict[str, Any] = {
        "form": form,
        "anonymous_blocks": svc.anonymous_blocks(today),
        "rows": [
            {
                "id": r.data.complaint_id,
                "name": r.name,
                "received_on": r.data.received_on,
                "anonymous": r.data.anonymous,
                "status": labels.get(str(r.data.status), ""),
                "open": r.data.status is ComplaintStatus.OPEN,
                "referred_to": r.data.referred_to,
                "closed_on": r.data.closed_on,
                "note": r.data.note,
                "blocks": r.blocks,
                "form": StatusForm(
                    initial={"status": str(r.data.status), "on": today},
                    prefix=f"c{r.data.complaint_id}",
                ),
            }
            for r in rows
        ],
    }
    return render(request, "appointments/complaints.html", context)


@verified_login_required
@require_POST
def complaint_status(request: HttpRequest, complaint_id: int) -> HttpResponse:
    actor = actor_for(request.user)
    d = valid_data(StatusForm(request.POST, prefix=f"c{complaint_id}"))
    svc.change_status(
        DjangoComplaintsUnitOfWork(),
        actor,
        complaint_id,
        ComplaintStatus(d["status"]),
        d["on"],
        _today(),
        referred_to=d["referred_to"],
    )
    return redirect("appointments:complaints")
