"""Words of the bundle pages: a kind, a relation, a direction and a receipt's status."""

from __future__ import annotations

import json

from django import template

from canbo.bundles import choices

register = template.Library()


@register.filter
def bundle_kind(value: object) -> str:
    return choices.kind_label(str(value))


@register.filter
def installation_relation(value: object) -> str:
    try:
        return str(choices.Relation(str(value)).label)
    except ValueError:
        return str(value)


@register.filter
def receipt_status(value: object) -> str:
    try:
        return str(choices.ReceiptStatus(str(value)).label)
    except ValueError:
        return str(value)


@register.filter
def bundle_direction(value: object) -> str:
    try:
        return str(choices.Direction(str(value)).label)
    except ValueError:
        return str(value)


@register.filter
def get_item(mapping: object, key: object) -> object:
    """``names|get_item:unit_id``: a unit's name from the page's name table."""
    return mapping.get(key, "") if isinstance(mapping, dict) else ""


@register.filter
def pretty_json(value: object) -> str:
    """A record's stored payload as indented JSON (machine data, shown as is)."""
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True, default=str)
