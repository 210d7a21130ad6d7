"""An election round on the database (SQLite and PostgreSQL): phones and paper ballots,
double entry on the staff pages by two people, the count judged by EL-15/EL-16, the election
tally stored without confidence lines, the committee's signatures, and the pages that stay
confidence-only (docs/voting.md, "Election ballots")."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from canbo.core.errors import Conflict
from canbo.services.ports import SYSTEM, Actor
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import ElectionBallotKind, ElectionTotals, Medium, PaperMode
from canbo.voting import models
from canbo.voting.uow import DjangoVotingUnitOfWork as U

from .voting_builders import hall
from .voting_election_builders import codes, election, open_election

pytestmark = pytest.mark.django_db(transaction=True)


def signed_in(actor: Actor) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(pk=actor.account_id))
    return client


def test_an_election_round_runs_on_phones_and_paper_and_is_signed() -> None:
    h = hall(9)
    candidates = h.persons[:5]
    sid = election(h, candidates, 3)
    phones = codes(h, sid, h.persons[:6], Medium.ELECTRONIC)
    codes(h, sid, h.persons[6:9], Medium.PAPER)
    shares = open_election(h, sid)
    a, b, c, d, e = candidates
    struck = [[d, e], [c, d, e], [e], list(candidates)]
    receipts = [
        vote_svc.cast_ballot(U(), sid, code, {int(p): "struck" for p in names})
        for code, names in zip(phones, struck, strict=False)
    ]
    vote_svc.close_vote(U(), SYSTEM, sid)
    kp1, kp2 = (signed_in(m) for m in h.counters)
    ballot = {f"p{p}": "kept" for p in candidates}
    page = kp1.get(f"/bo-phieu/{sid}/phieu-giay/1/").content.decode()
    assert "Giữ lại" in page and "Gạch tên" in page and "Tín nhiệm cao" not in page
    first = {**ballot, "serial": "1", f"p{a}": "struck", f"p{b}": "struck"}
    assert kp1.post(f"/bo-phieu/{sid}/phieu-giay/1/", first).status_code == 200
    assert kp1.post(f"/bo-phieu/{sid}/phieu-giay/2/", first).status_code == 409  # same person
    assert kp2.post(f"/bo-phieu/{sid}/phieu-giay/2/", first).status_code == 200
    foreign = {**ballot, "serial": "2", f"p{a}": "struck", f"p{b}": "struck", "not_issued": "on"}
    kp1.post(f"/bo-phieu/{sid}/phieu-giay/1/", foreign)
    kp2.post(f"/bo-phieu/{sid}/phieu-giay/2/", foreign)
    # A confidence level is no reading of an election ballot: nothing is stored.
    kp1.post(f"/bo-phieu/{sid}/phieu-giay/1/", {**ballot, "serial": "3", f"p{a}": "high"})
    assert models.PaperEntry.objects.filter(session_id=sid, serial=3).count() == 0
    data = count_svc.count(U(), h.counters[0], sid, shares)
    assert data["figures"] == {
        "issued": 9,
        "collected": 6,
        "electronic": 4,
        "paper": 2,
        "valid": 3,
        "invalid": 3,
    }
    reasons = {r["code"]: r["count"] for r in data["invalid_reasons"]}
    assert reasons == {"not_issued": 1, "votes_for_more_than_seats": 1, "votes_for_nobody": 1}
    votes = {x["person_id"]: x["votes"] for x in data["candidates"]}
    assert votes == {int(a): 2, int(b): 2, int(c): 2, int(d): 1, int(e): 1}
    assert not models.ResultLine.objects.filter(version__session_id=sid).exists()
    assert set(
        models.Ballot.objects.filter(session_id=sid).values_list("receipt", flat=True)
    ) == set(receipts)
    session_page = kp1.get(f"/bo-phieu/{sid}/").content.decode()
    assert "data-election-tally" in session_page and 'data-figure="valid">3<' in session_page
    assert "Biên bản kiểm phiếu (PDF)" not in session_page
    assert kp1.get(f"/bo-phieu/{sid}/bien-ban-kiem-phieu.pdf").status_code == 404
    assert kp1.get(f"/bo-phieu/{sid}/ket-qua.xlsx").status_code == 404
    assert kp1.get(f"/bo-phieu/{sid}/ket-qua/").status_code == 302
    assert count_svc.election_tally(U(), sid) is None
    for member in h.counters:
        count_svc.sign(U(), member, sid)
    tally = count_svc.election_tally(U(), sid)
    assert tally is not None and tally.certified and tally.version == 1
    assert tally.candidates[0].full_name == "Trần Văn Bình"
    assert tally.ballot_kind is ElectionBallotKind.STRIKE_OUT and tally.seats == 3


def test_the_confidence_form_is_not_offered_for_an_election_round() -> None:
    h = hall(4)
    sid = election(h, h.persons[:3], 2)
    staff = signed_in(h.counters[0])
    assert staff.get(f"/bo-phieu/{sid}/sua/").status_code == 302
    page = staff.get(f"/bo-phieu/{sid}/").content.decode()
    assert f"/bo-phieu/{sid}/sua/" not in page and "Danh sách bầu cử" in page
    confidence = models.VoteSession.objects.get(pk=h.session)
    assert confidence.rulebook_id == "QD96_2023"


def test_a_single_name_round_counts_with_the_committees_conclusion_and_totals() -> None:
    h = hall(6)
    sid = election(h, h.persons[:1], 1, ElectionBallotKind.APPROVAL, PaperMode.TOTALS)
    phones = codes(h, sid, h.persons[:3], Medium.ELECTRONIC)
    codes(h, sid, h.persons[3:6], Medium.PAPER)
    shares = open_election(h, sid)
    person = int(h.persons[0])
    vote_svc.cast_ballot(U(), sid, phones[0], {person: "agree"})
    vote_svc.cast_ballot(U(), sid, phones[1], {})
    vote_svc.close_vote(U(), SYSTEM, sid)
    kp1 = signed_in(h.counters[0])
    form = {"valid": "2", "invalid": "1", f"p{person}": "2"}
    assert kp1.post(f"/bo-phieu/{sid}/tong-so/", form).status_code == 302
    with pytest.raises(Conflict, match="ballots_referred"):
        count_svc.count(U(), h.counters[0], sid, shares)
    assert models.ResultVersion.objects.filter(session_id=sid).count() == 0
    assert models.SealedBallot.objects.filter(session_id=sid).count() == 2  # rolled back
    fields = {f"share_{i}": s for i, s in enumerate(shares, start=1)}
    answer = kp1.post(
        f"/bo-phieu/{sid}/kiem-phieu/",
        {**fields, "no_box_marked": "valid_not_counted", "confirm": "on"},
    )
    assert answer.status_code == 302
    data = models.ResultVersion.objects.get(session_id=sid).data
    assert data["figures"]["valid"] == 4 and data["figures"]["invalid"] == 1
    assert data["candidates"][0]["votes"] == 3
    assert data["referred"] == [
        {"code": "no_box_marked", "conclusion": "valid_not_counted", "count": 1}
    ]
    assert ElectionTotals(2, 1, {person: 2}).collected == 3


def test_the_command_line_enters_totals_counts_with_a_conclusion_and_prints_the_tally() -> None:
    import io
    import json

    from django.core.management import call_command

    from canbo.registry.models import Person

    h = hall(6)
    sid = election(h, h.persons[:1], 1, ElectionBallotKind.APPROVAL, PaperMode.TOTALS)
    phones = codes(h, sid, h.persons[:3], Medium.ELECTRONIC)
    codes(h, sid, h.persons[3:6], Medium.PAPER)
    shares = open_election(h, sid)
    code = Person.objects.get(pk=h.persons[0]).code

    def vote(*args: str) -> dict[str, object]:
        out = io.StringIO()
        call_command("vote", "--as", "kiemphieu1", *args, stdout=out)
        return dict(json.loads(out.getvalue()))

    vote("cast", "--session", str(sid), "--code", phones[0], "--mark", f"{code}=disagree")
    vote("cast", "--session", str(sid), "--code", phones[1])
    vote("close", "--session", str(sid))
    totals = ("--valid", "3", "--invalid", "0", "--line", f"{code}=2")
    assert vote("election-totals", "--session", str(sid), *totals) == {"collected": 3}
    count = ["count", "--session", str(sid), *(x for s in shares for x in ("--share", s))]
    vote(*count, "--conclusion", "no_box_marked=invalid")
    tally = vote("results", "--session", str(sid))
    assert tally["kind"] == "election"
    assert tally["figures"] == {
        "issued": 6,
        "collected": 5,
        "electronic": 2,
        "paper": 3,
        "valid": 4,
        "invalid": 1,
    }
    assert tally["candidates"] == [
        {"person_id": int(h.persons[0]), "full_name": "Nguyễn Thị Hoa", "votes": 2}
    ]
