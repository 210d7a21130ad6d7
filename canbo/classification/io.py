"""File adapter of the classification calculator: CSV and XLSX in, CSV, XLSX and JSON out.

Reading turns every cell into text exactly as a person typed it (numbers without a spurious
``.0``), so that the pure validation in ``canbo.core.classification.rows`` sees one format.
CSV is read as UTF-8 (with or without BOM), comma- or semicolon-separated, by the registry's
reader. Both formats are bounded by :mod:`canbo.spreadsheets` limits (``IMPORT`` for the
calculator on the command line, ``UPLOAD`` for the web page): an over-large or damaged file is
refused with a message, never read whole. Writers neutralize formulas (CSV cells escaped, XLSX
strings written as text).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from canbo import spreadsheets
from canbo.core.errors import RowError, ValidationError

Table = tuple[list[str], list[dict[str, str]]]


def _unreadable(path: Path, detail: str) -> ValidationError:
    return ValidationError(
        "unreadable_file",
        f"Không đọc được tệp {path}: {detail} / Cannot read file {path}: {detail}",
        path=str(path),
    )


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


def _rows_to_table(raw: list[list[str]]) -> Table:
    while raw and not any(cell.strip() for cell in raw[-1]):
        raw.pop()
    if not raw:
        return [], []
    header = [spreadsheets.column_key(h) for h in raw[0]]  # "Tổng số nhiệm vụ (tasks_total)"
    rows = [
        {name: (line[i].strip() if i < len(line) else "") for i, name in enumerate(header) if name}
        for line in raw[1:]
    ]
    return header, rows


def read_table(path: Path, bounds: spreadsheets.Limits | None = None) -> Table:
    """Read the first sheet of an ``.xlsx`` file or a ``.csv`` file into header and rows,
    within ``bounds`` (default: the ``IMPORT`` limits)."""
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".xlsx"}:
        raise _unreadable(path, "chỉ nhận .csv hoặc .xlsx / only .csv or .xlsx")
    bounds = bounds or spreadsheets.limits()
    try:
        if suffix == ".csv":
            return _rows_to_table(_read_csv(path, bounds))
        return _rows_to_table(_read_xlsx(path, bounds))
    except ValidationError as exc:
        raise _bilingual(exc) from None
    except OSError as exc:
        raise _unreadable(path, str(exc)) from exc


def read_upload(upload: Any, bounds: spreadsheets.Limits) -> Table:
    """An uploaded XLSX file (a Django ``UploadedFile``): its declared size is checked before a
    byte is copied, then it is streamed to a private temporary file and read by
    :func:`read_table` within ``bounds``."""
    size = upload.size or 0
    try:
        spreadsheets.check_size(size, bounds)
    except ValidationError as exc:
        raise _bilingual(exc) from None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.xlsx"
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        return read_table(path, bounds)


def _bilingual(exc: ValidationError) -> ValidationError:
    """A file problem as the calculator's ``unreadable_file``, with both languages."""
    error = exc.fields.get("row_error")
    if not isinstance(error, RowError):
        return exc
    place = f"dòng / row {error.row}: " if error.row else ""
    return ValidationError(
        "unreadable_file", f"{place}{error.message_vi} / {error.message_en}", reason=error.code
    )


def _read_csv(path: Path, bounds: spreadsheets.Limits) -> list[list[str]]:
    from canbo.registry.io_files import CsvSource

    raw: list[list[str]] = []
    with CsvSource(path, bounds) as source:
        raw.append([str(c) for c in source.header()])
        for number, cells in source.rows():
            raw.extend([] for _ in range(number - 1 - len(raw)))  # blank lines keep numbers
            raw.append([str(c).strip() for c in cells])
    return raw


def _read_xlsx(path: Path, bounds: spreadsheets.Limits) -> list[list[str]]:
    raw: list[list[str]] = []
    for number, values in spreadsheets.xlsx_rows(path, bounds):
        raw.extend([] for _ in range(number - 1 - len(raw)))
        raw.append([_cell_text(v) for v in values])
    return raw


def write_csv(stream: IO[str], header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Write one table as CSV (comma, minimal quoting, ``\\n`` line ends)."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(spreadsheets.csv_cells(header))
    writer.writerows(spreadsheets.csv_cells(row) for row in rows)


Sheet = tuple[str, Sequence[str], Sequence[Sequence[str]]]


def write_xlsx(
    path: Path,
    sheets: Sequence[Sheet],
    numeric: frozenset[str] = frozenset(),
    *,
    labelled: bool = False,
) -> None:
    """Write ``(title, header, rows)`` sheets; cells of the ``numeric`` columns become numbers.

    Only the named columns are converted, so that ids such as ``007`` stay text. A template
    (``labelled``) shows Vietnamese headings with the key the calculator reads them by
    ("Tổng số nhiệm vụ (tasks_total)"). The header stays on row 1
    (:func:`canbo.spreadsheets.write_sheet`, ``header_first``).
    """
    from .outputs import COLUMN_LABELS

    book = []
    for title, header, rows in sheets:
        columns = [
            spreadsheets.Column(
                f"{COLUMN_LABELS[k]} ({k})" if labelled and k in COLUMN_LABELS else k,
                spreadsheets.NUMBER if k in numeric else spreadsheets.TEXT,
            )
            for k in header
        ]
        book.append((title, columns, rows, [title]))
    spreadsheets.workbook(book, header_first=True).save(path)


def write_json(stream: IO[str], document: dict[str, Any]) -> None:
    """Write the JSON document, UTF-8 text kept readable (``ensure_ascii=False``), indented."""
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
