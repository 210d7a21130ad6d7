"""Template filters of the web shell: dates and numbers in Vietnamese style, open-ended
validity, citations."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from canbo.core.citations import lookup
from canbo.registry.constants import FOREVER

register = template.Library()


@register.filter
def vn_date(value: dt.date | None) -> str:
    """dd/mm/yyyy, the official form; an empty date stays empty."""
    return value.strftime("%d/%m/%Y") if value else ""


@register.filter
def until(value: dt.date | None) -> str:
    """The end of a validity interval; open-ended (FOREVER or None) reads "now"."""
    if value is None or value == FOREVER:
        return _("nay")
    return vn_date(value)


@register.filter
def cite(rule_id: str, document: str = "") -> str:
    """A handbook rule ID as a person reads it: "QĐ 124-QĐ/TW, Điều 12" (the citation table).

    ``document`` picks the rule's provision in that document; an unknown ID renders empty, so
    that a page never shows a bare ID.
    """
    found = lookup(rule_id, document or None)
    return found.text if found is not None else ""


@register.filter
def rule_statement(rule_id: str) -> str:
    """The rule's one-sentence statement, for a tooltip next to its citation."""
    found = lookup(rule_id)
    return found.statement if found is not None else ""


@register.filter
def vn_number(value: float | int | None, decimals: int = 0) -> str:
    """A number grouped by thousands in the page's language: 1.234.567 and 45,3 in
    Vietnamese, 1,234,567 and 45.3 in English; empty for None."""
    if value is None:
        return ""
    text = f"{float(value):,.{decimals}f}" if decimals else f"{round(value):,}"
    if (get_language() or "vi").startswith("en"):
        return text
    return text.translate(str.maketrans(",.", ".,"))
