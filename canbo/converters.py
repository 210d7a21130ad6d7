"""The ``<id:...>`` path converter: every integer id in a URL is a database id or nothing.

Django's ``<int:...>`` accepts any run of digits, and a path such as
``/bo-phieu/18446744073709551616/bau/`` then reached the database, which cannot hold the number
(SQLite raises ``OverflowError``, PostgreSQL an out-of-range error): a 500. ``<id:...>`` matches
at most 19 digits and refuses, as "no such page", any value above the largest signed 64-bit
integer, the range of a primary key on both databases. A refused id resolves like a missing
object: 404, before any view or query runs. Registered once, when the root URL configuration
imports this module; every URL pattern that takes an integer uses it.
"""

from __future__ import annotations

from django.urls import register_converter

# Largest value of a 64-bit signed integer: BigAutoField on PostgreSQL, INTEGER on SQLite.
MAX_ID = 2**63 - 1
# Largest value of an IntegerField or PositiveIntegerField on PostgreSQL (counts, serials).
MAX_COUNT = 2**31 - 1


def is_database_id(value: int) -> bool:
    """Whether ``value`` fits every integer primary key and foreign key column."""
    return 0 <= value <= MAX_ID


def parse_id(text: str) -> int | None:
    """``text`` as a database id, or None: ASCII digits only (``"²"`` and ``"١"`` are digits to
    ``str.isdigit`` but not to ``int``), and within :data:`MAX_ID`."""
    if not (text.isascii() and text.isdigit() and len(text) <= 19):
        return None
    number = int(text)
    return number if is_database_id(number) else None


class IdConverter:
    """``<id:name>``: a non-negative integer that fits a database integer column."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not is_database_id(number):
            raise ValueError(value)  # Django reads this as "the pattern does not match": 404
        return number

    def to_url(self, value: int | str) -> str:
        number = int(value)
        if not is_database_id(number):
            raise ValueError(value)
        return str(number)


register_converter(IdConverter, "id")
