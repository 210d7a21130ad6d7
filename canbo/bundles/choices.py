"""Stored values of the bundle exchange, with their Vietnamese labels (from the service enums)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.services.bundles import ports as p


class Relation(models.TextChoices):
    SELF = p.Relation.SELF, _("Hệ thống này")
    UPPER = p.Relation.UPPER, _("Cấp trên")
    LOWER = p.Relation.LOWER, _("Cấp dưới")


class Direction(models.TextChoices):
    UP = p.Direction.UP, _("Gửi lên")
    DOWN = p.Direction.DOWN, _("Gửi xuống")


class ReceiptStatus(models.TextChoices):
    CURRENT = p.ReceiptStatus.CURRENT, _("Đang dùng")
    SUPERSEDED = p.ReceiptStatus.SUPERSEDED, _("Đã được thay thế")
