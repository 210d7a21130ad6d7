"""Registry use cases: units, their versions and lineage; people and their cell membership.

Each use case checks access, runs the core checks, persists through the unit of work and
appends one audit entry per write, all in one transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from canbo.core import registry as core
from canbo.core import validation
from canbo.core.errors import Conflict, NotFound, ValidationError
from canbo.core.plain import plain_dict as _plain
from canbo.core.types import Interval, PersonId, Share, UnitId
from canbo.services.access import access_unit, require_admin
from canbo.services.ports import Actor
from canbo.services.registry.ports import RegistryUnitOfWork


def create_unit(uow: RegistryUnitOfWork, actor: Actor, data: core.UnitVersionData) -> UnitId:
    """Create a unit with its first version under a parent the actor may write (OR-15).

    The fields pass the same rules as a units file (:func:`canbo.core.validation.clean_unit`).
    """
    data = validation.clean_unit(data)
    with uow:
        if uow.units.id_for_code(data.code) is not None:
            raise Conflict("duplicate_code", field="code", value=data.code)
        if data.parent_id is None:
            require_admin(actor)
        else:
            access_unit(actor, data.parent_id, uow.tree, data.valid.valid_from, write=True)
        unit_id = uow.units.add(data)
        uow.audit.append(actor, "unit.create", "unit", str(unit_id), None, _plain(data))
        uow.commit()
        return unit_id


def change_unit(
    uow: RegistryUnitOfWork, actor: Actor, unit_id: UnitId, data: core.UnitVersionData
) -> None:
    """Record a change (rename, new parent, new kind) from ``data.valid.valid_from`` on.

    The version valid the day before is closed on that day; history is kept (OR-15, OR-18).
    A new parent is refused if it lies inside the unit's own subtree (no cycles).
    """
    data = validation.clean_unit(data)
    start = data.valid.valid_from
    with uow:
        access_unit(actor, unit_id, uow.tree, start, write=True)
        before = uow.units.get_version(unit_id, start)
        if before is None:
            raise NotFound("unit_not_found", unit_id=unit_id)
        if before.valid.valid_from == start:
            # Two versions may not start on the same day: history would become ambiguous.
            raise Conflict("version_same_day", field="valid_from", value=start.isoformat())
        if data.parent_id is not None:
            access_unit(actor, data.parent_id, uow.tree, start, write=True)
            core.check_parent(unit_id, uow.tree.ancestors(data.parent_id, start), data.parent_id)
        uow.units.close_version(unit_id, start - dt.timedelta(days=1))
        uow.units.add_version(unit_id, data)
        uow.audit.append(actor, "unit.change", "unit", str(unit_id), _plain(before), _plain(data))
        uow.commit()


def reorganize(
    uow: RegistryUnitOfWork,
    actor: Actor,
    *,
    kind: str,
    date: dt.date,
    legal_basis: str,
    predecessors: Sequence[UnitId],
    successors: Sequence[UnitId],
    shares: dict[tuple[UnitId, UnitId], Share] | None = None,
) -> int:
    """Record a lineage event (OR-16): predecessors end the day before ``date``.

    Successors must already exist (created with ``create_unit`` from ``date``). For a merge
    each predecessor is linked WHOLE to the successor unless ``shares`` says PART (OR-14).
    With a single successor, the predecessors' children are transferred to it on ``date``
    (a transfer re-parents units, never people: OR-17); splits move children explicitly
    with :func:`change_unit`.
    """
    if not legal_basis.strip():
        raise ValidationError("legal_basis_required", field="legal_basis")
    legal_basis = validation.check_text("legal_basis", legal_basis, 255)
    validation.check_date("date", date, date, future=True)
    with uow:
        # Predecessors are checked on their last day, successors on their first: a new
        # successor does not exist yet the day before.
        for unit_id in predecessors:
            access_unit(actor, unit_id, uow.tree, date - dt.timedelta(days=1), write=True)
        for unit_id in successors:
            access_unit(actor, unit_id, uow.tree, date, write=True)
        links = [
            (p, s, str((shares or {}).get((p, s), Share.WHOLE)))
            for p in predecessors
            for s in successors
        ]
        event_id = uow.units.add_lineage(kind, date, legal_basis, links)
        if len(successors) == 1:
            _move_children(uow, predecessors, successors[0], date, legal_basis)
        for unit_id in predecessors:
            if unit_id not in successors:
                uow.units.end_unit(unit_id, date - dt.timedelta(days=1))
        uow.audit.append(
            actor,
            "unit.reorganize",
            "lineage",
            str(event_id),
            None,
            {"kind": kind, "date": date.isoformat(), "links": [list(x) for x in links]},
        )
        uow.commit()
        return event_id


def _move_children(
    uow: RegistryUnitOfWork,
    predecessors: Sequence[UnitId],
    successor: UnitId,
    date: dt.date,
    legal_basis: str,
) -> None:
    eve = date - dt.timedelta(days=1)
    for pred in predecessors:
        if pred == successor:
            continue
        for child in uow.units.children(pred, eve):
            if child.unit_id is None:
                continue
            uow.units.close_version(child.unit_id, eve)
            moved = dataclasses.replace(
                child,
                parent_id=successor,
                valid=Interval(date, child.valid.valid_to),
                legal_basis=legal_basis,
            )
            uow.units.add_version(child.unit_id, moved)


def create_person(
    uow: RegistryUnitOfWork,
    actor: Actor,
    data: core.PersonData,
    cell_id: UnitId,
    since: dt.date,
    today: dt.date,
) -> PersonId:
    """Create a person's record with their current cell membership (OR-17).

    The fields pass the same rules as a people file (:func:`canbo.core.validation.clean_person`).
    """
    data = validation.clean_person(data, today)
    validation.check_date("since", since, today, future=True)
    problems = core.check_person(data, today)
    if problems:
        raise problems[0]
    with uow:
        person_id = add_person(uow, actor, data, cell_id, since)
        uow.commit()
        return person_id


def add_person(
    uow: RegistryUnitOfWork, actor: Actor, data: core.PersonData, cell_id: UnitId, since: dt.date
) -> PersonId:
    """Inside an open unit of work: store a checked person in the cell from ``since``, with the
    first version of their identity (from birth) and one audit entry."""
    access_unit(actor, cell_id, uow.tree, since, write=True)
    if uow.people.id_for_code(data.code) is not None:
        raise Conflict("duplicate_code", field="code", value=data.code)
    person_id = uow.people.add(data)
    uow.people.add_version(person_id, data, data.birth_date)
    _join(uow, person_id, cell_id, since)
    uow.audit.append(actor, "person.create", "person", str(person_id), None, _plain(data))
    return person_id


def update_person(
    uow: RegistryUnitOfWork,
    actor: Actor,
    person_id: PersonId,
    data: core.PersonData,
    today: dt.date,
    since: dt.date | None = None,
) -> None:
    """Record a person's identity or Party dates as a new version from ``since`` (default
    today): the open version is closed the day before, never overwritten (OR-15), and the
    audit entry keeps before and after."""
    data = validation.clean_person(data, today)
    problems = core.check_person(data, today)
    if problems:
        raise problems[0]
    since = since or today
    validation.check_date("since", since, today)
    with uow:
        access_person(uow, actor, person_id, today, write=True)
        before = uow.people.get(person_id)
        holder = uow.people.id_for_code(data.code)
        if holder is not None and holder != person_id:
            raise Conflict("duplicate_code", field="code", value=data.code)
        if before is not None:
            new_version(uow, person_id, before, data, since)
        uow.audit.append(
            actor, "person.update", "person", str(person_id), _plain(before), _plain(data)
        )
        uow.commit()


def new_version(
    uow: RegistryUnitOfWork,
    person_id: PersonId,
    before: core.PersonData,
    after: core.PersonData,
    since: dt.date,
) -> None:
    """Store ``after`` as the person's identity from ``since`` (OR-15). A person stored
    without versions (an import) gets ``before`` as the version up to then. A version may
    not start before the open one (history is not rewritten); one starting the same day is a
    correction of that version (the audit entry keeps what it replaced)."""
    start = uow.people.version_start(person_id)
    if start is None:
        start = min(before.birth_date, since - dt.timedelta(days=1))
        uow.people.add_version(person_id, before, start)
    if since < start:
        raise Conflict("version_before_current", field="since", value=start.isoformat())
    uow.people.update(person_id, after)
    uow.people.add_version(person_id, after, since)


def transfer_person(
    uow: RegistryUnitOfWork, actor: Actor, person_id: PersonId, to_cell: UnitId, on: dt.date
) -> None:
    """Move a member to another cell from ``on`` (sinh hoạt đảng chuyển đến); history kept."""
    with uow:
        access_person(uow, actor, person_id, on, write=True)
        access_unit(actor, to_cell, uow.tree, on, write=True)
        uow.people.end_membership(person_id, on - dt.timedelta(days=1), "transfer")
        _join(uow, person_id, to_cell, on)
        uow.audit.append(
            actor,
            "person.transfer",
            "person",
            str(person_id),
            None,
            {"to_unit": to_cell, "on": on.isoformat()},
        )
        uow.commit()


def _join(uow: RegistryUnitOfWork, person_id: PersonId, cell_id: UnitId, since: dt.date) -> None:
    """Inside an open unit of work: the person's membership of ``cell_id`` from ``since``."""
    kind = uow.people.unit_kind(cell_id, since)
    if kind is None:
        raise NotFound("unit_not_found", unit_id=cell_id)
    new = core.MembershipData(person_id, cell_id, Interval(since))
    others = [m.valid for m in uow.people.memberships(person_id)]
    core.check_membership(new, others, kind)
    uow.people.add_membership(new)


def access_person(
    uow: RegistryUnitOfWork,
    actor: Actor,
    person_id: PersonId,
    as_of: dt.date,
    *,
    write: bool = False,
) -> PersonId:
    """A person is reachable through the cell they belong to as of the date (or last cell)."""
    unit_id = uow.people.current_unit(person_id, as_of)
    if unit_id is None:
        raise NotFound("person_not_found", person_id=person_id)
    try:
        access_unit(actor, unit_id, uow.tree, as_of, write=write)
    except NotFound:
        raise NotFound("person_not_found", person_id=person_id) from None
    return person_id
