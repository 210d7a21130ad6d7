"""Appointment processes on the database (SQLite and PostgreSQL): the five in-place steps with
their ballots cast through the voting engine, step 2 sealed until step 3, a step out of order
and a ballot without quorum refused, a decision refused for an unverified dossier, then decided
with the registry post and its term end; the outside-source procedure; the reappointment
timer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.test import Client

from canbo import refusals
from canbo.appointments import models as am
from canbo.appointments.control_repository import DjangoControlUnitOfWork
from canbo.appointments.uow import DjangoAppointmentsUnitOfWork as A
from canbo.audit.models import AuditEntry
from canbo.core.appointments import terms
from canbo.core.errors import RuleViolation
from canbo.core.types import PersonId
from canbo.registry import models as reg
from canbo.services.appointments import power, processes, reappointment
from canbo.services.appointments.ports import (
    OverrideData,
    ProcessKind,
    ProcessStatus,
)
from canbo.services.appointments.ports import (
    StepKindValue as K,
)
from canbo.services.ports import SYSTEM

from .appointment_builders import START, ballot, convene, office, open_in_place, strike_all_but

pytestmark = pytest.mark.django_db(transaction=True)

DAY = dt.timedelta(days=1)


def _decision(person: PersonId, decider: PersonId, on: dt.date) -> processes.DecisionData:
    return processes.DecisionData(
        person_id=person,
        decision_ref="125-QĐ/ĐU",
        decided_on=on,
        signed_on=on,
        effective_on=on,
        decider_id=decider,
        decider_level="commune",
    )


def _lift_failed(pid: int, person: PersonId, on: dt.date, keep: str = "") -> None:
    """Record a special-case decision for every failed condition except ``keep``."""
    found = processes.conditions(A(), SYSTEM, pid, on)[person]  # type: ignore[arg-type]
    for check in found.failed:
        if check.key == keep:
            continue
        processes.record_override(
            A(),
            SYSTEM,
            OverrideData(
                pid, person, check.key, check.rule, "12-QĐ/TU", "Ban Thường vụ Tỉnh ủy",  # type: ignore[arg-type]
                "Trường hợp đặc biệt do yêu cầu công tác cán bộ", on,
            ),
        )  # fmt: skip


def test_five_steps_in_place_with_ballots_sealed_step_and_decision() -> None:
    o = office()
    a, b, c = o.people[:3]
    leaders = o.people[3:9]
    wider = o.people[:11]
    pid = open_in_place(o, [a, b, c])
    day = START + 2 * DAY

    # A step out of order is refused (AP-11) and nothing is convened.
    with pytest.raises(RuleViolation) as err:
        processes.convene_step(A(), SYSTEM, pid, K.WIDER, wider, day)
    assert err.value.code == "step_out_of_order"
    assert am.ProcessStep.objects.filter(process_id=pid, conference__isnull=False).count() == 0

    # Step 1: the leadership collective, no ballot; closing needs the quorum.
    convene(pid, K.LEADERSHIP_FIRST, leaders, leaders[:5], day)
    processes.close_step(A(), SYSTEM, pid, K.LEADERSHIP_FIRST, day)

    # Step 2: the wider meeting; only 7 of 11 present is not more than 2/3: no ballot.
    convene(pid, K.WIDER, wider, wider[:7], day + DAY)
    with pytest.raises(RuleViolation) as err:
        processes.open_ballot(A(), SYSTEM, pid, K.WIDER)
    assert err.value.code == "appointment_no_quorum"
    step2 = am.ProcessStep.objects.get(process_id=pid, kind=K.WIDER)
    assert step2.session_id is None
    from canbo.conferences.models import Site
    from canbo.services.voting import conferences as conf_svc
    from canbo.voting.uow import DjangoVotingUnitOfWork as V

    site = Site.objects.get(conference_id=step2.conference_id).pk
    for p in wider[7:10]:
        conf_svc.check_in(V(), SYSTEM, site, person_id=p)  # type: ignore[arg-type]
    marks = [strike_all_but(a, [a, b, c])] * 6 + [strike_all_but(b, [a, b, c])] * 4
    ballot(o, pid, K.WIDER, marks)
    processes.close_step(A(), SYSTEM, pid, K.WIDER, day + DAY)

    # Sealed (AP-13): stored, but not on the process page before step 3 is convened.
    step2.refresh_from_db()
    assert step2.outcome is not None and step2.sealed
    client = Client()
    client.force_login(_admin())
    page = client.get(f"/bo-nhiem/{pid}/").content.decode()
    wider_block = page.split('data-step="wider"')[1].split("data-step=")[0]
    assert "data-sealed" in wider_block and "data-outcome" not in wider_block
    rows = A().processes.steps(pid)  # type: ignore[arg-type]
    assert processes.visible_outcome(rows, rows[1]) is None
    # ... nor on the vote session's own page (its tally is sealed too).
    assert step2.session_id is not None
    session_page = client.get(f"/bo-phieu/{step2.session_id}/").content.decode()
    assert "data-sealed" in session_page and 'data-figure="valid"' not in session_page

    # Step 3: leadership nominates; the seal lifts once it is convened.
    convene(pid, K.LEADERSHIP_NOMINATE, leaders, leaders, day + 2 * DAY)
    rows = A().processes.steps(pid)  # type: ignore[arg-type]
    assert processes.visible_outcome(rows, rows[1]) is not None
    session_page = client.get(f"/bo-phieu/{step2.session_id}/").content.decode()
    assert "data-sealed" not in session_page and 'data-figure="valid"' in session_page
    # Step 2 carried the names with votes (c had none).
    assert set(
        am.ProcessCandidate.objects.filter(process_id=pid, active=True).values_list(
            "person_id", flat=True
        )
    ) == {a, b}
    marks = [strike_all_but(a, [a, b])] * 4 + [strike_all_but(b, [a, b])] * 2
    ballot(o, pid, K.LEADERSHIP_NOMINATE, marks)
    out3 = processes.close_step(A(), SYSTEM, pid, K.LEADERSHIP_NOMINATE, day + 2 * DAY)
    assert out3["status"] == "selected" and out3["carried"] == [str(a)]
    assert list(
        am.ProcessCandidate.objects.filter(process_id=pid, active=True).values_list(
            "person_id", flat=True
        )
    ) == [a]

    # Step 4: key cadres' opinion; step 5: the leadership decides.
    convene(pid, K.KEY_CADRES, wider, wider[:10], day + 3 * DAY)
    ballot(o, pid, K.KEY_CADRES, [{int(a): "agree"}] * 8 + [{int(a): "disagree"}] * 2)
    processes.close_step(A(), SYSTEM, pid, K.KEY_CADRES, day + 3 * DAY)
    convene(pid, K.LEADERSHIP_DECIDE, leaders, leaders, day + 4 * DAY)
    ballot(o, pid, K.LEADERSHIP_DECIDE, [{int(a): "agree"}] * 5 + [{int(a): "disagree"}])
    out5 = processes.close_step(A(), SYSTEM, pid, K.LEADERSHIP_DECIDE, day + 4 * DAY)
    assert out5["status"] == "selected"
    assert am.AppointmentProcess.objects.get(pk=pid).status == ProcessStatus.READY
    page = client.get(f"/bo-nhiem/{pid}/").content.decode()
    assert "data-decide" in page and "data-conditions" in page and "data-control-panel" in page

    # The decision: refused while the dossier is unverified (AP-04), nothing stored.
    decided = day + 10 * DAY
    processes.receive_dossier(A(), SYSTEM, pid, day + 5 * DAY)
    _lift_failed(pid, a, decided, keep="dossier")
    with pytest.raises(RuleViolation) as err:
        processes.decide(A(), SYSTEM, pid, _decision(a, o.people[-1], decided), decided)
    assert err.value.code == "appointment_ineligible"
    assert err.value.fields["check"] == "dossier"
    vi, en = refusals.bilingual(err.value)
    assert vi.startswith("Chưa đủ điều kiện bổ nhiệm: ") and en.startswith("Not eligible")
    assert not reg.PositionHolding.objects.filter(person_id=a, decision_ref="125-QĐ/ĐU").exists()
    assert am.AppointmentProcess.objects.get(pk=pid).status == ProcessStatus.READY

    # A decider without the authority over the post is refused (AP-10).
    rulebook = processes.rulebook_of(A().processes.get(pid))  # type: ignore[arg-type, arg-type]
    for item in processes.dossier_items_required(rulebook):
        processes.verify_dossier_item(A(), SYSTEM, pid, a, item, o.people[-2], day + 6 * DAY)  # type: ignore[arg-type]
    _lift_failed(pid, a, decided)
    wrong = dataclasses.replace(_decision(a, o.people[-1], decided), decider_level="provincial")
    with pytest.raises(RuleViolation) as err:
        processes.decide(A(), SYSTEM, pid, wrong, decided)
    assert err.value.code == "appointment_decider_without_authority"

    # The proposer is the candidate's sibling (declared in the registry): refused until a
    # recusal or a reasoned override is recorded (PC-10); nothing is stored meanwhile.
    reg.Relative.objects.create(
        person_id=o.people[-1], relation="sibling", linked_person_id=a, declared_on=START
    )
    with pytest.raises(RuleViolation) as err:
        processes.decide(A(), SYSTEM, pid, _decision(a, o.people[-1], decided), decided)
    assert err.value.code == "conflict_unresolved"
    assert not reg.PositionHolding.objects.filter(person_id=a, decision_ref="125-QĐ/ĐU").exists()
    assert am.AppointmentProcess.objects.get(pk=pid).decider_id is None
    power.record_recusal(
        DjangoControlUnitOfWork(), SYSTEM, pid, "", o.people[-1], "overridden",
        "Cấp trên cho phép, có ý kiến bằng văn bản", decided, role="proposer",
    )  # fmt: skip

    position = processes.decide(A(), SYSTEM, pid, _decision(a, o.people[-2], decided), decided)
    holding = reg.PositionHolding.objects.get(pk=position)
    assert holding.person_id == a and holding.term_ends == terms.term_end(decided)
    row = am.AppointmentProcess.objects.get(pk=pid)
    assert row.status == ProcessStatus.DECIDED and row.term_ends == holding.term_ends
    entry = AuditEntry.objects.filter(action="appointment.decide").get()
    assert client.get("/bo-nhiem/").status_code == 200
    assert "data-decide" not in client.get(f"/bo-nhiem/{pid}/").content.decode()
    details = json.loads(entry.details)
    assert details["voters"] == 11 and details["proposer"] == o.people[-1]
    assert details["decider"] == o.people[-2] and details["appraiser"] == o.people[-2]
    assert details["decided_on"] == str(decided) and "ballots" not in details


def test_a_dossier_received_after_the_decision_is_refused() -> None:
    o = office(6)
    pid = open_in_place(o, o.people[:1])
    row = am.AppointmentProcess.objects.get(pk=pid)
    am.ProcessStep.objects.filter(process_id=pid).update(status="closed")
    row.status = "ready"
    row.dossier_received_on = START + 30 * DAY
    row.save()
    with pytest.raises(RuleViolation) as err:
        processes.decide(
            A(),
            SYSTEM,
            pid,
            _decision(o.people[0], o.people[-1], START + 20 * DAY),
            START + 20 * DAY,
        )
    assert err.value.code == "appointment_dossier_after_decision"


def test_outside_source_follows_the_three_state_steps() -> None:
    o = office(9)
    outsider = o.people[0]
    pid = open_in_place(o, [outsider], kind=ProcessKind.OUTSIDE)
    kinds = list(am.ProcessStep.objects.filter(process_id=pid).values_list("kind", flat=True))
    assert kinds == [K.RECEIVING_TALKS, K.SENDING_VOTE, K.REPORT]
    assert am.ProcessCandidate.objects.get(process_id=pid).source == "outside"
    leaders = o.people[1:7]
    day = START + DAY
    convene(pid, K.RECEIVING_TALKS, leaders, leaders, day)
    processes.close_step(A(), SYSTEM, pid, K.RECEIVING_TALKS, day)
    convene(pid, K.SENDING_VOTE, leaders, leaders, day + DAY)
    ballot(o, pid, K.SENDING_VOTE, [{int(outsider): "agree"}] * 5 + [{int(outsider): "disagree"}])
    out = processes.close_step(A(), SYSTEM, pid, K.SENDING_VOTE, day + DAY)
    assert out["status"] == "selected"
    convene(pid, K.REPORT, leaders[:3], leaders[:3], day + 2 * DAY)
    processes.close_step(A(), SYSTEM, pid, K.REPORT, day + 2 * DAY)
    assert am.AppointmentProcess.objects.get(pk=pid).status == ProcessStatus.READY


def test_the_timer_opens_one_reappointment_case_per_post_due() -> None:
    o = office(3)
    today = dt.date(2026, 10, 1)
    due = reg.PositionHolding.objects.create(
        person_id=o.people[0], title_id=o.title_id, unit_id=o.unit, how="appointed",
        valid_from=dt.date(2021, 12, 1), term_ends=dt.date(2026, 12, 1),
    )  # fmt: skip
    reg.PositionHolding.objects.create(
        person_id=o.people[1], title_id=o.title_id, unit_id=o.unit, how="appointed",
        valid_from=dt.date(2024, 1, 1), term_ends=dt.date(2029, 1, 1),
    )  # fmt: skip
    opened = reappointment.open_due_cases(A(), SYSTEM, today)
    assert len(opened) == 1
    row = am.AppointmentProcess.objects.get(pk=opened[0])
    assert row.kind == "reappointment" and row.holding_id == due.pk
    assert list(row.steps.values_list("kind", flat=True)) == [K.COLLECTIVE_VOTE]
    assert reappointment.open_due_cases(A(), SYSTEM, today) == []
    out = io.StringIO()
    call_command("appointment_timers", "--date", today.isoformat(), stdout=out)
    assert "Đã mở 0 trường hợp" in out.getvalue()


def test_a_reappointment_ends_the_old_term_and_records_the_new_one() -> None:
    o = office(8)
    holder = o.people[0]
    today = dt.date(2026, 10, 1)
    old = reg.PositionHolding.objects.create(
        person_id=holder, title_id=o.title_id, unit_id=o.unit, how="appointed",
        valid_from=dt.date(2021, 12, 1), term_ends=dt.date(2026, 12, 1),
    )  # fmt: skip
    (pid,) = reappointment.open_due_cases(A(), SYSTEM, today)
    leaders = o.people[1:7]
    convene(pid, K.COLLECTIVE_VOTE, leaders, leaders, today)
    ballot(o, pid, K.COLLECTIVE_VOTE, [{int(holder): "agree"}] * 5 + [{int(holder): "disagree"}])
    out = processes.close_step(A(), SYSTEM, pid, K.COLLECTIVE_VOTE, today)
    assert out["status"] == "selected"
    decided = dt.date(2026, 11, 20)
    processes.receive_dossier(A(), SYSTEM, pid, today)
    rulebook = processes.rulebook_of(A().processes.get(pid))  # type: ignore[arg-type]
    for item in processes.dossier_items_required(rulebook):
        processes.verify_dossier_item(A(), SYSTEM, pid, holder, item, o.people[7], today)
    _lift_failed(pid, holder, decided)
    decision = dataclasses.replace(
        _decision(holder, o.people[7], decided), effective_on=dt.date(2026, 12, 2)
    )
    position = processes.decide(A(), SYSTEM, pid, decision, dt.date(2026, 12, 2))
    old.refresh_from_db()
    assert old.valid_to == dt.date(2026, 12, 1)
    new = reg.PositionHolding.objects.get(pk=position)
    assert new.valid_from == dt.date(2026, 12, 2) and new.term_ends == dt.date(2031, 12, 2)
    assert am.AppointmentProcess.objects.filter(kind="reappointment").count() == 1


def _admin():  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model

    from canbo.accounts.models import RoleGrant
    from canbo.core.types import Role

    user = get_user_model().objects.create_user("canbo_tc", password="mat-khau-dai-1")
    RoleGrant.objects.create(
        user=user, role=Role.ADMIN, unit_id=None, valid_from=dt.date(2020, 1, 1)
    )
    return user


def test_the_pages_open_a_process_and_refuse_a_step_out_of_order() -> None:
    o = office(6)
    client = Client()
    client.force_login(_admin())
    form = {
        "kind": "in_place",
        "title": str(o.title_id),
        "unit": f"id:{o.unit}",
        "candidates": [f"id:{o.people[0]}", f"id:{o.people[1]}"],
        "proposer": f"id:{o.people[5]}",
        "started_on": START.isoformat(),
    }
    response = client.post("/bo-nhiem/", form)
    body = response.content.decode()
    assert response.status_code == 302, body[body.find("<main") :][:1500]
    pid = am.AppointmentProcess.objects.get().pk
    page = client.get(f"/bo-nhiem/{pid}/").content.decode()
    assert page.count("data-convene") == 1  # only the first step may be convened
    refused = client.post(
        f"/bo-nhiem/{pid}/buoc/wider/",
        {"action": "convene", "persons": f"id:{o.people[2]}", "held_on": START.isoformat()},
    )
    assert 400 <= refused.status_code < 500
    assert "<code>step_out_of_order</code>" in refused.content.decode()
    assert "không đúng thứ tự của quy trình" in refused.content.decode()
    assert am.ProcessStep.objects.filter(process_id=pid, conference__isnull=False).count() == 0
