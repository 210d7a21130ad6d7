"""Stored values of report requests and surveys, with their labels (values from the core)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.surveys.forms import FieldKind as CoreFieldKind
from canbo.core.surveys.progress import AssignmentStatus as CoreStatus


class FieldKind(models.TextChoices):
    NUMBER = CoreFieldKind.NUMBER, _("Số")
    CHOICE = CoreFieldKind.CHOICE, _("Lựa chọn")
    TEXT = CoreFieldKind.TEXT, _("Văn bản")
    TABLE = CoreFieldKind.TABLE, _("Bảng")


class AssignmentStatus(models.TextChoices):
    NOT_STARTED = CoreStatus.NOT_STARTED, _("Chưa bắt đầu")
    IN_PROGRESS = CoreStatus.IN_PROGRESS, _("Đang nhập")
    OVERDUE = CoreStatus.OVERDUE, _("Quá hạn, chưa nộp")
    SUBMITTED = CoreStatus.SUBMITTED, _("Đã nộp đúng hạn")
    SUBMITTED_LATE = CoreStatus.SUBMITTED_LATE, _("Đã nộp muộn")


class Source(models.TextChoices):
    """How a submission arrived."""

    WEB = "web", _("Nhập trên trình duyệt")
    XLSX = "xlsx", _("Tải lên tệp Excel")
    BUNDLE = "bundle", _("Nhận từ hệ thống cấp dưới")


class TargetKind(models.TextChoices):
    """The kinds of units a request can be sent to (the units of that kind in the subtree)."""

    COMMUNE_PARTY_COMMITTEE = "commune_party_committee", _("Đảng bộ xã, phường, đặc khu")
    DISTRICT_PARTY_COMMITTEE = "district_party_committee", _("Huyện ủy, quận ủy, thị ủy")
    GRASSROOTS_COMMITTEE = "grassroots_committee", _("Đảng bộ cơ sở")
    GRASSROOTS_CELL = "grassroots_cell", _("Chi bộ cơ sở")
    CELL = "cell", _("Chi bộ trực thuộc")
