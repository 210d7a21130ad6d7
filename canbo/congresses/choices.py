"""Choices of the congresses app; values come from the core and service enums (house style),
labels are the Vietnamese source strings of the pages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.elections import model as core
from canbo.services.congresses import ports


class CongressKind(models.TextChoices):
    CELL = core.CongressKind.CELL, _("Đại hội chi bộ")
    MEMBERS = core.CongressKind.MEMBERS, _("Đại hội đảng viên")
    DELEGATES = core.CongressKind.DELEGATES, _("Đại hội đại biểu")


class CongressStatus(models.TextChoices):
    PREPARING = ports.CongressStatus.PREPARING, _("Đang chuẩn bị")
    ROLL_FIXED = ports.CongressStatus.ROLL_FIXED, _("Đã chốt danh sách triệu tập")
    OPEN = ports.CongressStatus.OPEN, _("Đang họp")
    CLOSED = ports.CongressStatus.CLOSED, _("Đã bế mạc")


class RollRole(models.TextChoices):
    MEMBER = ports.RollRole.MEMBER, _("Đảng viên")
    OFFICIAL_DELEGATE = ports.RollRole.OFFICIAL_DELEGATE, _("Đại biểu chính thức")
    ALTERNATE_DELEGATE = ports.RollRole.ALTERNATE_DELEGATE, _("Đại biểu dự khuyết")
    CONVENING_COMMITTEE = ports.RollRole.CONVENING_COMMITTEE, _("Cấp ủy triệu tập")


class DelegateStatus(models.TextChoices):
    OFFICIAL = core.DelegateStatus.OFFICIAL, _("Đại biểu chính thức")
    ALTERNATE = core.DelegateStatus.ALTERNATE, _("Đại biểu dự khuyết")
    ALTERNATE_SEATED = core.DelegateStatus.ALTERNATE_SEATED, _("Đại biểu dự khuyết thay thế")
    ABSENT_WHOLE_CONGRESS = core.DelegateStatus.ABSENT_WHOLE_CONGRESS, _("Vắng mặt cả đại hội")
    DISQUALIFIED = core.DelegateStatus.DISQUALIFIED, _("Không đủ tư cách")


class NotConvenedReason(models.TextChoices):
    SUSPENDED = core.NotConvenedReason.SUSPENDED, _("Bị đình chỉ sinh hoạt đảng, sinh hoạt cấp ủy")
    PROSECUTED = core.NotConvenedReason.PROSECUTED, _("Bị khởi tố, truy tố")
    ELECTED_IN_BREACH = (
        core.NotConvenedReason.ELECTED_IN_BREACH,
        _("Đại biểu được bầu không đúng nguyên tắc, thủ tục"),
    )
    RETIRED_BEFORE_OPENING = (
        core.NotConvenedReason.RETIRED_BEFORE_OPENING,
        _("Nghỉ hưu trước ngày khai mạc"),
    )
    TRANSFERRED_OUT = (
        core.NotConvenedReason.TRANSFERRED_OUT,
        _("Chuyển sinh hoạt đảng ra khỏi đảng bộ trước ngày khai mạc"),
    )


class Subtraction(models.TextChoices):
    TEMP_ELSEWHERE = core.Subtraction.TEMP_ELSEWHERE, _("Giới thiệu sinh hoạt tạm thời nơi khác")
    EXEMPT_ABSENT = core.Subtraction.EXEMPT_ABSENT, _("Miễn công tác và sinh hoạt đảng, vắng mặt")
    SUSPENDED = core.Subtraction.SUSPENDED, _("Đình chỉ sinh hoạt đảng")
    PROSECUTED = core.Subtraction.PROSECUTED, _("Bị khởi tố, truy tố, tạm giam")
    ABSENT_ACCEPTED = (
        core.Subtraction.ABSENT_ACCEPTED,
        _("Vắng mặt cả đại hội có lý do được chấp nhận"),
    )
    COMMITTEE_ABSENT = (
        core.Subtraction.COMMITTEE_ABSENT,
        _("Cấp ủy viên triệu tập vắng mặt cả đại hội"),
    )
    ABSENT_NO_ALTERNATE = (
        core.Subtraction.ABSENT_NO_ALTERNATE,
        _("Đại biểu chính thức vắng mặt cả đại hội, không có dự khuyết thay"),
    )


class WorkingBody(models.TextChoices):
    PRESIDIUM = ports.WorkingBody.PRESIDIUM, _("Đoàn Chủ tịch")
    SECRETARIAT = ports.WorkingBody.SECRETARIAT, _("Đoàn Thư ký")
    CREDENTIALS = ports.WorkingBody.CREDENTIALS, _("Ban Thẩm tra tư cách đại biểu")
    COUNTING = ports.WorkingBody.COUNTING, _("Ban Kiểm phiếu")
