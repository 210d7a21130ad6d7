"""Properties of a round's result as the election use case stores it, for any tally: it is
either refused naming a failed EL-30 check (and nothing is stored) or stored with no more
elected than seats, each elected over half of the base (EL-22), and the election's state
following the tie and the seats left (EL-24, EL-25)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from canbo.core.elections.model import ElectionKind, ElectionStatus
from canbo.core.errors import RuleViolation
from canbo.core.types import PersonId
from canbo.services.elections import candidates, elections, results
from canbo.services.elections.ports import CandidateSource, Tally

from .test_elections import CID, RUNNER, _world

NOW = dt.datetime(2025, 4, 11, 10, 30, tzinfo=dt.UTC)


@st.composite
def tallies(draw: st.DrawFn) -> tuple[int, int, Tally]:
    seats = draw(st.integers(1, 5))
    names = draw(st.integers(seats, seats + (1 if seats >= 3 else 0)))
    issued = draw(st.integers(1, 20))
    collected = draw(st.integers(0, 21))
    valid = draw(st.integers(0, collected))
    votes = {p: draw(st.integers(0, valid + 1)) for p in range(1, names + 1)}
    figures = Tally(issued, collected, valid, collected - valid, votes)
    return seats, names, figures


@settings(max_examples=60, deadline=None)
@given(tallies())
def test_a_stored_result_never_elects_beyond_the_seats_or_without_more_than_half(
    case: tuple[int, int, Tally],
) -> None:
    seats, names, tally = case
    uow = _world()
    eid = elections.create_election(
        uow, RUNNER, CID, ElectionKind.DELEGATES, seats, seats_for=18, seats_against=0,
        attending=19,
    )  # fmt: skip
    for p in range(1, names + 1):
        candidates.add_candidate(uow, RUNNER, CID, eid, PersonId(p), CandidateSource.CONVENER)
    elections.approve_list(uow, RUNNER, CID, eid, agree=19, against=0, attending=19)
    results.start_round(uow, RUNNER, CID, eid)
    uow.ballots.tallies[uow.elections.rounds(eid)[0].session_id] = tally
    try:
        data = results.record_result(uow, RUNNER, CID, eid, NOW)
    except RuleViolation as refused:
        assert refused.fields["check"]
        assert uow.elections.rounds(eid)[0].result is None
        return
    base = data["denominator"]["value"]
    votes = {c["name"]: c["votes"] for c in data["candidates"]}
    assert len(data["elected"]) <= seats
    assert all(2 * votes[n] > base for n in data["elected"])
    status = uow.elections.get(eid).status  # type: ignore[union-attr]
    if data["tie"]:
        assert status == ElectionStatus.TIE
    elif len(data["elected"]) < seats:
        assert status == ElectionStatus.SHORTFALL
    else:
        assert status == ElectionStatus.COUNTED
