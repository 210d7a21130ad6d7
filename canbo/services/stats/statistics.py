"""Use cases of the organization sector's statistics (handbook FRM-08 to FRM-11, OR-19 to
OR-21): a unit's report as of a date, and its comparison across the 2025 reorganization.

Both only read: they check the actor's scope (``SEE_REPORTS`` over the unit; the history of
a merged unit's predecessors is readable by the commission of the successor), ask the reader
for grouped counts, and let the core build and check the tables. Nothing is written, so no
audit entry.
"""

from __future__ import annotations

import datetime as dt

from canbo.core.citations.documents import DESIGN
from canbo.core.errors import Citation, NotFound, ValidationError
from canbo.core.permissions import Action, roles_for
from canbo.core.stats import compare as cmp
from canbo.core.stats.model import StatsComparison, StatsReport
from canbo.core.stats.params import DEFAULT_PARAMS, StatsParams
from canbo.core.stats.tables import build_report, period_start_for
from canbo.core.types import UnitId
from canbo.services import access
from canbo.services.ports import Actor

from .ports import StatsReader, UnitOnDate

OPEN_END_YEAR = 9999
"""A unit version still in force ends on 31/12/9999 in the registry."""


def _check_scope(actor: Actor, reader: StatsReader, unit_id: UnitId, on: dt.date) -> None:
    """NotFound unless the actor may see reports of the unit (its history included, OR-21)."""
    roles = roles_for(Action.SEE_REPORTS)
    if not access.can_reach(actor, unit_id, reader.tree, on, roles, with_history=True):
        raise NotFound("unit_not_found", unit_id=unit_id)


def unit_on_date(actor: Actor, reader: StatsReader, unit_id: int, as_of: dt.date) -> UnitOnDate:
    """The unit as of the report's date, after the scope check (OR-19); a unit that did not
    exist on that date is refused (``stats_unit_not_on_date``, OR-20)."""
    uid = UnitId(unit_id)
    span = reader.unit_span(uid)
    if span is None:
        raise NotFound("unit_not_found", unit_id=unit_id)
    first, last = span
    _check_scope(actor, reader, uid, min(max(as_of, first), last))
    unit = reader.unit_on(uid, as_of)
    if unit is None:
        raise ValidationError(
            "stats_unit_not_on_date",
            citation=Citation(DESIGN, rule_id="OR-20"),
            field="as_of",
            unit_id=unit_id,
            # Dates as the clerk reads them (dd/mm/yyyy); a unit still in force has no end.
            as_of=f"{as_of:%d/%m/%Y}",
            valid_from=f"{first:%d/%m/%Y}",
            valid_to="…" if last.year >= OPEN_END_YEAR else f"{last:%d/%m/%Y}",
        )
    return unit


def member_statistics(
    actor: Actor,
    reader: StatsReader,
    unit_id: int,
    as_of: dt.date,
    params: StatsParams = DEFAULT_PARAMS,
) -> StatsReport:
    """Biểu 1 to Biểu 5 of the unit's subtree on the tree valid on ``as_of`` (OR-19, OR-20),
    the movement over the statistics year up to ``as_of`` (FRM-08); the movement table's
    ``D == A + B − C`` check refuses an inconsistent count (FRM-09)."""
    unit = unit_on_date(actor, reader, unit_id, as_of)
    start = period_start_for(as_of)
    counts = reader.counts(UnitId(unit_id), as_of, start, params.age_reference(as_of))
    return build_report((unit.unit_id, unit.code, unit.name), as_of, start, counts, params)


def compare_across_reorganization(
    actor: Actor,
    reader: StatsReader,
    unit_id: int,
    before: dt.date,
    after: dt.date,
    params: StatsParams = DEFAULT_PARAMS,
) -> StatsComparison:
    """The unit's figures on ``after`` against the sum of its predecessors on ``before``
    (OR-21): along lineage, PART links by their recorded shares (``or_split_allocation``)."""
    if before >= after:
        raise ValidationError("stats_compare_order", field="before", before=str(before))
    after_report = member_statistics(actor, reader, unit_id, after, params)
    edges = reader.lineage_into(UnitId(unit_id))
    candidates = {e.predecessor for e in edges} | {unit_id}
    existed = {u for u in candidates if reader.unit_on(UnitId(u), before) is not None}
    plan = cmp.plan_restatement(unit_id, before, edges, existed, params.split_allocation)
    names: dict[int, tuple[str, str]] = {}
    for u in {u for u, _w, _wh in plan.counted} | set(plan.not_comparable):
        found = reader.unit_on(UnitId(u), before) or reader.unit_on(UnitId(u), _last_day(reader, u))
        names[u] = (found.code, found.name) if found else ("", "")
    counted, lost = cmp.contributions(plan, names)
    parts = [
        (member_statistics(actor, reader, c.unit_id, before, params), c.weight) for c in counted
    ]
    notes = ("restated_partial",) if lost else ()
    before_report = cmp.restate(
        (after_report.unit_id, after_report.unit_code, after_report.unit_name),
        before,
        parts,
        notes,
    )
    return StatsComparison(
        unit_id,
        before_report,
        after_report,
        counted,
        comparable=not lost and before_report is not None,
        policy=str(params.split_allocation),
        not_comparable=lost,
        citation=Citation(DESIGN, rule_id="OR-21"),
    )


def _last_day(reader: StatsReader, unit_id: int) -> dt.date:
    span = reader.unit_span(UnitId(unit_id))
    return span[1] if span else dt.date.min
