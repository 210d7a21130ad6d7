"""A person's record items are added through the services, scoped, checked and audited."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.audit.models import AuditEntry
from canbo.core.errors import NotFound, ValidationError
from canbo.core.records import DisciplineData, LeaveData, PositionData, RelativeData, TermData
from canbo.core.types import DisciplineForm, Interval, LeaveKind, RelationKind, Role
from canbo.registry import models
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.ports import Actor, Grant
from canbo.services.registry import records as svc
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)
TODAY = f.TODAY


@pytest.fixture
def secretary_title() -> models.Title:
    return models.Title.objects.create(
        code="BT-CB", name="Bí thư chi bộ", level="grassroots", is_leadership=True
    )


def test_a_position_discipline_leave_and_relative_are_recorded_with_audit(
    secretary_title: models.Title,
) -> None:
    tree = f.small_tree()
    pid = f.person("Phạm Minh Tuấn", tree.cell_a)
    spouse = f.person("Hoàng Thị Lan", tree.cell_b, sex=f.Sex.FEMALE)
    before = AuditEntry.objects.count()
    svc.add_record(
        DjangoRegistryUnitOfWork(),
        f.SYSTEM,
        pid,
        PositionData("BT-CB", tree.cell_a, "elected", Interval(dt.date(2020, 9, 1))),
        TODAY,
    )
    svc.add_record(
        DjangoRegistryUnitOfWork(),
        f.SYSTEM,
        pid,
        DisciplineData(
            DisciplineForm.KHIEN_TRACH, dt.date(2025, 3, 4), "Ủy ban Kiểm tra Đảng ủy xã"
        ),
        TODAY,
    )
    svc.add_record(
        DjangoRegistryUnitOfWork(),
        f.SYSTEM,
        pid,
        LeaveData(LeaveKind.SICK, dt.date(2025, 1, 6), dt.date(2025, 4, 30)),
        TODAY,
    )
    svc.add_record(
        DjangoRegistryUnitOfWork(),
        f.SYSTEM,
        pid,
        RelativeData(RelationKind.SPOUSE, dt.date(2025, 1, 2), linked_person_id=spouse),
        TODAY,
    )
    person = models.Person.objects.get(pk=pid)
    assert person.positions.get().title == secretary_title
    assert person.disciplines.get().form == "khien_trach"
    assert person.leaves.get().kind == "sick"
    assert person.relatives.get().linked_person_id == spouse
    assert AuditEntry.objects.count() == before + 4


def test_a_discipline_decided_in_the_future_is_refused_and_nothing_is_written() -> None:
    tree = f.small_tree()
    pid = f.person("Võ Thị Hồng", tree.cell_a, sex=f.Sex.FEMALE)
    with pytest.raises(ValidationError) as err:
        svc.add_record(
            DjangoRegistryUnitOfWork(),
            f.SYSTEM,
            pid,
            DisciplineData(DisciplineForm.CANH_CAO, TODAY + dt.timedelta(days=1), "Đảng ủy"),
            TODAY,
        )
    assert err.value.code == "date_in_future"
    assert err.value.fields["field"] == "decision_date"
    assert not models.DisciplineRecord.objects.exists()


def test_staff_of_another_province_cannot_add_to_a_record_and_sees_not_found() -> None:
    tree = f.small_tree()
    pid = f.person("Đỗ Văn Hùng", tree.cell_a)
    staff = Actor(None, "staff", (Grant(Role.ORG_STAFF, tree.tuyen_quang_old),))
    with pytest.raises(NotFound):
        svc.add_record(
            DjangoRegistryUnitOfWork(),
            staff,
            pid,
            LeaveData(LeaveKind.MATERNITY, dt.date(2025, 1, 6), dt.date(2025, 7, 5)),
            TODAY,
        )
    assert not models.LeavePeriod.objects.exists()


def test_a_term_must_end_after_it_starts() -> None:
    tree = f.small_tree()
    with pytest.raises(ValidationError):
        svc.add_term(
            DjangoRegistryUnitOfWork(),
            f.SYSTEM,
            TermData(tree.commune, "2025–2030", dt.date(2030, 1, 1), dt.date(2025, 1, 1)),
            TODAY,
        )
    term_id = svc.add_term(
        DjangoRegistryUnitOfWork(),
        f.SYSTEM,
        TermData(tree.commune, "2025–2030", dt.date(2025, 7, 1), dt.date(2030, 6, 30)),
        TODAY,
    )
    assert models.Term.objects.get(pk=term_id).name == "2025–2030"


def test_the_person_page_shows_a_posts_term_end(secretary_title: models.Title) -> None:
    from tests.integration.record_builders import client_as

    tree = f.small_tree()
    pid = f.person("Phạm Minh Tuấn", tree.cell_a)
    models.PositionHolding.objects.create(
        person_id=pid, title=secretary_title, unit_id=tree.cell_a, how="appointed",
        valid_from=dt.date(2021, 12, 1), term_ends=dt.date(2026, 12, 1),
    )  # fmt: skip
    models.PositionHolding.objects.create(
        person_id=pid, title=secretary_title, unit_id=tree.cell_a, how="elected",
        valid_from=dt.date(2015, 9, 1), valid_to=dt.date(2020, 8, 31),
    )  # fmt: skip
    client = client_as(Role.VIEWER, tree.commune)
    page = client.get(f"/people/{pid}/").content.decode()
    assert "Hết thời hạn" in page
    cells = page.split("data-term-ends>")[1:]
    assert sorted(c.split("</td>")[0] for c in cells) == ["01/12/2026", "—"]
