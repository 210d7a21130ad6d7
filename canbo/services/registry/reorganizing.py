"""Merges and splits as one step each: the new units, the lineage event and the children's
new parents in one transaction (OR-16, OR-17), built on the lineage services of
:mod:`canbo.services.registry.changes`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from canbo.core import registry as core
from canbo.core.errors import NotFound, ValidationError
from canbo.core.types import Interval, LineageKind, Share, UnitId
from canbo.services.ports import Actor
from canbo.services.registry.changes import change_unit, create_unit, reorganize
from canbo.services.registry.ports import RegistryUnitOfWork


def merge_units(
    uow: RegistryUnitOfWork,
    actor: Actor,
    units: Sequence[UnitId],
    successor: core.UnitVersionData,
    legal_basis: str,
) -> UnitId:
    """Merge ``units`` into a new unit from ``successor.valid.valid_from`` (hợp nhất, OR-16):
    the predecessors end the day before, their children move to the new unit and people
    keep their cells (OR-17)."""
    if len(set(units)) < 2:
        raise ValidationError("merge_needs_two", field="others")
    with uow:
        new = create_unit(uow, actor, successor)
        reorganize(
            uow,
            actor,
            kind=LineageKind.MERGE,
            date=successor.valid.valid_from,
            legal_basis=legal_basis,
            predecessors=list(dict.fromkeys(units)),
            successors=[new],
        )
        uow.commit()
        return new


def split_unit(
    uow: RegistryUnitOfWork,
    actor: Actor,
    unit_id: UnitId,
    successors: Sequence[core.UnitVersionData],
    children_to: Mapping[UnitId, int],
    legal_basis: str,
) -> list[UnitId]:
    """Split a unit into ``successors`` (chia tách, OR-16) from their common start: each
    successor is linked PART, each child moves to the successor ``children_to`` names (the
    first by default), and the unit ends the day before."""
    date = successors[0].valid.valid_from
    with uow:
        current = uow.units.get_version(unit_id, date - dt.timedelta(days=1))
        if current is None:
            raise NotFound("unit_not_found", unit_id=unit_id)
        new = [create_unit(uow, actor, s) for s in successors]
        for child in uow.units.children(unit_id, date - dt.timedelta(days=1)):
            if child.unit_id is None:
                continue
            target = new[children_to.get(child.unit_id, 0)]
            moved = dataclasses.replace(
                child,
                parent_id=target,
                valid=Interval(date, child.valid.valid_to),
                legal_basis=legal_basis,
            )
            change_unit(uow, actor, child.unit_id, moved)
        reorganize(
            uow,
            actor,
            kind=LineageKind.SPLIT,
            date=date,
            legal_basis=legal_basis,
            predecessors=[unit_id],
            successors=new,
            shares={(unit_id, s): Share.PART for s in new},
        )
        uow.commit()
        return new
