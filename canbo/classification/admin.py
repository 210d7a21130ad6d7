"""Admin views of the cycle: read-only, because steps are taken through the services only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from . import models


class ReadOnly(admin.ModelAdmin):  # type: ignore[type-arg]
    """Records are immutable and results change only through audited services (CL-20)."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(models.Cycle)
class CycleAdmin(ReadOnly):
    list_display = ("name", "year", "rulebook", "status", "opened_at", "published_at")
    list_filter = ("status", "rulebook")


@admin.register(models.StepRecord)
class StepRecordAdmin(ReadOnly):
    list_display = ("subject", "kind", "version", "level", "actor_label", "at")
    list_filter = ("kind",)
    raw_id_fields = ("subject",)


@admin.register(models.QuotaResolution)
class QuotaResolutionAdmin(ReadOnly):
    list_display = ("cycle", "group", "kept_over", "actor_label", "at")


@admin.register(models.Complaint)
class ComplaintAdmin(ReadOnly):
    list_display = ("subject", "filed_by", "at", "resolution")
    raw_id_fields = ("subject", "resolution")
