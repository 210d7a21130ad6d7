"""A commune's members' congress through the services on the database (SQLite and
PostgreSQL): the committee, then at its first conference the secretary from the committee with
the committee's members as the base (EL-21), delegates to the higher congress with an alternate
on the same list (EL-36), and the province's approval: posts for the committee and the
secretary, none for the delegates."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.core.elections.model import ElectionKind
from canbo.elections import models, selectors
from canbo.registry import models as reg
from canbo.services.elections import approval, candidates, elections, results
from canbo.services.elections.ports import CandidateSource, CongressId, ElectionId, RoundId

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


def _elect(
    c: CellCongress, kind: ElectionKind, seats: int, names: list[int], alternates: int = 0
) -> ElectionId:
    cid = CongressId(c.congress)
    eid = elections.create_election(
        c.uow(), c.runner, cid, kind, seats, seats_for=10, seats_against=0, attending=10,
        alternate_seats=alternates,
    )  # fmt: skip
    for p in names:
        candidates.add_candidate(c.uow(), c.runner, cid, eid, p, CandidateSource.CONVENER)
    elections.approve_list(c.uow(), c.runner, cid, eid, agree=10, against=0, attending=10)
    results.start_round(c.uow(), c.runner, cid, eid)
    return eid


def _finish(c: CellCongress, eid: ElectionId) -> dict[str, object]:
    cid = CongressId(c.congress)
    data = results.record_result(c.uow(), c.runner, cid, eid, NOW)
    rnd = models.Round.objects.filter(election_id=eid).last()
    assert rnd is not None
    results.sign_minutes(c.uow(), c.runner, cid, eid, RoundId(rnd.pk), NOW)
    return data


def test_a_members_congress_elects_committee_secretary_and_delegates() -> None:
    c = cell_congress(commune=True)
    a, b, cu, d, e, g, h, k = c.people[:8]
    committee = _elect(c, ElectionKind.COMMITTEE, 3, [a, b, cu, d])
    codes = check_in_rest(c)
    kept = [(a, b, cu)] * 7 + [(a, b, d)] + [(a, cu, d)]
    vote(c, session_of(committee), codes, [strike(x, (a, b, cu, d)) for x in kept])
    assert _finish(c, committee)["elected"] == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]

    secretary = _elect(c, ElectionKind.SECRETARY, 1, [b])
    sid = session_of(secretary)
    vote(c, sid, hand_codes(c, sid, [a, b, cu]), [{int(b): "agree"}] * 2 + [{int(b): "disagree"}])
    data = _finish(c, secretary)
    assert data["denominator"]["value"] == 3 and data["elected"] == ["Trần Thị Bình"]  # type: ignore[index]

    delegates = _elect(c, ElectionKind.DELEGATES, 2, [e, g, h, k], alternates=1)
    sid = session_of(delegates)
    listed = (e, g, h, k)
    ballots = (
        [strike((e, g, h), listed)] * 6 + [strike((e, g), listed)] * 2 + [strike((e,), listed)]
    )
    vote(c, sid, hand_codes(c, sid, c.people[:9]), ballots)
    data = _finish(c, delegates)
    assert data["elected"] == ["Hoàng Văn Em", "Vũ Thị Giang"]
    assert data["alternates"] == ["Đặng Văn Hải"]

    approval.approve(
        c.uow(), c.higher, CongressId(c.congress), decision_number="88-QĐ/TU",
        decided_on=dt.date(2025, 5, 30), today=dt.date(2025, 6, 2),
    )  # fmt: skip
    posts = {
        (p.person_id, p.title.code)
        for p in reg.PositionHolding.objects.filter(unit_id=c.tree.commune).select_related("title")
    }
    assert posts == {(a, "UV_BCH"), (b, "UV_BCH"), (cu, "UV_BCH"), (b, "BT_CU")}
    rows = selectors.elected_people([c.congress])
    assert {r.person_id for r in rows} == {a, b, cu} and all(r.approved for r in rows)
    assert reg.Term.objects.filter(unit_id=c.tree.commune).count() == 1
