"""A certified confidence result with band B or C (QĐ 96) and the plans of the people it names
(PL-10): the mandatory removal task exists from the certification, not from the next yearly
review.

The voting context certifies the result; it sits below planning and knows nothing of plans, so
the planning app registers :func:`record_confidence_tasks` as a hook of the voting app
(``canbo.voting.certifications``), run in the certification's transaction. For every plan entry
of the people named, active on the day, whose planning checks now fail on the confidence rule
(the core's ``confidence`` check, PL-10, unless a special-case decision lifted it), one removal
task is recorded, once per entry and reason (the yearly review finds it and adds none), with
one audit entry naming the certified vote.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from canbo.core.appointments.rulebooks import planning_rulebook
from canbo.core.errors import DomainError
from canbo.core.types import PersonId
from canbo.services.ports import Actor

from .catalogue import catalogue
from .facts import candidate_facts_many
from .ports import PlanningUnitOfWork, RemovalReason
from .review import _failed, _proposal

CONFIDENCE_KEY = "confidence"


def record_confidence_tasks(
    uow: PlanningUnitOfWork,
    actor: Actor,
    person_ids: Iterable[PersonId],
    on: dt.date,
    *,
    session_id: int,
    version: int,
) -> int:
    """Record the mandatory removal task (PL-10) of every active plan entry of these people
    whose confidence check fails on ``on``; idempotent (one task per entry and reason).
    Returns how many tasks were created. Planning before its rulebooks is left alone."""
    people = list(dict.fromkeys(person_ids))
    if not people:
        return 0
    try:
        rulebook = planning_rulebook(on)
    except DomainError:
        return 0  # planning before 27/12/2021 is not covered
    created = 0
    with uow:
        entries = [e for e in uow.plans.entries_of_people(people) if e.active_on(on)]
        if not entries:
            uow.commit()  # nothing written; inside the certification's block
            return 0
        cat = catalogue(uow, on)
        facts = candidate_facts_many(uow, {e.person_id for e in entries}, on, cat=cat)
        have = {(t.entry_id, t.reason) for t in uow.plans.tasks([e.id for e in entries])}
        reason = RemovalReason.BAND_B
        for entry in entries:
            f = facts.get(entry.person_id)
            plan = uow.plans.get(entry.plan_id)
            if f is None or plan is None or (entry.id, reason.value) in have:
                continue
            failed = [
                c
                for c in _failed(f, _proposal(plan, cat, on, entry), rulebook)
                if c.key == CONFIDENCE_KEY
            ]
            if not failed:
                continue
            rule = failed[0].rule
            task_id = uow.plans.add_task(entry.id, reason.value, rule, on, True)
            have.add((entry.id, reason.value))
            uow.audit.append(
                actor,
                "planning.task.create",
                "removal_task",
                str(task_id),
                None,
                {
                    "entry_id": entry.id,
                    "person_id": entry.person_id,
                    "reason": reason.value,
                    "rule": rule,
                    "mandatory": True,
                },
                {"source": "vote.certified", "session": session_id, "version": version},
            )
            created += 1
        uow.commit()
    return created
