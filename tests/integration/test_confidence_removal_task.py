"""A confidence vote (QĐ 96) certified by its counting committee's last signature records, in
the same transaction, the mandatory removal task (PL-10) of each plan a band B or C person is
in: before the next yearly review, once, audited with the vote it comes from."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from canbo.audit.models import AuditEntry
from canbo.planning import models as pm
from canbo.registry.models import Title
from canbo.services.ports import SYSTEM
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as vote_svc
from canbo.voting.uow import DjangoVotingUnitOfWork as U

from .voting_builders import check_in, hall, open_vote

pytestmark = pytest.mark.django_db(transaction=True)

H, M, L = "high", "mid", "low"


def test_the_last_signature_makes_the_band_c_removal_task() -> None:
    h = hall()
    title, _ = Title.objects.get_or_create(
        code="PGD_SO", defaults={"name": "Phó Giám đốc Sở", "level": "provincial"}
    )
    plan = pm.Plan.objects.create(
        title=title, unit_id=h.unit, term_label="2026-2031", term_start=dt.date(2026, 7, 1),
        term_end=dt.date(2031, 6, 30), rulebook_id="QD377_2025", approved_on=dt.date(2026, 1, 15),
        approved_by_ref="QĐ 12-QĐ/TU",
    )  # fmt: skip
    first, _second, third = h.subjects
    entries = {
        pid: pm.PlanEntry.objects.create(
            plan=plan, person_id=pid, added_on=dt.date(2026, 2, 1), added_decision="QĐ 13"
        )
        for pid in (first, third)
    }
    codes = check_in(h, h.persons[:7])
    open_vote(h)
    for code in codes:  # the third subject is in band C, the first in none
        vote_svc.cast_ballot(U(), h.session, code, {int(first): H, int(_second): M, int(third): L})
    vote_svc.close_vote(U(), SYSTEM, h.session)
    c1, c2 = h.counters
    data = count_svc.count(U(), c1, h.session, h.shares)
    assert {p["person_id"]: p["band"] for p in data["persons"]}[int(third)] == "C"
    assert count_svc.sign(U(), c1, h.session) is False
    assert not pm.RemovalTask.objects.exists()  # not certified yet
    assert count_svc.sign(U(), c2, h.session) is True
    (task,) = pm.RemovalTask.objects.all()
    assert (task.entry_id, task.reason, task.rule, task.mandatory, task.done_on) == (
        entries[third].pk, "band_b", "PL-10", True, None,
    )  # fmt: skip
    audit = AuditEntry.objects.filter(action="planning.task.create").get()
    assert audit.actor_id == c2.account_id  # the signature that certified it
    assert json.loads(audit.details)["session"] == h.session
