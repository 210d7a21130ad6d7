"""Vietnamese collation for official lists, as plain ASCII keys that sort by byte comparison.

Official lists of persons (danh sách cán bộ, đảng viên, đại biểu, phiếu bầu) are sorted by the
given name (tên), then the middle names (tên đệm), then the family name (họ), in the Vietnamese
alphabet::

    a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y

Letters compare first over the whole text (primary level); only when all letters are equal do
the tones decide (secondary level), in the order of ICU's ``vi`` tailoring (CLDR)::

    no tone < huyền (à) < hỏi (ả) < ngã (ã) < sắc (á) < nặng (ạ)

and then case (tertiary level, lower case first). This is what ``icu.Collator`` for locale
``vi`` does; the unit tests compare the two with hypothesis.

The key is stored in an indexed ``sort_key`` column and used in ``ORDER BY`` under a binary
("C") collation on SQLite and PostgreSQL alike, so the key is built so that plain string
comparison gives the collation order: ``primary "!" secondary "!" tertiary``. The primary part
has one character per letter, digit, space or punctuation mark; the secondary part one tone
character and the tertiary part one case character per such unit. When two primary parts are
equal their units line up one to one, so the tones and cases of the same letters are compared.
``!`` sorts below every weight character, so a shorter text sorts before its extensions, as in
ICU. Trailing "no tone" and "lower case" weights are dropped (this keeps the order and shortens
the key). The key has at most ``3 * len(text) + 2`` characters for Vietnamese text (seven
primary characters for a character outside the tables).

Deliberate differences from ICU (none affects Vietnamese names):

* letters outside Vietnamese and the English alphabet (f, j, w, z are placed as in ICU) that do
  not decompose to a Latin base letter sort after ``z`` by code point, and unlisted symbols sort
  between the listed punctuation and the digits by code point; ICU uses script and symbol order;
* diacritics that are not Vietnamese (ü, ç, å) all weigh the same at the secondary level, above
  every Vietnamese tone; ICU gives each its own weight;
* ß, æ, œ, ø, ł are folded to ss, ae, oe, o, l before comparison (ICU: similar, with tertiary
  differences we do not keep).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from canbo.core.names import clean_spacing, split_name

# Ordered weight characters: printable ASCII above "!", without characters that need escaping in
# SQL LIKE patterns, string literals or shells (% _ ' " \ `).
_WEIGHTS = "".join(chr(c) for c in range(0x23, 0x7F) if chr(c) not in "%_'\"\\`")
_LEVEL_SEPARATOR = "!"
_SYMBOL_MARK = "symbol"
_FOREIGN_MARK = "foreign"

# ICU root order of common punctuation (space lowest); then a mark for other symbols, the
# digits, the letters, and a mark for other letters.
_PUNCTUATION = " _-,;:!?.'\"()[]/&#%+"
_ALPHABET = (
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
)  # fmt: skip
_UNITS = (*_PUNCTUATION, _SYMBOL_MARK, *"0123456789", *_ALPHABET, _FOREIGN_MARK)
_PRIMARY = {unit: _WEIGHTS[i] for i, unit in enumerate(_UNITS)}
# sort_key joins the name's parts with the space weight and moves inner spaces one weight up.
_PART_SEPARATOR = _PRIMARY[" "]
_INNER_SPACE = _PRIMARY["_"]

_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
_MODIFIED = {
    ("a", _BREVE): "ă",
    ("a", _CIRCUMFLEX): "â",
    ("e", _CIRCUMFLEX): "ê",
    ("o", _CIRCUMFLEX): "ô",
    ("o", _HORN): "ơ",
    ("u", _HORN): "ư",
}
# Tone marks in ICU ``vi`` order: huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_FOREIGN_DIACRITIC = 6
# ð (Icelandic eth) is a common mistyping of đ in Vietnamese data.
_FOLDS = {"ð": "đ", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l"}


def word_key(text: str) -> str:
    """Key that sorts any Vietnamese text (unit names, titles) in Vietnamese alphabetical order.

    The text is compared as written (no reordering of words): letters first, then tones, then
    case, as ICU's ``vi`` collation does. Input may be NFC or NFD; runs of whitespace count as
    one space and leading or trailing whitespace is ignored. Design rule (handbook: official
    lists print in Vietnamese alphabetical order); binary comparison of two keys gives the order.
    """
    primary: list[str] = []
    secondary: list[str] = []
    tertiary: list[str] = []
    for unit, tone, is_upper in _units(clean_spacing(text)):
        primary.append(_primary_weight(unit))
        secondary.append(_WEIGHTS[tone])
        tertiary.append(_WEIGHTS[int(is_upper)])
    return _LEVEL_SEPARATOR.join(
        (
            "".join(primary),
            "".join(secondary).rstrip(_WEIGHTS[0]),
            "".join(tertiary).rstrip(_WEIGHTS[0]),
        )
    )


def sort_key(full_name: str) -> str:
    """Key that sorts full names as official lists do: given, then middle, then family name.

    The three parts are compared one after the other (official lists: "by given name, then
    middle names, then family name"): "Nguyễn An" (no middle name) sorts before "Lê Bá An",
    and "Trần Thị Ánh" sorts before "Lê Thị Bích Ánh"; "Nguyễn Văn An" sorts before "Trần Thị
    Ánh" and "Lê Văn Bình". Within each part letters, tones and case compare as in
    :func:`word_key`. The parts are joined by the lowest weight; a space inside a part takes the
    next weight (names never contain "_", the character that weight otherwise stands for).
    Design rule.
    """
    name = split_name(full_name)
    primary: list[str] = []
    secondary: list[str] = []
    tertiary: list[str] = []
    for index, part in enumerate((name.given, name.middle, name.family)):
        if index:
            primary.append(_PART_SEPARATOR)
            secondary.append(_WEIGHTS[0])
            tertiary.append(_WEIGHTS[0])
        for unit, tone, is_upper in _units(clean_spacing(part)):
            weight = _primary_weight(unit)
            primary.append(_INNER_SPACE if weight == _PART_SEPARATOR else weight)
            secondary.append(_WEIGHTS[tone])
            tertiary.append(_WEIGHTS[int(is_upper)])
    return _LEVEL_SEPARATOR.join(
        (
            "".join(primary),
            "".join(secondary).rstrip(_WEIGHTS[0]),
            "".join(tertiary).rstrip(_WEIGHTS[0]),
        )
    )


def _primary_weight(unit: str) -> str:
    """One weight character, or a mark followed by six hex digits for an unlisted character."""
    weight = _PRIMARY.get(unit)
    if weight is not None:
        return weight
    mark = _SYMBOL_MARK if _is_symbol(unit) else _FOREIGN_MARK
    return _PRIMARY[mark] + f"{ord(unit):06X}"


def _is_symbol(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PSZ"


def _units(text: str) -> Iterator[tuple[str, int, bool]]:
    """Yield ``(unit, secondary_weight, is_upper)`` for each collation unit of ``text``.

    A unit is a base character with its combining marks: Vietnamese letter modifiers (breve,
    circumflex, horn) make a new letter; tone marks give the secondary weight; any other mark is
    a foreign diacritic. Control and format characters are ignored, as in ICU.
    """
    decomposed = unicodedata.normalize("NFD", text)
    i = 0
    while i < len(decomposed):
        base = decomposed[i]
        i += 1
        marks = []
        while i < len(decomposed) and unicodedata.combining(decomposed[i]):
            marks.append(decomposed[i])
            i += 1
        if unicodedata.category(base) in ("Cc", "Cf"):
            continue
        lower = base.lower()
        is_upper = lower != base
        for folded in _FOLDS.get(lower, lower):
            yield _with_marks(folded, marks, is_upper)


def _with_marks(letter: str, marks: list[str], is_upper: bool) -> tuple[str, int, bool]:
    tone = 0
    foreign = False
    for mark in marks:
        modified = _MODIFIED.get((letter, mark))
        if modified is not None:
            letter = modified
        elif mark in _TONES and tone == 0:
            tone = _TONES[mark]
        else:
            foreign = True
    return letter, tone + (_FOREIGN_DIACRITIC if foreign else 0), is_upper
