"""Registry use cases on the in-memory fakes: no Django, no database, milliseconds."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from canbo.core.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from canbo.core.records import PositionData, TermData
from canbo.core.types import Interval, Role, UnitKind
from canbo.services.ports import SYSTEM
from canbo.services.registry import changes, records
from tests.fakes.registry import FakeRegistryUnitOfWork
from tests.unit.services.world import (
    MERGED,
    TODAY,
    person,
    person_data,
    small_tree,
    staff,
    unit,
)

BEFORE = MERGED - dt.timedelta(days=1)


@pytest.fixture
def uow() -> FakeRegistryUnitOfWork:
    return FakeRegistryUnitOfWork()


def test_a_unit_is_created_under_a_parent_the_actor_writes_and_audited(
    uow: FakeRegistryUnitOfWork,
) -> None:
    tree = small_tree(uow)
    commission = staff("tochuc.hagiang", Role.ORG_STAFF, tree.ha_giang)
    cell = unit(uow, "Chi bộ thôn Sủng Thài", UnitKind.CELL, tree.commune, actor=commission)
    assert uow.tree.ancestors(cell, TODAY.replace(year=2020))[:3] == [
        cell,
        tree.commune,
        tree.ha_giang,
    ]
    assert uow.audit.entries[-1].action == "unit.create"
    assert uow.audit.entries[-1].actor == commission


def test_a_unit_outside_the_actors_subtree_is_not_found_and_nothing_is_written(
    uow: FakeRegistryUnitOfWork,
) -> None:
    tree = small_tree(uow)
    other = staff("tochuc.tuyenquang", Role.ORG_STAFF, tree.tuyen_quang_old)
    written = len(uow.audit.entries)
    with pytest.raises(NotFound):
        unit(uow, "Chi bộ lạ", UnitKind.CELL, tree.commune, actor=other)
    assert len(uow.audit.entries) == written
    assert len(uow.units.codes) == 7


def test_a_duplicate_code_is_refused_and_rolled_back(uow: FakeRegistryUnitOfWork) -> None:
    tree = small_tree(uow)
    version = uow.units.get_version(tree.cell_a, TODAY)
    assert version is not None
    with pytest.raises(Conflict):
        changes.create_unit(uow, SYSTEM, dataclasses.replace(version, unit_id=None))
    assert uow.commits == 7  # the seven units of the tree, nothing more


def test_a_rename_closes_the_old_version_the_day_before(uow: FakeRegistryUnitOfWork) -> None:
    tree = small_tree(uow)
    old = uow.units.get_version(tree.commune, dt.date(2019, 1, 1))
    assert old is not None
    start = dt.date(2020, 1, 1)
    renamed = dataclasses.replace(old, name="Đảng bộ thị trấn Yên Minh", valid=Interval(start))
    changes.change_unit(uow, SYSTEM, tree.commune, renamed)
    before = uow.units.get_version(tree.commune, start - dt.timedelta(days=1))
    after = uow.units.get_version(tree.commune, start)
    assert before is not None and before.name == "Đảng bộ xã Yên Minh"
    assert before.valid.valid_to == start - dt.timedelta(days=1)
    assert after is not None and after.name == "Đảng bộ thị trấn Yên Minh"
    assert uow.audit.actions[-1] == "unit.change"


def test_a_unit_cannot_move_under_its_own_cell(uow: FakeRegistryUnitOfWork) -> None:
    tree = small_tree(uow)
    old = uow.units.get_version(tree.commune, dt.date(2019, 1, 1))
    assert old is not None
    loop = dataclasses.replace(old, parent_id=tree.cell_a, valid=Interval(dt.date(2020, 1, 1)))
    with pytest.raises(ValidationError, match="tree_cycle"):
        changes.change_unit(uow, SYSTEM, tree.commune, loop)
    assert len(uow.units.versions[tree.commune]) == 1


def test_a_merge_ends_the_provinces_and_moves_their_communes(uow: FakeRegistryUnitOfWork) -> None:
    tree = small_tree(uow)
    changes.reorganize(
        uow,
        SYSTEM,
        kind="merge",
        date=MERGED,
        legal_basis="Nghị quyết 202/2025/QH15",
        predecessors=[tree.ha_giang, tree.tuyen_quang_old],
        successors=[tree.tuyen_quang_new],
    )
    assert uow.units.ended[tree.ha_giang] == BEFORE
    assert uow.tree.ancestors(tree.cell_a, BEFORE)[:3] == [tree.cell_a, tree.commune, tree.ha_giang]
    assert uow.tree.ancestors(tree.cell_a, MERGED)[:3] == [
        tree.cell_a,
        tree.commune,
        tree.tuyen_quang_new,
    ]
    assert uow.tree.predecessors(tree.tuyen_quang_new) == {tree.ha_giang, tree.tuyen_quang_old}


def test_the_merged_provinces_commission_reads_the_history_but_writes_only_its_subtree(
    uow: FakeRegistryUnitOfWork,
) -> None:
    tree = small_tree(uow)
    changes.reorganize(
        uow,
        SYSTEM,
        kind="merge",
        date=MERGED,
        legal_basis="Nghị quyết 202/2025/QH15",
        predecessors=[tree.ha_giang, tree.tuyen_quang_old],
        successors=[tree.tuyen_quang_new],
    )
    commission = staff("tochuc.tuyenquang", Role.ORG_STAFF, tree.tuyen_quang_new)
    an = person(uow, "Nguyễn Thị An", tree.cell_a)
    assert changes.access_person(uow, commission, an, TODAY) == an
    old = uow.units.get_version(tree.ha_giang, BEFORE)
    assert old is not None
    with pytest.raises(PermissionDenied):
        changes.change_unit(
            uow, commission, tree.ha_giang, dataclasses.replace(old, valid=Interval(BEFORE))
        )


def test_a_person_transferred_to_another_cell_keeps_the_old_membership(
    uow: FakeRegistryUnitOfWork,
) -> None:
    tree = small_tree(uow)
    binh = person(uow, "Trần Văn Bình", tree.cell_a)
    on = dt.date(2024, 3, 1)
    changes.transfer_person(uow, SYSTEM, binh, tree.cell_b, on)
    spans = sorted((m.unit_id, m.valid.valid_to, m.end_reason) for m in uow.people.joined)
    assert spans == [(tree.cell_a, on - dt.timedelta(days=1), "transfer"), (tree.cell_b, None, "")]
    assert uow.people.current_unit(binh, TODAY) == tree.cell_b


def test_a_person_belongs_to_a_cell_not_to_a_commune(uow: FakeRegistryUnitOfWork) -> None:
    tree = small_tree(uow)
    with pytest.raises(RuleViolation):
        person(uow, "Lê Minh Châu", tree.commune)
    assert uow.people.people == {}


def test_a_second_person_with_the_same_code_is_refused(uow: FakeRegistryUnitOfWork) -> None:
    tree = small_tree(uow)
    first = person(uow, "Phạm Quốc Dũng", tree.cell_a)
    code = uow.people.people[first].code
    with pytest.raises(Conflict):
        changes.create_person(
            uow, SYSTEM, person_data("Hoàng Thị Lan", code), tree.cell_b, MERGED, TODAY
        )
    assert len(uow.people.people) == 1


def test_a_post_is_recorded_and_ended_on_the_persons_record(uow: FakeRegistryUnitOfWork) -> None:
    tree = small_tree(uow)
    hoa = person(uow, "Nguyễn Thị Hoa", tree.cell_a)
    post = PositionData("BT-DU", tree.commune, "elected", Interval(dt.date(2020, 10, 1)))
    record = records.add_record(uow, SYSTEM, hoa, post, TODAY)
    records.end_position(uow, SYSTEM, hoa, record, dt.date(2025, 6, 30))
    _, ended = uow.records.records[record]
    assert isinstance(ended, PositionData)
    assert ended.valid.valid_to == dt.date(2025, 6, 30)
    assert uow.audit.actions[-2:] == ["record.position.add", "record.position.end"]


def test_ending_a_post_the_person_does_not_hold_is_not_found(uow: FakeRegistryUnitOfWork) -> None:
    tree = small_tree(uow)
    hoa = person(uow, "Nguyễn Thị Hoa", tree.cell_a)
    with pytest.raises(NotFound):
        records.end_position(uow, SYSTEM, hoa, 99, TODAY)
    assert "record.position.end" not in uow.audit.actions


def test_a_record_of_a_person_outside_the_subtree_is_not_found(uow: FakeRegistryUnitOfWork) -> None:
    tree = small_tree(uow)
    hoa = person(uow, "Nguyễn Thị Hoa", tree.cell_a)
    other = staff("tochuc.tuyenquang", Role.ORG_STAFF, tree.tuyen_quang_old)
    post = PositionData("BT-CB", tree.cell_a, "elected", Interval(dt.date(2020, 10, 1)))
    with pytest.raises(NotFound):
        records.add_record(uow, other, hoa, post, dt.date(2024, 1, 1))
    assert uow.records.records == {}


def test_a_term_is_recorded_for_a_unit_the_actor_writes(uow: FakeRegistryUnitOfWork) -> None:
    tree = small_tree(uow)
    term = TermData(tree.commune, "Nhiệm kỳ 2025-2030", dt.date(2025, 10, 1), dt.date(2030, 9, 30))
    term_id = records.add_term(uow, SYSTEM, term, TODAY)
    assert uow.records.terms[term_id] == term
