"""Spreadsheet files in and out, bounded and neutralized: the one helper every reader and
every exporter uses (registry import and export, classification upload, calculator and lists,
voting results).

Reading. An XLSX file is a zip of XML parts, and a few kilobytes can declare a sheet of
A1:XFD1048576 (which openpyxl pads row by row), millions of empty styled cells, or millions
of shared strings: a 56 KB file pushed a web worker past 1.3 GiB. So before openpyxl sees a
file, :func:`check_xlsx` checks, in bounded memory and without trusting any declared number
alone:

- the file size and the zip's member count (read from the end record, before the central
  directory is parsed), each member's and the total uncompressed size, and the compression
  ratio of large members (Python's zipfile never inflates a member past its declared size,
  and fails on a CRC mismatch, so declared sizes bound the real ones);
- every XML part, streamed through expat (whose billion-laughs protection is on): the
  declared ``<dimension>``, the real row numbers and count, the real column of every cell and
  the number of cells in each row, the number of shared strings, and the elements anywhere
  else (styles, merged cells, hyperlinks).

Only then does openpyxl read the first sheet, in read-only mode, with its declared dimension
dropped so that it never pads rows (:func:`xlsx_rows`). CSV files are read line by line with a
bound on the line length and the row count (:mod:`canbo.registry.io_files`).

Limits are settings (:func:`limits`): ``CANBO_IMPORT_*`` for ``canbo import`` and the
calculator, ``CANBO_UPLOAD_*`` for files uploaded through the web; see docs/import-export.md.

Writing. Every exported sheet is written by :func:`write_sheet` (one look: heading, typed
cells with number formats, frozen and repeated header, borders, A4 print setup). Spreadsheet
formula injection is neutralized in one place: CSV cells go through
:func:`canbo.core.formulas.neutralize` (:func:`csv_cells`), XLSX string cells are written as
text, never as formulas (:func:`write_sheet`).
"""

from __future__ import annotations

import datetime as dt
import re
import struct
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from copy import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.parsers import expat

from canbo.core.formulas import neutralize
from canbo.core.importing import file_problem

MIB = 1024 * 1024
RATIO_CHECKED_FROM = MIB
"""Members smaller than this are not held to the compression ratio (styles compress well)."""
CELL_PARTS = frozenset(
    "v f is t r rPr rPh phoneticPr b i u strike sz color rFont family scheme charset "
    "vertAlign outline shadow condense extend extLst ext".split()
)
"""Elements that may appear inside a cell of a row (values, formulas, rich text runs)."""
OTHER_ELEMENTS = 100_000
"""Elements allowed in a part outside sheet rows and shared strings (styles, merges, links)."""
ELEMENTS_PER_CELL = 16
ELEMENTS_PER_STRING = 256
CSV_LINE_CHARS = 128 * 1024
"""Longest CSV line (characters); the csv module's own field limit is 128 Ki too."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on one file; each is a named setting (defaults in :data:`DEFAULTS`)."""

    max_file_bytes: int
    max_rows: int
    max_columns: int
    max_expanded_bytes: int
    max_shared_strings: int
    max_compression_ratio: int
    max_members: int


DEFAULTS: dict[str, Limits] = {
    # canbo import and the calculator: a national people file fits (Excel's row limit).
    "IMPORT": Limits(
        max_file_bytes=512 * MIB,
        max_rows=1_048_576,
        max_columns=64,
        max_expanded_bytes=1024 * MIB,
        max_shared_strings=2_000_000,
        max_compression_ratio=100,
        max_members=1000,
    ),
    # Files uploaded through the web (a cell's scores): small, and any account may try.
    "UPLOAD": Limits(
        max_file_bytes=5 * MIB,
        max_rows=10_000,
        max_columns=64,
        max_expanded_bytes=64 * MIB,
        max_shared_strings=200_000,
        max_compression_ratio=100,
        max_members=1000,
    ),
}


def limits(kind: str = "IMPORT") -> Limits:
    """The limits of ``kind`` (``IMPORT`` or ``UPLOAD``) from the settings
    ``CANBO_<KIND>_MAX_FILE_BYTES``, ``_MAX_ROWS``, ``_MAX_COLUMNS``, ``_MAX_EXPANDED_BYTES``,
    ``_MAX_SHARED_STRINGS``, ``_MAX_COMPRESSION_RATIO``, ``_MAX_MEMBERS``; defaults above."""
    from django.conf import settings

    base = DEFAULTS[kind]
    values = {
        name: int(getattr(settings, f"CANBO_{kind}_{name.upper()}", getattr(base, name)))
        for name in Limits.__dataclass_fields__
    }
    return Limits(**values)


def _size(n: int) -> str:
    return f"{n / MIB:.1f} MiB" if n >= MIB else f"{n} B"


def check_file_size(path: Path, bounds: Limits) -> None:
    check_size(path.stat().st_size, bounds)


def check_size(size: int, bounds: Limits) -> None:
    """Refuse a file of ``size`` bytes over ``bounds.max_file_bytes``."""
    if size > bounds.max_file_bytes:
        raise file_problem_with("file_too_large", _size(size), limit=_size(bounds.max_file_bytes))


def file_problem_with(code: str, value: str, **params: object) -> Any:
    """:func:`canbo.core.importing.file_problem` with message parameters."""
    from canbo.core.errors import ValidationError
    from canbo.core.import_messages import row_error

    error = row_error(0, "", code, value, **params)
    return ValidationError(code, error.message_en, row_error=error)


# XLSX: the zip --------------------------------------------------------------------------------


def _declared_members(path: Path) -> int:
    """The member count of the zip's end record, read before the central directory is."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        tail_size = min(size, 22 + 65_535)
        fh.seek(size - tail_size)
        tail = fh.read(tail_size)
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or at + 22 > len(tail):
            raise file_problem("file_malformed", 0, "", "not an XLSX workbook (no zip directory)")
        (count,) = struct.unpack("<H", tail[at + 10 : at + 12])
        locator = tail[at - 20 : at] if at >= 20 else b""
        if count == 0xFFFF and locator[:4] == b"PK\x06\x07":
            (offset,) = struct.unpack("<Q", locator[8:16])
            fh.seek(offset)
            record = fh.read(56)
            if record[:4] == b"PK\x06\x06":
                (count,) = struct.unpack("<Q", record[32:40])
    return int(count)


def _check_members(book: zipfile.ZipFile, bounds: Limits) -> None:
    total = 0
    for info in book.infolist():
        total += info.file_size
        if total > bounds.max_expanded_bytes:
            raise file_problem_with(
                "file_too_large",
                f"{_size(total)}+ uncompressed",
                limit=_size(bounds.max_expanded_bytes),
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= RATIO_CHECKED_FROM and ratio > bounds.max_compression_ratio:
            raise file_problem_with(
                "file_too_large",
                f"{info.filename} compressed {ratio:.0f}:1",
                limit=f"{bounds.max_compression_ratio}:1",
            )


# XLSX: the XML parts --------------------------------------------------------------------------


class _Refused(Exception):
    def __init__(self, code: str, value: str, **params: object) -> None:
        super().__init__(code)
        self.code, self.value, self.params = code, value, params


_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)\Z")


def _column(ref: str) -> int:
    number = 0
    for ch in ref.upper():
        if not "A" <= ch <= "Z":
            break
        number = number * 26 + ord(ch) - 64
    return number


def _reference(ref: str) -> tuple[int, int]:
    match = _CELL_REF.match(ref.strip())
    if match is None:
        raise _Refused("file_malformed", f"cell reference {ref[:20]!r}")
    return _column(match.group(1)), int(match.group(2))


class _PartScan:
    """Counts, while expat streams one XML part, what openpyxl would build from it.

    Names are matched without namespace processing (faster; a prefix such as ``x:`` is
    stripped), and the cells of a row take the shortest path: this runs over every element of
    every sheet before the sheet is read.
    """

    def __init__(self, name: str, bounds: Limits) -> None:
        self.name, self.bounds = name, bounds
        self.in_data = self.in_row = self.in_sst = False
        self.rows = self.last_row = 0
        self.cells = self.last_column = self.row_elements = 0
        self.strings = self.string_elements = self.other = 0
        self.most_columns = bounds.max_columns
        self.most_row_elements = bounds.max_columns * ELEMENTS_PER_CELL

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if self.in_row:
            if tag == "c" or tag.endswith(":c"):
                self._cell(attrs)
                return
            local = tag.rsplit(":", 1)[-1]
            if local in CELL_PARTS:
                self.row_elements += 1
                if self.row_elements > self.most_row_elements:
                    what = f"row {self.last_row}: {self.row_elements}+ elements"
                    raise _Refused("sheet_too_large", what, limit=self.most_row_elements)
                return
            # No end handler (it would double the callbacks): the row ends where an element
            # that cannot be inside a cell starts (the next row, or what follows sheetData).
            self.in_row = False
        local = tag.rsplit(":", 1)[-1]
        if self.in_data and local == "row":
            self._row(attrs)
        elif self.in_sst:
            self._inside_sst(local)
        elif local == "sheetData":
            self.in_data = True
        elif local == "sst":
            self.in_sst = True
        else:
            if local == "dimension":
                self._dimension(attrs.get("ref", ""))
            self.other += 1
            if self.other > OTHER_ELEMENTS:
                raise _Refused("sheet_too_large", f"{self.name}: {self.other}+ elements",
                               limit=OTHER_ELEMENTS)  # fmt: skip

    def _cell(self, attrs: dict[str, str]) -> None:
        self.cells += 1
        self.row_elements += 1
        ref = attrs.get("r")
        self.last_column = _columns_of(ref) if ref else self.last_column + 1
        if self.last_column > self.most_columns or self.cells > self.most_columns:
            self._too_wide()

    def _too_wide(self) -> None:
        where = f"row {self.last_row}, column {self.last_column}, cell {self.cells}"
        self._bound_cell(max(self.last_column, self.cells), self.last_row, where)

    def _dimension(self, ref: str) -> None:
        last = ref.split(":")[-1]
        if not last:
            return
        column, row = _reference(last)
        self._bound_cell(column, row, f"<dimension ref={ref[:40]}>")

    def _bound_cell(self, column: int, row: int, what: str) -> None:
        b = self.bounds
        if row > b.max_rows or column > b.max_columns:
            raise _Refused("sheet_too_large", what, limit=f"{b.max_rows} × {b.max_columns}")

    def _row(self, attrs: dict[str, str]) -> None:
        self.rows += 1
        r = attrs.get("r", "")
        self.last_row = int(r) if r.isdigit() and len(r) < 12 else self.last_row + 1
        if self.rows > self.bounds.max_rows:
            raise _Refused("too_many_rows", "", limit=self.bounds.max_rows)
        self._bound_cell(1, self.last_row, f"row {self.last_row}")
        self.in_row, self.cells, self.last_column, self.row_elements = True, 0, 0, 0

    def _inside_sst(self, local: str) -> None:
        if local == "si":
            self.strings += 1
            self.string_elements = 0
            if self.strings > self.bounds.max_shared_strings:
                raise _Refused("sheet_too_large", f"{self.strings}+ shared strings",
                               limit=self.bounds.max_shared_strings)  # fmt: skip
        else:
            self.string_elements += 1
            if self.string_elements > ELEMENTS_PER_STRING:
                raise _Refused("sheet_too_large", f"shared string {self.strings}",
                               limit=f"{ELEMENTS_PER_STRING} elements")  # fmt: skip


_COLUMNS: dict[str, int] = {}


def _columns_of(ref: str) -> int:
    """The column number of a cell reference such as ``AB12`` (letters cached: a sheet has
    few distinct columns); a malformed reference is refused."""
    letters = ref.rstrip("0123456789")
    column = _COLUMNS.get(letters)
    if column is None:
        column = _reference(ref)[0]
        if len(_COLUMNS) < 20_000:
            _COLUMNS[letters] = column
    return column


def _scan_part(book: zipfile.ZipFile, info: zipfile.ZipInfo, bounds: Limits) -> None:
    with book.open(info) as member:
        head = member.read(64 * 1024)
        if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
            return  # not XML (an image): openpyxl does not read it in read-only mode
        scan = _PartScan(info.filename, bounds)
        parser = expat.ParserCreate()
        parser.StartElementHandler = scan.start
        try:
            while head:
                parser.Parse(head, False)
                head = member.read(64 * 1024)
            parser.Parse(b"", True)
        except expat.ExpatError as exc:
            raise _Refused("file_malformed", f"{info.filename}: {exc}") from None


def check_xlsx(path: Path, bounds: Limits) -> None:
    """Refuse, with a file problem naming the limit, a workbook over any of ``bounds``."""
    check_file_size(path, bounds)
    members = _declared_members(path)
    if members > bounds.max_members:
        raise file_problem_with(
            "file_too_large", f"{members} zip members", limit=bounds.max_members
        )
    try:
        with zipfile.ZipFile(path) as book:
            _check_members(book, bounds)
            for info in book.infolist():
                _scan_part(book, info, bounds)
    except _Refused as refused:
        if refused.code == "file_malformed":
            raise file_problem("file_malformed", 0, "", refused.value) from None
        raise file_problem_with(refused.code, refused.value, **refused.params) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise file_problem("file_malformed", 0, "", f"not an XLSX workbook ({exc})") from None
    except (RuntimeError, ValueError, OSError) as exc:  # encrypted members, bad headers
        raise file_problem("file_malformed", 0, "", f"not an XLSX workbook ({exc})") from None


_READ_ERRORS = (ValueError, KeyError, TypeError, IndexError, OverflowError, AttributeError,
                zipfile.BadZipFile, EOFError, OSError, SyntaxError)  # fmt: skip
"""What openpyxl raises on a damaged part (``SyntaxError`` covers XML parse errors)."""


def xlsx_rows(path: Path, bounds: Limits) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """``(row_number, values)`` of the first sheet, after :func:`check_xlsx`.

    Rows missing from the file come out empty, so numbers are the sheet's own; no row is
    padded to a declared width. A damaged part ends the reading with a file problem naming
    the row reached.
    """
    from openpyxl import load_workbook

    check_xlsx(path, bounds)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except _READ_ERRORS as exc:
        raise file_problem("file_malformed", 0, "", f"not an XLSX workbook ({exc})") from None
    number = 0
    try:
        if not book.worksheets:
            raise file_problem("file_empty")
        sheet = book.worksheets[0]
        sheet.reset_dimensions()
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, values
    except _READ_ERRORS as exc:
        raise file_problem("file_malformed", number + 1, "", str(exc)[:200]) from None
    finally:
        book.close()


# Writing --------------------------------------------------------------------------------------


def csv_cells(values: Sequence[str]) -> list[str]:
    """CSV cells that no spreadsheet evaluates (:func:`canbo.core.formulas.neutralize`)."""
    return [neutralize(v) for v in values]


_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


# Writing: one look for every exported sheet ----------------------------------------------------

TEXT, NUMBER, INTEGER, DECIMAL, PERCENT, DATE = (
    "text", "number", "integer", "decimal", "percent", "date"
)  # fmt: skip
NUMBER_FORMATS = {
    TEXT: "@",
    NUMBER: "General",
    INTEGER: "#,##0",
    DECIMAL: "#,##0.00",
    PERCENT: "0.00%",
    DATE: "dd/mm/yyyy",
}
"""Excel's format codes; Excel shows them with the reader's separators (1.234,5 in Vietnam)."""
WIDE = 100
"""Columns wider than this (in characters, together) print on landscape paper."""


@dataclass(frozen=True, slots=True)
class Column:
    """A column of an exported sheet: its heading, the kind of its values (which sets the cell
    type and number format) and its width in characters (else from the kind and heading)."""

    title: str
    kind: str = TEXT
    width: float | None = None

    def display_width(self) -> float:
        if self.width:
            return self.width
        longest = max((len(w) for w in str(self.title).split()), default=4)
        return max({TEXT: 18, DATE: 12}.get(self.kind, 9), longest + 3)


def _number(value: Any) -> Any:
    """A number from a number or Vietnamese text ("1.234,5", "85,71%", "12.5"); text that
    is not a number is returned as it is (a dash, a note)."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    text = str(value).strip().replace("\u00a0", "").replace(" ", "").rstrip("%")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return value
    return int(number) if number.is_integer() and "." not in text else number


def cell_value(value: Any, kind: str) -> Any:
    """``value`` as a cell of ``kind`` holds it: numbers and dates as such, never as text;
    a percentage in points (85.71 or "85,71%") as the fraction Excel formats (0.8571)."""
    if value is None or value == "":
        return None
    if kind == DATE:
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
            try:
                return dt.datetime.strptime(text, pattern).date()  # noqa: DTZ007
            except ValueError:
                continue
        return text
    if kind in (NUMBER, INTEGER, DECIMAL, PERCENT):
        number = _number(value)
        if kind == PERCENT and isinstance(number, int | float):
            return number / 100
        return number
    return _ILLEGAL_XML.sub("", value) if isinstance(value, str) else value


class _Look:
    """The styles of one sheet, built once (every cell shares them)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="808080")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.title = Font(bold=True, size=13)
        self.heading = Font(bold=True)
        self.head_fill = PatternFill("solid", fgColor="EDEDED")
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.wrap = Alignment(vertical="top", wrap_text=True)


def _cell(sheet: Any, value: Any, kind: str = TEXT) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=cell_value(value, kind))
    if cell.data_type == "f":  # user text is never a formula
        cell.data_type = "s"
    return cell


def _page_setup(sheet: Any, columns: Sequence[Column], header_row: int, title: str) -> None:
    """A4, landscape when wide, fit to the page's width, the header row on every page, the
    title and page numbers in the page margins, the header row frozen."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    total = 0.0
    for i, column in enumerate(columns, start=1):
        width = column.display_width()
        sheet.column_dimensions[get_column_letter(i)].width = width
        total += width
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    setup = sheet.page_setup
    setup.paperSize = 9  # A4
    setup.orientation = "landscape" if total > WIDE else "portrait"
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.HeaderFooter.oddHeader.center.text = _ILLEGAL_XML.sub("", title)[:200]
    sheet.HeaderFooter.oddFooter.center.text = "Trang &P / &N"


def write_sheet(
    sheet: Any,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    heading: Sequence[str] = (),
    header_first: bool = False,
) -> int:
    """Write one table the way every canbo export looks; returns the number of data rows.

    ``heading`` lines (issuing body, title, period: the form's official heading) come first,
    the first in bold, then a blank line, the header row (bold, shaded, wrapped, frozen,
    repeated on every printed page) and the rows, every cell bordered and typed by its
    column (:func:`cell_value`, :data:`NUMBER_FORMATS`). A file that canbo reads back
    (templates, the registry export) keeps its header on row 1 (``header_first``), so that the
    row numbers in an import's messages are the sheet's own: its heading is printed at the top
    of every page instead. Works on ordinary and write-only (streaming) sheets alike; strings
    are text cells, never formulas.
    """
    look = _Look()
    in_sheet = () if header_first else heading
    header_row = len(in_sheet) + (2 if in_sheet else 1)
    _page_setup(sheet, columns, header_row, " - ".join(heading) or sheet.title)
    for i, line in enumerate(in_sheet):
        cell = _cell(sheet, line)
        cell.font = look.title if i == 0 else look.heading
        sheet.append([cell])
    if in_sheet:
        sheet.append([])
    head = []
    for column in columns:
        cell = _cell(sheet, str(column.title))
        cell.font, cell.fill = look.heading, look.head_fill
        cell.alignment, cell.border = look.center, look.border
        head.append(cell)
    sheet.append(head)
    # Each cell copies a prepared style (bordered, typed) instead of building its own: styling
    # cell by cell would cost the streaming registry export more than the writing does.
    styles = [_column_style(sheet, look, c.kind) for c in columns]
    dated = _column_style(sheet, look, DATE)
    count = 0
    for row in rows:
        cells = []
        for value, column, style in zip(row, columns, styles, strict=False):
            cell = _cell(sheet, value, column.kind)
            cell._style = copy(dated if isinstance(cell.value, dt.date) else style)
            cells.append(cell)
        sheet.append(cells)
        count += 1
    return count


def _column_style(sheet: Any, look: _Look, kind: str) -> Any:
    """The style array of a data cell of ``kind``: bordered, formatted, text wrapped."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet)
    cell.border = look.border
    if kind == TEXT:
        cell.alignment = look.wrap
    else:
        cell.number_format = NUMBER_FORMATS[kind]
    return cell._style


Sheet = tuple[str, Sequence[Column], Iterable[Sequence[Any]], Sequence[str]]


def workbook(sheets: Sequence[Sheet], *, header_first: bool = False) -> Any:
    """A workbook of ``(title, columns, rows, heading)`` sheets (:func:`write_sheet`)."""
    from openpyxl import Workbook

    book = Workbook()
    for sheet in list(book.worksheets):
        book.remove(sheet)
    for title, columns, rows, heading in sheets:
        sheet = book.create_sheet(_sheet_title(title))
        write_sheet(sheet, columns, rows, heading=heading, header_first=header_first)
    return book


def workbook_bytes(sheets: Sequence[Sheet], *, header_first: bool = False) -> bytes:
    """:func:`workbook` saved to bytes."""
    import io

    out = io.BytesIO()
    workbook(sheets, header_first=header_first).save(out)
    return out.getvalue()


def _sheet_title(title: str) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of ``[]:*?/\\``."""
    return re.sub(r"[\[\]:*?/\\]", "-", title)[:31] or "Sheet"


_KEYED = re.compile(r".*\(\s*([a-z][a-z0-9_]*)\s*\)\s*", re.DOTALL)


def column_key(heading: Any) -> str:
    """The machine key of a template's column heading: "Số nhiệm vụ (tasks_total)" →
    ``tasks_total``; a bare key is its own key. Templates show Vietnamese headings and are
    read back by their keys."""
    text = "" if heading is None else str(heading).strip()
    match = _KEYED.fullmatch(text)
    return match.group(1) if match else text
