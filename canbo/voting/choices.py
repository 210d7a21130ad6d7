"""Choices of the voting app; values come from the service enums (house style)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.services.voting import ports as p


class Status(models.TextChoices):
    DRAFT = p.Status.DRAFT, _("Dự thảo")
    READY = p.Status.READY, _("Sẵn sàng")
    OPEN = p.Status.OPEN, _("Đang bỏ phiếu")
    CLOSED = p.Status.CLOSED, _("Đã kết thúc bỏ phiếu")
    COUNTED = p.Status.COUNTED, _("Đã kiểm phiếu, chờ ký")
    CERTIFIED = p.Status.CERTIFIED, _("Ban kiểm phiếu đã ký")
    PUBLISHED = p.Status.PUBLISHED, _("Đã công bố")


class PaperMode(models.TextChoices):
    PER_BALLOT = p.PaperMode.PER_BALLOT, _("Nhập từng phiếu, hai người nhập độc lập")
    TOTALS = p.PaperMode.TOTALS, _("Nhập tổng số theo từng người (kiểm phiếu thủ công)")


class Medium(models.TextChoices):
    ELECTRONIC = p.Medium.ELECTRONIC, _("Phiếu điện tử")
    PAPER = p.Medium.PAPER, _("Phiếu giấy")


LINE_READINGS = [
    (p.LineReading.HIGH, _("Tín nhiệm cao")),
    (p.LineReading.MID, _("Tín nhiệm")),
    (p.LineReading.LOW, _("Tín nhiệm thấp")),
    (p.LineReading.NONE, _("Không đánh dấu")),
    (p.LineReading.SEVERAL, _("Đánh dấu nhiều mức")),
    (p.LineReading.STRUCK, _("Gạch tên")),
]

# The lines of an election ballot as read on paper (EL-14), by ballot kind.
ELECTION_READINGS = {
    p.ElectionBallotKind.STRIKE_OUT: [
        (p.LineReading.KEPT, _("Giữ lại")),
        (p.LineReading.STRUCK, _("Gạch tên")),
    ],
    p.ElectionBallotKind.APPROVAL: [
        (p.LineReading.AGREE, _("Đồng ý")),
        (p.LineReading.DISAGREE, _("Không đồng ý")),
        (p.LineReading.NONE, _("Không đánh dấu ô nào")),
        (p.LineReading.SEVERAL, _("Đánh dấu cả hai ô")),
    ],
}

# The counting committee's conclusion on ballots the rules refer to it (EL-07, EL-16).
CONCLUSIONS = [
    ("", _("Chưa có kết luận")),
    ("invalid", _("Phiếu không hợp lệ")),
    ("valid_not_counted", _("Phiếu hợp lệ, không tính cho ai")),
]
