"""Downward kind ``unit_tree``: the units of the sender's subtree with every dated version and
the reorganizations that link them (handbook OR-14 to OR-18).

Export: every unit in the scope unit's subtree on the period's start or end, the units linked
to them by a lineage event (predecessors and successors), and the units their versions hang
under (so a new installation can root the tree); each unit with all its versions, parents by
code; and each lineage event touching those units with its links by code. A record's
``code`` is the unit's own; its ``unit`` (what the receiver checks against the sender's
subtree) is the unit itself when it lies in the scope's subtree on the period's end, else
the scope unit.

Apply (idempotent upsert by unit code, through the registry's own use cases): an unknown code
is created with ``create_unit`` and its later versions added with ``change_unit``; a known
unit gets only the versions it lacks after its newest one (a version on a day it already has
must say the same, or the bundle is refused: history is never rewritten, OR-15); a unit the
sender has ended is ended on the same day; a lineage event is added once (same kind, date and
links). Every write appends its audit entry as the bundle's receipt (``bundle:<id>``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from django.db.models import Q

from canbo.core.citations.documents import DESIGN
from canbo.core.errors import Citation, Conflict, ValidationError
from canbo.core.registry import UnitVersionData
from canbo.core.types import Interval, LevelClass, UnitId, UnitKind
from canbo.db.unit_tree import subtree_ids
from canbo.registry import models as reg
from canbo.registry.constants import FOREVER
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.bundles.ports import Direction
from canbo.services.ports import Actor
from canbo.services.registry import changes

from . import register
from ._common import bundle_actor, chunks, unit_codes

OR14 = Citation(DESIGN, rule_id="OR-14")
OR15 = Citation(DESIGN, rule_id="OR-15")
VERSION_FIELDS = ("name", "short_name", "kind", "level_class", "parent", "admin_code")


def _end(day: dt.date) -> str | None:
    return None if day == FOREVER else day.isoformat()


def _closure(root: int, start: dt.date, end: dt.date) -> set[int]:
    units: set[int] = {int(u) for u in subtree_ids(root, end) + subtree_ids(root, start)}
    linked = reg.LineageLink.objects.filter(
        Q(predecessor_id__in=units) | Q(successor_id__in=units)
    ).values_list("predecessor_id", "successor_id")
    for pred, succ in linked:
        units.update((pred, succ))
    frontier = set(units)
    while frontier:  # the parents every version hangs under, up to the root of the tree
        parents: set[int] = set()
        for part in chunks(sorted(frontier)):
            parents.update(
                reg.UnitVersion.objects.filter(unit_id__in=part, parent__isnull=False)
                .values_list("parent_id", flat=True)
                .distinct()
            )
        frontier = parents - units
        units |= frontier
    return units


def _unit_records(ids: list[int], filed: dict[str, str]) -> Iterator[dict[str, Any]]:
    codes = dict(reg.OrgUnit.objects.filter(pk__in=ids).values_list("pk", "code"))
    versions: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for part in chunks(ids):
        for v in reg.UnitVersion.objects.filter(unit_id__in=part).order_by("valid_from", "pk"):
            versions[v.unit_id].append(
                {
                    "name": v.name,
                    "short_name": v.short_name,
                    "kind": v.kind,
                    "level_class": v.level_class,
                    "parent": codes.get(v.parent_id) if v.parent_id else None,
                    "admin_code": v.admin_code,
                    "legal_basis": v.legal_basis,
                    "valid_from": v.valid_from.isoformat(),
                    "valid_to": _end(v.valid_to),
                }
            )
    for unit in reg.OrgUnit.objects.filter(pk__in=ids).order_by("code"):
        yield {
            "unit": filed.get(unit.code, filed[""]),
            "key": f"unit/{unit.code}",
            "code": unit.code,
            "record": "unit",
            "pillar": unit.pillar,
            "valid_from": unit.valid_from.isoformat(),
            "valid_to": _end(unit.valid_to),
            "versions": versions[unit.pk],
        }


def _lineage_records(ids: set[int], filed: dict[str, str]) -> Iterator[dict[str, Any]]:
    codes = dict(reg.OrgUnit.objects.filter(pk__in=ids).values_list("pk", "code"))
    links: dict[int, list[list[str]]] = defaultdict(list)
    rows = reg.LineageLink.objects.filter(predecessor_id__in=ids, successor_id__in=ids)
    for link in rows.order_by("pk"):
        links[link.event_id].append(
            [codes[link.predecessor_id], codes[link.successor_id], link.share]
        )
    for event in reg.LineageEvent.objects.filter(pk__in=links).order_by("date", "pk"):
        these = sorted(links[event.pk])
        yield {
            "unit": filed.get(these[0][1], filed[""]),
            "key": f"lineage/{event.date.isoformat()}/{event.kind}/"
            + ";".join(f"{p}>{s}" for p, s, _share in these),
            "record": "lineage",
            "lineage_kind": event.kind,
            "date": event.date.isoformat(),
            "legal_basis": event.legal_basis,
            "note": event.note,
            "links": these,
        }


def _filed(scope: int, end: dt.date) -> dict[str, str]:
    """The unit each record is filed under: the unit itself when it lies in the scope's
    subtree on the period's end (what the receiver checks), else the scope unit (a unit above
    the scope or a predecessor that ended before, carried so the tree can be rooted); the
    scope's code is under the empty key."""
    inside = unit_codes(subtree_ids(scope, end))
    filed = {c: c for c in inside.values()}
    filed[""] = inside[scope]
    return filed


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _parents_first(units: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Units ordered so that every parent named in the bundle comes before its children."""
    by_code = {u["code"]: u for u in units}
    done: set[str] = set()
    out: list[dict[str, Any]] = []

    def visit(code: str, depth: int) -> None:
        if code in done or code not in by_code or depth > 64:
            return
        done.add(code)
        for version in by_code[code]["versions"]:
            if version["parent"]:
                visit(version["parent"], depth + 1)
        out.append(by_code[code])

    for code in sorted(by_code):
        visit(code, 0)
    return out


class UnitTree:
    kind = "unit_tree"
    direction = Direction.DOWN
    schema_version = 1

    def export(
        self, scope_unit_id: int, period_start: dt.date, period_end: dt.date
    ) -> Iterator[dict[str, Any]]:
        ids = _closure(scope_unit_id, period_start, period_end)
        yield from _unit_records(sorted(ids), _filed(scope_unit_id, period_end))
        yield from _lineage_records(ids, _filed(scope_unit_id, period_end))

    def apply(self, records: Sequence[dict[str, Any]], receipt_id: int) -> int:
        actor = bundle_actor(receipt_id)
        uow = DjangoRegistryUnitOfWork()
        changed = 0
        with uow:
            units = [r for r in records if r.get("record") == "unit"]
            for record in _parents_first(units):
                changed += _apply_unit(uow, actor, record)
            for record in records:
                if record.get("record") == "lineage":
                    changed += _apply_lineage(uow, actor, record)
            uow.commit()
        return changed


def _version(uow: DjangoRegistryUnitOfWork, code: str, v: dict[str, Any]) -> UnitVersionData:
    parent = None
    if v["parent"]:
        parent = uow.units.id_for_code(v["parent"])
        if parent is None:
            raise ValidationError(
                "bundle_parent_unknown",
                citation=OR14,
                field="parent",
                unit=code,
                parent=v["parent"],
            )
    return UnitVersionData(
        code=code,
        name=v["name"],
        kind=UnitKind(v["kind"]),
        valid=Interval(dt.date.fromisoformat(v["valid_from"]), None),
        parent_id=parent,
        level_class=LevelClass(v["level_class"]) if v["level_class"] else None,
        short_name=v.get("short_name", ""),
        admin_code=v.get("admin_code", ""),
        legal_basis=v.get("legal_basis", ""),
    )


def _same(mine: reg.UnitVersion, theirs: dict[str, Any]) -> bool:
    parent = None
    if mine.parent_id is not None:
        parent = reg.OrgUnit.objects.values_list("code", flat=True).get(pk=mine.parent_id)
    have = {
        "name": mine.name,
        "short_name": mine.short_name,
        "kind": mine.kind,
        "level_class": mine.level_class,
        "parent": parent,
        "admin_code": mine.admin_code,
    }
    return all(
        have[f] == (theirs.get(f) or ("" if f != "parent" else None)) for f in VERSION_FIELDS
    )


def _apply_unit(uow: DjangoRegistryUnitOfWork, actor: Actor, record: dict[str, Any]) -> int:
    code = record["code"]
    versions = sorted(record["versions"], key=lambda v: v["valid_from"])
    if not versions:
        return 0
    changed = 0
    unit_id = uow.units.id_for_code(code)
    if unit_id is None:
        unit_id = changes.create_unit(uow, actor, _version(uow, code, versions[0]))
        changed += 1
    mine = {v.valid_from.isoformat(): v for v in reg.UnitVersion.objects.filter(unit_id=unit_id)}
    newest = max(mine)
    for v in versions:
        start = v["valid_from"]
        if start in mine:
            if not _same(mine[start], v):
                raise Conflict(
                    "bundle_unit_history_differs",
                    citation=OR15,
                    field="unit",
                    unit=code,
                    date=start,
                )
            continue
        if start < newest:
            raise Conflict(
                "bundle_unit_history_differs", citation=OR15, field="unit", unit=code, date=start
            )
        changes.change_unit(uow, actor, unit_id, _version(uow, code, v))
        newest = start
        changed += 1
    return changed + _end_unit(uow, actor, unit_id, code, _date(record.get("valid_to")))


def _end_unit(
    uow: DjangoRegistryUnitOfWork, actor: Actor, unit_id: UnitId, code: str, last: dt.date | None
) -> int:
    """The unit ended on the sender's side (merged, dissolved): end it here on the same day."""
    if last is None:
        return 0
    current = reg.OrgUnit.objects.values_list("valid_to", flat=True).get(pk=unit_id)
    if current <= last:
        return 0
    uow.units.end_unit(unit_id, last)
    uow.audit.append(
        actor, "unit.end", "unit", str(unit_id), None, {"code": code, "last_day": last.isoformat()}
    )
    return 1


def _apply_lineage(uow: DjangoRegistryUnitOfWork, actor: Actor, record: dict[str, Any]) -> int:
    day = dt.date.fromisoformat(record["date"])
    links = []
    for pred, succ, share in record["links"]:
        p, s = uow.units.id_for_code(pred), uow.units.id_for_code(succ)
        if p is None or s is None:
            raise ValidationError(
                "bundle_parent_unknown", citation=OR14, field="links", unit=succ, parent=pred
            )
        links.append((p, s, str(share)))
    wanted = {(p, s) for p, s, _share in links}
    events = reg.LineageEvent.objects.filter(date=day, kind=record["lineage_kind"])
    for event in events:
        have = set(event.links.values_list("predecessor_id", "successor_id"))
        if have == wanted:
            return 0
    event_id = uow.units.add_lineage(record["lineage_kind"], day, record["legal_basis"], links)
    uow.audit.append(
        actor,
        "unit.reorganize",
        "lineage",
        str(event_id),
        None,
        {"kind": record["lineage_kind"], "date": record["date"], "links": record["links"]},
    )
    return 1


CODEC = register(UnitTree())
