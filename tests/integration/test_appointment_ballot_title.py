"""An appointment step's ballot carries its own title to the voting pages (SQLite and
PostgreSQL): the sending unit's ballot reads "Phiếu biểu quyết" on the phone ballot and on the
session page's tally, not an election's "Phiếu bầu cử", which a congress election keeps."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from canbo.appointments import choices
from canbo.appointments.uow import DjangoAppointmentsUnitOfWork as A
from canbo.conferences.models import Site
from canbo.core.appointments.step_model import BallotMode
from canbo.services.appointments import processes
from canbo.services.appointments.ports import ProcessKind
from canbo.services.appointments.ports import StepKindValue as K
from canbo.services.ports import SYSTEM
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import Medium, SessionId
from canbo.voting.models import VoteSession
from canbo.voting.uow import DjangoVotingUnitOfWork as V

from .appointment_builders import START, convene, office, open_in_place
from .test_appointment_processes import _admin

pytestmark = pytest.mark.django_db(transaction=True)


def test_every_ballot_mode_has_a_title_marked_for_translation() -> None:
    modes = {str(m) for m in BallotMode} - {"none"}
    assert set(processes.BALLOT_TITLE) == modes
    assert set(processes.BALLOT_TITLE.values()) == set(choices.BALLOT_TITLES)


def test_the_sending_units_ballot_is_titled_as_a_vote_to_decide() -> None:
    o = office(9)
    outsider = o.people[0]
    pid = open_in_place(o, [outsider], kind=ProcessKind.OUTSIDE)
    leaders = o.people[1:7]
    day = START + dt.timedelta(days=1)
    convene(pid, K.RECEIVING_TALKS, leaders, leaders, day)
    processes.close_step(A(), SYSTEM, pid, K.RECEIVING_TALKS, day)
    cid = convene(pid, K.SENDING_VOTE, leaders, leaders, day + dt.timedelta(days=1))
    committee = [int(c.account_id) for c in o.counters if c.account_id is not None]
    sid = SessionId(processes.open_ballot(A(), SYSTEM, pid, K.SENDING_VOTE, committee=committee))
    assert VoteSession.objects.get(pk=sid).parameters["ballot_title"] == "Phiếu biểu quyết"

    vote_svc.mark_ready(V(), SYSTEM, sid)
    vote_svc.make_ballot_key(V(), o.counters[0], sid)
    vote_svc.open_vote(V(), SYSTEM, sid)
    assert Site.objects.filter(conference_id=cid).exists()
    given = conf_svc.hand_out(V(), SYSTEM, sid, medium=Medium.ELECTRONIC, preprinted=False)
    voter = Client()
    page = voter.post(f"/bo-phieu/{sid}/bau/", {"step": "code", "code": given.codes[0]})
    body = page.content.decode()
    assert page.status_code == 200
    assert "<h1 data-ballot-title>Phiếu biểu quyết</h1>" in body
    assert "Phiếu bầu cử" not in body

    staff = Client()
    staff.force_login(_admin())
    session_page = staff.get(f"/bo-phieu/{sid}/").content.decode()
    assert "Phiếu bầu cử" not in session_page
    assert "<h2 data-ballot-title>Phiếu biểu quyết</h2>" in session_page
