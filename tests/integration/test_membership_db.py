"""Membership services through the Django unit of work (SQLite and PostgreSQL): each refusal
leaves nothing written; events, identity versions and cell history as stored."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from canbo.audit.models import AuditEntry
from canbo.core.errors import Conflict, NotFound, PermissionDenied, RuleViolation
from canbo.core.records import PartyEventKind, RelativeData
from canbo.core.types import AccountId, RelationKind, Role, UnitId
from canbo.registry import models
from canbo.services.ports import Actor, Grant
from canbo.services.registry import changes, membership, records
from tests import factories as f
from tests.integration.record_builders import TODAY, Place, admit, build_place, uow

pytestmark = pytest.mark.django_db


@pytest.fixture
def place() -> Place:
    return build_place()


def test_admission_stores_the_due_date_and_recognition_before_it_is_refused(
    place: Place,
) -> None:
    mai = admit(place)
    event = models.PartyEvent.objects.get(person_id=mai)
    assert (event.kind, event.until) == ("admitted", dt.date(2026, 3, 1))
    written = AuditEntry.objects.count()
    with pytest.raises(RuleViolation) as refused:
        membership.recognize_official(uow(), place.clerk, mai, dt.date(2026, 2, 28), "", TODAY)
    assert refused.value.code == "probation_not_over"
    assert AuditEntry.objects.count() == written
    assert models.Person.objects.get(pk=mai).official_membership_date is None
    membership.recognize_official(uow(), place.clerk, mai, dt.date(2026, 3, 1), "", TODAY)
    versions = list(models.PersonVersion.objects.filter(person_id=mai).order_by("valid_from"))
    assert versions[0].valid_to == dt.date(2026, 2, 28)
    assert versions[-1].data["official_membership_date"] == "2026-03-01"
    assert versions[0].data["official_membership_date"] is None


def test_an_under_age_admission_is_refused_and_no_person_is_written(place: Place) -> None:
    young = f.PersonData("KN-002", "Lò Văn Nhỏ", dt.date(2010, 1, 1), f.Sex.MALE)
    people = models.Person.objects.count()
    with pytest.raises(RuleViolation) as refused:
        membership.admit_member(
            uow(), place.clerk, young, place.tree.cell_a, dt.date(2025, 3, 1), "", TODAY
        )
    assert refused.value.code == "admission_under_age"
    assert models.Person.objects.count() == people


def test_after_death_no_membership_event_is_taken_and_the_cell_history_ends(
    place: Place,
) -> None:
    died = dt.date(2026, 1, 5)
    membership.end_membership(uow(), place.clerk, place.an, PartyEventKind.DIED, died, "", TODAY)
    row = models.Membership.objects.get(person_id=place.an)
    assert (row.valid_to, row.end_reason) == (died, "died")
    assert models.Person.objects.get(pk=place.an).death_date == died
    with pytest.raises(Conflict) as refused:
        membership.transfer_activity(
            uow(), place.clerk, place.an, place.tree.cell_b, TODAY, "", TODAY
        )
    assert refused.value.code == "not_a_member"


def test_a_transfer_out_of_scope_is_not_found_and_a_temporary_one_keeps_the_cell(
    place: Place,
) -> None:
    with pytest.raises(NotFound):
        membership.transfer_activity(
            uow(), place.clerk, place.an, UnitId(place.other_cell), TODAY, "", TODAY
        )
    membership.transfer_activity(
        uow(),
        place.clerk,
        place.an,
        place.tree.cell_b,
        dt.date(2026, 1, 1),
        "",
        TODAY,
        until=dt.date(2026, 6, 30),
    )
    assert models.Membership.objects.get(person_id=place.an).unit_id == place.tree.cell_a
    assert models.PartyEvent.objects.get(person_id=place.an).kind == "temporary"


def test_a_second_living_spouse_is_refused_on_the_database(place: Place) -> None:
    spouse = RelativeData(RelationKind.SPOUSE, dt.date(2020, 1, 1), full_name="Lê Thị Hoa")
    records.add_record(uow(), place.clerk, place.an, spouse, TODAY)
    with pytest.raises(RuleViolation) as refused:
        records.add_record(
            uow(), place.clerk, place.an, dataclasses.replace(spouse, full_name="Đỗ Lan"), TODAY
        )
    assert refused.value.code == "second_living_spouse"
    assert models.Relative.objects.filter(person_id=place.an).count() == 1


def test_an_identity_edit_keeps_the_old_version_of_an_imported_person(place: Place) -> None:
    models.PersonVersion.objects.filter(person_id=place.an).delete()  # as a bulk import leaves it
    before = uow().people.get(place.an)
    assert before is not None
    moved = dataclasses.replace(before, hometown="Đồng Văn")
    changes.update_person(uow(), place.clerk, place.an, moved, TODAY, dt.date(2026, 1, 1))
    rows = list(models.PersonVersion.objects.filter(person_id=place.an).order_by("valid_from"))
    assert [r.data["hometown"] for r in rows] == ["", "Đồng Văn"]
    with pytest.raises(Conflict):
        changes.update_person(uow(), place.clerk, place.an, before, TODAY, dt.date(2025, 1, 1))


def test_a_reader_may_not_record_discipline(place: Place) -> None:
    viewer = Actor(AccountId(901), "xem", (Grant(Role.VIEWER, place.tree.commune),))
    with pytest.raises(PermissionDenied):
        membership.end_membership(uow(), viewer, place.an, PartyEventKind.EXITED, TODAY, "", TODAY)
