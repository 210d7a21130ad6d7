"""A CSV export reads back exactly what was written, escapes included (no database)."""

from __future__ import annotations

import csv
import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from canbo.registry.io_files import CsvSource, write_csv
from canbo.spreadsheets import DEFAULTS

TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20
)


PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")  # a signed number is no formula


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(TEXT, min_size=2, max_size=2), min_size=1, max_size=5))
def test_every_value_written_to_csv_reads_back_unchanged(rows: list[list[str]]) -> None:
    rows = [r for r in rows if any(r)]  # the reader skips empty rows
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        write_csv(path, ["a", "b"], rows)
        with path.open(encoding="utf-8-sig", newline="") as handle:
            cells = [c for row in csv.reader(handle) for c in row]
        # No cell a spreadsheet would read as a formula (a newline inside a quoted cell starts
        # no cell; the text before it is what a spreadsheet sees first).
        assert not [c for c in cells if c and c[0] in "=+-@\t\r" and not PLAIN_NUMBER.fullmatch(c)]
        with CsvSource(path, DEFAULTS["IMPORT"]) as source:
            assert list(source.header()) == ["a", "b"]
            assert [list(cells) for _, cells in source.rows()] == rows
