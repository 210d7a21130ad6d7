"""Use case: compute every proposal of a cycle and count the quota (CL-12 … CL-15).

Computing streams the compact rows in pages, calls the core's per-subject function once per
distinct set of facts (``canbo.core.classification.memo``), writes the levels back with one
``executemany`` per page and counts the quota per peer group (CL-13, CL-14). Collectives go
first, so that heads are capped by their unit's level (CL-21, CL-15).

A national cycle (about 5.4 million rows) splits the individuals' primary-key range between
worker processes: each reads its own range through its own connection, computes, and sends
compact result pages and its quota counts back; the parent is the only writer (SQLite takes
one writer at a time) and merges the counts (``QuotaAggregator.merge``), all in one
transaction. Small cycles, and callers already inside a transaction, compute in-process.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from collections.abc import Iterator
from typing import Any

from canbo.core.classification.common import head_cap
from canbo.core.classification.engine import Engine, engine_for_cycle
from canbo.core.classification.lifecycle import CycleStep, cycle_step
from canbo.core.classification.memo import DEFAULT_LIMIT, ProposalMemo
from canbo.core.classification.model import (
    Effect,
    Exemption,
    Grade,
    Level,
    Proposal,
    Subject,
    SubjectId,
    SubjectKind,
)
from canbo.core.classification.params import Parameters
from canbo.core.classification.quota import QuotaAggregator
from canbo.core.errors import Citation, NotFound
from canbo.core.permissions import Action, cycle_participants
from canbo.core.types import DisciplineForm
from canbo.services.access import access_scope, require
from canbo.services.classification.ports import (
    KEY_COLUMNS,
    NEW_ORG,
    ClassificationUnitOfWork,
    ComputeReport,
    ComputeRow,
    CycleData,
    CycleId,
    PkRange,
    ProposalPage,
    QuotaOver,
    Step,
)
from canbo.services.ports import Actor

CL12 = Citation("QĐ 366-QĐ/TW; HD 43-HD/BTCTW", rule_id="CL-12")

MIN_PARALLEL_ROWS = 200_000
"""Below this many individuals, forking workers costs more than it saves."""

QUEUE_PAGES = 8
"""Result pages in flight per worker: bounds the parent's memory if writing lags."""


def params_of(data: CycleData) -> Parameters:
    """The parameter values stored with the cycle (GEN-01), back as typed Parameters."""
    text = {k: _param_text(v) for k, v in data.parameters.items()}
    return Parameters().with_overrides(text)


def _param_text(value: object) -> str:
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if value is None:
        return "none"
    return str(value)


def engine_of(data: CycleData) -> Engine:
    """GEN-01: the rulebook of the cycle's year with the cycle's stored parameters."""
    return engine_for_cycle(data.year, params_of(data))


def load_cycle(uow: ClassificationUnitOfWork, cycle_id: CycleId) -> CycleData:
    """The cycle, or NotFound."""
    data = uow.cycles.get(cycle_id)
    if data is None:
        raise NotFound("cycle_not_found", cycle_id=cycle_id)
    return data


def load_cycle_for(uow: ClassificationUnitOfWork, actor: Actor, cycle_id: CycleId) -> CycleData:
    """The cycle if the actor's scope meets its subtree; NotFound alike when missing."""
    data = load_cycle(uow, cycle_id)
    missing = NotFound("cycle_not_found", cycle_id=cycle_id)
    access_scope(actor, data.root_id, uow.tree, data.as_of, missing, cycle_participants())
    return data


def _grade(value: int | None) -> Grade | None:
    return None if value is None else Grade(value)


def row_subject(row: ComputeRow) -> Subject:
    """Build the core Subject of a compact row."""
    general, results = row.score_general, row.score_results
    score = None if general is None or results is None else general + results
    exemption = row.exemption
    return Subject(
        id=SubjectId(str(row.pk)),
        kind=SubjectKind(row.kind),
        group=row.group,
        tasks_total=row.tasks_total,
        tasks_on_time=row.tasks_on_time,
        tasks_exceeded=row.tasks_exceeded,
        tasks_late=row.tasks_late,
        score=score,
        grade_results=_grade(row.grade_results),
        grade_other_min=_grade(row.grade_other_min),
        discipline=DisciplineForm(row.discipline) if row.discipline else None,
        discipline_self_remedied=bool(row.discipline_self_remedied),
        led_units_tasks=row.led_units_tasks,
        led_units_exceeded=row.led_units_exceeded,
        led_units_kht=row.led_units_kht,
        confidence_low=row.confidence_low,
        head_of=SubjectId(str(row.head_unit_id)) if row.head_unit_id else None,
        exemption=Exemption(exemption) if exemption and exemption != NEW_ORG else None,
        months_in_operation=row.months_in_operation,
        sick_leave_months=row.sick_leave_months,
    )


def row_key(row: ComputeRow) -> tuple[Any, ...]:
    """The memo key of a compact row: equal keys imply equal ``facts_key(row_subject(row))``.

    Built straight from the row (no Subject): the kind, the total score (CL-05) and every
    column ``row_subject`` reads after the two parts of the score, except the head's unit
    (``KEY_COLUMNS``: a slice of the tuple, the fastest way to take fifteen columns).
    """
    general, results = row.score_general, row.score_results
    total = None if general is None or results is None else general + results
    cells: tuple[Any, ...] = row  # a plain tuple's slice, for the type checker
    return (row.kind, total, *cells[KEY_COLUMNS])


_RULE_EFFECTS = frozenset({Effect.NOT_MET, Effect.FORCED_KHT, Effect.CAP, Effect.NOT_CLASSIFIED})


def rules_of(proposal: Proposal) -> str:
    """The rules that lowered or stopped the level, for the compact row (at most 64 chars)."""
    seen = dict.fromkeys(r.rule for r in proposal.reasons if r.effect in _RULE_EFFECTS)
    return ",".join(seen)[:64]


class Runner:
    """One compute pass over some rows: memoized evaluation, head cap, quota counting."""

    def __init__(self, engine: Engine, unit_levels: dict[SubjectId, Level | None]) -> None:
        self.engine = engine
        self.memo = ProposalMemo(engine.evaluate)
        # id() of a memoized proposal -> (the proposal, kept alive so its id is not reused; rules)
        self.rules: dict[int, tuple[Proposal, str]] = {}
        self.unit_levels = unit_levels
        self.quota = QuotaAggregator(engine.params)
        self.evaluated = self.not_classified = self.skipped = 0

    def _outcome(self, row: ComputeRow) -> tuple[Level | None, str]:
        proposal = self.memo.proposal(row_key(row), lambda: row_subject(row))
        hit = self.rules.get(id(proposal))
        if hit is None:
            if len(self.rules) >= DEFAULT_LIMIT:
                self.rules.clear()
            hit = self.rules[id(proposal)] = (proposal, rules_of(proposal))
        rules = hit[1]
        if row.head_unit_id and proposal.level is not None and self.engine.params.cl_head_cap:
            unit = SubjectId(str(row.head_unit_id))
            proposal = head_cap(proposal, self.unit_levels.get(unit), unit in self.unit_levels)
            rules = rules_of(proposal)
        return proposal.level, rules

    def run(self, chunk: list[ComputeRow]) -> ProposalPage:
        """CL-12 steps 1–6 for each row of ``chunk``; rows not yet self-assessed are skipped."""
        levels: list[int | None] = []
        reasons: list[str] = []
        pks: list[int] = []
        count = self.quota.count
        for row in chunk:
            if row.step < Step.SELF and not row.exemption:
                self.skipped += 1
                continue
            level, rules = self._outcome(row)
            if row.kind == SubjectKind.COLLECTIVE:
                self.unit_levels[SubjectId(str(row.unit_id))] = level
            self.evaluated += 1
            self.not_classified += level is None
            effective = row.final_level if row.final_level is not None else row.appraised_level
            count(row.group, level if effective is None else effective)
            levels.append(None if level is None else int(level))
            reasons.append(rules)
            pks.append(row.pk)
        return ProposalPage(levels, reasons, pks)

    def fresh(self) -> Runner:
        """A runner for a worker: the same engine, memo and unit levels, nothing counted yet."""
        runner = Runner(self.engine, self.unit_levels)
        runner.memo, runner.rules = self.memo, self.rules
        return runner

    def tallies(self) -> tuple[int, int, int]:
        return self.evaluated, self.not_classified, self.skipped

    def absorb(self, counts: dict[str, tuple[int, int]], tallies: tuple[int, int, int]) -> None:
        """Add a worker's quota counts (merged by group) and tallies to this pass."""
        self.quota.merge(counts)
        self.evaluated += tallies[0]
        self.not_classified += tallies[1]
        self.skipped += tallies[2]


@contextlib.contextmanager
def rows_without_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while pages of rows go through a compute pass.

    Compute rows are named tuples: the collector stops tracking a plain tuple of numbers and
    strings, never one of a tuple subclass, so pages of 20,000 of them reach the old generation
    and set off full collections over the whole heap (a third more CPU time, measured on 312,000
    rows). A pass makes no reference cycles: reference counting frees each page as before, and
    anything cyclic is collected once the collector runs again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _worker(
    uow: ClassificationUnitOfWork,
    runner: Runner,
    cycle_id: CycleId,
    bounds: PkRange,
    queue: Any,
) -> None:
    """In a forked process: compute one primary-key range, send pages, then the tallies."""
    runner = runner.fresh()  # the parent's counts (collectives) are counted there, not here
    try:
        with rows_without_cycle_collection():
            for chunk in uow.proposals.rows(cycle_id, False, bounds):
                queue.put(("page", runner.run(chunk)))
        queue.put(("done", runner.quota.counts(), runner.tallies()))
    except Exception as exc:  # sent to the parent, which raises it as its own failure
        queue.put(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        uow.release()


class Workers:
    """Worker processes forked on primary-key ranges; the parent drains their pages."""

    def __init__(
        self,
        uow: ClassificationUnitOfWork,
        runner: Runner,
        cycle_id: CycleId,
        ranges: list[PkRange],
    ) -> None:
        ctx = multiprocessing.get_context("fork")
        self.runner = runner
        self.queue: Any = ctx.Queue(QUEUE_PAGES * len(ranges))
        uow.release()  # no connection crosses the fork; each side opens its own
        self.procs = [
            ctx.Process(target=_worker, args=(uow, runner, cycle_id, r, self.queue), daemon=True)
            for r in ranges
        ]
        for p in self.procs:
            p.start()

    def pages(self) -> Iterator[ProposalPage]:
        """Result pages in arrival order; the workers' counts are merged as they finish."""
        try:
            running = len(self.procs)
            while running:
                message = self.queue.get()
                if message[0] == "page":
                    yield message[1]
                elif message[0] == "error":
                    raise RuntimeError(f"compute worker failed: {message[1]}")
                else:
                    self.runner.absorb(message[1], message[2])
                    running -= 1
        finally:
            for p in self.procs:
                p.join(timeout=5)
                if p.is_alive():
                    p.kill()


def _fork_workers(
    uow: ClassificationUnitOfWork, runner: Runner, cycle_id: CycleId, workers: int
) -> Workers | None:
    if workers < 2 or not uow.can_fork():
        return None
    ranges = uow.proposals.pk_ranges(cycle_id, workers)
    if sum(r.size for r in ranges) < MIN_PARALLEL_ROWS:
        return None
    return Workers(uow, runner, cycle_id, ranges)


def default_workers() -> int:
    """Two processes on a machine with two cores or more (a 2-core target)."""
    return min(2, os.cpu_count() or 1)


def _save_all(
    uow: ClassificationUnitOfWork,
    runner: Runner,
    cycle_id: CycleId,
    collective_pages: list[ProposalPage],
    forked: Workers | None,
) -> None:
    """Write the collectives' proposals, then compute and write the individuals' pages."""
    for page in collective_pages:
        uow.proposals.save(page)
    if forked is None:
        for chunk in uow.proposals.rows(cycle_id, False):
            uow.proposals.save(runner.run(chunk))
    else:
        for page in forked.pages():
            uow.proposals.save(page)


def compute_proposals(
    uow: ClassificationUnitOfWork, actor: Actor, cycle_id: CycleId, workers: int | None = None
) -> ComputeReport:
    """CL-12 steps 1–6 for every subject of the cycle, streaming; nothing is cut (CL-13).

    Collectives first, so that heads are capped by their unit's level (CL-21, CL-15). The
    quota lines count the effective level: decided, else appraised, else proposed. With
    ``workers`` > 1 (default: two on two cores) the individuals are computed by that many
    processes when the unit of work can fork (no transaction open) and the cycle is large.

    Only the organization commission over the cycle's root (or the system administrator)
    computes; anyone else is refused before anything is read or written, and a cycle outside
    every scope of the actor answers like a missing one.
    """
    data = load_cycle_for(uow, actor, cycle_id)
    require(actor, Action.COMPUTE_CYCLE, data.root_id, uow.tree, data.as_of, citation=CL12)
    cycle_step(data.status, CycleStep.COMPUTE)  # never over a published result (CL-27)
    runner = Runner(engine_of(data), {})
    with rows_without_cycle_collection():
        collective_pages = [runner.run(chunk) for chunk in uow.proposals.rows(cycle_id, True)]
        chosen = default_workers() if workers is None else workers
        forked = _fork_workers(uow, runner, cycle_id, chosen)  # before the write transaction
        with uow:
            _save_all(uow, runner, cycle_id, collective_pages, forked)
            lines = runner.quota.lines()
            uow.audit.append(
                actor,
                "classification.compute",
                "cycle",
                str(cycle_id),
                None,
                {"evaluated": runner.evaluated, "groups": len(lines)},
            )
            uow.commit()
    over = tuple(
        QuotaOver(q.group, q.htxs, q.htt, q.max_htxs, q.over_by) for q in lines if q.over_by
    )
    return ComputeReport(runner.evaluated, runner.not_classified, runner.skipped, len(lines), over)
