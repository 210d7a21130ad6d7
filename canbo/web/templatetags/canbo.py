"""Template filters of the web shell: dates in Vietnamese style, open-ended validity."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils.translation import gettext as _

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
