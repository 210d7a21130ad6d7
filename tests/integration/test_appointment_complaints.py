"""Complaints about persons on the database (SQLite and PostgreSQL): the clerk's page records
one with the person picker and changes its status (audited); the planning facts count only the
complaints that block (an anonymous one is recorded and routed, not counted); the process page
says, with the citation, when a candidate's open complaint holds the next step (AP-19)."""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest
from django.test import Client

from canbo.appointments import models as am
from canbo.appointments.uow import DjangoAppointmentFacts
from canbo.audit.models import AuditEntry
from canbo.core.clock import SystemClock
from canbo.core.types import PersonId

from .appointment_builders import office, open_in_place
from .test_appointment_processes import _admin

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_clerk_records_and_refers_a_complaint_and_the_process_page_shows_the_block() -> None:
    o = office(4)
    hoa, binh = o.people[0], o.people[1]
    today = SystemClock().today()
    client = Client()
    client.force_login(_admin())
    page = client.get("/bo-nhiem/don-thu/")
    assert page.status_code == 200 and "data-complaint-form" in page.content.decode()
    for person, anonymous in ((hoa, "0"), (binh, "1")):
        posted = client.post(
            "/bo-nhiem/don-thu/",
            {
                "person": f"id:{person}",
                "received_on": (today - dt.timedelta(days=3)).isoformat(),
                "anonymous": anonymous,
                "note": "Tố cáo về kê khai tài sản",
            },
        )
        assert posted.status_code == 302
    named = am.Complaint.objects.get(person_id=hoa)
    assert (named.status, named.anonymous) == ("open", False)
    assert am.Complaint.objects.get(person_id=binh).anonymous

    # Only the named open complaint counts for the facts (AP-19, PC-06 default).
    counts = DjangoAppointmentFacts().open_complaints([PersonId(hoa), PersonId(binh)], today)
    assert counts == {hoa: 1}

    started = time.perf_counter()
    body = client.get("/bo-nhiem/don-thu/").content.decode()
    assert time.perf_counter() - started < 0.5
    assert body.count("data-blocks") == 1 and "Nặc danh" in body
    assert "AP-19" not in body and "QĐ 114-QĐ/TW" in body  # cited, never a bare rule id
    assert ">open<" not in body and "Đang giải quyết" in body  # the status through its label

    # The process page says the candidate's next step is held, with the citation.
    pid = open_in_place(o, [hoa, binh])
    detail = client.get(f"/bo-nhiem/{pid}/").content.decode()
    blocks = detail.split("data-complaint-block")[1:]
    assert len(blocks) == 1 and named.person.full_name in blocks[0]
    assert "QĐ 377-QĐ/TW" in blocks[0]

    # Referred to the competent body: no longer blocks; the change is audited.
    prefix = f"c{named.pk}"
    refused = client.post(
        f"/bo-nhiem/don-thu/{named.pk}/tinh-trang/",
        {f"{prefix}-status": "referred", f"{prefix}-on": today.isoformat()},
    )
    assert refused.status_code == 400
    posted = client.post(
        f"/bo-nhiem/don-thu/{named.pk}/tinh-trang/",
        {
            f"{prefix}-status": "referred",
            f"{prefix}-referred_to": "Ủy ban Kiểm tra Tỉnh ủy",
            f"{prefix}-on": today.isoformat(),
        },
    )
    assert posted.status_code == 302
    named.refresh_from_db()
    assert (named.status, named.referred_to, named.closed_on) == (
        "referred", "Ủy ban Kiểm tra Tỉnh ủy", today,
    )  # fmt: skip
    entry = AuditEntry.objects.filter(action="appointment.complaint.status").get()
    assert json.loads(entry.details)["person"] == hoa
    assert DjangoAppointmentFacts().open_complaints([PersonId(hoa)], today) == {}
    assert "data-complaint-block" not in client.get(f"/bo-nhiem/{pid}/").content.decode()
