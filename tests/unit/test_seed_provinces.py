"""Province seed data: 63 before 01/07/2025, 34 after (handbook OR-11, OR-12)."""

from __future__ import annotations

from collections import Counter

from canbo.core.seed.provinces import (
    PROVINCES_BEFORE_2025_07,
    PROVINCES_FROM_2025_07,
    Confidence,
    ProvinceKind,
    lineage_problems,
    new_province,
    old_province,
    successor_of,
)


def test_there_were_63_provinces_before_the_reorganization() -> None:
    assert len(PROVINCES_BEFORE_2025_07) == 63


def test_there_are_34_provincial_units_after_it() -> None:
    assert len(PROVINCES_FROM_2025_07) == 34
    assert [p.row for p in PROVINCES_FROM_2025_07] == list(range(1, 35))


def test_11_units_are_unchanged_and_23_are_merged() -> None:
    merged = [p for p in PROVINCES_FROM_2025_07 if p.is_merged]
    assert len(merged) == 23
    assert len(PROVINCES_FROM_2025_07) - len(merged) == 11


def test_the_merged_units_absorb_17_pairs_and_6_triples() -> None:
    sizes = Counter(len(p.predecessors) for p in PROVINCES_FROM_2025_07 if p.is_merged)
    assert sizes == {2: 17, 3: 6}


def test_every_former_province_is_a_predecessor_exactly_once() -> None:
    listed = Counter(code for p in PROVINCES_FROM_2025_07 for code in p.predecessors)
    assert set(listed) == {p.code for p in PROVINCES_BEFORE_2025_07}
    assert set(listed.values()) == {1}


def test_the_tables_report_no_lineage_problems() -> None:
    assert lineage_problems() == []


def test_six_centrally_governed_cities_after_the_reorganization() -> None:
    cities = {p.name for p in PROVINCES_FROM_2025_07 if p.kind is ProvinceKind.CENTRAL_CITY}
    assert cities == {"Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}


def test_six_centrally_governed_cities_on_the_eve_of_the_reorganization() -> None:
    cities = {p.code for p in PROVINCES_BEFORE_2025_07 if p.kind is ProvinceKind.CENTRAL_CITY}
    assert cities == {"01", "31", "46", "48", "79", "92"}
    assert old_province("46").former_name == "Tỉnh Thừa Thiên Huế"


def test_codes_are_two_digit_gso_codes_from_hanoi_01_to_ca_mau_96() -> None:
    codes = [p.code for p in PROVINCES_BEFORE_2025_07]
    assert codes == sorted(codes)
    assert all(len(c) == 2 and c.isdigit() for c in codes)
    assert old_province("01").name == "Hà Nội"
    assert old_province("02").name == "Hà Giang"
    assert old_province("04").name == "Cao Bằng"
    assert old_province("79").name == "Hồ Chí Minh"
    assert old_province("96").name == "Cà Mau"


def test_a_merged_unit_carries_the_code_of_the_province_holding_its_seat() -> None:
    for unit in PROVINCES_FROM_2025_07:
        assert unit.code == unit.centre, unit.name
        assert unit.centre in unit.predecessors


def test_successors_follow_the_or12_table() -> None:
    assert successor_of("02").name == "Tuyên Quang"
    assert successor_of("15").name == "Lào Cai"
    assert successor_of("77").name == "Hồ Chí Minh"
    assert successor_of("80").name == "Tây Ninh"
    assert successor_of("91").name == "An Giang"


def test_a_new_unit_reusing_an_old_name_may_have_a_different_code() -> None:
    # OR-16: "Lào Cai" after 01/07/2025 is a new unit, seated in former Yên Bái (code 15).
    assert new_province("15").name == "Lào Cai"
    assert old_province("10").name == "Lào Cai"


def test_unchanged_units_are_marked_text_and_keep_their_code() -> None:
    for unit in PROVINCES_FROM_2025_07:
        if not unit.is_merged:
            assert unit.predecessors == (unit.code,)
            assert unit.confidence is Confidence.TEXT


def test_known_politburo_decisions_are_recorded_and_others_fall_back_to_nq60() -> None:
    assert new_province("79").party_basis == "321-QĐ/TW"
    assert new_province("91").party_basis == "328-QĐ/TW"
    assert new_province("08").party_basis == "NQ 60-NQ/TW"
    assert all(p.legal_basis == "NQ 202/2025/QH15" for p in PROVINCES_FROM_2025_07)


def test_full_names_carry_the_kind_of_unit() -> None:
    assert new_province("79").full_name == "Thành phố Hồ Chí Minh"
    assert new_province("08").full_name == "Tỉnh Tuyên Quang"
