"""Words for the stored values of power control (roles, steps, relationships, answers, flags):
the control panel, the control page and its documents show these, never a raw value."""

from __future__ import annotations

from django.utils.translation import gettext as _

from canbo.registry import choices as reg_choices

from . import choices


def _label(choice: type, value: str) -> str:
    try:
        return str(choice(value).label)
    except ValueError:
        return value


def role(value: str) -> str:
    return _label(choices.ParticipantRole, value)


def step(value: str) -> str:
    return _label(choices.StepKind, value) if value else _("Cả quy trình")


def status(value: str) -> str:
    return _label(choices.ProcessStatus, value)


def kind(value: str) -> str:
    return _label(choices.ProcessKind, value)


def outcome(value: str) -> str:
    return _label(choices.RecusalOutcome, value) if value else _("Chưa ghi nhận")


def relationship_class(value: str) -> str:
    """The two terms of QĐ 114 (PC-21), kept apart."""
    return {"family": _("Quan hệ gia đình"), "close_acquaintance": _("Quen biết thân thiết")}.get(
        value, value
    )


def relation(value: str) -> str:
    if value == "acquaintance":
        return _("Quen biết thân thiết")
    return _label(reg_choices.RelationKind, value)


def action(value: str) -> str:
    """What a conflict requires (PC-10)."""
    return {
        "recuse": _("Phải tránh"),
        "ask_recusal": _("Đề nghị tránh trước khi phát phiếu"),
        "record": _("Ghi nhận để kiểm tra"),
    }.get(value, value)


def severity(value: str) -> str:
    return {"block": _("Ngăn chặn"), "warn": _("Cảnh báo")}.get(value, value)
