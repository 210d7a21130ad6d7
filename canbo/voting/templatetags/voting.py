"""Template helpers of the vote pages: QR codes as inline SVG, grouped codes, levels."""

from __future__ import annotations

from collections.abc import Mapping

import segno
from django import template
from django.conf import settings
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from canbo.services.voting.voter_codes import grouped

register = template.Library()


@register.simple_tag
def qr_svg(text: str, scale: int = 4) -> SafeString:
    """An inline SVG QR code (no network, no image file): the text is escaped by segno."""
    svg = segno.make(text, error="m").svg_inline(scale=scale, dark="#111")
    return mark_safe(svg)  # noqa: S308 - segno builds the markup from the encoded matrix


@register.simple_tag(takes_context=True)
def voter_url(context: Mapping[str, object], path: str, code: str = "") -> str:
    """The full address of a voter page as a phone opens it: the configured public address
    (``CANBO_PUBLIC_URL``, set by ``canbo serve --host 0.0.0.0``), else this request's."""
    query = f"?ma={code}" if code else ""
    public = getattr(settings, "CANBO_PUBLIC_URL", "")
    if public:
        return f"{public}{path}{query}"
    request = context.get("request")
    if isinstance(request, HttpRequest):
        return request.build_absolute_uri(path) + query
    return path + query


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
        "kept": _("Giữ lại"),
        "agree": _("Đồng ý"),
        "disagree": _("Không đồng ý"),
    }.get(level, level)


@register.filter
def get(mapping: Mapping[object, object], key: object) -> object:
    """``mapping[key]``, trying the key as given and then as text (readings key by person id)."""
    if not isinstance(mapping, Mapping):
        return ""
    return mapping[key] if key in mapping else mapping.get(str(key), "")
