"""Labels of the stored values of report requests (never a raw value on a page)."""

from __future__ import annotations

import functools

from django import template
from django.utils.translation import get_language

from canbo.surveys import choices

register = template.Library()


@functools.lru_cache(maxsize=64)
def _labels(choices_class: type, language: str) -> dict[str, str]:
    """Every label of ``choices_class`` in ``language``, read once (a page lists thousands)."""
    return {str(value): str(label) for value, label in choices_class.choices}  # type: ignore[attr-defined]


def _label(choices_class: type, value: object) -> str:
    return _labels(choices_class, get_language() or "vi").get(str(value), "")


@register.filter
def survey_status(value: object) -> str:
    return _label(choices.AssignmentStatus, value)


@register.filter
def survey_target(value: object) -> str:
    return _label(choices.TargetKind, value)


@register.filter
def survey_source(value: object) -> str:
    return _label(choices.Source, value)


@register.filter
def field_kind(value: object) -> str:
    return _label(choices.FieldKind, value)


@register.filter
def answer_text(value: object, spec: object = None) -> str:
    """A stored answer as read: option labels for choices, numbers the Vietnamese way."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return "; ".join(answer_text(v, spec) for v in value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return vn_number(value, 0 if float(value).is_integer() else 2)
    option_label = getattr(spec, "option_label", None)
    return str(option_label(value)) if option_label else str(value)


def vn_number(value: float | int, decimals: int = 0) -> str:
    """1.234.567 and 45,3 in Vietnamese, 1,234,567 and 45.3 in English (as the pages do)."""
    text = f"{float(value):,.{decimals}f}" if decimals else f"{round(value):,}"
    if (get_language() or "vi").startswith("en"):
        return text
    return text.translate(str.maketrans(",.", ".,"))
