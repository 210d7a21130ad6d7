"""Reading the work programme: a unit's items with their computed flags (WP-03), the
year-end summary ("21 trên 21 đề án hoàn thành", WP-05) and the roll-up per level over the
tree valid on the summary's date (OR-20)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from canbo.core import programme as rules
from canbo.core.types import UnitId
from canbo.services.access import access_unit
from canbo.services.ports import Actor

from .ports import Item, ItemKind, ProgrammeUnitOfWork


@dataclass(frozen=True, slots=True)
class Line:
    """An item of the programme with what is computed about it on the day."""

    item: Item
    flags: rules.Flags


@dataclass(frozen=True, slots=True)
class ProgrammeView:
    unit_id: UnitId
    year: int
    as_of: dt.date
    lines: tuple[Line, ...]
    summary: rules.YearSummary
    rollup: tuple[rules.RollupRow, ...]


def _subtree_items(
    uow: ProgrammeUnitOfWork, unit_id: UnitId, year: int, on: dt.date
) -> tuple[dict[int, list[int]], list[Item]]:
    children = {k: list(v) for k, v in uow.units.children(unit_id, on).items()}
    units = {int(unit_id)} | {c for kids in children.values() for c in kids}
    return children, uow.items.of_owners([UnitId(u) for u in units], year)


def programme(
    uow: ProgrammeUnitOfWork, actor: Actor, unit_id: UnitId, year: int, today: dt.date
) -> ProgrammeView:
    """The programme of ``unit_id`` for ``year`` as the actor may read it: its items
    (projects, then their tasks) flagged on the summary date, the summary and the roll-up of
    the subtree's programmes per level."""
    on = rules.summary_date(year, today)
    access_unit(actor, unit_id, uow.tree, on)
    children, items = _subtree_items(uow, unit_id, year, on)
    mine = [i for i in items if i.owner_unit_id == unit_id]
    projects = sorted(
        (i for i in mine if i.kind == ItemKind.PROJECT), key=lambda i: (i.deadline, i.id)
    )
    tasks = [i for i in mine if i.kind == ItemKind.TASK]
    ordered: list[Item] = []
    for project in projects:
        ordered.append(project)
        ordered.extend(sorted((t for t in tasks if t.parent_id == project.id), key=lambda t: t.id))
    ordered.extend(t for t in tasks if t.parent_id is None)
    lines = tuple(Line(i, rules.flags(i, on)) for i in ordered)
    summary = rules.summarize(int(unit_id), year, items, today)
    rollup = tuple(rules.rollup(int(unit_id), children, items, on))
    return ProgrammeView(unit_id, year, on, lines, summary, rollup)


def year_summary(
    uow: ProgrammeUnitOfWork, actor: Actor, unit_id: UnitId, year: int, today: dt.date
) -> rules.YearSummary:
    """WP-05: the year-end summary of the unit's programme (and its subtree's projects)."""
    on = rules.summary_date(year, today)
    access_unit(actor, unit_id, uow.tree, on)
    _children, items = _subtree_items(uow, unit_id, year, on)
    return rules.summarize(int(unit_id), year, items, today)
