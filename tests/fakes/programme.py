"""In-memory unit of work of the work programme; it type-checks as
:class:`canbo.services.programme.ports.ProgrammeUnitOfWork`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from canbo.core.programme import Item, Status
from canbo.core.types import UnitId
from canbo.services.programme.ports import DocumentData, ItemId, NewItem, ProgressReport

from .classification import FakeTree
from .kernel import FakeAuditLog, FakeTransaction


class FakeProgrammeRepository:
    def __init__(self) -> None:
        self.items: dict[ItemId, Item] = {}
        self.progress: list[ProgressReport] = []
        self.files: list[tuple[DocumentData, bytes]] = []

    def get(self, item_id: ItemId) -> Item | None:
        return self.items.get(item_id)

    def add(self, item: NewItem, on: dt.date) -> ItemId:
        item_id = ItemId(len(self.items) + 1)
        self.items[item_id] = Item(
            item_id,
            item.kind,
            item.title,
            item.owner_unit_id,
            item.unit_id,
            item.year,
            item.deadline,
            Status.PLANNED,
            item.lead_id,
            parent_id=item.parent_id,
        )
        return item_id

    def set_status(self, item_id: ItemId, status: Status, on: dt.date, percent: int | None) -> None:
        item = self.items[item_id]
        self.items[item_id] = dataclasses.replace(
            item,
            status=status,
            started_on=item.started_on or (on if status != Status.PLANNED else None),
            completed_on=on if status == Status.COMPLETED else item.completed_on,
            percent=item.percent if percent is None else percent,
        )

    def of_owners(self, unit_ids: Iterable[UnitId], year: int) -> list[Item]:
        owners = set(unit_ids)
        return [i for i in self.items.values() if i.owner_unit_id in owners and i.year == year]

    def reports(self, item_id: ItemId) -> list[ProgressReport]:
        return [r for r in self.progress if r.item_id == item_id]

    def add_report(self, report: ProgressReport) -> None:
        self.progress.append(report)

    def documents(self, item_id: ItemId) -> list[DocumentData]:
        return [d for d, _ in self.files if d.item_id == item_id]

    def add_document(
        self,
        item_id: ItemId,
        name: str,
        content: bytes,
        media_type: str,
        sha256: str,
        on: dt.date,
    ) -> int:
        document_id = len(self.files) + 1
        data = DocumentData(document_id, item_id, name, media_type, len(content), sha256, on)
        self.files.append((data, content))
        return document_id


class FakeUnitTree:
    def __init__(self, parents: Mapping[UnitId, UnitId | None]) -> None:
        self.parents = dict(parents)

    def children(self, root_id: UnitId, on: dt.date) -> Mapping[int, Sequence[int]]:
        found: dict[int, list[int]] = {}
        todo = [int(root_id)]
        while todo:
            unit = todo.pop()
            kids = sorted(int(u) for u, p in self.parents.items() if p == unit)
            if kids:
                found[unit] = kids
                todo.extend(kids)
        return found


class FakeProgrammeUnitOfWork(FakeTransaction):
    def __init__(self, parents: Mapping[UnitId, UnitId | None]) -> None:
        super().__init__()
        self.items = FakeProgrammeRepository()
        self.units = FakeUnitTree(parents)
        self.tree = FakeTree(parents)
        self.audit = FakeAuditLog()

    def _repositories(self) -> list[object]:
        return [self.items, self.audit]
