"""Elections at a congress on in-memory fakes: the order of elections, the list and its
nominations, rounds with a tie and a shortfall, the minutes and the higher committee's
approval that alone writes the registry."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from canbo.core.elections.denominator import Removed
from canbo.core.elections.model import CongressKind, ElectionKind, ElectionStatus, Subtraction
from canbo.core.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from canbo.core.types import PersonId, Role, Sex, UnitId
from canbo.services.elections import approval, candidates, elections, reading, results
from canbo.services.elections.ports import (
    CandidateSource,
    CommitteeMember,
    CongressId,
    ElectionId,
    PersonFacts,
    Tally,
)
from canbo.services.ports import Actor, Grant
from tests.fakes.elections import (
    FakeCongress,
    FakeElectionsUnitOfWork,
    FakeTree,
    congress_info,
)

PROVINCE, COMMUNE, OTHER = UnitId(1), UnitId(2), UnitId(3)
RUNNER = Actor(None, "ban-to-chuc-xa", (Grant(Role.ORG_STAFF, COMMUNE),))
HIGHER = Actor(None, "ban-to-chuc-tinh", (Grant(Role.ORG_STAFF, PROVINCE),))
STRANGER = Actor(None, "xa-khac", (Grant(Role.ORG_STAFF, OTHER),))
NOW = dt.datetime(2025, 4, 11, 10, 30, tzinfo=dt.UTC)
TODAY = dt.date(2025, 5, 20)
CID = CongressId(1)
NAMES = (
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Văn Cường",
    "Phạm Thị Dung",
    "Hoàng Văn Em",
    "Vũ Thị Giang",
    "Đặng Văn Hải",
    "Bùi Thị Hạnh",
    "Đỗ Văn Khoa",
    "Ngô Thị Lan",
    "Dương Văn Minh",
    "Lý Thị Nga",
)


def _world(
    kind: CongressKind = CongressKind.MEMBERS,
    official: int = 20,
    opens_on: dt.date = dt.date(2025, 4, 10),
) -> FakeElectionsUnitOfWork:
    uow = FakeElectionsUnitOfWork(FakeTree({PROVINCE: None, COMMUNE: PROVINCE, OTHER: PROVINCE}))
    info = congress_info(1, COMMUNE, PROVINCE, kind, official_members=official, opens_on=opens_on)
    congress = FakeCongress(info, convened=20)
    congress.counting = [CommitteeMember(PersonId(901), "Mai Văn Tổ", True)]
    uow.congresses.congresses[CID] = congress
    for i, name in enumerate(NAMES, start=1):
        uow.congresses.known[PersonId(i)] = PersonFacts(
            PersonId(i), name, dt.date(1980, 1, 1), Sex.MALE
        )
    uow.congresses.known[PersonId(901)] = PersonFacts(
        PersonId(901), "Mai Văn Tổ", dt.date(1975, 1, 1), Sex.MALE
    )
    return uow


def _election(uow: FakeElectionsUnitOfWork, kind: ElectionKind, seats: int) -> ElectionId:
    return elections.create_election(
        uow, RUNNER, CID, kind, seats, seats_for=18, seats_against=1, attending=19
    )


def _list(uow: FakeElectionsUnitOfWork, eid: ElectionId, people: range) -> None:
    for p in people:
        candidates.add_candidate(uow, RUNNER, CID, eid, PersonId(p), CandidateSource.CONVENER)


def _tally(uow: FakeElectionsUnitOfWork, eid: ElectionId, votes: dict[int, int], **kw: int) -> None:
    session = uow.elections.rounds(eid)[-1].session_id
    figures = {"issued": 20, "collected": 20, "valid": 19, "invalid": 1, **kw}
    uow.ballots.tallies[session] = Tally(
        figures["issued"], figures["collected"], figures["valid"], figures["invalid"], votes
    )


def _committee_elected(uow: FakeElectionsUnitOfWork) -> ElectionId:
    """A committee of 3 elected from 4 names in one round, minutes signed."""
    eid = _election(uow, ElectionKind.COMMITTEE, 3)
    _list(uow, eid, range(1, 5))
    elections.approve_list(uow, RUNNER, CID, eid, agree=19, against=0, attending=19)
    results.start_round(uow, RUNNER, CID, eid)
    _tally(uow, eid, {1: 18, 2: 17, 3: 16, 4: 3})
    results.record_result(uow, RUNNER, CID, eid, NOW)
    rnd = uow.elections.rounds(eid)[-1]
    assert rnd.round_id is not None
    results.sign_minutes(uow, RUNNER, CID, eid, rnd.round_id, NOW)
    return eid


def test_a_committee_election_with_a_floor_nominee_and_a_tie_resolved_by_a_further_round() -> None:
    uow = _world()
    eid = _election(uow, ElectionKind.COMMITTEE, 7)
    _list(uow, eid, range(1, 9))
    candidates.add_candidate(
        uow, RUNNER, CID, eid, PersonId(9), CandidateSource.FLOOR, agree=7, attending=19
    )
    elections.approve_list(uow, RUNNER, CID, eid, agree=19, against=0, attending=19)
    results.start_round(uow, RUNNER, CID, eid)
    printed = uow.ballots.sessions[uow.elections.rounds(eid)[0].session_id][4]
    assert [n.full_name for n in printed][:3] == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
    _tally(uow, eid, {1: 18, 2: 17, 3: 16, 4: 15, 5: 14, 6: 13, 7: 12, 8: 12, 9: 5})
    data = results.record_result(uow, RUNNER, CID, eid, NOW)
    assert data["tie"] == ["Đặng Văn Hải", "Bùi Thị Hạnh"]
    assert uow.elections.get(eid).status == ElectionStatus.TIE  # type: ignore[union-attr]

    with pytest.raises(RuleViolation) as refused:
        results.start_round(uow, RUNNER, CID, eid)
    assert refused.value.code == "election_decision_required"
    assert refused.value.citation.rule_id == "EL-25"  # type: ignore[union-attr]

    results.start_round(uow, RUNNER, CID, eid, decision="Đại hội biểu quyết bầu lại 2 đồng chí")
    second = uow.elections.rounds(eid)[1]
    assert second.seats == 1 and set(second.restricted_to) == {7, 8}
    assert [n.person_id for n in uow.ballots.sessions[second.session_id][4]] == [7, 8]
    _tally(uow, eid, {7: 15, 8: 4})
    results.record_result(uow, RUNNER, CID, eid, NOW)
    assert second.round_id is not None
    results.sign_minutes(uow, RUNNER, CID, eid, second.round_id, NOW)
    assert uow.elections.get(eid).status == ElectionStatus.PROVISIONAL  # type: ignore[union-attr]


def test_a_nominee_without_more_than_30_percent_is_refused_and_nothing_is_stored() -> None:
    uow = _world()
    eid = _election(uow, ElectionKind.COMMITTEE, 7)
    before = len(uow.audit.entries)
    with pytest.raises(RuleViolation) as refused:
        candidates.add_candidate(
            uow, RUNNER, CID, eid, PersonId(9), CandidateSource.SELF, agree=6, attending=20
        )
    assert refused.value.citation.rule_id == "EL-10"  # type: ignore[union-attr]
    assert uow.elections.candidates(eid) == [] and len(uow.audit.entries) == before


def test_not_convened_and_counting_committee_members_are_refused_with_their_rules() -> None:
    uow = _world()
    uow.congresses.congresses[CID].not_convened.add(PersonId(5))
    eid = _election(uow, ElectionKind.COMMITTEE, 7)
    with pytest.raises(RuleViolation) as absent:
        candidates.add_candidate(uow, RUNNER, CID, eid, PersonId(5), CandidateSource.CONVENER)
    assert absent.value.citation.rule_id == "EL-35"  # type: ignore[union-attr]
    with pytest.raises(RuleViolation) as counting:
        candidates.add_candidate(uow, RUNNER, CID, eid, PersonId(901), CandidateSource.CONVENER)
    assert counting.value.citation.rule_id == "EL-06"  # type: ignore[union-attr]


def test_an_election_out_of_order_is_refused_citing_the_order() -> None:
    uow = _world()
    with pytest.raises(RuleViolation) as refused:
        _election(uow, ElectionKind.SECRETARY, 1)
    assert refused.value.code == "election_out_of_order"
    assert uow.elections.elections == {}


def test_a_list_over_the_cap_is_refused_then_trimmed_by_an_opinion_ballot() -> None:
    uow = _world()
    eid = _election(uow, ElectionKind.COMMITTEE, 7)
    _list(uow, eid, range(1, 11))  # 10 names for 7 seats: 30 > 21
    with pytest.raises(RuleViolation) as refused:
        elections.approve_list(uow, RUNNER, CID, eid, agree=19, against=0, attending=19)
    assert refused.value.citation.rule_id == "EL-09"  # type: ignore[union-attr]
    rows = uow.elections.candidates(eid)
    counts = {int(c.candidate_id or 0): 19 - i for i, c in enumerate(rows)}
    trimmed = candidates.record_opinion_ballot(uow, RUNNER, CID, eid, counts, 19)
    assert trimmed == [rows[-1].full_name]
    elections.approve_list(uow, RUNNER, CID, eid, agree=19, against=0, attending=19)
    assert uow.elections.get(eid).status == ElectionStatus.LIST_APPROVED  # type: ignore[union-attr]


def test_results_that_do_not_reconcile_are_refused_naming_the_check() -> None:
    uow = _world()
    eid = _election(uow, ElectionKind.COMMITTEE, 3)
    _list(uow, eid, range(1, 5))
    elections.approve_list(uow, RUNNER, CID, eid, agree=19, against=0, attending=19)
    results.start_round(uow, RUNNER, CID, eid)
    _tally(uow, eid, {1: 18, 2: 17, 3: 16, 4: 3}, collected=21)
    with pytest.raises(RuleViolation) as refused:
        results.record_result(uow, RUNNER, CID, eid, NOW)
    assert refused.value.fields["check"]
    assert uow.elections.rounds(eid)[0].result is None
    assert uow.elections.get(eid).status == ElectionStatus.VOTING  # type: ignore[union-attr]


def test_the_base_lists_every_subtraction_by_name() -> None:
    uow = _world()
    uow.congresses.congresses[CID].removed = [
        Removed(Subtraction.ABSENT_ACCEPTED, 12, "Lý Thị Nga"),
        Removed(Subtraction.SUSPENDED, 11, "Dương Văn Minh"),
    ]
    eid = _election(uow, ElectionKind.COMMITTEE, 3)
    _list(uow, eid, range(1, 5))
    elections.approve_list(uow, RUNNER, CID, eid, agree=19, against=0, attending=19)
    results.start_round(uow, RUNNER, CID, eid)
    _tally(uow, eid, {1: 18, 2: 17, 3: 9, 4: 3}, issued=18, collected=18, valid=18, invalid=0)
    data = results.record_result(uow, RUNNER, CID, eid, NOW)
    assert data["denominator"]["value"] == 18
    names = [n for line in data["denominator"]["subtractions"] for n in line["names"]]
    assert sorted(names) == ["Dương Văn Minh", "Lý Thị Nga"]
    assert data["elected"] == ["Nguyễn Văn An", "Trần Thị Bình"]  # 9 votes: 2 * 9 = D
    assert uow.elections.get(eid).status == ElectionStatus.SHORTFALL  # type: ignore[union-attr]


def test_the_secretary_comes_from_the_elected_committee_with_its_members_as_base() -> None:
    uow = _world()
    _committee_elected(uow)
    eid = _election(uow, ElectionKind.SECRETARY, 1)
    with pytest.raises(RuleViolation) as outside:
        candidates.add_candidate(uow, RUNNER, CID, eid, PersonId(4), CandidateSource.CONVENER)
    assert outside.value.citation.rule_id == "EL-26"  # type: ignore[union-attr]
    candidates.add_candidate(uow, RUNNER, CID, eid, PersonId(1), CandidateSource.CONVENER)
    elections.approve_list(uow, RUNNER, CID, eid, agree=3, against=0, attending=3)
    results.start_round(uow, RUNNER, CID, eid)
    session = uow.elections.rounds(eid)[0].session_id
    assert sorted(uow.ballots.electorates[session]) == [1, 2, 3]  # only the committee votes
    _tally(uow, eid, {1: 2}, issued=3, collected=3, valid=3, invalid=0)
    data = results.record_result(uow, RUNNER, CID, eid, NOW)
    assert data["denominator"]["value"] == 3 and data["elected"] == ["Nguyễn Văn An"]


def test_a_round_of_the_whole_congress_names_those_who_elect_at_it() -> None:
    uow = _world()
    voters = {PersonId(p) for p in range(1, 13)}  # the probationary members are not among them
    uow.congresses.congresses[CID].voters = voters
    eid = _election(uow, ElectionKind.COMMITTEE, 3)
    _list(uow, eid, range(1, 5))
    elections.approve_list(uow, RUNNER, CID, eid, agree=19, against=0, attending=19)
    results.start_round(uow, RUNNER, CID, eid)
    session = uow.elections.rounds(eid)[0].session_id
    assert uow.ballots.electorates[session] == sorted(int(p) for p in voters)


def test_a_cell_secretary_gets_three_rounds_then_the_election_closes_unfilled() -> None:
    uow = _world(CongressKind.CELL, official=6, opens_on=dt.date(2025, 8, 10))  # QĐ 294
    eid = _election(uow, ElectionKind.SECRETARY, 1)
    _list(uow, eid, range(1, 2))
    elections.approve_list(uow, RUNNER, CID, eid, agree=19, against=0, attending=19)
    for number in (1, 2, 3):
        decision = "" if number == 1 else f"Đại hội quyết định bầu vòng {number}"
        results.start_round(uow, RUNNER, CID, eid, decision=decision)
        _tally(uow, eid, {1: 8})
        results.record_result(uow, RUNNER, CID, eid, NOW)
        rnd = uow.elections.rounds(eid)[-1]
        assert rnd.round_id is not None
        results.sign_minutes(uow, RUNNER, CID, eid, rnd.round_id, NOW)
    with pytest.raises(RuleViolation) as refused:
        results.start_round(uow, RUNNER, CID, eid, decision="Bầu vòng 4")
    assert refused.value.code == "cell_secretary_rounds_exhausted"
    status = results.close_unfilled(uow, RUNNER, CID, eid, "Đề nghị cấp trên chỉ định")
    assert status == ElectionStatus.CLOSED_UNFILLED


def test_only_the_higher_committee_approves_and_only_then_the_registry_changes() -> None:
    uow = _world()
    eid = _committee_elected(uow)
    assert uow.registry.posts == []
    with pytest.raises(PermissionDenied):
        approval.approve(
            uow, RUNNER, CID, decision_number="12-QĐ/ĐU", decided_on=TODAY, today=TODAY
        )
    done = approval.approve(
        uow, HIGHER, CID, decision_number="125-QĐ/TU", decided_on=TODAY, today=TODAY
    )
    assert done == [eid]
    assert uow.elections.get(eid).status == ElectionStatus.APPROVED  # type: ignore[union-attr]
    assert [p for p, _ in uow.registry.posts] == [1, 2, 3]
    assert {d.title_code for _, d in uow.registry.posts} == {"UV_BCH"}
    assert uow.registry.terms[0].name == "2025–2030"
    with pytest.raises(Conflict):
        approval.approve(
            uow, HIGHER, CID, decision_number="126-QĐ/TU", decided_on=TODAY, today=TODAY
        )
    deputy = _election(uow, ElectionKind.SECRETARY, 1)
    _list(uow, deputy, range(2, 3))
    elections.approve_list(uow, RUNNER, CID, deputy, agree=3, against=0, attending=3)
    results.start_round(uow, RUNNER, CID, deputy)
    _tally(uow, deputy, {2: 3}, issued=3, collected=3, valid=3, invalid=0)
    results.record_result(uow, RUNNER, CID, deputy, NOW)
    rnd = uow.elections.rounds(deputy)[0]
    assert rnd.round_id is not None
    results.sign_minutes(uow, RUNNER, CID, deputy, rnd.round_id, NOW)
    approval.approve(uow, HIGHER, CID, decision_number="130-QĐ/TU", decided_on=TODAY, today=TODAY)
    assert len(uow.registry.terms) == 1  # the term was recorded with the committee
    assert uow.registry.posts[-1][1].title_code == "BT_CU"


def test_a_congress_outside_the_scope_is_not_found() -> None:
    uow = _world()
    with pytest.raises(NotFound):
        _election_as(uow, STRANGER)


def _election_as(uow: FakeElectionsUnitOfWork, actor: Actor) -> ElectionId:
    return elections.create_election(
        uow, actor, CID, ElectionKind.COMMITTEE, 7, seats_for=18, seats_against=1, attending=19
    )


def test_supplementary_steps_go_in_order() -> None:
    uow = _world()
    _committee_elected(uow)
    eid = elections.create_election(
        uow,
        RUNNER,
        CID,
        ElectionKind.COMMITTEE,
        1,
        seats_for=18,
        seats_against=0,
        attending=19,
        supplementary=True,
    )
    with pytest.raises(RuleViolation) as refused:
        elections.record_step(uow, RUNNER, CID, eid, "nominations")
    assert refused.value.citation.rule_id == "EL-27"  # type: ignore[union-attr]
    elections.record_step(uow, RUNNER, CID, eid, "need_reported")
    assert uow.elections.get(eid).steps == ("need_reported",)  # type: ignore[union-attr]


def test_delegates_and_alternates_are_elected_on_one_list() -> None:
    uow = _world()
    eid = elections.create_election(
        uow, RUNNER, CID, ElectionKind.DELEGATES, 2, seats_for=18, seats_against=0,
        attending=19, alternate_seats=1,
    )  # fmt: skip
    _list(uow, eid, range(1, 5))
    elections.approve_list(uow, RUNNER, CID, eid, agree=19, against=0, attending=19)
    results.start_round(uow, RUNNER, CID, eid)
    assert uow.ballots.sessions[uow.elections.rounds(eid)[0].session_id][2] == 1
    _tally(uow, eid, {1: 15, 2: 14, 3: 13, 4: 3})
    data = results.record_result(uow, RUNNER, CID, eid, NOW)
    assert data["elected"] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert data["alternates"] == ["Lê Văn Cường"]


def test_the_minutes_are_refused_while_a_check_fails_and_name_it() -> None:
    uow = _world()
    eid = _committee_elected(uow)
    rnd = uow.elections.rounds(eid)[0]
    assert rnd.result is not None and rnd.round_id is not None
    broken = dict(rnd.result)
    broken["checks"] = [
        {
            "rule": "valid_plus_invalid_is_collected",
            "ok": False,
            "message": "election_valid_invalid_not_collected",
            "fields": {},
        }
    ]
    uow.elections.round_rows[rnd.round_id] = dataclasses.replace(
        rnd, result=broken, minutes_signed_at=None
    )
    with pytest.raises(RuleViolation) as refused:
        reading.minutes(uow, RUNNER, CID, eid, rnd.round_id)
    assert refused.value.code == "election_valid_invalid_not_collected"
    assert refused.value.fields["check"] == "valid_plus_invalid_is_collected"
    with pytest.raises(RuleViolation):
        results.sign_minutes(uow, RUNNER, CID, eid, rnd.round_id, NOW)


def test_a_convening_committee_member_may_not_stand_from_the_floor() -> None:
    uow = _world()
    uow.congresses.congresses[CID].conveners.add(PersonId(6))
    eid = _election(uow, ElectionKind.COMMITTEE, 7)
    with pytest.raises(RuleViolation) as refused:
        candidates.add_candidate(
            uow, RUNNER, CID, eid, PersonId(6), CandidateSource.FLOOR, agree=10, attending=19
        )
    assert refused.value.citation.rule_id == "EL-12"  # type: ignore[union-attr]


def test_a_candidate_without_the_working_time_left_blocks_the_list_citing_the_age_rule() -> None:
    uow = _world()
    uow.congresses.known[PersonId(4)] = PersonFacts(
        PersonId(4), "Phạm Thị Dung", dt.date(1967, 3, 1), Sex.FEMALE
    )
    eid = _election(uow, ElectionKind.COMMITTEE, 3)
    _list(uow, eid, range(1, 5))
    view = reading.election_view(uow, RUNNER, CID, eid)
    ages = {line.candidate.full_name: line.age for line in view.candidates}
    assert ages["Phạm Thị Dung"] is not None and ages["Phạm Thị Dung"].blocking
    assert ages["Nguyễn Văn An"] is not None and ages["Nguyễn Văn An"].ok
    with pytest.raises(RuleViolation) as refused:
        elections.approve_list(uow, RUNNER, CID, eid, agree=19, against=0, attending=19)
    assert refused.value.code == "election_candidate_age"
    assert refused.value.citation.rule_id == "EL-33"  # type: ignore[union-attr]


def test_a_withdrawal_needs_the_congress_decision_and_keeps_the_name_recorded() -> None:
    uow = _world()
    eid = _election(uow, ElectionKind.COMMITTEE, 3)
    _list(uow, eid, range(1, 5))
    row = uow.elections.candidates(eid)[0]
    assert row.candidate_id is not None
    with pytest.raises(ValidationError):
        candidates.withdraw(uow, RUNNER, CID, eid, row.candidate_id, " ")
    candidates.withdraw(uow, RUNNER, CID, eid, row.candidate_id, "Đại hội đồng ý cho rút")
    view = reading.election_view(uow, RUNNER, CID, eid)
    assert len(view.candidates) == 3
    assert [c.withdrawal_decision for c in view.withdrawn] == ["Đại hội đồng ý cho rút"]


def test_a_show_of_hands_not_carried_is_refused() -> None:
    uow = _world()
    with pytest.raises(RuleViolation) as refused:
        elections.create_election(
            uow, RUNNER, CID, ElectionKind.COMMITTEE, 7, seats_for=9, seats_against=10,
            attending=19,
        )  # fmt: skip
    assert refused.value.citation.rule_id == "EL-04"  # type: ignore[union-attr]
