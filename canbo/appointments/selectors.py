"""Reads of the appointment rows for the neighbouring contexts' pages."""

from __future__ import annotations

from canbo.services.appointments.ports import ProcessId
from canbo.services.appointments.processes import sealed_session_ids

from . import models as m
from .repository import DjangoAppointmentRepository


def sealed_session(session_id: int) -> bool:
    """The vote session of a sealed step (the wider meeting, AP-13): its result is not shown
    until the next step of the procedure is convened. The rule is the process page's own
    (``processes.sealed_session_ids`` over ``processes.visible_outcome``)."""
    process_id = (
        m.ProcessStep.objects.filter(session_id=session_id, sealed=True)
        .values_list("process_id", flat=True)
        .first()
    )
    if process_id is None:
        return False
    rows = DjangoAppointmentRepository().steps(ProcessId(process_id))
    return session_id in sealed_session_ids(rows)
