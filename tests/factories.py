"""Builders with memorable Vietnamese data, going through the real services (not the ORM)."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from canbo.core.registry import PersonData, UnitVersionData
from canbo.core.types import Interval, LevelClass, PersonId, Sex, UnitId, UnitKind
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.ports import SYSTEM, Actor
from canbo.services.registry import changes as svc

TODAY = dt.date(2026, 11, 28)
_codes = itertools.count(1)


def unit(
    name: str,
    kind: UnitKind,
    parent: UnitId | None = None,
    *,
    since: dt.date = dt.date(2010, 1, 1),
    until: dt.date | None = None,
    level: LevelClass | None = None,
    code: str | None = None,
    actor: Actor = SYSTEM,
) -> UnitId:
    data = UnitVersionData(
        code=code or f"U{next(_codes):06d}",
        name=name,
        kind=kind,
        valid=Interval(since, until),
        parent_id=parent,
        level_class=level,
    )
    return svc.create_unit(DjangoRegistryUnitOfWork(), actor, data)


def person(
    full_name: str,
    cell: UnitId,
    *,
    sex: Sex = Sex.MALE,
    birth: dt.date = dt.date(1980, 5, 17),
    since: dt.date = dt.date(2015, 3, 2),
    code: str | None = None,
    actor: Actor = SYSTEM,
) -> PersonId:
    data = PersonData(
        code=code or f"P{next(_codes):07d}",
        full_name=full_name,
        birth_date=birth,
        sex=sex,
        ethnicity="Kinh",
        party_admission_date=dt.date(2010, 5, 19),
        official_membership_date=dt.date(2011, 5, 19),
    )
    return svc.create_person(DjangoRegistryUnitOfWork(), actor, data, cell, since, TODAY)


@dataclass(frozen=True)
class SmallTree:
    """Tỉnh Hà Giang (to 30/06/2025) and Tỉnh Tuyên Quang (new, from 01/07/2025)."""

    central: UnitId
    ha_giang: UnitId
    tuyen_quang_old: UnitId
    tuyen_quang_new: UnitId
    commune: UnitId
    cell_a: UnitId
    cell_b: UnitId


def small_tree() -> SmallTree:
    """Two provinces before the merge, the merged one after; a commune committee with two cells
    under Hà Giang (not yet moved: tests call ``reorganize`` to move it, OR-16, OR-17)."""
    central = unit("Ban Chấp hành Trung ương", UnitKind.CENTRAL_COMMITTEE, level=LevelClass.CENTRAL)
    upto = dt.date(2025, 6, 30)
    hg = unit("Đảng bộ tỉnh Hà Giang", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central, until=upto)
    tq_old = unit(
        "Đảng bộ tỉnh Tuyên Quang", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central, until=upto
    )
    tq_new = unit(
        "Đảng bộ tỉnh Tuyên Quang",
        UnitKind.PROVINCIAL_PARTY_COMMITTEE,
        central,
        since=dt.date(2025, 7, 1),
    )
    commune = unit("Đảng bộ xã Yên Minh", UnitKind.COMMUNE_PARTY_COMMITTEE, hg)
    cell_a = unit("Chi bộ thôn Na Pô", UnitKind.CELL, commune)
    cell_b = unit("Chi bộ thôn Bản Lý", UnitKind.CELL, commune)
    return SmallTree(central, hg, tq_old, tq_new, commune, cell_a, cell_b)
