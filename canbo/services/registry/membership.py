"""Use cases of a Party membership: admission, official recognition, transfer of Party
activity (official or temporary), exit, expulsion and death.

Each event is a dated ``PartyEventData`` row next to the person's cell history (OR-17); the
Party dates on the person change as a new identity version (OR-15). Each use case checks
access over the actor's subtree, runs the core checks (:mod:`canbo.core.records`, citing the
Party Charter), writes and audits in one transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from canbo.core import records as rec
from canbo.core import registry as core
from canbo.core import validation
from canbo.core.errors import Conflict, NotFound, ValidationError
from canbo.core.plain import plain_dict as _plain
from canbo.core.types import Interval, PersonId, UnitId
from canbo.services.access import access_unit
from canbo.services.ports import Actor
from canbo.services.registry.changes import _join, access_person, add_person, new_version
from canbo.services.registry.ports import RegistryUnitOfWork

Kind = rec.PartyEventKind


def admit_member(
    uow: RegistryUnitOfWork,
    actor: Actor,
    data: core.PersonData,
    cell_id: UnitId,
    admitted_on: dt.date,
    decision_ref: str,
    today: dt.date,
) -> PersonId:
    """Admit a new member to a cell (kết nạp): a probationary member from ``admitted_on``,
    official recognition due twelve months later (Điều lệ Đảng, Điều 1 khoản 2, Điều 5
    khoản 1). The due date is stored on the admission event, so reminders are a query."""
    data = dataclasses.replace(
        validation.clean_person(data, today),
        party_admission_date=admitted_on,
        official_membership_date=None,
    )
    event = rec.PartyEventData(
        Kind.ADMITTED, admitted_on, decision_ref, cell_id, rec.recognition_due(admitted_on)
    )
    event.check(today)
    problems = core.check_person(data, today)
    if problems:
        raise problems[0]
    rec.check_admission(data.birth_date, admitted_on, None, None)
    with uow:
        person_id = add_person(uow, actor, data, cell_id, admitted_on)
        _record(uow, actor, person_id, event)
        uow.commit()
        return person_id


def recognize_official(
    uow: RegistryUnitOfWork,
    actor: Actor,
    person_id: PersonId,
    recognized_on: dt.date,
    decision_ref: str,
    today: dt.date,
) -> None:
    """Recognize a probationary member as official (công nhận đảng viên chính thức) once the
    twelve months of probation are over (Điều lệ Đảng, Điều 5, khoản 1 và 2)."""
    event = rec.PartyEventData(Kind.RECOGNIZED, recognized_on, decision_ref)
    event.check(today)
    with uow:
        before = _member(uow, actor, person_id, recognized_on)
        rec.check_recognition(
            before.party_admission_date,
            before.official_membership_date,
            before.party_exit_date,
            recognized_on,
        )
        after = dataclasses.replace(before, official_membership_date=recognized_on)
        new_version(uow, person_id, before, after, recognized_on)
        _record(uow, actor, person_id, event)
        uow.commit()


def transfer_activity(
    uow: RegistryUnitOfWork,
    actor: Actor,
    person_id: PersonId,
    to_cell: UnitId,
    on: dt.date,
    decision_ref: str,
    today: dt.date,
    *,
    until: dt.date | None = None,
) -> None:
    """Transfer a member's Party activity to another cell (chuyển sinh hoạt đảng) from ``on``.

    Official (``until`` None): the membership in the old cell ends the day before and the new
    one starts (OR-17, one cell at a time). Temporary (``until`` given): the member stays in
    their cell and takes part in ``to_cell``'s activity up to ``until``."""
    kind = Kind.TRANSFERRED if until is None else Kind.TEMPORARY
    event = rec.PartyEventData(kind, on, decision_ref, to_cell, until)
    event.check(today)
    with uow:
        before = _member(uow, actor, person_id, on)
        rec.check_still_member(before.party_admission_date, before.party_exit_date, on)
        access_unit(actor, to_cell, uow.tree, on, write=True)
        if uow.people.current_unit(person_id, on) == to_cell:
            raise Conflict("same_cell", field="to_cell")
        if kind == Kind.TRANSFERRED:
            uow.people.end_membership(person_id, on - dt.timedelta(days=1), "transfer")
            _join(uow, person_id, to_cell, on)
        else:
            unit_kind = uow.people.unit_kind(to_cell, on)
            if unit_kind is None:
                raise NotFound("unit_not_found", unit_id=to_cell)
            stay = core.MembershipData(person_id, to_cell, Interval(on, until))
            core.check_membership(stay, [], unit_kind)
        _record(uow, actor, person_id, event)
        uow.commit()


def end_membership(
    uow: RegistryUnitOfWork,
    actor: Actor,
    person_id: PersonId,
    kind: rec.PartyEventKind,
    on: dt.date,
    decision_ref: str,
    today: dt.date,
    note: str = "",
) -> None:
    """A member leaves the roll on ``on``: exit (ra khỏi Đảng, xóa tên), expulsion (khai trừ)
    or death (từ trần). The cell membership ends that day with the kind as its reason; the
    exit date (and the death date) go into a new identity version; history stays."""
    if kind not in rec.LEAVING_KINDS:
        raise ValidationError("invalid_choice", field="kind", value=str(kind))
    event = rec.PartyEventData(kind, on, decision_ref, note=note)
    event.check(today)
    with uow:
        before = _member(uow, actor, person_id, on)
        rec.check_still_member(before.party_admission_date, before.party_exit_date, on)
        uow.people.end_membership(person_id, on, str(kind))
        died = on if kind == Kind.DIED else before.death_date
        after = dataclasses.replace(before, party_exit_date=on, death_date=died)
        new_version(uow, person_id, before, after, on)
        _record(uow, actor, person_id, event)
        uow.commit()


def end_relative(
    uow: RegistryUnitOfWork,
    actor: Actor,
    person_id: PersonId,
    record_id: int,
    ended_on: dt.date,
    today: dt.date,
) -> None:
    """Mark a declared relation ended (the relative died, or the marriage ended); the row is
    kept with its end date, so a new spouse may then be declared."""
    validation.check_date("ended_on", ended_on, today)
    with uow:
        access_person(uow, actor, person_id, today, write=True)
        if not uow.records.end_relative(person_id, record_id, ended_on):
            raise NotFound("record_not_found", record_id=record_id)
        uow.audit.append(
            actor,
            "record.relative.end",
            "relative",
            str(record_id),
            None,
            {"ended_on": ended_on.isoformat()},
            {"person_id": person_id},
        )
        uow.commit()


def _member(
    uow: RegistryUnitOfWork, actor: Actor, person_id: PersonId, on: dt.date
) -> core.PersonData:
    access_person(uow, actor, person_id, on, write=True)
    person = uow.people.get(person_id)
    if person is None:
        raise NotFound("person_not_found", person_id=person_id)
    return person


def _record(
    uow: RegistryUnitOfWork, actor: Actor, person_id: PersonId, event: rec.PartyEventData
) -> None:
    event_id = uow.records.add_event(person_id, event)
    uow.audit.append(
        actor,
        f"party.{event.kind}",
        "party_event",
        str(event_id),
        None,
        _plain(event),
        {"person_id": person_id},
    )
