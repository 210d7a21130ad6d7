"""The statistics use cases on the in-memory reader: scope, the unit's date, comparison."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.core.errors import NotFound, ValidationError
from canbo.core.stats.compare import LineageEdge
from canbo.core.types import AccountId, Role, UnitId
from canbo.refusals import message
from canbo.services.ports import SYSTEM, Actor, Grant
from canbo.services.stats.statistics import compare_across_reorganization, member_statistics
from tests.fakes.stats import FakeMember, FakeStatsReader, FakeStint, FakeVersion

MERGE = dt.date(2025, 7, 1)
UPTO = dt.date(2025, 6, 30)


def _reader() -> FakeStatsReader:
    units = {
        1: [
            FakeVersion(
                "HG", "Hà Giang", "provincial_party_committee", None, dt.date(2000, 1, 1), UPTO
            )
        ],
        2: [
            FakeVersion(
                "TQ",
                "Tuyên Quang (cũ)",
                "provincial_party_committee",
                None,
                dt.date(2000, 1, 1),
                UPTO,
            )
        ],
        3: [FakeVersion("TQN", "Tuyên Quang", "provincial_party_committee", None, MERGE)],
        4: [
            FakeVersion("C1", "Chi bộ Na Pô", "grassroots_cell", 1, dt.date(2000, 1, 1), UPTO),
            FakeVersion("C1", "Chi bộ Na Pô", "grassroots_cell", 3, MERGE),
        ],
        5: [
            FakeVersion("C2", "Chi bộ Nà Hang", "grassroots_cell", 2, dt.date(2000, 1, 1), UPTO),
            FakeVersion("C2", "Chi bộ Nà Hang", "grassroots_cell", 3, MERGE),
        ],
    }
    members = [FakeMember(i, [FakeStint(4 if i < 3 else 5, dt.date(2010, 1, 1))]) for i in range(5)]
    edges = [LineageEdge(1, 3, MERGE, whole=True), LineageEdge(2, 3, MERGE, whole=True)]
    parents = {
        UnitId(1): None,
        UnitId(2): None,
        UnitId(3): None,
        UnitId(4): UnitId(3),
        UnitId(5): UnitId(3),
    }
    return FakeStatsReader(units, members, edges, parents)


def test_a_unit_that_did_not_exist_on_the_date_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        member_statistics(SYSTEM, _reader(), 3, dt.date(2024, 12, 31))
    assert refused.value.code == "stats_unit_not_on_date"
    # Dates are written as the clerk reads them; a unit still in force has no end date.
    assert refused.value.fields["as_of"] == "31/12/2024"
    assert refused.value.fields["valid_from"] == "01/07/2025"
    assert refused.value.fields["valid_to"] == "…"
    assert "31/12/2024" in message(refused.value, "vi") and "9999" not in message(refused.value)


def test_an_actor_without_a_grant_over_the_unit_is_told_not_found() -> None:
    stranger = Actor(AccountId(9), "x", (Grant(Role.ORG_STAFF, UnitId(1)),))
    with pytest.raises(NotFound):
        member_statistics(stranger, _reader(), 3, dt.date(2026, 12, 31))


def test_the_merged_province_is_compared_with_the_sum_of_its_predecessors() -> None:
    found = compare_across_reorganization(
        SYSTEM, _reader(), 3, dt.date(2024, 12, 31), dt.date(2026, 12, 31)
    )
    assert found.comparable
    assert [c.unit_code for c in found.contributions] == ["HG", "TQ"]
    assert found.before is not None and found.before.restated
    assert (
        found.before.table("bieu3").value("total") == 5 == found.after.table("bieu3").value("total")
    )


def test_the_earlier_date_must_come_first() -> None:
    with pytest.raises(ValidationError):
        compare_across_reorganization(
            SYSTEM, _reader(), 3, dt.date(2026, 12, 31), dt.date(2024, 12, 31)
        )
