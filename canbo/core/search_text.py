"""Search keys of the registry: Vietnamese text folded to plain words, and the query's words.

A clerk types names on any keyboard, with or without tones ("Nguyễn Văn An", "nguyen van an",
"NGUYEN VAN A", "ngu"). Both the stored keys and the query are folded the same way: NFD,
tone marks and letter modifiers dropped (ă â → a, ê → e, ô ơ → o, ư → u), đ → d, lower case,
and every character that is neither a letter nor a digit becomes a space. What remains is
plain ASCII words, which FTS5 on SQLite and the "simple" text-search configuration of
PostgreSQL split identically, so one query means the same on both databases. Each query word
is matched as a prefix of a stored word: "ngu" finds "Nguyễn", "nguyen van a" finds
"Nguyễn Văn An". Design rule (the workbench's search box).

Words are checked against a plain alphabet before they reach a query language, so a query
cannot inject FTS5 or tsquery operators.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from canbo.core.names import clean_spacing

_NOT_WORD = re.compile(r"[^a-z0-9]+")
_FOLDS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ß": "ss", "æ": "ae", "ø": "o"})
MAX_QUERY_WORDS = 8
"""Words of a query beyond this are ignored (a search box, not a document)."""


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """``text`` as lower-case ASCII words separated by one space, tones and modifiers dropped.

    >>> fold("Nguyễn Thị Ánh  Đào")
    'nguyen thi anh dao'
    >>> fold("Chi bộ Thôn 3 - Xã Yên Phú")
    'chi bo thon 3 xa yen phu'
    """
    decomposed = unicodedata.normalize("NFD", clean_spacing(text).translate(_FOLDS))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(_NOT_WORD.sub(" ", plain).split())


def query_words(text: str) -> list[str]:
    """The folded words of a query, at most :data:`MAX_QUERY_WORDS`, duplicates dropped."""
    seen: list[str] = []
    for word in fold(text).split():
        if word not in seen:
            seen.append(word)
    return seen[:MAX_QUERY_WORDS]


def matches(words: Iterable[str], keys: str) -> bool:
    """Every query word starts one of the words of ``keys`` (both folded): the rule the text
    indexes apply ("ngu" matches "nguyen"; "van a" matches "nguyen van an")."""
    have = keys.split()
    return all(any(h.startswith(w) for h in have) for w in words)


def is_searchable(text: str) -> bool:
    """A query worth sending: two characters at least once folded (one letter finds everyone)."""
    return len("".join(query_words(text))) >= 2


def join_keys(parts: Iterable[str]) -> str:
    """Several texts folded into one key string, each word once, in first-seen order."""
    words: dict[str, None] = {}
    for part in parts:
        for word in fold(part).split():
            words.setdefault(word, None)
    return " ".join(words)


def person_keys(
    full_name: str, code: str, birth_date: dt.date | None, national_id: str = ""
) -> str:
    """Searchable words of a person: name without tones, code, birth year, national ID."""
    year = str(birth_date.year) if birth_date else ""
    return join_keys((full_name, code, year, national_id))


def unit_keys(names: Iterable[str], codes: Iterable[str]) -> str:
    """Searchable words of a unit: every name it has had (OR-18) and its codes."""
    return join_keys((*names, *codes))


@dataclass(frozen=True, slots=True)
class ScopeTokens:
    """Tokens of the index's ``scope`` column: the kind of entry and the units above it.

    A person is tagged with the cell they belong to and every unit above it; a unit with
    itself and every unit above it. A query scoped to a subtree asks for the token of its
    root, so that scoping happens inside the text index, not after it.
    """

    PERSON = "kp"
    UNIT = "ku"

    @staticmethod
    def unit(unit_id: int) -> str:
        return f"s{int(unit_id)}"

    @classmethod
    def for_entry(cls, kind: str, chain: Iterable[int]) -> str:
        return " ".join([kind, *(cls.unit(u) for u in chain)])
