"""Ports and values of the work programme (chương trình công tác); the Django app
``canbo.programme`` provides the adapters, ``tests/fakes/programme.py`` the in-memory twin."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NewType, Protocol

from canbo.core.programme import Item, ItemKind, Status
from canbo.core.types import PersonId, UnitId
from canbo.services.ports import AuditLog, Transaction, TreeReader

__all__ = ["Item", "ItemKind", "Status"]

ItemId = NewType("ItemId", int)


@dataclass(frozen=True, slots=True)
class NewItem:
    kind: ItemKind
    title: str
    owner_unit_id: UnitId
    unit_id: UnitId
    year: int
    deadline: dt.date
    lead_id: PersonId | None = None
    parent_id: ItemId | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class ProgressReport:
    item_id: ItemId
    reported_on: dt.date
    percent: int
    note: str
    status: Status


@dataclass(frozen=True, slots=True)
class DocumentData:
    id: int
    item_id: ItemId
    name: str
    media_type: str
    size: int
    sha256: str
    uploaded_on: dt.date


class ProgrammeRepository(Protocol):
    def get(self, item_id: ItemId) -> Item | None: ...

    def add(self, item: NewItem, on: dt.date) -> ItemId: ...

    def set_status(
        self, item_id: ItemId, status: Status, on: dt.date, percent: int | None
    ) -> None: ...

    def of_owners(self, unit_ids: Iterable[UnitId], year: int) -> list[Item]:
        """The items of the programmes of these units for ``year``."""
        ...

    def reports(self, item_id: ItemId) -> list[ProgressReport]:
        """The item's progress reports, oldest first."""
        ...

    def add_report(self, report: ProgressReport) -> None: ...

    def documents(self, item_id: ItemId) -> list[DocumentData]: ...

    def add_document(
        self,
        item_id: ItemId,
        name: str,
        content: bytes,
        media_type: str,
        sha256: str,
        on: dt.date,
    ) -> int:
        """Store the file in the data folder (by its SHA-256) and record it."""
        ...


class UnitTree(Protocol):
    """The tree below a unit on a date: the roll-up's shape (OR-20)."""

    def children(self, root_id: UnitId, on: dt.date) -> Mapping[int, Sequence[int]]:
        """Parent → children of every unit of the subtree of ``root_id`` valid on ``on``."""
        ...


class ProgrammeUnitOfWork(Transaction, Protocol):
    items: ProgrammeRepository
    units: UnitTree
    audit: AuditLog
    tree: TreeReader
