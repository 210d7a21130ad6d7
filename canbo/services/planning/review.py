"""The yearly review of a unit's plans (PL-06): who should leave, with the rule and its
citation, and who could join; applying it records one decision per change.

The reasons are the core's own planning checks run again on the review date (the same rules
that admitted the person): a band B or C confidence result (PL-10, mandatory: a removal task
is recorded the moment the review runs and is done only by a removal decision), a KHT year
(PL-06), discipline (PL-11), no longer enough working time (PL-08), a post no longer higher
than the one held (PL-02).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from canbo.core.appointments.eligibility import evaluate
from canbo.core.appointments.model import CandidateFacts, Check, Proposal, Purpose
from canbo.core.appointments.posts import PostCatalogue
from canbo.core.appointments.rulebooks import planning_rulebook
from canbo.core.errors import Citation, RuleViolation
from canbo.core.permissions import Action
from canbo.core.rulebook import Rulebook
from canbo.core.types import PersonId, UnitId
from canbo.services.access import access_unit, can, require
from canbo.services.ports import Actor

from .catalogue import catalogue, grade_or_none
from .facts import facts_and_sort_keys
from .plans import SpecialCase, add_to_plan, remove_from_plan
from .ports import EntryData, EntryId, PlanData, PlanId, PlanningUnitOfWork, RemovalReason

# The core's check keys that make a review propose a removal, and the reason they give.
REASONS: Mapping[str, RemovalReason] = {
    "confidence": RemovalReason.BAND_B,
    "classification": RemovalReason.NOT_COMPLETED,
    "discipline": RemovalReason.DISCIPLINE,
    "age_planning": RemovalReason.AGE,
    "planning_higher_post": RemovalReason.STANDARDS,
}
MANDATORY = frozenset({RemovalReason.BAND_B})  # PL-10
SUGGESTIONS_PER_PLAN = 5


@dataclass(frozen=True, slots=True)
class Removal:
    entry_id: EntryId
    plan_id: PlanId
    person_id: PersonId
    name: str
    reason: RemovalReason
    rule: str
    citation: Citation
    message_vi: str
    message_en: str
    mandatory: bool


@dataclass(frozen=True, slots=True)
class Addition:
    plan_id: PlanId
    person_id: PersonId
    name: str
    current_post: str


@dataclass(frozen=True, slots=True)
class PlanReview:
    plan: PlanData
    active: tuple[tuple[EntryData, str], ...]  # (entry, person's name)
    removals: tuple[Removal, ...]
    additions: tuple[Addition, ...]


@dataclass(frozen=True, slots=True)
class Review:
    unit_id: UnitId
    year: int
    on: dt.date
    rulebook_id: str
    plans: tuple[PlanReview, ...] = ()
    tasks_created: int = 0
    people_checked: int = field(default=0)

    @property
    def removals(self) -> tuple[Removal, ...]:
        return tuple(r for p in self.plans for r in p.removals)

    @property
    def additions(self) -> tuple[Addition, ...]:
        return tuple(a for p in self.plans for a in p.additions)


def _removal(entry: EntryData, name: str, failed: tuple[Check, ...]) -> Removal | None:
    """The weightiest reason among the failed checks (band B first: it is mandatory)."""
    ranked = [c for key in REASONS for c in failed if c.key == key]
    if not ranked:
        return None
    check = ranked[0]
    reason = REASONS[check.key]
    return Removal(
        entry.id,
        entry.plan_id,
        entry.person_id,
        name,
        reason,
        check.rule,
        check.citation,
        check.message_vi,
        check.message_en,
        reason in MANDATORY,
    )


def _proposal(
    plan: PlanData, cat: PostCatalogue, on: dt.date, entry: EntryData | None = None
) -> Proposal | None:
    """Planning for the plan's post on ``on``; a check the entry's special-case decision
    overrode (PC-12) stays overridden. None for a post the catalogue no longer grades."""
    post = grade_or_none(cat, plan.title.code)
    if post is None:
        return None
    overrides = {}
    if entry is not None and entry.special_case:
        text = str(entry.special_case.get("decision", ""))
        overrides = {str(c["key"]): text for c in entry.special_case.get("checks", ())}
    return Proposal(
        purpose=Purpose.PLANNING,
        decision_date=on,
        post=post,
        term_start=max(plan.term_start, on),
        overrides=overrides,
    )


def _failed(
    facts: CandidateFacts, proposal: Proposal | None, rulebook: Rulebook
) -> tuple[Check, ...]:
    return evaluate(facts, proposal, rulebook).failed if proposal is not None else ()


def yearly_review(
    uow: PlanningUnitOfWork,
    actor: Actor,
    unit_id: UnitId,
    year: int,
    on: dt.date,
    *,
    record_tasks: bool = True,
    suggest: bool = True,
) -> Review:
    """Review every plan of the unit's subtree on ``on`` (the review of ``year``).

    With ``record_tasks`` and write access, each mandatory removal (band B, PL-10) gets its
    removal task now (one audit entry per task); a task exists once, whoever runs the review.
    """
    access_unit(actor, unit_id, uow.tree, on)
    require(actor, Action.READ, unit_id, uow.tree, on)
    rulebook = planning_rulebook(on)
    cat = catalogue(uow, on)
    plans = uow.plans.of_subtree(unit_id, on)
    entries = [e for e in uow.plans.entries([p.id for p in plans]) if e.active_on(on)]
    holders = uow.registry.holders({p.unit_id for p in plans}, on) if suggest else []
    ids = {e.person_id for e in entries} | {pid for _u, pid in holders}
    known = facts_and_sort_keys(uow, ids, on, cat)
    facts = {pid: pair[0] for pid, pair in known.items()}
    keys = {pid: pair[1] for pid, pair in known.items()}
    by_plan: dict[PlanId, list[EntryData]] = {}
    for entry in entries:
        by_plan.setdefault(entry.plan_id, []).append(entry)
    holders_of: dict[UnitId, list[PersonId]] = {}
    for unit, pid in holders:
        holders_of.setdefault(unit, []).append(pid)
    max_per_post = int(str(rulebook.param("pl_max_per_post")))
    out: list[PlanReview] = []
    for plan in plans:
        mine = by_plan.get(plan.id, [])
        proposal = _proposal(plan, cat, on)
        removals: list[Removal] = []
        active: list[tuple[EntryData, str]] = []
        order: dict[EntryId, str] = {}
        for entry in mine:
            f = facts.get(entry.person_id)
            name = f.name if f else str(entry.person_id)
            active.append((entry, name))
            order[entry.id] = keys.get(entry.person_id, "")
            if f is None:
                continue
            own = _proposal(plan, cat, on, entry) if entry.special_case else proposal
            found = _removal(entry, name, _failed(f, own, rulebook))
            if found is not None:
                removals.append(found)
        additions: list[Addition] = []
        room = max_per_post - len(mine) + len(removals)
        if suggest and room > 0:
            planned = {e.person_id for e in mine}
            for pid in holders_of.get(plan.unit_id, []):
                f = facts.get(pid)
                if f is None or pid in planned or f.current_post is None:
                    continue
                if proposal is None or _failed(f, proposal, rulebook):
                    continue
                additions.append(Addition(plan.id, pid, f.name, f.current_post.name))
            additions.sort(key=lambda a: keys.get(a.person_id, ""))
            additions = additions[:SUGGESTIONS_PER_PLAN]
        active.sort(key=lambda pair: order[pair[0].id])
        out.append(PlanReview(plan, tuple(active), tuple(removals), tuple(additions)))
    created = 0
    if record_tasks and can(actor, Action.WRITE_RECORDS, unit_id, uow.tree, on):
        created = record_mandatory_tasks(uow, actor, [r for p in out for r in p.removals], on)
    return Review(unit_id, year, on, rulebook.id, tuple(out), created, len(facts))


def record_mandatory_tasks(
    uow: PlanningUnitOfWork, actor: Actor, removals: list[Removal], on: dt.date
) -> int:
    """Record the removal task of each mandatory removal that has none yet (PL-10)."""
    wanted = [r for r in removals if r.mandatory]
    if not wanted:
        return 0
    created = 0
    with uow:
        have = {(t.entry_id, t.reason) for t in uow.plans.tasks([r.entry_id for r in wanted])}
        for removal in wanted:
            if (removal.entry_id, removal.reason.value) in have:
                continue
            task_id = uow.plans.add_task(
                removal.entry_id, removal.reason.value, removal.rule, on, True
            )
            uow.audit.append(
                actor,
                "planning.task.create",
                "removal_task",
                str(task_id),
                None,
                {
                    "entry_id": removal.entry_id,
                    "person_id": removal.person_id,
                    "reason": removal.reason.value,
                    "rule": removal.rule,
                    "mandatory": True,
                },
            )
            created += 1
        uow.commit()
    return created


def apply_review(
    uow: PlanningUnitOfWork,
    actor: Actor,
    unit_id: UnitId,
    year: int,
    on: dt.date,
    *,
    removals: Mapping[EntryId, str],
    additions: Mapping[tuple[PlanId, PersonId], str] | None = None,
    special_cases: Mapping[tuple[PlanId, PersonId], SpecialCase] | None = None,
) -> tuple[int, int]:
    """Apply the clerk's choices: each removal and each addition with its decision record.

    A mandatory removal (band B, PL-10) cannot be skipped: the whole application is refused
    (``mandatory_removal_skipped``) until its decision is given. All or nothing: a refused
    addition leaves nothing applied. Returns (removed, added).
    """
    access_unit(actor, unit_id, uow.tree, on, write=True)
    require(actor, Action.WRITE_RECORDS, unit_id, uow.tree, on)
    with uow:
        review = yearly_review(uow, actor, unit_id, year, on, suggest=False)
        proposed = {r.entry_id: r for r in review.removals}
        skipped = [r for r in review.removals if r.mandatory and not removals.get(r.entry_id)]
        if skipped:
            first = skipped[0]
            raise RuleViolation(
                "mandatory_removal_skipped",
                citation=first.citation,
                field="removal",
                person=first.name,
                rule=first.rule,
            )
        removed = added = 0
        for entry_id, decision in removals.items():
            if not decision.strip():
                continue
            found = proposed.get(entry_id)
            reason = found.reason if found else RemovalReason.OTHER
            note = found.message_vi if found else ""
            remove_from_plan(
                uow, actor, entry_id, on=on, reason=reason, decision=decision, note=note[:255]
            )
            removed += 1
        for (plan_id, person_id), decision in (additions or {}).items():
            if not decision.strip():
                continue
            case = (special_cases or {}).get((plan_id, person_id))
            add_to_plan(uow, actor, plan_id, person_id, on=on, decision=decision, special_case=case)
            added += 1
        uow.commit()
    return removed, added
