"""Builders shared by the record tests on the database: the Yên Minh commune and its cells, a
member, a cell outside the clerk's scope, signed-in clients by role."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.test import Client

from canbo.accounts.models import RoleGrant
from canbo.core.clock import SystemClock
from canbo.core.types import AccountId, Role, UnitKind
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.ports import Actor, Grant
from canbo.services.registry import membership
from tests import factories as f

TODAY = SystemClock().today()
PASSWORD = "mat-khau-rat-dai-2026"


@dataclass(frozen=True)
class Place:
    tree: f.SmallTree
    an: int
    other_cell: int
    clerk: Actor


def build_place() -> Place:
    """The Yên Minh commune with its two cells (Na Pô, Bản Lý); An is a member in Na Pô; a
    cell of Cao Bằng lies outside the commune's clerk's scope."""
    tree = f.small_tree()
    an = f.person("Nguyễn Văn An", tree.cell_a)
    cao_bang = f.unit("Đảng bộ tỉnh Cao Bằng", UnitKind.PROVINCIAL_PARTY_COMMITTEE, tree.central)
    other = f.unit("Chi bộ thôn Nà Giàng", UnitKind.CELL, cao_bang)
    clerk = Actor(AccountId(900), "tochuc.yenminh", (Grant(Role.ORG_STAFF, tree.commune),))
    return Place(tree, an, other, clerk)


def client_as(role: Role, root: int, name: str = "bantochuc") -> Client:
    user = User.objects.create_user(name, password=PASSWORD)
    RoleGrant.objects.create(user=user, role=role, unit_id=root, valid_from=dt.date(2020, 1, 1))
    client = Client()
    client.force_login(user)
    return client


def uow() -> DjangoRegistryUnitOfWork:
    return DjangoRegistryUnitOfWork()


def admit(place: Place, on: dt.date = dt.date(2025, 3, 1)) -> int:
    data = dataclasses.replace(
        f.PersonData("KN-001", "Lò Thị Mai", dt.date(1999, 4, 2), f.Sex.FEMALE),
    )
    return membership.admit_member(
        uow(), place.clerk, data, place.tree.cell_a, on, "12-QĐ/ĐU", TODAY
    )
