"""Import rows: every bad cell is named with its row, column and a message in vi and en."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from canbo.core.importing import (
    PEOPLE_COLUMNS,
    UNIT_COLUMNS,
    format_date,
    map_header,
    parents_first,
    parse_date,
    parse_person,
    parse_unit,
    pick,
    unit_cycles,
)
from canbo.core.types import Sex, UnitKind

TODAY = dt.date(2026, 11, 28)
GOOD = [
    "DV0001", "  nguyễn   thị MINH khai ", "17/05/1980", "Nữ", "Kinh", "Hà Nội",
    "001180012345", "12345678", "19/05/2010", "2011-05-19", "CB01", "02/03/2015",
]  # fmt: skip


def person(**changes: str) -> list[str]:
    cells = list(GOOD)
    for name, value in changes.items():
        cells[[c.name for c in PEOPLE_COLUMNS].index(name)] = value
    return cells


def codes(cells: list[str]) -> set[tuple[str, str]]:
    _, errors = parse_person(7, cells, TODAY)
    assert all(e.row == 7 and e.message_vi and e.message_en for e in errors)
    return {(e.column, e.code) for e in errors}


def test_a_good_row_is_accepted_with_the_name_normalized_and_both_date_formats_read() -> None:
    row, errors = parse_person(2, GOOD, TODAY)
    assert errors == []
    assert row is not None
    assert row.full_name == "Nguyễn Thị Minh Khai"
    assert row.birth_date == dt.date(1980, 5, 17)
    assert row.official_membership_date == dt.date(2011, 5, 19)
    assert row.sex is Sex.FEMALE


def test_sex_is_read_from_nam_nu_m_or_f_in_any_case() -> None:
    for text, sex in [("nam", Sex.MALE), ("M", Sex.MALE), ("NỮ", Sex.FEMALE), ("f", Sex.FEMALE)]:
        row, _ = parse_person(2, person(sex=text), TODAY)
        assert row is not None and row.sex is sex
    assert codes(person(sex="khác")) == {("sex", "bad_sex")}


def test_a_date_in_the_future_is_named_with_its_column() -> None:
    assert codes(person(member_since="01/01/2027")) == {("member_since", "date_in_future")}


def test_an_impossible_date_and_a_two_digit_year_are_bad_dates() -> None:
    assert codes(person(birth_date="31/02/1980")) == {("birth_date", "bad_date")}
    assert ("birth_date", "bad_date") in codes(person(birth_date="17/05/80"))


def test_every_problem_of_a_row_is_reported_not_only_the_first() -> None:
    found = codes(person(code="", full_name="Nguyen 2", national_id="123", unit_code="CB 01"))
    assert found == {
        ("code", "required"),
        ("full_name", "name_has_digits"),
        ("national_id", "bad_national_id"),
        ("unit_code", "bad_code"),
    }


def test_official_membership_needs_an_earlier_admission() -> None:
    assert codes(person(party_admission_date="")) == {
        ("official_membership_date", "official_without_admission")
    }
    assert codes(person(official_membership_date="01/01/2009")) == {
        ("official_membership_date", "official_before_admission")
    }


def test_party_dates_before_birth_are_refused() -> None:
    assert ("party_admission_date", "date_before_birth") in codes(
        person(party_admission_date="01/01/1979")
    )


def test_a_header_may_use_vietnamese_labels_in_any_order() -> None:
    header = [c.label_vi.upper() for c in reversed(PEOPLE_COLUMNS)]
    positions, errors = map_header(header, PEOPLE_COLUMNS)
    assert errors == []
    assert pick(list(reversed(GOOD)), positions) == GOOD


def test_a_missing_required_column_and_an_unknown_column_are_errors_on_row_one() -> None:
    header = [c.name for c in PEOPLE_COLUMNS if c.name != "birth_date"] + ["salary"]
    _, errors = map_header(header, PEOPLE_COLUMNS)
    assert {(e.row, e.column, e.code) for e in errors} == {
        (1, "birth_date", "column_missing"),
        (1, "salary", "column_unknown"),
    }


def test_a_unit_row_reads_kind_level_and_an_open_end() -> None:
    cells = ["XA01", "Đảng bộ xã Yên Minh", "commune_party_committee", "TQ", "grassroots", "",
             "01/07/2025", "", "NQ 1656/NQ-UBTVQH15"]  # fmt: skip
    row, errors = parse_unit(3, cells, TODAY)
    assert errors == [] and row is not None
    assert row.kind is UnitKind.COMMUNE_PARTY_COMMITTEE and row.valid_to is None


def test_a_unit_with_an_unknown_kind_and_an_end_before_its_start_reports_both() -> None:
    cells = ["XA01", "Xã", "village", "", "", "", "01/07/2025", "30/06/2025", ""]
    _, errors = parse_unit(3, cells, TODAY)
    assert {(e.column, e.code) for e in errors} == {
        ("kind", "bad_choice"),
        ("valid_to", "end_before_start"),
    }
    assert len(UNIT_COLUMNS) == len(cells)


def test_a_parent_chain_that_loops_is_found_for_every_unit_on_the_loop() -> None:
    cycles = unit_cycles({"A": "B", "B": "C", "C": "A", "D": "A", "E": ""})
    assert set(cycles) == {"A", "B", "C"}
    assert cycles["B"] == ("B", "C", "A", "B")


def test_units_are_ordered_so_that_parents_come_before_children() -> None:
    generations = parents_first({"CB": "XA", "XA": "TQ", "TQ": "TW", "H": "TW"})
    order = [code for generation in generations for code in generation]
    assert order.index("TQ") < order.index("XA") < order.index("CB")
    assert set(generations[0]) == {"TQ", "H"}


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_both_date_formats_read_back_the_same_day(day: dt.date) -> None:
    assert parse_date(format_date(day)) == day
    assert parse_date(day.isoformat()) == day


@given(st.lists(st.text(max_size=30), min_size=12, max_size=12))
def test_any_text_in_any_cell_gives_a_row_or_errors_never_an_exception(cells: list[str]) -> None:
    row, errors = parse_person(5, cells, TODAY)
    assert (row is None) == bool(errors)
    assert all(e.row == 5 and e.column for e in errors)


@given(st.dictionaries(st.sampled_from("ABCDEFGH"), st.sampled_from(["", *"ABCDEFGH"]), min_size=1))
def test_units_off_every_cycle_can_be_ordered_parents_first(parent_of: dict[str, str]) -> None:
    cycles = unit_cycles(parent_of)
    for code in cycles:
        seen, node = set(), code
        while node in parent_of and node not in seen:
            seen.add(node)
            node = parent_of[node]
        assert node == code or node in cycles
    acyclic = {c: p for c, p in parent_of.items() if c not in cycles and p not in cycles}
    acyclic = {c: p for c, p in acyclic.items() if not _reaches_cycle(c, parent_of, cycles)}
    order = [c for generation in parents_first(acyclic) for c in generation]
    assert sorted(order) == sorted(acyclic)
    for code, parent in acyclic.items():
        if parent in acyclic:
            assert order.index(parent) < order.index(code)


def _reaches_cycle(code: str, parent_of: dict[str, str], cycles: dict[str, object]) -> bool:
    seen: set[str] = set()
    while code in parent_of and code not in seen:
        if code in cycles:
            return True
        seen.add(code)
        code = parent_of[code]
    return code in cycles
