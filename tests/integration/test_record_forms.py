"""The clerk's record forms as pages (SQLite and PostgreSQL): forms shown only to a writer,
refusals next to the field with their citation and the input kept, scope refusals, audit rows,
units renamed, merged and split."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.audit.models import AuditEntry
from canbo.core.types import Role, UnitKind
from canbo.registry import models
from tests import factories as f
from tests.integration.record_builders import Place, admit, build_place, client_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def place() -> Place:
    return build_place()


def test_the_record_forms_are_offered_to_a_writer_only(place: Place) -> None:
    url = f"/people/{place.an}/"
    clerk = client_as(Role.ORG_STAFF, place.tree.commune).get(url).content.decode()
    reader = client_as(Role.VIEWER, place.tree.commune, "xem").get(url).content.decode()
    assert f"/people/{place.an}/cap-nhat/ky-luat/" in clerk
    assert "cap-nhat/" not in reader
    cell = f"/units/{place.tree.cell_a}/"
    assert (
        "cap-nhat/ket-nap/"
        in client_as(Role.ORG_STAFF, place.tree.commune, "b").get(cell).content.decode()
    )


def test_a_clerk_admits_a_member_from_the_cell_page_and_an_audit_row_is_written(
    place: Place,
) -> None:
    client = client_as(Role.ORG_STAFF, place.tree.commune)
    response = client.post(
        f"/units/{place.tree.cell_a}/cap-nhat/ket-nap/",
        {
            "full_name": "Lò Thị Mai",
            "code": "KN-010",
            "birth_date": "1999-04-02",
            "sex": "F",
            "admitted_on": "2025-03-01",
            "decision_ref": "12-QĐ/ĐU",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    mai = models.Person.objects.get(code="KN-010")
    assert response["Location"].startswith(f"/people/{mai.pk}/")
    assert AuditEntry.objects.filter(action="party.admitted", object_type="party_event").exists()
    page = client.get(f"/people/{mai.pk}/").content.decode()
    assert "Kết nạp vào Đảng" in page
    assert "01/03/2026" in page  # recognition due


def test_a_refusal_is_shown_next_to_its_field_with_the_citation_and_the_input_kept(
    place: Place,
) -> None:
    mai = admit(place)
    client = client_as(Role.ORG_STAFF, place.tree.commune)
    written = AuditEntry.objects.count()
    response = client.post(
        f"/people/{mai}/cap-nhat/cong-nhan-chinh-thuc/",
        {"recognized_on": "2026-01-15", "decision_ref": "99-QĐ/ĐU"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    field_error = html.split('data-field="recognized_on"', 1)[1].split("</p>", 1)[0]
    assert "Điều lệ Đảng, Điều 5" in field_error
    assert "01/03/2026" in field_error
    assert 'value="99-QĐ/ĐU"' in html
    assert 'value="2026-01-15"' in html
    assert AuditEntry.objects.count() == written


def test_an_invalid_form_keeps_what_was_typed(place: Place) -> None:
    client = client_as(Role.ORG_STAFF, place.tree.commune)
    response = client.post(
        f"/units/{place.tree.cell_a}/cap-nhat/ket-nap/",
        {"full_name": "Lò Thị Mai", "code": "KN-011", "sex": "F", "admitted_on": "2025-03-01"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'data-field="birth_date"' in html
    assert 'value="Lò Thị Mai"' in html
    assert not models.Person.objects.filter(code="KN-011").exists()


def test_a_second_spouse_is_refused_next_to_the_relation_field(place: Place) -> None:
    client = client_as(Role.ORG_STAFF, place.tree.commune)
    url = f"/people/{place.an}/cap-nhat/nguoi-than/"
    form = {"relation": "spouse", "full_name": "Lê Thị Hoa", "declared_on": "2025-01-01"}
    assert client.post(url, form).status_code == 302
    response = client.post(url, {**form, "full_name": "Đỗ Thị Lan"})
    assert response.status_code == 400
    html = response.content.decode()
    error = html.split('data-field="relation"', 1)[1].split("</p>", 1)[0]
    assert "Luật Hôn nhân và gia đình 2014, Điều 5" in error
    assert 'value="Đỗ Thị Lan"' in html
    first = models.Relative.objects.get(person_id=place.an)
    ended = client.post(
        f"/people/{place.an}/cap-nhat/nguoi-than-cham-dut/",
        {"record_id": first.pk, "ended_on": "2025-06-01"},
    )
    assert ended.status_code == 302
    assert client.post(url, {**form, "full_name": "Đỗ Thị Lan"}).status_code == 302
    assert "chấm dứt từ 01/06/2025" in client.get(f"/people/{place.an}/").content.decode()


def test_scope_refusals_a_clerk_elsewhere_gets_not_found_a_reader_is_refused(
    place: Place,
) -> None:
    url = f"/people/{place.an}/cap-nhat/ky-luat/"
    elsewhere = client_as(Role.ORG_STAFF, place.other_cell, "caobang")
    assert elsewhere.get(url).status_code == 404
    reader = client_as(Role.VIEWER, place.tree.commune, "xem")
    assert reader.get(url).status_code == 403
    form = {"form": "khien_trach", "decision_date": "2026-01-10", "authority": "Đảng ủy xã"}
    assert reader.post(url, form).status_code == 403
    assert not models.DisciplineRecord.objects.exists()
    clerk = client_as(Role.ORG_STAFF, place.tree.commune)
    assert clerk.post(url, form).status_code == 302
    assert AuditEntry.objects.filter(action="record.discipline.add").exists()


def test_an_official_transfer_through_the_form_moves_the_member(place: Place) -> None:
    client = client_as(Role.ORG_STAFF, place.tree.commune)
    url = f"/people/{place.an}/cap-nhat/chuyen-sinh-hoat/"
    page = client.get(url).content.decode()
    assert 'data-url="/tim/goi-y/?loai=unit"' in page  # the cell is picked by name
    offered = client.get("/tim/goi-y/", {"q": "chi bo thon", "loai": "unit"}).content.decode()
    assert "Chi bộ thôn Bản Lý" in offered
    assert "Chi bộ thôn Nà Giàng" not in offered  # outside the clerk's scope
    response = client.post(
        url, {"kind": "official", "to_cell": f"id:{place.tree.cell_b}", "on": "2026-02-01"}
    )
    assert response.status_code == 302
    cells = list(
        models.Membership.objects.filter(person_id=place.an)
        .order_by("valid_from")
        .values_list("unit_id", flat=True)
    )
    assert cells == [place.tree.cell_a, place.tree.cell_b]


def test_an_irreversible_step_asks_for_confirmation(place: Place) -> None:
    client = client_as(Role.ORG_STAFF, place.tree.commune)
    url = f"/people/{place.an}/cap-nhat/ra-khoi-dang/"
    form = {"kind": "exited", "on": "2026-02-01"}
    assert client.post(url, form).status_code == 400
    assert models.Person.objects.get(pk=place.an).party_exit_date is None
    assert client.post(url, {**form, "confirm": "1"}).status_code == 302
    assert models.Person.objects.get(pk=place.an).party_exit_date == dt.date(2026, 2, 1)


def test_units_are_renamed_merged_and_split_from_the_unit_page(place: Place) -> None:
    client = client_as(Role.ORG_STAFF, place.tree.commune)
    a, b = place.tree.cell_a, place.tree.cell_b
    rename = client.post(
        f"/units/{a}/cap-nhat/doi-ten/",
        {"name": "Chi bộ thôn Na Pô Một", "valid_from": "2026-01-01", "legal_basis": "5-QĐ/ĐU"},
    )
    assert rename.status_code == 302
    names = models.UnitVersion.objects.filter(unit_id=a).order_by("valid_from")
    assert [v.name for v in names] == ["Chi bộ thôn Na Pô", "Chi bộ thôn Na Pô Một"]
    merge = client.post(
        f"/units/{a}/cap-nhat/hop-nhat/",
        {
            "others": [b],
            "name": "Chi bộ thôn Na Pô - Bản Lý",
            "code": "CB-GHEP",
            "kind": "cell",
            "valid_from": "2026-03-01",
            "legal_basis": "7-QĐ/ĐU",
            "confirm": "1",
        },
    )
    assert merge.status_code == 302, merge.content.decode()[:3000]
    merged = models.OrgUnit.objects.get(code="CB-GHEP")
    assert models.OrgUnit.objects.get(pk=a).valid_to == dt.date(2026, 2, 28)
    assert set(
        models.LineageLink.objects.filter(successor=merged).values_list("predecessor", flat=True)
    ) == {a, b}
    # People keep their cell (OR-17): An still belongs to Na Pô, whose history ended.
    assert models.Membership.objects.get(person_id=place.an).unit_id == a
    group = f.unit("Tổ đảng số 2", UnitKind.PARTY_GROUP, merged.pk, since=dt.date(2026, 3, 1))
    split = client.post(
        f"/units/{merged.pk}/cap-nhat/chia-tach/",
        {
            "first_name": "Chi bộ thôn Na Pô",
            "first_code": "CB-NP2",
            "second_name": "Chi bộ thôn Bản Lý",
            "second_code": "CB-BL2",
            "to_second": [group],
            "valid_from": "2026-04-01",
            "legal_basis": "9-QĐ/ĐU",
            "confirm": "1",
        },
    )
    assert split.status_code == 302, split.content.decode()[:3000]
    second = models.OrgUnit.objects.get(code="CB-BL2")
    moved = models.UnitVersion.objects.get(unit_id=group, valid_from=dt.date(2026, 4, 1))
    assert moved.parent_id == second.pk
    assert models.OrgUnit.objects.get(pk=merged.pk).valid_to == dt.date(2026, 3, 31)
    shares = models.LineageLink.objects.filter(predecessor=merged).values_list("share", flat=True)
    assert sorted(shares) == ["part", "part"]


def test_an_identity_edit_through_the_form_opens_a_new_version(place: Place) -> None:
    client = client_as(Role.ORG_STAFF, place.tree.commune)
    url = f"/people/{place.an}/cap-nhat/sua/"
    page = client.get(url).content.decode()
    assert 'value="Nguyễn Văn An"' in page  # the form starts from the stored identity
    person = models.Person.objects.get(pk=place.an)
    form = {
        "full_name": person.full_name,
        "code": person.code,
        "birth_date": "1980-05-17",
        "sex": "M",
        "ethnicity": "Tày",
        "since": "2026-02-01",
    }
    assert client.post(url, form).status_code == 302
    rows = models.PersonVersion.objects.filter(person_id=place.an).order_by("valid_from")
    assert [r.data["ethnicity"] for r in rows] == ["Kinh", "Tày"]
    assert rows[0].valid_to == dt.date(2026, 1, 31)
    assert AuditEntry.objects.filter(action="person.update", object_id=str(place.an)).exists()


def test_posts_are_appointed_acting_and_ended_and_leave_and_retirement_are_recorded(
    place: Place,
) -> None:
    models.Title.objects.create(code="BT-CB", name="Bí thư chi bộ", level="grassroots")
    client = client_as(Role.ORG_STAFF, place.tree.commune)
    base = f"/people/{place.an}/cap-nhat"
    acting = {
        "title_code": "BT-CB",
        "unit_id": f"id:{place.tree.cell_a}",
        "how": "acting",
        "valid_from": "2026-01-05",
    }
    assert client.post(f"{base}/chuc-vu/", acting).status_code == 302
    held = models.PositionHolding.objects.get(person_id=place.an)
    assert held.how == "acting"
    page = client.get(f"/people/{place.an}/").content.decode()
    assert "Giao quyền, phụ trách" in page
    ended = client.post(f"{base}/thoi-chuc-vu/", {"record_id": held.pk, "last_day": "2026-03-31"})
    assert ended.status_code == 302
    assert models.PositionHolding.objects.get(pk=held.pk).valid_to == dt.date(2026, 3, 31)
    leave = {"kind": "sick", "starts": "2026-04-01", "ends": "2026-03-01"}
    refused = client.post(f"{base}/nghi/", leave)
    assert refused.status_code == 400
    assert 'data-field="ends"' in refused.content.decode()
    assert client.post(f"{base}/nghi/", {**leave, "ends": "2026-04-30"}).status_code == 302
    notice = {"notice_date": "2026-05-01", "retirement_date": "2026-11-01"}
    assert client.post(f"{base}/nghi-huu/", notice).status_code == 302
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"record.position.add", "record.position.end", "record.leave.add"} <= actions
    assert "record.retirementnotice.add" in actions


def test_a_member_with_party_records_is_added_to_a_cell_from_the_cell_page(place: Place) -> None:
    client = client_as(Role.ORG_STAFF, place.tree.commune)
    form = {
        "full_name": "Hoàng Thị Thu",
        "code": "DV-777",
        "birth_date": "1985-09-09",
        "sex": "F",
        "party_admission_date": "2010-02-03",
        "official_membership_date": "2009-01-01",
        "since": "2026-01-01",
    }
    url = f"/units/{place.tree.cell_b}/cap-nhat/them-dang-vien/"
    refused = client.post(url, form)
    assert refused.status_code == 400
    assert 'data-field="official_membership_date"' in refused.content.decode()
    assert client.post(url, {**form, "official_membership_date": "2011-02-03"}).status_code == 302
    thu = models.Person.objects.get(code="DV-777")
    assert models.Membership.objects.get(person=thu).unit_id == place.tree.cell_b
