"""Choices of the appointments app; values come from the service enums (house style)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from canbo.services.appointments.ports import CandidateSource as C
from canbo.services.appointments.ports import ComplaintStatus as CS
from canbo.services.appointments.ports import ParticipantRole as R
from canbo.services.appointments.ports import ProcessKind as K
from canbo.services.appointments.ports import ProcessStatus as S
from canbo.services.appointments.ports import RecusalOutcome as RO
from canbo.services.appointments.ports import StepKindValue as SK
from canbo.services.appointments.ports import StepStatus as SS


class ProcessKind(models.TextChoices):
    IN_PLACE = K.IN_PLACE, _("Bổ nhiệm nguồn nhân sự tại chỗ")
    OUTSIDE = K.OUTSIDE, _("Bổ nhiệm nguồn nhân sự từ nơi khác")
    REAPPOINTMENT = K.REAPPOINTMENT, _("Bổ nhiệm lại")


class StepKind(models.TextChoices):
    LEADERSHIP_FIRST = SK.LEADERSHIP_FIRST, _("Tập thể lãnh đạo đề xuất yêu cầu, cơ cấu")
    WIDER = SK.WIDER, _("Hội nghị cán bộ chủ chốt mở rộng giới thiệu")
    LEADERSHIP_NOMINATE = SK.LEADERSHIP_NOMINATE, _("Tập thể lãnh đạo giới thiệu nhân sự")
    KEY_CADRES = SK.KEY_CADRES, _("Hội nghị cán bộ chủ chốt lấy ý kiến")
    LEADERSHIP_DECIDE = SK.LEADERSHIP_DECIDE, _("Tập thể lãnh đạo biểu quyết nhân sự")
    RECEIVING_TALKS = SK.RECEIVING_TALKS, _("Nơi tiếp nhận trao đổi, thống nhất chủ trương")
    SENDING_VOTE = SK.SENDING_VOTE, _("Nơi công tác lấy phiếu tín nhiệm")
    REPORT = SK.REPORT, _("Trình cấp có thẩm quyền")
    COLLECTIVE_VOTE = SK.COLLECTIVE_VOTE, _("Tập thể lãnh đạo biểu quyết bổ nhiệm lại")


class ProcessStatus(models.TextChoices):
    OPEN = S.OPEN, _("Đang thực hiện quy trình")
    STOPPED = S.STOPPED, _("Tạm dừng, chờ cấp có thẩm quyền quyết định")
    READY = S.READY, _("Đã xong các bước, chờ quyết định")
    DECIDED = S.DECIDED, _("Đã quyết định bổ nhiệm")
    CLOSED = S.CLOSED, _("Kết thúc, không bổ nhiệm")


class StepStatus(models.TextChoices):
    PENDING = SS.PENDING, _("Chưa tiến hành")
    CONVENED = SS.CONVENED, _("Đã triệu tập")
    VOTING = SS.VOTING, _("Đang bỏ phiếu")
    CLOSED = SS.CLOSED, _("Đã xong")
    STOPPED = SS.STOPPED, _("Chờ cấp có thẩm quyền quyết định")


class CandidateSource(models.TextChoices):
    IN_PLACE = C.IN_PLACE, _("Nguồn tại chỗ")
    OUTSIDE = C.OUTSIDE, _("Nguồn từ nơi khác")


class RecusalOutcome(models.TextChoices):
    RECUSED = RO.RECUSED, _("Đã không tham gia")
    OVERRIDDEN = RO.OVERRIDDEN, _("Vẫn tham gia, có lý do")


class ComplaintStatus(models.TextChoices):
    OPEN = CS.OPEN, _("Đang giải quyết")
    RESOLVED = CS.RESOLVED, _("Đã giải quyết")
    REFERRED = CS.REFERRED, _("Đã chuyển cơ quan có thẩm quyền")


class ParticipantRole(models.TextChoices):
    PROPOSER = R.PROPOSER, _("Người đề xuất")
    ADVISER = R.ADVISER, _("Người tham mưu")
    APPRAISER = R.APPRAISER, _("Người thẩm định")
    VOTER = R.VOTER, _("Người biểu quyết")
    COUNTER = R.COUNTER, _("Người kiểm phiếu")
    DECIDER = R.DECIDER, _("Người quyết định")


BALLOT_TITLES = (
    gettext_noop("Phiếu giới thiệu nhân sự"),
    gettext_noop("Phiếu lấy ý kiến"),
    gettext_noop("Phiếu biểu quyết"),
)
"""The titles of a step's ballot (``processes.BALLOT_TITLE``), marked for translation: the
voting pages store the Vietnamese title on the session and translate it when they show it."""
