"""The work programme's pure rules (WP-02 to WP-05): statuses, overdue flags, progress and
the year-end summary with its roll-up."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core import programme as wp
from canbo.core.errors import Conflict, ValidationError

D = dt.date


def item(**changes: object) -> wp.Item:
    base = wp.Item(
        1, wp.ItemKind.PROJECT, "Đề án", 10, 10, 2026, D(2026, 6, 30), wp.Status.IN_PROGRESS
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_an_open_item_past_its_deadline_is_overdue_and_one_on_its_deadline_is_not() -> None:
    assert wp.flags(item(), D(2026, 7, 1)) == wp.Flags(True, False, 1)
    assert not wp.is_overdue(item(), D(2026, 6, 30))


def test_a_completed_item_is_never_overdue_but_may_be_completed_late() -> None:
    done = item(status=wp.Status.COMPLETED, completed_on=D(2026, 7, 10))
    assert wp.flags(done, D(2026, 12, 31)) == wp.Flags(False, True, 10)
    on_time = item(status=wp.Status.COMPLETED, completed_on=D(2026, 6, 1))
    assert wp.flags(on_time, D(2026, 12, 31)) == wp.Flags(False, False, 0)


def test_a_cancelled_item_is_not_overdue() -> None:
    assert not wp.is_overdue(item(status=wp.Status.CANCELLED), D(2027, 1, 1))


def test_status_moves_forward_only_and_a_closed_item_stays_closed() -> None:
    assert wp.move(wp.Status.PLANNED, wp.Status.IN_PROGRESS) == wp.Status.IN_PROGRESS
    with pytest.raises(Conflict) as refused:
        wp.move(wp.Status.COMPLETED, wp.Status.IN_PROGRESS)
    assert refused.value.code == "programme_status_move"
    assert refused.value.citation is not None and refused.value.citation.rule_id == "WP-02"
    with pytest.raises(Conflict):
        wp.move(wp.Status.IN_PROGRESS, wp.Status.PLANNED)


def test_progress_never_goes_back_and_stops_below_100_until_completion() -> None:
    with pytest.raises(ValidationError) as back:
        wp.check_progress(item(percent=60), 40, D(2026, 5, 1), None)
    assert back.value.code == "programme_percent_back"
    assert back.value.fields["field"] == "percent"
    with pytest.raises(ValidationError) as full:
        wp.check_progress(item(), 100, D(2026, 5, 1), None)
    assert full.value.code == "programme_percent_range"
    with pytest.raises(ValidationError) as earlier:
        wp.check_progress(item(), 50, D(2026, 5, 1), D(2026, 5, 2))
    assert earlier.value.code == "programme_report_before_last"


def test_a_document_is_checked_by_its_size_and_first_bytes() -> None:
    assert wp.document_type(b"%PDF-1.7", 100, "application/pdf") == "application/pdf"
    with pytest.raises(ValidationError) as wrong:
        wp.document_type(b"MZ\x90\x00", 100, "application/pdf")
    assert wrong.value.code == "programme_document_type"
    with pytest.raises(ValidationError) as big:
        wp.document_type(b"%PDF-", wp.MAX_DOCUMENT_BYTES + 1, "application/pdf")
    assert big.value.code == "programme_document_too_large"


def test_twenty_one_completed_projects_read_21_of_21() -> None:
    done = [
        item(
            id=n,
            year=2025,
            deadline=D(2025, 11, 30),
            status=wp.Status.COMPLETED,
            completed_on=D(2025, 11, 1),
        )
        for n in range(21)
    ]
    found = wp.summarize(10, 2025, done, D(2026, 3, 1))
    assert found.headline_numbers == (21, 21)
    assert found.projects.is_all_completed
    assert found.as_of == D(2025, 12, 31)


def test_the_rollup_counts_each_programme_once_in_every_ancestor() -> None:
    province, commune_a, commune_b = 1, 2, 3
    children = {province: [commune_a, commune_b]}
    items = [
        item(id=1, owner_unit_id=province, unit_id=province),
        item(id=2, owner_unit_id=commune_a, unit_id=commune_a, deadline=D(2026, 1, 31)),
        item(
            id=3,
            owner_unit_id=commune_b,
            unit_id=commune_b,
            status=wp.Status.COMPLETED,
            completed_on=D(2026, 3, 1),
        ),
        item(id=4, owner_unit_id=99, unit_id=99),  # outside the tree: not counted
    ]
    rows = wp.rollup(province, children, items, D(2026, 3, 1))
    assert [(r.unit_id, r.depth) for r in rows] == [(1, 0), (2, 1), (3, 1)]
    assert rows[0].own.total == 1 and rows[0].subtree.total == 3
    assert rows[0].subtree.overdue == 1 and rows[1].own.overdue == 1
    assert rows[0].subtree.completed == 1


statuses = st.sampled_from(list(wp.Status))
days = st.dates(min_value=D(2025, 1, 1), max_value=D(2027, 12, 31))


@given(st.lists(st.tuples(statuses, days, days), max_size=40), days)
def test_the_statuses_add_up_to_the_total_and_overdue_items_are_open(
    rows: list[tuple[wp.Status, dt.date, dt.date]], today: dt.date
) -> None:
    items = [
        item(id=n, status=s, deadline=d, completed_on=c if s == wp.Status.COMPLETED else None)
        for n, (s, d, c) in enumerate(rows)
    ]
    counts = wp.count(items, today)
    assert counts.completed + counts.open + counts.cancelled == counts.total == len(items)
    assert counts.overdue <= counts.open
    assert counts.completed_late <= counts.completed


@given(
    st.lists(st.integers(min_value=1, max_value=6), min_size=6, max_size=6),
    st.lists(st.tuples(st.integers(min_value=0, max_value=9), statuses), max_size=30),
)
def test_the_root_of_the_rollup_counts_every_programme_of_its_tree_once(
    parents: list[int], owned: list[tuple[int, wp.Status]]
) -> None:
    # units 1..7: unit n+2 hangs under a unit with a smaller number (a tree rooted at 1);
    # owners 0, 8 and 9 are outside it
    children: dict[int, list[int]] = {}
    for n, parent in enumerate(parents):
        children.setdefault(min(parent, n + 1), []).append(n + 2)
    items = [item(id=n, owner_unit_id=o, status=s) for n, (o, s) in enumerate(owned)]
    rows = wp.rollup(1, children, items, D(2026, 3, 1))
    inside = [i for i in items if 1 <= i.owner_unit_id <= 7]
    assert rows[0].subtree == wp.count(inside, D(2026, 3, 1))
    assert sum(r.own.total for r in rows) == len(inside)
    assert sorted(r.unit_id for r in rows) == list(range(1, 8))
