"""The statistics tables from grouped counts (FRM-09 to FRM-11) and the restatement across
the reorganization (OR-21): pure, with hypothesis for the movement identity."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canbo.core.errors import RuleViolation
from canbo.core.stats import compare as cmp
from canbo.core.stats.counts import CompositionCount, MovementCount, StatsCounts, UnitRow
from canbo.core.stats.model import StatsReport
from canbo.core.stats.params import SplitAllocation
from canbo.core.stats.tables import build_report, grassroots_members, movement_table
from tests.fakes.stats import FakeMember, FakeStatsReader, FakeStint, FakeVersion

AS_OF = dt.date(2026, 12, 31)
START = dt.date(2026, 1, 1)


def _counts(**kw: object) -> StatsCounts:
    base: dict[str, object] = {
        "start_total": 0, "end_total": 0, "composition": (), "levels": (), "movement": (),
    }  # fmt: skip
    return StatsCounts(**(base | kw))  # type: ignore[arg-type]


def test_the_movement_table_sorts_changes_by_reason() -> None:
    moves = (
        MovementCount(False, True, True, False, False, False, False, 3),  # admitted
        MovementCount(False, True, False, False, False, False, False, 2),  # transferred in
        MovementCount(True, False, False, False, True, False, False, 1),  # died
        MovementCount(True, False, False, False, False, False, False, 4),  # transferred out
    )
    table = movement_table(_counts(start_total=10, end_total=10, movement=moves))
    assert [table.value(k) for k in ("A", "B", "B1", "B2", "C", "C1", "C4", "D")] == [
        10, 5, 3, 2, 5, 1, 4, 10,
    ]  # fmt: skip


def test_a_movement_that_does_not_add_up_is_refused() -> None:
    moves = (MovementCount(False, True, True, False, False, False, False, 3),)
    with pytest.raises(RuleViolation) as refused:
        movement_table(_counts(start_total=10, end_total=12, movement=moves))
    assert refused.value.code == "stats_movement_unbalanced"
    assert refused.value.citation is not None and refused.value.citation.rule_id == "FRM-09"


def test_a_member_counts_in_the_nearest_grassroots_organization_only() -> None:
    units = (
        UnitRow(1, None, "commune_party_committee", 0, "grassroots"),
        UnitRow(2, 1, "cell", 20),
        UnitRow(3, 1, "grassroots_committee", 0, "grassroots"),
        UnitRow(4, 3, "cell", 35),
    )
    sizes = {u.unit_id: n for u, n in grassroots_members(units)}
    assert sizes == {1: 20, 3: 35}


def test_the_report_round_trips_through_its_exported_shape() -> None:
    comp = (CompositionCount("F", 2, "Tày", "Phật giáo", True, False, False, 4),)
    counts = _counts(start_total=4, end_total=4, composition=comp)
    report = build_report((7, "DB-08", "Đảng bộ tỉnh Tuyên Quang"), AS_OF, START, counts)
    again = StatsReport.from_dict(report.as_dict())
    assert again == report
    assert report.table("bieu4").value("eth:Tày", 1) == 4
    assert report.table("bieu3").value("religious") == 4


EDGES = [
    cmp.LineageEdge(1, 10, dt.date(2025, 7, 1), whole=True),
    cmp.LineageEdge(2, 10, dt.date(2025, 7, 1), whole=False, weight=0.4),
    cmp.LineageEdge(3, 10, dt.date(2025, 7, 1), whole=False, weight=None),
]


def test_split_communes_count_by_their_recorded_share() -> None:
    plan = cmp.plan_restatement(
        10, dt.date(2024, 12, 31), EDGES, {1, 2, 3}, SplitAllocation.EXPLICIT_WEIGHTS
    )
    assert plan.counted == ((1, 1.0, True), (2, 0.4, False))
    assert plan.not_comparable == (3,)


def test_under_the_handbook_default_no_split_is_counted() -> None:
    plan = cmp.plan_restatement(
        10, dt.date(2024, 12, 31), EDGES, {1, 2, 3}, SplitAllocation.NOT_COMPARABLE
    )
    assert plan.counted == ((1, 1.0, True),)
    assert plan.not_comparable == (2, 3)


def test_lineage_is_followed_through_several_steps_and_links_before_the_date_are_ignored() -> None:
    edges = [
        cmp.LineageEdge(5, 6, dt.date(2020, 1, 1), whole=True),
        cmp.LineageEdge(6, 10, dt.date(2025, 7, 1), whole=True),
        cmp.LineageEdge(7, 6, dt.date(2025, 3, 1), whole=False, weight=0.5),
    ]
    plan = cmp.plan_restatement(
        10, dt.date(2024, 12, 31), edges, {6, 7}, SplitAllocation.EXPLICIT_WEIGHTS
    )
    assert plan.counted == ((6, 1.0, True), (7, 0.5, False))


DAYS = st.integers(min_value=0, max_value=5 * 365).map(
    lambda n: dt.date(2023, 1, 1) + dt.timedelta(days=n)
)


@st.composite
def histories(draw: st.DrawFn) -> FakeStatsReader:
    """A province with three cells, and members moving between them and a foreign cell."""
    units = {
        1: [FakeVersion("P", "Tỉnh", "provincial_party_committee", None, dt.date(2000, 1, 1))],
        2: [FakeVersion("C1", "Chi bộ 1", "grassroots_cell", 1, dt.date(2000, 1, 1))],
        3: [FakeVersion("C2", "Chi bộ 2", "grassroots_cell", 1, dt.date(2000, 1, 1))],
        9: [FakeVersion("X", "Chi bộ khác", "grassroots_cell", None, dt.date(2000, 1, 1))],
    }
    members = []
    for pid in range(draw(st.integers(0, 25))):
        cuts = sorted(draw(st.lists(DAYS, min_size=0, max_size=3, unique=True)))
        start = draw(DAYS)
        stints, day = [], start
        for cut in [c for c in cuts if c > start]:
            stints.append(FakeStint(draw(st.sampled_from([2, 3, 9])), day, cut - dt.timedelta(1)))
            day = cut
        ends = draw(st.booleans())
        last = draw(DAYS) if ends else None
        stints.append(
            FakeStint(
                draw(st.sampled_from([2, 3, 9])),
                day,
                max(last, day) if last else dt.date(9999, 12, 31),
            )
        )
        members.append(
            FakeMember(pid, stints, admitted=start, died=max(last, day) if last else None)
        )
    return FakeStatsReader(units, members)


@settings(max_examples=60, deadline=None)
@given(histories(), DAYS)
def test_end_equals_start_plus_increases_minus_decreases(
    reader: FakeStatsReader, as_of: dt.date
) -> None:
    start = dt.date(as_of.year, 1, 1)
    report = build_report((1, "P", "Tỉnh"), as_of, start, reader.counts(1, as_of, start))  # type: ignore[arg-type]
    b1 = report.table("bieu1")
    assert b1.value("D") == b1.value("A") + b1.value("B") - b1.value("C")  # type: ignore[operator]
    assert report.table("bieu3").value("total") == b1.value("D")
    assert report.table("bieu5").value("grassroots", 1) == b1.value("D")
