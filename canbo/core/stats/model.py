"""The shape of a statistics report: tables of rows, each row a tuple of numbers.

A value is an ``int`` (a count), a ``float`` (an average, a restated weighted sum) or ``None``
(not applicable). ``StatsReport.as_dict`` is the one exported shape: the pages, the
spreadsheets, the PDF and the signed bundles between installations all carry it (OR-20: the
as-of date is printed on the report and stored with every exported figure).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from canbo.core.citations.documents import DESIGN
from canbo.core.errors import Citation, NotFound

Value = int | float | None

SCHEMA_VERSION = 1
"""Version of :meth:`StatsReport.as_dict`; a reader refuses a version it does not know."""


@dataclass(frozen=True, slots=True)
class StatsRow:
    """One row: a stable ``key``, its label in Vietnamese and English, its indent and values."""

    key: str
    label_vi: str
    label_en: str
    depth: int
    values: tuple[Value, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label_vi": self.label_vi,
            "label_en": self.label_en,
            "depth": self.depth,
            "values": list(self.values),
        }


@dataclass(frozen=True, slots=True)
class StatsTable:
    """One table ("Biểu 1-BTCTW" ...): ``code`` is stable (``bieu1`` to ``bieu5``)."""

    code: str
    title_vi: str
    title_en: str
    columns: tuple[tuple[str, str], ...]
    rows: tuple[StatsRow, ...]
    citation: Citation

    def row(self, key: str) -> StatsRow:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def value(self, key: str, column: int = 0) -> Value:
        return self.row(key).values[column]

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title_vi": self.title_vi,
            "title_en": self.title_en,
            "columns": [list(c) for c in self.columns],
            "rows": [r.as_dict() for r in self.rows],
            "citation": {
                "document": self.citation.document,
                "article": self.citation.article,
                "clause": self.citation.clause,
                "rule_id": self.citation.rule_id,
            },
        }


@dataclass(frozen=True, slots=True)
class StatsReport:
    """The statistics of one unit's subtree as of a date (OR-20), for the period
    ``period_start`` to ``as_of`` (the movement and discipline tables)."""

    unit_id: int
    unit_code: str
    unit_name: str
    as_of: dt.date
    period_start: dt.date
    regime: str
    tables: tuple[StatsTable, ...]
    restated: bool = False
    notes: tuple[str, ...] = ()

    def table(self, code: str) -> StatsTable:
        for table in self.tables:
            if table.code == code:
                return table
        raise NotFound("stats_table_not_found", table=code)

    def as_dict(self) -> dict[str, Any]:
        """JSON-safe: dates as ISO text, values as numbers or null."""
        return {
            "schema": SCHEMA_VERSION,
            "unit_id": self.unit_id,
            "unit_code": self.unit_code,
            "unit_name": self.unit_name,
            "as_of": self.as_of.isoformat(),
            "period_start": self.period_start.isoformat(),
            "regime": self.regime,
            "restated": self.restated,
            "notes": list(self.notes),
            "tables": [t.as_dict() for t in self.tables],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StatsReport:
        """The report back from :meth:`as_dict` (a received bundle's record, whose unit id is
        the sender's and may be left out: 0 then; the unit code is what identifies it)."""
        tables = tuple(
            StatsTable(
                t["code"],
                t["title_vi"],
                t["title_en"],
                tuple((str(a), str(b)) for a, b in t["columns"]),
                tuple(
                    StatsRow(r["key"], r["label_vi"], r["label_en"], r["depth"], tuple(r["values"]))
                    for r in t["rows"]
                ),
                Citation(
                    t["citation"]["document"],
                    t["citation"]["article"],
                    t["citation"]["clause"],
                    t["citation"]["rule_id"],
                ),
            )
            for t in data["tables"]
        )
        return cls(
            int(data.get("unit_id") or 0),
            str(data["unit_code"]),
            str(data["unit_name"]),
            dt.date.fromisoformat(data["as_of"]),
            dt.date.fromisoformat(data["period_start"]),
            str(data["regime"]),
            tables,
            bool(data.get("restated", False)),
            tuple(data.get("notes", ())),
        )


@dataclass(frozen=True, slots=True)
class Contribution:
    """A predecessor counted in a restated figure: its unit, its weight and the path's shares."""

    unit_id: int
    unit_code: str
    unit_name: str
    weight: float
    whole: bool


@dataclass(frozen=True, slots=True)
class StatsComparison:
    """A unit's figures on ``after`` against the sum of its predecessors on ``before`` (OR-21).

    ``before`` is restated (``restated=True``): the sum along lineage, PART links weighted by
    their recorded shares. ``comparable`` is false when a split has no recorded share under the
    policy; ``not_comparable`` names the predecessors that could not be counted.
    """

    unit_id: int
    before: StatsReport | None
    after: StatsReport
    contributions: tuple[Contribution, ...]
    comparable: bool
    policy: str
    not_comparable: tuple[Contribution, ...] = field(default=())
    citation: Citation = field(default_factory=lambda: Citation(DESIGN, rule_id="OR-21"))

    def as_dict(self) -> dict[str, Any]:
        return {
            "unit_id": self.unit_id,
            "policy": self.policy,
            "comparable": self.comparable,
            "before": None if self.before is None else self.before.as_dict(),
            "after": self.after.as_dict(),
            "contributions": [
                {"unit_code": c.unit_code, "unit_name": c.unit_name, "weight": c.weight}
                for c in self.contributions
            ],
            "not_comparable": [c.unit_code for c in self.not_comparable],
        }
