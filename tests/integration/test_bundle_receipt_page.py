"""A received bundle's page reads for a clerk: the unit it covers by name (its code beside
it), who imported it, and an import canbo ran itself said in Vietnamese, not as "system"."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from canbo.bundles.models import BundleReceipt

from .test_bundle_pages import site as site
from .test_bundles import World
from .test_bundles import world as world
from .test_fuzz_endpoints import _client as admin_client

pytestmark = pytest.mark.django_db


def _imported(site: World) -> tuple[object, BundleReceipt]:
    client = admin_client("admin")
    data = {"file": SimpleUploadedFile("goi.zip", site.up()), "action": "import"}
    client.post("/lien-thong/tai-len/", data, follow=True)
    return client, BundleReceipt.objects.get()


def test_the_receipt_names_the_unit_it_covers_and_who_imported_it(site: World) -> None:
    client, receipt = _imported(site)
    page = client.get(f"/lien-thong/goi/{receipt.pk}/").content.decode()  # type: ignore[attr-defined]
    assert "Đảng bộ xã Minh Quang" in page and receipt.scope_code in page
    assert "người nhập: quantri" in page


def test_an_import_canbo_ran_itself_is_said_in_vietnamese(site: World) -> None:
    client, receipt = _imported(site)
    BundleReceipt.objects.filter(pk=receipt.pk).update(received_by="system")
    page = client.get(f"/lien-thong/goi/{receipt.pk}/").content.decode()  # type: ignore[attr-defined]
    assert "nhập tự động" in page and "system" not in page
