"""Work programme use cases on the in-memory unit of work: scope, status moves, progress,
documents, the summary and one audit entry per change."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.core.errors import Conflict, NotFound, PermissionDenied, ValidationError
from canbo.core.types import AccountId, Role, UnitId
from canbo.services.ports import Actor, Grant
from canbo.services.programme import items, summary
from canbo.services.programme.ports import ItemId, ItemKind, NewItem, Status
from tests.fakes.programme import FakeProgrammeUnitOfWork

PROVINCE, COMMUNE, OTHER = UnitId(1), UnitId(2), UnitId(9)
CLERK = Actor(AccountId(1), "clerk", (Grant(Role.ORG_STAFF, PROVINCE),))
READER = Actor(AccountId(2), "reader", (Grant(Role.VIEWER, PROVINCE),))
STRANGER = Actor(AccountId(3), "stranger", (Grant(Role.ORG_STAFF, OTHER),))
TODAY = dt.date(2026, 3, 1)


def world() -> FakeProgrammeUnitOfWork:
    return FakeProgrammeUnitOfWork({PROVINCE: None, COMMUNE: PROVINCE, OTHER: None})


def project(uow: FakeProgrammeUnitOfWork) -> ItemId:
    new = NewItem(
        ItemKind.PROJECT,
        "Đề án nâng cao chất lượng đảng viên",
        PROVINCE,
        COMMUNE,
        2026,
        dt.date(2026, 6, 30),
    )
    return items.create_item(uow, CLERK, new, TODAY)


def test_the_commission_adds_a_project_and_the_audit_names_it() -> None:
    uow = world()
    item_id = project(uow)
    assert uow.items.items[item_id].status == Status.PLANNED
    assert uow.audit.actions == ["programme.create"]


def test_a_reader_may_not_add_and_a_stranger_is_told_not_found() -> None:
    uow = world()
    new = NewItem(ItemKind.PROJECT, "Đề án", PROVINCE, COMMUNE, 2026, dt.date(2026, 6, 30))
    with pytest.raises(PermissionDenied):
        items.create_item(uow, READER, new, TODAY)
    with pytest.raises(NotFound):
        items.create_item(uow, STRANGER, new, TODAY)
    assert uow.items.items == {}


def test_a_responsible_unit_outside_the_programmes_subtree_is_refused_by_field() -> None:
    uow = world()
    new = NewItem(ItemKind.PROJECT, "Đề án", PROVINCE, OTHER, 2026, dt.date(2026, 6, 30))
    with pytest.raises(ValidationError) as refused:
        items.create_item(uow, CLERK, new, TODAY)
    assert refused.value.code == "programme_unit_outside"
    assert refused.value.fields["field"] == "unit"


def test_progress_then_completion_records_reports_and_a_late_completion_is_flagged() -> None:
    uow = world()
    item_id = project(uow)
    items.report_progress(uow, CLERK, item_id, dt.date(2026, 4, 1), 40, "Đã xin ý kiến")
    done = items.change_status(uow, CLERK, item_id, Status.COMPLETED, dt.date(2026, 7, 5))
    assert done.percent == 100 and done.completed_on == dt.date(2026, 7, 5)
    assert [r.percent for r in uow.items.reports(item_id)] == [40, 100]
    view = summary.programme(uow, READER, PROVINCE, 2026, dt.date(2026, 8, 1))
    assert view.lines[0].flags.completed_late
    assert view.summary.headline_numbers == (1, 1)
    with pytest.raises(Conflict):
        items.report_progress(uow, CLERK, item_id, dt.date(2026, 8, 1), 50)
    assert uow.audit.actions == ["programme.create", "programme.progress", "programme.status"]


def test_a_refused_progress_report_writes_nothing() -> None:
    uow = world()
    item_id = project(uow)
    items.report_progress(uow, CLERK, item_id, dt.date(2026, 4, 1), 40)
    with pytest.raises(ValidationError):
        items.report_progress(uow, CLERK, item_id, dt.date(2026, 4, 2), 30)
    assert len(uow.items.reports(item_id)) == 1
    assert uow.items.items[item_id].percent == 40


def test_a_document_is_kept_with_its_hash() -> None:
    uow = world()
    item_id = project(uow)
    items.attach_document(
        uow, CLERK, item_id, "du-thao.pdf", b"%PDF-1.4 x", "application/pdf", TODAY
    )
    (doc,) = uow.items.documents(item_id)
    assert len(doc.sha256) == 64 and doc.size == 10
    with pytest.raises(ValidationError):
        items.attach_document(uow, CLERK, item_id, "x.pdf", b"MZ", "application/pdf", TODAY)


def test_the_summary_rolls_the_communes_programmes_up_to_the_province() -> None:
    uow = world()
    project(uow)
    items.create_item(
        uow,
        CLERK,
        NewItem(ItemKind.PROJECT, "Đề án xã", COMMUNE, COMMUNE, 2026, dt.date(2026, 1, 31)),
        dt.date(2026, 1, 2),
    )
    found = summary.year_summary(uow, READER, PROVINCE, 2026, TODAY)
    assert found.projects.total == 1
    assert found.subtree_projects.total == 2 and found.subtree_projects.overdue == 1
    view = summary.programme(uow, READER, PROVINCE, 2026, TODAY)
    assert [(r.unit_id, r.subtree.total) for r in view.rollup] == [(1, 2), (2, 1)]
