"""File adapters of imports and exports: streaming CSV and XLSX readers and writers.

Readers hand the import use case a header row and then ``(row_number, cells)`` one row at a
time (the header is row 1), so memory does not grow with the file. Both are bounded by the
import limits (:mod:`canbo.spreadsheets`): file size, rows, CSV line length, and for XLSX the
zip and every XML part are checked before openpyxl reads them.

CSV must be UTF-8, with or without a byte-order mark; UTF-16 with a byte-order mark (Excel's
"Unicode text") is decoded too. Any other encoding (Windows-1258, TCVN3, VNI) is refused with
a message naming the row, because guessing would store mangled names. Undecodable bytes are
marked while decoding and found in the record that holds them, so the row named is the right
one wherever the byte is (not the row where the decoder's read-ahead happened to be). A
value escaped by a CSV export (a leading apostrophe before ``=``, ``+``, ``-``, ``@``: see
:mod:`canbo.core.formulas`) is read back as it was.

Writers stream rows from a query iterator; CSV cells are neutralized and XLSX strings are
written as text, so that no exported value runs as a formula.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from canbo import spreadsheets
from canbo.core.formulas import restore
from canbo.core.importing import Cell, file_problem, format_date

SNIFF_BYTES = 64 * 1024
"""Bytes read ahead to recognize the encoding and the delimiter before any row is read."""

_MARK = "canbo.mark_undecodable"
_MARKED = re.compile("[\udc00-\udcff]")


def _mark_undecodable(exc: UnicodeError) -> tuple[str, int]:
    """Decode each bad byte as a lone surrogate (valid UTF-8 and UTF-16 never give one), so
    that the record holding it can be named."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(chr(0xDC00 + b) for b in exc.object[exc.start : exc.end]), exc.end


codecs.register_error(_MARK, _mark_undecodable)


def sha256_of(path: Path) -> str:
    """SHA-256 of the file's bytes, recorded in the audit entry of the import."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head.count(b"\x00") * 4 > len(head):
        # Every other byte is NUL: UTF-16 or UTF-32 text without its byte-order mark. A NUL
        # here and there is refused in the row that holds it (control_character).
        raise file_problem("file_encoding", 1, "", "UTF-16/UTF-32 without BOM or binary data")
    return "utf-8"


class CsvSource:
    """A CSV file read row by row (comma or semicolon separated, as Excel writes it).

    The encoding is recognized when the header is read, so that a wrong encoding is reported
    like any other problem of the file.
    """

    def __init__(self, path: Path, bounds: spreadsheets.Limits | None = None) -> None:
        self._bounds = bounds or spreadsheets.limits()
        spreadsheets.check_file_size(path, self._bounds)
        self._raw: IO[bytes] = path.open("rb")
        self._text: io.TextIOWrapper | None = None
        self._reader: Iterator[list[str]] = iter(())
        self._row = 0

    def _open(self) -> None:
        head = self._raw.read(SNIFF_BYTES)
        encoding = _encoding(head)
        self._raw.seek(0)
        self._text = io.TextIOWrapper(self._raw, encoding=encoding, errors=_MARK, newline="")
        first_line = head.decode(encoding, errors="ignore").split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        self._reader = csv.reader(_lines(self._text), delimiter=delimiter, strict=True)

    def header(self) -> Sequence[Cell]:
        self._open()
        for _, cells in self._next_rows():
            return cells
        raise file_problem("file_empty")

    def rows(self) -> Iterator[tuple[int, Sequence[Cell]]]:
        return self._next_rows()

    def _next_rows(self) -> Iterator[tuple[int, Sequence[Cell]]]:
        while True:
            try:
                cells = next(self._reader)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                raise file_problem("file_encoding", self._row + 1, "", str(exc.reason)) from None
            except csv.Error as exc:
                raise file_problem("file_malformed", self._row + 1, "", str(exc)) from None
            self._row += 1
            if self._row > self._bounds.max_rows:
                raise spreadsheets.file_problem_with(
                    "too_many_rows", "", limit=self._bounds.max_rows
                )
            if any(cells):
                yield self._row, _checked(self._row, cells)

    def close(self) -> None:
        (self._text or self._raw).close()

    def __enter__(self) -> CsvSource:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _lines(text: io.TextIOWrapper) -> Iterator[str]:
    """The text's lines, refusing one longer than :data:`spreadsheets.CSV_LINE_CHARS` (a file
    without line ends would otherwise be read whole into memory)."""
    limit = spreadsheets.CSV_LINE_CHARS
    while line := text.readline(limit):
        if len(line) >= limit and not line.endswith(("\n", "\r")):
            raise csv.Error(f"a line is longer than {limit} characters")
        yield line


def _checked(row: int, cells: list[str]) -> list[str]:
    """The record's cells with export escapes undone; an undecodable byte names its row."""
    for column, cell in enumerate(cells, start=1):
        bad = _MARKED.search(cell)
        if bad is not None:
            byte = ord(bad.group()) - 0xDC00
            raise file_problem("file_encoding", row, f"#{column}", f"byte 0x{byte:02X}")
    return [restore(c) if c[:1] == "'" else c for c in cells]


def _xlsx_cell(value: object) -> Cell:
    """Spreadsheet values as text, keeping dates; whole numbers lose the ".0" Excel adds."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class XlsxSource:
    """The first sheet of an XLSX workbook, checked against the limits, then read in
    openpyxl's streaming (read-only) mode (:func:`canbo.spreadsheets.xlsx_rows`)."""

    def __init__(self, path: Path, bounds: spreadsheets.Limits | None = None) -> None:
        self._path = path
        self._bounds = bounds or spreadsheets.limits()
        self._rows: Iterator[tuple[int, tuple[Any, ...]]] = iter(())

    def header(self) -> Sequence[Cell]:
        self._rows = spreadsheets.xlsx_rows(self._path, self._bounds)
        for _, cells in self._next_rows():
            return cells
        raise file_problem("file_empty")

    def rows(self) -> Iterator[tuple[int, Sequence[Cell]]]:
        return self._next_rows()

    def _next_rows(self) -> Iterator[tuple[int, Sequence[Cell]]]:
        for row, values in self._rows:
            cells = [_xlsx_cell(v) for v in values]
            if any(cells):
                yield row, cells

    def close(self) -> None:
        close = getattr(self._rows, "close", None)
        if close is not None:
            close()

    def __enter__(self) -> XlsxSource:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_source(path: Path) -> CsvSource | XlsxSource:
    """A reader for the file by its extension (.csv or .xlsx); anything else is refused."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return CsvSource(path)
    if suffix == ".xlsx":
        return XlsxSource(path)
    raise file_problem("file_format", 0, "", path.name)


def _csv_value(value: Any) -> str:
    if isinstance(value, dt.date):
        return format_date(value)
    return "" if value is None else str(value)


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write a CSV in UTF-8 with a byte-order mark (so Excel shows Vietnamese correctly),
    dates as dd/mm/yyyy; returns the number of data rows."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for row in rows:
            writer.writerow(spreadsheets.csv_cells([_csv_value(v) for v in row]))
            count += 1
    return count


def write_xlsx(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write an XLSX workbook in openpyxl's streaming (write-only) mode through
    :func:`canbo.spreadsheets.write_sheet`: dates stay dates (dd/mm/yyyy), numbers numbers,
    strings are text cells (never formulas)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("data")
    # Read back by ``canbo import``: the header stays on row 1, named by the import's keys.
    columns = [spreadsheets.Column(h) for h in header]
    title = f"canbo - {path.stem}"
    count = spreadsheets.write_sheet(sheet, columns, rows, heading=[title], header_first=True)
    book.save(path)
    return count


def write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write CSV or XLSX by the file's extension."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return write_csv(path, header, rows)
    if suffix == ".xlsx":
        return write_xlsx(path, header, rows)
    raise file_problem("file_format", 0, "", path.name)
