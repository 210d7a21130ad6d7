"""The planning side of a certified confidence result (PL-10): registered with the voting app's
certification hooks (``canbo.voting.certifications``) from :class:`PlanningConfig.ready`, run in
the certification's transaction. The people whose certified line is band B or C get the
mandatory removal task of each plan they are in (``canbo.services.planning.confidence``)."""

from __future__ import annotations

from typing import cast

from canbo.accounts.actors import actor_for
from canbo.core.clock import SystemClock
from canbo.core.types import PersonId
from canbo.services.planning.confidence import record_confidence_tasks
from canbo.services.planning.ports import PlanningUnitOfWork
from canbo.services.ports import SYSTEM
from canbo.voting import models as voting

REMOVING_BANDS = ("B", "C")  # QĐ 96: a result in band B or C removes from higher planning


def on_certified(session_id: int, number: int) -> None:
    """Record the removal tasks the certified version ``number`` of ``session_id`` calls for,
    as the committee member whose signature certified it."""
    people = list(
        voting.ResultLine.objects.filter(
            version__session_id=session_id, version__number=number, band__in=REMOVING_BANDS
        ).values_list("person_id", flat=True)
    )
    if not people:
        return
    from canbo.planning.uow import DjangoPlanningUnitOfWork

    held_on = (
        voting.VoteSession.objects.filter(pk=session_id)
        .values_list("conference__held_on", flat=True)
        .first()
    )
    today = SystemClock().today()
    on = max(today, held_on) if held_on else today
    last = (
        voting.Signoff.objects.filter(version__session_id=session_id, version__number=number)
        .select_related("user")
        .order_by("-pk")
        .first()
    )
    actor = actor_for(last.user, on) if last is not None else SYSTEM
    record_confidence_tasks(
        cast(PlanningUnitOfWork, DjangoPlanningUnitOfWork()),
        actor,
        [PersonId(p) for p in people],
        on,
        session_id=session_id,
        version=number,
    )
