"""Django adapters of the work programme ports: items, progress reports, documents in the
data folder, and the tree of the programmes' units (OR-20)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from django.conf import settings

from canbo.core.programme import EXTENSIONS, Item, ItemKind, Status
from canbo.core.types import UnitId
from canbo.db import unit_tree
from canbo.services.programme.ports import DocumentData, ItemId, NewItem, ProgressReport

from . import models

DOCUMENT_DIR = "programme"


def document_root() -> Path:
    """Where programme documents are kept: ``programme/`` in the data folder's files."""
    return Path(settings.MEDIA_ROOT) / DOCUMENT_DIR


def to_domain(row: models.ProgrammeItem) -> Item:
    return Item(
        id=row.pk,
        kind=ItemKind(row.kind),
        title=row.title,
        owner_unit_id=row.owner_unit_id,
        unit_id=row.unit_id,
        year=row.year,
        deadline=row.deadline,
        status=Status(row.status),
        lead_id=row.lead_id,
        started_on=row.started_on,
        completed_on=row.completed_on,
        percent=row.percent,
        parent_id=row.parent_id,
    )


class DjangoProgrammeRepository:
    def get(self, item_id: ItemId) -> Item | None:
        row = models.ProgrammeItem.objects.filter(pk=item_id).first()
        return None if row is None else to_domain(row)

    def add(self, item: NewItem, on: dt.date) -> ItemId:
        row = models.ProgrammeItem.objects.create(
            kind=str(item.kind),
            title=item.title,
            description=item.description,
            owner_unit_id=item.owner_unit_id,
            unit_id=item.unit_id,
            lead_id=item.lead_id,
            parent_id=item.parent_id,
            year=item.year,
            deadline=item.deadline,
            created_on=on,
        )
        return ItemId(row.pk)

    def set_status(self, item_id: ItemId, status: Status, on: dt.date, percent: int | None) -> None:
        row = models.ProgrammeItem.objects.get(pk=item_id)
        if status != Status.PLANNED and row.started_on is None:
            row.started_on = on
        if status == Status.COMPLETED:
            row.completed_on = on
        row.status = str(status)
        if percent is not None:
            row.percent = percent
        row.save(update_fields=["status", "percent", "started_on", "completed_on"])

    def of_owners(self, unit_ids: Iterable[UnitId], year: int) -> list[Item]:
        rows = models.ProgrammeItem.objects.filter(owner_unit_id__in=list(unit_ids), year=year)
        return [to_domain(r) for r in rows.order_by("id")]

    def reports(self, item_id: ItemId) -> list[ProgressReport]:
        rows = models.ProgressReport.objects.filter(item_id=item_id).order_by("reported_on", "id")
        return [
            ProgressReport(item_id, r.reported_on, r.percent, r.note, Status(r.status))
            for r in rows
        ]

    def add_report(self, report: ProgressReport) -> None:
        models.ProgressReport.objects.create(
            item_id=report.item_id,
            reported_on=report.reported_on,
            percent=report.percent,
            status=str(report.status),
            note=report.note,
        )

    def documents(self, item_id: ItemId) -> list[DocumentData]:
        rows = models.ProgrammeDocument.objects.filter(item_id=item_id).order_by("id")
        return [
            DocumentData(r.pk, item_id, r.name, r.media_type, r.size, r.sha256, r.uploaded_on)
            for r in rows
        ]

    def add_document(
        self,
        item_id: ItemId,
        name: str,
        content: bytes,
        media_type: str,
        sha256: str,
        on: dt.date,
    ) -> int:
        relative = f"{DOCUMENT_DIR}/{int(item_id)}/{sha256}.{EXTENSIONS[media_type]}"
        target = Path(settings.MEDIA_ROOT) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.write_bytes(content)
        row = models.ProgrammeDocument.objects.create(
            item_id=item_id,
            name=name,
            path=relative,
            media_type=media_type,
            size=len(content),
            sha256=sha256,
            uploaded_on=on,
        )
        return int(row.pk)


class DjangoUnitTree:
    """The part of the tree that carries programmes: the chain from the root down to each
    unit of the subtree that owns a programme that year (a few ancestor queries, not the
    whole subtree of a province)."""

    def __init__(self, year: int | None = None) -> None:
        self.year = year

    def children(self, root_id: UnitId, on: dt.date) -> Mapping[int, Sequence[int]]:
        owners = models.ProgrammeItem.objects.all()
        if self.year is not None:
            owners = owners.filter(year=self.year)
        found: dict[int, list[int]] = {}
        for owner in set(owners.values_list("owner_unit_id", flat=True)):
            chain = unit_tree.ancestors(owner, on)
            if int(root_id) not in chain:
                continue
            down = list(reversed(chain[: chain.index(root_id) + 1]))
            for parent, child in itertools.pairwise(down):
                kids = found.setdefault(int(parent), [])
                if int(child) not in kids:
                    kids.append(int(child))
        return found
