"""The statistics report over the registry: counts, roll-up as of a date, refusals, and the
comparison across the reorganization (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.core.errors import NotFound, ValidationError
from canbo.core.types import Role, Sex, UnitKind
from canbo.registry import models as m
from canbo.services.ports import SYSTEM, Actor, Grant
from canbo.services.stats.statistics import compare_across_reorganization, member_statistics
from canbo.stats.selectors import reader
from tests.factories import person, small_tree, unit

pytestmark = pytest.mark.django_db
END_2024 = dt.date(2024, 12, 31)
END_2026 = dt.date(2026, 12, 31)


def _move_commune(tree_commune: int, successor: int, day: dt.date) -> None:
    """The commune moves under the merged province on ``day`` (OR-17: people stay)."""
    v = m.UnitVersion.objects.get(unit_id=tree_commune, valid_to=dt.date(9999, 12, 31))
    m.UnitVersion.objects.filter(pk=v.pk).update(valid_to=day - dt.timedelta(days=1))
    v.pk = None
    v.valid_from, v.parent_id = day, successor
    v.save()


def _merge(old: list[int], new: int, day: dt.date, weights: dict[int, int | None]) -> None:
    event = m.LineageEvent.objects.create(kind="merge", date=day, legal_basis="NQ 60-NQ/TW")
    for pred in old:
        share = "part" if pred in weights else "whole"
        m.LineageLink.objects.create(
            event=event, predecessor_id=pred, successor_id=new, share=share,
            weight=weights.get(pred),
        )  # fmt: skip


@pytest.fixture
def tree():  # type: ignore[no-untyped-def]
    t = small_tree()
    person("Nguyễn Văn An", t.cell_a, since=dt.date(2015, 3, 2))
    person("Trần Thị Bình", t.cell_a, sex=Sex.FEMALE, since=dt.date(2016, 3, 2))
    person("Lê Văn Cường", t.cell_b, since=dt.date(2024, 5, 2))  # transferred in, 2024
    tq_cell = unit(
        "Chi bộ thôn Nà Hang", UnitKind.CELL, t.tuyen_quang_old, until=dt.date(2025, 6, 30)
    )
    person("Hoàng Thị Dung", tq_cell, sex=Sex.FEMALE)
    _move_commune(t.commune, t.tuyen_quang_new, dt.date(2025, 7, 1))
    return t


def test_a_province_counts_its_members_as_of_the_date(tree) -> None:  # type: ignore[no-untyped-def]
    report = member_statistics(SYSTEM, reader(), tree.ha_giang, END_2024)
    b1, b3 = report.table("bieu1"), report.table("bieu3")
    assert b3.value("total") == 3
    assert b3.value("women") == 1
    assert b1.value("D") == 3
    assert b1.value("A") == 2
    assert b1.value("B2") == 1  # Lê Văn Cường came in 2024 (admitted 2010)
    assert report.as_dict()["tables"][0]["code"] == "bieu1"


def test_a_unit_that_did_not_exist_on_the_date_is_refused(tree) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as refused:
        member_statistics(SYSTEM, reader(), tree.ha_giang, END_2026)
    assert refused.value.code == "stats_unit_not_on_date"


def test_an_actor_outside_the_scope_is_told_not_found(tree) -> None:  # type: ignore[no-untyped-def]
    stranger = Actor(None, "x", (Grant(Role.ORG_STAFF, tree.tuyen_quang_old),))
    stranger = Actor(1, "x", stranger.grants)  # type: ignore[arg-type]
    with pytest.raises(NotFound):
        member_statistics(stranger, reader(), tree.ha_giang, END_2024)


def test_the_merged_province_compares_with_the_sum_of_its_predecessors(tree) -> None:  # type: ignore[no-untyped-def]
    _merge([tree.ha_giang, tree.tuyen_quang_old], tree.tuyen_quang_new, dt.date(2025, 7, 1), {})
    comparison = compare_across_reorganization(
        SYSTEM, reader(), tree.tuyen_quang_new, END_2024, END_2026
    )
    assert comparison.comparable
    assert comparison.before is not None and comparison.before.restated
    assert comparison.before.table("bieu3").value("total") == 4
    assert comparison.after.table("bieu3").value("total") == 3  # the Nà Hang cell ended


def test_a_split_predecessor_counts_by_its_recorded_share(tree) -> None:  # type: ignore[no-untyped-def]
    _merge(
        [tree.ha_giang, tree.tuyen_quang_old],
        tree.tuyen_quang_new,
        dt.date(2025, 7, 1),
        {tree.ha_giang: 500},
    )
    comparison = compare_across_reorganization(
        SYSTEM, reader(), tree.tuyen_quang_new, END_2024, END_2026
    )
    assert comparison.before is not None
    assert comparison.before.table("bieu3").value("total") == pytest.approx(1 + 1.5)


def test_a_split_without_a_share_is_not_comparable(tree) -> None:  # type: ignore[no-untyped-def]
    _merge(
        [tree.ha_giang, tree.tuyen_quang_old],
        tree.tuyen_quang_new,
        dt.date(2025, 7, 1),
        {tree.ha_giang: None},
    )
    comparison = compare_across_reorganization(
        SYSTEM, reader(), tree.tuyen_quang_new, END_2024, END_2026
    )
    assert not comparison.comparable
    assert [c.unit_id for c in comparison.not_comparable] == [tree.ha_giang]


def test_the_root_of_the_party_tree_counts_every_member(tree) -> None:  # type: ignore[no-untyped-def]
    state = unit("Tỉnh Tuyên Quang", UnitKind.PROVINCE, code="TQ-STATE")
    whole = member_statistics(SYSTEM, reader(), tree.central, END_2024)
    assert whole.table("bieu3").value("total") == 4
    assert member_statistics(SYSTEM, reader(), state, END_2024).table("bieu3").value("total") == 0


def test_a_member_with_several_qualifications_counts_once_at_the_highest(tree) -> None:  # type: ignore[no-untyped-def]
    an = m.Person.objects.get(full_name="Nguyễn Văn An")
    for level in ("dai_hoc", "thac_si"):
        m.HistoryItem.objects.create(
            person=an, kind="qualification", level=level, declared_on=dt.date(2020, 1, 1)
        )
    m.HistoryItem.objects.create(
        person=an, kind="education", level="12/12", declared_on=dt.date(2020, 1, 1)
    )
    b3 = member_statistics(SYSTEM, reader(), tree.ha_giang, END_2024).table("bieu3")
    assert b3.value("qualification:thac_si") == 1
    assert b3.value("qualification:dai_hoc") == 0
    assert b3.value("qualification:none") == 2
    assert b3.value("education:upper_secondary") == 1


def test_composition_counts_admitted_recognized_probationary_and_age_bands(tree) -> None:  # type: ignore[no-untyped-def]
    """Each flag and the age band of a member reach their own row (the reader packs them)."""
    em = person("Phạm Văn Em", tree.cell_a, birth=dt.date(2000, 1, 1), since=dt.date(2024, 3, 1))
    giang = person(
        "Vũ Thị Giang", tree.cell_b, sex=Sex.FEMALE, birth=dt.date(1990, 6, 1),
        since=dt.date(2023, 1, 10),
    )  # fmt: skip
    m.Person.objects.filter(pk=em).update(
        party_admission_date=dt.date(2024, 3, 1), official_membership_date=None
    )
    m.Person.objects.filter(pk=giang).update(
        party_admission_date=dt.date(2023, 1, 10), official_membership_date=dt.date(2024, 1, 10)
    )
    report = member_statistics(SYSTEM, reader(), tree.ha_giang, END_2024)
    b1, b2, b3 = report.table("bieu1"), report.table("bieu2"), report.table("bieu3")
    assert b3.value("total") == 5
    assert (b3.value("probationary"), b3.value("official")) == (1, 4)
    assert b3.value("women") == 2
    assert (b3.value("age:0"), b3.value("age:1"), b3.value("age:3")) == (1, 1, 3)
    assert b1.value("E") == 1  # Vũ Thị Giang recognized as official in 2024
    assert (b2.value("total"), b2.value("women")) == (1, 0)  # Phạm Văn Em admitted in 2024
