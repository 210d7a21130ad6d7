"""Vietnamese names: normalization, splitting, validation."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.errors import ValidationError
from canbo.core.names import (
    PersonName,
    clean_spacing,
    name_error_codes,
    normalize_name,
    split_name,
    validate_name,
)

VIETNAMESE_WORDS = st.sampled_from(
    ["nguyễn", "ĐẶNG", "thị", "Văn", "ánh", "ƯNG", "hoàng", "đức", "Huỳnh", "ngọc", "Ỷ", "quý"]
)


def test_a_three_word_name_splits_into_family_middle_and_given() -> None:
    assert split_name("Nguyễn Văn An") == PersonName("Nguyễn", "Văn", "An")


def test_every_word_between_the_first_and_the_last_is_a_middle_name() -> None:
    assert split_name("Tôn Nữ Thị Ninh") == PersonName("Tôn", "Nữ Thị", "Ninh")


def test_a_two_word_name_has_no_middle_name() -> None:
    assert split_name("Lê Lợi") == PersonName("Lê", "", "Lợi")


def test_a_one_word_name_is_a_given_name() -> None:
    assert split_name("Thuận") == PersonName("", "", "Thuận")


def test_splitting_an_empty_name_gives_empty_parts() -> None:
    assert split_name("   ") == PersonName("", "", "")


def test_splitting_ignores_extra_whitespace_and_decomposed_input() -> None:
    decomposed = unicodedata.normalize("NFD", "  Trần \t Thị   Ánh ")
    assert split_name(decomposed) == PersonName("Trần", "Thị", "Ánh")


def test_eth_mistyped_for_d_with_stroke_is_corrected() -> None:
    assert normalize_name("\u00d0ào \u00f0ức") == "Đào Đức"


def test_list_order_puts_the_given_name_first() -> None:
    assert split_name("Nguyễn Thị Minh Khai").list_order == "Khai Thị Minh Nguyễn"
    assert split_name("Nguyễn Thị Minh Khai").full == "Nguyễn Thị Minh Khai"


def test_normalize_capitalizes_vietnamese_initials() -> None:
    assert normalize_name("đặng thùy trâm") == "Đặng Thùy Trâm"
    assert normalize_name("ƯNG HOÀNG PHÚC") == "Ưng Hoàng Phúc"


def test_normalize_collapses_spaces_and_composes_nfd_input() -> None:
    decomposed = unicodedata.normalize("NFD", "  nguyễn   VĂN  an ")
    result = normalize_name(decomposed)
    assert result == "Nguyễn Văn An"
    assert unicodedata.is_normalized("NFC", result)


def test_normalize_starts_a_word_after_an_apostrophe_or_hyphen() -> None:
    assert normalize_name("h’hen niê") == "H'Hen Niê"
    assert normalize_name("y-moan") == "Y-Moan"


@given(st.lists(VIETNAMESE_WORDS, min_size=1, max_size=5))
def test_normalize_is_idempotent(words: list[str]) -> None:
    once = normalize_name(" ".join(words))
    assert normalize_name(once) == once


@given(st.lists(VIETNAMESE_WORDS, min_size=1, max_size=5))
def test_splitting_then_joining_gives_back_the_cleaned_name(words: list[str]) -> None:
    name = "  ".join(words)
    assert split_name(name).full == clean_spacing(name)


def test_a_good_name_has_no_errors() -> None:
    assert name_error_codes("Nguyễn Văn An") == ()
    assert name_error_codes("H'Hen Niê") == ()


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "name_empty"),
        ("  \t ", "name_empty"),
        ("Nguyễn Văn 2", "name_has_digits"),
        ("Nguyễn Văn An!", "name_forbidden_characters"),
        ("Trần <b>Bình</b>", "name_forbidden_characters"),
        ("Lê - Hoa", "name_misplaced_punctuation"),
        ("'Lê Hoa", "name_misplaced_punctuation"),
        ("A" * 101, "name_too_long"),
    ],
)
def test_bad_names_are_reported_with_a_code(raw: str, code: str) -> None:
    assert code in name_error_codes(raw)


def test_every_problem_is_reported_not_only_the_first() -> None:
    assert name_error_codes("Nguyễn 3 @") == ("name_has_digits", "name_forbidden_characters")


def test_validate_returns_the_normalized_name() -> None:
    assert validate_name(" trần   hưng đạo ") == "Trần Hưng Đạo"


def test_validate_raises_a_validation_error_naming_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_name("Phạm 7")
    assert caught.value.code == "name_has_digits"
    assert caught.value.fields["field"] == "full_name"
    assert caught.value.fields["codes"] == ["name_has_digits"]
