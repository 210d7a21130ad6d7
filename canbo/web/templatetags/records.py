"""Template tags of the clerk's record forms: the membership events and the forms a person or
unit page offers the signed-in actor (only the forms their roles allow)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

from canbo.accounts.actors import actor_for
from canbo.core.clock import SystemClock
from canbo.registry.choices import PartyEventKind

from .. import record_selectors as sel

register = template.Library()


@register.inclusion_tag("web/_person_desk.html", takes_context=True)
def person_desk(context: dict[str, Any], person_id: int) -> dict[str, Any]:
    """The Party membership events of the person and, to a writer, the record forms."""
    request = context["request"]
    desk = sel.person_desk(actor_for(request.user), person_id, SystemClock().today())
    return {"desk": desk, "request": request}


@register.inclusion_tag("web/_unit_desk.html", takes_context=True)
def unit_desk(context: dict[str, Any], unit_id: int) -> dict[str, Any]:
    """The forms a unit page offers a writer of the unit: members of a cell, unit changes."""
    request = context["request"]
    desk = sel.unit_desk(actor_for(request.user), unit_id, SystemClock().today())
    return {"desk": desk, "request": request}


@register.filter
def end_reason(value: str) -> str:
    """Why a cell membership ended, as words: a transfer or the membership event that ended
    it (the stored value is a machine word; free text from older data is shown as is)."""
    if not value:
        return "—"
    if value == "transfer":
        return _("Chuyển sinh hoạt đảng")
    try:
        return str(PartyEventKind(value).label)
    except ValueError:
        return value
