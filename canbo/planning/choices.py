"""Stored values of planning, with their Vietnamese labels (derived from the service enums)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.services.planning import ports as p


class RemovalReason(models.TextChoices):
    BAND_B = p.RemovalReason.BAND_B, _("Tín nhiệm thấp trên một nửa (mức B hoặc C)")
    NOT_COMPLETED = p.RemovalReason.NOT_COMPLETED, _("Không hoàn thành nhiệm vụ")
    DISCIPLINE = p.RemovalReason.DISCIPLINE, _("Bị kỷ luật")
    AGE = p.RemovalReason.AGE, _("Quá tuổi quy hoạch")
    STANDARDS = p.RemovalReason.STANDARDS, _("Không còn đủ tiêu chuẩn, điều kiện")
    APPOINTED = p.RemovalReason.APPOINTED, _("Đã được bổ nhiệm")
    OTHER = p.RemovalReason.OTHER, _("Lý do khác")


class PostGroup(models.TextChoices):
    KEY = "I", _("Nhóm I")
    POLITBURO = "II", _("Nhóm II")
    SECRETARIAT = "III", _("Nhóm III")
    LOCAL = "IV", _("Nhóm IV")
