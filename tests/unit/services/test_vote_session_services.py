"""The vote session's lifecycle on the in-memory fakes: draft, ready, open, closed, and the
refusals on the way (readiness, quorum, the committee's key, codes, a closed vote)."""

from __future__ import annotations

import dataclasses

import pytest

from canbo.core.errors import Conflict, NotFound, PermissionDenied, RuleViolation, ValidationError
from canbo.core.types import Role
from canbo.services.ports import SYSTEM
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import Status
from tests.unit.services.hall import Hall, check_in, hall, open_vote, plan
from tests.unit.services.world import staff


def status(h: Hall) -> Status:
    return h.uow.votes.sessions[h.session].status


def test_a_vote_runs_from_draft_to_closed_and_each_step_is_audited() -> None:
    h = hall()
    check_in(h, h.persons[:7])
    assert status(h) is Status.DRAFT
    open_vote(h)
    assert status(h) is Status.OPEN
    session = h.uow.votes.sessions[h.session]
    assert (session.opened_present, session.opened_base) == (7, 9)
    vote_svc.close_vote(h.uow, SYSTEM, h.session)
    assert status(h) is Status.CLOSED
    steps = [a for a in h.uow.audit.actions if a.startswith("vote.")]
    assert steps == ["vote.create", "vote.ready", "vote.key", "vote.open", "vote.close"]


def test_a_draft_without_subjects_or_committee_lists_every_blocking_issue() -> None:
    h = hall()
    empty = dataclasses.replace(plan([], []), title="Phiếu thử")
    vote_svc.update_session(h.uow, SYSTEM, h.session, empty)
    with pytest.raises(Conflict) as refused:
        vote_svc.mark_ready(h.uow, SYSTEM, h.session)
    codes = {issue["code"] for issue in refused.value.fields["issues"]}
    assert codes == {"no_subjects", "no_counting_committee"}
    assert status(h) is Status.DRAFT


def test_the_vote_does_not_open_without_two_thirds_present() -> None:
    h = hall()
    check_in(h, h.persons[:5])
    vote_svc.mark_ready(h.uow, SYSTEM, h.session)
    vote_svc.make_ballot_key(h.uow, h.counters[0], h.session)
    with pytest.raises(RuleViolation) as refused:
        vote_svc.open_vote(h.uow, SYSTEM, h.session)
    assert refused.value.code == "quorum_not_met"
    assert refused.value.citation is not None
    assert status(h) is Status.READY


def test_the_vote_does_not_open_before_the_committee_made_its_key() -> None:
    h = hall()
    check_in(h, h.persons[:7])
    vote_svc.mark_ready(h.uow, SYSTEM, h.session)
    with pytest.raises(Conflict, match="ballot_key_missing"):
        vote_svc.open_vote(h.uow, SYSTEM, h.session)
    assert status(h) is Status.READY


def test_only_a_member_of_the_counting_committee_makes_the_key() -> None:
    h = hall()
    stranger = staff("kiemphieu.khac", Role.COUNTING_COMMITTEE, h.unit)
    with pytest.raises(PermissionDenied):
        vote_svc.make_ballot_key(h.uow, stranger, h.session)
    assert h.uow.votes.sessions[h.session].ballot_key == ""


def test_a_ballot_is_cast_once_per_code_and_stored_sealed() -> None:
    h = hall()
    codes = check_in(h, h.persons[:7])
    open_vote(h)
    marks = {int(p): "high" for p in h.subjects}
    receipt = vote_svc.cast_ballot(h.uow, h.session, codes[0], marks)
    assert receipt
    assert h.uow.votes.sealed_count(h.session) == 1
    assert receipt.encode() not in h.uow.votes.sealed[h.session][0]
    with pytest.raises(Conflict, match="code_already_used"):
        vote_svc.cast_ballot(h.uow, h.session, codes[0], marks)
    assert h.uow.votes.sealed_count(h.session) == 1


def test_a_made_up_code_and_marks_off_the_ballot_are_refused_without_a_trace() -> None:
    h = hall()
    codes = check_in(h, h.persons[:7])
    open_vote(h)
    with pytest.raises(ValidationError, match="code_unknown"):
        vote_svc.cast_ballot(h.uow, h.session, "ABCD-EFGH-JKLM", {})
    with pytest.raises(ValidationError, match="marks_not_on_ballot"):
        vote_svc.cast_ballot(h.uow, h.session, codes[0], {999: "high"})
    assert h.uow.votes.spent == set()
    assert h.uow.votes.sealed_count(h.session) == 0


def test_no_ballot_is_accepted_after_the_close() -> None:
    h = hall()
    codes = check_in(h, h.persons[:7])
    open_vote(h)
    vote_svc.close_vote(h.uow, SYSTEM, h.session)
    with pytest.raises(Conflict):
        vote_svc.cast_ballot(h.uow, h.session, codes[0], {})
    assert h.uow.votes.sealed_count(h.session) == 0


def test_an_open_vote_can_no_longer_be_edited_or_closed_twice() -> None:
    h = hall()
    check_in(h, h.persons[:7])
    open_vote(h)
    with pytest.raises(Conflict):
        vote_svc.update_session(h.uow, SYSTEM, h.session, plan(h.subjects, h.counters))
    vote_svc.close_vote(h.uow, SYSTEM, h.session)
    with pytest.raises(Conflict):
        vote_svc.close_vote(h.uow, SYSTEM, h.session)
    assert h.uow.audit.actions.count("vote.close") == 1


def test_a_draft_vote_is_not_public() -> None:
    h = hall()
    with pytest.raises(NotFound):
        vote_svc.check_code(h.uow, h.session, "ABCD-EFGH-JKLM")


def test_a_new_counting_committee_voids_the_key() -> None:
    h = hall()
    vote_svc.make_ballot_key(h.uow, h.counters[0], h.session)
    vote_svc.update_session(h.uow, SYSTEM, h.session, plan(h.subjects, h.counters[:1]))
    assert h.uow.votes.sessions[h.session].ballot_key == ""
