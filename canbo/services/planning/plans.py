"""Plans per post and term and the people in them (PL-01..PL-05, PL-08, PL-11, PC-12).

Adding a person asks the core: ``eligibility.evaluate`` for the person (PL-02 higher post,
PL-08 age, PL-11 discipline, PL-10 band, PL-06 a KHT year, AP-19 complaints) and
``planning_limits`` for the plan (PL-03 three per post, PL-04 three posts per person at one
level, PL-05 not with an appointment proposal). A failed check refuses the addition with its
rule and citation unless a special-case decision of the competent level is recorded (PC-12):
its number, body and reason are kept on the entry and shown wherever the entry is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from canbo.core.appointments.eligibility import evaluate, planning_limits
from canbo.core.appointments.model import Check, Eligibility, Proposal, Purpose
from canbo.core.appointments.rulebooks import planning_rulebook
from canbo.core.errors import Conflict, NotFound, RuleViolation, ValidationError
from canbo.core.permissions import Action
from canbo.core.types import PersonId, UnitId
from canbo.services.access import access_unit, require
from canbo.services.ports import Actor

from .catalogue import catalogue
from .facts import candidate_facts_many
from .ports import EntryData, EntryId, NewPlan, PlanData, PlanId, PlanningUnitOfWork, RemovalReason


@dataclass(frozen=True, slots=True)
class SpecialCase:
    """The competent level's special-case decision that lets failed checks pass (PC-12)."""

    decision: str
    body: str
    reason: str

    def text(self) -> str:
        return f"{self.decision} ({self.body}): {self.reason}"


def load_plan(uow: PlanningUnitOfWork, actor: Actor, plan_id: PlanId, on: dt.date) -> PlanData:
    plan = uow.plans.get(plan_id)
    if plan is None:
        raise NotFound("plan_not_found", plan_id=plan_id)
    access_unit(actor, plan.unit_id, uow.tree, on)
    return plan


def create_plan(
    uow: PlanningUnitOfWork,
    actor: Actor,
    *,
    title_id: int,
    unit_id: UnitId,
    term_label: str,
    term_start: dt.date,
    term_end: dt.date,
    approved_on: dt.date,
    approved_by_ref: str,
) -> PlanId:
    """A plan of one post of a unit for one term, approved by a decision (PL-01)."""
    access_unit(actor, unit_id, uow.tree, approved_on, write=True)
    require(actor, Action.WRITE_RECORDS, unit_id, uow.tree, approved_on)
    if term_end <= term_start:
        raise ValidationError("out_of_range", field="term_end", value=term_end.isoformat())
    if not approved_by_ref.strip():
        raise ValidationError("required", field="approved_by_ref")
    rulebook = planning_rulebook(approved_on)
    with uow:
        title = uow.registry.title(title_id)
        if title is None:
            raise NotFound("record_not_found", field="title", value=title_id)
        catalogue(uow, approved_on).grade_of(title.code)  # AP-20: only catalogued posts
        if uow.plans.find(title_id, unit_id, term_label.strip()) is not None:
            raise Conflict("plan_exists", field="term_label", term=term_label)
        plan_id = uow.plans.add(
            NewPlan(
                title_id,
                unit_id,
                term_label.strip(),
                term_start,
                term_end,
                rulebook.id,
                approved_on,
                approved_by_ref.strip(),
            )
        )
        uow.audit.append(
            actor,
            "planning.plan.create",
            "plan",
            str(plan_id),
            None,
            {
                "title": title.code,
                "unit_id": unit_id,
                "term": term_label,
                "rulebook": rulebook.id,
                "approved_on": approved_on.isoformat(),
                "decision": approved_by_ref,
            },
        )
        uow.commit()
    return plan_id


def assess(
    uow: PlanningUnitOfWork,
    plan: PlanData,
    person_id: PersonId,
    on: dt.date,
    overrides: Mapping[str, str] | None = None,
) -> Eligibility:
    """The person's eligibility for the plan on ``on``, rule by rule, the plan's limits
    included (read only; the pages show it before anyone decides)."""
    rulebook = planning_rulebook(on)
    cat = catalogue(uow, on)
    post = cat.grade_of(plan.title.code)
    facts = candidate_facts_many(uow, [person_id], on, cat=cat).get(person_id)
    if facts is None:
        raise NotFound("person_not_found", person_id=person_id)
    overrides = dict(overrides or {})
    proposal = Proposal(
        purpose=Purpose.PLANNING,
        decision_date=on,
        post=post,
        term_start=max(plan.term_start, on),
        overrides=overrides,
    )
    result = evaluate(facts, proposal, rulebook)
    limits = planning_limits(
        str(person_id),
        post,
        plans_of_post=_active_in_plan(uow, plan.id, on, exclude=person_id),
        plans_of_person_same_level=_posts_at_level(uow, plan, person_id, on),
        in_appointment_process=person_id in uow.appointments.in_open_process([person_id], on),
        rulebook=rulebook,
        name=facts.name,
    )
    limits = tuple(
        dataclasses.replace(c, overridden_by=overrides[c.key])
        if not c.ok and c.key in overrides
        else c
        for c in limits
    )
    return dataclasses.replace(result, checks=result.checks + limits)


def _active_in_plan(
    uow: PlanningUnitOfWork, plan_id: PlanId, on: dt.date, exclude: PersonId
) -> int:
    return sum(
        1 for e in uow.plans.entries([plan_id]) if e.active_on(on) and e.person_id != exclude
    )


def _posts_at_level(
    uow: PlanningUnitOfWork, plan: PlanData, person_id: PersonId, on: dt.date
) -> int:
    mine = [e for e in uow.plans.entries_of_people([person_id]) if e.active_on(on)]
    count = 0
    for entry in mine:
        if entry.plan_id == plan.id:
            continue
        other = uow.plans.get(entry.plan_id)
        if other is not None and other.title.level == plan.title.level:
            count += 1
    return count


def refusal(eligibility: Eligibility) -> RuleViolation:
    """The refusal naming every failed rule with its citation."""
    failed = eligibility.failed
    first = failed[0]
    vi = "; ".join(f"{c.message_vi} ({c.citation})" for c in failed)
    en = "; ".join(f"{c.message_en} ({c.citation})" for c in failed)
    return RuleViolation(
        "planning_ineligible",
        citation=first.citation,
        message_vi=f"Không đủ điều kiện đưa vào quy hoạch: {vi}",
        message_en=f"Not eligible for planning: {en}",
        rule=first.rule,
        rules=[c.rule for c in failed],
        person_id=eligibility.person_id,
    )


def add_to_plan(
    uow: PlanningUnitOfWork,
    actor: Actor,
    plan_id: PlanId,
    person_id: PersonId,
    *,
    on: dt.date,
    decision: str,
    special_case: SpecialCase | None = None,
) -> EntryId:
    """Add a person to a plan by a dated decision; refused with the failed rules unless a
    special-case decision is recorded (PC-12), which then covers exactly the failed checks."""
    if not decision.strip():
        raise ValidationError("required", field="decision")
    with uow:
        plan = load_plan(uow, actor, plan_id, on)
        require(actor, Action.WRITE_RECORDS, plan.unit_id, uow.tree, on)
        if on < plan.approved_on:
            raise ValidationError("out_of_range", field="on", value=on.isoformat())
        if any(e.person_id == person_id and e.active_on(on) for e in uow.plans.entries([plan_id])):
            raise Conflict("already_in_plan", field="person", person_id=person_id)
        found = assess(uow, plan, person_id, on)
        overridden: list[Check] = []
        if not found.eligible:
            if special_case is None or not all(
                (
                    special_case.decision.strip(),
                    special_case.body.strip(),
                    special_case.reason.strip(),
                )
            ):
                raise refusal(found)
            overridden = list(found.failed)
            text = special_case.text()
            found = assess(uow, plan, person_id, on, {c.key: text for c in overridden})
            if not found.eligible:  # a check failing only once others are overridden
                raise refusal(found)
        special: dict[str, Any] = {}
        if special_case is not None and overridden:
            special = {
                "decision": special_case.decision,
                "body": special_case.body,
                "reason": special_case.reason,
                "checks": [{"key": c.key, "rule": c.rule} for c in overridden],
            }
        entry_id = uow.plans.add_entry(plan_id, person_id, on, decision.strip(), special)
        uow.audit.append(
            actor,
            "planning.entry.add",
            "plan_entry",
            str(entry_id),
            None,
            {
                "plan_id": plan_id,
                "person_id": person_id,
                "on": on.isoformat(),
                "decision": decision,
                "rulebook": plan.rulebook_id,
                "special_case": special,
                "warnings": [c.rule for c in found.checks if not c.ok and c.passes()],
            },
        )
        uow.commit()
    return entry_id


def remove_from_plan(
    uow: PlanningUnitOfWork,
    actor: Actor,
    entry_id: EntryId,
    *,
    on: dt.date,
    reason: RemovalReason,
    decision: str,
    note: str = "",
) -> None:
    """Take a person out of a plan by a dated decision with its reason (PL-06); closes the
    entry's open removal tasks (a mandatory band-B task is done only this way, PL-10)."""
    if not decision.strip():
        raise ValidationError("required", field="decision")
    with uow:
        entry = _load_entry(uow, actor, entry_id, on)
        if entry.removed_on is not None:
            raise Conflict("already_removed", field="entry", entry_id=entry_id)
        if on < entry.added_on:
            raise ValidationError("out_of_range", field="on", value=on.isoformat())
        uow.plans.remove_entry(entry_id, on, reason.value, decision.strip(), note.strip())
        uow.plans.close_tasks(entry_id, on)
        uow.audit.append(
            actor,
            "planning.entry.remove",
            "plan_entry",
            str(entry_id),
            {"removed_on": None},
            {
                "plan_id": entry.plan_id,
                "person_id": entry.person_id,
                "removed_on": on.isoformat(),
                "reason": reason.value,
                "decision": decision,
                "note": note,
            },
        )
        uow.commit()


def _load_entry(uow: PlanningUnitOfWork, actor: Actor, entry_id: EntryId, on: dt.date) -> EntryData:
    entry = uow.plans.entry(entry_id)
    if entry is None:
        raise NotFound("plan_entry_not_found", entry_id=entry_id)
    plan = load_plan(uow, actor, entry.plan_id, on)
    require(actor, Action.WRITE_RECORDS, plan.unit_id, uow.tree, on)
    return entry
