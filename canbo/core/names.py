"""Vietnamese personal names: normalization, splitting into parts, validation.

A Vietnamese full name is written family name first, given name last, with any middle names
(tên đệm, tên lót) between: "Nguyễn Thị Minh Khai" is family "Nguyễn", middle "Thị Minh", given
"Khai". Official lists (danh sách) print the full name in that order and sort by the given name
(see :mod:`canbo.core.collation`).

Names of some ethnic minorities do not follow this order (Ê Đê and Gia Rai names put the clan
name last, e.g. "H'Hen Niê"). canbo still splits every name by the Kinh convention, because that
is how official lists are sorted; the person record keeps the full name exactly as written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from canbo.core.errors import ValidationError

MAX_NAME_LENGTH = 100
"""Longest full name accepted (characters after normalization); long enough for every real name."""

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "`": "'"})
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-"})
# Ð/ð (Icelandic eth) look like Đ/đ and are a common mistyping of them in Vietnamese data.
_ETH = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})
_JOINERS = frozenset("'-")
_WORD_START = re.compile(r"(^|[\s'\-])(\w)")


@dataclass(frozen=True, slots=True)
class PersonName:
    """The three parts of a Vietnamese name: họ (family), tên đệm (middle), tên (given).

    ``middle`` is empty for a two-word name; ``family`` is empty for a one-word name.
    """

    family: str
    middle: str
    given: str

    @property
    def full(self) -> str:
        """The name as written on official documents: family, middle, given."""
        return " ".join(part for part in (self.family, self.middle, self.given) if part)

    @property
    def list_order(self) -> str:
        """The name reordered as official lists sort it: given, middle, family."""
        return " ".join(part for part in (self.given, self.middle, self.family) if part)


def clean_spacing(text: str) -> str:
    """NFC-normalize ``text``, unify apostrophes, dashes and Đ, and collapse whitespace runs.

    Data typed on different keyboards (Unikey in NFC or NFD mode, copied from PDF) must compare
    equal; the handbook's import rules require one canonical form for stored names.
    """
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).translate(_DASHES)
    text = text.translate(_ETH)
    return " ".join(text.split())


def normalize_name(full_name: str) -> str:
    """Return the canonical form of a name: NFC, single spaces, each word capitalized.

    "  nguyễn   VĂN  an " becomes "Nguyễn Văn An"; "đặng" becomes "Đặng"; a letter after an
    apostrophe or hyphen starts a new word ("h'hen niê" becomes "H'Hen Niê"), as in the usual
    spelling of Tây Nguyên names. Works on NFD input too, because NFC is applied first.
    """
    lowered = clean_spacing(full_name).lower()
    return _WORD_START.sub(lambda m: m.group(1) + m.group(2).upper(), lowered)


def split_name(full_name: str) -> PersonName:
    """Split a full name written in Vietnamese order into family, middle and given names.

    The first word is the family name (họ), the last the given name (tên), everything between
    the middle name (tên đệm). A one-word name is a given name only. The input is cleaned
    (:func:`clean_spacing`) but its case is kept.
    """
    words = clean_spacing(full_name).split(" ")
    if words == [""]:
        return PersonName(family="", middle="", given="")
    if len(words) == 1:
        return PersonName(family="", middle="", given=words[0])
    return PersonName(family=words[0], middle=" ".join(words[1:-1]), given=words[-1])


def name_error_codes(full_name: str) -> tuple[str, ...]:
    """Every problem with a full name, as stable machine codes (empty when the name is valid).

    Codes: ``name_empty`` (nothing but whitespace), ``name_too_long`` (over
    :data:`MAX_NAME_LENGTH`), ``name_has_digits``, ``name_forbidden_characters`` (anything but
    letters, digits, spaces, apostrophes and hyphens), ``name_misplaced_punctuation`` (an
    apostrophe or hyphen that does not join two letters). All problems are reported, not only
    the first, so an import can list them all in one pass.
    """
    text = clean_spacing(full_name)
    if not text:
        return ("name_empty",)
    codes: list[str] = []
    if len(text) > MAX_NAME_LENGTH:
        codes.append("name_too_long")
    if any(unicodedata.category(ch) == "Nd" for ch in text):
        codes.append("name_has_digits")
    if any(not _is_allowed(ch) and unicodedata.category(ch) != "Nd" for ch in text):
        codes.append("name_forbidden_characters")
    if _has_misplaced_joiner(text):
        codes.append("name_misplaced_punctuation")
    return tuple(codes)


def validate_name(full_name: str) -> str:
    """Return the normalized name, or raise :class:`ValidationError` with the first problem's code.

    The error's fields carry ``field="full_name"``, the offending ``value`` and all ``codes``
    found by :func:`name_error_codes`.
    """
    codes = name_error_codes(full_name)
    if codes:
        raise ValidationError(
            codes[0],
            "The full name is not valid.",
            field="full_name",
            value=full_name,
            codes=list(codes),
        )
    return normalize_name(full_name)


def _is_allowed(ch: str) -> bool:
    if ch == " " or ch in _JOINERS:
        return True
    category = unicodedata.category(ch)
    # Combining marks only survive NFC when no precomposed letter exists (rare foreign letters).
    return category.startswith("L") or category == "Mn"


def _has_misplaced_joiner(text: str) -> bool:
    for i, ch in enumerate(text):
        if ch in _JOINERS:
            before = text[i - 1] if i > 0 else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if not (before.isalpha() and after.isalpha()):
                return True
    return False
