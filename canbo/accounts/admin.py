"""Admin for role grants, and the admin site guard: one login page, TOTP for administrators.

The Django admin's own login form is replaced by a redirect to the web login (throttled, with
the TOTP step), and ``has_permission`` refuses an administrator who has not passed TOTP while
``CANBO_REQUIRE_ADMIN_2FA`` is on (django-otp's documented ``admin.site.__class__`` swap).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from canbo.audit.log import DjangoAuditLog

from .actors import actor_for
from .models import RoleGrant
from .otp import needs_second_factor


class CanboAdminSite(admin.AdminSite):
    """The admin site, behind the same login and second factor as the web shell."""

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and not needs_second_factor(request.user)

    def login(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if request.user.is_authenticated and not needs_second_factor(request.user):
            raise PermissionDenied
        step = "web:totp_verify" if request.user.is_authenticated else "web:login"
        query = urlencode({"next": request.GET.get("next") or reverse("admin:index")})
        return HttpResponseRedirect(f"{reverse(step)}?{query}")


admin.site.__class__ = CanboAdminSite


@admin.register(RoleGrant)
class RoleGrantAdmin(admin.ModelAdmin[RoleGrant]):
    """Grants are audited: every save and delete appends an entry to the audit chain."""

    list_display = ("user", "role", "unit", "valid_from", "valid_to")
    list_filter = ("role",)
    search_fields = ("user__username", "unit__code", "unit__versions__name")
    raw_id_fields = ("unit",)
    autocomplete_fields = ("user",)

    def save_model(self, request: HttpRequest, obj: RoleGrant, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        _audit(request, "grant.change" if change else "grant.create", obj)

    def delete_model(self, request: HttpRequest, obj: RoleGrant) -> None:
        _audit(request, "grant.delete", obj)
        super().delete_model(request, obj)


def _audit(request: HttpRequest, action: str, grant: RoleGrant) -> None:
    after = {
        "user": grant.user_id,
        "role": grant.role,
        "unit": grant.unit_id,
        "valid_from": grant.valid_from.isoformat(),
        "valid_to": grant.valid_to.isoformat(),
    }
    DjangoAuditLog().append(actor_for(request.user), action, "grant", str(grant.pk), None, after)
