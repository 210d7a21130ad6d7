"""The access decisions without Django: a fake tree, the role table, scopes that meet."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.core.errors import NotFound, PermissionDenied
from canbo.core.permissions import ROLES, Action, cycle_participants, roles_for
from canbo.core.types import AccountId, Role, UnitId
from canbo.services import access
from canbo.services.ports import Actor, Grant

DAY = dt.date(2026, 1, 5)
CENTRAL, LAI_CHAU, SIN_HO, NAM_TAM, DIEN_BIEN = (UnitId(i) for i in range(1, 6))
PARENTS = {LAI_CHAU: CENTRAL, SIN_HO: LAI_CHAU, NAM_TAM: SIN_HO, DIEN_BIEN: CENTRAL}
READ = roles_for(Action.READ)


class FakeTree:
    """Central → Lai Châu → Sìn Hồ → Nậm Tăm, and Điện Biên beside Lai Châu."""

    def __init__(self) -> None:
        self.reads = 0

    def ancestors(self, unit_id: UnitId, as_of: dt.date) -> list[UnitId]:
        self.reads += 1
        chain = [unit_id]
        while chain[-1] in PARENTS:
            chain.append(PARENTS[chain[-1]])
        return chain

    def unit_exists(self, unit_id: UnitId) -> bool:
        return unit_id in PARENTS or unit_id == CENTRAL

    def predecessors(self, unit_id: UnitId) -> set[UnitId]:
        return set()


def actor(role: Role, root: UnitId | None) -> Actor:
    return Actor(AccountId(1), str(role), (Grant(role, root),))


def test_every_action_has_roles_and_computing_belongs_to_the_commission() -> None:
    assert set(ROLES) == set(Action)
    assert roles_for(Action.COMPUTE_CYCLE) == {Role.ORG_STAFF, Role.ADMIN}
    assert Role.VIEWER not in roles_for(Action.COMPUTE_CYCLE)
    assert Role.COUNTING_COMMITTEE not in roles_for(Action.READ)


def test_an_action_needs_the_role_over_a_subtree_holding_the_unit() -> None:
    tree = FakeTree()
    staff = actor(Role.ORG_STAFF, LAI_CHAU)
    assert access.can(staff, Action.COMPUTE_CYCLE, NAM_TAM, tree, DAY)
    assert not access.can(staff, Action.COMPUTE_CYCLE, DIEN_BIEN, tree, DAY)
    viewer = actor(Role.VIEWER, LAI_CHAU)
    with pytest.raises(PermissionDenied) as refused:
        access.require(viewer, Action.COMPUTE_CYCLE, LAI_CHAU, tree, DAY)
    assert refused.value.code == "action_denied"
    access.require(staff, Action.COMPUTE_CYCLE, LAI_CHAU, tree, DAY)


def test_a_unit_outside_the_scope_is_not_found_and_a_readable_one_is_not_writable() -> None:
    tree = FakeTree()
    with pytest.raises(NotFound):
        access.access_unit(actor(Role.VIEWER, DIEN_BIEN), SIN_HO, tree, DAY)
    with pytest.raises(PermissionDenied):
        access.access_unit(actor(Role.VIEWER, LAI_CHAU), SIN_HO, tree, DAY, write=True)
    assert access.access_unit(actor(Role.ORG_STAFF, SIN_HO), NAM_TAM, tree, DAY, write=True)


@pytest.mark.parametrize(
    ("grant", "sees"),
    [
        (Grant(Role.CELL_SECRETARY, NAM_TAM), True),  # inside the cycle's subtree
        (Grant(Role.STANDING_COMMITTEE, CENTRAL), True),  # above it
        (Grant(Role.ORG_STAFF, LAI_CHAU), True),  # its root
        (Grant(Role.ORG_STAFF, DIEN_BIEN), False),  # beside it
        (Grant(Role.COUNTING_COMMITTEE, NAM_TAM), False),  # a role that takes no part
    ],
)
def test_a_cycle_is_seen_by_whoever_holds_a_part_of_its_subtree(grant: Grant, sees: bool) -> None:
    who = Actor(AccountId(1), "x", (grant,))
    assert access.meets_scope(who, LAI_CHAU, FakeTree(), DAY, cycle_participants()) is sees
    missing = NotFound("cycle_not_found")
    if not sees:
        with pytest.raises(NotFound):
            access.access_scope(who, LAI_CHAU, FakeTree(), DAY, missing, cycle_participants())


def test_the_cycle_root_itself_is_decided_without_reading_the_tree() -> None:
    tree = FakeTree()
    assert access.meets_scope(actor(Role.ORG_STAFF, LAI_CHAU), LAI_CHAU, tree, DAY, READ)
    assert tree.reads == 0
