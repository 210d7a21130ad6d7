"""Rows of the demo's organization tree: units, dated versions, lineage, correspondences, terms.

History is never overwritten (OR-15): a unit that changes parent on 01/07/2025 gets a second
``UnitVersion`` from that day; a reorganization is a ``LineageEvent`` with links (OR-16). Ids
are assigned here so that the whole tree goes to the database in a few ``executemany`` calls.
The plans of the cells (who holds which post) are collected for the people generator.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from canbo.core.collation import word_key
from canbo.core.registry import pillar_of
from canbo.core.types import LevelClass, Share, UnitKind

from .bulk import IdAllocator, Row
from .catalog import FOREVER_ISO

UNIT_COLUMNS = ("id", "code", "pillar", "valid_from", "valid_to")
VERSION_COLUMNS = (
    "id",
    "unit_id",
    "name",
    "short_name",
    "kind",
    "level_class",
    "parent_id",
    "admin_code",
    "sort_key",
    "legal_basis",
    "valid_from",
    "valid_to",
)
EVENT_COLUMNS = ("id", "kind", "date", "legal_basis", "note")
LINK_COLUMNS = ("id", "event_id", "predecessor_id", "successor_id", "share")
CORRESPONDENCE_COLUMNS = ("id", "party_unit_id", "state_unit_id", "valid_from", "valid_to")
TERM_COLUMNS = ("id", "unit_id", "name", "starts", "ends")


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """Collation key of a unit name; names repeat a lot, so keys are computed once."""
    return word_key(name)


def iso(day: dt.date | None) -> str:
    return FOREVER_ISO if day is None else day.isoformat()


@dataclass(frozen=True, slots=True)
class Post:
    """A post one person holds in ``unit_id`` over ``[start, end]`` (OR-17)."""

    title: str
    unit_id: int
    start: dt.date
    end: dt.date | None = None
    term_id: int | None = None
    how: str = "elected"
    term_ends: dt.date | None = None


@dataclass(slots=True)
class CellPlan:
    """A unit that holds members (OR-07), its flavour and the posts its members fill.

    Each entry of ``slots`` is the list of posts held, one after the other, by one member.
    """

    unit_id: int
    flavour: str  # "village", "agency" or "grassroots"
    province: str  # code of the former province (before 01/07/2025)
    hometown: str
    slots: list[list[Post]] = field(default_factory=list)


@dataclass(slots=True)
class TreeRows:
    """Everything the tree writes, plus the plans handed to the people generator."""

    units: list[Row] = field(default_factory=list)
    versions: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    links: list[Row] = field(default_factory=list)
    correspondences: list[Row] = field(default_factory=list)
    terms: list[Row] = field(default_factory=list)
    cells: list[CellPlan] = field(default_factory=list)
    named: dict[str, int] = field(default_factory=dict)


class TreeBuilder:
    """Appends rows with ids from an :class:`IdAllocator`; codes are unique and stable."""

    def __init__(self, ids: IdAllocator, code_prefix: str = "DM") -> None:
        self.ids = ids
        self.rows = TreeRows()
        self._prefix = code_prefix
        self._serial = 0
        self._latest: dict[int, int] = {}
        self._unit_rows: dict[int, int] = {}

    def next_code(self, pillar_letter: str) -> str:
        self._serial += 1
        return f"{self._prefix}{pillar_letter}{self._serial:07d}"

    def unit(
        self,
        name: str,
        kind: UnitKind,
        parent: int | None,
        start: dt.date,
        end: dt.date | None = None,
        *,
        level: LevelClass | None = None,
        code: str | None = None,
        short_name: str = "",
        admin_code: str = "",
        basis: str = "",
    ) -> int:
        """A new unit with its first version over ``[start, end]``."""
        pillar = pillar_of(kind)
        unit_id = self.ids.take("registry_orgunit")
        code = code or self.next_code("D" if pillar == "party" else "H")
        self._unit_rows[unit_id] = len(self.rows.units)
        self.rows.units.append((unit_id, code, str(pillar), iso(start), iso(end)))
        self.version(
            unit_id,
            name,
            kind,
            parent,
            start,
            end,
            level=level,
            short_name=short_name,
            admin_code=admin_code,
            basis=basis,
        )
        return unit_id

    def version(
        self,
        unit_id: int,
        name: str,
        kind: UnitKind,
        parent: int | None,
        start: dt.date,
        end: dt.date | None = None,
        *,
        level: LevelClass | None = None,
        short_name: str = "",
        admin_code: str = "",
        basis: str = "",
    ) -> None:
        self._latest[unit_id] = len(self.rows.versions)
        self.rows.versions.append(
            (
                self.ids.take("registry_unitversion"),
                unit_id,
                name,
                short_name,
                str(kind),
                str(level or ""),
                parent,
                admin_code,
                name_key(name),
                basis,
                iso(start),
                iso(end),
            )
        )

    def end_unit(self, unit_id: int, end: dt.date | None) -> None:
        """Set the last day of a unit's whole life (its versions are set separately)."""
        index = self._unit_rows[unit_id]
        self.rows.units[index] = (*self.rows.units[index][:4], iso(end))

    def move(self, unit_id: int, new_parent: int, day: dt.date, basis: str) -> None:
        """Transfer a unit to ``new_parent`` on ``day``: its latest version ends the day before
        and an identical version under the new parent starts (OR-15; people stay, OR-17)."""
        index = self._latest[unit_id]
        row = self.rows.versions[index]
        self.rows.versions[index] = (*row[:11], iso(day - dt.timedelta(days=1)))
        kind, level = UnitKind(row[4]), LevelClass(row[5]) if row[5] else None
        self.version(
            unit_id,
            row[2],
            kind,
            new_parent,
            day,
            level=level,
            short_name=row[3],
            admin_code=row[7],
            basis=basis,
        )

    def event(
        self,
        kind: str,
        day: dt.date,
        basis: str,
        links: list[tuple[int, int, Share]],
        note: str = "",
    ) -> int:
        """A lineage event (OR-16) with its predecessor → successor links (OR-14)."""
        event_id = self.ids.take("registry_lineageevent")
        self.rows.events.append((event_id, kind, iso(day), basis, note))
        for pred, succ, share in links:
            link_id = self.ids.take("registry_lineagelink")
            self.rows.links.append((link_id, event_id, pred, succ, str(share)))
        return event_id

    def correspond(self, party: int, state: int, start: dt.date, end: dt.date | None) -> None:
        """OR-01: a Party committee leads a State unit over an interval."""
        row_id = self.ids.take("registry_correspondence")
        self.rows.correspondences.append((row_id, party, state, iso(start), iso(end)))

    def term(self, unit_id: int, name: str, starts: dt.date, ends: dt.date) -> int:
        term_id = self.ids.take("registry_term")
        self.rows.terms.append((term_id, unit_id, name, iso(starts), iso(ends)))
        return term_id

    def cell(self, plan: CellPlan) -> CellPlan:
        self.rows.cells.append(plan)
        return plan
