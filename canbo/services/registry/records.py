"""Use cases for the dated items of a person's record; each write is checked and audited."""

from __future__ import annotations

import datetime as dt

from canbo.core.errors import NotFound
from canbo.core.plain import plain_dict as _plain
from canbo.core.records import RecordData, RelativeData, TermData, check_spouses
from canbo.core.types import PersonId
from canbo.services.access import access_unit
from canbo.services.ports import Actor
from canbo.services.registry.changes import access_person
from canbo.services.registry.ports import RegistryUnitOfWork


def add_record(
    uow: RegistryUnitOfWork, actor: Actor, person_id: PersonId, data: RecordData, today: dt.date
) -> int:
    """Add a position, discipline, leave, retirement notice or relative to a person's record.

    The actor must be able to write the person's cell (subtree scope); a relative linked to
    another person must be visible to the actor too; at most one living spouse is declared at
    a time (:func:`canbo.core.records.check_spouses`).
    """
    data.check(today)
    kind = type(data).__name__.removesuffix("Data").lower()
    with uow:
        access_person(uow, actor, person_id, today, write=True)
        unit_id = getattr(data, "unit_id", None)
        if unit_id is not None:
            access_unit(actor, unit_id, uow.tree, today, write=False)
        linked = getattr(data, "linked_person_id", None)
        if linked is not None:
            access_person(uow, actor, linked, today)
        if isinstance(data, RelativeData):
            check_spouses(data, uow.records.relatives(person_id))
        record_id = uow.records.add(person_id, data)
        uow.audit.append(
            actor,
            f"record.{kind}.add",
            kind,
            str(record_id),
            None,
            _plain(data),
            {"person_id": person_id},
        )
        uow.commit()
        return record_id


def end_position(
    uow: RegistryUnitOfWork, actor: Actor, person_id: PersonId, record_id: int, last_day: dt.date
) -> None:
    """End a post held on ``last_day`` (thôi giữ chức vụ, miễn nhiệm, hết nhiệm kỳ)."""
    with uow:
        access_person(uow, actor, person_id, last_day, write=True)
        if not uow.records.end_position(person_id, record_id, last_day):
            raise NotFound("record_not_found", record_id=record_id)
        uow.audit.append(
            actor,
            "record.position.end",
            "position",
            str(record_id),
            None,
            {"last_day": last_day.isoformat()},
        )
        uow.commit()


def add_term(uow: RegistryUnitOfWork, actor: Actor, data: TermData, today: dt.date) -> int:
    """Record a term of office of a unit's committee or elected body."""
    data.check(today)
    with uow:
        access_unit(actor, data.unit_id, uow.tree, data.starts, write=True)
        term_id = uow.records.add_term(data)
        uow.audit.append(actor, "term.add", "term", str(term_id), None, _plain(data))
        uow.commit()
        return term_id
