"""The list of reappointment cases already opened shows the near-retirement rule (TR-03) as the
due list does, and only the cases of the units the reader may see."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from canbo.accounts.models import RoleGrant
from canbo.appointments.uow import DjangoAppointmentsUnitOfWork as A
from canbo.core.types import Role, UnitKind
from canbo.registry import models as reg
from canbo.services.appointments import reappointment
from canbo.services.ports import SYSTEM
from tests import factories as f

from .appointment_builders import office
from .test_appointment_processes import _admin

pytestmark = pytest.mark.django_db(transaction=True)


def test_opened_cases_show_the_near_retirement_rule_to_readers_of_their_unit() -> None:
    o = office(2)
    near, young = o.people[0], o.people[1]
    reg.Person.objects.filter(pk=near).update(birth_date=dt.date(1966, 3, 4), sex="M")
    for pid in (near, young):
        reg.PositionHolding.objects.create(
            person_id=pid, title_id=o.title_id, unit_id=o.unit, how="appointed",
            valid_from=dt.date(2021, 12, 1), term_ends=dt.date(2026, 12, 1),
        )  # fmt: skip
    opened = reappointment.open_due_cases(A(), SYSTEM, dt.date(2026, 10, 1))
    assert len(opened) == 2
    expected = reappointment.near_of(dt.date(2026, 12, 1), dt.date(1966, 3, 4), "M")
    assert expected is not None and expected.kind != "full_term"
    client = Client()
    client.force_login(_admin())
    page = client.get("/bo-nhiem/bo-nhiem-lai/").content.decode()
    table = page.split("data-opened")[1]
    rows = table.split("<tr>")[2:]
    noted = [r for r in rows if "Thời hạn đến" in r.split("data-near>")[1].split("</td>")[0]]
    assert len(noted) == 1 and expected.ends.strftime("%d/%m/%Y") in noted[0]
    assert reg.Person.objects.get(pk=near).full_name in noted[0]
    assert "TR-03" not in table  # cited through the filter, never a bare rule id

    other = f.unit("Đảng bộ tỉnh Hà Giang", UnitKind.PROVINCIAL_PARTY_COMMITTEE)
    user = get_user_model().objects.create_user("tochuc_hg", password="mat-khau-dai-1")
    RoleGrant.objects.create(
        user=user, role=Role.ORG_STAFF, unit_id=other, valid_from=dt.date(2020, 1, 1)
    )
    client.force_login(user)
    page = client.get("/bo-nhiem/bo-nhiem-lai/").content.decode()
    assert "data-opened" not in page  # another province's cases are not listed
