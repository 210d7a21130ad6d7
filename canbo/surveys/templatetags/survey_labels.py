"""Labels of the stored values of report requests (never a raw value on a page)."""

from __future__ import annotations

from django import template

from canbo.surveys import choices

register = template.Library()


def _label(choices_class: type, value: object) -> str:
    try:
        return str(choices_class(str(value)).label)
    except ValueError:
        return ""


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
    from canbo.web.templatetags.canbo import vn_number

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
