"""The REST API: scoped reads that answer "not found" alike, audited writes, clear refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from canbo.accounts.models import RoleGrant
from canbo.audit.models import AuditEntry
from canbo.core.types import LineageKind, Role, Sex, UnitId, UnitKind
from canbo.registry import models as m
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.registry import changes as svc
from tests import factories as f

pytestmark = pytest.mark.django_db

BEFORE = "2024-12-31"
AFTER = "2026-01-15"
MERGE = dt.date(2025, 7, 1)


def client_for(role: Role | None, root: UnitId | None = None, **user: Any) -> APIClient:
    """An API client signed in as an account holding ``role`` over ``root``'s subtree."""
    account = get_user_model().objects.create_user(
        username=f"u{get_user_model().objects.count() + 1}", password="mat-khau-dai", **user
    )
    if role is not None:
        RoleGrant.objects.create(
            user=account, role=role, unit_id=root, valid_from=dt.date(2000, 1, 1)
        )
    client = APIClient()
    client.force_authenticate(user=account)
    return client


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


def person_payload(**changes: Any) -> dict[str, Any]:
    body = {
        "code": "DV0001",
        "full_name": "Nguyễn Thị Thu Hà",
        "birth_date": "1985-03-08",
        "sex": "F",
        "ethnicity": "Tày",
        "party_admission_date": "2008-05-19",
        "official_membership_date": "2009-05-19",
        "since": "2020-01-01",
    }
    body.update(changes)
    return body


@pytest.fixture
def tree() -> f.SmallTree:
    return f.small_tree()


# Authentication and scope --------------------------------------------------------------------


def test_an_anonymous_call_is_challenged_for_basic_credentials(tree: f.SmallTree) -> None:
    response = APIClient().get("/api/units/")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Basic")


def test_a_province_staff_lists_only_the_units_of_their_province(tree: f.SmallTree) -> None:
    client = client_for(Role.ORG_STAFF, tree.ha_giang)
    response = client.get("/api/units/", {"as_of": BEFORE})
    assert response.status_code == 200
    ids = {row["id"] for row in response.json()["results"]}
    assert ids == {tree.ha_giang, tree.commune, tree.cell_a, tree.cell_b}


def test_a_forbidden_unit_and_a_missing_unit_get_identical_not_found_bodies(
    tree: f.SmallTree,
) -> None:
    client = client_for(Role.ORG_STAFF, tree.tuyen_quang_old)
    forbidden = client.get(f"/api/units/{tree.cell_a}/", {"as_of": BEFORE})
    missing = client.get("/api/units/987654/", {"as_of": BEFORE})
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.content == missing.content
    assert forbidden.json()["code"] == "unit_not_found"
    for path in ("children", "members", "member-count"):
        assert client.get(f"/api/units/{tree.cell_a}/{path}/").content == missing.content


def test_a_forbidden_person_and_a_missing_person_get_identical_not_found_bodies(
    tree: f.SmallTree,
) -> None:
    pid = f.person("Nguyễn Văn An", tree.cell_a)
    client = client_for(Role.ORG_STAFF, tree.tuyen_quang_old)
    forbidden = client.get(f"/api/people/{pid}/")
    missing = client.get("/api/people/987654/")
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.content == missing.content
    assert forbidden.json()["code"] == "person_not_found"
    assert client.get("/api/people/", {"q": "An"}).json()["count"] == 0


def test_a_viewer_is_refused_a_write_with_a_code_and_nothing_is_written(
    tree: f.SmallTree,
) -> None:
    client = client_for(Role.VIEWER, tree.ha_giang)
    entries = AuditEntry.objects.count()
    response = client.post("/api/people/", person_payload(cell=tree.cell_a), format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "unit_write_denied"
    assert not m.Person.objects.filter(code="DV0001").exists()
    assert AuditEntry.objects.count() == entries


def test_an_administrator_without_two_factor_is_refused(tree: f.SmallTree) -> None:
    client = client_for(None, is_superuser=True, is_staff=True)
    response = client.get("/api/units/")
    assert response.status_code == 403
    assert response.json()["code"] == "otp_required"


def test_an_administrator_who_passed_two_factor_in_the_session_may_use_the_api(
    tree: f.SmallTree,
) -> None:
    admin = get_user_model().objects.create_user(
        username="quantri", password="mat-khau-dai", is_superuser=True, is_staff=True
    )
    device = TOTPDevice.objects.create(user=admin, name="TOTP", confirmed=True)
    client = APIClient()
    client.force_login(admin)
    assert client.get("/api/units/").status_code == 403
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    response = client.get("/api/units/", {"as_of": BEFORE})
    assert response.status_code == 200
    assert response.json()["count"] == 6  # Tuyên Quang (new) starts on 01/07/2025


# Writes --------------------------------------------------------------------------------------


def test_creating_a_unit_writes_an_audit_entry_and_answers_its_first_version(
    tree: f.SmallTree,
) -> None:
    client = client_for(Role.ORG_STAFF, tree.commune)
    body = {
        "code": "CB-LUNG-CU",
        "name": "Chi bộ thôn Lũng Cú",
        "kind": "cell",
        "parent": tree.commune,
        "valid_from": "2022-01-01",
    }
    response = client.post("/api/units/", body, format="json")
    assert response.status_code == 201, response.json()
    created = response.json()
    assert created["version"]["name"] == "Chi bộ thôn Lũng Cú"
    assert created["version"]["valid_to"] is None
    entry = AuditEntry.objects.order_by("-seq").first()
    assert (entry.action, entry.object_id) == ("unit.create", str(created["id"]))


def test_creating_a_unit_with_a_duplicate_code_is_a_conflict(tree: f.SmallTree) -> None:
    client = client_for(Role.ORG_STAFF, tree.commune)
    code = m.OrgUnit.objects.get(pk=tree.cell_a).code
    body = {
        "code": code,
        "name": "X",
        "kind": "cell",
        "parent": tree.commune,
        "valid_from": "2022-01-01",
    }
    response = client.post("/api/units/", body, format="json")
    assert response.status_code == 409
    assert response.json()["fields"]["field"] == "code"


def test_creating_a_person_writes_an_audit_entry_and_lists_them_in_their_cell(
    tree: f.SmallTree,
) -> None:
    client = client_for(Role.ORG_STAFF, tree.ha_giang)
    response = client.post("/api/people/", person_payload(cell=tree.cell_a), format="json")
    assert response.status_code == 201, response.json()
    record = response.json()
    assert (record["given_name"], record["family_name"]) == ("Hà", "Nguyễn")
    assert record["memberships"][0]["unit"] == tree.cell_a
    entry = AuditEntry.objects.order_by("-seq").first()
    assert (entry.action, entry.object_id) == ("person.create", str(record["id"]))
    members = client.get(f"/api/units/{tree.cell_a}/members/").json()
    assert [row["code"] for row in members["results"]] == ["DV0001"]


def test_a_birth_date_in_the_future_is_refused_naming_the_field_in_vietnamese_and_english(
    tree: f.SmallTree,
) -> None:
    client = client_for(Role.ORG_STAFF, tree.ha_giang)
    payload = person_payload(cell=tree.cell_a, birth_date="2999-01-01")
    response = client.post("/api/people/", payload, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "date_in_future"
    assert body["fields"]["field"] == "birth_date"
    assert body["message"] == body["message_vi"]
    assert body["message_vi"].startswith("Ngày sinh:")
    assert body["message_en"].startswith("Date of birth:")
    assert not m.Person.objects.filter(code="DV0001").exists()
    english = client.post("/api/people/", payload, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["message"] == body["message_en"]


def test_malformed_input_is_refused_naming_the_field_and_the_row(tree: f.SmallTree) -> None:
    client = client_for(Role.ORG_STAFF, tree.ha_giang)
    bad_kind = {"code": "X1", "name": "X", "kind": "tiểu ban", "valid_from": "2022-01-01"}
    body = client.post("/api/units/", bad_kind, format="json").json()
    assert (body["code"], body["fields"]["field"]) == ("invalid_input", "kind")
    assert body["message_vi"].startswith("Loại:")
    assert "kind" in body["fields"]["errors"]
    lineage = {
        "kind": "merge",
        "date": "2025-07-01",
        "legal_basis": "NQ 202/2025/QH15",
        "predecessors": [tree.ha_giang],
        "successors": [tree.tuyen_quang_new],
        "shares": [
            {"predecessor": tree.ha_giang, "successor": tree.tuyen_quang_new, "share": "part"},
            {"predecessor": tree.ha_giang, "successor": tree.tuyen_quang_new, "share": "half"},
        ],
    }
    body = client.post("/api/lineage/", lineage, format="json").json()
    assert body["fields"]["field"] == "shares[1].share"
    assert body["fields"]["problem"] == "invalid_choice"
    bad_date = client.get("/api/units/", {"as_of": "31/12/2024"}).json()
    assert (bad_date["code"], bad_date["fields"]["field"]) == ("invalid_input", "as_of")


def test_a_correction_is_audited_with_before_and_after(tree: f.SmallTree) -> None:
    pid = f.person("Lê Văn Bình", tree.cell_b)
    client = client_for(Role.ORG_STAFF, tree.commune)
    response = client.patch(f"/api/people/{pid}/", {"hometown": "Đồng Văn"}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["hometown"] == "Đồng Văn"
    assert response.json()["full_name"] == "Lê Văn Bình"
    entry = AuditEntry.objects.order_by("-seq").first()
    assert entry.action == "person.update" and entry.before_digest != entry.after_digest


def test_a_transfer_moves_the_member_and_keeps_the_cell_history(tree: f.SmallTree) -> None:
    pid = f.person("Lê Văn Bình", tree.cell_b)
    client = client_for(Role.ORG_STAFF, tree.commune)
    move = {"to_cell": tree.cell_a, "on": "2024-03-01"}
    response = client.post(f"/api/people/{pid}/transfer/", move, format="json")
    assert response.status_code == 200, response.json()
    history = [(row["unit"], row["valid_to"]) for row in response.json()["memberships"]]
    assert history == [(tree.cell_b, "2024-02-29"), (tree.cell_a, None)]


def test_a_rename_from_a_date_keeps_the_old_name_searchable(tree: f.SmallTree) -> None:
    client = client_for(Role.ORG_STAFF, tree.commune)
    change = {"valid_from": "2024-01-01", "name": "Chi bộ thôn Na Pô Mới"}
    response = client.post(f"/api/units/{tree.cell_a}/versions/", change, format="json")
    assert response.status_code == 201, response.json()
    names = [v["name"] for v in response.json()["history"]]
    assert names == ["Chi bộ thôn Na Pô", "Chi bộ thôn Na Pô Mới"]
    found = client.get("/api/units/", {"q": "Na Pô", "as_of": AFTER}).json()["results"]
    assert [(row["id"], row["name"]) for row in found] == [(tree.cell_a, "Chi bộ thôn Na Pô Mới")]


# As of a date, across the 2025 merge --------------------------------------------------------


def test_the_tree_answers_as_of_either_side_of_the_2025_merge(tree: f.SmallTree) -> None:
    f.person("Nguyễn Văn An", tree.cell_a)
    merge_provinces(tree)
    client = client_for(Role.VIEWER, tree.central)
    before = client.get(f"/api/units/{tree.commune}/", {"as_of": BEFORE}).json()
    after = client.get(f"/api/units/{tree.commune}/", {"as_of": AFTER}).json()
    assert before["version"]["parent"] == tree.ha_giang
    assert after["version"]["parent"] == tree.tuyen_quang_new
    assert after["parent_name"] == "Đảng bộ tỉnh Tuyên Quang"
    count = {
        (unit, day): client.get(f"/api/units/{unit}/member-count/", {"as_of": day}).json()
        for unit in (tree.ha_giang, tree.tuyen_quang_new)
        for day in (BEFORE, AFTER)
    }
    assert count[(tree.ha_giang, BEFORE)]["members"] == 1
    assert count[(tree.ha_giang, AFTER)]["members"] == 0
    assert count[(tree.tuyen_quang_new, AFTER)]["members"] == 1
    kids = client.get(f"/api/units/{tree.tuyen_quang_new}/children/", {"as_of": AFTER}).json()
    assert [row["id"] for row in kids["results"]] == [tree.commune]


def test_a_merged_province_shows_its_predecessors_and_an_ended_one_its_successor(
    tree: f.SmallTree,
) -> None:
    merge_provinces(tree)
    client = client_for(Role.VIEWER, tree.central)
    new = client.get(f"/api/units/{tree.tuyen_quang_new}/", {"as_of": AFTER}).json()
    assert {p["unit"] for p in new["predecessors"]} == {tree.ha_giang, tree.tuyen_quang_old}
    assert {p["event_kind"] for p in new["predecessors"]} == {"merge"}
    old = client.get(f"/api/units/{tree.ha_giang}/", {"as_of": AFTER}).json()
    assert old["version"] is None
    assert old["valid_to"] == "2025-06-30"
    assert [(s["unit"], s["unit_name"]) for s in old["successors"]] == [
        (tree.tuyen_quang_new, "Đảng bộ tỉnh Tuyên Quang")
    ]


def test_the_merged_province_staff_read_the_moved_commune_before_and_after_the_merge(
    tree: f.SmallTree,
) -> None:
    f.person("Nguyễn Văn An", tree.cell_a)
    merge_provinces(tree)
    client = client_for(Role.ORG_STAFF, tree.tuyen_quang_new)
    assert client.get(f"/api/units/{tree.commune}/", {"as_of": AFTER}).status_code == 200
    # The predecessors' history is readable by the successor's commission (OR-16).
    assert client.get(f"/api/units/{tree.commune}/", {"as_of": BEFORE}).status_code == 200
    people = client.get("/api/people/", {"as_of": AFTER}).json()
    assert [row["full_name"] for row in people["results"]] == ["Nguyễn Văn An"]
    assert client.get("/api/people/", {"as_of": BEFORE}).json()["count"] == 1
    other = client_for(Role.ORG_STAFF, tree.tuyen_quang_old)
    assert other.get(f"/api/units/{tree.commune}/", {"as_of": BEFORE}).status_code == 404


# Lists: order, pagination, query counts -------------------------------------------------------

NAMES = [
    "Lê Văn Đức",
    "Trần Thị Bích",
    "Hoàng Văn Ân",
    "Vũ Văn Dũng",
    "Nguyễn Văn An",
    "Phạm Thị Anh",
]
OFFICIAL_ORDER = [
    "Nguyễn Văn An",
    "Phạm Thị Anh",
    "Hoàng Văn Ân",
    "Trần Thị Bích",
    "Vũ Văn Dũng",
    "Lê Văn Đức",
]


def test_members_come_in_official_order_page_by_page(tree: f.SmallTree) -> None:
    for name in NAMES:
        f.person(name, tree.cell_a)
    client = client_for(Role.VIEWER, tree.commune)
    seen: list[str] = []
    for offset in (0, 2, 4):
        page = client.get(
            f"/api/units/{tree.cell_a}/members/", {"limit": 2, "offset": offset}
        ).json()
        assert page["count"] == 6
        seen += [row["full_name"] for row in page["results"]]
    assert seen == OFFICIAL_ORDER


def test_the_commune_members_include_its_cells_only_when_asked_for_the_subtree(
    tree: f.SmallTree,
) -> None:
    f.person("Nguyễn Văn An", tree.cell_a)
    f.person("Lê Văn Bình", tree.cell_b)
    client = client_for(Role.VIEWER, tree.commune)
    url = f"/api/units/{tree.commune}/members/"
    assert client.get(url).json()["count"] == 0
    rows = client.get(url, {"subtree": "true"}).json()["results"]
    assert [(r["full_name"], r["cell"]) for r in rows] == [
        ("Nguyễn Văn An", tree.cell_a),
        ("Lê Văn Bình", tree.cell_b),
    ]


def test_people_are_found_by_part_of_the_name_or_by_code(tree: f.SmallTree) -> None:
    f.person("Nguyễn Văn An", tree.cell_a, code="HG-001")
    f.person("Trần Thị Bích", tree.cell_b, sex=Sex.FEMALE, code="HG-002")
    client = client_for(Role.VIEWER, tree.ha_giang)
    by_name = client.get("/api/people/", {"q": "Bích", "as_of": BEFORE}).json()["results"]
    by_code = client.get("/api/people/", {"q": "hg-001", "as_of": BEFORE}).json()["results"]
    assert [r["code"] for r in by_name] == ["HG-002"]
    assert [r["full_name"] for r in by_code] == ["Nguyễn Văn An"]
    everyone = client.get("/api/people/", {"q": "", "as_of": BEFORE}).json()
    assert [r["code"] for r in everyone["results"]] == ["HG-001", "HG-002"]
    in_cell = client.get("/api/people/", {"unit": tree.cell_b, "as_of": BEFORE}).json()
    assert [r["code"] for r in in_cell["results"]] == ["HG-002"]


def test_list_endpoints_run_a_bounded_number_of_queries(
    tree: f.SmallTree, django_assert_max_num_queries: Any
) -> None:
    for i in range(30):
        given = "".join("ABCDEFGHIJ"[int(d)] for d in str(i))  # names have no digits
        f.person(f"Nguyễn Văn Số {given}", tree.cell_a if i % 2 else tree.cell_b)
    for i in range(10):
        f.unit(f"Chi bộ thôn {i}", UnitKind.CELL, tree.commune)
    client = client_for(Role.ORG_STAFF, tree.ha_giang)
    urls = [
        f"/api/units/{tree.commune}/members/?subtree=true&as_of={BEFORE}",
        f"/api/people/?as_of={BEFORE}",
        f"/api/units/?as_of={BEFORE}",
        f"/api/units/{tree.commune}/children/?as_of={BEFORE}",
    ]
    for url in urls:
        with django_assert_max_num_queries(7):
            response = client.get(url)
        assert response.status_code == 200
        assert len(response.json()["results"]) >= 12


def test_a_person_record_shows_every_section_in_a_few_queries(
    tree: f.SmallTree, django_assert_max_num_queries: Any
) -> None:
    pid = f.person("Trần Thị Bích Ngọc", tree.cell_a, sex=Sex.FEMALE)
    title = m.Title.objects.create(code="BT", name="Bí thư chi bộ", level="grassroots")
    day = dt.date(2021, 1, 1)
    m.PositionHolding.objects.create(
        person_id=pid, title=title, unit_id=tree.cell_a, how="elected", valid_from=day
    )
    m.DisciplineRecord.objects.create(
        person_id=pid, form="khien_trach", decision_date=day, authority="Đảng ủy xã"
    )
    m.LeavePeriod.objects.create(person_id=pid, kind="maternity", starts=day, ends=day)
    m.RetirementNotice.objects.create(person_id=pid, notice_date=day, retirement_date=day)
    m.Relative.objects.create(
        person_id=pid, relation="spouse", full_name="Lò Văn Páo", declared_on=day
    )
    client = client_for(Role.VIEWER, tree.commune)
    with django_assert_max_num_queries(11):
        record = client.get(f"/api/people/{pid}/").json()
    assert record["positions"][0]["title"] == "Bí thư chi bộ"
    assert record["positions"][0]["unit_name"] == "Chi bộ thôn Na Pô"
    assert record["disciplines"][0]["form"] == "khien_trach"
    assert record["leaves"][0]["leave_kind"] == "maternity"
    assert record["retirements"][0]["retirement_date"] == "2021-01-01"
    assert record["relatives"][0]["full_name"] == "Lò Văn Páo"
    assert record["cell"] == tree.cell_a


def test_an_administrator_records_a_merge_through_the_api(tree: f.SmallTree, settings: Any) -> None:
    settings.CANBO_REQUIRE_ADMIN_2FA = False
    client = client_for(None, is_superuser=True, is_staff=True)
    lineage = {
        "kind": "merge",
        "date": "2025-07-01",
        "legal_basis": "NQ 202/2025/QH15",
        "predecessors": [tree.ha_giang, tree.tuyen_quang_old],
        "successors": [tree.tuyen_quang_new],
    }
    response = client.post("/api/lineage/", lineage, format="json")
    assert response.status_code == 201, response.json()
    assert AuditEntry.objects.order_by("-seq").first().action == "unit.reorganize"
    after = client.get(f"/api/units/{tree.commune}/", {"as_of": AFTER}).json()
    assert after["version"]["parent"] == tree.tuyen_quang_new


# The OpenAPI schema -------------------------------------------------------------------------


def test_the_openapi_schema_validates_without_warnings_and_lists_the_endpoints(
    tmp_path: Path,
) -> None:
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    schema = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert schema["openapi"].startswith("3.")
    expected = {
        "/api/units/": {"get", "post"},
        "/api/units/{unit_id}/": {"get"},
        "/api/units/{unit_id}/versions/": {"post"},
        "/api/units/{unit_id}/children/": {"get"},
        "/api/units/{unit_id}/members/": {"get"},
        "/api/units/{unit_id}/member-count/": {"get"},
        "/api/lineage/": {"post"},
        "/api/people/": {"get", "post"},
        "/api/people/{person_id}/": {"get", "patch"},
        "/api/people/{person_id}/transfer/": {"post"},
    }
    for path, methods in expected.items():
        assert methods <= set(schema["paths"][path]), path
    units = schema["paths"]["/api/units/"]["get"]
    assert {"as_of", "q", "parent", "limit", "offset"} <= {p["name"] for p in units["parameters"]}
    assert "404" in schema["paths"]["/api/people/{person_id}/"]["get"]["responses"]


def test_people_are_found_without_diacritics_and_in_any_word_order(tree: f.SmallTree) -> None:
    f.person("Nguyễn Văn An", tree.cell_a, code="HG-011")
    f.person("Đặng Thị Thu", tree.cell_b, sex=Sex.FEMALE, code="HG-012")
    client = client_for(Role.VIEWER, tree.ha_giang)

    def codes(q: str) -> list[str]:
        rows = client.get("/api/people/", {"q": q, "as_of": BEFORE}).json()["results"]
        return [r["code"] for r in rows]

    assert codes("an nguyen") == ["HG-011"]
    assert codes("DANG thu") == ["HG-012"]
    assert codes("Đặng") == ["HG-012"]
    assert codes("nguyen thu") == []


def test_basic_auth_guessing_is_throttled_like_the_login_page(tree: f.SmallTree) -> None:
    import base64

    from django.contrib.auth import get_user_model
    from django.test import Client, override_settings

    get_user_model().objects.create_user("nguoidung", password="dung-mat-khau-1")

    def call(password: str) -> int:
        token = base64.b64encode(f"nguoidung:{password}".encode()).decode()
        return Client().get("/api/units/", HTTP_AUTHORIZATION=f"Basic {token}").status_code

    with override_settings(CANBO_LOGIN_MAX_FAILURES=3):
        assert [call("sai") for _ in range(3)] == [401, 401, 401]
        assert call("dung-mat-khau-1") == 429
