"""Electronic ballots in compact form count exactly as the ballot-by-ballot tally does."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.ballots.ballot import (
    BallotForm,
    BallotKind,
    ConfidenceLevel,
    SubjectId,
    confidence_ballot,
)
from canbo.core.ballots.catalog import QD96_2023
from canbo.core.ballots.tally import (
    combine_tallies,
    decode_confidence_marks,
    encode_confidence_marks,
    tally_confidence,
    tally_confidence_marks,
)
from canbo.core.errors import ValidationError

ORDER = (SubjectId(3), SubjectId(7), SubjectId(11))
FORM = BallotForm(BallotKind.CONFIDENCE, ORDER)
one_ballot = st.dictionaries(st.sampled_from(ORDER), st.sampled_from(list(ConfidenceLevel)))


@given(st.lists(one_ballot, max_size=50))
def test_compact_marks_give_the_same_tally_as_judging_each_ballot(ballots):
    rows = [encode_confidence_marks(ORDER, marks) for marks in ballots]
    judged = [
        confidence_ballot(f"e{i}", [(int(s), {lv}) for s, lv in marks.items()])
        for i, marks in enumerate(ballots)
    ]
    issued = frozenset(b.serial for b in judged)
    assert tally_confidence_marks(rows, ORDER, QD96_2023) == tally_confidence(
        judged, FORM, issued, QD96_2023
    )


@given(one_ballot)
def test_decoding_compact_marks_gives_back_the_marks(marks):
    text = encode_confidence_marks(ORDER, marks)
    assert len(text) == len(ORDER)
    assert decode_confidence_marks(ORDER, text) == marks


def test_an_unmarked_person_is_invalid_for_that_person_only():
    rows = [encode_confidence_marks(ORDER, {ORDER[0]: ConfidenceLevel.LOW})]
    assert rows == ["L--"]
    tally = tally_confidence_marks(rows, ORDER, QD96_2023)
    assert (tally[ORDER[0]].low, tally[ORDER[0]].invalid) == (1, 0)
    assert (tally[ORDER[1]].valid, tally[ORDER[1]].invalid) == (0, 1)


def test_marks_for_a_person_not_on_the_ballot_are_refused():
    with pytest.raises(ValidationError) as err:
        encode_confidence_marks(ORDER, {SubjectId(99): ConfidenceLevel.HIGH})
    assert err.value.code == "subject_not_on_form"


@pytest.mark.parametrize("rows", [["HM"], ["HMLH"], ["HMX"], ["HML", "HM", "HMLL"]])
def test_a_row_of_the_wrong_width_or_with_a_foreign_symbol_is_refused(rows):
    with pytest.raises(ValidationError) as err:
        tally_confidence_marks(rows, ORDER, QD96_2023)
    assert err.value.code == "ballot_marks_corrupt"


def test_electronic_and_paper_tallies_add_up_over_the_ballots_issued():
    electronic = tally_confidence_marks(["HHH", "LM-"], ORDER, QD96_2023)
    paper_ballot = confidence_ballot("P1", [(int(s), {ConfidenceLevel.MID}) for s in ORDER])
    paper = tally_confidence([paper_ballot], FORM, frozenset({"P1", "x", "y"}), QD96_2023)
    total = combine_tallies(electronic, paper, issued=5)
    first = total[ORDER[0]]
    assert (first.issued, first.collected, first.high, first.mid, first.low) == (5, 3, 1, 1, 1)
    assert total[ORDER[2]].invalid == 1
