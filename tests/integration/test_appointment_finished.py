"""A decided or ended appointment process is read only (SQLite and PostgreSQL): its page shows
no write form (dossier, dossier item, special case, decider, convene, recusal) and the use
cases refuse the writes with ``appointment_process_closed``."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from canbo.appointments import models as am
from canbo.appointments.uow import DjangoAppointmentsUnitOfWork as A
from canbo.core.errors import Conflict
from canbo.services.appointments import processes
from canbo.services.appointments.ports import OverrideData
from canbo.services.ports import SYSTEM

from .appointment_builders import START, office, open_in_place
from .test_appointment_processes import _admin

pytestmark = pytest.mark.django_db(transaction=True)

ITEM = "proposal"

FORMS = (
    "data-dossier>",
    "data-dossier-item",
    "data-override>",
    "data-decider-form",
    "data-convene",
    "data-recusal-form",
    "data-decide",
)


@pytest.mark.parametrize("status", ["decided", "closed"])
def test_a_finished_process_shows_no_write_form_and_refuses_writes(status: str) -> None:
    o = office(6)
    person = o.people[0]
    pid = open_in_place(o, [person])
    client = Client()
    client.force_login(_admin())
    before = client.get(f"/bo-nhiem/{pid}/").content.decode()
    assert all(f in before for f in ("data-dossier>", "data-dossier-item", "data-override>"))

    row = am.AppointmentProcess.objects.get(pk=pid)
    row.status = status
    if status == "decided":
        row.decided_on = START + dt.timedelta(days=40)
        row.decision_ref = "125-QĐ/ĐU"
    row.save()
    page = client.get(f"/bo-nhiem/{pid}/").content.decode()
    shown = [f for f in FORMS if f in page]
    assert shown == []

    on = START + dt.timedelta(days=10)
    writes = [
        lambda: processes.receive_dossier(A(), SYSTEM, pid, on),
        lambda: processes.verify_dossier_item(A(), SYSTEM, pid, person, ITEM, o.people[-1], on),
        lambda: processes.record_override(
            A(),
            SYSTEM,
            OverrideData(
                pid,
                person,
                "planning",
                "AP-02",
                "12-QĐ/TU",
                "Ban Thường vụ Tỉnh ủy",
                "Yêu cầu công tác cán bộ",
                on,
            ),
        ),
    ]
    for write in writes:
        with pytest.raises(Conflict) as err:
            write()
        assert err.value.code == "appointment_process_closed"
    assert not am.Override.objects.filter(process_id=pid).exists()
    refused = client.post(f"/bo-nhiem/{pid}/ho-so/", {"received_on": on.isoformat()})
    assert 400 <= refused.status_code < 500
