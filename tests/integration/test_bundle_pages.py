"""The /lien-thong/ pages: an administrator sees this installation and the registered ones,
exports a bundle as a download, uploads one to check it (nothing written) and to import it,
and reads the receipts and received records in Vietnamese; a refused upload names the
problem; a user without the role sees no form."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from canbo.bundles.kinds import CODECS, load_all
from canbo.bundles.models import BundleReceipt
from tests import bundle_builders as b

from .test_bundles import KIND, World
from .test_bundles import world as world
from .test_fuzz_endpoints import _client as admin_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(world: World, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> World:
    load_all()
    monkeypatch.setitem(CODECS, KIND, world.codec)
    monkeypatch.setattr("canbo.bundles.views.FileKeyStore", lambda: world.store)
    monkeypatch.setattr("canbo.bundles.views._now", lambda: b.NOW)
    return world


def _upload(client: Client, raw: bytes, action: str) -> str:
    data = {"file": SimpleUploadedFile("goi.zip", raw), "action": action}
    return client.post("/lien-thong/tai-len/", data, follow=True).content.decode()


def test_the_index_shows_this_installation_and_the_registered_one(site: World) -> None:
    page = admin_client("admin").get("/lien-thong/").content.decode()
    assert "Tỉnh Tuyên Quang" in page and "Xã Minh Quang" in page and "Cấp dưới" in page
    assert 'action="/lien-thong/xuat/"' in page and 'action="/lien-thong/tai-len/"' in page


def test_checking_a_bundle_writes_nothing_and_importing_it_shows_the_receipt(site: World) -> None:
    client = admin_client("admin")
    raw = site.up()
    assert "Gói hợp lệ" in _upload(client, raw, "verify")
    assert not BundleReceipt.objects.exists()
    page = _upload(client, raw, "import")
    assert "Đã nhập gói: 2 bản ghi" in page
    assert "Gói này đã được nhập trước đó" in _upload(client, raw, "import")
    receipt = BundleReceipt.objects.get()
    detail = client.get(f"/lien-thong/goi/{receipt.pk}/").content.decode()
    assert receipt.sha256 in detail and "Đang dùng" in detail
    records = client.get(f"/lien-thong/du-lieu/{KIND}/").content.decode()
    assert "Chi bộ thôn Khuôn Khương" in records and "Đảng bộ xã Minh Quang" in records


def test_a_tampered_upload_is_refused_in_vietnamese_naming_the_problem(site: World) -> None:
    raw = site.up(edit_data=lambda k, d: d.replace(b"1}", b"2}"))
    page = _upload(admin_client("admin"), raw, "import")
    assert "không khớp mã băm" in page and "đã bị sửa" in page
    assert not BundleReceipt.objects.exists()


def test_export_hands_over_a_signed_zip(site: World) -> None:
    site.codec.rows = site.rows(site.commune)
    client = admin_client("admin")
    province = __import__("canbo.registry.models", fromlist=["OrgUnit"]).OrgUnit.objects.get(
        code=site.province
    )
    data = {
        "kinds": [KIND],
        "scope": f"id:{province.pk}",
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
    }
    response = client.post("/lien-thong/xuat/", data)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["sender"]["installation"] == "Tỉnh Tuyên Quang"
    assert manifest["kinds"][0]["count"] == 1


def test_a_user_without_the_role_sees_no_form(site: World) -> None:
    page = admin_client("no-grant").get("/lien-thong/")
    assert page.status_code == 200
    text = page.content.decode()
    assert 'action="/lien-thong/xuat/"' not in text and "Chỉ cán bộ Ban Tổ chức" in text
    assert "Xã Minh Quang" not in text
