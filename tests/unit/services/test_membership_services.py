"""Party membership use cases on the in-memory fakes: admission, recognition after probation,
transfers of Party activity, exit, expulsion and death, relatives and identity versions."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from canbo.core.errors import Conflict, NotFound, RuleViolation
from canbo.core.records import PartyEventKind, RelativeData, recognition_due
from canbo.core.types import PersonId, RelationKind, Role
from canbo.services.ports import Actor
from canbo.services.registry import changes, membership, records
from tests.fakes.registry import FakeRegistryUnitOfWork
from tests.unit.services.world import TODAY, Tree, person, person_data, small_tree, staff

ADMITTED = dt.date(2025, 8, 31)


@pytest.fixture
def uow() -> FakeRegistryUnitOfWork:
    return FakeRegistryUnitOfWork()


@pytest.fixture
def tree(uow: FakeRegistryUnitOfWork) -> Tree:
    return small_tree(uow)


def _clerk(tree: Tree) -> Actor:
    return staff("tochuc.yenminh", Role.ORG_STAFF, tree.commune)


def _admit(uow: FakeRegistryUnitOfWork, tree: Tree, on: dt.date = ADMITTED) -> PersonId:
    data = dataclasses.replace(
        person_data("Lò Thị Mai"), party_admission_date=None, official_membership_date=None
    )
    return membership.admit_member(uow, _clerk(tree), data, tree.cell_a, on, "15-QĐ/ĐU", TODAY)


def test_an_admitted_member_is_probationary_with_recognition_due_twelve_months_later(
    uow: FakeRegistryUnitOfWork, tree: Tree
) -> None:
    mai = _admit(uow, tree)
    stored = uow.people.get(mai)
    assert stored is not None
    assert stored.party_admission_date == ADMITTED
    assert stored.official_membership_date is None
    (event,) = uow.records.events(mai)
    assert event.kind == PartyEventKind.ADMITTED
    assert event.until == dt.date(2026, 8, 31) == recognition_due(ADMITTED)
    assert uow.people.current_unit(mai, TODAY) == tree.cell_a
    assert uow.audit.actions[-2:] == ["person.create", "party.admitted"]


def test_probation_ends_on_the_same_day_twelve_months_on_or_the_months_last_day() -> None:
    assert recognition_due(dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)
    assert recognition_due(dt.date(2025, 1, 31)) == dt.date(2026, 1, 31)


def test_a_person_under_eighteen_is_not_admitted_and_nothing_is_written(
    uow: FakeRegistryUnitOfWork, tree: Tree
) -> None:
    written = len(uow.audit.entries)
    young = dataclasses.replace(
        person_data("Lò Văn Nhỏ"),
        birth_date=dt.date(2008, 1, 1),
        party_admission_date=None,
        official_membership_date=None,
    )
    with pytest.raises(RuleViolation) as refused:
        membership.admit_member(uow, _clerk(tree), young, tree.cell_a, ADMITTED, "", TODAY)
    assert refused.value.code == "admission_under_age"
    assert refused.value.citation is not None
    assert (refused.value.citation.document, refused.value.citation.article) == (
        "Điều lệ Đảng",
        "Điều 1",
    )
    assert len(uow.audit.entries) == written


def test_recognition_before_the_twelve_months_is_refused_with_the_charter_article(
    uow: FakeRegistryUnitOfWork, tree: Tree
) -> None:
    mai = _admit(uow, tree)
    with pytest.raises(RuleViolation) as refused:
        membership.recognize_official(uow, _clerk(tree), mai, dt.date(2026, 8, 30), "", TODAY)
    assert refused.value.code == "probation_not_over"
    assert refused.value.fields["due"] == "2026-08-31"
    assert refused.value.citation is not None
    assert refused.value.citation.article == "Điều 5"
    stored = uow.people.get(mai)
    assert stored is not None and stored.official_membership_date is None


def test_recognition_on_the_due_day_makes_an_official_member_as_a_new_version(
    uow: FakeRegistryUnitOfWork, tree: Tree
) -> None:
    mai = _admit(uow, tree)
    due = dt.date(2026, 8, 31)
    membership.recognize_official(uow, _clerk(tree), mai, due, "20-QĐ/ĐU", TODAY)
    stored = uow.people.get(mai)
    assert stored is not None and stored.official_membership_date == due
    versions = uow.people.versions[mai]
    assert [v.valid_from for v, _ in versions] == [stored.birth_date, due]
    assert versions[0][0].valid_to == due - dt.timedelta(days=1)
    assert versions[0][1].official_membership_date is None
    with pytest.raises(Conflict) as twice:
        membership.recognize_official(uow, _clerk(tree), mai, TODAY, "", TODAY)
    assert twice.value.code == "already_official"


def test_an_official_transfer_moves_the_member_and_a_temporary_one_keeps_the_cell(
    uow: FakeRegistryUnitOfWork, tree: Tree
) -> None:
    an = person(uow, "Nguyễn Văn An", tree.cell_a)
    clerk = _clerk(tree)
    on = dt.date(2026, 3, 1)
    membership.transfer_activity(
        uow, clerk, an, tree.cell_b, on, "", TODAY, until=dt.date(2026, 6, 30)
    )
    assert uow.people.current_unit(an, on) == tree.cell_a
    membership.transfer_activity(uow, clerk, an, tree.cell_b, dt.date(2026, 9, 1), "", TODAY)
    assert uow.people.current_unit(an, dt.date(2026, 8, 31)) == tree.cell_a
    assert uow.people.current_unit(an, dt.date(2026, 9, 1)) == tree.cell_b
    kinds = [e.kind for e in uow.records.events(an)]
    assert kinds == [PartyEventKind.TEMPORARY, PartyEventKind.TRANSFERRED]
    with pytest.raises(Conflict):
        membership.transfer_activity(uow, clerk, an, tree.cell_b, TODAY, "", TODAY)


def test_a_transfer_to_a_cell_outside_the_actors_subtree_is_not_found_and_nothing_written(
    uow: FakeRegistryUnitOfWork, tree: Tree
) -> None:
    an = person(uow, "Nguyễn Văn An", tree.cell_a)
    cell_clerk = staff("chibo.napo", Role.ORG_STAFF, tree.cell_a)
    written = len(uow.audit.entries)
    with pytest.raises(NotFound):
        membership.transfer_activity(uow, cell_clerk, an, tree.cell_b, TODAY, "", TODAY)
    assert len(uow.audit.entries) == written
    assert uow.records.events(an) == []


def test_death_ends_the_membership_and_no_later_event_is_taken(
    uow: FakeRegistryUnitOfWork, tree: Tree
) -> None:
    an = person(uow, "Nguyễn Văn An", tree.cell_a)
    died = dt.date(2026, 10, 2)
    membership.end_membership(uow, _clerk(tree), an, PartyEventKind.DIED, died, "", TODAY)
    stored = uow.people.get(an)
    assert stored is not None
    assert (stored.death_date, stored.party_exit_date) == (died, died)
    (ended,) = uow.people.memberships(an)
    assert (ended.valid.valid_to, ended.end_reason) == (died, "died")
    with pytest.raises(Conflict) as refused:
        membership.end_membership(uow, _clerk(tree), an, PartyEventKind.EXPELLED, TODAY, "", TODAY)
    assert refused.value.code == "not_a_member"


def test_a_second_living_spouse_is_refused_until_the_first_relation_ends(
    uow: FakeRegistryUnitOfWork, tree: Tree
) -> None:
    an = person(uow, "Nguyễn Văn An", tree.cell_a)
    clerk = _clerk(tree)
    first = RelativeData(RelationKind.SPOUSE, dt.date(2020, 1, 1), full_name="Lê Thị Hoa")
    second = RelativeData(RelationKind.SPOUSE, TODAY, full_name="Đỗ Thị Lan")
    record_id = records.add_record(uow, clerk, an, first, TODAY)
    with pytest.raises(RuleViolation) as refused:
        records.add_record(uow, clerk, an, second, TODAY)
    assert refused.value.code == "second_living_spouse"
    assert refused.value.citation is not None
    assert refused.value.citation.document == "Luật Hôn nhân và gia đình 2014"
    membership.end_relative(uow, clerk, an, record_id, dt.date(2024, 5, 1), TODAY)
    records.add_record(uow, clerk, an, second, TODAY)
    assert sum(r.is_living_spouse for r in uow.records.relatives(an)) == 1


def test_an_identity_edit_is_a_new_version_and_may_not_start_before_the_open_one(
    uow: FakeRegistryUnitOfWork, tree: Tree
) -> None:
    an = person(uow, "Nguyễn Văn An", tree.cell_a)
    before = uow.people.get(an)
    assert before is not None
    moved = dataclasses.replace(before, hometown="Đồng Văn")
    changes.update_person(uow, _clerk(tree), an, moved, TODAY, dt.date(2026, 1, 1))
    versions = uow.people.versions[an]
    assert [d.hometown for _, d in versions] == ["", "Đồng Văn"]
    with pytest.raises(Conflict) as refused:
        changes.update_person(uow, _clerk(tree), an, before, TODAY, dt.date(2025, 1, 1))
    assert refused.value.code == "version_before_current"
    changes.update_person(
        uow,
        _clerk(tree),
        an,
        dataclasses.replace(moved, hometown="Mèo Vạc"),
        TODAY,
        dt.date(2026, 1, 1),
    )
    assert [d.hometown for _, d in uow.people.versions[an]] == ["", "Mèo Vạc"]
