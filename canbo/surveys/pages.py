"""What the report pages show: the fields of a form with the values to put back in them, the
problems of refused answers worded with their field, row and column, and the overview's
aggregates as table rows. Pure presentation; the rules are the services'."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from canbo.core.surveys.forms import FieldKind, FieldSpec, FormSpec
from canbo.core.surveys.progress import Aggregate, FieldAggregate
from canbo.refusals import wording

from .rollups import TEXTS_KEPT
from .templatetags.survey_labels import answer_text, survey_status, vn_number
from .workbook import Upload


@dataclass
class ShownField:
    spec: FieldSpec
    value: Any = ""
    values: list[str] = field(default_factory=list)
    rows: list[list[tuple[Any, str]]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return str(self.spec.kind)

    @property
    def row_indexes(self) -> list[tuple[int, list[tuple[Any, str]]]]:
        return list(enumerate(self.rows))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def shown_fields(
    spec: FormSpec, values: Mapping[str, Any] | None, errors: Sequence[Mapping[str, Any]] = ()
) -> list[ShownField]:
    """The fields with ``values`` (stored answers or what was just posted) and their problems."""
    values = values or {}
    out = []
    for item in spec.fields:
        value = values.get(item.key)
        shown = ShownField(item)
        if item.kind is FieldKind.TABLE:
            filled = [r for r in value or [] if any(_text(v) for v in r.values())]
            extra = 3 if len(filled) < item.max_rows else 0
            rows = [[(c, _text(r.get(c.key))) for c in item.columns] for r in filled]
            blank = [[(c, "") for c in item.columns] for _ in range(extra)]
            shown.rows = (rows + blank)[: item.max_rows]
        elif item.kind is FieldKind.CHOICE and item.multiple:
            shown.values = [str(v) for v in value or []]
        else:
            shown.value = _text(value)
        shown.errors = [problem(e, item) for e in errors if e.get("field") == item.key]
        out.append(shown)
    return out


def _words(code: str, params: Mapping[str, Any]) -> str:
    found = wording(code)
    if found is None:
        return code
    text = _(found[0])
    try:
        return text % {k: _text(v) for k, v in params.items()}
    except (KeyError, TypeError, ValueError):
        return text


def problem(error: Mapping[str, Any], item: FieldSpec | None = None) -> str:
    """One problem in words, with the table row and column when it has them."""
    text = _words(str(error.get("code")), error)
    row, column = error.get("row"), error.get("column")
    if row is None:
        return text
    label = column or ""
    if item is not None and column:
        label = next((c.label for c in item.columns if c.key == column), column)
    return _("Dòng %(row)s, cột %(column)s: %(text)s") % {"row": row, "column": label, "text": text}


def sheet_problems(
    spec: FormSpec, upload: Upload, errors: Sequence[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """The problems of an uploaded spreadsheet, each at its sheet, row and column."""
    from canbo.core.surveys.answers import FieldError

    out = []
    labels = {f.key: f.label for f in spec.fields}
    for e in errors:
        found = FieldError(str(e["field"]), str(e["code"]), e.get("row"), e.get("column"))
        sheet, row, column = upload.where(found)
        out.append(
            {
                "sheet": sheet,
                "row": row or "",
                "column": column or "",
                "field": labels.get(str(e["field"]), str(e["field"])),
                "message": _words(str(e["code"]), e),
            }
        )
    return out


TEXTS_SHOWN = TEXTS_KEPT  # as many as the roll-up keeps per level


@dataclass(frozen=True, slots=True)
class AggregateLine:
    label: str
    kind: str
    unit: str
    count: int
    total: Any
    mean: Any
    minimum: Any
    maximum: Any
    distribution: list[tuple[str, int]]
    texts: list[tuple[str, str]]
    text_count: int = 0


def is_share(unit: str) -> bool:
    """A field counted in per cent ("%", "phần trăm"): its answers are averaged, not summed."""
    return unit.strip().lower() in {"%", "phần trăm", "tỷ lệ %", "percent"}


def _line(
    label: str, unit: str, agg: FieldAggregate, names: Mapping[int, str], spec: Any
) -> AggregateLine:
    numbers = agg.numbers
    options = getattr(spec, "options", ())
    dist = [
        (next((o.label for o in options if o.value == k), k), n)
        for k, n in agg.distribution.items()
    ]
    # The page shows the first answers; every one is in the spreadsheet export.
    texts = [(names.get(u, str(u)), t) for u, t in agg.texts[:TEXTS_SHOWN]]
    # Shares do not add up: three communes at 95 % are not 285 %; their average is the figure.
    summed = numbers.count and not is_share(unit)
    return AggregateLine(
        label,
        str(agg.kind),
        unit,
        agg.answered,
        numbers.total if summed else None,
        numbers.mean,
        numbers.minimum,
        numbers.maximum,
        dist,
        texts,
        agg.answered if agg.kind is FieldKind.TEXT else 0,
    )


def aggregate_lines(
    spec: FormSpec, agg: Aggregate, names: Mapping[int, str]
) -> list[AggregateLine]:
    """One line per field (and per table column), in the form's order."""
    out = []
    for item in spec.fields:
        found = agg.fields[item.key]
        if item.kind is FieldKind.TABLE:
            rows_label = _("%(label)s: số dòng") % {"label": item.label}
            out.append(
                AggregateLine(
                    rows_label, "number", "", found.answered, found.rows, None, None, None, [], []
                )
            )
            for col in item.columns:
                label = f"{item.label} / {col.label}"
                out.append(_line(label, col.unit, found.columns[col.key], names, col))
        else:
            out.append(_line(item.label, item.unit, found, names, item))
    return out


def number_fields(spec: FormSpec) -> list[FieldSpec]:
    return [f for f in spec.fields if f.kind is FieldKind.NUMBER]


def level_rows(spec: FormSpec, levels: Sequence[Any]) -> list[tuple[Any, str, list[str]]]:
    """One row per intermediate unit: the unit, "submitted/assigned" and the sum of each number
    field under it, already written out (the page prints them as they are)."""
    keys = [f.key for f in number_fields(spec)]
    out = []
    for level in levels:
        fields = level.aggregate.fields
        sums = [
            answer_text(fields[k].numbers.total if fields[k].numbers.count else None) for k in keys
        ]
        done = f"{vn_number(level.submitted)}/{vn_number(level.assigned)}"
        out.append((level, done, sums))
    return out


@dataclass(frozen=True, slots=True)
class UnitLine:
    """One row of the overview's unit table, its labels and dates already written out."""

    id: int
    unit_name: str
    status: str
    submitted_on: str
    versions: int
    reminders: int
    reminded_on: str
    can_remind: bool
    fill_url: str


def unit_lines(rows: Sequence[Any], fill_url: str) -> list[UnitLine]:
    """The rows of one page of units; ``fill_url`` ends with the assignment id's place
    (``.../0/``): the row's id replaces the 0."""
    base = fill_url[:-2]
    return [
        UnitLine(
            r.id,
            r.unit_name,
            survey_status(r.status),
            r.first_submitted_on.strftime("%d/%m/%Y") if r.first_submitted_on else "",
            r.versions,
            r.reminders,
            localtime(r.last_reminded_at).strftime("%d/%m/%Y") if r.last_reminded_at else "",
            not r.versions,
            f"{base}{r.id}/",
        )
        for r in rows
    ]


def late_items(rows: Sequence[tuple[str, str]]) -> SafeString:
    """The late units (name, status) as list items ("unit: status"), written out at once (a
    national request can have hundreds)."""
    labels = {st: escape(survey_status(st)) for st in {st for _name, st in rows}}
    items = "".join(f"<li>{escape(name)}: {labels[st]}</li>" for name, st in rows)
    return mark_safe(items)  # noqa: S308 - every piece escaped above
