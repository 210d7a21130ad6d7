"""Vietnamese collation: hand-picked orders, and agreement with ICU's ``vi`` collator."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canbo.core.collation import sort_key, word_key
from canbo.core.names import split_name

ALPHABET = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y".split()
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]  # none, huyền, hỏi, ngã, sắc, nặng
VOWELS = "aăâeêioôơuưy"


def _sorted_words(words: list[str]) -> list[str]:
    return sorted(words, key=word_key)


def _sorted_names(names: list[str]) -> list[str]:
    return sorted(names, key=sort_key)


def test_names_sort_by_given_name_first() -> None:
    names = ["Lê Văn Bình", "Trần Thị Ánh", "Nguyễn Văn An"]
    assert _sorted_names(names) == ["Nguyễn Văn An", "Trần Thị Ánh", "Lê Văn Bình"]


def test_equal_given_names_sort_by_middle_then_family_name() -> None:
    names = ["Trần Văn Hùng", "Lê Văn Hùng", "Phạm Bá Hùng"]
    assert _sorted_names(names) == ["Phạm Bá Hùng", "Lê Văn Hùng", "Trần Văn Hùng"]


def test_a_name_without_a_middle_name_sorts_before_the_same_given_name_with_one() -> None:
    # Given, then middle, then family name: an empty middle name comes first.
    assert _sorted_names(["Lê Bá An", "Nguyễn An"]) == ["Nguyễn An", "Lê Bá An"]


def test_a_shorter_middle_name_sorts_before_its_extensions_whatever_the_family_name() -> None:
    assert _sorted_names(["Lê Thị Bích Ánh", "Trần Thị Ánh"]) == ["Trần Thị Ánh", "Lê Thị Bích Ánh"]


def test_the_vietnamese_alphabet_order_holds_letter_by_letter() -> None:
    shuffled = ALPHABET.copy()
    random.Random(7).shuffle(shuffled)
    assert _sorted_words(shuffled) == ALPHABET


def test_d_with_stroke_is_a_letter_after_d() -> None:
    assert _sorted_words(["Đào", "Dung", "Duy", "Đinh"]) == ["Dung", "Duy", "Đào", "Đinh"]
    assert _sorted_names(["Đào Văn An", "Dung Văn An"]) == ["Dung Văn An", "Đào Văn An"]


def test_breve_and_circumflex_letters_follow_plain_a() -> None:
    assert _sorted_words(["Ấn", "Ăn", "An", "Bá"]) == ["An", "Ăn", "Ấn", "Bá"]


def test_horn_letters_follow_their_base_letters() -> None:
    assert _sorted_words(["Ưng", "Ơn", "Ung", "On", "Ôn"]) == ["On", "Ôn", "Ơn", "Ung", "Ưng"]


def test_tones_follow_the_icu_order() -> None:
    forms = ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]
    assert _sorted_words(list(reversed(forms))) == forms


def test_tones_are_secondary_to_letters_over_the_whole_name() -> None:
    # A tone on the first word does not beat a letter difference in a later word.
    assert word_key("Ánh Anh") < word_key("Anh Bình")
    assert _sorted_names(["Lê Thị Ánh", "Lê Thị Anh"]) == ["Lê Thị Anh", "Lê Thị Ánh"]


def test_an_earlier_tone_difference_outweighs_a_later_one() -> None:
    assert word_key("Anh Bình") < word_key("Ánh Binh")


def test_case_is_tertiary() -> None:
    assert word_key("an") < word_key("An") < word_key("àn")


def test_a_shorter_word_sorts_before_its_extensions() -> None:
    assert _sorted_words(["Anh", "An", "An Bình"]) == ["An", "An Bình", "Anh"]


def test_nfd_and_nfc_input_give_the_same_key() -> None:
    name = "Nguyễn Thị Phượng"
    assert sort_key(unicodedata.normalize("NFD", name)) == sort_key(name)


def test_extra_whitespace_is_ignored() -> None:
    assert sort_key("  Nguyễn   Văn\tAn ") == sort_key("Nguyễn Văn An")


def test_eth_typed_for_d_with_stroke_collates_as_d_with_stroke() -> None:
    assert word_key("\u00d0ào") == word_key("Đào")


def test_foreign_letters_take_their_latin_places() -> None:
    assert _sorted_words(["Zung", "Wang", "Jun", "Fan", "Dung"]) == [
        "Dung",
        "Fan",
        "Jun",
        "Wang",
        "Zung",
    ]


def test_digits_sort_before_letters_and_space_before_digits() -> None:
    assert _sorted_words(["Tổ A", "Tổ 2", "Tổ", "Tổ 1"]) == ["Tổ", "Tổ 1", "Tổ 2", "Tổ A"]


def test_keys_are_printable_ascii() -> None:
    key = sort_key("Nguyễn Thị Ánh 中 ü")
    assert key.isascii()
    assert key.isprintable()
    assert " " not in key


# --- agreement with ICU ------------------------------------------------------------------------


def _letter(base: str, tone: str, upper: bool) -> str:
    text = unicodedata.normalize("NFC", base + (tone if base in VOWELS else ""))
    return text.upper() if upper else text


LETTERS = st.builds(_letter, st.sampled_from(ALPHABET), st.sampled_from(TONES), st.booleans())
WORDS = st.lists(LETTERS, min_size=1, max_size=4).map("".join)
NAMES = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)


def _sign(value: int) -> int:
    return (value > 0) - (value < 0)


@settings(max_examples=500)
@given(NAMES, NAMES)
def test_name_order_agrees_with_icu_on_the_parts_in_list_order(a: str, b: str) -> None:
    # The oracle joins given, middle and family name with a tab, which ICU sorts below the space
    # inside a part and below every letter: the parts compare one after the other.
    icu = pytest.importorskip("icu")
    collator = icu.Collator.createInstance(icu.Locale("vi"))

    def parts(name: str) -> str:
        split = split_name(name)
        return "\t".join((split.given, split.middle, split.family))

    expected = _sign(collator.compare(parts(a), parts(b)))
    key_a, key_b = sort_key(a), sort_key(b)
    assert _sign((key_a > key_b) - (key_a < key_b)) == expected


# Two spellings of the same letters that differ only in tones and case: the secondary and
# tertiary levels decide, which random names rarely exercise.
VARIANT_PAIRS = st.lists(
    st.tuples(
        st.sampled_from(ALPHABET),
        st.sampled_from(TONES),
        st.sampled_from(TONES),
        st.booleans(),
        st.booleans(),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=500)
@given(VARIANT_PAIRS, st.integers(min_value=0, max_value=7))
def test_tone_and_case_variants_agree_with_icu(
    letters: list[tuple[str, str, str, bool, bool]], space_at: int
) -> None:
    icu = pytest.importorskip("icu")
    collator = icu.Collator.createInstance(icu.Locale("vi"))
    a = "".join(_letter(base, tone_a, up_a) for base, tone_a, _, up_a, _ in letters)
    b = "".join(_letter(base, tone_b, up_b) for base, _, tone_b, _, up_b in letters)
    if 0 < space_at < len(letters):
        a, b = a[:space_at] + " " + a[space_at:], b[:space_at] + " " + b[space_at:]
    expected = _sign(collator.compare(a, b))
    key_a, key_b = word_key(a), word_key(b)
    assert _sign((key_a > key_b) - (key_a < key_b)) == expected


# Unit names mix letters (including f, j, w, z), digits and the listed punctuation.
TEXT_UNITS = st.one_of(
    LETTERS,
    st.sampled_from(list("fjwzFJWZ0123456789_-,;:!?.'\"()[]/&#%+")),
    st.just(" "),
)
TEXTS = (
    st.lists(TEXT_UNITS, min_size=1, max_size=10).map("".join).map(lambda t: " ".join(t.split()))
)


@settings(max_examples=300)
@given(st.lists(TEXTS, min_size=2, max_size=8))
def test_sorting_unit_names_agrees_with_icu(texts: list[str]) -> None:
    icu = pytest.importorskip("icu")
    collator = icu.Collator.createInstance(icu.Locale("vi"))
    by_key = [word_key(t) for t in sorted(texts, key=word_key)]
    by_icu = [word_key(t) for t in sorted(texts, key=collator.getSortKey)]
    assert by_key == by_icu


@given(NAMES)
def test_the_key_depends_only_on_the_normalized_name(name: str) -> None:
    assert sort_key(unicodedata.normalize("NFD", "  " + name + " ")) == sort_key(name)
