"""Answers to a form: read from the browser or a spreadsheet, checked against the form.

:func:`clean` turns raw answers (typed values, or the strings of a web form or a spreadsheet
cell) into the stored shape and lists every problem, naming the field and, in a table, the row
(from 1) and the column. Nothing is half accepted: a caller stores the answers only when the
list is empty (all or nothing).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from .forms import Column, FieldKind, FieldSpec, FormSpec, Option

Answer = float | int | str | list[str] | list[dict[str, Any]] | None
Answers = dict[str, Answer]


@dataclass(frozen=True, slots=True)
class FieldError:
    """One problem of an answer: the field, the table row (from 1) and column if any, a code
    worded in the refusal catalogue, and the values the wording needs."""

    field: str
    code: str
    row: int | None = None
    column: str | None = None
    params: Mapping[str, Any] = dc_field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "code": self.code,
            "row": self.row,
            "column": self.column,
            **{k: v for k, v in self.params.items() if k not in ("field", "row", "column")},
        }


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def parse_number(value: Any) -> float | int | None:
    """A number from a cell or a text box: ``12``, ``12,5``, ``1.234,5``, ``1 234``; None if
    it is not one. Vietnamese writes the decimal comma and the thousands dot."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value if math.isfinite(value) else None
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")
    elif "," in text:
        text = text.replace(",", ".")
    elif text.count(".") > 1:
        text = text.replace(".", "")
    try:
        number = float(text)
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    return int(number) if number.is_integer() and "." not in text else number


def _number(
    item: FieldSpec | Column, value: Any, where: dict[str, Any]
) -> tuple[Any, list[FieldError]]:
    number = parse_number(value)
    key = where["field"]
    if number is None:
        return None, [
            FieldError(key, "survey_not_a_number", params={"value": str(value)}, **_rc(where))
        ]
    if item.integer and float(number) != int(number):
        return None, [FieldError(key, "survey_not_integer", params={"value": number}, **_rc(where))]
    if item.integer:
        number = int(number)
    if item.minimum is not None and number < item.minimum:
        return None, [
            FieldError(
                key,
                "survey_below_minimum",
                params={"value": number, "minimum": _fmt(item.minimum)},
                **_rc(where),
            )
        ]
    if item.maximum is not None and number > item.maximum:
        return None, [
            FieldError(
                key,
                "survey_above_maximum",
                params={"value": number, "maximum": _fmt(item.maximum)},
                **_rc(where),
            )
        ]
    return number, []


def _fmt(number: float) -> int | float:
    return int(number) if float(number).is_integer() else number


def _rc(where: Mapping[str, Any]) -> dict[str, Any]:
    return {"row": where.get("row"), "column": where.get("column")}


def _match_option(options: Sequence[Option], text: str) -> str | None:
    folded = text.strip().casefold()
    for option in options:
        if folded in (option.value.casefold(), option.label.strip().casefold()):
            return option.value
    return None


def _choice(
    item: FieldSpec | Column, value: Any, multiple: bool, where: dict[str, Any]
) -> tuple[Any, list[FieldError]]:
    raw = value if isinstance(value, list) else [value]
    if multiple and not isinstance(value, list):
        raw = [p for p in str(value).replace(",", ";").split(";")]
    picked = [str(v) for v in raw if not is_blank(v)]
    if not multiple and len(picked) > 1:
        return None, [FieldError(where["field"], "survey_one_option", **_rc(where))]
    values: list[str] = []
    for text in picked:
        found = _match_option(item.options, text)
        if found is None:
            return None, [
                FieldError(
                    where["field"], "survey_unknown_option", params={"value": text}, **_rc(where)
                )
            ]
        if found not in values:
            values.append(found)
    return (values if multiple else values[0]), []


def _text(
    item: FieldSpec | Column, value: Any, where: dict[str, Any]
) -> tuple[Any, list[FieldError]]:
    text = (f"{value:g}" if isinstance(value, float) else str(value)).strip()
    if len(text) > item.max_length:
        return None, [
            FieldError(
                where["field"],
                "survey_text_too_long",
                params={"length": len(text), "max_length": item.max_length},
                **_rc(where),
            )
        ]
    return text, []


def _scalar(
    item: FieldSpec | Column, value: Any, multiple: bool, where: dict[str, Any]
) -> tuple[Any, list[FieldError]]:
    if item.kind is FieldKind.NUMBER:
        return _number(item, value, where)
    if item.kind is FieldKind.CHOICE:
        return _choice(item, value, multiple, where)
    return _text(item, value, where)


def _table(item: FieldSpec, value: Any) -> tuple[Any, list[FieldError]]:
    if is_blank(value):
        return [], []
    if not isinstance(value, list) or not all(isinstance(r, Mapping) for r in value):
        return None, [FieldError(item.key, "survey_not_a_table")]
    rows = [r for r in value if not all(is_blank(r.get(c.key)) for c in item.columns)]
    if len(rows) > item.max_rows:
        return None, [
            FieldError(
                item.key,
                "survey_too_many_rows",
                params={"rows": len(rows), "max_rows": item.max_rows},
            )
        ]
    errors: list[FieldError] = []
    out: list[dict[str, Any]] = []
    for number, row in enumerate(rows, start=1):
        cleaned: dict[str, Any] = {}
        for col in item.columns:
            cell = row.get(col.key)
            where = {"field": item.key, "row": number, "column": col.key}
            if is_blank(cell):
                if col.required:
                    errors.append(FieldError(item.key, "survey_required", number, col.key))
                cleaned[col.key] = None
                continue
            cleaned[col.key], problems = _scalar(col, cell, False, where)
            errors += problems
        out.append(cleaned)
    return out, errors


def clean(
    spec: FormSpec, raw: Mapping[str, Any], *, partial: bool = False
) -> tuple[Answers, list[FieldError]]:
    """The answers in their stored shape and every problem (empty list: all accepted).

    With ``partial`` (a saved draft) a missing required answer is not a problem; a wrong one
    still is. A key the form does not have is a problem (an answer is never silently lost).
    """
    answers: Answers = {}
    errors: list[FieldError] = []
    known = {f.key for f in spec.fields}
    errors += [FieldError(key, "survey_unknown_field") for key in raw if key not in known]
    for item in spec.fields:
        value = raw.get(item.key)
        if item.kind is FieldKind.TABLE:
            answers[item.key], problems = _table(item, value)
            errors += problems
            if item.required and not partial and not problems and not answers[item.key]:
                errors.append(FieldError(item.key, "survey_required"))
            continue
        if is_blank(value):
            answers[item.key] = [] if item.multiple else None
            if item.required and not partial:
                errors.append(FieldError(item.key, "survey_required"))
            continue
        answers[item.key], problems = _scalar(item, value, item.multiple, {"field": item.key})
        errors += problems
    return answers, errors


def validate(spec: FormSpec, answers: Mapping[str, Any]) -> list[FieldError]:
    """Every problem of ``answers`` against ``spec`` (field, row and column named)."""
    return clean(spec, answers)[1]
