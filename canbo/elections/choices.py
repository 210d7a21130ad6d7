"""Choices of the elections app; values come from the core and service enums (house style)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.elections.model import ElectionKind as K
from canbo.core.elections.model import ElectionStatus as S
from canbo.services.elections.ports import CandidateSource as C


class ElectionKind(models.TextChoices):
    COMMITTEE = K.COMMITTEE, _("Ban chấp hành đảng bộ")
    CELL_COMMITTEE = K.CELL_COMMITTEE, _("Chi ủy")
    STANDING_COMMITTEE = K.STANDING_COMMITTEE, _("Ban thường vụ")
    SECRETARY = K.SECRETARY, _("Bí thư")
    DEPUTY_SECRETARY = K.DEPUTY_SECRETARY, _("Phó bí thư")
    INSPECTION_COMMISSION = K.INSPECTION_COMMISSION, _("Ủy ban kiểm tra")
    INSPECTION_CHAIR = K.INSPECTION_CHAIR, _("Chủ nhiệm ủy ban kiểm tra")
    DELEGATES = K.DELEGATES, _("Đại biểu dự đại hội cấp trên")


class ElectionStatus(models.TextChoices):
    DRAFT = S.DRAFT, _("Đang lập danh sách")
    LIST_APPROVED = S.LIST_APPROVED, _("Đại hội đã biểu quyết danh sách")
    VOTING = S.VOTING, _("Đang bỏ phiếu")
    COUNTED = S.COUNTED, _("Đã kiểm phiếu")
    TIE = S.TIE, _("Bằng phiếu ở chỗ cuối, chờ đại hội quyết định")
    SHORTFALL = S.SHORTFALL, _("Chưa bầu đủ số lượng, chờ đại hội quyết định")
    PROVISIONAL = S.PROVISIONAL, _("Đã ký biên bản, chờ cấp trên chuẩn y")
    APPROVED = S.APPROVED, _("Đã được chuẩn y")
    CLOSED_UNFILLED = S.CLOSED_UNFILLED, _("Kết thúc, không bầu được")


class CandidateSource(models.TextChoices):
    CONVENER = C.CONVENER, _("Cấp ủy triệu tập giới thiệu")
    FLOOR = C.FLOOR, _("Đại hội đề cử")
    SELF = C.SELF, _("Tự ứng cử")
