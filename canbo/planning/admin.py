"""Admin of planning: group IV grades are reference data administrators enter (AP-20); plans
and entries are read only here, because they change through the audited services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from . import models


class ReadOnly(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(models.PostGradeEntry)
class PostGradeEntryAdmin(ReadOnly):
    """Entered through /quy-hoach/bac-chuc-vu/ so that each entry has its audit line."""

    list_display = ("title", "group", "tier", "grade", "valid_from", "valid_to")


@admin.register(models.Plan)
class PlanAdmin(ReadOnly):
    list_display = ("title", "unit", "term_label", "approved_on", "rulebook_id")


@admin.register(models.PlanEntry)
class PlanEntryAdmin(ReadOnly):
    list_display = ("plan", "person", "added_on", "removed_on", "removal_reason")


@admin.register(models.RemovalTask)
class RemovalTaskAdmin(ReadOnly):
    list_display = ("entry", "reason", "mandatory", "created_on", "done_on")
