"""A small organization tree built through the registry's use cases on the in-memory fakes:
Hà Giang and the old Tuyên Quang (to 30/06/2025), the merged Tuyên Quang (from 01/07/2025),
the commune of Yên Minh under Hà Giang with two cells, and people convened to a conference."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from canbo.core.registry import PersonData, UnitVersionData
from canbo.core.types import AccountId, Interval, LevelClass, PersonId, Role, Sex, UnitId, UnitKind
from canbo.services.ports import SYSTEM, Actor, Grant
from canbo.services.registry import changes
from tests.fakes.registry import FakeRegistryUnitOfWork

TODAY = dt.date(2026, 11, 28)
MERGED = dt.date(2025, 7, 1)
_codes = itertools.count(1)


def staff(name: str, role: Role, root: UnitId) -> Actor:
    return Actor(AccountId(next(_codes)), name, (Grant(role, root),))


def unit(
    uow: FakeRegistryUnitOfWork,
    name: str,
    kind: UnitKind,
    parent: UnitId | None,
    *,
    since: dt.date = dt.date(2010, 1, 1),
    until: dt.date | None = None,
    actor: Actor = SYSTEM,
) -> UnitId:
    level = LevelClass.CENTRAL if parent is None else None
    data = UnitVersionData(
        f"U{next(_codes):05d}", name, kind, Interval(since, until), parent, level_class=level
    )
    return changes.create_unit(uow, actor, data)


def person_data(full_name: str, code: str | None = None) -> PersonData:
    return PersonData(
        code=code or f"P{next(_codes):06d}",
        full_name=full_name,
        birth_date=dt.date(1980, 5, 17),
        sex=Sex.FEMALE,
        ethnicity="Kinh",
        party_admission_date=dt.date(2010, 5, 19),
        official_membership_date=dt.date(2011, 5, 19),
    )


def person(
    uow: FakeRegistryUnitOfWork, full_name: str, cell: UnitId, actor: Actor = SYSTEM
) -> PersonId:
    data = person_data(full_name)
    return changes.create_person(uow, actor, data, cell, dt.date(2015, 3, 2), TODAY)


@dataclass(frozen=True)
class Tree:
    central: UnitId
    ha_giang: UnitId
    tuyen_quang_old: UnitId
    tuyen_quang_new: UnitId
    commune: UnitId
    cell_a: UnitId
    cell_b: UnitId


def small_tree(uow: FakeRegistryUnitOfWork) -> Tree:
    central = unit(uow, "Ban Chấp hành Trung ương", UnitKind.CENTRAL_COMMITTEE, None)
    upto = MERGED - dt.timedelta(days=1)
    province = UnitKind.PROVINCIAL_PARTY_COMMITTEE
    hg = unit(uow, "Đảng bộ tỉnh Hà Giang", province, central, until=upto)
    tq_old = unit(uow, "Đảng bộ tỉnh Tuyên Quang", province, central, until=upto)
    tq_new = unit(uow, "Đảng bộ tỉnh Tuyên Quang", province, central, since=MERGED)
    commune = unit(uow, "Đảng bộ xã Yên Minh", UnitKind.COMMUNE_PARTY_COMMITTEE, hg)
    cell_a = unit(uow, "Chi bộ thôn Na Pô", UnitKind.CELL, commune)
    cell_b = unit(uow, "Chi bộ thôn Bản Lý", UnitKind.CELL, commune)
    return Tree(central, hg, tq_old, tq_new, commune, cell_a, cell_b)
