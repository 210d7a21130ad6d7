"""Results reports rolled up the tree, on an in-memory reader: one row per branch (the unit's
own records, then each unit directly under it with its subtree), a total that is the sum of
the rows, received records marked and counted, and the refusals."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.errors import NotFound, PermissionDenied, ValidationError
from canbo.core.types import AccountId, Role, UnitId
from canbo.services.congresses.overview import ElectedFacts
from canbo.services.ports import Actor, Grant
from canbo.services.reports.charts import Chart
from canbo.services.reports.ports import BandCount, CongressFacts
from canbo.services.reports.results import (
    ReportKind,
    ResultsReport,
    received_counts,
    results_report,
)
from tests.fakes.reports import FakeResultsReader

IDS = (UnitId(i) for i in range(1, 10))
CENTRAL, PROVINCE, MINH, BAT, CELL_M, CELL_B, OTHER, OTHER_X, OLD = IDS
YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def reader() -> FakeResultsReader:
    parents = {
        CENTRAL: None,
        PROVINCE: CENTRAL,
        MINH: PROVINCE,
        BAT: PROVINCE,
        CELL_M: MINH,
        CELL_B: BAT,
        OTHER: CENTRAL,
        OTHER_X: OTHER,
        OLD: PROVINCE,
    }
    names = {
        CENTRAL: "Ban Chấp hành Trung ương",
        PROVINCE: "Đảng bộ tỉnh Tuyên Quang",
        MINH: "Đảng bộ xã Minh Quang",
        BAT: "Đảng bộ xã Bạch Xa",
        CELL_M: "Chi bộ thôn Khuôn Khương",
        CELL_B: "Chi bộ thôn Nà Héc",
        OTHER: "Đảng bộ tỉnh Lào Cai",
        OTHER_X: "Đảng bộ xã Bát Xát",
        OLD: "Đảng bộ xã Yên Thuận",
    }
    return FakeResultsReader(parents, names, ended={OLD: dt.date(2025, 6, 30)})


def staff(root: UnitId) -> Actor:
    return Actor(AccountId(7), "bantochuc", (Grant(Role.ORG_STAFF, root),))


def report(r: FakeResultsReader, kind: ReportKind, unit: UnitId = PROVINCE) -> ResultsReport:
    return results_report(staff(PROVINCE), r, kind, unit, *YEAR)


def rows(rep: ResultsReport) -> dict[str, dict[str, int]]:
    return {row.name: dict(zip(rep.columns, row.values, strict=True)) for row in rep.rows}


def test_classification_rolls_each_commune_up_with_its_cells_and_totals_the_province() -> None:
    r = reader()
    r.add_level(MINH, "collective", "HTXS", 1)
    r.add_level(CELL_M, "collective", "HTT", 1)
    r.add_level(CELL_M, "individual", "HTT", 12)
    r.add_level(CELL_M, "leader", "HTXS", 2)
    r.add_level(CELL_B, "individual", "KHT", 1)
    r.add_level(OTHER_X, "individual", "HT", 40)  # another province
    r.add_level(CELL_B, "individual", "HT", 9, year=2024)  # another year

    rep = report(r, ReportKind.CLASSIFICATION)

    found = rows(rep)
    assert list(found) == ["Đảng bộ xã Bạch Xa", "Đảng bộ xã Minh Quang", "Đảng bộ xã Yên Thuận"]
    minh = found["Đảng bộ xã Minh Quang"]
    assert (minh["collective_total"], minh["collective_HTXS"], minh["collective_HTT"]) == (2, 1, 1)
    assert (minh["person_total"], minh["person_HTT"], minh["person_HTXS"]) == (14, 12, 2)
    assert found["Đảng bộ xã Bạch Xa"]["person_KHT"] == 1
    assert rep.value("person_total") == 15
    assert rep.value("person_HT") == 0
    assert rep.citation.rule_id == "FRM-13"


def test_the_units_own_records_make_a_row_of_their_own_only_when_there_are_some() -> None:
    r = reader()
    r.add_level(CELL_M, "individual", "HT", 3)
    assert not any(row.own for row in report(r, ReportKind.CLASSIFICATION).rows)
    r.add_level(PROVINCE, "collective", "HTT", 1)
    rep = report(r, ReportKind.CLASSIFICATION)
    (own,) = [row for row in rep.rows if row.own]
    assert own.name == "Đảng bộ tỉnh Tuyên Quang"
    assert rep.rows[0] is own
    assert rep.value("collective_total") == 1


@given(
    st.lists(
        st.tuples(
            st.sampled_from([PROVINCE, MINH, BAT, CELL_M, CELL_B, OTHER_X]),
            st.sampled_from(["collective", "individual", "leader", "member_outside"]),
            st.sampled_from(["HTXS", "HTT", "HT", "KHT"]),
            st.integers(min_value=1, max_value=50),
        ),
        max_size=30,
    )
)
def test_the_total_is_the_sum_of_the_rows_and_counts_every_subject_of_the_subtree_once(
    entries: list[tuple[UnitId, str, str, int]],
) -> None:
    r = reader()
    for unit, kind, level, n in entries:
        r.add_level(unit, kind, level, n)
    rep = report(r, ReportKind.CLASSIFICATION)
    for i, column in enumerate(rep.columns):
        assert rep.total[i] == sum(row.values[i] for row in rep.rows), column
    inside = sum(n for unit, _k, _l, n in entries if unit != OTHER_X)
    assert rep.value("collective_total") + rep.value("person_total") == inside
    levels = ("HTXS", "HTT", "HT", "KHT")
    assert sum(rep.value(f"person_{lv}") for lv in levels) == rep.value("person_total")


def test_confidence_counts_votes_once_and_people_by_band() -> None:
    r = reader()
    day = dt.date(2025, 11, 5)
    r.bands += [
        (day, BandCount(MINH, 1, "none", 7)),
        (day, BandCount(MINH, 1, "B", 1)),
        (day, BandCount(CELL_M, 2, "none", 2)),
        (day, BandCount(BAT, 3, "C", 1)),
        (dt.date(2024, 11, 5), BandCount(BAT, 4, "none", 9)),  # before the period
    ]
    rep = report(r, ReportKind.CONFIDENCE)
    minh = rows(rep)["Đảng bộ xã Minh Quang"]
    assert minh == {"sessions": 2, "people": 10, "band_none": 9, "band_B": 1, "band_C": 0}
    assert (rep.value("sessions"), rep.value("people"), rep.value("band_C")) == (3, 11, 1)


def _elected(sex: str, born: dt.date, ethnicity: str, approved: bool = True) -> ElectedFacts:
    return ElectedFacts(0, 0, born, sex, ethnicity, False, approved)


def test_congresses_count_those_held_the_committees_elected_and_their_composition() -> None:
    r = reader()
    opens = dt.date(2025, 6, 10)
    people = (
        _elected("F", dt.date(1990, 1, 1), "Tày"),  # woman, young, minority
        _elected("M", dt.date(1970, 1, 1), "Kinh", approved=False),
        _elected("M", dt.date(1988, 1, 1), "Kinh"),  # young
    )
    r.held += [
        CongressFacts(MINH, 1, "delegates", True, opens, people),
        CongressFacts(CELL_B, 2, "cell", False, opens, ()),  # opened, nobody elected yet
    ]
    rep = report(r, ReportKind.CONGRESSES)
    minh = rows(rep)["Đảng bộ xã Minh Quang"]
    assert minh == {
        "congresses": 1, "closed": 1, "committees": 1, "elected": 3,
        "women": 1, "young": 2, "minority": 1, "pending": 1,
    }  # fmt: skip
    assert (rep.value("congresses"), rep.value("closed"), rep.value("committees")) == (2, 1, 1)


def test_records_sent_by_a_lower_installation_are_rows_of_their_own_marked_and_counted() -> None:
    r = reader()
    r.add_level(CELL_M, "individual", "HTT", 2)
    for level in ("HTT", "HTT", None):
        payload = {"subject_kind": "individual", "level": level, "year": 2025}
        r.add_received("classification_results", CELL_B, "Xã Bạch Xa (máy trạm)", payload)
    old = {"subject_kind": "individual", "level": "HT", "year": 2024}  # outside the period
    r.add_received("classification_results", CELL_B, "Xã Bạch Xa (máy trạm)", old)

    rep = report(r, ReportKind.CLASSIFICATION)

    (received,) = [row for row in rep.rows if row.received]
    assert received.name == "Đảng bộ xã Bạch Xa"
    assert received.sender == "Xã Bạch Xa (máy trạm)"
    assert dict(zip(rep.columns, received.values, strict=True))["person_HTT"] == 2
    assert rep.value("person_HTT") == 4
    assert rep.value("person_HT") == 0
    assert rep.has_received


def test_received_confidence_and_congress_records_count_as_the_local_ones() -> None:
    votes = received_counts(
        ReportKind.CONFIDENCE,
        [{"persons": [{"band": "none"}, {"band": "B"}], "held_on": "2025-11-05"}],
    )
    assert dict(votes) == {"sessions": 1, "people": 2, "band_none": 1, "band_B": 1}
    elected = [
        {"person": "P1", "sex": "F", "birth_date": "1990-01-01", "ethnicity": "Tày",
         "alternate": False, "first_time": True},
        {"person": "P2", "sex": "M", "birth_date": "1960-01-01", "ethnicity": "Kinh",
         "alternate": False, "first_time": False},
        {"person": "P3", "sex": "F", "birth_date": "1995-01-01", "ethnicity": "Kinh",
         "alternate": True, "first_time": True},
    ]  # fmt: skip
    congress = {
        "status": "closed",
        "opens_on": "2025-06-10",
        "elections": [
            {"election_kind": "committee", "status": "approved", "elected": elected},
            {"election_kind": "secretary", "status": "provisional", "elected": elected[:1]},
            {"election_kind": "delegates", "status": "approved", "elected": elected},
        ],
    }
    counts = received_counts(ReportKind.CONGRESSES, [congress])
    assert dict(counts) == {
        "congresses": 1, "closed": 1, "committees": 1, "elected": 2,
        "women": 1, "young": 1, "minority": 1, "pending": 0,
    }  # fmt: skip


def test_a_unit_outside_the_actors_scope_is_not_found() -> None:
    with pytest.raises(NotFound):
        report(reader(), ReportKind.CLASSIFICATION, OTHER)


def test_a_unit_that_did_not_exist_on_the_periods_last_day_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        report(reader(), ReportKind.CONFIDENCE, OLD)
    assert refused.value.code == "report_unit_not_on_date"
    assert refused.value.fields["day"] == "31/12/2025"
    first_half = (dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    rep = results_report(staff(PROVINCE), reader(), ReportKind.CONFIDENCE, OLD, *first_half)
    assert rep.unit_name == "Đảng bộ xã Yên Thuận"


def test_a_reversed_period_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        results_report(staff(PROVINCE), reader(), ReportKind.CONGRESSES, PROVINCE, YEAR[1], YEAR[0])
    assert refused.value.code == "report_period_reversed"


def test_an_account_without_a_reading_role_is_refused() -> None:
    nobody = Actor(AccountId(8), "khach", (Grant(Role.COUNTING_COMMITTEE, PROVINCE),))
    with pytest.raises((NotFound, PermissionDenied)):
        results_report(nobody, reader(), ReportKind.CLASSIFICATION, PROVINCE, *YEAR)


@given(st.lists(st.tuples(st.text(min_size=1, max_size=8), st.integers(0, 10**6)), max_size=8))
def test_a_chart_draws_exactly_the_rows_of_its_table(pairs: list[tuple[str, int]]) -> None:
    for kind in ("pie", "bar", "hbar"):
        chart = Chart.of("k", "t", kind, pairs)
        option = chart.option()
        series = option["series"][0]
        if kind == "pie":
            drawn = [(d["name"], d["value"]) for d in series["data"]]
        else:
            axis = option["yAxis"] if kind == "hbar" else option["xAxis"]
            drawn = list(zip(axis["data"], series["data"], strict=True))
        assert drawn == [(r.label, r.count) for r in chart.rows] == pairs


def test_the_report_as_data_is_json_safe_and_carries_its_total_and_citation() -> None:
    r = reader()
    facts = _elected("F", dt.date(1990, 1, 1), "Tày")
    r.held.append(CongressFacts(MINH, 1, "cell", True, dt.date(2025, 3, 1), (facts,)))
    data = json.loads(json.dumps(report(r, ReportKind.CONGRESSES).as_dict()))
    assert data["total"]["women"] == 1
    minh = next(row for row in data["rows"] if row["unit_id"] == MINH)
    assert minh["values"]["elected"] == 1
    assert data["citation"]["rule_id"] == "EL-29"


def test_a_units_records_held_here_are_not_counted_again_when_its_installation_sends_them() -> None:
    r = reader()
    r.add_level(CELL_M, "individual", "HTT", 2)  # the cell's own records are here
    sent = {"subject_kind": "individual", "level": "HTT", "year": 2025}
    r.add_received("classification_results", CELL_M, "Máy tính đại hội xã Minh Quang", sent)
    r.add_received("classification_results", CELL_M, "Máy tính đại hội xã Minh Quang", sent)
    r.add_received("classification_results", CELL_B, "Máy trạm xã Bạch Xa", sent)

    rep = report(r, ReportKind.CLASSIFICATION)

    assert rep.value("person_HTT") == 3
    assert rep.already_held == 2
    assert [row.sender for row in rep.rows if row.received] == ["Máy trạm xã Bạch Xa"]
