"""The appointment procedures and the rules of each step, clause by clause (AP-11 to AP-18,
TR-02, ST-04, ST-07), with properties of the step-3 and step-5 thresholds."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.appointments.rulebooks import QD80_2022, QD377_2025
from canbo.core.appointments.steps import (
    BallotMode,
    OutcomeStatus,
    ProcedureKind,
    StepCount,
    StepKind,
    check_next,
    kept_on_restart,
    outcome,
    procedure,
    quorum,
)
from canbo.core.errors import RuleViolation, ValidationError
from canbo.core.rulebook import ParamSpec

IN_PLACE = procedure(ProcedureKind.IN_PLACE, QD377_2025)
OUTSIDE = procedure(ProcedureKind.OUTSIDE, QD377_2025)
REAPPOINT = procedure(ProcedureKind.REAPPOINTMENT, QD377_2025)
STEP = {d.kind: d for d in (*IN_PLACE, *OUTSIDE, *REAPPOINT)}


def count(
    votes: dict[str, int],
    *,
    convened: int = 20,
    present: int | None = None,
    members: int | None = None,
    valid: int | None = None,
    on: dt.date | None = None,
) -> StepCount:
    present = convened if present is None else present
    return StepCount(
        convened=convened,
        present=present,
        collective_members=convened if members is None else members,
        valid_ballots=present if valid is None else valid,
        votes=votes,
        on=on,
    )


# AP-11: five steps in place, in order; step 2 (AP-13) alone is sealed.
def test_the_in_place_procedure_has_five_steps_in_order_with_only_step_two_sealed() -> None:
    assert [d.kind for d in IN_PLACE] == [
        StepKind.LEADERSHIP_FIRST,
        StepKind.WIDER,
        StepKind.LEADERSHIP_NOMINATE,
        StepKind.KEY_CADRES,
        StepKind.LEADERSHIP_DECIDE,
    ]
    assert [d.order for d in IN_PLACE] == [1, 2, 3, 4, 5]
    assert [d.rule for d in IN_PLACE] == ["AP-12", "AP-13", "AP-14", "AP-15", "AP-16"]
    assert [d.sealed for d in IN_PLACE] == [False, True, False, False, False]
    assert [d.ballot for d in IN_PLACE] == [
        BallotMode.NONE,
        BallotMode.NOMINATE,
        BallotMode.NOMINATE,
        BallotMode.OPINION,
        BallotMode.DECIDE,
    ]
    assert all(d.citation.document == "QĐ 377-QĐ/TW" for d in IN_PLACE)
    assert procedure(ProcedureKind.IN_PLACE, QD80_2022)[0].citation.document == "QĐ 80-QĐ/TW"
    assert all(d.body_vi and d.body_en for d in IN_PLACE)


# AP-18 -> ST-04: the State's three steps for a candidate from elsewhere.
def test_a_candidate_from_elsewhere_follows_the_state_three_steps() -> None:
    assert [(d.kind, d.ballot, d.rule) for d in OUTSIDE] == [
        (StepKind.RECEIVING_TALKS, BallotMode.NONE, "ST-04"),
        (StepKind.SENDING_VOTE, BallotMode.DECIDE, "ST-04"),
        (StepKind.REPORT, BallotMode.NONE, "ST-04"),
    ]
    assert OUTSIDE[1].citation.document == "NĐ 170/2025/NĐ-CP"


def test_an_outside_procedure_the_handbook_does_not_describe_is_refused() -> None:
    custom = ParamSpec("ap_outside_procedure", "custom", ("state_3_steps", "custom"), "AP-18")
    specs = tuple(custom if s.name == custom.name else s for s in QD377_2025.specs)
    book = dataclasses.replace(QD377_2025, specs=specs)
    with pytest.raises(RuleViolation) as refused:
        procedure(ProcedureKind.OUTSIDE, book)
    assert refused.value.code == "outside_procedure_not_specified"
    assert refused.value.citation is not None and refused.value.citation.rule_id == "AP-18"


def test_reappointment_is_one_ballot_of_the_leadership_collective() -> None:
    assert [(d.kind, d.ballot, d.rule) for d in REAPPOINT] == [
        (StepKind.COLLECTIVE_VOTE, BallotMode.DECIDE, "TR-02")
    ]


# AP-11: steps in order.
def test_steps_run_in_order_and_a_step_out_of_order_is_refused() -> None:
    check_next(IN_PLACE, [], StepKind.LEADERSHIP_FIRST)
    check_next(IN_PLACE, [StepKind.LEADERSHIP_FIRST], StepKind.WIDER)
    for done, nxt in (
        ([], StepKind.WIDER),
        ([StepKind.LEADERSHIP_FIRST], StepKind.LEADERSHIP_NOMINATE),
        ([StepKind.LEADERSHIP_FIRST], StepKind.LEADERSHIP_FIRST),
        ([StepKind.WIDER], StepKind.LEADERSHIP_NOMINATE),
        ([d.kind for d in IN_PLACE], StepKind.LEADERSHIP_DECIDE),
        ([], StepKind.SENDING_VOTE),
    ):
        with pytest.raises(RuleViolation) as refused:
            check_next(IN_PLACE, done, nxt)
        assert refused.value.code == "step_out_of_order"
        assert refused.value.citation is not None
        assert refused.value.citation.rule_id == "AP-11"


def test_a_restart_keeps_the_steps_before_the_collective_nomination() -> None:
    kept = kept_on_restart(IN_PLACE)
    assert kept == (StepKind.LEADERSHIP_FIRST, StepKind.WIDER)
    check_next(IN_PLACE, kept, StepKind.LEADERSHIP_NOMINATE)


# AP-11: 2/3 of those convened present.
@pytest.mark.parametrize(
    ("convened", "present", "ok"),
    [(9, 6, True), (9, 5, False), (10, 7, True), (10, 6, False), (3, 2, True), (1, 0, False)],
)
def test_a_step_meeting_needs_two_thirds_of_those_convened(
    convened: int, present: int, ok: bool
) -> None:
    check = quorum(convened, present)
    assert (check.key, check.rule, check.ok) == ("quorum", "AP-11", ok)
    assert check.citation.rule_id == "AP-11"
    assert str(present) in check.message_vi and str(present) in check.message_en


@pytest.mark.parametrize(
    ("convened", "present", "code"),
    [
        (0, 0, "quorum_inputs_invalid"),
        (5, -1, "quorum_inputs_invalid"),
        (5, 6, "present_exceeds_convened"),
    ],
)
def test_quorum_refuses_impossible_attendance(convened: int, present: int, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        quorum(convened, present)
    assert refused.value.code == code


@given(convened=st.integers(1, 500), data=st.data())
def test_quorum_is_monotone_in_those_present(convened: int, data: st.DataObject) -> None:
    low = data.draw(st.integers(0, convened))
    high = data.draw(st.integers(low, convened))
    if quorum(convened, low).ok:
        assert quorum(convened, high).ok
    assert quorum(convened, high).ok == (3 * high >= 2 * convened)


# AP-12, AP-13: no threshold; step 2 sealed.
def test_step_one_passes_its_eligible_list_on() -> None:
    result = outcome(STEP[StepKind.LEADERSHIP_FIRST], count({"an": 0, "binh": 0}), QD377_2025)
    assert (result.status, result.carried) == (OutcomeStatus.CARRIED, ("an", "binh"))
    assert not result.needs_decision


def test_step_two_carries_every_nominee_and_says_the_result_is_sealed() -> None:
    result = outcome(STEP[StepKind.WIDER], count({"an": 3, "binh": 9, "chi": 0}), QD377_2025)
    assert result.status is OutcomeStatus.CARRIED
    assert result.carried == ("binh", "an")
    assert "niêm phong" in result.message_vi and "sealed" in result.message_en


# AP-14: the most votes and more than 50% of D (ap_step3_denominator, default convened).
def test_step_three_selects_the_most_votes_over_half_of_those_convened() -> None:
    result = outcome(
        STEP[StepKind.LEADERSHIP_NOMINATE], count({"an": 6, "binh": 5}, convened=11), QD377_2025
    )
    assert (result.status, result.carried) == (OutcomeStatus.SELECTED, ("an",))
    assert (result.denominator, result.denominator_kind) == (11, "convened")
    assert result.citation.rule_id == "AP-14"
    assert "ap_step3_denominator" in result.citation.unconfirmed


def test_step_three_at_exactly_half_sends_the_top_two_on() -> None:
    result = outcome(
        STEP[StepKind.LEADERSHIP_NOMINATE],
        count({"an": 5, "binh": 3, "chi": 2}, convened=10),
        QD377_2025,
    )
    assert (result.status, result.carried) == (OutcomeStatus.TOP_TWO, ("an", "binh"))
    assert not result.needs_decision


@pytest.mark.parametrize(
    ("base", "status"),
    [
        ("convened", OutcomeStatus.TOP_TWO),
        ("present", OutcomeStatus.SELECTED),
        ("collective_members", OutcomeStatus.TOP_TWO),
    ],
)
def test_the_step_three_base_comes_from_the_rulebook(base: str, status: OutcomeStatus) -> None:
    book = QD377_2025.with_parameters(ap_step3_denominator=base)
    result = outcome(
        STEP[StepKind.LEADERSHIP_NOMINATE],
        count({"an": 5, "binh": 2}, convened=12, present=9, members=13),
        book,
    )
    assert result.status is status
    assert result.denominator == {"convened": 12, "present": 9, "collective_members": 13}[base]


def test_a_tie_for_second_place_goes_on_together_or_stops_per_the_rulebook() -> None:
    tied = count({"an": 4, "binh": 3, "chi": 3}, convened=10)
    result = outcome(STEP[StepKind.LEADERSHIP_NOMINATE], tied, QD377_2025)
    assert (result.status, set(result.carried)) == (OutcomeStatus.TOP_TWO, {"an", "binh", "chi"})
    book = QD377_2025.with_parameters(ap_top2_tie_policy="stop_and_refer")
    refer = outcome(STEP[StepKind.LEADERSHIP_NOMINATE], tied, book)
    assert (refer.status, refer.needs_decision) == (OutcomeStatus.REFER, True)
    assert refer.citation.rule_id == "AP-17"


def test_a_tie_for_first_place_below_half_sends_both_on() -> None:
    result = outcome(
        STEP[StepKind.LEADERSHIP_NOMINATE], count({"an": 4, "binh": 4}, convened=10), QD377_2025
    )
    assert (result.status, set(result.carried)) == (OutcomeStatus.TOP_TWO, {"an", "binh"})


def test_no_nomination_at_step_three_stops_for_the_competent_level() -> None:
    result = outcome(STEP[StepKind.LEADERSHIP_NOMINATE], count({"an": 0}), QD377_2025)
    assert (result.status, result.needs_decision) == (OutcomeStatus.REFER, True)


# AP-15: opinions, no threshold.
def test_key_cadres_give_opinions_and_the_persons_go_on() -> None:
    result = outcome(
        STEP[StepKind.KEY_CADRES], count({"an": 2, "binh": 30}, convened=40), QD377_2025
    )
    assert (result.status, result.carried) == (OutcomeStatus.CARRIED, ("binh", "an"))


# AP-16: more than 50% of the collective's total members, not those present.
def test_step_five_counts_the_total_members_of_the_collective() -> None:
    step = STEP[StepKind.LEADERSHIP_DECIDE]
    yes = outcome(step, count({"an": 5}, convened=9, present=7, members=9), QD377_2025)
    assert (yes.status, yes.carried, yes.denominator) == (OutcomeStatus.SELECTED, ("an",), 9)
    assert yes.denominator_kind == "collective_members"
    short = outcome(step, count({"an": 4}, convened=9, present=7, members=9), QD377_2025)
    assert short.status is not OutcomeStatus.SELECTED  # 4 of 7 present is not enough


def test_exactly_half_at_step_five_lets_the_head_decide_and_stops_for_it() -> None:
    result = outcome(STEP[StepKind.LEADERSHIP_DECIDE], count({"an": 4}, convened=8), QD377_2025)
    assert (result.status, result.carried) == (OutcomeStatus.HEAD_DECIDES, ("an",))
    assert result.needs_decision and result.citation.rule_id == "AP-16"


def test_no_majority_at_step_five_stops_or_restarts_per_the_rulebook() -> None:
    step, tally = STEP[StepKind.LEADERSHIP_DECIDE], count({"an": 3, "binh": 2}, convened=8)
    stop = outcome(step, tally, QD377_2025)
    assert (stop.status, stop.needs_decision) == (OutcomeStatus.REFER, True)
    assert stop.citation.rule_id == "AP-17"
    book = QD377_2025.with_parameters(ap_no_majority_policy="restart_from_step_3")
    again = outcome(step, tally, book)
    assert (again.status, again.carried, again.needs_decision) == (OutcomeStatus.RESTART, (), False)


def test_ties_are_never_broken_by_the_order_given_or_by_age() -> None:
    step = STEP[StepKind.LEADERSHIP_DECIDE]
    one = outcome(step, count({"older": 5, "younger": 5}, convened=8), QD377_2025)
    two = outcome(step, count({"younger": 5, "older": 5}, convened=8), QD377_2025)
    assert one.status is two.status is OutcomeStatus.REFER
    assert set(one.carried) == set(two.carried) == {"older", "younger"}


# ST-04: the sending unit's vote, base by the decree in force.
def test_the_sending_unit_vote_uses_the_base_of_the_decree_in_force() -> None:
    step, votes = STEP[StepKind.SENDING_VOTE], {"an": 5}
    new = outcome(step, count(votes, convened=9, members=11, on=dt.date(2025, 7, 1)), QD80_2022)
    old = outcome(step, count(votes, convened=9, members=11, on=dt.date(2025, 6, 30)), QD80_2022)
    assert (new.denominator_kind, new.denominator, new.status) == (
        "convened",
        9,
        OutcomeStatus.SELECTED,
    )
    assert (old.denominator_kind, old.denominator, old.status) == (
        "collective_members",
        11,
        OutcomeStatus.NOT_SELECTED,
    )
    assert new.citation.document == "NĐ 170/2025/NĐ-CP"
    assert old.citation.document == "NĐ 138/2020/NĐ-CP"
    half = outcome(step, count({"an": 5}, convened=10, on=dt.date(2026, 1, 5)), QD377_2025)
    assert (half.status, half.needs_decision) == (OutcomeStatus.HEAD_DECIDES, True)


# TR-02, ST-07: reappointment by more than 50% of the collective's members.
def test_reappointment_needs_more_than_half_of_the_members_and_half_lets_the_head_decide() -> None:
    step = STEP[StepKind.COLLECTIVE_VOTE]
    tally = {"an": 6}
    assert outcome(step, count(tally, convened=11, present=8, members=11), QD377_2025).status is (
        OutcomeStatus.SELECTED
    )
    half = outcome(step, count({"an": 5}, convened=10, present=8, members=10), QD377_2025)
    assert (half.status, half.citation.rule_id) == (OutcomeStatus.HEAD_DECIDES, "ST-07")
    low = outcome(step, count({"an": 4}, convened=10, present=8, members=10), QD377_2025)
    assert (low.status, low.needs_decision) == (OutcomeStatus.NOT_SELECTED, False)


@pytest.mark.parametrize(
    ("tally", "code"),
    [
        (count({"an": 1}, convened=5, present=6), "present_exceeds_convened"),
        (count({"an": 1}, convened=5, present=4, valid=5), "valid_ballots_exceed_present"),
        (count({"an": 6}, convened=5), "election_votes_exceed_valid"),
        (count({"an": 3, "binh": 3}, convened=5), "election_votes_exceed_seats_times_valid"),
        (count({"an": -1}, convened=5), "count_negative"),
    ],
)
def test_an_impossible_count_is_refused(tally: StepCount, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        outcome(STEP[StepKind.LEADERSHIP_NOMINATE], tally, QD377_2025)
    assert refused.value.code == code


def test_an_empty_base_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        outcome(STEP[StepKind.LEADERSHIP_DECIDE], count({}, convened=0), QD377_2025)
    assert refused.value.code == "denominator_not_positive"


# Properties of the thresholds.
people = st.sampled_from(["an", "binh", "chi", "dung", "giang"])
BASES = ["convened", "present", "collective_members"]


@st.composite
def nominations(draw: st.DrawFn) -> tuple[StepCount, str]:
    votes = draw(st.dictionaries(people, st.integers(0, 12), min_size=1, max_size=5))
    valid = sum(votes.values()) + draw(st.integers(0, 5))
    present = max(valid, 1) + draw(st.integers(0, 5))
    convened = present + draw(st.integers(0, 5))
    members = convened + draw(st.integers(-2, 3))
    return count(
        votes, convened=convened, present=present, members=max(members, 1), valid=valid
    ), draw(st.sampled_from(BASES))


@given(nominations())
def test_the_person_selected_at_step_three_has_a_majority_and_the_most_votes(
    drawn: tuple[StepCount, str],
) -> None:
    tally, base = drawn
    result = outcome(
        STEP[StepKind.LEADERSHIP_NOMINATE],
        tally,
        QD377_2025.with_parameters(ap_step3_denominator=base),
    )
    if result.status is OutcomeStatus.SELECTED:
        (chosen,) = result.carried
        assert 2 * tally.votes[chosen] > result.denominator
        assert all(tally.votes[chosen] > v for p, v in tally.votes.items() if p != chosen)
    else:
        assert all(2 * v <= result.denominator for v in tally.votes.values()) or (
            result.status is OutcomeStatus.TOP_TWO
        )


@given(nominations(), st.integers(1, 6))
def test_more_votes_for_the_selected_person_never_unselect_them(
    drawn: tuple[StepCount, str], extra: int
) -> None:
    tally, base = drawn
    book = QD377_2025.with_parameters(ap_step3_denominator=base)
    step = STEP[StepKind.LEADERSHIP_NOMINATE]
    first = outcome(step, tally, book)
    if first.status is not OutcomeStatus.SELECTED:
        return
    (chosen,) = first.carried
    more = count(
        {**tally.votes, chosen: tally.votes[chosen] + extra},
        convened=tally.convened + extra,
        present=tally.present + extra,
        members=tally.collective_members + extra,
        valid=tally.valid_ballots + extra,
    )
    assert outcome(step, more, book).carried == (chosen,)


@given(nominations())
def test_step_five_selects_exactly_on_a_strict_majority_of_the_members(
    drawn: tuple[StepCount, str],
) -> None:
    tally, _base = drawn
    result = outcome(STEP[StepKind.LEADERSHIP_DECIDE], tally, QD377_2025)
    d = tally.collective_members
    best = max(tally.votes.values())
    leaders = [p for p, v in tally.votes.items() if v == best]
    if 2 * best > d and len(leaders) == 1:
        assert (result.status, result.carried) == (OutcomeStatus.SELECTED, tuple(leaders))
    elif 2 * best == d and best > 0:
        assert result.status is OutcomeStatus.HEAD_DECIDES and result.needs_decision
    elif 2 * best < d:
        assert result.status is OutcomeStatus.REFER and result.needs_decision
