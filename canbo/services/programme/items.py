"""Use cases of the work programme: add projects and tasks, move their status, report
progress, attach documents (WP-01 to WP-04). Each checks the actor's scope over the
programme's unit (``MANAGE_PROGRAMME``), asks the core, writes through the unit of work and
appends one audit entry per change."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from typing import Any

from canbo.core import programme as rules
from canbo.core.errors import NotFound, ValidationError
from canbo.core.permissions import Action
from canbo.core.types import UnitId
from canbo.services.access import access_unit, require
from canbo.services.ports import Actor

from .ports import Item, ItemId, ItemKind, NewItem, ProgrammeUnitOfWork, ProgressReport, Status


def _after(item: Item) -> dict[str, Any]:
    return {
        "kind": str(item.kind),
        "title": item.title,
        "unit_id": item.unit_id,
        "year": item.year,
        "deadline": item.deadline.isoformat(),
        "status": str(item.status),
        "percent": item.percent,
    }


def _reload(uow: ProgrammeUnitOfWork, item_id: ItemId) -> Item:
    item = uow.items.get(item_id)
    if item is None:  # pragma: no cover - written in this transaction
        raise NotFound("programme_item_not_found", item_id=item_id)
    return item


def load_item(uow: ProgrammeUnitOfWork, actor: Actor, item_id: ItemId, on: dt.date) -> Item:
    """The item, if the actor may read its programme's unit (NotFound alike otherwise)."""
    item = uow.items.get(item_id)
    if item is None:
        raise NotFound("programme_item_not_found", item_id=item_id)
    access_unit(actor, UnitId(item.owner_unit_id), uow.tree, on)
    return item


def _may_manage(uow: ProgrammeUnitOfWork, actor: Actor, unit_id: int, on: dt.date) -> None:
    access_unit(actor, UnitId(unit_id), uow.tree, on, write=True)
    require(actor, Action.MANAGE_PROGRAMME, UnitId(unit_id), uow.tree, on)


def create_item(uow: ProgrammeUnitOfWork, actor: Actor, new: NewItem, today: dt.date) -> ItemId:
    """WP-01: a project or task of ``new.owner_unit_id``'s programme for ``new.year``, given
    to a responsible unit of its subtree (on the day it is entered)."""
    _may_manage(uow, actor, new.owner_unit_id, today)
    rules.check_new(new.kind, new.title, new.year, new.deadline)
    if new.owner_unit_id not in uow.tree.ancestors(new.unit_id, today):
        raise ValidationError("programme_unit_outside", field="unit", citation=rules.cite("WP-01"))
    with uow:
        if new.parent_id is not None:
            parent = uow.items.get(new.parent_id)
            if (
                parent is None
                or parent.kind != ItemKind.PROJECT
                or parent.owner_unit_id != new.owner_unit_id
                or parent.year != new.year
            ):
                raise ValidationError(
                    "programme_parent_invalid", field="parent", citation=rules.cite("WP-01")
                )
        item_id = uow.items.add(dataclasses.replace(new, title=new.title.strip()), today)
        item = _reload(uow, item_id)
        uow.audit.append(
            actor, "programme.create", "programme_item", str(item_id), None, _after(item)
        )
        uow.commit()
    return item_id


def change_status(
    uow: ProgrammeUnitOfWork,
    actor: Actor,
    item_id: ItemId,
    target: Status,
    on: dt.date,
    note: str = "",
) -> Item:
    """WP-02: move the status; completing records a 100% progress report on ``on`` (WP-04)."""
    with uow:
        item = load_item(uow, actor, item_id, on)
        _may_manage(uow, actor, item.owner_unit_id, on)
        rules.move(item.status, target)
        last = uow.items.reports(item_id)
        if last and on < last[-1].reported_on:
            raise ValidationError(
                "programme_report_before_last",
                field="reported_on",
                last=last[-1].reported_on.strftime("%d/%m/%Y"),
                citation=rules.cite("WP-04"),
            )
        percent = 100 if target == Status.COMPLETED else None
        uow.items.set_status(item_id, target, on, percent)
        uow.items.add_report(
            ProgressReport(
                item_id, on, percent if percent is not None else item.percent, note, target
            )
        )
        after = _reload(uow, item_id)
        uow.audit.append(
            actor, "programme.status", "programme_item", str(item_id), _after(item), _after(after)
        )
        uow.commit()
    return after


def report_progress(
    uow: ProgrammeUnitOfWork,
    actor: Actor,
    item_id: ItemId,
    on: dt.date,
    percent: int,
    note: str = "",
) -> Item:
    """WP-04: a dated progress report (0..99%, never back); a planned item starts with it."""
    with uow:
        item = load_item(uow, actor, item_id, on)
        _may_manage(uow, actor, item.owner_unit_id, on)
        reports = uow.items.reports(item_id)
        rules.check_progress(item, percent, on, reports[-1].reported_on if reports else None)
        status = Status.IN_PROGRESS
        uow.items.set_status(item_id, status, on, percent)
        uow.items.add_report(ProgressReport(item_id, on, percent, note.strip(), status))
        after = _reload(uow, item_id)
        uow.audit.append(
            actor,
            "programme.progress",
            "programme_item",
            str(item_id),
            _after(item),
            _after(after),
            {"reported_on": on.isoformat(), "note": note.strip()},
        )
        uow.commit()
    return after


def attach_document(
    uow: ProgrammeUnitOfWork,
    actor: Actor,
    item_id: ItemId,
    name: str,
    content: bytes,
    declared_type: str,
    on: dt.date,
) -> int:
    """A document of the item (PDF, DOCX, XLSX, ODT; at most 20 MiB), kept in the data
    folder under its SHA-256 (as person photos are); the audit entry names its hash."""
    media_type = rules.document_type(content[:8], len(content), declared_type)
    clean = name.strip().replace("/", "_").replace("\\", "_")[:200] or "tai-lieu"
    digest = hashlib.sha256(content).hexdigest()
    with uow:
        item = load_item(uow, actor, item_id, on)
        _may_manage(uow, actor, item.owner_unit_id, on)
        document_id = uow.items.add_document(item_id, clean, content, media_type, digest, on)
        uow.audit.append(
            actor,
            "programme.document",
            "programme_item",
            str(item_id),
            None,
            {"document": clean, "sha256": digest, "size": len(content)},
        )
        uow.commit()
    return document_id
