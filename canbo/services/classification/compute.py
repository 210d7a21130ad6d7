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
    NEW_ORG,
    ClassificationStore,
    ComputeReport,
    ComputeRow,
    CycleData,
    CycleId,
    Step,
)
from canbo.services.ports import Actor

CL12 = Citation("QĐ 366-QĐ/TW; HD 43-HD/BTCTW", rule_id="CL-12")

MIN_PARALLEL_ROWS = 200_000
"""Below this many individuals, forking workers costs more than it saves."""

QUEUE_PAGES = 8
"""Result pages in flight per worker: bounds the parent's memory if writing lags."""

Result = tuple[int | None, str, int]
"""``(proposed_level, proposed_rules, pk)``, the layout of ``save_proposals``."""


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


def load_cycle(store: ClassificationStore, cycle_id: CycleId) -> CycleData:
    """The cycle, or NotFound."""
    data = store.cycle(cycle_id)
    if data is None:
        raise NotFound("cycle_not_found", cycle_id=cycle_id)
    return data


def load_cycle_for(store: ClassificationStore, actor: Actor, cycle_id: CycleId) -> CycleData:
    """The cycle if the actor's scope meets its subtree; NotFound alike when missing."""
    data = load_cycle(store, cycle_id)
    missing = NotFound("cycle_not_found", cycle_id=cycle_id)
    access_scope(actor, data.root_id, store.tree, data.as_of, missing, cycle_participants())
    return data


def _grade(value: int | None) -> Grade | None:
    return None if value is None else Grade(value)


def row_subject(row: ComputeRow) -> Subject:
    """Build the core Subject of a compact row (layout: ``ComputeRow``)."""
    general, results = row[7], row[8]
    score = None if general is None or results is None else general + results
    return Subject(
        id=SubjectId(str(row[0])),
        kind=SubjectKind(row[1]),
        group=row[2],
        tasks_total=row[11],
        tasks_on_time=row[12],
        tasks_exceeded=row[13],
        tasks_late=row[14],
        score=score,
        grade_results=_grade(row[9]),
        grade_other_min=_grade(row[10]),
        discipline=DisciplineForm(row[19]) if row[19] else None,
        discipline_self_remedied=bool(row[20]),
        led_units_tasks=row[15],
        led_units_exceeded=row[16],
        led_units_kht=row[17],
        confidence_low=row[18],
        head_of=SubjectId(str(row[24])) if row[24] else None,
        exemption=Exemption(row[23]) if row[23] and row[23] != NEW_ORG else None,
        months_in_operation=row[22],
        sick_leave_months=row[21],
    )


def row_key(row: ComputeRow) -> tuple[Any, ...]:
    """The memo key of a compact row: equal keys imply equal ``facts_key(row_subject(row))``.

    Built straight from the row (no Subject): the kind, the total score (CL-05) and every
    column ``row_subject`` reads after the two parts of the score, except the head's unit.
    """
    general, results = row[7], row[8]
    total = None if general is None or results is None else general + results
    return (row[1], total, *row[9:24])


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
        if row[24] and proposal.level is not None and self.engine.params.cl_head_cap:
            unit = SubjectId(str(row[24]))
            proposal = head_cap(proposal, self.unit_levels.get(unit), unit in self.unit_levels)
            rules = rules_of(proposal)
        return proposal.level, rules

    def run(self, chunk: list[ComputeRow]) -> list[Result]:
        """CL-12 steps 1–6 for each row of ``chunk``; rows not yet self-assessed are skipped."""
        out: list[Result] = []
        count = self.quota.count
        for row in chunk:
            if row[4] < Step.SELF and not row[23]:
                self.skipped += 1
                continue
            level, rules = self._outcome(row)
            if row[1] == SubjectKind.COLLECTIVE:
                self.unit_levels[SubjectId(str(row[3]))] = level
            self.evaluated += 1
            self.not_classified += level is None
            effective = row[6] if row[6] is not None else row[5]
            count(row[2], level if effective is None else effective)
            out.append((None if level is None else int(level), rules, row[0]))
        return out

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


def _worker(
    store: ClassificationStore,
    runner: Runner,
    cycle_id: CycleId,
    bounds: tuple[int, int],
    queue: Any,
) -> None:
    """In a forked process: compute one primary-key range, send pages, then the tallies."""
    runner = runner.fresh()  # the parent's counts (collectives) are counted there, not here
    try:
        for chunk in store.stream_rows(cycle_id, False, bounds):
            queue.put(("page", runner.run(chunk)))
        queue.put(("done", runner.quota.counts(), runner.tallies()))
    except Exception as exc:  # sent to the parent, which raises it as its own failure
        queue.put(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        store.release()


class Workers:
    """Worker processes forked on primary-key ranges; the parent drains their pages."""

    def __init__(
        self, store: ClassificationStore, runner: Runner, cycle_id: CycleId, ranges: list[Any]
    ) -> None:
        ctx = multiprocessing.get_context("fork")
        self.runner = runner
        self.queue: Any = ctx.Queue(QUEUE_PAGES * len(ranges))
        store.release()  # no connection crosses the fork; each side opens its own
        self.procs = [
            ctx.Process(target=_worker, args=(store, runner, cycle_id, r, self.queue), daemon=True)
            for r in ranges
        ]
        for p in self.procs:
            p.start()

    def pages(self) -> Iterator[list[Result]]:
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
    store: ClassificationStore, runner: Runner, cycle_id: CycleId, workers: int
) -> Workers | None:
    if workers < 2 or not store.can_fork():
        return None
    ranges = store.pk_ranges(cycle_id, workers)
    if sum(n for _lo, _hi, n in ranges) < MIN_PARALLEL_ROWS:
        return None
    return Workers(store, runner, cycle_id, [(lo, hi) for lo, hi, _n in ranges])


def default_workers() -> int:
    """Two processes on a machine with two cores or more (a 2-core target)."""
    return min(2, os.cpu_count() or 1)


def compute_proposals(
    store: ClassificationStore, actor: Actor, cycle_id: CycleId, workers: int | None = None
) -> ComputeReport:
    """CL-12 steps 1–6 for every subject of the cycle, streaming; nothing is cut (CL-13).

    Collectives first, so that heads are capped by their unit's level (CL-21, CL-15). The
    quota lines count the effective level: decided, else appraised, else proposed. With
    ``workers`` > 1 (default: two on two cores) the individuals are computed by that many
    processes when the store can fork (no transaction open) and the cycle is large.

    Only the organization commission over the cycle's root (or the system administrator)
    computes; anyone else is refused before anything is read or written, and a cycle outside
    every scope of the actor answers like a missing one.
    """
    data = load_cycle_for(store, actor, cycle_id)
    require(actor, Action.COMPUTE_CYCLE, data.root_id, store.tree, data.as_of, citation=CL12)
    cycle_step(data.status, CycleStep.COMPUTE)  # never over a published result (CL-27)
    runner = Runner(engine_of(data), {})
    collective_pages = [runner.run(chunk) for chunk in store.stream_rows(cycle_id, True)]
    chosen = default_workers() if workers is None else workers
    forked = _fork_workers(store, runner, cycle_id, chosen)  # before the write transaction
    with store:
        for page in collective_pages:
            store.save_proposals(page)
        if forked is None:
            for chunk in store.stream_rows(cycle_id, False):
                store.save_proposals(runner.run(chunk))
        else:
            for page in forked.pages():
                store.save_proposals(page)
        lines = runner.quota.lines()
        store.audit.append(
            actor,
            "classification.compute",
            "cycle",
            str(cycle_id),
            None,
            {"evaluated": runner.evaluated, "groups": len(lines)},
        )
        store.commit()
    over = tuple((q.group, q.htxs, q.htt, q.max_htxs, q.over_by) for q in lines if q.over_by)
    return ComputeReport(runner.evaluated, runner.not_classified, runner.skipped, len(lines), over)
