"""A report or survey form: its fields and their kinds, validated when built.

A form is identified by ``code`` and ``version``; once a request has been sent with it the form
is never changed (a change is a new version), so every stored submission is read against the
exact form it answered. Fields are numbers (with a unit, bounds and integer flag), choices (one
or several of fixed options), free text (a maximum length) and tables (rows of number, choice
or text columns, a maximum number of rows).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from canbo.core.errors import ValidationError

_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")

MAX_FIELDS = 200
MAX_TABLE_ROWS = 500
MAX_TEXT = 10_000


class FieldKind(StrEnum):
    """The kind of a field (and of a table column, except ``table``)."""

    NUMBER = "number"  # Số
    CHOICE = "choice"  # Lựa chọn
    TEXT = "text"  # Văn bản
    TABLE = "table"  # Bảng


@dataclass(frozen=True, slots=True)
class Option:
    """One option of a choice: a stable value and the label people read."""

    value: str
    label: str


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: number, choice or text, with the same bounds as a field of its kind."""

    key: str
    label: str
    kind: FieldKind
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    options: tuple[Option, ...] = ()
    max_length: int = 500
    required: bool = False


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One question of a form. ``required`` fields must be answered to submit."""

    key: str
    label: str
    kind: FieldKind
    required: bool = True
    help: str = ""
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    options: tuple[Option, ...] = ()
    multiple: bool = False
    max_length: int = 2000
    columns: tuple[Column, ...] = ()
    max_rows: int = 50

    def option_label(self, value: str) -> str:
        return next((o.label for o in self.options if o.value == value), value)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


@dataclass(frozen=True, slots=True)
class FormSpec:
    """A versioned form; refused when built if a key repeats or a field is inconsistent."""

    code: str
    version: int
    title: str
    fields: tuple[FieldSpec, ...] = ()

    def __post_init__(self) -> None:
        problems = spec_problems(self)
        if problems:
            raise ValidationError(
                "survey_form_invalid", f"invalid form: {'; '.join(problems)}", problem=problems[0]
            )

    def field(self, key: str) -> FieldSpec:
        for item in self.fields:
            if item.key == key:
                return item
        raise KeyError(key)

    def as_dict(self) -> dict[str, Any]:
        """The one stored and exported shape (JSON-safe)."""
        return {
            "code": self.code,
            "version": self.version,
            "title": self.title,
            "fields": [_field_dict(f) for f in self.fields],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FormSpec:
        return cls(
            code=str(data["code"]),
            version=int(data["version"]),
            title=str(data["title"]),
            fields=tuple(_field_from(f) for f in data.get("fields", ())),
        )


def _bounds_problems(label: str, item: FieldSpec | Column) -> list[str]:
    out = []
    if item.kind is FieldKind.CHOICE and not item.options:
        out.append(f"{label}: a choice needs options")
    if item.kind is FieldKind.CHOICE and len({o.value for o in item.options}) != len(item.options):
        out.append(f"{label}: options repeat")
    lo, hi = item.minimum, item.maximum
    if lo is not None and hi is not None and lo > hi:
        out.append(f"{label}: minimum above maximum")
    if item.kind is FieldKind.TEXT and not 0 < item.max_length <= MAX_TEXT:
        out.append(f"{label}: text length out of range")
    return out


def spec_problems(spec: FormSpec) -> list[str]:
    """Every problem of a form's definition (empty when it is usable)."""
    problems: list[str] = []
    if not spec.code.strip() or not spec.title.strip() or spec.version < 1:
        problems.append("code, title and a version from 1 are needed")
    if not spec.fields or len(spec.fields) > MAX_FIELDS:
        problems.append(f"a form has 1 to {MAX_FIELDS} fields")
    keys = [f.key for f in spec.fields]
    if len(set(keys)) != len(keys):
        problems.append("field keys repeat")
    for item in spec.fields:
        if not _KEY.match(item.key):
            problems.append(f"{item.key}: a key is lower-case letters, digits and _")
        problems += _bounds_problems(item.key, item)
        if item.kind is FieldKind.TABLE:
            problems += _table_problems(item)
    return problems


def _table_problems(item: FieldSpec) -> list[str]:
    out = []
    if not item.columns:
        out.append(f"{item.key}: a table needs columns")
    if not 0 < item.max_rows <= MAX_TABLE_ROWS:
        out.append(f"{item.key}: 1 to {MAX_TABLE_ROWS} rows")
    keys = [c.key for c in item.columns]
    if len(set(keys)) != len(keys):
        out.append(f"{item.key}: column keys repeat")
    for col in item.columns:
        if col.kind is FieldKind.TABLE or not _KEY.match(col.key):
            out.append(f"{item.key}.{col.key}: bad column")
        out += _bounds_problems(f"{item.key}.{col.key}", col)
    return out


def _options_dict(options: Sequence[Option]) -> list[dict[str, str]]:
    return [{"value": o.value, "label": o.label} for o in options]


def _field_dict(item: FieldSpec) -> dict[str, Any]:
    return {
        "key": item.key,
        "label": item.label,
        "kind": str(item.kind),
        "required": item.required,
        "help": item.help,
        "unit": item.unit,
        "minimum": item.minimum,
        "maximum": item.maximum,
        "integer": item.integer,
        "options": _options_dict(item.options),
        "multiple": item.multiple,
        "max_length": item.max_length,
        "columns": [_column_dict(c) for c in item.columns],
        "max_rows": item.max_rows,
    }


def _column_dict(col: Column) -> dict[str, Any]:
    return {
        "key": col.key,
        "label": col.label,
        "kind": str(col.kind),
        "unit": col.unit,
        "minimum": col.minimum,
        "maximum": col.maximum,
        "integer": col.integer,
        "options": _options_dict(col.options),
        "max_length": col.max_length,
        "required": col.required,
    }


def _options_from(raw: Any) -> tuple[Option, ...]:
    return tuple(Option(str(o["value"]), str(o["label"])) for o in raw or ())


def _num(raw: Any) -> float | None:
    return None if raw is None else float(raw)


def _field_from(raw: Mapping[str, Any]) -> FieldSpec:
    return FieldSpec(
        key=str(raw["key"]),
        label=str(raw["label"]),
        kind=FieldKind(raw["kind"]),
        required=bool(raw.get("required", True)),
        help=str(raw.get("help", "")),
        unit=str(raw.get("unit", "")),
        minimum=_num(raw.get("minimum")),
        maximum=_num(raw.get("maximum")),
        integer=bool(raw.get("integer", False)),
        options=_options_from(raw.get("options")),
        multiple=bool(raw.get("multiple", False)),
        max_length=int(raw.get("max_length", 2000)),
        columns=tuple(_column_from(c) for c in raw.get("columns") or ()),
        max_rows=int(raw.get("max_rows", 50)),
    )


def _column_from(raw: Mapping[str, Any]) -> Column:
    return Column(
        key=str(raw["key"]),
        label=str(raw["label"]),
        kind=FieldKind(raw["kind"]),
        unit=str(raw.get("unit", "")),
        minimum=_num(raw.get("minimum")),
        maximum=_num(raw.get("maximum")),
        integer=bool(raw.get("integer", False)),
        options=_options_from(raw.get("options")),
        max_length=int(raw.get("max_length", 500)),
        required=bool(raw.get("required", False)),
    )
