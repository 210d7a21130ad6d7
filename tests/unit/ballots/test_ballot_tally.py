import pytest

from canbo.core.ballots.ballot import (
    Ballot,
    BallotForm,
    BallotKind,
    BallotLine,
    ConfidenceLevel,
    SubjectId,
    confidence_ballot,
)
from canbo.core.ballots.catalog import QD96_2023, QD244_2014
from canbo.core.ballots.tally import PersonTally, tally_confidence, tally_options
from canbo.core.ballots.validity_election import KEPT
from canbo.core.errors import ValidationError

H, M, L = ConfidenceLevel.HIGH, ConfidenceLevel.MID, ConfidenceLevel.LOW
P = SubjectId(1)
FORM = BallotForm(BallotKind.CONFIDENCE, (P,))


def cv24_ballots():
    """CV-24: 31 collected; for P 2 invalid (two levels), cao 8, tn 6, thấp 15."""
    levels = [[H]] * 8 + [[M]] * 6 + [[L]] * 15 + [[H, L]] * 2
    return [confidence_ballot(f"s{i}", [(1, lv)]) for i, lv in enumerate(levels)]


def test_the_cv24_worked_example_tallies_from_ballots():
    ballots = cv24_ballots()
    issued = frozenset(b.serial for b in ballots)
    t = tally_confidence(ballots, FORM, issued, QD96_2023)[P]
    assert (t.issued, t.collected, t.valid, t.invalid) == (31, 31, 29, 2)
    assert (t.high, t.mid, t.low) == (8, 6, 15)


def test_a_copied_ballot_serial_is_refused():
    ballots = cv24_ballots()
    with pytest.raises(ValidationError):
        tally_confidence(
            [*ballots, ballots[0]], FORM, frozenset(b.serial for b in ballots), QD96_2023
        )


def test_a_tally_that_does_not_balance_is_refused():
    with pytest.raises(ValidationError):
        PersonTally(P, issued=10, collected=10, high=5, mid=2, low=1, invalid=1)
    with pytest.raises(ValidationError):
        PersonTally(P, issued=9, collected=10, high=5, mid=2, low=2, invalid=1)


def test_election_votes_are_counted_on_valid_ballots_only():
    seven = tuple(SubjectId(i) for i in range(1, 10))
    form = BallotForm(BallotKind.STRIKE_OUT, seven, seats=7)

    def ballot(serial, struck):
        lines = tuple(BallotLine(s, struck=s in struck) for s in seven)
        return Ballot(BallotKind.STRIKE_OUT, serial, lines)

    valid = [ballot(f"v{i}", {SubjectId(8), SubjectId(9)}) for i in range(40)]
    invalid = ballot("x", {SubjectId(9)})  # 8 names kept for 7 seats (EL-34)
    issued = frozenset([b.serial for b in valid] + ["x"])
    t = tally_options([*valid, invalid], form, issued, QD244_2014)
    assert (t.collected, t.valid_ballots, t.invalid_ballots) == (41, 40, 1)
    assert t.votes(SubjectId(1), KEPT) == 40
    assert t.votes(SubjectId(9), KEPT) == 0
