"""Name search on the collation keys: capitals and tones ignored, plain letters find modified ones.

The primary level of a collation key (before the first "!") holds one weight per letter,
without tones or case. A query word matches when its primary weights appear inside that part:
"ha giang" finds "Hà Giang". A word typed without Vietnamese modifiers (a plain keyboard) also
matches the modified letters: "yen" finds "Yên", "dong" finds "Đông". Words are matched one by
one, so "an nguyen" finds "Nguyễn Văn An" whose key is in given-name-first order. Works on
SQLite and PostgreSQL; letter weights never occur in the tone and case parts of a key.
"""

from __future__ import annotations

from typing import TypeVar

from django.db.models import F, Model, Q, QuerySet, Value
from django.db.models.functions import StrIndex

from canbo.core.collation import word_key

M = TypeVar("M", bound=Model)

_PLAIN_VARIANTS = {"a": "aăâ", "d": "dđ", "e": "eê", "o": "oôơ", "u": "uư"}


def _primary(text: str) -> str:
    return word_key(text).split("!")[0]


def _escape(weights: str) -> str:
    return "".join(c if c.isalnum() else "\\" + c for c in weights)


def _word_filter(qs: QuerySet[M], word: str, field: str, index: int) -> QuerySet[M]:
    primary = _primary(word)
    if word.isascii() and len(primary) == len(word):
        parts = [
            "[" + _escape("".join(_primary(v) for v in _PLAIN_VARIANTS[ch])) + "]"
            if ch in _PLAIN_VARIANTS
            else _escape(primary[i])
            for i, ch in enumerate(word.lower())
        ]
        return qs.filter(**{f"{field}__regex": "^[^!]*" + "".join(parts)})
    pos, sep = f"_pos{index}", f"_sep{index}"
    matched: QuerySet[M] = qs.annotate(
        **{pos: StrIndex(field, Value(primary)), sep: StrIndex(field, Value("!"))}
    ).filter(**{f"{pos}__gt": 0, f"{pos}__lte": F(sep) - len(primary)})
    return matched


def match_words(qs: QuerySet[M], text: str, field: str = "sort_key") -> QuerySet[M]:
    """Rows whose collation key (``field``) contains every word of ``text`` at primary level."""
    for index, word in enumerate(text.split()):
        qs = _word_filter(qs, word, field, index)
    return qs


def match_name_or_code(
    qs: QuerySet[M], text: str, code_field: str, field: str = "sort_key"
) -> QuerySet[M]:
    """Rows matching ``text`` by name (see :func:`match_words`) or by code (any case)."""
    by_name = match_words(qs, text, field).values("pk")
    return qs.filter(Q(pk__in=by_name) | Q(**{f"{code_field}__iexact": text.strip()}))
