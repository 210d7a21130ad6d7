"""Who is elected: EL-22, EL-23, EL-25, EL-30, EL-34, EL-36 and GEN-06, clause by clause."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.ballots.catalog import QD190_2024
from canbo.core.elections.checks import (
    COLLECTED_WITHIN_ISSUED,
    ELECTED_OVER_HALF,
    ISSUED_WITHIN_CONVENED,
    SUBTRACTIONS_LISTED,
    VALID_PLUS_INVALID,
    VOTES_WITHIN_SEATS,
    VOTES_WITHIN_VALID,
)
from canbo.core.elections.denominator import (
    Denominator,
    Removed,
    SubtractionLine,
    denominator,
    denominator_from_counts,
)
from canbo.core.elections.model import CongressKind, ElectionKind, Subtraction
from canbo.core.elections.results import (
    BallotFigures,
    CandidateVotes,
    compute_election,
    min_votes,
    reconcile,
)
from canbo.core.errors import Citation, ValidationError

R = QD190_2024
KIND = ElectionKind.COMMITTEE
NAMES = [f"Người {i:03d}" for i in range(40)]


def base(value: int) -> Denominator:
    return denominator_from_counts(CongressKind.MEMBERS, value, {}, rulebook=R)


def figures_for(votes: list[int], seats: int, valid: int | None = None) -> BallotFigures:
    v = valid if valid is not None else max([*votes, 1])
    return BallotFigures(v, v, v, 0)


def run(votes: list[int], seats: int, d: int, **kw):
    cands = [CandidateVotes(NAMES[i], v) for i, v in enumerate(votes)]
    return compute_election(
        R, kw.pop("kind", KIND), seats, base(d), figures_for(votes, seats), cands, **kw
    )


def test_el34_worked_example_21_votes_of_42_is_not_elected():
    d = denominator_from_counts(
        CongressKind.MEMBERS,
        48,
        {Subtraction.TEMP_ELSEWHERE: 2, Subtraction.SUSPENDED: 1, Subtraction.ABSENT_ACCEPTED: 3},
        rulebook=R,
    )
    votes = [40, 38, 36, 30, 28, 21, 22, 15, 10]
    cands = [CandidateVotes(NAMES[i], v) for i, v in enumerate(votes)]
    result = compute_election(R, KIND, 7, d, BallotFigures(41, 41, 40, 1), cands)
    assert result.min_votes == 22
    line21 = result.candidates[5]
    assert line21.votes == 21 and 21 > 40 / 2  # more than half of the valid ballots...
    assert not line21.over_half and not line21.elected  # ...but not of the base
    assert line21.citation.rule_id == "EL-22"
    assert result.candidates[6].elected  # 22 is the minimum
    assert len(result.elected) == 7 - 1 and result.seats_unfilled == 1
    assert not result.blocking
    assert result.candidates[6].percent == Decimal("52.38")
    assert result.candidates[6].percent_text == "52,38%"
    assert result.surplus.ok and (result.surplus.names, result.surplus.seats) == (9, 7)
    over_cap = compute_election(R, KIND, 7, d, BallotFigures(41, 41, 40, 1), [*cands, cands[0]])
    assert not over_cap.surplus.ok  # 10 names for 7 seats: 30 > 21 (EL-09)
    assert over_cap.as_dict()["surplus"]["citation"]["rule_id"] == "EL-09"


def test_cell_qa_five_of_ten_is_not_elected_six_is():
    d = denominator(
        CongressKind.CELL, 11, [Removed(Subtraction.ABSENT_ACCEPTED, 1, "Vắng")], rulebook=R
    )
    assert d.value == 10
    for votes, elected in ((5, False), (6, True)):
        r = compute_election(
            R,
            ElectionKind.SECRETARY,
            1,
            d,
            BallotFigures(10, 10, 10, 0),
            [CandidateVotes("Nguyễn Văn An", votes)],
        )
        assert r.min_votes == 6
        assert (r.elected == ("Nguyễn Văn An",)) is elected


def test_seats_fill_from_the_highest_vote_down():
    r = run([20, 30, 25, 28, 40], seats=3, d=30)
    assert r.elected == (NAMES[4], NAMES[1], NAMES[3])
    assert r.candidates[2].over_half and not r.candidates[2].elected
    assert r.candidates[2].citation.rule_id == "EL-23"


def test_tie_across_the_last_seat_elects_none_of_the_tied():
    r = run([40, 30, 30, 20], seats=2, d=40)
    assert r.elected == (NAMES[0],)
    assert r.tie == (NAMES[1], NAMES[2])
    assert r.seats_unfilled == 1
    assert r.candidates[1].tied and r.candidates[1].citation.rule_id == "EL-25"
    assert r.tie_policy == "stop_and_refer_to_congress"
    assert "el_tie_policy" in r.candidates[1].citation.unconfirmed


def test_equal_votes_inside_the_seats_are_no_tie():
    r = run([40, 30, 30, 20], seats=3, d=40)
    assert r.elected == (NAMES[0], NAMES[1], NAMES[2]) and r.tie == ()


def test_delegates_fill_official_then_alternate_seats_el36():
    r = run([40, 35, 30, 28, 26, 10], seats=2, d=40, kind=ElectionKind.DELEGATES, alternate_seats=2)
    assert r.elected == (NAMES[0], NAMES[1])
    assert r.alternates == (NAMES[2], NAMES[3])
    assert r.candidates[2].alternate and r.candidates[2].citation.rule_id == "EL-36"
    assert not r.candidates[4].elected and not r.candidates[4].alternate
    assert r.alternates_unfilled == 0


def test_alternates_need_more_than_half_and_wait_for_an_official_tie():
    r = run([40, 35, 20, 10], seats=2, d=40, kind=ElectionKind.DELEGATES, alternate_seats=2)
    assert r.alternates == () and r.alternates_unfilled == 2
    r = run([40, 30, 30, 28], seats=2, d=40, kind=ElectionKind.DELEGATES, alternate_seats=1)
    assert r.tie == (NAMES[1], NAMES[2]) and r.alternates == ()
    refer = R.with_parameters(el_alternate_rule="refer_to_congress")
    cands = [CandidateVotes(NAMES[i], v) for i, v in enumerate([40, 35, 30])]
    r = compute_election(
        refer, ElectionKind.DELEGATES, 2, base(40), BallotFigures(40, 40, 40, 0), cands,
        alternate_seats=1,
    )  # fmt: skip
    assert r.alternates == () and r.alternates_unfilled == 1


def test_alternate_seats_only_for_delegates_and_bad_input_refused():
    with pytest.raises(ValidationError) as err:
        run([30], seats=1, d=40, alternate_seats=1)
    assert err.value.code == "alternate_seats_not_delegates"
    with pytest.raises(ValidationError) as err:
        run([30], seats=0, d=40)
    assert err.value.code == "election_seats_not_positive"
    with pytest.raises(ValidationError) as err:
        run([], seats=1, d=40)
    assert err.value.code == "election_no_candidates"
    with pytest.raises(ValidationError):
        run([-1], seats=1, d=40)


def _checks(result):
    return {c.rule: c for c in result.checks}


def test_reconcile_names_each_failed_check():
    cands = [CandidateVotes("A", 41), CandidateVotes("B", 40), CandidateVotes("C", 40)]
    checks = {c.rule: c for c in reconcile(BallotFigures(40, 41, 40, 0), cands, 2)}
    assert not checks[COLLECTED_WITHIN_ISSUED].ok
    assert not checks[VALID_PLUS_INVALID].ok
    assert not checks[VOTES_WITHIN_VALID].ok
    assert checks[VOTES_WITHIN_VALID].fields["names"] == ["A"]
    assert not checks[VOTES_WITHIN_SEATS].ok  # 121 > 2 * 40
    assert checks[VOTES_WITHIN_SEATS].message == "election_votes_exceed_seats_times_valid"
    fine = {c.rule: c for c in reconcile(BallotFigures(41, 41, 40, 1), cands[1:], 2)}
    assert all(c.ok and c.message == "ok" for c in fine.values())
    assert all(c.citation.rule_id == "EL-30" for c in fine.values())


def test_every_check_is_in_the_result_and_blocking_lists_the_failed():
    cands = [CandidateVotes("A", 21), CandidateVotes("B", 9)]
    r = compute_election(R, KIND, 1, base(40), BallotFigures(30, 31, 30, 0), cands)
    assert set(_checks(r)) == {
        ISSUED_WITHIN_CONVENED, COLLECTED_WITHIN_ISSUED, VALID_PLUS_INVALID,
        VOTES_WITHIN_VALID, VOTES_WITHIN_SEATS, ELECTED_OVER_HALF, SUBTRACTIONS_LISTED,
    }  # fmt: skip
    assert [c.rule for c in r.blocking] == [COLLECTED_WITHIN_ISSUED, VALID_PLUS_INVALID]
    assert r.as_dict()["blocking"] == [COLLECTED_WITHIN_ISSUED, VALID_PLUS_INVALID]


def test_more_ballots_issued_than_voters_convened_blocks_the_minutes():
    """The new committee of 7 elects its secretary (EL-21): 23 ballots from the whole congress
    are refused, not read as 314% of the base."""
    cite = Citation("QĐ 190-QĐ/TW", rule_id="EL-21")
    body = Denominator(7, 7, CongressKind.CONFERENCE, (), cite, named=True)
    cands = [CandidateVotes("A", 22)]
    r = compute_election(R, KIND, 1, body, BallotFigures(23, 23, 23, 0), cands)
    assert [c.rule for c in r.blocking] == [ISSUED_WITHIN_CONVENED]
    assert _checks(r)[ISSUED_WITHIN_CONVENED].message == "election_issued_exceeds_convened"
    fine = compute_election(R, KIND, 1, body, BallotFigures(7, 7, 7, 0), [CandidateVotes("A", 6)])
    assert fine.blocking == ()


def test_a_named_line_without_its_names_fails_the_attached_list_check():
    cite = Citation("QĐ 190-QĐ/TW", rule_id="EL-19")
    line = SubtractionLine(Subtraction.SUSPENDED, 2, ("Chỉ một người",), cite)
    d = Denominator(38, 40, CongressKind.MEMBERS, (line,), cite, named=True)
    r = compute_election(R, KIND, 1, d, BallotFigures(30, 30, 30, 0), [CandidateVotes("A", 25)])
    assert not _checks(r)[SUBTRACTIONS_LISTED].ok
    assert _checks(r)[SUBTRACTIONS_LISTED].message == "election_subtractions_not_listed"


def test_as_dict_has_the_stable_shape():
    r = run([30, 10], seats=1, d=40)
    data = r.as_dict()
    for key in (
        "rulebook", "denominator", "min_votes", "surplus", "candidates", "elected", "tie",
        "seats_unfilled", "checks", "alternates",
    ):  # fmt: skip
        assert key in data
    assert set(data["denominator"]) >= {"value", "subtractions"}
    assert set(data["candidates"][0]) >= {
        "name", "votes", "percent", "over_half", "elected", "citation",
    }  # fmt: skip
    assert data["candidates"][0]["percent"] == "75.00"
    assert set(data["checks"][0]) >= {"rule", "ok", "message"}
    assert data["rulebook"]["id"] == "QD190_2024"


# --- properties --------------------------------------------------------------------------

votes_lists = st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=12)
bases = st.integers(min_value=1, max_value=60)
seat_counts = st.integers(min_value=1, max_value=8)


@given(votes=votes_lists, d=bases, seats=seat_counts)
def test_no_one_is_elected_with_two_votes_not_above_the_base(votes, d, seats):
    r = run(votes, seats, d)
    for line in r.candidates:
        if 2 * line.votes <= d:
            assert not line.elected
    assert _checks(r)[ELECTED_OVER_HALF].ok


@given(votes=votes_lists, d=bases, seats=seat_counts)
def test_the_number_elected_never_exceeds_the_seats(votes, d, seats):
    r = run(votes, seats, d)
    assert len(r.elected) <= seats
    assert r.seats_unfilled == seats - len(r.elected) >= 0
    assert sum(line.elected for line in r.candidates) == len(r.elected)


@given(votes=votes_lists, d=bases, seats=seat_counts, extra=st.integers(min_value=1, max_value=30))
def test_adding_votes_to_an_elected_person_never_unelects_them(votes, d, seats, extra):
    r = run(votes, seats, d)
    for name in r.elected:
        i = NAMES.index(name)
        more = list(votes)
        more[i] += extra
        assert name in run(more, seats, d).elected


@given(votes=votes_lists, d=bases, seats=seat_counts)
def test_a_tie_across_the_last_seat_elects_none_of_the_tied(votes, d, seats):
    r = run(votes, seats, d)
    over = sorted((v for v in votes if 2 * v > d), reverse=True)
    straddles = len(over) > seats and over[seats - 1] == over[seats]
    assert bool(r.tie) == straddles
    for line in r.candidates:
        if line.tied:
            assert not line.elected
            assert line.votes == over[seats - 1]
    if straddles:
        assert len(r.elected) + len(r.tie) > seats
        assert all(line.votes > over[seats - 1] for line in r.candidates if line.elected)


@given(votes=votes_lists, d=bases, seats=seat_counts)
def test_percentages_are_exact_half_up_of_the_base(votes, d, seats):
    r = run(votes, seats, d)
    for line in r.candidates:
        exact = (Decimal(100 * line.votes) / Decimal(d)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
        assert line.percent == exact
        assert line.as_dict()["percent"] == format(exact, "f")


@given(d=st.integers(min_value=1, max_value=10_000))
def test_min_votes_is_the_least_count_more_than_half(d):
    m = min_votes(d)
    assert 2 * m > d >= 2 * (m - 1)
