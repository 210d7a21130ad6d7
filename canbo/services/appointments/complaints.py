"""Complaints and denunciations (đơn thư) about a person in cadre work (AP-19, PC-06).

The clerk records each complaint against the person it concerns, with the day it was received
and whether it is anonymous or named; it stays ``open`` until it is ``resolved`` or
``referred`` to the competent body (the receiving body and the date are then required). Every
record and every change of status is one audit entry: covering up or not handling a
denunciation is a named misconduct (PC-06), so the trail is the proof that it was handled.

An open named complaint blocks the next step of the person's planning or appointment (the core
check ``complaints``, AP-19, read through the planning facts assembler). An anonymous complaint
follows ``pc_anonymous_complaints`` (PC-06) of the power-control rulebook in force on the day:
by default it is recorded and routed but does not block (``record_and_route_no_block``);
``block_like_named`` makes it block like a named one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from canbo.core.errors import Citation, DomainError, NotFound, ValidationError
from canbo.core.power.rulebooks import power_rulebook
from canbo.core.types import READ_ROLES, WRITE_ROLES, PersonId, UnitId
from canbo.services.access import can_reach
from canbo.services.appointments.ports import ComplaintStatus
from canbo.services.ports import Actor, AuditLog, Transaction, TreeReader

AP19 = Citation("QĐ 377-QĐ/TW", rule_id="AP-19")
PC06 = Citation("QĐ 114-QĐ/TW", rule_id="PC-06")
BLOCK_LIKE_NAMED = "block_like_named"
MAX_NOTE = 2000
MAX_BODY = 255


@dataclass(frozen=True, slots=True)
class ComplaintData:
    person_id: PersonId
    received_on: dt.date
    anonymous: bool = False
    status: ComplaintStatus = ComplaintStatus.OPEN
    referred_to: str = ""
    closed_on: dt.date | None = None
    note: str = ""
    complaint_id: int | None = None


class ComplaintRepository(Protocol):
    def add(self, data: ComplaintData) -> int: ...

    def get(self, complaint_id: int, *, lock: bool = False) -> ComplaintData | None: ...

    def update(self, data: ComplaintData) -> None: ...

    def recent(self, limit: int) -> list[ComplaintData]:
        """The latest complaints, newest received first."""
        ...

    def person_unit(self, person_id: PersonId, on: dt.date) -> UnitId | None:
        """The unit the person belongs to on the day (the scope of the complaint)."""
        ...

    def person_names(self, person_ids: Sequence[int]) -> dict[int, str]: ...


class ComplaintsUnitOfWork(Transaction, Protocol):
    @property
    def complaints(self) -> ComplaintRepository: ...

    @property
    def tree(self) -> TreeReader: ...

    @property
    def audit(self) -> AuditLog: ...


def anonymous_blocks(on: dt.date) -> bool:
    """Whether an anonymous complaint blocks on the day (``pc_anonymous_complaints``, PC-06)."""
    try:
        value = power_rulebook(on).param("pc_anonymous_complaints")
    except (DomainError, KeyError):  # before the power-control rulebooks
        return False
    return str(value) == BLOCK_LIKE_NAMED


def blocks(data: ComplaintData, on: dt.date) -> bool:
    """The complaint holds the person's next step on the day (AP-19, PC-06): received by then,
    not resolved or referred by then, and named (or anonymous where the rulebook says so)."""
    if data.received_on > on:
        return False
    still_open = data.status is ComplaintStatus.OPEN or (
        data.closed_on is not None and data.closed_on > on
    )
    return still_open and (not data.anonymous or anonymous_blocks(on))


def _scope(
    uow: ComplaintsUnitOfWork, actor: Actor, person_id: PersonId, on: dt.date, *, write: bool
) -> None:
    unit = uow.complaints.person_unit(person_id, on)
    roles = WRITE_ROLES if write else READ_ROLES
    if unit is None or not can_reach(actor, unit, uow.tree, on, roles):
        raise NotFound("person_not_found", field="person", person_id=int(person_id))


def record_complaint(
    uow: ComplaintsUnitOfWork, actor: Actor, data: ComplaintData, today: dt.date
) -> int:
    """Record a complaint received about a person of the actor's scope; it starts open (PC-06).
    One audit entry ``appointment.complaint``."""
    note = data.note.strip()
    if data.received_on > today:
        raise ValidationError("complaint_received_in_future", field="received_on", citation=PC06)
    if len(note) > MAX_NOTE:
        raise ValidationError("complaint_note_too_long", field="note", limit=MAX_NOTE)
    with uow:
        _scope(uow, actor, data.person_id, today, write=True)
        row = replace(data, note=note, status=ComplaintStatus.OPEN, referred_to="", closed_on=None)
        complaint_id = uow.complaints.add(row)
        uow.audit.append(
            actor,
            "appointment.complaint",
            "complaint",
            str(complaint_id),
            None,
            {
                "person": int(data.person_id),
                "received_on": data.received_on.isoformat(),
                "anonymous": data.anonymous,
                "status": str(ComplaintStatus.OPEN),
            },
            {"blocks": blocks(row, today)},
        )
        uow.commit()
    return complaint_id


def change_status(
    uow: ComplaintsUnitOfWork,
    actor: Actor,
    complaint_id: int,
    status: ComplaintStatus,
    on: dt.date,
    today: dt.date,
    *,
    referred_to: str = "",
) -> None:
    """Resolve a complaint, refer it to the competent body (its name and the date required) or
    open it again; one audit entry ``appointment.complaint.status`` with the before and after."""
    referred_to = referred_to.strip()
    if status is ComplaintStatus.REFERRED and not referred_to:
        raise ValidationError("complaint_referred_to_required", field="referred_to", citation=PC06)
    if len(referred_to) > MAX_BODY:
        raise ValidationError("complaint_referred_to_required", field="referred_to")
    if on > today:
        raise ValidationError("complaint_date_in_future", field="on", citation=PC06)
    with uow:
        data = uow.complaints.get(complaint_id, lock=True)
        unit = uow.complaints.person_unit(data.person_id, today) if data else None
        if (
            data is None or unit is None or not can_reach(actor, unit, uow.tree, today, WRITE_ROLES)
        ):  # out of scope answers like a missing complaint
            raise NotFound("complaint_not_found", complaint_id=complaint_id)
        if on < data.received_on:
            raise ValidationError("complaint_closed_before_received", field="on", citation=PC06)
        if status is data.status and status is ComplaintStatus.OPEN:
            uow.commit()
            return
        after = replace(
            data,
            status=status,
            referred_to=referred_to if status is ComplaintStatus.REFERRED else "",
            closed_on=None if status is ComplaintStatus.OPEN else on,
        )
        uow.complaints.update(after)
        uow.audit.append(
            actor,
            "appointment.complaint.status",
            "complaint",
            str(complaint_id),
            _state(data),
            _state(after),
            {"person": int(data.person_id)},
        )
        uow.commit()


def _state(data: ComplaintData) -> dict[str, object]:
    return {
        "status": str(data.status),
        "referred_to": data.referred_to,
        "closed_on": data.closed_on.isoformat() if data.closed_on else None,
    }


@dataclass(frozen=True, slots=True)
class ComplaintRow:
    data: ComplaintData
    name: str
    blocks: bool


def visible(
    uow: ComplaintsUnitOfWork, actor: Actor, today: dt.date, *, limit: int = 300
) -> list[ComplaintRow]:
    """The latest complaints about persons of the actor's scope, with whether each blocks."""
    with uow:
        rows = uow.complaints.recent(limit)
        units: dict[PersonId, UnitId | None] = {}
        reach: dict[UnitId, bool] = {}
        mine = []
        for r in rows:
            if r.person_id not in units:
                units[r.person_id] = uow.complaints.person_unit(r.person_id, today)
            unit = units[r.person_id]
            if unit is None:
                continue
            if unit not in reach:
                reach[unit] = can_reach(actor, unit, uow.tree, today, READ_ROLES)
            if reach[unit]:
                mine.append(r)
        names = uow.complaints.person_names([int(r.person_id) for r in mine])
    return [ComplaintRow(r, names.get(int(r.person_id), ""), blocks(r, today)) for r in mine]


def blocking(rows: Iterable[ComplaintData], on: dt.date) -> list[ComplaintData]:
    return [r for r in rows if blocks(r, on)]
