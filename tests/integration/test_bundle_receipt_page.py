"""The bundle pages read for a clerk: a received bundle names the unit it covers (its code
beside it) and who imported it, an import canbo ran itself is said in Vietnamese, not as
"system"; the export form says which way each kind travels and opens on this year."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from canbo.bundles.forms import ExportForm, kind_choice
from canbo.bundles.kinds import load_all
from canbo.bundles.models import BundleReceipt
from canbo.core.clock import SystemClock

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


def test_the_export_form_says_which_way_each_kind_travels_and_opens_on_this_year() -> None:
    kinds = sorted(load_all())
    offered = [label for _kind, label in ExportForm(kinds=kinds).fields["kinds"].choices]
    assert kind_choice("congress_results").endswith("(gửi lên cấp trên)")
    assert kind_choice("unit_tree").endswith("(gửi xuống cấp dưới)")
    ups = [i for i, label in enumerate(offered) if label.endswith("(gửi lên cấp trên)")]
    downs = [i for i, label in enumerate(offered) if label.endswith("(gửi xuống cấp dưới)")]
    assert ups and downs and max(ups) < min(downs)  # results first, reference data after
    page = admin_client("admin").get("/lien-thong/").content.decode()
    today = SystemClock().today()
    assert f'value="{today.year}-01-01"' in page and f'value="{today.isoformat()}"' in page
