"""Comparing across the 2025 reorganization (handbook OR-21, OR-14, OR-16).

A unit's figures on a later date are set against the sum, on an earlier date, of the units it
came from along lineage: each predecessor that existed on the earlier date counts once, a
WHOLE link with weight 1 and a PART link (a commune divided between successors) by its
recorded share under the policy ``or_split_allocation`` (``explicit_weights`` in canbo). A
PART link without a share is not comparable and is named. The sum is labelled restated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import Contribution, StatsReport, StatsRow, StatsTable, Value
from .params import SplitAllocation

MAX_DEPTH = 16


@dataclass(frozen=True, slots=True)
class LineageEdge:
    """predecessor → successor on ``date``; ``weight`` the recorded share of a PART link
    (0 to 1), ``None`` when none was recorded."""

    predecessor: int
    successor: int
    date: dt.date
    whole: bool
    weight: float | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """Which predecessors to count on the earlier date, with which weight."""

    counted: tuple[tuple[int, float, bool], ...]  # (unit, weight, whole path)
    not_comparable: tuple[int, ...]


def plan_restatement(
    unit_id: int,
    before: dt.date,
    edges: Iterable[LineageEdge],
    existed_before: set[int],
    policy: SplitAllocation,
) -> Plan:
    """Walk lineage back from ``unit_id`` through the links dated after ``before``; each unit
    that existed on ``before`` is counted with the product of the weights on its path."""
    into: dict[int, list[LineageEdge]] = {}
    for e in edges:
        into.setdefault(e.successor, []).append(e)
    weights: dict[int, float] = {}
    whole: dict[int, bool] = {}
    lost: list[int] = []

    def walk(u: int, w: float, is_whole: bool, depth: int) -> None:
        if u in existed_before:
            weights[u] = weights.get(u, 0.0) + w
            whole[u] = whole.get(u, True) and is_whole
        if depth >= MAX_DEPTH:
            return
        for e in into.get(u, ()):
            if e.date <= before:
                continue
            if e.whole:
                walk(e.predecessor, w, is_whole, depth + 1)
            elif policy is SplitAllocation.EXPLICIT_WEIGHTS and e.weight is not None:
                walk(e.predecessor, w * e.weight, False, depth + 1)
            elif e.predecessor not in lost:
                lost.append(e.predecessor)

    walk(unit_id, 1.0, True, 0)
    counted = tuple((u, round(weights[u], 6), whole[u]) for u in sorted(weights))
    return Plan(counted, tuple(lost))


def _scaled(v: Value, w: float) -> Value:
    if v is None:
        return None
    return v * w if w != 1.0 else v


def _add(a: Value, b: Value) -> Value:
    if a is None:
        return b
    if b is None:
        return a
    return a + b


def _round(v: Value) -> Value:
    if isinstance(v, float):
        return round(v, 1)
    return v


def combine_tables(parts: Sequence[tuple[StatsTable, float]]) -> StatsTable:
    """The weighted sum of one table over several reports; rows merged by key in the order
    first seen; a share column (%) is computed again from the summed counts."""
    first = parts[0][0]
    order: list[str] = []
    rows: dict[str, StatsRow] = {}
    sums: dict[str, list[Value]] = {}
    for table, w in parts:
        for row in table.rows:
            if row.key not in rows:
                order.append(row.key)
                rows[row.key] = row
                sums[row.key] = [None] * len(row.values)
            acc = sums[row.key]
            for i, v in enumerate(row.values):
                acc[i] = _add(acc[i], _scaled(v, w))
    share = any("%" in vi for vi, _en in first.columns)
    total = sums.get("total", [None])[0]
    out = []
    for key in order:
        values = [_round(v) for v in sums[key]]
        if share and len(values) == 2 and values[0] is not None and key != "total":
            values[1] = round(100 * values[0] / total, 2) if total else None
        r = rows[key]
        out.append(StatsRow(r.key, r.label_vi, r.label_en, r.depth, tuple(values)))
    return StatsTable(
        first.code, first.title_vi, first.title_en, first.columns, tuple(out), first.citation
    )


def restate(
    unit: tuple[int, str, str],
    before: dt.date,
    reports: Sequence[tuple[StatsReport, float]],
    notes: Iterable[str] = (),
) -> StatsReport | None:
    """The unit's restated report on ``before``: the weighted sum of its predecessors' (OR-21)."""
    if not reports:
        return None
    first = reports[0][0]
    tables = tuple(combine_tables([(r.table(t.code), w) for r, w in reports]) for t in first.tables)
    unit_id, code, name = unit
    return StatsReport(
        unit_id,
        code,
        name,
        before,
        first.period_start,
        first.regime,
        tables,
        restated=True,
        notes=(*first.notes, *notes),
    )


def contributions(
    plan: Plan, names: Mapping[int, tuple[str, str]]
) -> tuple[tuple[Contribution, ...], tuple[Contribution, ...]]:
    """The counted and the not comparable predecessors, named."""
    counted = tuple(
        Contribution(u, *names.get(u, ("", "")), weight=w, whole=wh) for u, w, wh in plan.counted
    )
    lost = tuple(
        Contribution(u, *names.get(u, ("", "")), weight=0.0, whole=False)
        for u in plan.not_comparable
    )
    return counted, lost
