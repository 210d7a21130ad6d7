"""The tree answers "as of" any date across the 2025 merge; the audit chain catches tampering."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.audit.log import verify
from canbo.audit.models import AuditEntry
from canbo.core.errors import NotFound, PermissionDenied, RuleViolation, ValidationError
from canbo.core.types import LineageKind, Role
from canbo.db import unit_tree
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.access import access_unit
from canbo.services.ports import Actor, Grant
from canbo.services.registry import changes as svc
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = dt.date(2024, 12, 31)
AFTER = dt.date(2026, 1, 15)
MERGE = dt.date(2025, 7, 1)


def merge_provinces(tree: f.SmallTree) -> None:
    svc.reorganize(
        DjangoRegistryUnitOfWork(),
        f.SYSTEM,
        kind=LineageKind.MERGE,
        date=MERGE,
        legal_basis="NQ 202/2025/QH15",
        predecessors=[tree.ha_giang, tree.tuyen_quang_old],
        successors=[tree.tuyen_quang_new],
    )


def test_a_cell_moved_by_the_merge_answers_its_old_and_new_province_by_date() -> None:
    tree = f.small_tree()
    f.person("Nguyễn Văn An", tree.cell_a)
    merge_provinces(tree)
    assert unit_tree.ancestors(tree.cell_a, BEFORE)[:3] == [
        tree.cell_a,
        tree.commune,
        tree.ha_giang,
    ]
    assert unit_tree.ancestors(tree.cell_a, AFTER)[:3] == [
        tree.cell_a,
        tree.commune,
        tree.tuyen_quang_new,
    ]
    assert unit_tree.count_members(tree.ha_giang, BEFORE) == 1
    assert unit_tree.count_members(tree.ha_giang, AFTER) == 0
    assert unit_tree.count_members(tree.tuyen_quang_new, AFTER) == 1
    assert unit_tree.count_members(tree.tuyen_quang_new, BEFORE) == 0


def test_a_province_scoped_actor_cannot_see_another_province_and_gets_not_found() -> None:
    tree = f.small_tree()
    staff = Actor(None, "staff", (Grant(Role.ORG_STAFF, tree.tuyen_quang_old),))
    with pytest.raises(NotFound):
        access_unit(staff, tree.cell_a, DjangoRegistryUnitOfWork().tree, BEFORE)
    viewer = Actor(None, "viewer", (Grant(Role.VIEWER, tree.ha_giang),))
    assert access_unit(viewer, tree.cell_a, DjangoRegistryUnitOfWork().tree, BEFORE) == tree.cell_a
    with pytest.raises(PermissionDenied):
        access_unit(viewer, tree.cell_a, DjangoRegistryUnitOfWork().tree, BEFORE, write=True)


def test_moving_a_unit_under_its_own_descendant_is_refused_as_a_cycle() -> None:
    tree = f.small_tree()
    version = DjangoRegistryUnitOfWork().units.get_version(tree.commune, BEFORE)
    assert version is not None
    import dataclasses

    from canbo.core.types import Interval

    bad = dataclasses.replace(version, parent_id=tree.cell_a, valid=Interval(dt.date(2024, 1, 1)))
    with pytest.raises(ValidationError) as err:
        svc.change_unit(DjangoRegistryUnitOfWork(), f.SYSTEM, tree.commune, bad)
    assert err.value.code == "tree_cycle"
    assert unit_tree.ancestors(tree.cell_a, BEFORE)[1] == tree.commune


def test_a_member_cannot_belong_to_two_cells_at_once() -> None:
    tree = f.small_tree()
    pid = f.person("Trần Thị Bích Ngọc", tree.cell_a, sex=f.Sex.FEMALE)
    uow = DjangoRegistryUnitOfWork()
    with pytest.raises(RuleViolation) as err, uow:
        svc._join(uow, pid, tree.cell_b, dt.date(2020, 1, 1))
    assert err.value.code == "membership_overlap"
    assert len(uow.people.memberships(pid)) == 1


def test_every_write_is_chained_and_any_alteration_is_named() -> None:
    tree = f.small_tree()
    f.person("Lê Văn Bình", tree.cell_b)
    assert verify() is None
    entry = AuditEntry.objects.get(seq=3)
    AuditEntry.objects.filter(pk=entry.pk).update(actor_label="someone else")
    problem = verify()
    assert problem is not None and problem.seq == 3


def test_deleting_the_newest_audit_entry_is_detected_by_the_head() -> None:
    f.small_tree()
    AuditEntry.objects.order_by("-seq").first().delete()
    problem = verify()
    assert problem is not None and "head" in problem.problem


def test_a_unit_in_the_future_tree_is_not_visible_before_it_exists() -> None:
    tree = f.small_tree()
    assert unit_tree.ancestors(tree.tuyen_quang_new, BEFORE) == []
    assert unit_tree.ancestors(tree.tuyen_quang_new, AFTER)[0] == tree.tuyen_quang_new


def test_two_changes_starting_on_the_same_day_are_refused_and_history_stays_clear() -> None:
    import dataclasses

    from canbo.core.errors import Conflict
    from canbo.core.types import Interval

    tree = f.small_tree()
    version = DjangoRegistryUnitOfWork().units.get_version(tree.commune, BEFORE)
    assert version is not None
    renamed = dataclasses.replace(
        version, name="Đảng bộ xã Yên Minh mới", valid=Interval(dt.date(2024, 3, 1))
    )
    svc.change_unit(DjangoRegistryUnitOfWork(), f.SYSTEM, tree.commune, renamed)
    again = dataclasses.replace(renamed, name="Đảng bộ xã Mậu Duệ")
    with pytest.raises(Conflict) as err:
        svc.change_unit(DjangoRegistryUnitOfWork(), f.SYSTEM, tree.commune, again)
    assert err.value.code == "version_same_day"
    current = DjangoRegistryUnitOfWork().units.get_version(tree.commune, dt.date(2024, 6, 1))
    assert current is not None and current.name == "Đảng bộ xã Yên Minh mới"


def test_changing_a_person_code_to_another_persons_code_is_a_conflict() -> None:
    import dataclasses

    from canbo.core.errors import Conflict

    tree = f.small_tree()
    first = f.person("Nguyễn Thị Hoa", tree.cell_a, sex=f.Sex.FEMALE, code="P-HOA")
    second = f.person("Lý Văn Sơn", tree.cell_b, code="P-SON")
    data = DjangoRegistryUnitOfWork().people.get(second)
    assert data is not None and first
    with pytest.raises(Conflict):
        svc.update_person(
            DjangoRegistryUnitOfWork(),
            f.SYSTEM,
            second,
            dataclasses.replace(data, code="P-HOA"),
            f.TODAY,
        )


def test_the_merged_provinces_commission_reads_its_predecessors_history_but_cannot_change_it() -> (
    None
):
    tree = f.small_tree()
    merge_provinces(tree)
    staff = Actor(None, "staff", (Grant(Role.ORG_STAFF, tree.tuyen_quang_new),))
    reader = DjangoRegistryUnitOfWork().tree
    assert access_unit(staff, tree.cell_a, reader, BEFORE) == tree.cell_a
    assert access_unit(staff, tree.cell_a, reader, AFTER, write=True) == tree.cell_a
    with pytest.raises(PermissionDenied):
        access_unit(staff, tree.ha_giang, reader, BEFORE, write=True)
    outsider = Actor(None, "other", (Grant(Role.ORG_STAFF, tree.central),))
    assert access_unit(outsider, tree.cell_a, reader, BEFORE) == tree.cell_a
