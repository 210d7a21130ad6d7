"""The demo reads like real records: one living spouse at a time, occupations that fit the age,
communes merged within one former province of the new one, posts held only while their unit
existed; and it holds what a year of use leaves: a published confidence vote, an open one, and
a classification cycle in progress."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.db.models import Max, Min

from canbo.classification.models import Cycle
from canbo.core.seed.provinces import PROVINCES_FROM_2025_07
from canbo.core.types import LineageKind, RelationKind, UnitKind
from canbo.db import unit_tree
from canbo.demo import places
from canbo.demo import records as demo_records
from canbo.demo.generator import DemoResult, build_demo
from canbo.demo.scales import SCALES
from canbo.registry import models
from canbo.voting.models import VoteSession

TODAY = dt.date(2026, 3, 2)
EVE, REORG = dt.date(2025, 6, 30), dt.date(2025, 7, 1)


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> Iterator[DemoResult]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        yield build_demo(SCALES["small"], 11, TODAY)
        call_command("flush", interactive=False, verbosity=0)


@pytest.mark.django_db
def test_nobody_has_two_living_spouses(demo: DemoResult) -> None:
    spouses = Counter(
        # the demo declares no marriage that ended: every spouse it declares is living
        models.Relative.objects.filter(relation=RelationKind.SPOUSE).values_list(
            "person_id", flat=True
        )
    )
    assert spouses, "the demo declares spouses"
    assert [p for p, n in spouses.items() if n > 1] == []


@pytest.mark.django_db
def test_linked_spouses_name_each_other(demo: DemoResult) -> None:
    links = set(
        models.Relative.objects.filter(
            relation=RelationKind.SPOUSE, linked_person__isnull=False
        ).values_list("person_id", "linked_person_id")
    )
    assert links
    assert {(b, a) for a, b in links} == links


def _age(year: int) -> int:
    return TODAY.year - year


@pytest.mark.django_db
def test_every_relatives_occupation_fits_their_age(demo: DemoResult) -> None:
    rows = models.Relative.objects.exclude(birth_year=None).values_list("workplace", "birth_year")
    wrong = [
        (work, year)
        for work, year in rows
        if not demo_records.is_plausible_occupation(work, _age(year))
    ]
    assert len(rows) > 100
    assert wrong == []


def test_the_occupation_check_rejects_what_the_old_demo_wrote() -> None:
    assert not demo_records.is_plausible_occupation("Hưu trí", 8)
    assert not demo_records.is_plausible_occupation("Học sinh", 80)
    assert not demo_records.is_plausible_occupation("Công nhân", 3)
    assert demo_records.is_plausible_occupation("Học sinh", 12)


def posts_outside_their_units(today: dt.date) -> list[dict[str, object]]:
    """Posts that start before their unit's first day or end after its last."""
    life = {
        row["unit_id"]: (row["start"], row["end"])
        for row in models.UnitVersion.objects.values("unit_id").annotate(
            start=Min("valid_from"), end=Max("valid_to")
        )
    }
    outside = []
    posts = models.PositionHolding.objects.values("pk", "unit_id", "valid_from", "valid_to")
    for post in posts:
        start, end = life[post["unit_id"]]
        if post["valid_from"] < start or (post["valid_to"] or today) > end:
            outside.append(post)
    assert len(posts) > 50
    return outside[:5]


def _province_on(unit_id: int, day: dt.date) -> int | None:
    for ancestor in unit_tree.ancestors(unit_id, day):
        kinds = models.UnitVersion.objects.filter(
            unit_id=ancestor, valid_from__lte=day, valid_to__gte=day
        ).values_list("kind", flat=True)
        if set(kinds) & {UnitKind.PROVINCIAL_PARTY_COMMITTEE, UnitKind.PROVINCE}:
            return ancestor
    return None


@pytest.mark.django_db
def test_each_new_commune_is_merged_from_communes_of_one_former_province_it_succeeds(
    demo: DemoResult,
) -> None:
    new_communes = models.UnitVersion.objects.filter(
        kind__in=(UnitKind.COMMUNE_PARTY_COMMITTEE, UnitKind.COMMUNE), valid_from=REORG
    ).values_list("unit_id", flat=True)
    checked = 0
    for commune in new_communes:
        links = models.LineageLink.objects.filter(
            successor_id=commune, event__kind=LineageKind.MERGE
        ).values_list("predecessor_id", flat=True)
        old_provinces = {_province_on(p, EVE) for p in links}
        assert len(old_provinces) == 1, (commune, old_provinces)
        new_province = _province_on(commune, REORG)
        old = old_provinces.pop()
        succeeded = models.LineageLink.objects.filter(
            predecessor_id=old, successor_id=new_province
        ).exists()
        assert old == new_province or succeeded, (commune, old, new_province)
        checked += 1
    assert checked > 20


TYPE_WORDS = ("Thành phố ", "Thị xã ", "Huyện ", "Quận ", "Phường ", "Xã ")
PREDECESSORS = {p.code: set(p.predecessors) for p in PROVINCES_FROM_2025_07}


def _stem(name: str) -> str:
    return next((name[len(w) :] for w in TYPE_WORDS if name.startswith(w)), name)


def _former_provinces(unit_id: int, day: dt.date) -> set[str]:
    province = _province_on(unit_id, day)
    code = models.UnitVersion.objects.filter(
        unit_id=province, valid_from__lte=day, valid_to__gte=day
    ).values_list("admin_code", flat=True)[0]
    return PREDECESSORS[code] if day >= REORG else {code}


@pytest.mark.django_db
def test_no_commune_or_district_is_named_after_a_place_of_another_province(
    demo: DemoResult,
) -> None:
    versions = models.UnitVersion.objects.filter(
        kind__in=(UnitKind.DISTRICT, UnitKind.COMMUNE)
    ).values_list("unit_id", "name", "kind", "valid_from")
    wrong = [
        (name, sorted(codes))
        for unit_id, name, kind, start in versions
        if not places.is_placed_right(
            _stem(name),
            codes := _former_provinces(unit_id, start),
            district=kind == UnitKind.DISTRICT,
        )
    ]
    assert len(versions) > 50
    assert wrong == []


def test_the_place_check_knows_a_district_of_another_province() -> None:
    assert not places.is_placed_right("Củ Chi", {"02"}, district=True)
    assert not places.is_placed_right("Mường Khương", {"36"})
    assert places.is_placed_right("Củ Chi", {"79"}, district=True)
    assert places.is_placed_right("Tân Phú", {"02"}, district=True)


@pytest.mark.django_db
def test_posts_are_held_only_while_their_unit_exists(demo: DemoResult) -> None:
    assert posts_outside_their_units(TODAY) == []


@pytest.mark.django_db
def test_the_demo_holds_a_year_of_use(demo: DemoResult) -> None:
    statuses = set(VoteSession.objects.values_list("status", flat=True))
    assert {"published", "open"} <= statuses
    # The year's confidence vote, and the later one whose band B the planning review acted on.
    published = VoteSession.objects.filter(status="published")
    assert 1 <= published.count() <= 2
    assert all(s.conference.held_on < TODAY for s in published)
    assert Cycle.objects.exclude(status="published").exists()
