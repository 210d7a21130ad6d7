"""Read side of the classification cycle for pages and the API, scoped by the actor.

Protected reads go through ``access_cycle`` / ``access_cycle_unit`` / ``load_subject``
(NotFound alike for missing and forbidden; scope from :mod:`canbo.accounts.scope`). Levels are
shown before publication only to the people who take the steps; after publication to everyone
entitled to read the unit (CL-27, ``cl_publicity_audience``). Each page runs a fixed, small
number of queries whatever the size of the cycle.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Q

from canbo.accounts import scope
from canbo.core.classification.lifecycle import SUBJECT_LIFECYCLE
from canbo.core.classification.model import Level, Proposal
from canbo.core.errors import NotFound
from canbo.core.permissions import Action, roles_for
from canbo.core.types import UnitId, UnitKind
from canbo.db import unit_tree
from canbo.db.unit_tree import DjangoTreeReader
from canbo.registry import models as reg
from canbo.services import access
from canbo.services.access import access_unit, can
from canbo.services.classification import steps
from canbo.services.classification.cycle import load_cycle
from canbo.services.classification.ports import (
    CycleData,
    CycleId,
    CycleStatus,
    Scores,
    Step,
    StepRecordData,
    SubjectPk,
    SubjectState,
)
from canbo.services.classification.results import QuotaView, quota_lines
from canbo.services.ports import Actor

from . import level_counts, models
from .store import DjangoClassificationUnitOfWork, cycle_data, unit_names

WORKFLOW_ROLES = roles_for(Action.TAKE_PART_IN_CYCLE)
LEVELS = (Level.HTXS, Level.HTT, Level.HT, Level.KHT)


class CachedTree(DjangoTreeReader):
    """A tree reader that remembers ancestors within one page (several role checks)."""

    def __init__(self) -> None:
        self._seen: dict[tuple[int, dt.date], list[UnitId]] = {}

    def ancestors(self, unit_id: UnitId, as_of: dt.date) -> list[UnitId]:
        key = (unit_id, as_of)
        if key not in self._seen:
            self._seen[key] = super().ancestors(unit_id, as_of)
        return self._seen[key]


def can_see_levels(
    actor: Actor, cycle: CycleData, unit_id: int, tree: DjangoTreeReader | None = None
) -> bool:
    """Before publication only those who take the steps; afterwards every reader (CL-27)."""
    if cycle.status is CycleStatus.PUBLISHED:
        return True
    reader = tree or DjangoTreeReader()
    return can(actor, Action.TAKE_PART_IN_CYCLE, UnitId(unit_id), reader, cycle.as_of)


def cycles_for(actor: Actor) -> list[CycleData]:
    """Cycles whose scope meets the actor's: the root is in a grant's subtree or above it."""
    rows = (cycle_data(row) for row in models.Cycle.objects.order_by("-year", "-pk")[:100])
    return [data for data in rows if scope.sees_cycle(actor, data.root_id, data.as_of)]


TOP_PARTY_KINDS = (
    UnitKind.CENTRAL_COMMITTEE,
    UnitKind.DIRECTLY_UNDER_CENTRAL,
    UnitKind.PROVINCIAL_PARTY_COMMITTEE,
)


def open_cycle_choices(actor: Actor, today: dt.date) -> list[tuple[int, str]]:
    """The units over which the actor may open a cycle, with their names today (CL-03): the
    roots of the actor's grants; for the administrator of the whole tree, the Central
    Committee, the Party committees directly under it and the provincial committees."""
    roots = access.roots_for(actor, roles_for(Action.OPEN_CYCLE))
    if not roots:
        return []
    versions = reg.UnitVersion.objects.filter(valid_from__lte=today, valid_to__gte=today)
    if None in roots:
        versions = versions.filter(kind__in=TOP_PARTY_KINDS)
    else:
        versions = versions.filter(unit_id__in=[r for r in roots if r is not None])
    return list(versions.order_by("sort_key").values_list("unit_id", "name"))


def access_cycle(actor: Actor, cycle_id: int, tree: DjangoTreeReader | None = None) -> CycleData:
    """The cycle if the actor's scope meets its subtree; NotFound alike when missing."""
    cycle = load_cycle(DjangoClassificationUnitOfWork(), CycleId(cycle_id))
    if not scope.sees_cycle(actor, cycle.root_id, cycle.as_of, tree):
        raise NotFound("cycle_not_found", cycle_id=cycle_id)
    return cycle


def access_cycle_unit(
    actor: Actor, cycle_id: int, unit_id: int, tree: DjangoTreeReader | None = None
) -> CycleData:
    """The cycle, if ``unit_id`` is in its scope and readable by the actor; else NotFound
    (``cycle_not_found`` when the actor may not see the cycle at all)."""
    reader = tree or CachedTree()
    cycle = access_cycle(actor, cycle_id, reader)
    access_unit(actor, UnitId(unit_id), reader, cycle.as_of)
    return cycle


def access_cycle_root(actor: Actor, cycle_id: int) -> CycleData:
    """The cycle, for a reader of its whole scope (the cycle page, the quota lines)."""
    reader = CachedTree()
    cycle = access_cycle(actor, cycle_id, reader)
    access_unit(actor, cycle.root_id, reader, cycle.as_of)
    return cycle


def entry_unit(actor: Actor, cycle_id: int) -> int | None:
    """Where an account that may not read the cycle's root enters it (a cell secretary in the
    commune's cycle): the first root of its grants that the cycle reviews and it may read.
    NotFound when it may not see the cycle at all."""
    reader = CachedTree()
    cycle = access_cycle(actor, cycle_id, reader)
    roots = [g.root for g in actor.grants if g.root is not None]
    reviewed = set(
        models.CycleSubject.objects.filter(cycle_id=cycle_id, unit_id__in=roots).values_list(
            "unit_id", flat=True
        )
    )
    for root in roots:
        if root in reviewed and not _refused(actor, root, reader, cycle.as_of):
            return int(root)
    return None


def _refused(actor: Actor, unit: UnitId, reader: DjangoTreeReader, day: dt.date) -> bool:
    try:
        access_unit(actor, unit, reader, day)
    except NotFound:
        return True
    return False


@dataclass(frozen=True, slots=True)
class UnitReview:
    """The review page of one unit: its collective and members, and its lower collectives."""

    cycle: CycleData
    unit_id: int
    name: str
    subjects: list[SubjectState]
    children: list[tuple[int, str, int | None, int]]
    show_levels: bool
    can_enter: bool


def unit_review(actor: Actor, cycle_id: int, unit_id: int) -> UnitReview:
    """The cell review page: a fixed number of queries whatever the cycle's size."""
    tree = CachedTree()
    cycle = access_cycle_unit(actor, cycle_id, unit_id, tree)
    subjects = DjangoClassificationUnitOfWork().subjects.of_unit(CycleId(cycle_id), UnitId(unit_id))
    children = list(
        models.CycleSubject.objects.filter(
            cycle_id=cycle_id, parent_unit_id=unit_id, kind="collective"
        )
        .exclude(unit_id=unit_id)
        .values_list("unit_id", "final_level", "step")[:500]
    )
    names = unit_names([unit_id, *(c[0] for c in children)], cycle.as_of)
    return UnitReview(
        cycle=cycle,
        unit_id=unit_id,
        name=names.get(unit_id, str(unit_id)),
        subjects=subjects,
        children=[(u, names.get(u, str(u)), lvl, st) for u, lvl, st in children],
        show_levels=can_see_levels(actor, cycle, unit_id, tree),
        can_enter=can(actor, Action.SELF_ASSESS, UnitId(unit_id), tree, cycle.as_of),
    )


@dataclass(frozen=True, slots=True)
class SubjectPage:
    cycle: CycleData
    state: SubjectState
    proposal: Proposal
    highest_allowed: Level
    records: list[StepRecordData]
    show_levels: bool
    open_complaint: bool
    quota: QuotaView | None
    actions: list[str] = field(default_factory=list)

    @property
    def has_input(self) -> bool:
        """Whether anything was entered (a step taken or scores uploaded): before that the
        proposal would be computed from empty boxes, so none is shown."""
        return self.state.step > Step.OPENED or self.state.scores != Scores(
            led_units_kht=self.state.scores.led_units_kht,
            confidence_low=self.state.scores.confidence_low,
        )

    @property
    def shown_reasons(self) -> Sequence[Any]:
        return self.proposal.reasons if self.has_input else ()


def subject_page(actor: Actor, pk: int) -> SubjectPage:
    """One subject: the proposal with every reason and citation, the forms and next steps."""
    uow = DjangoClassificationUnitOfWork()
    state = steps.load_subject(uow, actor, SubjectPk(pk))
    cycle = load_cycle(uow, state.cycle_id)
    proposal = steps.proposal_for(uow, cycle, state)
    top, _why = steps.ceiling(proposal)
    lines = quota_lines(uow, state.cycle_id, state.group)
    return SubjectPage(
        cycle=cycle,
        state=state,
        proposal=proposal,
        highest_allowed=top,
        records=uow.records.of_subject(state.pk),
        show_levels=can_see_levels(actor, cycle, state.unit_id),
        open_complaint=uow.complaints.open_for(state.pk) is not None,
        quota=lines[0] if lines else None,
        actions=_actions(cycle, state),
    )


def _actions(cycle: CycleData, state: SubjectState) -> list[str]:
    if state.exemption:
        return []
    if cycle.status is CycleStatus.PUBLISHED:
        return ["complaint", "reclassification"] if state.step == Step.DECISION else []
    return [str(s) for s in SUBJECT_LIFECYCLE.steps if SUBJECT_LIFECYCLE.allows(state.step, s)]


@dataclass(frozen=True, slots=True)
class Stats:
    """The statistics form: subjects by kind and level, with shares of the classified."""

    cycle: CycleData
    unit_id: int
    name: str
    rows: list[dict[str, Any]]
    show_levels: bool


def _is_top(cycle: CycleData, unit_id: int) -> bool:
    """True for a unit directly under the cycle's root (a province in a national cycle)."""
    if cycle.cycle_id is None:
        return False
    parent = models.CycleSubject.objects.filter(
        cycle_id=int(cycle.cycle_id), unit_id=unit_id, kind="collective"
    ).values_list("parent_unit_id", flat=True)[:1]
    return list(parent) == [cycle.root_id]


def _subtree_counts(cycle: CycleData, unit_id: int) -> list[tuple[str, str, int]]:
    """Count a lower unit's subtree (a few thousand subjects at most) on the subject rows."""
    ids = unit_tree.subtree_ids(unit_id, cycle.as_of)
    marks = ",".join(["%s"] * len(ids))
    sql = (
        "SELECT kind, final_level, exemption <> '' AS exempt, COUNT(*) "  # noqa: S608
        f"FROM classification_cyclesubject WHERE cycle_id = %s AND unit_id IN ({marks}) "
        "GROUP BY kind, final_level, exempt"
    )
    with connection.cursor() as cur:
        cur.execute(sql, [cycle.cycle_id, *ids])
        return [
            (kind, "exempt" if exempt else "pending" if level is None else Level(level).code, n)
            for kind, level, exempt, n in cur.fetchall()
        ]


def statistics(actor: Actor, cycle_id: int, unit_id: int) -> Stats:
    """Counts per kind and final level in the unit's subtree.

    The whole cycle and a unit under its root (a province) read the cycle's summary
    (``LevelCount``, kept by every final-level write); a lower unit counts its subjects.
    """
    tree = CachedTree()
    cycle = access_cycle_unit(actor, cycle_id, unit_id, tree)
    if unit_id == cycle.root_id:
        found = level_counts.counts(cycle_id, None)
    elif _is_top(cycle, unit_id):
        found = level_counts.counts(cycle_id, unit_id)
    else:
        found = _subtree_counts(cycle, unit_id)
    counts: dict[str, Counter[str]] = {}
    for kind, state, n in found:
        counts.setdefault(kind, Counter())[state] += n
    name = unit_names([unit_id], cycle.as_of).get(unit_id, str(unit_id))
    rows = [_stats_row(kind, c) for kind, c in sorted(counts.items())]
    return Stats(cycle, unit_id, name, rows, can_see_levels(actor, cycle, unit_id, tree))


def _stats_row(kind: str, c: Counter[str]) -> dict[str, Any]:
    classified = sum(c[level.code] for level in LEVELS)
    row: dict[str, Any] = {"kind": kind, "total": sum(c.values()), "classified": classified}
    for level in LEVELS:
        n = c[level.code]
        row[level.code] = n
        row[f"{level.code}_pct"] = round(100 * n / classified, 1) if classified else 0.0
    row["pending"], row["exempt"] = c["pending"], c["exempt"]
    return row


@dataclass(frozen=True, slots=True)
class HistoryRow:
    year: int
    cycle_id: int
    cycle_name: str
    rulebook: str
    kind: str
    subject_pk: int
    final_level: Level | None
    version: int
    exemption: str


def history(
    actor: Actor, *, person_id: int | None = None, unit_id: int | None = None
) -> list[HistoryRow]:
    """A person's or a unit's results across years (history on the record page).

    Levels of cycles not yet published show only to those who take the steps.
    """
    q = Q(person_id=person_id) if person_id is not None else Q(unit_id=unit_id, kind="collective")
    rows = models.CycleSubject.objects.filter(q).select_related("cycle").order_by("-cycle__year")
    tree = DjangoTreeReader()
    out = []
    for s in rows[:50]:
        cycle = cycle_data(s.cycle)
        if not can(actor, Action.READ, UnitId(s.unit_id), tree, cycle.as_of):
            continue
        visible = can_see_levels(actor, cycle, s.unit_id)
        level = Level(s.final_level) if visible and s.final_level is not None else None
        out.append(
            HistoryRow(
                cycle.year,
                s.cycle_id,
                cycle.name,
                cycle.rulebook,
                s.kind,
                s.pk,
                level,
                s.version,
                s.exemption,
            )
        )
    return out


def today() -> dt.date:
    from canbo.core.clock import SystemClock

    return SystemClock().today()


@dataclass(frozen=True, slots=True)
class GroupPage:
    """A peer group over (or within) the quota, and its HTXS subjects to choose from (CL-13)."""

    cycle: CycleData
    line: QuotaView
    name: str
    htxs: list[SubjectState]
    show_levels: bool


def effective(s: SubjectState) -> Level | None:
    """Decided, else appraised, else proposed: the level the quota counts (CL-13)."""
    for level in (s.final_level, s.appraised_level, s.proposed_level):
        if level is not None:
            return level
    return None


def group_page(actor: Actor, cycle_id: int, group: str) -> GroupPage:
    access_cycle(actor, cycle_id)
    uow = DjangoClassificationUnitOfWork()
    lines = quota_lines(uow, CycleId(cycle_id), group)
    if not lines:
        raise NotFound("group_not_found", group=group)
    line = lines[0]
    cycle = access_cycle_unit(actor, cycle_id, line.group_unit_id)
    members = [
        s for s in uow.subjects.of_group(CycleId(cycle_id), group) if effective(s) is Level.HTXS
    ]
    name = unit_names([line.group_unit_id], cycle.as_of).get(line.group_unit_id, group)
    return GroupPage(cycle, line, name, members, can_see_levels(actor, cycle, line.group_unit_id))
