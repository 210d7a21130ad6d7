"""Choices of the conferences app; values come from the core enums (house style)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.ballots.rulebooks import Body as CoreBody
from canbo.services.voting.ports import CheckInMethod as CoreMethod


class Body(models.TextChoices):
    PARTY = CoreBody.PARTY, _("Đảng và hệ thống chính trị")
    NATIONAL_ASSEMBLY = CoreBody.NATIONAL_ASSEMBLY, _("Quốc hội")
    PEOPLES_COUNCIL = CoreBody.PEOPLES_COUNCIL, _("Hội đồng nhân dân")


class CheckInMethod(models.TextChoices):
    STAFF = CoreMethod.STAFF, _("Cán bộ điểm danh")
    QR = CoreMethod.QR, _("Mã QR của đại biểu")
