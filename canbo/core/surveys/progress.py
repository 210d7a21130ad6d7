"""Where an assigned unit stands, and aggregates rolled up through the intermediate levels.

A submission after the deadline is accepted, flagged late and counted like any other; a unit
that has not submitted by the deadline is late. The deadline is a day: a submission on the
deadline day (Vietnam time) is on time. Aggregates of the requester are rolled up over the tree
valid on the request's date (OR-19, OR-20): each intermediate unit between the requester and the
assigned units gets the aggregate of the assigned units under it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from .forms import Column, FieldKind, FieldSpec, FormSpec

Node = TypeVar("Node", bound=Hashable)


class AssignmentStatus(StrEnum):
    """Where one assigned unit stands on a day."""

    NOT_STARTED = "not_started"  # Chưa bắt đầu
    IN_PROGRESS = "in_progress"  # Đang nhập (a draft is saved)
    OVERDUE = "overdue"  # Quá hạn, chưa nộp
    SUBMITTED = "submitted"  # Đã nộp đúng hạn
    SUBMITTED_LATE = "submitted_late"  # Đã nộp muộn


def is_late(deadline: dt.date, submitted_on: dt.date) -> bool:
    """A submission is late when its day (Vietnam time) is after the deadline day."""
    return submitted_on > deadline


def status(
    deadline: dt.date, first_submitted_on: dt.date | None, has_draft: bool, today: dt.date
) -> AssignmentStatus:
    """The status of an assignment on ``today``; lateness is that of the first submission (a
    correction after the deadline does not make an on-time report late)."""
    if first_submitted_on is not None:
        late = is_late(deadline, first_submitted_on)
        return AssignmentStatus.SUBMITTED_LATE if late else AssignmentStatus.SUBMITTED
    if today > deadline:
        return AssignmentStatus.OVERDUE
    return AssignmentStatus.IN_PROGRESS if has_draft else AssignmentStatus.NOT_STARTED


@dataclass(slots=True)
class NumberSummary:
    """Count, sum, least and greatest of the numbers answered; the mean is derived."""

    count: int = 0
    total: float = 0
    minimum: float | None = None
    maximum: float | None = None

    def add(self, value: float) -> None:
        self.count += 1
        self.total += value
        self.minimum = value if self.minimum is None else min(self.minimum, value)
        self.maximum = value if self.maximum is None else max(self.maximum, value)

    @property
    def mean(self) -> float | None:
        return self.total / self.count if self.count else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "sum": _tidy(self.total),
            "mean": self.mean,
            "min": self.minimum,
            "max": self.maximum,
        }


def _tidy(number: float) -> float | int:
    return int(number) if float(number).is_integer() else round(number, 6)


@dataclass(slots=True)
class FieldAggregate:
    """What the submissions say about one field: numbers summed, choices counted per option,
    free text kept with its unit, table rows counted and their columns summarized."""

    key: str
    kind: FieldKind
    answered: int = 0
    numbers: NumberSummary = field(default_factory=NumberSummary)
    distribution: dict[str, int] = field(default_factory=dict)
    texts: list[tuple[Any, str]] = field(default_factory=list)
    rows: int = 0
    columns: dict[str, FieldAggregate] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "kind": str(self.kind),
            "answered": self.answered,
            "numbers": self.numbers.as_dict(),
            "distribution": dict(self.distribution),
            "texts": [[unit, text] for unit, text in self.texts],
            "rows": self.rows,
            "columns": {k: v.as_dict() for k, v in self.columns.items()},
        }


@dataclass(slots=True)
class Aggregate:
    """The aggregate of the submissions of a set of units (``units``: how many counted)."""

    units: int
    fields: dict[str, FieldAggregate]

    def as_dict(self) -> dict[str, Any]:
        return {"units": self.units, "fields": {k: v.as_dict() for k, v in self.fields.items()}}

    def state(self, texts: int | None = None) -> dict[str, Any]:
        """The exact, JSON-safe state (sums unrounded), to keep an aggregate between
        submissions and add to it later: :meth:`from_state` gives it back. ``texts`` keeps
        only the first answers of each free-text field (their number stays in ``answered``)."""
        fields = {k: _state(v, texts) for k, v in self.fields.items()}
        return {"units": self.units, "fields": fields}

    @classmethod
    def from_state(cls, spec: FormSpec, state: Mapping[str, Any] | None) -> Aggregate:
        """The aggregate kept by :meth:`state` (an empty one for no state); fields of the
        form missing from the state start empty."""
        out = aggregate(spec, ())
        if not state:
            return out
        out.units = int(state.get("units", 0))
        for key, kept in (state.get("fields") or {}).items():
            if key in out.fields:
                _restore(out.fields[key], kept)
        return out


def _state(agg: FieldAggregate, texts: int | None) -> dict[str, Any]:
    n = agg.numbers
    return {
        "answered": agg.answered,
        "numbers": [n.count, n.total, n.minimum, n.maximum],
        "distribution": dict(agg.distribution),
        "texts": [[unit, text] for unit, text in agg.texts[:texts]],
        "rows": agg.rows,
        "columns": {k: _state(v, texts) for k, v in agg.columns.items()},
    }


def _restore(agg: FieldAggregate, kept: Mapping[str, Any]) -> None:
    agg.answered = int(kept.get("answered", 0))
    count, total, low, high = kept.get("numbers") or (0, 0, None, None)
    agg.numbers = NumberSummary(int(count), total, low, high)
    agg.distribution.update(kept.get("distribution") or {})
    agg.texts = [(unit, str(text)) for unit, text in kept.get("texts") or ()]
    agg.rows = int(kept.get("rows", 0))
    for key, column in (kept.get("columns") or {}).items():
        if key in agg.columns:
            _restore(agg.columns[key], column)


def _empty(item: FieldSpec | Column) -> FieldAggregate:
    agg = FieldAggregate(item.key, item.kind)
    if item.kind is FieldKind.CHOICE:
        agg.distribution = {o.value: 0 for o in item.options}
    if isinstance(item, FieldSpec) and item.kind is FieldKind.TABLE:
        agg.columns = {c.key: _empty(c) for c in item.columns}
    return agg


def _add(agg: FieldAggregate, unit: Any, value: Any) -> None:
    if value is None or value == "" or value == []:
        return
    agg.answered += 1
    if agg.kind is FieldKind.NUMBER and isinstance(value, int | float):
        agg.numbers.add(value)
    elif agg.kind is FieldKind.CHOICE:
        for picked in value if isinstance(value, list) else [value]:
            agg.distribution[picked] = agg.distribution.get(picked, 0) + 1
    elif agg.kind is FieldKind.TEXT:
        agg.texts.append((unit, str(value)))
    elif agg.kind is FieldKind.TABLE and isinstance(value, list):
        agg.rows += len(value)
        for row in value:
            for key, column in agg.columns.items():
                _add(column, unit, row.get(key))


def aggregate(spec: FormSpec, submissions: Iterable[tuple[Any, Mapping[str, Any]]]) -> Aggregate:
    """Sums, means, distributions and free text by unit over ``(unit, answers)`` pairs."""
    fields = {item.key: _empty(item) for item in spec.fields}
    units = 0
    for unit, answers in submissions:
        units += 1
        for key, agg in fields.items():
            _add(agg, unit, answers.get(key))
    return Aggregate(units, fields)


def _merge_field(target: FieldAggregate, source: FieldAggregate) -> None:
    target.answered += source.answered
    numbers = source.numbers
    if numbers.count:
        mine = target.numbers
        mine.count += numbers.count
        mine.total += numbers.total
        low, high = numbers.minimum, numbers.maximum
        mine.minimum = (
            low
            if mine.minimum is None or (low is not None and low < mine.minimum)
            else mine.minimum
        )
        mine.maximum = (
            high
            if mine.maximum is None or (high is not None and high > mine.maximum)
            else mine.maximum
        )
    for key, n in source.distribution.items():
        target.distribution[key] = target.distribution.get(key, 0) + n
    target.texts.extend(source.texts)
    target.rows += source.rows
    for key, column in source.columns.items():
        _merge_field(target.columns[key], column)


def merge_into(target: Aggregate, source: Aggregate) -> None:
    """Add ``source`` to ``target`` (the same form): the aggregate of the union of units."""
    target.units += source.units
    for key, agg in source.fields.items():
        _merge_field(target.fields[key], agg)


def roll_up(
    spec: FormSpec,
    submissions: Mapping[Node, Mapping[str, Any]],
    chains: Mapping[Node, Sequence[Node]],
) -> dict[Node, Aggregate]:
    """The aggregate at every unit of the chains (OR-20).

    ``chains[u]`` is the path from just above assigned unit ``u`` up to the requester as of
    the request's date (the requester last). Each unit of a path gets the aggregate of the
    submitted units under it, so an intermediate level's figure is exactly the sum of what lies
    below it and the requester's is the sum of all. The answers are read once, into the
    nearest unit's aggregate, which is then added to each unit above it.
    """
    groups: dict[Node, list[tuple[Node, Mapping[str, Any]]]] = {}
    above: dict[Node, Sequence[Node]] = {}
    for unit, answers in submissions.items():
        chain = chains.get(unit) or (unit,)
        groups.setdefault(chain[0], []).append((unit, answers))
        above[chain[0]] = chain[1:]
    out: dict[Node, Aggregate] = {}
    for node, pairs in groups.items():
        own = aggregate(spec, pairs)
        for upper in (node, *above[node]):
            if upper not in out:
                out[upper] = aggregate(spec, ())
            merge_into(out[upper], own)
    return out
