"""Synthetic Vietnamese name and place corpora."""

from __future__ import annotations

import random
import unicodedata
from collections import Counter

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from canbo.core.names import name_error_codes, normalize_name, split_name
from canbo.core.seed.vn_names import (
    COMMUNE_STEMS,
    DISTRICT_STEMS,
    ETHNIC_ALIASES,
    ETHNIC_GROUPS,
    FAMILY_NAMES,
    FEMALE_GIVEN_NAMES,
    FEMALE_MIDDLE_NAMES,
    MALE_GIVEN_NAMES,
    MALE_MIDDLE_NAMES,
    make_name,
    pick_ethnicity,
)
from canbo.core.types import Sex

ALL_WORD_LISTS = {
    "family": [n for n, _ in FAMILY_NAMES],
    "male_middle": [n for n, _ in MALE_MIDDLE_NAMES],
    "female_middle": [n for n, _ in FEMALE_MIDDLE_NAMES],
    "male_given": list(MALE_GIVEN_NAMES),
    "female_given": list(FEMALE_GIVEN_NAMES),
    "communes": list(COMMUNE_STEMS),
    "districts": list(DISTRICT_STEMS),
    "ethnic": [n for n, _ in ETHNIC_GROUPS],
}


@pytest.mark.parametrize("name", ALL_WORD_LISTS)
def test_each_corpus_has_no_duplicates(name: str) -> None:
    words = ALL_WORD_LISTS[name]
    assert len(words) == len(set(words)), Counter(words).most_common(3)


@pytest.mark.parametrize("name", ALL_WORD_LISTS)
def test_each_corpus_is_nfc_and_in_canonical_capitalization(name: str) -> None:
    for word in ALL_WORD_LISTS[name]:
        assert unicodedata.is_normalized("NFC", word)
        assert normalize_name(word) == word or "-" in word, word


def test_the_corpora_have_the_planned_sizes() -> None:
    assert len(FAMILY_NAMES) >= 40
    assert len(MALE_GIVEN_NAMES) >= 120
    assert len(FEMALE_GIVEN_NAMES) >= 120
    assert len(COMMUNE_STEMS) >= 200
    assert len(DISTRICT_STEMS) >= 60


def test_there_are_54_ethnic_groups_with_kinh_the_largest() -> None:
    assert len(ETHNIC_GROUPS) == 54
    assert max(ETHNIC_GROUPS, key=lambda item: item[1])[0] == "Kinh"
    assert set(ETHNIC_ALIASES.values()) <= {n for n, _ in ETHNIC_GROUPS}


def test_nguyen_is_the_most_frequent_family_name() -> None:
    rng = random.Random(2024)
    families = Counter(split_name(make_name(rng, Sex.MALE)).family for _ in range(4000))
    share = families["Nguyễn"] / 4000
    assert 0.33 < share < 0.45
    assert families.most_common(1)[0][0] == "Nguyễn"


def test_the_same_seed_gives_the_same_names() -> None:
    first = [make_name(random.Random(5), Sex.FEMALE) for _ in range(3)]
    assert first == [make_name(random.Random(5), Sex.FEMALE) for _ in range(3)]


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from([Sex.MALE, Sex.FEMALE]))
@example(seed=214895007, sex=Sex.MALE)  # family name Hoàng drawn again as the middle name
def test_a_made_name_is_valid_and_uses_the_lists_of_its_sex(seed: int, sex: Sex) -> None:
    name = make_name(random.Random(seed), sex)
    assert name_error_codes(name) == ()
    assert normalize_name(name) == name
    parts = split_name(name)
    givens = MALE_GIVEN_NAMES if sex is Sex.MALE else FEMALE_GIVEN_NAMES
    middles = MALE_MIDDLE_NAMES if sex is Sex.MALE else FEMALE_MIDDLE_NAMES
    assert parts.given in givens
    assert set(parts.middle.split()) <= {m for m, _ in middles}
    assert len(set(name.split())) == len(name.split())


def test_most_women_of_the_generated_cohort_have_the_middle_name_thi() -> None:
    rng = random.Random(11)
    middles = Counter(split_name(make_name(rng, Sex.FEMALE)).middle.split()[0] for _ in range(2000))
    assert middles.most_common(1)[0][0] == "Thị"


def test_ethnicity_follows_the_weights() -> None:
    rng = random.Random(3)
    drawn = Counter(pick_ethnicity(rng) for _ in range(2000))
    assert 0.8 < drawn["Kinh"] / 2000 < 0.9
