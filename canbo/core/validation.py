"""One set of field rules for every entry point: REST API, web forms, file imports, the CLI.

The rules used to live in the import alone, so the API stored what an import refused. Now the
services call :func:`clean_person`, :func:`clean_unit` and :func:`check_text` before any
write, and the import's row checks (:mod:`canbo.core.importing`) call the same functions, so
a value is accepted or refused, with the same message, whatever the door it came through.

Text fields are cleaned (:func:`canbo.core.names.clean_spacing`: NFC, one kind of apostrophe
and dash, single spaces) and then refused when they hold:

- a control character (a NUL byte, an escape; categories Cc, Cs, Co, Cn), or an invisible
  format character (Cf: right-to-left overrides and other bidi controls, zero-width spaces),
  which can hide or reorder what a reader sees on screen and on printed lists;
- markup (``<`` or ``>``): no name, place or legal basis needs it;
- a leading ``=``, ``+`` or ``@``, which a spreadsheet would evaluate (exports escape it too,
  :mod:`canbo.core.formulas`, but such a value is a typing mistake or an attack).

Codes (of people and units) are identifiers: unaccented letters, digits and ``. _ / -``.
Dates are not before 1900 nor, where the rule says so, in the future. Every message comes from
the import catalogue (:mod:`canbo.core.import_messages`) in Vietnamese and English.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from .errors import ValidationError
from .import_messages import row_error
from .names import clean_spacing, name_error_codes, normalize_name
from .registry import PersonData, UnitVersionData

EARLIEST_DATE = dt.date(1900, 1, 1)
"""Dates before this are typing mistakes (no living cadre was born earlier)."""

FORMULA_START = ("=", "+", "@")
"""Leading characters refused in text (a leading ``-`` is common in legal text; CSV exports
escape it)."""

_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*\Z")
_DIGITS12 = re.compile(r"\d{12}\Z")
_CONTROL = frozenset({"Cc", "Cs", "Co", "Cn"})

Problem = tuple[str, str, dict[str, object]]
"""A refused value: (message code, the value as shown, extra message parameters)."""


class InvalidField(ValidationError):
    """A field refused by the shared rules; ``message_vi``/``message_en`` are the import
    catalogue's wording, so that the API and an import report say the same thing."""

    def __init__(self, field: str, code: str, value: str = "", **params: Any) -> None:
        error = row_error(0, field, code, value, **params)
        self.message_vi = error.message_vi
        self.message_en = error.message_en
        super().__init__(code, error.message_en, field=field, value=error.value, **params)


def shown(text: str) -> str:
    """``text`` with invisible characters spelled out (``U+202E``), safe to print in a report."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else f"<U+{ord(ch):04X}>" for ch in text)


def text_problem(text: str) -> Problem | None:
    """The first problem of an already cleaned text value, or None (rules in the module doc)."""
    if not text.isprintable():
        for ch in text:
            if not ch.isprintable():
                category = unicodedata.category(ch)
                code = "control_character" if category in _CONTROL else "format_character"
                return code, shown(text), {"char": f"U+{ord(ch):04X}"}
    if "<" in text or ">" in text:
        return "markup", text, {}
    if text.startswith(FORMULA_START):
        return "formula_like", text, {"char": text[0]}
    return None


def code_problem(text: str) -> Problem | None:
    """A code is an identifier: unaccented letters, digits and ``. _ / -``."""
    if _CODE.match(text):
        return None
    return "bad_code", shown(text), {}


def date_problem(day: dt.date, today: dt.date, *, future: bool = False) -> Problem | None:
    """Dates are not before :data:`EARLIEST_DATE` nor, unless ``future``, after today."""
    if day < EARLIEST_DATE:
        return "date_too_early", _dmy(day), {}
    if day > today and not future:
        return "date_in_future", _dmy(day), {}
    return None


def _dmy(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def check_text(field: str, value: str, limit: int, *, required: bool = False) -> str:
    """The cleaned ``value`` of a free-text field, or :class:`InvalidField` naming ``field``."""
    text = clean_spacing(value)
    if required and not text:
        raise InvalidField(field, "required")
    if len(text) > limit:
        raise InvalidField(field, "too_long", shown(text[:limit]) + "…", limit=limit)
    problem = text_problem(text)
    if problem is not None:
        raise InvalidField(field, problem[0], problem[1], **problem[2])
    return text


def check_code(field: str, value: str, limit: int, *, required: bool = True) -> str:
    """The cleaned code, or :class:`InvalidField` (identifier rule, length)."""
    text = check_text(field, value, limit, required=required)
    if text:
        problem = code_problem(text)
        if problem is not None:
            raise InvalidField(field, problem[0], problem[1])
    return text


def check_name(field: str, value: str) -> str:
    """A person's full name, normalized (:func:`canbo.core.names.normalize_name`)."""
    text = check_text(field, value, 400, required=True)
    codes = name_error_codes(text)
    if codes:
        raise InvalidField(field, codes[0], text)
    return normalize_name(text)


def check_date(field: str, day: dt.date | None, today: dt.date, *, future: bool = False) -> None:
    """:func:`date_problem` as an :class:`InvalidField` naming ``field``."""
    if day is not None:
        problem = date_problem(day, today, future=future)
        if problem is not None:
            raise InvalidField(field, problem[0], problem[1])


def check_dates(fields: Iterable[tuple[str, dt.date | None]], today: dt.date) -> None:
    for field, day in fields:
        check_date(field, day, today)


def clean_person(data: PersonData, today: dt.date) -> PersonData:
    """A person's identity as every entry point must store it, or the first field refused.

    Same rules and limits as a row of a people file (:func:`canbo.core.importing.parse_person`):
    the national ID (số định danh cá nhân, Luật Căn cước 2023, Điều 12) has 12 digits.
    """
    national_id = check_text("national_id", data.national_id, 12)
    if national_id and not _DIGITS12.match(national_id):
        raise InvalidField("national_id", "bad_national_id", shown(national_id))
    cleaned = dataclasses.replace(
        data,
        code=check_code("code", data.code, 32),
        full_name=check_name("full_name", data.full_name),
        ethnicity=check_text("ethnicity", data.ethnicity, 32),
        hometown=check_text("hometown", data.hometown, 255),
        national_id=national_id,
        party_card_number=check_text("party_card_number", data.party_card_number, 16),
    )
    check_dates(
        [
            ("birth_date", data.birth_date),
            ("party_admission_date", data.party_admission_date),
            ("official_membership_date", data.official_membership_date),
        ],
        today,
    )
    return cleaned


def clean_unit(data: UnitVersionData) -> UnitVersionData:
    """A unit version as every entry point must store it (rules of a units file row).

    The version may end in the future (a decided term); it may start in the future only
    through the dated-version use cases, which check that themselves.
    """
    cleaned = dataclasses.replace(
        data,
        code=check_code("code", data.code, 64),
        name=check_text("name", data.name, 255, required=True),
        short_name=check_text("short_name", data.short_name, 128),
        admin_code=check_text("admin_code", data.admin_code, 32),
        legal_basis=check_text("legal_basis", data.legal_basis, 255),
    )
    for field, day in (("valid_from", data.valid.valid_from), ("valid_to", data.valid.valid_to)):
        check_date(field, day, day or EARLIEST_DATE, future=True)
    return cleaned
