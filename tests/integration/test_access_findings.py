"""Authorization on every write: the findings of the security review, one test each.

The access matrix (``test_access_matrix.py``) sweeps every URL; these name the cases the
review found, at the service and at the HTTP edge.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from canbo.accounts.models import RoleGrant
from canbo.audit.models import AuditEntry
from canbo.classification.models import CycleSubject
from canbo.classification.store import DjangoClassificationUnitOfWork as UnitOfWork
from canbo.core.errors import NotFound, PermissionDenied
from canbo.core.types import AccountId, Role, UnitId, UnitKind
from canbo.services.classification import cycle as cycles
from canbo.services.classification.ports import CycleId
from canbo.services.ports import Actor, Grant
from tests import factories as f
from tests.integration import classification_fixtures as fx
from tests.integration.test_access_matrix import shape

pytestmark = pytest.mark.django_db


def _account(name: str, role: str | None = None, unit: int | None = None) -> Any:
    user = get_user_model().objects.create_user(name, password="mat-khau-dai-1")
    if role is not None:
        RoleGrant.objects.create(user=user, role=role, unit_id=unit, valid_from=dt.date(2020, 1, 1))
    return user


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _proposals(cycle_id: CycleId) -> list[object]:
    rows = CycleSubject.objects.filter(cycle_id=cycle_id).order_by("pk")
    return list(rows.values_list("proposal__level", "proposal__rules"))


@pytest.fixture
def commune() -> fx.Commune:
    return fx.commune()


def test_only_the_commission_over_the_cycle_root_computes_and_a_refusal_writes_nothing(
    commune: fx.Commune,
) -> None:
    cycle_id = fx.open_cycle(commune)
    other = f.unit("Đảng bộ tỉnh Hà Giang", UnitKind.PROVINCIAL_PARTY_COMMITTEE)
    entries, proposals = AuditEntry.objects.count(), _proposals(cycle_id)
    refused = {
        Actor(AccountId(9), "no-grant", ()): NotFound,
        fx.actor("btc-tinh-khac", Role.ORG_STAFF, other, 10): NotFound,
        fx.actor("xem", Role.VIEWER, commune.province, 11): PermissionDenied,
        fx.actor("bi-thu", Role.CELL_SECRETARY, commune.cell_a, 12): PermissionDenied,
        fx.actor("btc-xa", Role.ORG_STAFF, commune.commune, 13): PermissionDenied,
    }
    for actor, error in refused.items():
        with pytest.raises(error):
            cycles.compute_proposals(UnitOfWork(), actor, cycle_id, workers=1)
    assert AuditEntry.objects.count() == entries
    assert _proposals(cycle_id) == proposals
    staff = fx.actor("btc-tinh", Role.ORG_STAFF, commune.province)
    report = cycles.compute_proposals(UnitOfWork(), staff, cycle_id, workers=1)
    assert report.evaluated > 0
    assert AuditEntry.objects.count() == entries + 1


def test_compute_over_http_is_refused_to_an_account_without_grants_on_the_page_and_the_api(
    commune: fx.Commune,
) -> None:
    cycle_id = fx.open_cycle(commune)
    client = _client(_account("khong-vai-tro"))
    entries = AuditEntry.objects.count()
    api = client.post(f"/api/classification/cycles/{cycle_id}/compute/")
    missing = client.post("/api/classification/cycles/987654/compute/")
    assert (api.status_code, api.json()) == (missing.status_code, missing.json())
    assert api.status_code == 404
    page = client.post(f"/danh-gia/{cycle_id}/tinh-de-xuat/", follow=True)
    assert "cycle_not_found" in page.content.decode()
    assert AuditEntry.objects.count() == entries


def test_a_person_confidence_history_is_read_through_the_person_loader(
    commune: fx.Commune,
) -> None:
    other = f.unit("Đảng bộ tỉnh Hà Giang", UnitKind.PROVINCIAL_PARTY_COMMITTEE)
    outsider = _client(_account("xem-tinh-khac", "viewer", other))
    person = commune.members_a[0]
    got = outsider.get(f"/hoi-nghi/can-bo/{person}/tin-nhiem/")
    lost = outsider.get("/hoi-nghi/can-bo/987654/tin-nhiem/")
    assert got.status_code == lost.status_code == 404
    assert "Lý Thị Mai" not in got.content.decode()
    target, missing = f"/hoi-nghi/can-bo/{person}/tin-nhiem/", "/hoi-nghi/can-bo/987654/tin-nhiem/"
    assert shape(got, target) == shape(lost, missing)
    reader = _client(_account("xem-tinh", "viewer", commune.province))
    assert "Lý Thị Mai" in reader.get(f"/hoi-nghi/can-bo/{person}/tin-nhiem/").content.decode()


def test_a_bulk_upload_is_refused_before_the_file_is_read(
    commune: fx.Commune, monkeypatch: pytest.MonkeyPatch
) -> None:
    from canbo.classification import views

    def never(upload: object) -> None:
        raise AssertionError("the file was read before authorization")

    monkeypatch.setattr(views, "read_upload", never)
    cycle_id = fx.open_cycle(commune)
    upload = SimpleUploadedFile("diem.xlsx", b"PK\x03\x04" + b"\0" * 4096)
    for user in (_account("khong-vai-tro"), _account("xem", "viewer", commune.cell_a)):
        response = _client(user).post(
            f"/danh-gia/{cycle_id}/don-vi/{commune.cell_a}/nhap/", {"file": upload}, follow=True
        )
        assert response.status_code in (200, 404)
        upload.seek(0)


def test_a_cycle_outside_the_scope_answers_like_a_missing_one_on_every_cycle_action(
    commune: fx.Commune,
) -> None:
    cycle_id = fx.open_cycle(commune)
    other = f.unit("Đảng bộ tỉnh Hà Giang", UnitKind.PROVINCIAL_PARTY_COMMITTEE)
    client = _client(_account("tt-tinh-khac", "standing_committee", other))
    for tail in ("publish/", "quota/"):
        got = client.post(f"/api/classification/cycles/{cycle_id}/{tail}", {"group": "x"})
        lost = client.post(f"/api/classification/cycles/987654/{tail}", {"group": "x"})
        assert (got.status_code, got.json()) == (lost.status_code, lost.json())
    got = client.get(f"/danh-gia/{cycle_id}/nhom/?g=x")
    lost = client.get("/danh-gia/987654/nhom/?g=x")
    assert got.status_code == lost.status_code == 404


def test_the_role_table_and_the_scope_module_answer_alike_for_the_cli_actor(
    commune: fx.Commune,
) -> None:
    from canbo.accounts import scope
    from canbo.core.permissions import Action
    from canbo.registry.management.commands.canbo_import import actor_named

    _account("btc-xa", "org_staff", commune.commune)
    actor = actor_named("btc-xa", dt.date(2026, 1, 5))
    day = dt.date(2026, 1, 5)
    assert actor.grants == (Grant(Role.ORG_STAFF, UnitId(commune.commune)),)
    assert scope.can_do(actor, Action.WRITE_RECORDS, commune.cell_a, day)
    assert not scope.can_do(actor, Action.WRITE_RECORDS, commune.province, day)
    assert not scope.can_do(actor, Action.DECIDE, commune.cell_a, day)
    assert scope.readable_scope(actor, day) == sorted(
        [commune.commune, commune.cell_a, commune.cell_b]
    )
