"""An appointment step's ballot carries its own title to the voting pages (SQLite and
PostgreSQL): the sending unit's ballot reads "Phiếu biểu quyết" on the phone ballot and on the
session page's tally, not an election's "Phiếu bầu cử", which a congress election keeps."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.template.loader import render_to_string
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

from .appointment_builders import START, Office, convene, office, open_in_place
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


def _wider_ballot() -> tuple[SessionId, Office]:
    """An in-place process at its wider meeting (a nomination: strike out all but one)."""
    o = office(12)
    a, b, c = o.people[:3]
    leaders, wider = o.people[3:9], o.people[:11]
    pid = open_in_place(o, [a, b, c])
    day = START + dt.timedelta(days=2)
    convene(pid, K.LEADERSHIP_FIRST, leaders, leaders, day)
    processes.close_step(A(), SYSTEM, pid, K.LEADERSHIP_FIRST, day)
    convene(pid, K.WIDER, wider, wider[:10], day + dt.timedelta(days=1))
    committee = [int(c.account_id) for c in o.counters if c.account_id is not None]
    sid = SessionId(processes.open_ballot(A(), SYSTEM, pid, K.WIDER, committee=committee))
    return sid, o


def test_the_printed_nomination_ballot_is_headed_with_its_title_not_an_election() -> None:
    from pypdf import PdfReader

    from canbo.services.voting import paper as paper_svc
    from canbo.voting.paper_store import DjangoPaperUnitOfWork, PaperPrinter

    sid, o = _wider_ballot()
    assert VoteSession.objects.get(pk=sid).parameters["ballot_title"] == "Phiếu giới thiệu nhân sự"
    pdf = paper_svc.print_ballots(
        DjangoPaperUnitOfWork(),
        PaperPrinter(),
        o.counters[0],
        sid,
        copies=1,
        paper="a4",
        organization="ĐẢNG ỦY XÃ",
    )
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "PHIẾU GIỚI THIỆU NHÂN SỰ" in text
    assert "Số người cần giới thiệu: 01" in text
    for election in ("PHIẾU BẦU CỬ", "Số lượng cần bầu", "bầu ai"):
        assert election not in text, election


def test_the_session_page_of_a_nomination_lists_nominees_not_an_election() -> None:
    sid, _ = _wider_ballot()
    staff = Client()
    staff.force_login(_admin())
    page = staff.get(f"/bo-phieu/{sid}/").content.decode()
    assert "<h2 data-candidates-heading>Danh sách giới thiệu</h2>" in page
    assert "Số người cần giới thiệu: 1" in page
    for election in ("Danh sách bầu cử", "Số lượng cần bầu", "Phiếu bầu cử"):
        assert election not in page, election


@pytest.mark.parametrize("ballot_title", ["", "Phiếu biểu quyết"])
def test_the_tally_counts_votes_in_the_ballots_own_words(ballot_title: str) -> None:
    tally = {
        "figures": {"issued": 5, "collected": 5, "electronic": 5, "paper": 0, "valid": 5},
        "invalid_reasons": [],
        "candidates": [{"person_id": 1, "full_name": "Nguyễn Văn An", "votes": 4}],
    }
    e = {
        "ballot_kind": "approval",
        "seats": 1,
        "alternate_seats": 0,
        "ballot_title": ballot_title,
        "tally": tally,
        "sealed": False,
    }
    html = render_to_string("voting/_election_tally.html", {"e": e})
    if ballot_title:
        assert '<th scope="col">Số phiếu</th>' in html and 'data-label="Số phiếu"' in html
        assert "Số phiếu bầu" not in html and "Số lượng cần bầu" not in html
    else:  # a congress election keeps its words
        assert '<th scope="col">Số phiếu bầu</th>' in html
        assert "Phiếu bầu cử" in html and "Số lượng cần bầu: 1" in html


def test_the_phone_nomination_ballot_asks_to_strike_those_not_nominated() -> None:
    sid, o = _wider_ballot()
    vote_svc.mark_ready(V(), SYSTEM, sid)
    vote_svc.make_ballot_key(V(), o.counters[0], sid)
    vote_svc.open_vote(V(), SYSTEM, sid)
    given = conf_svc.hand_out(V(), SYSTEM, sid, medium=Medium.ELECTRONIC, preprinted=False)
    page = Client().post(f"/bo-phieu/{sid}/bau/", {"step": "code", "code": given.codes[0]})
    body = page.content.decode()
    assert page.status_code == 200
    assert "<h1 data-ballot-title>Phiếu giới thiệu nhân sự</h1>" in body
    assert "gạch tên người không giới thiệu" in body
    assert "không bầu" not in body
