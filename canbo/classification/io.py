"""File adapter of the classification calculator: CSV and XLSX in, CSV, XLSX and JSON out.

Reading turns every cell into text exactly as a person typed it (numbers without a spurious
``.0``), so that the pure validation in ``canbo.core.classification.rows`` sees one format.
CSV is read as UTF-8 (with or without BOM), comma- or semicolon-separated.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from canbo.core.errors import ValidationError

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
    header = [h.strip() for h in raw[0]]
    rows = [
        {name: (line[i].strip() if i < len(line) else "") for i, name in enumerate(header) if name}
        for line in raw[1:]
    ]
    return header, rows


def read_csv_text(text: str) -> Table:
    """Parse CSV text; the delimiter is ``;`` when the header has ``;`` and no ``,``."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    return _rows_to_table([list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)])


def read_table(path: Path) -> Table:
    """Read the first sheet of an ``.xlsx`` file or a ``.csv`` file into header and rows."""
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".xlsx"}:
        raise _unreadable(path, "chỉ nhận .csv hoặc .xlsx / only .csv or .xlsx")
    try:
        if suffix == ".csv":
            return read_csv_text(path.read_text(encoding="utf-8-sig"))
        return _read_xlsx(path)
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as exc:
        raise _unreadable(path, str(exc)) from exc


def _read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except InvalidFileException as exc:
        raise ValueError(str(exc)) from exc
    try:
        sheet = book.worksheets[0]
        raw = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    return _rows_to_table(raw)


def write_csv(stream: IO[str], header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Write one table as CSV (comma, minimal quoting, ``\\n`` line ends)."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)


Sheet = tuple[str, Sequence[str], Sequence[Sequence[str]]]


def write_xlsx(path: Path, sheets: Sequence[Sheet], numeric: frozenset[str] = frozenset()) -> None:
    """Write ``(title, header, rows)`` sheets; cells of the ``numeric`` columns become numbers.

    Only the named columns are converted, so that ids such as ``007`` stay text.
    """
    from openpyxl import Workbook

    book = Workbook()
    for sheet in list(book.worksheets):
        book.remove(sheet)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(list(header))
        convert = [name in numeric for name in header]
        for row in rows:
            sheet.append([_number(v) if c else v for v, c in zip(row, convert, strict=False)])
    book.save(path)


def _number(text: str) -> int | float | str:
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


def write_json(stream: IO[str], document: dict[str, Any]) -> None:
    """Write the JSON document, UTF-8 text kept readable (``ensure_ascii=False``), indented."""
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
