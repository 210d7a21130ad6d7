"""Django admin for reference data.

The title catalogue is edited here (every change is audited). Units, their versions and
lineage events are read-mostly: history is never overwritten (OR-15), so changes go through the
registry services, which close a version and open a new one and write the audit chain; the admin
shows them, with versions inline. People are a read-only, searchable list.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.forms.models import model_to_dict
from django.http import HttpRequest

from canbo.accounts.actors import actor_for
from canbo.audit.log import DjangoAuditLog

from .models import LineageEvent, LineageLink, OrgUnit, Person, Title, UnitVersion


class ReadOnlyMixin:
    """No add, change or delete from the admin: the services own these writes."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Title)
class TitleAdmin(admin.ModelAdmin[Title]):
    """The title catalogue (danh mục chức danh); deletions are refused (holdings refer to it)."""

    list_display = ("code", "name", "level", "managing_authority", "is_leadership", "rank")
    list_filter = ("level", "is_leadership")
    search_fields = ("code", "name")
    ordering = ("rank", "name")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Title, form: Any, change: bool) -> None:
        before = model_to_dict(Title.objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        DjangoAuditLog().append(
            actor_for(request.user),
            "title.change" if change else "title.create",
            "title",
            str(obj.pk),
            before,
            model_to_dict(obj),
        )


class UnitVersionInline(ReadOnlyMixin, admin.TabularInline[UnitVersion, OrgUnit]):
    model = UnitVersion
    fk_name = "unit"
    fields = ("name", "kind", "level_class", "parent", "admin_code", "valid_from", "valid_to")
    readonly_fields = fields
    ordering = ("valid_from",)
    extra = 0


@admin.register(OrgUnit)
class OrgUnitAdmin(ReadOnlyMixin, admin.ModelAdmin[OrgUnit]):
    """Units with all their dated versions (OR-15, OR-18); searchable by any version's name."""

    list_display = ("code", "pillar", "valid_from", "valid_to")
    list_filter = ("pillar",)
    search_fields = ("code", "versions__name", "versions__admin_code")
    readonly_fields = ("code", "pillar", "valid_from", "valid_to")
    inlines = (UnitVersionInline,)

    def get_search_results(self, request: HttpRequest, queryset: Any, search_term: str) -> Any:
        results, _may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return results.distinct(), False


class LineageLinkInline(ReadOnlyMixin, admin.TabularInline[LineageLink, LineageEvent]):
    model = LineageLink
    fields = ("predecessor", "successor", "share")
    readonly_fields = fields
    extra = 0


@admin.register(LineageEvent)
class LineageEventAdmin(ReadOnlyMixin, admin.ModelAdmin[LineageEvent]):
    """Reorganization steps (OR-16) with their predecessor → successor links."""

    list_display = ("date", "kind", "legal_basis")
    list_filter = ("kind",)
    search_fields = ("legal_basis", "note")
    date_hierarchy = "date"
    readonly_fields = ("kind", "date", "legal_basis", "note")
    inlines = (LineageLinkInline,)


@admin.register(Person)
class PersonAdmin(ReadOnlyMixin, admin.ModelAdmin[Person]):
    """People, read-only and in Vietnamese collation order; records change through services."""

    list_display = ("full_name", "code", "birth_date", "party_admission_date")
    search_fields = ("code", "full_name", "given_name", "family_name")
    ordering = ("sort_key",)
    readonly_fields = (
        "code",
        "full_name",
        "family_name",
        "middle_name",
        "given_name",
        "birth_date",
        "sex",
        "ethnicity",
        "hometown",
        "party_admission_date",
        "official_membership_date",
        "party_exit_date",
        "death_date",
    )
    exclude = ("national_id", "party_card_number", "sort_key")
