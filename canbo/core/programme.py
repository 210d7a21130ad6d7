"""The work programme of the organization sector (chương trình công tác): projects (đề án) and
tasks (nhiệm vụ) with a responsible unit, a lead, a deadline, a status and dated progress
reports.

Pure rules (canbo's design rules, ``WP-01`` to ``WP-05`` in :mod:`canbo.core.citations`):

- WP-01: an item belongs to the programme of one unit and one year, and is carried out by a
  responsible unit inside that unit's subtree;
- WP-02: the status moves planned → in progress → completed (or cancelled); a completed or
  cancelled item is closed and changes no further;
- WP-03: an item is overdue when it is not closed and its deadline has passed; one completed
  after its deadline is "completed late" (computed, never stored);
- WP-04: a progress report is dated, its percentage never goes back, and 100% only with the
  completion;
- WP-05: the year-end summary counts the projects of the programme ("21 trên 21 đề án hoàn
  thành") and rolls progress up the tree valid on the summary's date (OR-20).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from canbo.core.errors import Citation, Conflict, ValidationError

DESIGN = "Quy tắc thiết kế của canbo"

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
"""A programme document (draft, decision, report) is at most 20 MiB."""

DOCUMENT_TYPES: Mapping[str, tuple[bytes, ...]] = {
    "application/pdf": (b"%PDF-",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b"PK\x03\x04",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (b"PK\x03\x04",),
    "application/vnd.oasis.opendocument.text": (b"PK\x03\x04",),
}
"""Accepted document types and the first bytes each must start with."""

EXTENSIONS: Mapping[str, str] = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.text": "odt",
}


class ItemKind(StrEnum):
    PROJECT = "project"  # đề án
    TASK = "task"  # nhiệm vụ


class Status(StrEnum):
    PLANNED = "planned"  # chưa triển khai
    IN_PROGRESS = "in_progress"  # đang thực hiện
    COMPLETED = "completed"  # hoàn thành
    CANCELLED = "cancelled"  # dừng thực hiện


CLOSED = frozenset({Status.COMPLETED, Status.CANCELLED})

_MOVES: Mapping[Status, frozenset[Status]] = {
    Status.PLANNED: frozenset({Status.IN_PROGRESS, Status.COMPLETED, Status.CANCELLED}),
    Status.IN_PROGRESS: frozenset({Status.COMPLETED, Status.CANCELLED}),
    Status.COMPLETED: frozenset(),
    Status.CANCELLED: frozenset(),
}


def cite(rule_id: str) -> Citation:
    """The citation of a work programme design rule (``WP-01`` … ``WP-05``) or of OR-20."""
    return Citation(DESIGN, rule_id=rule_id)


@dataclass(frozen=True, slots=True)
class Item:
    """One project or task of a unit's programme for a year, as the rules see it."""

    id: int
    kind: ItemKind
    title: str
    owner_unit_id: int  # whose programme (the commission that tracks it)
    unit_id: int  # the responsible unit
    year: int
    deadline: dt.date
    status: Status
    lead_id: int | None = None
    started_on: dt.date | None = None
    completed_on: dt.date | None = None
    percent: int = 0
    parent_id: int | None = None  # a task's project


@dataclass(frozen=True, slots=True)
class Flags:
    overdue: bool
    completed_late: bool
    days_late: int


def flags(item: Item, today: dt.date) -> Flags:
    """WP-03: overdue when open past the deadline; completed late when closed after it."""
    if item.status == Status.COMPLETED and item.completed_on is not None:
        late = (item.completed_on - item.deadline).days
        return Flags(False, late > 0, max(late, 0))
    if item.status in CLOSED:
        return Flags(False, False, 0)
    late = (today - item.deadline).days
    return Flags(late > 0, False, max(late, 0))


def is_overdue(item: Item, today: dt.date) -> bool:
    return flags(item, today).overdue


def check_new(kind: ItemKind, title: str, year: int, deadline: dt.date) -> None:
    """WP-01: a title, and a deadline no earlier than the programme's year."""
    if not title.strip():
        raise ValidationError("programme_title_required", field="title", citation=cite("WP-01"))
    if deadline.year < year:
        raise ValidationError(
            "programme_deadline_before_year",
            field="deadline",
            year=year,
            deadline=deadline.strftime("%d/%m/%Y"),
            citation=cite("WP-01"),
        )


def move(current: Status, target: Status) -> Status:
    """WP-02: the next status, or ``Conflict`` (``programme_status_move``)."""
    if target == current or target not in _MOVES[current]:
        raise Conflict(
            "programme_status_move",
            field="status",
            current=str(current),
            target=str(target),
            citation=cite("WP-02"),
        )
    return target


def check_progress(item: Item, percent: int, on: dt.date, last_on: dt.date | None) -> None:
    """WP-04: dated, 0..100, never back, 100 only with completion, not on a closed item."""
    if item.status in CLOSED:
        raise Conflict("programme_item_closed", status=str(item.status), citation=cite("WP-02"))
    if not 0 <= percent <= 99:
        raise ValidationError(
            "programme_percent_range", field="percent", value=percent, citation=cite("WP-04")
        )
    if percent < item.percent:
        raise ValidationError(
            "programme_percent_back",
            field="percent",
            value=percent,
            previous=item.percent,
            citation=cite("WP-04"),
        )
    if last_on is not None and on < last_on:
        raise ValidationError(
            "programme_report_before_last",
            field="reported_on",
            last=last_on.strftime("%d/%m/%Y"),
            citation=cite("WP-04"),
        )


def document_type(head: bytes, size: int, declared: str) -> str:
    """The accepted media type of a document from its declared type and first bytes."""
    if size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            "programme_document_too_large",
            field="document",
            value=size,
            limit=MAX_DOCUMENT_BYTES,
        )
    starts = DOCUMENT_TYPES.get(declared)
    if not starts or not any(head.startswith(s) for s in starts):
        raise ValidationError("programme_document_type", field="document")
    return declared


@dataclass(frozen=True, slots=True)
class Counts:
    """How many items stand where (WP-05); ``overdue`` and ``completed_late`` are computed."""

    total: int = 0
    completed: int = 0
    in_progress: int = 0
    planned: int = 0
    cancelled: int = 0
    overdue: int = 0
    completed_late: int = 0

    @property
    def open(self) -> int:
        return self.in_progress + self.planned

    @property
    def is_all_completed(self) -> bool:
        return self.total > 0 and self.completed == self.total

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.total + other.total,
            self.completed + other.completed,
            self.in_progress + other.in_progress,
            self.planned + other.planned,
            self.cancelled + other.cancelled,
            self.overdue + other.overdue,
            self.completed_late + other.completed_late,
        )


def count(items: Iterable[Item], today: dt.date) -> Counts:
    """Counts of ``items`` on ``today`` (the sum of the statuses is the total)."""
    by = dict.fromkeys(Status, 0)
    overdue = late = total = 0
    for item in items:
        total += 1
        by[item.status] += 1
        found = flags(item, today)
        overdue += found.overdue
        late += found.completed_late
    return Counts(
        total,
        by[Status.COMPLETED],
        by[Status.IN_PROGRESS],
        by[Status.PLANNED],
        by[Status.CANCELLED],
        overdue,
        late,
    )


@dataclass(frozen=True, slots=True)
class RollupRow:
    """One unit's line of the roll-up: its own items and those of its subtree (OR-20)."""

    unit_id: int
    depth: int
    own: Counts
    subtree: Counts


def rollup(
    root_id: int,
    children: Mapping[int, Sequence[int]],
    items: Iterable[Item],
    today: dt.date,
) -> list[RollupRow]:
    """WP-05 with OR-20: each unit of the tree under ``root_id`` (as given, valid on the
    summary's date) with the items of its own programme and those of its subtree's
    programmes; rows in tree order, the root first. Programmes of units outside the tree are
    not counted."""
    by_unit: dict[int, list[Item]] = {}
    for item in items:
        by_unit.setdefault(item.owner_unit_id, []).append(item)
    rows: list[RollupRow] = []

    def visit(unit_id: int, depth: int) -> Counts:
        index = len(rows)
        own = count(by_unit.get(unit_id, ()), today)
        rows.append(RollupRow(unit_id, depth, own, own))
        total = own
        for child in children.get(unit_id, ()):
            total = total + visit(child, depth + 1)
        rows[index] = RollupRow(unit_id, depth, own, total)
        return total

    visit(root_id, 0)
    return rows


@dataclass(frozen=True, slots=True)
class YearSummary:
    """The year-end summary of a unit's programme (WP-05)."""

    unit_id: int
    year: int
    as_of: dt.date
    projects: Counts
    tasks: Counts
    subtree_projects: Counts = field(default_factory=Counts)
    citation: Citation = field(default_factory=lambda: cite("WP-05"))

    @property
    def headline_numbers(self) -> tuple[int, int]:
        """(completed, total) projects: "21 trên 21 đề án hoàn thành"."""
        return self.projects.completed, self.projects.total

    def as_dict(self) -> dict[str, object]:
        """JSON-safe shape (dashboards, bundles)."""

        def counts(c: Counts) -> dict[str, int]:
            return {
                "total": c.total,
                "completed": c.completed,
                "in_progress": c.in_progress,
                "planned": c.planned,
                "cancelled": c.cancelled,
                "overdue": c.overdue,
                "completed_late": c.completed_late,
            }

        return {
            "unit_id": self.unit_id,
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "projects": counts(self.projects),
            "tasks": counts(self.tasks),
            "subtree_projects": counts(self.subtree_projects),
        }


def summary_date(year: int, today: dt.date) -> dt.date:
    """The date a year's summary is taken on: 31 December, or today while the year runs."""
    end = dt.date(year, 12, 31)
    return min(end, today) if today.year <= year else end


def summarize(unit_id: int, year: int, items: Iterable[Item], today: dt.date) -> YearSummary:
    """WP-05: the projects and tasks of ``unit_id``'s programme for ``year``, on the summary
    date (31/12, or today while the year runs); ``items`` may hold the programmes of the
    unit's subtree too, whose projects are counted in ``subtree_projects``."""
    on = summary_date(year, today)
    of_year = [i for i in items if i.year == year]
    mine = [i for i in of_year if i.owner_unit_id == unit_id]
    return YearSummary(
        unit_id,
        year,
        on,
        count((i for i in mine if i.kind == ItemKind.PROJECT), on),
        count((i for i in mine if i.kind == ItemKind.TASK), on),
        count((i for i in of_year if i.kind == ItemKind.PROJECT), on),
    )
