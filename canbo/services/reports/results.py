"""Results reports up the tree: classification, confidence votes, congresses and elections.

Each report covers a unit's subtree over a period and is rolled up by branch (OR-20): the
unit's own records, then one row per unit directly under it counting its whole subtree, as the
tree stood on the period's last day (OR-19), and a total. What lower installations sent in
signed bundles is added in rows of its own, marked as received (``received``), and counted in
the total; a unit's records come from one place, this database when it holds the unit's own
records of the period, else what its installation sent (never both: ``already_held`` counts
the received records left out). Every report carries its citation:

- classification: published final levels only (QĐ 366-QĐ/TW, CL-27), by collectives and
  individuals and the four levels, as the classification table of HD 11 (FRM-13);
- confidence votes: the latest certified version of each vote (QĐ 96-QĐ/TW, CV-21: results
  are reported to the managing level), the people by consequence band;
- congresses: congresses opened in the period, those closed, those that elected a committee,
  and the composition of the people elected (women, young, ethnic minority; the congress
  overview's rules), approved or not (QĐ 190-QĐ/TW, EL-29).

A use case checks that the actor may read the unit (and see reports) and that the unit existed
on the period's last day; it writes nothing, so there is no unit of work and no audit entry.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from canbo.core.citations.documents import HD11, QD96, QD190, QD366
from canbo.core.elections.model import ElectionKind, ElectionStatus
from canbo.core.errors import Citation, PermissionDenied, ValidationError
from canbo.core.permissions import Action, roles_for
from canbo.core.types import UnitId
from canbo.services import access
from canbo.services.congresses.overview import ElectedFacts, composition
from canbo.services.ports import Actor

from .ports import Branch, ReceivedFacts, ResultsReader


class ReportKind(StrEnum):
    CLASSIFICATION = "classification"
    CONFIDENCE = "confidence"
    CONGRESSES = "congresses"


BUNDLE_KIND = {
    ReportKind.CLASSIFICATION: "classification_results",
    ReportKind.CONFIDENCE: "confidence_results",
    ReportKind.CONGRESSES: "congress_results",
}
"""The upward bundle kind whose received records each report adds."""

LEVELS = ("HTXS", "HTT", "HT", "KHT")
COLLECTIVE = "collective"

COLUMNS: dict[ReportKind, tuple[str, ...]] = {
    ReportKind.CLASSIFICATION: (
        "collective_total",
        *(f"collective_{lv}" for lv in LEVELS),
        "person_total",
        *(f"person_{lv}" for lv in LEVELS),
    ),
    ReportKind.CONFIDENCE: ("sessions", "people", "band_none", "band_B", "band_C"),
    ReportKind.CONGRESSES: (
        "congresses",
        "closed",
        "committees",
        "elected",
        "women",
        "young",
        "minority",
        "pending",
    ),
}
"""The stable column keys of each report (the pages and documents label them)."""

CITATIONS = {
    ReportKind.CLASSIFICATION: Citation(HD11, rule_id="FRM-13"),
    ReportKind.CONFIDENCE: Citation(QD96, rule_id="CV-21"),
    ReportKind.CONGRESSES: Citation(QD190, rule_id="EL-29"),
}
PUBLISHED = Citation(QD366, rule_id="CL-27")


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One row: a branch of the tree, or what a lower installation sent for a branch."""

    unit_id: int
    name: str
    values: tuple[int, ...]
    own: bool = False
    received: bool = False
    sender: str = ""

    def as_dict(self, columns: Sequence[str]) -> dict[str, Any]:
        return {
            "unit_id": self.unit_id,
            "name": self.name,
            "own": self.own,
            "received": self.received,
            "sender": self.sender,
            "values": dict(zip(columns, self.values, strict=True)),
        }


@dataclass(frozen=True, slots=True)
class ResultsReport:
    kind: ReportKind
    unit_id: int
    unit_name: str
    start: dt.date
    end: dt.date
    columns: tuple[str, ...]
    rows: tuple[ReportRow, ...]
    citation: Citation
    already_held: int = 0  # received records of units whose own records are here (not counted)

    @property
    def total(self) -> tuple[int, ...]:
        """Column sums over every row, local and received."""
        return tuple(sum(r.values[i] for r in self.rows) for i in range(len(self.columns)))

    def value(self, column: str) -> int:
        """The total of one column."""
        return self.total[self.columns.index(column)]

    @property
    def has_received(self) -> bool:
        return any(r.received for r in self.rows)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "unit_id": self.unit_id,
            "unit_name": self.unit_name,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "columns": list(self.columns),
            "rows": [r.as_dict(self.columns) for r in self.rows],
            "total": dict(zip(self.columns, self.total, strict=True)),
            "citation": self.citation.as_dict(),
        }


Counts = dict[str, int]
Local = Mapping[int, Mapping[str, int]]


def check_scope(
    actor: Actor, reader: ResultsReader, unit_id: UnitId, start: dt.date, end: dt.date
) -> list[Branch]:
    """Refuse a reversed period, a unit the actor may not read (NotFound), a unit that did not
    exist on the period's last day (OR-19), and an actor without the reports role; answer the
    report's branches."""
    if start > end:
        raise ValidationError("report_period_reversed", field="start")
    tree = reader.tree
    if not tree.ancestors(unit_id, end):
        access.access_unit(actor, unit_id, tree, start)  # readable when the period began
        raise ValidationError(
            "report_unit_not_on_date", field="unit", unit_id=unit_id, day=f"{end:%d/%m/%Y}"
        )
    access.access_unit(actor, unit_id, tree, end)
    roles = roles_for(Action.SEE_REPORTS)
    if not access.can_reach(actor, unit_id, tree, end, roles, with_history=True):
        raise PermissionDenied("action_denied", action=str(Action.SEE_REPORTS), unit_id=unit_id)
    return reader.branches(unit_id, end)


def _classification(reader: ResultsReader, unit: UnitId, s: dt.date, e: dt.date) -> Local:
    found: dict[int, Counts] = defaultdict(lambda: defaultdict(int))
    for c in reader.classification_levels(unit, s, e):
        _add_level(found[c.branch], c.kind, c.level, c.subjects)
    return found


def _add_level(counts: Counts, kind: str, level: str, n: int) -> None:
    if level not in LEVELS:
        return
    side = "collective" if kind == COLLECTIVE else "person"
    counts[f"{side}_total"] += n
    counts[f"{side}_{level}"] += n


def _confidence(reader: ResultsReader, unit: UnitId, s: dt.date, e: dt.date) -> Local:
    found: dict[int, Counts] = defaultdict(lambda: defaultdict(int))
    sessions: dict[int, set[int]] = defaultdict(set)
    for b in reader.confidence_bands(unit, s, e):
        sessions[b.branch].add(b.session_id)
        found[b.branch]["people"] += b.people
        found[b.branch][f"band_{b.band}"] += b.people
    for branch, ids in sessions.items():
        found[branch]["sessions"] = len(ids)
    return found


def _congresses(reader: ResultsReader, unit: UnitId, s: dt.date, e: dt.date) -> Local:
    found: dict[int, Counts] = defaultdict(lambda: defaultdict(int))
    for c in reader.congresses(unit, s, e):
        counts = found[c.branch]
        people = composition(c.elected, c.opens_on)
        counts["congresses"] += 1
        counts["closed"] += c.closed
        counts["committees"] += people.elected > 0
        for key in ("elected", "women", "young", "minority", "pending"):
            counts[key] += getattr(people, key)
    return found


LOCAL: dict[ReportKind, Callable[[ResultsReader, UnitId, dt.date, dt.date], Local]] = {
    ReportKind.CLASSIFICATION: _classification,
    ReportKind.CONFIDENCE: _confidence,
    ReportKind.CONGRESSES: _congresses,
}


def received_counts(kind: ReportKind, payloads: Iterable[Mapping[str, Any]]) -> Counts:
    """Count received records the way the local rows are counted (the records as the bundle
    kinds export them, :mod:`canbo.bundles.kinds`).

    classification_results: one record per subject, its ``subject_kind`` and final ``level``
    (``None`` when exempt); confidence_results: one record per certified vote, its ``persons``
    (each with a ``band``); congress_results: one record per congress, its ``status``,
    ``opens_on`` and ``elections`` (each with its ``election_kind``, ``status`` and ``elected``
    people: ``person``, ``sex``, ``birth_date``, ``ethnicity``, ``alternate``, ``first_time``).
    """
    counts: Counts = defaultdict(int)
    for p in payloads:
        if kind is ReportKind.CLASSIFICATION:
            _add_level(counts, str(p.get("subject_kind", "")), str(p.get("level") or ""), 1)
        elif kind is ReportKind.CONFIDENCE:
            _add_confidence(counts, p)
        else:
            _add_congress(counts, p)
    return counts


def _add_confidence(counts: Counts, p: Mapping[str, Any]) -> None:
    counts["sessions"] += 1
    for line in _maps(p.get("persons")):
        band = str(line.get("band", ""))
        if band in BANDS:
            counts["people"] += 1
            counts[f"band_{band}"] += 1


BANDS = ("none", "B", "C")
BODY_KINDS = frozenset(
    str(k)
    for k in (
        ElectionKind.COMMITTEE,
        ElectionKind.CELL_COMMITTEE,
        ElectionKind.SECRETARY,
        ElectionKind.DEPUTY_SECRETARY,
    )
)
"""The elections whose elected make up the new committee (as the congress overview counts)."""


def _maps(value: Any) -> list[Mapping[str, Any]]:
    return [x for x in value if isinstance(x, Mapping)] if isinstance(value, list) else []


def _add_congress(counts: Counts, p: Mapping[str, Any]) -> None:
    """One received congress: its committee's people once each (approved when one of their
    elections is approved, first-time only when first-time in all)."""
    people: dict[str, ElectedFacts] = {}
    for election in _maps(p.get("elections")):
        if str(election.get("election_kind", "")) not in BODY_KINDS:
            continue
        approved = election.get("status") == ElectionStatus.APPROVED
        for x in _maps(election.get("elected")):
            if x.get("alternate"):
                continue
            who = str(x.get("person") or len(people))
            seen = people.get(who)
            again = not x.get("first_time", True) or (seen is not None and seen.re_elected)
            people[who] = ElectedFacts(
                0, 0, _date(x.get("birth_date")), str(x.get("sex", "")),
                str(x.get("ethnicity") or ""), again,
                approved or (seen is not None and seen.approved),
            )  # fmt: skip
    facts = composition(people.values(), _date(p.get("opens_on")) or dt.date.min)
    counts["congresses"] += 1
    counts["closed"] += p.get("status") == "closed"
    counts["committees"] += facts.elected > 0
    for key in ("elected", "women", "young", "minority", "pending"):
        counts[key] += getattr(facts, key)


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def in_period(kind: ReportKind, payload: Mapping[str, Any], start: dt.date, end: dt.date) -> bool:
    """Whether a received record falls in the report's period (a bundle's period may be longer):
    a classification by its cycle's year, a vote by its conference's day, a congress by its
    opening day; a record without its date is kept (the bundle's period overlapped)."""
    if kind is ReportKind.CLASSIFICATION:
        year = payload.get("year")
        return not isinstance(year, int) or start.year <= year <= end.year
    day = _date(payload.get("held_on" if kind is ReportKind.CONFIDENCE else "opens_on"))
    return day is None or start <= day <= end


def _received_rows(
    kind: ReportKind, facts: Sequence[ReceivedFacts], names: Mapping[int, str]
) -> list[ReportRow]:
    grouped: dict[tuple[int, str], list[Mapping[str, Any]]] = defaultdict(list)
    for f in facts:
        grouped[(f.branch, f.sender)].append(f.payload)
    columns = COLUMNS[kind]
    rows = []
    for (branch, sender), payloads in grouped.items():
        counts = received_counts(kind, payloads)
        values = tuple(counts.get(c, 0) for c in columns)
        rows.append(ReportRow(branch, names.get(branch, ""), values, received=True, sender=sender))
    order = list(names)
    return sorted(
        rows, key=lambda r: (order.index(r.unit_id) if r.unit_id in order else 0, r.sender)
    )


def results_report(
    actor: Actor,
    reader: ResultsReader,
    kind: ReportKind,
    unit_id: UnitId,
    start: dt.date,
    end: dt.date,
) -> ResultsReport:
    """The report of ``kind`` for ``unit_id``'s subtree over ``start``..``end`` (inclusive),
    rolled up by branch, with what lower installations sent (see the module's docstring)."""
    branches = check_scope(actor, reader, unit_id, start, end)
    local = LOCAL[kind](reader, unit_id, start, end)
    columns = COLUMNS[kind]
    rows: list[ReportRow] = []
    for b in branches:
        values = tuple(local.get(b.unit_id, {}).get(c, 0) for c in columns)
        if b.own and not any(values):
            continue  # the unit's own row only when it holds records itself
        rows.append(ReportRow(b.unit_id, b.name, values, own=b.own))
    names: dict[int, str] = {b.unit_id: b.name for b in branches}
    received = [
        r
        for r in reader.received(BUNDLE_KIND[kind], unit_id, start, end)
        if in_period(kind, r.payload, start, end)
    ]
    # A unit's records come from one place: this database when it holds the unit's own
    # records of the period, else what the unit's installation sent (never both).
    here = reader.held_here(str(kind), unit_id, start, end) if received else set()
    counted = [r for r in received if r.unit_id not in here]
    rows += _received_rows(kind, counted, names)
    own_name = next((b.name for b in branches if b.own), str(unit_id))
    return ResultsReport(
        kind, unit_id, own_name, start, end, columns, tuple(rows), CITATIONS[kind],
        len(received) - len(counted),
    )  # fmt: skip
