"""Accounts use Django's user model; roles are grants over a subtree of the tree."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core import types as t
from canbo.registry.constants import FOREVER


class Role(models.TextChoices):
    ADMIN = t.Role.ADMIN, _("Quản trị hệ thống")
    ORG_STAFF = t.Role.ORG_STAFF, _("Cán bộ Ban Tổ chức")
    VIEWER = t.Role.VIEWER, _("Xem")
    INSPECTOR = t.Role.INSPECTOR, _("Kiểm tra")
    CELL_SECRETARY = t.Role.CELL_SECRETARY, _("Bí thư chi bộ")
    COUNTING_COMMITTEE = t.Role.COUNTING_COMMITTEE, _("Ban kiểm phiếu")
    STANDING_COMMITTEE = t.Role.STANDING_COMMITTEE, _("Thường trực cấp ủy")


class RoleGrant(models.Model):
    """A role over the subtree rooted at ``unit`` (empty: the whole tree), for a period."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grants"
    )
    role = models.CharField(_("vai trò"), max_length=32, choices=Role.choices)
    unit = models.ForeignKey(
        "registry.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("phạm vi"),
    )
    valid_from = models.DateField(_("từ ngày"))
    valid_to = models.DateField(_("đến ngày"), default=FOREVER)

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.role} @ {self.unit_id or '*'}"


class LoginFailure(models.Model):
    """Failed login attempts, for throttling; the address is stored hashed."""

    username = models.CharField(max_length=150, db_index=True)
    address_hash = models.CharField(max_length=64)
    at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.username} {self.at:%Y-%m-%d %H:%M}"
