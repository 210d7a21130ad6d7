"""A certified band B or C confidence result records the mandatory removal task of each plan
the person is in (PL-10) at once, once per entry, audited; the review adds no second one."""

from __future__ import annotations

import dataclasses
import datetime as dt

from canbo.core.types import PersonId
from canbo.services.planning import confidence, review
from canbo.services.ports import SYSTEM
from tests.fakes.planning import FakePlanningUnitOfWork
from tests.unit.services import test_planning as base
from tests.unit.services.test_planning import CLERK, PROVINCE, add, new_plan

uow = base.uow  # the fixture: the planning world of the use-case tests

VOTED = dt.date(2026, 9, 1)
LATER = dt.date(2026, 9, 10)


def certify(u: FakePlanningUnitOfWork, *pids: int) -> int:
    return confidence.record_confidence_tasks(
        u, SYSTEM, [PersonId(p) for p in pids], LATER, session_id=7, version=1
    )


def test_band_b_certified_makes_the_task_once_and_audits_it(uow: FakePlanningUnitOfWork) -> None:
    plan = new_plan(uow)
    add(uow, plan, 10)
    add(uow, plan, 13)
    rec = uow.registry.people[PersonId(10)]
    uow.registry.people[PersonId(10)] = dataclasses.replace(rec, bands=(("B", VOTED),))
    assert certify(uow, 10, 13) == 1  # Dung has no band: nothing for her
    (task,) = uow.plans.task_rows.values()
    assert (task.reason, task.rule, task.mandatory, task.created_on) == (
        "band_b", "PL-10", True, LATER,
    )  # fmt: skip
    entry = uow.audit.entries[-1]
    assert entry.action == "planning.task.create"
    assert entry.details == {"source": "vote.certified", "session": 7, "version": 1}
    assert certify(uow, 10) == 0  # a second certification (a corrected version) adds none
    found = review.yearly_review(uow, CLERK, PROVINCE, 2026, LATER)
    assert found.tasks_created == 0 and [r.person_id for r in found.removals] == [10]


def test_band_c_counts_too_and_a_later_band_none_vote_does_not(
    uow: FakePlanningUnitOfWork,
) -> None:
    plan = new_plan(uow)
    add(uow, plan, 10)
    add(uow, plan, 13)
    for pid, bands in (
        (10, (("C", VOTED),)),
        (13, (("B", dt.date(2026, 3, 1)), ("none", VOTED))),
    ):
        rec = uow.registry.people[PersonId(pid)]
        uow.registry.people[PersonId(pid)] = dataclasses.replace(rec, bands=bands)
    assert certify(uow, 10, 13) == 1
    assert [t.entry_id for t in uow.plans.task_rows.values()] == [
        e.id for e in uow.plans.rows.values() if e.person_id == PersonId(10)
    ]


def test_nobody_in_a_plan_records_nothing(uow: FakePlanningUnitOfWork) -> None:
    before = len(uow.audit.entries)
    assert certify(uow, 11) == 0
    assert len(uow.audit.entries) == before and not uow.plans.task_rows
