"""Django admin of the appointment context.

Complaints and denunciations (AP-19) are entered here by the staff who receive them; every
change is audited. Processes are read-only here: their steps and decisions go through the
use cases (``canbo.services.appointments``) and the pages under /bo-nhiem/.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.forms.models import model_to_dict
from django.http import HttpRequest

from canbo.accounts.actors import actor_for
from canbo.audit.log import DjangoAuditLog

from .models import AppointmentProcess, Complaint


@admin.register(Complaint)
class ComplaintAdmin(admin.ModelAdmin[Complaint]):
    list_display = ("person", "received_on", "status", "closed_on")
    list_filter = ("status",)
    raw_id_fields = ("person",)
    search_fields = ("person__full_name",)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Complaint, form: Any, change: bool) -> None:
        before = model_to_dict(Complaint.objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        DjangoAuditLog().append(
            actor_for(request.user),
            "complaint.change" if change else "complaint.create",
            "complaint",
            str(obj.pk),
            before,
            model_to_dict(obj),
        )


@admin.register(AppointmentProcess)
class AppointmentProcessAdmin(admin.ModelAdmin[AppointmentProcess]):
    list_display = ("title", "unit", "kind", "status", "started_on", "decided_on")
    list_filter = ("kind", "status")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
