"""Reads of the appointment rows for the neighbouring contexts' pages."""

from __future__ import annotations

from . import choices
from . import models as m


def sealed_session(session_id: int) -> bool:
    """The vote session of a sealed step (the wider meeting, AP-13): its result is not shown
    until the next step of the procedure is convened (``processes.visible_outcome`` says the
    same for the process page)."""
    step = m.ProcessStep.objects.filter(session_id=session_id, sealed=True).first()
    if step is None:
        return False
    later = m.ProcessStep.objects.filter(process_id=step.process_id, order__gt=step.order)
    following = later.order_by("order").values_list("status", flat=True).first()
    return following is None or following == choices.StepStatus.PENDING
