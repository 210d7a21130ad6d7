"""Use cases of the personal history form (sơ yếu lý lịch): entries and the photo.

Each write checks the value (:mod:`canbo.core.personal_history`), the actor's right to write
the person's cell (subtree scope), and is audited in the same transaction. Entries are never
updated: one that no longer holds is ended on a day. A photo is checked by its size and first
bytes here, and decoded by the adapter that stores it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Protocol

from canbo.core import personal_history as ph
from canbo.core.errors import NotFound
from canbo.core.plain import plain_dict
from canbo.core.types import PersonId
from canbo.services.ports import Actor
from canbo.services.registry.changes import access_person
from canbo.services.registry.ports import RegistryUnitOfWork


class HistoryRepository(Protocol):
    def add(self, person_id: PersonId, data: ph.HistoryItemData) -> int: ...

    def get(self, person_id: PersonId, item_id: int) -> ph.HistoryItemData | None:
        """An entry of that person not yet ended, else None."""
        ...

    def end(self, person_id: PersonId, item_id: int, ended_on: dt.date) -> None: ...

    def add_photo(
        self, person_id: PersonId, content: bytes, media_type: str, sha256: str, day: dt.date
    ) -> int:
        """Store the file in the data folder and its row; refuses what does not decode."""
        ...


class PersonalHistoryUnitOfWork(RegistryUnitOfWork, Protocol):
    @property
    def history(self) -> HistoryRepository: ...


def add_item(
    uow: PersonalHistoryUnitOfWork,
    actor: Actor,
    person_id: PersonId,
    data: ph.HistoryItemData,
    today: dt.date,
) -> int:
    """Add an entry to a person's personal history form."""
    data.check(today)
    with uow:
        access_person(uow, actor, person_id, today, write=True)
        item_id = uow.history.add(person_id, data)
        uow.audit.append(
            actor,
            f"history.{data.kind}.add",
            "history_item",
            str(item_id),
            None,
            plain_dict(data),
            {"person_id": person_id},
        )
        uow.commit()
        return item_id


def end_item(
    uow: PersonalHistoryUnitOfWork,
    actor: Actor,
    person_id: PersonId,
    item_id: int,
    ended_on: dt.date,
    today: dt.date,
) -> None:
    """End an entry that no longer holds (a level superseded, a certificate expired)."""
    with uow:
        access_person(uow, actor, person_id, today, write=True)
        item = uow.history.get(person_id, item_id)
        if item is None:
            raise NotFound("record_not_found", record_id=item_id)
        ph.check_ended(item, ended_on, today)
        uow.history.end(person_id, item_id, ended_on)
        uow.audit.append(
            actor,
            f"history.{item.kind}.end",
            "history_item",
            str(item_id),
            None,
            {"ended_on": ended_on.isoformat()},
            {"person_id": person_id},
        )
        uow.commit()


def add_photo(
    uow: PersonalHistoryUnitOfWork,
    actor: Actor,
    person_id: PersonId,
    content: bytes,
    today: dt.date,
) -> int:
    """Keep a new photo of the person (JPEG or PNG, at most 2 MB); earlier ones stay."""
    media_type = ph.photo_type(content[:16], len(content))
    digest = hashlib.sha256(content).hexdigest()
    with uow:
        access_person(uow, actor, person_id, today, write=True)
        photo_id = uow.history.add_photo(person_id, content, media_type, digest, today)
        uow.audit.append(
            actor,
            "history.photo.add",
            "person_photo",
            str(photo_id),
            None,
            {"media_type": media_type, "size": len(content), "sha256": digest},
            {"person_id": person_id},
        )
        uow.commit()
        return photo_id
