"""The person page's "Sơ yếu lý lịch" section: entries, photo, print buttons and, to a writer
of the person's cell, the forms."""

from __future__ import annotations

from typing import Any

from django import template

from canbo.accounts.actors import actor_for
from canbo.core.clock import SystemClock
from canbo.web import history_selectors as hsel

register = template.Library()


@register.inclusion_tag("web/_personal_history.html", takes_context=True)
def personal_history(context: dict[str, Any], person_id: int) -> dict[str, Any]:
    request = context["request"]
    found = hsel.section(actor_for(request.user), person_id, SystemClock().today())
    return {"history": found, "person": context.get("p"), "request": request}


@register.filter
def level_text(item: Any) -> str:
    """A level as words (a coded level's label, else the text typed)."""
    return hsel.level_text(item)
