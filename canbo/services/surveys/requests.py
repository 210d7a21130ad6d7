"""Report requests: send a form to the units of a kind in the requester's subtree, remind the
units that have not submitted, and load a request for its requester."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from canbo.core.errors import NotFound, ValidationError
from canbo.core.permissions import Action
from canbo.core.surveys.progress import AssignmentStatus, status
from canbo.core.types import UnitId
from canbo.services import access
from canbo.services.ports import Actor

from .forms import cite
from .ports import AssignmentId, FormId, NewRequest, RequestId, StoredRequest, SurveyUnitOfWork

MAX_TITLE = 255


def require_unit_on(uow: SurveyUnitOfWork, unit_id: UnitId, on: dt.date) -> None:
    """Refuse a unit that did not exist on the report's date (OR-19)."""
    if not uow.units.is_valid_on(unit_id, on):
        raise ValidationError(
            "survey_unit_not_on_date", citation=cite("OR-19"), unit_id=unit_id, date=on
        )


def send_request(
    uow: SurveyUnitOfWork,
    actor: Actor,
    *,
    form_id: FormId,
    requester_id: UnitId,
    target_kind: str,
    deadline: dt.date,
    title: str,
    note: str = "",
    now: dt.datetime,
    today: dt.date,
) -> RequestId:
    """Send a form to every unit of ``target_kind`` in the requester's subtree as of today
    (SV-02, OR-19), to be answered by ``deadline``. One audit entry names the units reached."""
    title = title.strip()
    with uow:
        access.access_unit(actor, requester_id, uow.tree, uow.units.life_day(requester_id, today))
        require_unit_on(uow, requester_id, today)
        access.require(actor, Action.REQUEST_REPORTS, requester_id, uow.tree, today)
        form = uow.surveys.get_form(form_id)
        if form is None:
            raise NotFound("survey_form_not_found", form_id=form_id)
        if not title or len(title) > MAX_TITLE:
            raise ValidationError("survey_title_invalid", field="title")
        if deadline < today:
            raise ValidationError("survey_deadline_past", field="deadline", deadline=deadline)
        targets = uow.units.targets(requester_id, target_kind, today)
        if not targets:
            raise ValidationError("survey_no_targets", citation=cite("SV-02"), field="target_kind")
        new = NewRequest(
            form_id,
            requester_id,
            title,
            note.strip(),
            target_kind,
            today,
            deadline,
            now,
            actor.account_id,
        )
        request_id = uow.surveys.add_request(new, targets)
        uow.audit.append(
            actor,
            "survey.request_send",
            "survey_request",
            str(request_id),
            None,
            {
                "form": f"{form.spec.code} v{form.spec.version}",
                "requester_id": requester_id,
                "target_kind": target_kind,
                "deadline": deadline.isoformat(),
                "units": len(targets),
            },
        )
        uow.commit()
    return request_id


def load_request(
    uow: SurveyUnitOfWork, actor: Actor, request_id: RequestId, *, write: bool = False
) -> StoredRequest:
    """The request, for an actor who reads its requester (NotFound otherwise); ``write``
    also asks the right to send requests from that unit."""
    with uow:
        found = uow.surveys.get_request(request_id)
        if found is None:
            raise NotFound("survey_request_not_found", request_id=request_id)
        try:
            access.access_unit(actor, found.requester_id, uow.tree, found.as_of)
        except NotFound as exc:
            raise NotFound("survey_request_not_found", request_id=request_id) from exc
        if write:
            access.require(actor, Action.REQUEST_REPORTS, found.requester_id, uow.tree, found.as_of)
    return found


def remind(
    uow: SurveyUnitOfWork,
    actor: Actor,
    request_id: RequestId,
    *,
    now: dt.datetime,
    today: dt.date,
    assignment_ids: Sequence[AssignmentId] | None = None,
    note: str = "",
) -> int:
    """Remind the units that have not submitted (all, or those named); each reminder is
    recorded, shown to the unit and audited. Returns how many were sent."""
    request = load_request(uow, actor, request_id, write=True)
    wanted = set(assignment_ids) if assignment_ids is not None else None
    sent = 0
    with uow:
        for item in uow.surveys.open_assignments(request_id):
            if wanted is not None and item.id not in wanted:
                continue
            uow.surveys.add_reminder(item.id, now, actor.account_id, actor.label, note[:500])
            state = status(request.deadline, None, item.has_draft, today)
            uow.audit.append(
                actor,
                "survey.remind",
                "survey_assignment",
                str(item.id),
                None,
                {"unit_id": item.unit_id, "status": str(state), "note": note[:500]},
            )
            sent += 1
        uow.commit()
    return sent


__all__ = [
    "AssignmentStatus",
    "load_request",
    "receive_request",
    "remind",
    "require_unit_on",
    "send_request",
]


def receive_request(
    uow: SurveyUnitOfWork,
    actor: Actor,
    *,
    origin_key: str,
    form_id: FormId,
    requester_id: UnitId,
    target_kind: str,
    as_of: dt.date,
    deadline: dt.date,
    title: str,
    note: str = "",
    now: dt.datetime,
) -> tuple[RequestId, bool]:
    """A request sent down by the level above's installation (a signed bundle): assigned to the
    units of its kind in the requester's subtree here, as of its date (SV-02, OR-19). Received
    once: the same ``origin_key`` again changes nothing. Returns the request and whether it
    was new."""
    with uow:
        found = uow.surveys.request_by_origin(origin_key)
        if found is not None:
            return found, False
        require_unit_on(uow, requester_id, as_of)
        targets = uow.units.targets(requester_id, target_kind, as_of)
        new = NewRequest(
            form_id,
            requester_id,
            title.strip()[:MAX_TITLE],
            note,
            target_kind,
            as_of,
            deadline,
            now,
            actor.account_id,
            origin_key,
        )
        request_id = uow.surveys.add_request(new, targets)
        uow.audit.append(
            actor,
            "survey.request_receive",
            "survey_request",
            str(request_id),
            None,
            {"origin_key": origin_key, "units": len(targets), "deadline": deadline.isoformat()},
        )
        uow.commit()
    return request_id, True
