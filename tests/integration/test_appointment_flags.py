"""Power-control flags of a decided process on the database (SQLite and PostgreSQL): the
level jump (PC-18) is read from the post the appointee held before the decision, not from the
new post they hold once it takes effect, and is kept with the other flags at the decision;
the outgoing-head flag (PC-09) names the head and the date of their notice."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.appointments import models as am
from canbo.appointments.control_repository import DjangoControlUnitOfWork as C
from canbo.core.types import UnitKind
from canbo.registry import models as reg
from canbo.services.appointments import power
from canbo.services.appointments.ports import ProcessKind
from canbo.services.ports import SYSTEM
from tests import factories as f

from .appointment_builders import START, office, open_in_place

pytestmark = pytest.mark.django_db

DECIDED = dt.date(2026, 6, 15)


def test_a_decided_outside_appointment_keeps_its_level_jump_and_names_the_outgoing_head() -> None:
    o = office(6)
    outsider, head = o.people[0], o.people[5]
    elsewhere = f.unit("Đảng bộ xã Mậu Duệ", UnitKind.COMMUNE_PARTY_COMMITTEE)
    tp = reg.Title.objects.create(code="TP", name="Trưởng phòng", level="commune")  # grade 40
    director = reg.Title.objects.create(code="GD_SO", name="Giám đốc Sở", level="provincial")
    reg.PositionHolding.objects.create(
        person_id=outsider, title=tp, unit_id=elsewhere, how="appointed",
        valid_from=dt.date(2020, 1, 1), valid_to=DECIDED - dt.timedelta(days=1),
    )  # fmt: skip
    reg.RetirementNotice.objects.create(
        person_id=head, notice_date=dt.date(2026, 5, 4), retirement_date=dt.date(2026, 11, 1)
    )
    pid = open_in_place(o, [outsider], kind=ProcessKind.OUTSIDE, title_id=director.pk)
    # Decided: the appointee holds the new post (grade 60) from the day it takes effect.
    am.AppointmentProcess.objects.filter(pk=pid).update(
        status="decided", decided_on=DECIDED, signed_on=DECIDED, effective_on=DECIDED,
        decision_ref="15-QĐ/TU", appointee_id=outsider, decider_id=head,
    )  # fmt: skip
    reg.PositionHolding.objects.create(
        person_id=outsider, title=director, unit_id=o.unit, how="appointed", valid_from=DECIDED
    )

    flags = {fl.key: fl for fl in power.process_flags(C(), pid, DECIDED)}
    assert "level_jump" in flags, sorted(flags)
    head_name = reg.Person.objects.get(pk=head).full_name
    assert head_name in flags["outgoing_head"].message_vi
    assert "04/05/2026" in flags["outgoing_head"].message_vi
    assert head_name in flags["outgoing_head"].message_en

    power.freeze_flags(C(), SYSTEM, pid, DECIDED)
    stored = {s.key: s for s in C().power.stored_flags(pid)}
    assert {"level_jump", "outgoing_head"} <= set(stored)
    assert head_name in stored["outgoing_head"].message
    assert START < DECIDED


def test_a_decided_process_shows_its_conditions_as_at_the_decision() -> None:
    """A decided process's conditions read the record before the new post took effect:
    read on the day it did, the appointee's tenure in the post held before was 0 months."""
    from canbo.appointments import pages
    from canbo.appointments.uow import DjangoAppointmentsUnitOfWork as A

    o = office(6)
    person = o.people[0]
    tp = reg.Title.objects.create(code="TP", name="Trưởng phòng", level="commune")
    director = reg.Title.objects.create(code="GD_SO", name="Giám đốc Sở", level="provincial")
    reg.PositionHolding.objects.create(
        person_id=person, title=tp, unit_id=o.unit, how="appointed",
        valid_from=dt.date(2020, 1, 1), valid_to=DECIDED - dt.timedelta(days=1),
    )  # fmt: skip
    pid = open_in_place(o, [person], title_id=director.pk)
    am.AppointmentProcess.objects.filter(pk=pid).update(
        status="decided", decided_on=DECIDED, signed_on=DECIDED, effective_on=DECIDED,
        decision_ref="15-QĐ/TU", appointee_id=person,
    )  # fmt: skip
    reg.PositionHolding.objects.create(
        person_id=person, title=director, unit_id=o.unit, how="appointed", valid_from=DECIDED
    )
    data = A().processes.get(pid)
    (shown,) = pages._conditions(SYSTEM, pid, data, DECIDED + dt.timedelta(days=30))
    tenure = next(c for c in shown["checks"] if c["key"] == "tenure")
    assert tenure["ok"], tenure
