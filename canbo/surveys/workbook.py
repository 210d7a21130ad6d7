"""The generated spreadsheet of a unit's report, and reading it back (SV-05).

The first sheet holds the form's identity and one row per question that is not a table
(``Mã mục`` key, question, hint, answer in column D); each table question has its own sheet,
named by its key, with one column per table column (headed "label (key)") and one row per
table row. Reading checks the file first (:func:`canbo.spreadsheets.check_xlsx`), then turns
the cells into raw answers and remembers where each came from, so that every problem of the
answers is reported with its sheet, row and column. Nothing is stored unless all is right.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from canbo.core.errors import DomainError, ValidationError
from canbo.core.surveys.answers import FieldError, is_blank
from canbo.core.surveys.forms import Column as FormColumn
from canbo.core.surveys.forms import FieldKind, FieldSpec, FormSpec
from canbo.spreadsheets import (
    NUMBER,
    TEXT,
    Column,
    check_xlsx,
    column_key,
    limits,
    workbook_bytes,
)

ANSWER_COLUMN = "D"
FORM_KEY = "_form"


def form_label(spec: FormSpec) -> str:
    return f"{spec.code} v{spec.version}"


def _hint(item: FieldSpec | FormColumn) -> str:
    parts = []
    if item.kind is FieldKind.NUMBER:
        parts.append(_("số nguyên") if item.integer else _("số"))
        if item.unit:
            parts.append(_("đơn vị tính: %(unit)s") % {"unit": item.unit})
        if item.minimum is not None or item.maximum is not None:
            lo = "" if item.minimum is None else f"{item.minimum:g}"
            hi = "" if item.maximum is None else f"{item.maximum:g}"
            parts.append(f"{lo} – {hi}")
    elif item.kind is FieldKind.CHOICE:
        parts.append("; ".join(o.label for o in item.options))
        if isinstance(item, FieldSpec) and item.multiple:
            parts.append(_("chọn nhiều, cách nhau bằng dấu ;"))
    elif item.kind is FieldKind.TEXT:
        parts.append(_("văn bản, tối đa %(n)s ký tự") % {"n": item.max_length})
    return " · ".join(parts)


def _shown(item: FieldSpec | FormColumn, value: Any) -> Any:
    if value is None:
        return None
    if item.kind is FieldKind.CHOICE:
        values = value if isinstance(value, list) else [value]
        labels = {o.value: o.label for o in item.options}
        return "; ".join(str(labels.get(v, v)) for v in values)
    return value


def template(
    spec: FormSpec, heading: Sequence[str], answers: Mapping[str, Any] | None = None
) -> bytes:
    """The spreadsheet a unit fills (with its current answers, if any)."""
    answers = answers or {}
    columns = [
        Column(_("Mã mục (key)"), TEXT, 16),
        Column(_("Câu hỏi"), TEXT, 50),
        Column(_("Hướng dẫn"), TEXT, 30),
        Column(_("Trả lời (answer)"), TEXT, 30),
    ]
    rows: list[list[Any]] = [[FORM_KEY, _("Mã biểu mẫu (không sửa)"), "", form_label(spec)]]
    for item in spec.fields:
        if item.kind is FieldKind.TABLE:
            rows.append(
                [item.key, item.label, _("nhập ở trang tính '%(s)s'") % {"s": item.key[:31]}, None]
            )
        else:
            rows.append([item.key, item.label, _hint(item), _shown(item, answers.get(item.key))])
    sheets: list[Any] = [(_("Báo cáo"), columns, rows, heading)]
    for item in spec.fields:
        if item.kind is not FieldKind.TABLE:
            continue
        cols = [
            Column(f"{c.label} ({c.key})", NUMBER if c.kind is FieldKind.NUMBER else TEXT)
            for c in item.columns
        ]
        table = answers.get(item.key) or []
        body = [[_shown(c, row.get(c.key)) for c in item.columns] for row in table]
        sheets.append((item.key[:31], cols, body, [*heading, item.label]))
    return workbook_bytes(sheets, header_first=True)


@dataclass
class Upload:
    """Raw answers read from a spreadsheet and where each came from."""

    raw: dict[str, Any] = field(default_factory=dict)
    cells: dict[str, tuple[str, int]] = field(default_factory=dict)  # key -> (sheet, row)
    table_rows: dict[str, list[int]] = field(default_factory=dict)  # key -> sheet rows
    table_columns: dict[str, dict[str, str]] = field(default_factory=dict)  # key -> col letters

    def where(self, error: FieldError) -> tuple[str, int | None, str | None]:
        """The sheet, row and column (letter) of a problem."""
        if error.row is not None and error.field in self.table_rows:
            rows = self.table_rows[error.field]
            row = rows[error.row - 1] if error.row <= len(rows) else None
            letter = self.table_columns.get(error.field, {}).get(error.column or "")
            return error.field[:31], row, letter
        sheet, row = self.cells.get(error.field, ("", 0))
        return sheet, row or None, ANSWER_COLUMN if row else None


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def read_upload(path: Path, spec: FormSpec) -> Upload:
    """The raw answers of an uploaded spreadsheet; refused if it cannot be read or belongs to
    another form (the answers themselves are checked by the service)."""
    from openpyxl import load_workbook

    bounds = limits("UPLOAD")
    try:
        check_xlsx(path, bounds)
        book = load_workbook(path, read_only=True, data_only=True)
    except DomainError as exc:
        raise ValidationError("survey_xlsx_unreadable", reason=exc.message) from None
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise ValidationError("survey_xlsx_unreadable", reason=type(exc).__name__) from None
    try:
        return _read_book(book, spec)
    except ValidationError:
        raise
    except Exception as exc:
        raise ValidationError("survey_xlsx_unreadable", reason=type(exc).__name__) from None
    finally:
        book.close()


def _read_book(book: Any, spec: FormSpec) -> Upload:
    upload = Upload()
    main = book.worksheets[0]
    main.reset_dimensions()
    found_form = ""
    scalar_keys = {f.key for f in spec.fields if f.kind is not FieldKind.TABLE}
    for number, values in enumerate(main.iter_rows(values_only=True, max_col=4), start=1):
        if number == 1 or not values or values[0] is None:
            continue
        key = str(values[0]).strip()
        answer = values[3] if len(values) > 3 else None
        if key == FORM_KEY:
            found_form = str(answer or "").strip()
        elif key in scalar_keys:
            upload.cells[key] = (main.title, number)
            if not is_blank(answer):
                upload.raw[key] = answer
    if found_form != form_label(spec):
        raise ValidationError("survey_xlsx_wrong_form", expected=form_label(spec))
    by_title = {ws.title: ws for ws in book.worksheets[1:]}
    for item in spec.fields:
        if item.kind is FieldKind.TABLE and item.key[:31] in by_title:
            _read_table(by_title[item.key[:31]], item, upload)
    return upload


def _read_table(sheet: Any, item: FieldSpec, upload: Upload) -> None:
    sheet.reset_dimensions()
    known = {c.key for c in item.columns}
    keys: list[str | None] = []
    rows: list[dict[str, Any]] = []
    numbers: list[int] = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number == 1:
            keys = [k if (k := column_key(v)) in known else None for v in values]
            upload.table_columns[item.key] = {
                k: _letter(i) for i, k in enumerate(keys, start=1) if k is not None
            }
            continue
        row = {k: v for k, v in zip(keys, values, strict=False) if k is not None}
        if all(is_blank(v) for v in row.values()):
            continue
        rows.append(row)
        numbers.append(number)
        if len(rows) > item.max_rows + 1:
            break
    upload.raw[item.key] = rows
    upload.table_rows[item.key] = numbers
