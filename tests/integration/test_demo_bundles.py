"""The demo ships the bundle exchange in use: this installation is the Tuyên Quang provincial
committee's, the demo commune's congress laptop is registered below it, and one bundle from
it was imported (a real receipt, its records and its audit entry with the bundle's hash)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.core.management import call_command

from canbo.audit.models import AuditEntry
from canbo.bundles import selectors
from canbo.bundles.models import BundleReceipt, Installation
from canbo.demo.generator import DemoResult, build_demo
from canbo.demo.scales import SCALES

TODAY = dt.date(2026, 3, 2)


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> Iterator[DemoResult]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        yield build_demo(SCALES["tiny"], 11, TODAY)
        call_command("flush", interactive=False, verbosity=0)


@pytest.mark.django_db
def test_the_demo_province_received_the_communes_congress_results(demo: DemoResult) -> None:
    own = Installation.objects.get(relation="self")
    assert own.root_unit_id == demo.named["province:08"]
    lower = Installation.objects.get(relation="lower")
    assert lower.name.startswith("Máy tính đại hội")
    receipt = BundleReceipt.objects.get()
    assert receipt.status == "current" and receipt.sender_id == lower.pk
    assert selectors.received_records("congress_results", None, None)
    entry = AuditEntry.objects.filter(action="bundle.import").get()
    assert receipt.sha256 in str(entry.details)


@pytest.mark.django_db
def test_the_bundle_pages_of_the_demo_read_in_vietnamese_with_no_raw_value(
    demo: DemoResult,
) -> None:
    import re

    from tests.e2e.test_crawler import ENGLISH_TELLS, Page, machine_values

    from .test_fuzz_endpoints import _client

    client = _client("admin")
    receipt = BundleReceipt.objects.get()
    paths = ["/lien-thong/", f"/lien-thong/goi/{receipt.pk}/"]
    paths += [f"/lien-thong/du-lieu/{k}/" for k in receipt.kinds.split(",")]
    raw = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, machine_values())) + r")(?![\w-])")
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        page = Page()
        page.feed(response.content.decode())
        text = page.visible.replace("quantri", " ")
        assert not raw.findall(text), (path, raw.findall(text))
        assert not {w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in ENGLISH_TELLS}, path
