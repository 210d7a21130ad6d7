"""Stored values of the work programme, with their Vietnamese labels (derived from the core
enums)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core import programme as core


class ItemKind(models.TextChoices):
    PROJECT = core.ItemKind.PROJECT, _("Đề án")
    TASK = core.ItemKind.TASK, _("Nhiệm vụ")


class Status(models.TextChoices):
    PLANNED = core.Status.PLANNED, _("Chưa triển khai")
    IN_PROGRESS = core.Status.IN_PROGRESS, _("Đang thực hiện")
    COMPLETED = core.Status.COMPLETED, _("Hoàn thành")
    CANCELLED = core.Status.CANCELLED, _("Dừng thực hiện")
