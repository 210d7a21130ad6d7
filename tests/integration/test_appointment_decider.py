"""The decider named before the decision, on the database (SQLite and PostgreSQL): a decider
related to the candidate is flagged as soon as the clerk names them on the process page, the
decision is refused, the recusal is recorded, another decider is named and the decision passes;
the one who stood aside cannot sign."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from django.test import Client

from canbo.appointments import models as am
from canbo.appointments.control_repository import DjangoControlUnitOfWork
from canbo.appointments.uow import DjangoAppointmentsUnitOfWork as A
from canbo.audit.models import AuditEntry
from canbo.core.errors import RuleViolation
from canbo.registry import models as reg
from canbo.services.appointments import power, processes, reappointment
from canbo.services.appointments.ports import StepKindValue as K
from canbo.services.ports import SYSTEM

from .appointment_builders import ballot, convene, office
from .test_appointment_processes import _admin, _decision, _lift_failed

pytestmark = pytest.mark.django_db(transaction=True)


def test_related_decider_flagged_refused_recused_and_replaced() -> None:
    o = office(9)
    holder, related, other = o.people[0], o.people[7], o.people[8]
    today = dt.date(2026, 10, 1)
    reg.PositionHolding.objects.create(
        person_id=holder, title_id=o.title_id, unit_id=o.unit, how="appointed",
        valid_from=dt.date(2021, 12, 1), term_ends=dt.date(2026, 12, 1),
    )  # fmt: skip
    (pid,) = reappointment.open_due_cases(A(), SYSTEM, today)
    leaders = o.people[1:7]
    convene(pid, K.COLLECTIVE_VOTE, leaders, leaders, today)
    ballot(o, pid, K.COLLECTIVE_VOTE, [{int(holder): "agree"}] * 5 + [{int(holder): "disagree"}])
    processes.close_step(A(), SYSTEM, pid, K.COLLECTIVE_VOTE, today)
    decided = dt.date(2026, 11, 20)
    processes.receive_dossier(A(), SYSTEM, pid, today)
    rulebook = processes.rulebook_of(A().processes.get(pid))  # type: ignore[arg-type]
    for item in processes.dossier_items_required(rulebook):
        processes.verify_dossier_item(A(), SYSTEM, pid, holder, item, other, today)
    _lift_failed(pid, holder, decided)
    reg.Relative.objects.create(
        person_id=related, relation="spouse", linked_person_id=holder, declared_on=today
    )

    # The clerk names the intended decider on the process page: flagged at once (PC-10).
    client = Client()
    client.force_login(_admin())
    page = client.get(f"/bo-nhiem/{pid}/").content.decode()
    assert "data-decider-form" in page and "Chưa xác định người ký quyết định" in page
    posted = client.post(
        f"/bo-nhiem/{pid}/nguoi-quyet-dinh/",
        {"decider": f"id:{related}", "deciding_unit": f"id:{o.unit}"},
    )
    assert posted.status_code == 302
    row = am.AppointmentProcess.objects.get(pk=pid)
    assert (row.decider_id, row.deciding_unit_id) == (related, o.unit)
    (conflict,) = power.open_conflicts(DjangoControlUnitOfWork(), pid, decided)
    assert (conflict.participant.person_id, str(conflict.participant.role)) == (
        str(related), "decider",
    )  # fmt: skip
    page = client.get(f"/bo-nhiem/{pid}/").content.decode()
    name = reg.Person.objects.get(pk=related).full_name
    assert f"Người dự kiến ký quyết định: {name}" in page

    # The decision is refused while the related decider has not stood aside.
    with pytest.raises(RuleViolation) as err:
        processes.decide(A(), SYSTEM, pid, _decision(holder, related, decided), decided)
    assert err.value.code == "conflict_unresolved"
    assert not reg.PositionHolding.objects.filter(decision_ref="125-QĐ/ĐU").exists()

    # Recorded as standing aside; the one who stood aside cannot sign; another is named.
    power.record_recusal(
        DjangoControlUnitOfWork(), SYSTEM, pid, "", related, "recused", "", decided,
        role="decider",
    )  # fmt: skip
    with pytest.raises(RuleViolation) as err:
        processes.decide(A(), SYSTEM, pid, _decision(holder, related, decided), decided)
    assert err.value.code == "decider_recused"
    processes.set_decider(A(), SYSTEM, pid, other, o.unit, decided)
    assert not power.open_conflicts(DjangoControlUnitOfWork(), pid, decided)
    decision = dataclasses.replace(
        _decision(holder, other, decided), effective_on=dt.date(2026, 12, 2)
    )
    processes.decide(A(), SYSTEM, pid, decision, dt.date(2026, 12, 2))
    row.refresh_from_db()
    assert (row.status, row.decider_id, row.deciding_unit_id) == ("decided", other, o.unit)
    named = AuditEntry.objects.filter(action="appointment.decider").order_by("seq")
    assert [json.loads(e.details)["named_on"] for e in named][1:] == [str(decided)]
    assert named.count() == 2
