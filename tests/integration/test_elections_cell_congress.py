"""A whole cell congress through the services on the database (SQLite and PostgreSQL): the
roll, the counting committee, the cell committee elected with one floor nominee and a tie at
the last seat resolved by a further round, the secretary from the new committee, the signed
minutes, the higher committee's approval, and the new committee in the registry."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from canbo.core.elections.model import ElectionKind, ElectionStatus
from canbo.core.errors import PermissionDenied, RuleViolation
from canbo.elections import models, selectors
from canbo.elections.documents import minutes_pdf
from canbo.registry import models as reg
from canbo.services.elections import approval, candidates, elections, reading, results
from canbo.services.elections.ports import CandidateSource, CongressId, ElectionId, RoundId
from tests.integration.test_filed_documents import pdf_text

from .election_builders import (
    CellCongress,
    cell_congress,
    check_in_rest,
    hand_codes,
    session_of,
    strike,
    vote,
)

pytestmark = pytest.mark.django_db(transaction=True)
NOW = dt.datetime(2025, 5, 10, 9, 30, tzinfo=dt.UTC)
DECIDED = dt.date(2025, 5, 20)


def _page(c: CellCongress, url: str) -> str:
    client = Client()
    client.force_login(get_user_model().objects.get(pk=c.runner.account_id))
    answer = client.get(url)
    assert answer.status_code == 200, answer.content.decode()[:1500]
    return str(answer.content.decode())


def _sign_last(c: CellCongress, eid: ElectionId) -> None:
    rnd = models.Round.objects.filter(election_id=eid).last()
    assert rnd is not None
    results.sign_minutes(c.uow(), c.runner, CongressId(c.congress), eid, RoundId(rnd.pk), NOW)


def _committee(c: CellCongress) -> ElectionId:
    cid = CongressId(c.congress)
    a, b, cu, d = c.people[:4]
    eid = elections.create_election(
        c.uow(), c.runner, cid, ElectionKind.CELL_COMMITTEE, 3,
        seats_for=10, seats_against=0, attending=10,
    )  # fmt: skip
    for p in (a, b, cu):
        candidates.add_candidate(c.uow(), c.runner, cid, eid, p, CandidateSource.CONVENER)
    candidates.add_candidate(
        c.uow(), c.runner, cid, eid, d, CandidateSource.FLOOR, agree=4, attending=10
    )
    elections.approve_list(c.uow(), c.runner, cid, eid, agree=10, against=0, attending=10)
    return eid


def test_a_cell_congress_elects_its_committee_and_secretary_approved_into_the_registry() -> None:
    c = cell_congress()
    cid = CongressId(c.congress)
    a, b, cu, d = c.people[:4]
    eid = _committee(c)
    results.start_round(c.uow(), c.runner, cid, eid)
    codes = check_in_rest(c)
    listed = (a, b, cu, d)
    kept = [(a, b, cu)] * 3 + [(a, b, d)] * 3 + [(b, cu, d)] * 2 + [(a, cu, d)]
    vote(c, session_of(eid), codes, [strike(k, listed) for k in kept])
    first = results.record_result(c.uow(), c.runner, cid, eid, NOW)
    assert first["denominator"]["value"] == 10
    assert [x["votes"] for x in first["candidates"]] == [7, 8, 6, 6]  # An, Bình, Cường, Dung
    assert first["elected"] == ["Trần Thị Bình", "Nguyễn Văn An"]
    assert first["tie"] == ["Lê Văn Cường", "Phạm Thị Dung"]
    _sign_last(c, eid)
    page = _page(c, f"/dai-hoi/{cid}/bau-cu/{eid}/")
    assert "data-tie" in page and "data-further-round" in page and "data-close" in page

    with pytest.raises(RuleViolation, match="election_decision_required"):
        results.start_round(c.uow(), c.runner, cid, eid)
    results.start_round(
        c.uow(), c.runner, cid, eid, decision="Đại hội biểu quyết bầu lại giữa hai đồng chí"
    )
    sid = session_of(eid)
    votes = [strike((cu,), (cu, d))] * 6 + [strike((d,), (cu, d))] * 3
    vote(c, sid, hand_codes(c, sid, c.people[:9]), votes)
    second = results.record_result(c.uow(), c.runner, cid, eid, NOW)
    assert [x["name"] for x in second["candidates"]] == ["Lê Văn Cường", "Phạm Thị Dung"]
    assert second["elected"] == ["Lê Văn Cường"]
    _sign_last(c, eid)
    assert models.Election.objects.get(pk=eid).status == ElectionStatus.PROVISIONAL

    sec = elections.create_election(
        c.uow(), c.runner, cid, ElectionKind.SECRETARY, 1, seats_for=10, seats_against=0,
        attending=10,
    )  # fmt: skip
    with pytest.raises(RuleViolation, match="election_candidate_not_in_body"):
        candidates.add_candidate(c.uow(), c.runner, cid, sec, d, CandidateSource.CONVENER)
    candidates.add_candidate(c.uow(), c.runner, cid, sec, b, CandidateSource.CONVENER)
    elections.approve_list(c.uow(), c.runner, cid, sec, agree=10, against=0, attending=10)
    results.start_round(c.uow(), c.runner, cid, sec)
    sid = session_of(sec)
    agree = [{int(b): "agree"}] * 8 + [{int(b): "disagree"}]
    vote(c, sid, hand_codes(c, sid, c.people[:9]), agree)
    assert results.record_result(c.uow(), c.runner, cid, sec, NOW)["elected"] == ["Trần Thị Bình"]
    _sign_last(c, sec)

    m = reading.minutes(c.uow(), c.runner, cid, eid, int(models.Round.objects.filter(
        election_id=eid).first().pk))  # fmt: skip
    pdf = minutes_pdf(m)
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000
    flat = " ".join(pdf_text(pdf).split())
    # The body with its organization's name once, and the base counted from official members.
    assert "Bầu Chi ủy Chi bộ" in flat
    assert "Tổng số đảng viên chính thức được triệu tập: " in flat
    assert {r.person_id for r in selectors.elected_people([cid])} == {a, b, cu}
    assert not any(r.approved for r in selectors.elected_people([cid]))
    assert not reg.PositionHolding.objects.filter(person_id__in=[a, b, cu]).exists()

    with pytest.raises(PermissionDenied):
        approval.approve(
            c.uow(), c.runner, cid, decision_number="01-QĐ/CB", decided_on=DECIDED,
            today=dt.date(2025, 6, 1),
        )  # fmt: skip
    approval.approve(
        c.uow(), c.higher, cid, decision_number="125-QĐ/ĐU", decided_on=DECIDED,
        today=dt.date(2025, 6, 1),
    )  # fmt: skip
    posts = {
        (p.person_id, p.title.code)
        for p in reg.PositionHolding.objects.filter(unit_id=c.tree.cell_a).select_related("title")
    }
    assert posts == {(a, "CUV"), (b, "CUV"), (cu, "CUV"), (b, "BT_CB")}
    assert reg.Term.objects.filter(unit_id=c.tree.cell_a, name="2025–2030").count() == 1
    assert all(r.approved for r in selectors.elected_people([cid]))
    assert set(
        models.Election.objects.filter(congress_id=cid).values_list("status", flat=True)
    ) == {ElectionStatus.APPROVED}
