"""Template helpers of the vote pages: QR codes as inline SVG, grouped codes, levels."""

from __future__ import annotations

from collections.abc import Mapping

import segno
from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from canbo.services.voting.voter_codes import grouped

register = template.Library()


@register.simple_tag
def qr_svg(text: str, scale: int = 4) -> SafeString:
    """An inline SVG QR code (no network, no image file): the text is escaped by segno."""
    svg = segno.make(text, error="m").svg_inline(scale=scale, dark="#111")
    return mark_safe(svg)  # noqa: S308 - segno builds the markup from the encoded matrix


@register.filter
def code_groups(code: str) -> str:
    return grouped(code)


@register.filter
def level_label(level: str) -> str:
    return {
        "high": _("Tín nhiệm cao"),
        "mid": _("Tín nhiệm"),
        "low": _("Tín nhiệm thấp"),
        "none": _("Không đánh dấu"),
        "several": _("Đánh dấu nhiều mức"),
        "struck": _("Gạch tên"),
    }.get(level, level)


@register.filter
def get(mapping: Mapping[object, object], key: object) -> object:
    """``mapping[key]``, trying the key as given and then as text (readings key by person id)."""
    if not isinstance(mapping, Mapping):
        return ""
    return mapping[key] if key in mapping else mapping.get(str(key), "")
