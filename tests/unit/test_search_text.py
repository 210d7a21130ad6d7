"""Search keys: folding Vietnamese text to plain words, query words, and the prefix rule."""

from __future__ import annotations

import datetime as dt
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canbo.core.search_text import (
    MAX_QUERY_WORDS,
    ScopeTokens,
    fold,
    is_searchable,
    matches,
    person_keys,
    query_words,
    unit_keys,
)

# The Vietnamese letters with every tone, and the plain letter a toneless keyboard types.
_BASES = {
    "a": "aàảãáạăằẳẵắặâầẩẫấậ",
    "e": "eèẻẽéẹêềểễếệ",
    "i": "iìỉĩíị",
    "o": "oòỏõóọôồổỗốộơờởỡớợ",
    "u": "uùủũúụưừửữứự",
    "y": "yỳỷỹýỵ",
    "d": "dđ",
}
_PLAIN = {ch: base for base, variants in _BASES.items() for ch in variants}
_LETTERS = "".join(_PLAIN) + "bcghklmnpqrstvx"


def _plain(word: str) -> str:
    """A word as typed on a keyboard without Vietnamese input (independent of ``fold``)."""
    return "".join(_PLAIN.get(ch, ch) for ch in word.lower())


syllables = st.lists(st.sampled_from(_LETTERS), min_size=1, max_size=6).map("".join)
names = st.lists(syllables, min_size=1, max_size=4)


def test_fold_drops_tones_modifiers_capitals_and_punctuation() -> None:
    assert fold("Nguyễn Thị Ánh  Đào") == "nguyen thi anh dao"
    assert fold("ĐẢNG BỘ XÃ YÊN MINH") == "dang bo xa yen minh"
    assert fold("Chi bộ Thôn 3 - Xã Phú Ðông") == "chi bo thon 3 xa phu dong"
    assert fold("H'Hen Niê") == "h hen nie"


def test_fold_reads_nfd_and_nfc_alike() -> None:
    text = "Trần Thị Bích Ngọc"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text) == "tran thi bich ngoc"


def test_query_words_are_folded_unique_and_bounded() -> None:
    assert query_words("  Nguyễn  nguyen VĂN a ") == ["nguyen", "van", "a"]
    assert len(query_words(" ".join(f"w{i}" for i in range(20)))) == MAX_QUERY_WORDS
    assert query_words('"ngu"* OR scope:kp') == ["ngu", "or", "scope", "kp"]


def test_one_letter_finds_nothing_two_do() -> None:
    assert not is_searchable("N")
    assert not is_searchable("  ' - ")
    assert is_searchable("Ng")


def test_person_keys_hold_name_code_birth_year_and_national_id() -> None:
    keys = person_keys("Nguyễn Văn An", "DV-00012", dt.date(1980, 5, 17), "001080012345")
    assert keys.split() == ["nguyen", "van", "an", "dv", "00012", "1980", "001080012345"]


def test_unit_keys_hold_every_name_once_and_the_codes() -> None:
    keys = unit_keys(["Chi bộ thôn Bản Lý", "Chi bộ thôn Bản Lý Một"], ["U000123", "02"])
    assert keys == "chi bo thon ban ly mot u000123 02"


def test_scope_tokens_tag_kind_and_every_unit_above() -> None:
    assert ScopeTokens.for_entry(ScopeTokens.PERSON, [12, 5, 1]) == "kp s12 s5 s1"


def test_the_prefix_rule() -> None:
    keys = fold("Nguyễn Văn An")
    assert matches(["ngu"], keys)
    assert matches(["an", "nguyen"], keys)
    assert not matches(["nguyen", "binh"], keys)
    assert not matches(["guyen"], keys)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(names)
def test_any_name_with_tones_is_found_by_its_toneless_prefixes(words: list[str]) -> None:
    name = " ".join(w.capitalize() for w in words)
    keys = fold(name)
    typed = " ".join(_plain(w)[: max(1, len(w) // 2)] for w in words)
    assert matches(query_words(typed), keys)
    assert matches(query_words(name), keys)


@given(st.text(max_size=40))
def test_query_words_are_plain_ascii_words_whatever_is_typed(text: str) -> None:
    for word in query_words(text):
        assert word.isascii() and word.isalnum() and word == word.lower()
