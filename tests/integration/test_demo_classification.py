"""The demo ships last year's review finished: the 2025 classification cycle over the demo
commune, every step taken by the people whose step it is, within the HTXS quota, and published
— so the results report, the dashboard and the classification bundle kind have something to
show, while the 2026 cycle stays open."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

import pytest
from django.core.management import call_command

from canbo.audit.log import verify
from canbo.audit.models import AuditEntry
from canbo.bundles import selectors
from canbo.classification.models import Cycle, CycleSubject, StepRecord
from canbo.classification.store import DjangoClassificationUnitOfWork
from canbo.core.classification.model import Level
from canbo.core.types import Role, UnitId
from canbo.demo.classification_2025 import review_year
from canbo.demo.generator import DemoResult, build_demo
from canbo.demo.scales import SCALES
from canbo.registry.models import UnitVersion
from canbo.reports.reader import DjangoResultsReader
from canbo.services.classification import results
from canbo.services.classification.ports import CycleId
from canbo.services.ports import Actor, Grant
from canbo.services.reports.results import ReportKind, results_report

TODAY = dt.date(2026, 12, 6)
YEAR_END = dt.date(2025, 12, 31)


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> Iterator[DemoResult]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        yield build_demo(SCALES["tiny"], 11, TODAY)
        call_command("flush", interactive=False, verbosity=0)


def _published() -> Cycle:
    return Cycle.objects.get(status="published")


def _levels(cycle: Cycle, collective: bool) -> Counter[str]:
    rows = CycleSubject.objects.filter(cycle=cycle, exemption="", final_level__isnull=False)
    rows = rows.filter(kind="collective") if collective else rows.exclude(kind="collective")
    return Counter(Level(v or 0).code for v in rows.values_list("final_level", flat=True))


def test_the_review_year_is_the_one_before_the_cycle_in_progress() -> None:
    assert review_year(dt.date(2026, 12, 6)) == 2025
    assert review_year(dt.date(2026, 3, 2)) == 2024
    assert review_year(dt.date(2026, 11, 1)) == 2025


@pytest.mark.django_db
def test_the_2025_cycle_over_the_demo_commune_is_published_and_2026_stays_open(
    demo: DemoResult,
) -> None:
    cycle = _published()
    commune = UnitVersion.objects.get(
        unit_id=demo.named["demo_cell"], valid_from__lte=YEAR_END, valid_to__gte=YEAR_END
    ).parent_id
    assert (cycle.year, cycle.root_id, cycle.as_of) == (2025, commune, YEAR_END)
    assert cycle.published_at is not None and cycle.published_at.date() < TODAY
    assert Cycle.objects.get(status="open").year == 2026
    waiting = CycleSubject.objects.filter(cycle=cycle, exemption="", final_level__isnull=True)
    assert not waiting.exists()


@pytest.mark.django_db
def test_the_levels_are_spread_as_a_year_ends_within_the_quota(demo: DemoResult) -> None:
    cycle = _published()
    people = _levels(cycle, collective=False)
    assert people["HTT"] > people["HTXS"] > 0
    assert people["HT"] > 0
    assert people["HTT"] > sum(people.values()) / 2
    assert sum(_levels(cycle, collective=True).values()) > 1
    lines = results.quota_lines(DjangoClassificationUnitOfWork(), CycleId(cycle.pk))
    assert lines and not [q for q in lines if q.is_blocking]
    for q in lines:
        assert q.max_htxs is not None and q.htxs <= q.max_htxs + q.kept_over, q


@pytest.mark.django_db
def test_every_step_was_taken_and_audited(demo: DemoResult) -> None:
    cycle = _published()
    decided = CycleSubject.objects.filter(cycle=cycle, exemption="").count()
    kinds = Counter(StepRecord.objects.filter(subject__cycle=cycle).values_list("kind", flat=True))
    assert kinds["self"] == kinds["comment"] == kinds["appraisal"] == decided
    assert kinds["decision"] >= decided
    assert AuditEntry.objects.filter(action="classification.publish").count() == 1
    assert AuditEntry.objects.filter(action="classification.decision").count() >= decided
    assert verify() is None


@pytest.mark.django_db
def test_the_results_report_of_the_province_counts_the_published_levels(
    demo: DemoResult,
) -> None:
    cycle = _published()
    province = UnitId(demo.named["province:08"])
    actor = Actor(None, "btc", (Grant(Role.ORG_STAFF, province),))
    start = dt.date(TODAY.year - 1, 1, 1)
    report = results_report(
        actor, DjangoResultsReader(), ReportKind.CLASSIFICATION, province, start, TODAY
    )
    people, units = _levels(cycle, collective=False), _levels(cycle, collective=True)
    assert report.value("person_total") == sum(people.values())
    assert report.value("collective_total") == sum(units.values())
    for level in ("HTXS", "HTT", "HT", "KHT"):
        assert report.value(f"person_{level}") == people[level]
        assert report.value(f"collective_{level}") == units[level]


@pytest.mark.django_db
def test_the_communes_bundle_carries_its_classification_results(demo: DemoResult) -> None:
    cycle = _published()
    records = selectors.received_records("classification_results", None, None)
    assert len(records) == CycleSubject.objects.filter(cycle=cycle).count()  # exempt ones too
    levels = Counter(r.payload["level"] for r in records if not r.payload["exemption"])
    assert levels == _levels(cycle, collective=False) + _levels(cycle, collective=True)


@pytest.mark.django_db
def test_the_report_page_shows_the_published_levels_once(demo: DemoResult) -> None:
    import re

    from .test_fuzz_endpoints import _client

    cycle = _published()
    people, units = _levels(cycle, collective=False), _levels(cycle, collective=True)
    query = f"unit=id:{demo.named['province:08']}&start=2025-01-01&end={TODAY.isoformat()}"
    client = _client("admin")
    response = client.get(f"/bao-cao/xep-loai/?{query}")
    assert response.status_code == 200
    page = response.content.decode()
    totals = [int(v) for v in re.findall(r'data-total="(\d+)"', page)]
    expected = [sum(units.values()), *(units[lv] for lv in ("HTXS", "HTT", "HT", "KHT"))]
    expected += [sum(people.values()), *(people[lv] for lv in ("HTXS", "HTT", "HT", "KHT"))]
    assert totals == expected
    assert "data-already-held" in page  # the laptop's copy of the same levels is not added
    overview = client.get(f"/bao-cao/tong-quan/?{query}")
    assert overview.status_code == 200
    figure = overview.content.decode().split('data-chart="classification-person"')[1]
    counts = [int(v) for v in re.findall(r'data-count="(\d+)"', figure.split("</table>")[0])]
    assert counts == [people[lv] for lv in ("HTXS", "HTT", "HT", "KHT")]
