"""Handing codes or paper ballots to persons already in the hall, on the in-memory fakes.

A session created after check-in (a further round, the next election of a congress) gets its
hand-over here: one code per person present, shown once and never stored, or a count of
pre-printed slips or paper ballots; a second call gives nothing twice.
"""

from __future__ import annotations

import pytest

from canbo.core.errors import Conflict, NotFound
from canbo.core.types import PersonId, Role
from canbo.services.ports import SYSTEM
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import Medium, SessionId
from tests.unit.services.hall import Hall, check_in, hall, plan
from tests.unit.services.world import staff


def later_session(h: Hall) -> SessionId:
    """A second vote created while the first persons are already in the hall."""
    return vote_svc.create_session(h.uow, SYSTEM, h.conference, plan(h.persons[3:5], h.counters))


def hand(h: Hall, sid: SessionId, **kw: object) -> conf_svc.HandOutResult:
    args: dict[str, object] = {"medium": Medium.ELECTRONIC, "preprinted": False, **kw}
    return conf_svc.hand_out(h.uow, SYSTEM, sid, **args)  # type: ignore[arg-type]


def test_everyone_present_receives_one_code_for_a_session_created_after_check_in() -> None:
    h = hall()
    check_in(h, h.persons[:6])
    sid = later_session(h)
    assert h.uow.votes.handed(sid) == frozenset()  # check-in gave nothing for it
    result = hand(h, sid)
    assert len(result.codes) == 6 == len(set(result.codes))
    assert all(h.uow.codes.is_genuine(sid, c) for c in result.codes)
    assert list(result.codes) == sorted(result.codes)  # a stack, not a list beside the names
    assert (result.counts.present, result.counts.handed, result.counts.to_hand) == (6, 6, 0)
    assert h.uow.votes.sessions[sid].codes_issued == 6
    assert not any(c in repr(vars(h.uow.votes)) for c in result.codes)  # never stored
    assert sorted(result.persons) == sorted(h.uow.conferences.names[p] for p in h.persons[:6])


def test_a_second_hand_out_gives_nothing_twice_and_a_late_arrival_gets_one_at_check_in() -> None:
    h = hall()
    check_in(h, h.persons[:4])
    sid = later_session(h)
    hand(h, sid)
    again = hand(h, sid)
    assert (again.codes, again.persons, again.already) == ((), (), 4)
    late = conf_svc.check_in(h.uow, SYSTEM, h.sites[0], person_id=h.persons[4])
    assert [c.session_id for c in late.codes].count(sid) == 1
    assert hand(h, sid).codes == ()
    assert h.uow.votes.sessions[sid].codes_issued == 5


def test_listed_persons_only_and_a_listed_person_already_handed_is_counted_not_given() -> None:
    h = hall()
    check_in(h, h.persons[:5])
    sid = later_session(h)
    one = hand(h, sid, person_ids=[h.persons[2]])
    assert len(one.codes) == 1 and one.persons == (h.uow.conferences.names[h.persons[2]],)
    two = hand(h, sid, person_ids=[h.persons[2], h.persons[3]])
    assert (len(two.codes), two.already) == (1, 1)
    _, counts, waiting = conf_svc.hand_out_counts(h.uow, SYSTEM, sid)
    assert (counts.present, counts.handed, counts.to_hand) == (5, 2, 3)
    assert {w.person_id for w in waiting} == {h.persons[0], h.persons[1], h.persons[4]}


def test_a_person_not_present_or_not_convened_is_refused_and_nothing_is_handed() -> None:
    h = hall(convened=6)
    check_in(h, h.persons[:3])
    sid = later_session(h)
    with pytest.raises(Conflict) as refused:
        hand(h, sid, person_ids=[h.persons[0], h.persons[4]])
    assert refused.value.code == "hand_out_not_present"
    assert refused.value.citation is not None and refused.value.citation.rule_id == "CV-13"
    assert refused.value.fields["person_id"] == h.persons[4]
    with pytest.raises(NotFound, match="convocation_not_found"):
        hand(h, sid, person_ids=[PersonId(999)])
    assert h.uow.votes.handed(sid) == frozenset()
    assert h.uow.votes.sessions[sid].codes_issued == 0


def test_paper_ballots_and_preprinted_slips_are_counted_and_nothing_is_minted() -> None:
    h = hall()
    check_in(h, h.persons[:4])
    sid = later_session(h)
    paper = hand(h, sid, medium=Medium.PAPER, person_ids=h.persons[:2])
    assert (paper.codes, len(paper.persons)) == ((), 2)
    with pytest.raises(Conflict, match="hand_out_no_slips"):
        hand(h, sid, preprinted=True)
    vote_svc.print_slips(h.uow, SYSTEM, sid, 4)
    slips = hand(h, sid, preprinted=True)
    assert (slips.codes, len(slips.persons)) == ((), 2)
    assert h.uow.votes.participation_counts(sid) == {Medium.PAPER: 2, Medium.ELECTRONIC: 2}


def test_a_session_that_no_longer_takes_codes_is_refused_with_the_rule() -> None:
    h = hall()
    check_in(h, h.persons[:7])
    vote_svc.mark_ready(h.uow, SYSTEM, h.session)
    vote_svc.make_ballot_key(h.uow, h.counters[0], h.session)
    vote_svc.open_vote(h.uow, SYSTEM, h.session)
    vote_svc.close_vote(h.uow, SYSTEM, h.session)
    with pytest.raises(Conflict) as refused:
        hand(h, h.session)
    assert refused.value.code == "vote_wrong_status"
    assert refused.value.fields["status"] == "closed"
    assert refused.value.citation is not None and refused.value.citation.rule_id == "CV-13"
    with pytest.raises(NotFound, match="vote_not_found"):
        hand(h, SessionId(999))


def test_staff_outside_the_unit_get_not_found_and_the_counting_committee_may_hand_out() -> None:
    h = hall()
    check_in(h, h.persons[:3])
    sid = later_session(h)
    outsider = staff("tochuc.khac", Role.ORG_STAFF, h.tree.tuyen_quang_old)
    with pytest.raises(NotFound):
        conf_svc.hand_out(h.uow, outsider, sid, medium=Medium.ELECTRONIC, preprinted=False)
    given = conf_svc.hand_out(h.uow, h.counters[0], sid, medium=Medium.PAPER, preprinted=False)
    assert len(given.persons) == 3


def test_the_audit_entry_holds_counts_only() -> None:
    h = hall()
    check_in(h, h.persons[:3])
    sid = later_session(h)
    result = hand(h, sid)
    entry = h.uow.audit.entries[-1]
    assert (entry.action, entry.object_id) == ("vote.hand_out", str(sid))
    assert entry.details == {
        "medium": "electronic",
        "preprinted": False,
        "listed": False,
        "handed": 3,
        "already": 0,
        "present": 3,
    }
    text = repr(entry)
    assert not any(c in text for c in result.codes)
    assert not any(n in text for n in result.persons)


def test_codes_handed_out_cast_once_each() -> None:
    h = hall()
    check_in(h, h.persons[:7])
    sid = later_session(h)
    codes = hand(h, sid).codes
    vote_svc.mark_ready(h.uow, SYSTEM, sid)
    vote_svc.make_ballot_key(h.uow, h.counters[0], sid)
    vote_svc.open_vote(h.uow, SYSTEM, sid)
    marks = {int(p): "high" for p in h.persons[3:5]}
    for code in codes:
        assert vote_svc.cast_ballot(h.uow, sid, code, marks)
    assert h.uow.votes.sealed_count(sid) == 7
    with pytest.raises(Conflict, match="code_already_used"):
        vote_svc.cast_ballot(h.uow, sid, codes[0], marks)


def test_a_round_of_the_new_committee_goes_only_to_its_members() -> None:
    """At the committee's first conference only its members elect (EL-21): the hand-out and a
    late check-in give the rest of the hall nothing for that round."""
    h = hall()
    check_in(h, h.persons[:6])
    members = h.persons[:3]
    sid = vote_svc.create_election_session(
        h.uow, SYSTEM, h.conference, "Bầu Bí thư", "QD190_2024", members[:2], 1, 0,
        "strike_out", electorate=members,
    )  # fmt: skip
    result = hand(h, sid)
    assert len(result.codes) == 3
    assert sorted(result.persons) == sorted(h.uow.conferences.names[p] for p in members)
    with pytest.raises(Conflict) as refused:
        hand(h, sid, person_ids=[h.persons[4]])
    assert refused.value.code == "hand_out_not_in_electorate"
    late = conf_svc.check_in(h.uow, SYSTEM, h.sites[0], person_id=h.persons[6])
    assert sid not in [c.session_id for c in late.codes]
