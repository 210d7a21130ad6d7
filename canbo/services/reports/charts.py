"""A dashboard figure: one tally feeds both its chart and its table, so they cannot disagree.

The page serializes :meth:`Chart.option` once (``json_script``) for the vendored ECharts and
renders the same ``rows`` as the table below it; ``tests/integration`` compares the two.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

LABEL_WIDTH = 110
"""Pixels a bar's label may take before it wraps onto a second line."""


@dataclass(frozen=True, slots=True)
class ChartRow:
    label: str
    count: int | float
    share: float = 0.0  # per cent of the chart's total (0 when the rows are not parts)


@dataclass(frozen=True, slots=True)
class Chart:
    """One figure of the dashboard: its rows, in table order, and how they are drawn."""

    key: str
    title: str
    kind: str  # "pie", "bar" (columns) or "hbar" (bars, for long labels)
    rows: tuple[ChartRow, ...]
    unit: str = ""  # what is counted, the table's number column
    source: str = ""  # where the numbers come from (a page to open)
    parts: bool = True  # the rows are parts of a whole: shares and a total are shown
    empty_note: str = ""  # what is counted, said when nothing was (an empty chart explains)

    @classmethod
    def of(
        cls,
        key: str,
        title: str,
        kind: str,
        rows: Sequence[tuple[str, int | float]],
        *,
        unit: str = "",
        source: str = "",
        parts: bool = True,
        empty_note: str = "",
    ) -> Chart:
        total = sum(n for _label, n in rows) if parts else 0
        shared = tuple(ChartRow(label, n, 100 * n / total if total else 0.0) for label, n in rows)
        return cls(key, title, kind, shared, unit, source, parts, empty_note)

    @property
    def total(self) -> int | float:
        return sum(r.count for r in self.rows)

    @property
    def json_id(self) -> str:
        return f"option-{self.key}"

    @property
    def is_empty(self) -> bool:
        return not any(r.count for r in self.rows)

    def option(self) -> dict[str, Any]:
        """The ECharts option drawn from the rows (labels and values in table order)."""
        labels = [r.label for r in self.rows]
        values = [r.count for r in self.rows]
        base: dict[str, Any] = {"aria": {"enabled": True}, "tooltip": {}}
        if self.kind == "pie":
            data = [{"name": n, "value": v} for n, v in zip(labels, values, strict=True)]
            series = {"type": "pie", "radius": ["35%", "65%"], "data": data}
            return base | {"tooltip": {"trigger": "item"}, "series": [series]}
        categories = {"type": "category", "data": labels}
        # A long label ("Số cấp ủy viên được bầu") wraps beside its bar instead of running
        # off the chart's left edge on a card or a phone.
        wrapped = {"axisLabel": {"width": LABEL_WIDTH, "overflow": "break", "lineHeight": 14}}
        axes = (
            {"yAxis": categories | {"inverse": True} | wrapped, "xAxis": {"type": "value"}}
            if self.kind == "hbar"
            else {"xAxis": categories | {"axisLabel": {"interval": 0}}, "yAxis": {"type": "value"}}
        )
        grid = {"left": 16, "right": 40, "bottom": 8, "top": 8, "containLabel": True}
        return base | axes | {"grid": grid, "series": [{"type": "bar", "data": values}]}
