"""ORM adapters of the work programme (chương trình công tác, WP-01 to WP-05). No behaviour
here: the services own the rules; overdue and completed-late flags are computed, never
stored."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.registry.models import OrgUnit, Person

from . import choices


class ProgrammeItem(models.Model):
    """A project (đề án) or task (nhiệm vụ) of a unit's programme for a year (WP-01)."""

    kind = models.CharField(_("loại"), max_length=16, choices=choices.ItemKind.choices)
    title = models.CharField(_("tên"), max_length=500)
    description = models.TextField(_("nội dung"), blank=True)
    owner_unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("chương trình của")
    )
    unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị chủ trì")
    )
    lead = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("người phụ trách"),
    )
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, related_name="tasks", null=True, blank=True
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    deadline = models.DateField(_("thời hạn"))
    status = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=choices.Status.choices,
        default=choices.Status.PLANNED,
    )
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    created_on = models.DateField(_("ngày đưa vào chương trình"))
    started_on = models.DateField(_("ngày triển khai"), null=True, blank=True)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)

    class Meta:
        verbose_name = _("đề án, nhiệm vụ")
        verbose_name_plural = _("đề án, nhiệm vụ")
        indexes = [models.Index(fields=["owner_unit", "year"], name="wp_item_owner_year")]

    def __str__(self) -> str:
        return self.title


class ProgressReport(models.Model):
    """A dated progress report of an item (WP-04); never changed once written."""

    item = models.ForeignKey(ProgrammeItem, on_delete=models.PROTECT, related_name="reports")
    reported_on = models.DateField(_("ngày báo cáo"))
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"))
    status = models.CharField(_("trạng thái"), max_length=16, choices=choices.Status.choices)
    note = models.TextField(_("nội dung báo cáo"), blank=True)

    class Meta:
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")
        ordering = ["reported_on", "id"]

    def __str__(self) -> str:
        return f"{self.item_id} {self.reported_on}: {self.percent}%"


class ProgrammeDocument(models.Model):
    """A document of an item, stored in the data folder under its SHA-256."""

    item = models.ForeignKey(ProgrammeItem, on_delete=models.PROTECT, related_name="documents")
    name = models.CharField(_("tên tệp"), max_length=200)
    path = models.CharField(max_length=300)
    media_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("dung lượng"))
    sha256 = models.CharField(max_length=64)
    uploaded_on = models.DateField(_("ngày tải lên"))

    class Meta:
        verbose_name = _("tài liệu")
        verbose_name_plural = _("tài liệu")

    def __str__(self) -> str:
        return self.name
