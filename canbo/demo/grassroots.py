"""Grassroots Party organizations and their cells (OR-06, OR-07) for the demo tree.

A grassroots organization is either a grassroots committee (đảng bộ cơ sở) with cells under it,
or a grassroots cell (chi bộ cơ sở) whose members belong to it directly. Members always belong to
a member-holding unit: a cell (chi bộ) or a grassroots cell.
"""

from __future__ import annotations

import datetime as dt
import random

from canbo.core.types import LevelClass, UnitKind

from .catalog import DEPARTMENTS, EPOCH
from .scales import AGENCY_COMMITTEE_SHARE, CELLS_PER_AGENCY_COMMITTEE
from .tree import CellPlan, Post, TreeBuilder

CELL_TERM_START = dt.date(2022, 6, 1)
"""Cells hold a congress twice in a five-year term (OR-07, EL-31); the demo's cell secretaries
start in the mid-term congress of 2022."""


def cell_slots(rng: random.Random, unit_id: int, with_deputy: bool) -> list[list[Post]]:
    """The secretary (and maybe a deputy) of a cell, elected at the cell congress."""
    start = CELL_TERM_START + dt.timedelta(days=rng.randrange(120))
    slots = [[Post("BT_CB", unit_id, start)]]
    if with_deputy:
        slots.append([Post("PBT_CB", unit_id, start)])
    return slots


def village_cell(
    b: TreeBuilder,
    rng: random.Random,
    name: str,
    parent: int,
    province: str,
    hometown: str,
) -> CellPlan:
    """A residential cell (chi bộ thôn, tổ dân phố) under a commune committee."""
    unit_id = b.unit(name, UnitKind.CELL, parent, EPOCH, level=LevelClass.CELL)
    plan = CellPlan(unit_id, "village", province, hometown)
    plan.slots = cell_slots(rng, unit_id, rng.random() < 0.5)
    return b.cell(plan)


def grassroots(
    b: TreeBuilder,
    rng: random.Random,
    org_name: str,
    parent: int,
    province: str,
    hometown: str,
    *,
    head_title: str = "THU_TRUONG",
) -> tuple[int, list[CellPlan]]:
    """An agency, school or enterprise grassroots organization; returns its id and cells.

    Committees (``AGENCY_COMMITTEE_SHARE``) get 3 to 5 cells named after departments; the
    head of the organization and the committee secretary are members of its first cell.
    """
    if rng.random() < AGENCY_COMMITTEE_SHARE:
        org = b.unit(
            f"Đảng bộ {org_name}",
            UnitKind.GRASSROOTS_COMMITTEE,
            parent,
            EPOCH,
            level=LevelClass.GRASSROOTS,
            short_name=f"Đảng ủy {org_name}",
        )
        count = rng.randint(*CELLS_PER_AGENCY_COMMITTEE)
        cells = []
        for dept in rng.sample(DEPARTMENTS, count):
            unit_id = b.unit(f"Chi bộ {dept}", UnitKind.CELL, org, EPOCH, level=LevelClass.CELL)
            plan = CellPlan(unit_id, "agency", province, hometown)
            plan.slots = cell_slots(rng, unit_id, rng.random() < 0.3)
            plan.slots.append([Post("TP", unit_id, _appointed(rng), how="appointed")])
            cells.append(b.cell(plan))
        first = cells[0]
        first.slots.insert(0, [Post("BT_DUCS", org, _congress(rng))])
        first.slots.insert(1, [Post(head_title, org, _appointed(rng), how="appointed")])
        return org, cells
    org = b.unit(
        f"Chi bộ {org_name}",
        UnitKind.GRASSROOTS_CELL,
        parent,
        EPOCH,
        level=LevelClass.GRASSROOTS,
        short_name=f"Chi bộ {org_name}",
    )
    plan = CellPlan(org, "grassroots", province, hometown)
    plan.slots = [
        [Post("BT_CBCS", org, _congress(rng))],
        [Post(head_title, org, _appointed(rng), how="appointed")],
    ]
    return org, [b.cell(plan)]


def _congress(rng: random.Random) -> dt.date:
    return dt.date(2020, 5, 1) + dt.timedelta(days=rng.randrange(150))


def _appointed(rng: random.Random) -> dt.date:
    return dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(3000))
