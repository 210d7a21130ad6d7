"""Election ballots in the voting engine on the in-memory fakes: an election session, phone
casts of strike-out and agree/disagree ballots, paper double entry and totals, the count
judged by EL-15/EL-16 and the election tally read by the elections."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canbo.core.collation import sort_key
from canbo.core.errors import Conflict, RuleViolation, ValidationError
from canbo.core.types import PersonId
from canbo.services.ports import SYSTEM
from canbo.services.voting import count as count_svc
from canbo.services.voting import election
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import (
    CommitteeMember,
    ElectionBallotKind,
    ElectionTotals,
    LineReading,
    Medium,
    PaperMode,
    PaperReading,
    SessionId,
    Status,
)
from tests.unit.services.hall import Hall, hall

STRIKE = ElectionBallotKind.STRIKE_OUT
APPROVAL = ElectionBallotKind.APPROVAL


def election_session(
    h: Hall,
    candidates: Sequence[PersonId],
    seats: int,
    kind: ElectionBallotKind = STRIKE,
    paper_mode: PaperMode = PaperMode.PER_BALLOT,
    rulebook: str = "QD190_2024",
) -> SessionId:
    committee = [CommitteeMember(account_id=c.account_id) for c in h.counters]
    return vote_svc.create_election_session(
        h.uow,
        SYSTEM,
        h.conference,
        "Bầu Ban Chấp hành Đảng bộ xã khóa mới",
        rulebook,
        candidates,
        seats,
        0,
        kind,
        committee=committee,
        paper_mode=paper_mode,
    )


def codes_for(h: Hall, sid: SessionId, people: Sequence[PersonId], medium: Medium) -> list[str]:
    from canbo.services.voting import conferences as conf_svc

    out: list[str] = []
    for p in people:
        result = conf_svc.check_in(h.uow, SYSTEM, h.sites[0], person_id=p, medium=medium)
        out.extend(c.code for c in result.codes if c.session_id == sid)
    return out


def run_open(h: Hall, sid: SessionId) -> tuple[str, ...]:
    vote_svc.mark_ready(h.uow, SYSTEM, sid)
    shares = vote_svc.make_ballot_key(h.uow, h.counters[0], sid).shares
    vote_svc.open_vote(h.uow, SYSTEM, sid)
    return shares


def test_an_election_session_keeps_its_ballot_and_prints_candidates_by_given_name() -> None:
    h = hall()
    sid = election_session(h, h.persons[:5], 3)
    session = h.uow.votes.sessions[sid]
    assert session.rulebook_id == "QD190_2024"
    assert session.parameters == {"seats": 3, "alternate_seats": 0, "ballot_kind": "strike_out"}
    names = [s.full_name for s in h.uow.votes.subjects(sid)]
    assert names == sorted(names, key=sort_key)
    assert names == [
        "Trần Văn Bình",
        "Lê Minh Châu",
        "Phạm Quốc Dũng",
        "Nguyễn Thị Hoa",
        "Hoàng Thị Lan",
    ]
    assert vote_svc.rulebook_of(session).rulebook_id == "QD190_2024"
    assert h.uow.audit.actions[-1] == "vote.create"


def test_a_confidence_rulebook_or_a_ballot_that_does_not_fit_the_list_is_refused() -> None:
    h = hall()
    with pytest.raises(RuleViolation, match="wrong_rulebook_domain"):
        election_session(h, h.persons[:5], 3, rulebook="QD96_2023")
    with pytest.raises(RuleViolation, match="election_ballot_kind_mismatch") as refused:
        election_session(h, h.persons[:3], 3, STRIKE)
    assert refused.value.citation is not None and refused.value.citation.rule_id == "EL-14"
    with pytest.raises(RuleViolation, match="election_ballot_kind_mismatch"):
        election_session(h, h.persons[:5], 3, APPROVAL)
    with pytest.raises(ValidationError, match="election_seats_invalid"):
        election_session(h, h.persons[:5], 0)
    assert len(h.uow.votes.sessions) == 1  # only the hall's confidence vote


def test_a_counting_member_on_the_list_blocks_the_vote() -> None:
    h = hall()
    sid = election_session(h, h.persons[:5], 3)
    members = [CommitteeMember(h.persons[0], h.counters[0].account_id)]
    vote_svc.set_committee(h.uow, SYSTEM, sid, members)
    with pytest.raises(Conflict) as refused:
        vote_svc.mark_ready(h.uow, SYSTEM, sid)
    issues = refused.value.fields["issues"]
    assert [i["code"] for i in issues] == ["counting_committee_is_candidate"]


def _cast(h: Hall, sid: SessionId, code: str, struck: Sequence[PersonId]) -> str:
    marks = {int(p): "struck" for p in struck}
    return vote_svc.cast_ballot(h.uow, sid, code, marks)


def test_strike_out_ballots_are_cast_on_phones_sealed_and_counted_by_the_rules() -> None:
    h = hall()
    candidates = h.persons[:5]
    sid = election_session(h, candidates, 3)
    codes = codes_for(h, sid, h.persons[:8], Medium.ELECTRONIC)
    shares = run_open(h, sid)
    a, b, c, d, e = candidates
    receipts = [
        _cast(h, sid, codes[0], [d, e]),  # keeps a, b, c: valid
        _cast(h, sid, codes[1], [c, d, e]),  # keeps a, b: valid
        _cast(h, sid, codes[2], [e]),  # keeps 4 > 3 seats: invalid
        _cast(h, sid, codes[3], candidates),  # keeps nobody: invalid
        _cast(h, sid, codes[4], [a, d]),  # keeps b, c, e: valid
    ]
    assert len(set(receipts)) == 5
    box = h.uow.votes.sealed[sid][0]
    assert receipts[0].encode() not in box and b"K" * 3 not in box
    with pytest.raises(ValidationError, match="marks_not_on_ballot"):
        vote_svc.cast_ballot(h.uow, sid, codes[5], {int(a): "high"})
    assert h.uow.votes.sealed_count(sid) == 5
    vote_svc.close_vote(h.uow, SYSTEM, sid)
    data = count_svc.count(h.uow, h.counters[0], sid, shares[:2])
    assert data["kind"] == "election"
    assert data["figures"] == {
        "issued": 8,
        "collected": 5,
        "electronic": 5,
        "paper": 0,
        "valid": 3,
        "invalid": 2,
    }
    reasons = {r["code"]: r for r in data["invalid_reasons"]}
    assert {k: r["count"] for k, r in reasons.items()} == {
        "votes_for_more_than_seats": 1,
        "votes_for_nobody": 1,
    }
    assert reasons["votes_for_nobody"]["citation"]["rule_id"] == "EL-16"
    votes = {c["person_id"]: c["votes"] for c in data["candidates"]}
    assert votes == {int(a): 2, int(b): 3, int(c): 2, int(d): 0, int(e): 1}
    assert [c["person_id"] for c in data["candidates"]] == [
        int(s.person_id) for s in h.uow.votes.subjects(sid)
    ]
    assert sorted(r for r, _ in h.uow.votes.opened[sid]) == sorted(receipts)


def test_the_tally_is_read_once_the_committee_signed() -> None:
    h = hall()
    sid = election_session(h, h.persons[:4], 2)
    codes = codes_for(h, sid, h.persons[:4], Medium.ELECTRONIC)
    shares = run_open(h, sid)
    _cast(h, sid, codes[0], h.persons[:2])
    vote_svc.close_vote(h.uow, SYSTEM, sid)
    count_svc.count(h.uow, h.counters[0], sid, shares[:2])
    assert count_svc.election_tally(h.uow, sid) is None
    provisional = count_svc.election_tally(h.uow, sid, certified_only=False)
    assert provisional is not None and not provisional.certified
    for member in h.counters:
        count_svc.sign(h.uow, member, sid)
    tally = count_svc.election_tally(h.uow, sid)
    assert tally is not None and tally.certified
    assert (tally.seats, tally.ballot_kind, tally.valid, tally.invalid) == (2, STRIKE, 1, 0)
    assert {c.person_id: c.votes for c in tally.candidates}[h.persons[2]] == 1
    assert count_svc.election_tally(h.uow, h.session) is None  # a confidence vote


def test_a_single_name_ballot_with_no_box_goes_to_the_committee() -> None:
    h = hall()
    sid = election_session(h, h.persons[:1], 1, APPROVAL)
    codes = codes_for(h, sid, h.persons[:4], Medium.ELECTRONIC)
    shares = run_open(h, sid)
    person = int(h.persons[0])
    vote_svc.cast_ballot(h.uow, sid, codes[0], {person: "agree"})
    vote_svc.cast_ballot(h.uow, sid, codes[1], {person: "disagree"})
    vote_svc.cast_ballot(h.uow, sid, codes[2], {})  # no box: referred (EL-16)
    vote_svc.close_vote(h.uow, SYSTEM, sid)
    with pytest.raises(Conflict, match="ballots_referred") as refused:
        count_svc.count(h.uow, h.counters[0], sid, shares[:2])
    assert refused.value.fields["codes"] == ["no_box_marked"]
    assert h.uow.votes.results(sid) == []
    data = count_svc.count(
        h.uow, h.counters[0], sid, shares[:2], conclusions={"no_box_marked": "invalid"}
    )
    assert (data["figures"]["valid"], data["figures"]["invalid"]) == (2, 1)
    assert data["candidates"][0]["votes"] == 1
    assert data["invalid_reasons"][0]["citation"]["rule_id"] == "EL-07"


def _reading(
    serial: int, lines: dict[PersonId, LineReading], not_issued: bool = False
) -> PaperReading:
    return PaperReading(serial, {int(k): v for k, v in lines.items()}, not_issued)


def test_paper_ballots_are_entered_twice_by_two_people_and_judged() -> None:
    h = hall()
    a, b, c = h.persons[:3]
    sid = election_session(h, [a, b, c], 2)
    codes_for(h, sid, h.persons[:3], Medium.PAPER)
    run_open(h, sid)
    vote_svc.close_vote(h.uow, SYSTEM, sid)
    K, X = LineReading.KEPT, LineReading.STRUCK
    first = _reading(1, {a: K, b: K, c: X})
    with pytest.raises(ValidationError, match="reading_not_on_ballot"):
        count_svc.enter_paper_ballot(
            h.uow, h.counters[0], sid, 1, _reading(1, {a: LineReading.HIGH, b: K, c: X})
        )
    assert not count_svc.enter_paper_ballot(h.uow, h.counters[0], sid, 1, first)
    with pytest.raises(Conflict, match="entry_same_person"):
        count_svc.enter_paper_ballot(h.uow, h.counters[0], sid, 2, first)
    assert count_svc.enter_paper_ballot(h.uow, h.counters[1], sid, 2, first)
    foreign = _reading(2, {a: K, b: X, c: X}, not_issued=True)
    for op, member in ((1, h.counters[0]), (2, h.counters[1])):
        count_svc.enter_paper_ballot(h.uow, member, sid, op, foreign)
    count_svc.enter_paper_ballot(h.uow, h.counters[0], sid, 1, _reading(3, {a: K, b: K, c: K}))
    count_svc.enter_paper_ballot(h.uow, h.counters[1], sid, 2, _reading(3, {a: K, b: K, c: X}))
    with pytest.raises(Conflict, match="paper_discrepancies"):
        count_svc.count(h.uow, h.counters[0], sid)
    count_svc.resolve(h.uow, h.counters[0], sid, _reading(3, {a: K, b: K, c: K}))
    data = count_svc.count(h.uow, h.counters[0], sid)
    assert data["figures"]["paper"] == 3
    assert (data["figures"]["valid"], data["figures"]["invalid"]) == (1, 2)
    codes = {r["code"] for r in data["invalid_reasons"]}
    assert codes == {"not_issued", "votes_for_more_than_seats"}
    assert {c["person_id"]: c["votes"] for c in data["candidates"]} == {
        int(a): 1,
        int(b): 1,
        int(c): 0,
    }


def test_totals_of_a_manual_count_give_votes_and_valid_and_invalid_ballots() -> None:
    h = hall()
    a, b, c = h.persons[:3]
    sid = election_session(h, [a, b, c], 2, paper_mode=PaperMode.TOTALS)
    codes_for(h, sid, h.persons[:6], Medium.PAPER)
    run_open(h, sid)
    vote_svc.close_vote(h.uow, SYSTEM, sid)
    with pytest.raises(ValidationError, match="counts_exceed_collected"):
        count_svc.enter_election_totals(
            h.uow, h.counters[0], sid, ElectionTotals(4, 1, {a: 5, b: 1, c: 0})
        )
    with pytest.raises(ValidationError, match="election_votes_exceed_seats"):
        count_svc.enter_election_totals(
            h.uow, h.counters[0], sid, ElectionTotals(2, 1, {a: 2, b: 2, c: 1})
        )
    with pytest.raises(ValidationError, match="collected_exceeds_issued"):
        count_svc.enter_election_totals(
            h.uow, h.counters[0], sid, ElectionTotals(6, 1, {a: 1, b: 1, c: 1})
        )
    count_svc.enter_election_totals(
        h.uow, h.counters[0], sid, ElectionTotals(4, 1, {a: 4, b: 3, c: 1})
    )
    data = count_svc.count(h.uow, h.counters[0], sid)
    assert data["figures"]["valid"] == 4 and data["figures"]["invalid"] == 1
    assert data["figures"]["collected"] == 5 and data["figures"]["paper"] == 5
    assert [c["votes"] for c in data["candidates"] if c["person_id"] == int(a)] == [4]
    for member in h.counters:
        count_svc.sign(h.uow, member, sid)
    number = count_svc.correct(
        h.uow,
        h.counters[0],
        sid,
        "Đếm lại phiếu",
        totals=ElectionTotals(5, 0, {a: 5, b: 3, c: 1}),
    )
    assert number == 2
    assert h.uow.votes.results(sid)[-1].data["figures"]["valid"] == 5
    assert h.uow.votes.sessions[sid].status is Status.COUNTED


def test_phone_marks_are_compact_and_a_warning_names_the_rule() -> None:
    order = [PersonId(3), PersonId(5), PersonId(9)]
    assert election.encode_phone_marks(STRIKE, order, {5: "struck"}) == "KXK"
    assert election.encode_phone_marks(APPROVAL, order, {3: "agree", 9: "disagree"}) == "A-D"
    with pytest.raises(ValidationError):
        election.encode_phone_marks(STRIKE, order, {5: "agree"})
    spec = election.ElectionSpec(STRIKE, 2)
    assert election.warning(spec, 3, 2) is None
    over = election.warning(spec, 3, 3)
    assert over is not None and over.code == "votes_for_more_than_seats"
    nobody = election.warning(spec, 3, 0)
    assert nobody is not None and nobody.citation.rule_id == "EL-16"


def test_a_delegates_ballot_may_keep_the_official_and_alternate_seats_together() -> None:
    """Official and alternate delegates are elected from one list (EL-36), so a ballot that
    keeps as many names as both together is valid; one more is not."""
    spec = election.ElectionSpec(STRIKE, 3, 1)
    assert spec.names_to_keep == 4
    assert election.warning(spec, 6, 4) is None
    assert election.warning(spec, 6, 5) is not None
    election.check_spec(spec, 6)  # a surplus over both together: strike-out
    with pytest.raises(RuleViolation):
        election.check_spec(spec, 4)  # no surplus over both: agree/disagree, not strike-out


@given(
    st.integers(min_value=2, max_value=8).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.integers(min_value=1, max_value=n - 1),
            st.lists(st.text(alphabet="KX", min_size=n, max_size=n), min_size=1, max_size=30),
        )
    )
)
@settings(max_examples=60, deadline=None)
def test_the_tally_adds_up_whatever_the_ballots(case: tuple[int, int, list[str]]) -> None:
    """Every ballot is valid or invalid; no name has more votes than valid ballots; no valid
    ballot gives more than the seats (EL-15, EL-16); a ballot keeping 1..seats names is valid."""
    from canbo.core.ballots.catalog import default_registry
    from canbo.services.voting.ports import ElectronicMarks, SubjectData

    n, seats, rows = case
    order = tuple(PersonId(i) for i in range(1, n + 1))
    subjects = [SubjectData(p, f"Người {p}", "") for p in order]
    spec = election.ElectionSpec(STRIKE, seats)
    inputs = election.ElectionInputs(
        subjects, ElectronicMarks(order, rows), {}, None, len(rows), 0, {}
    )
    data = election.compute_tally(default_registry().get("QD190_2024"), spec, inputs)
    f = data["figures"]
    assert f["valid"] + f["invalid"] == f["collected"] == len(rows)
    assert f["valid"] == sum(1 for r in rows if 1 <= r.count("K") <= seats)
    votes = [c["votes"] for c in data["candidates"]]
    assert all(v <= f["valid"] for v in votes)
    assert sum(votes) <= seats * f["valid"]
