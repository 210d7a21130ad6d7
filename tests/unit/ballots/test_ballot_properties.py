"""Invariants of the ballot engine, checked with hypothesis."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from canbo.core.ballots.arithmetic import Rounding, percent
from canbo.core.ballots.ballot import (
    BallotForm,
    BallotKind,
    ConfidenceLevel,
    SubjectId,
    confidence_ballot,
)
from canbo.core.ballots.bands import Band
from canbo.core.ballots.catalog import NQ35_2012, NQ85_2014, NQ96_2023, QD96_2023
from canbo.core.ballots.na import na_band
from canbo.core.ballots.party_qd96 import qd96_band
from canbo.core.ballots.tally import tally_confidence

SUBJECTS = (SubjectId(1), SubjectId(2), SubjectId(3))
FORM = BallotForm(BallotKind.CONFIDENCE, SUBJECTS)
RANK = {Band.NONE: 0, Band.B: 1, Band.C: 2}

marks = st.frozensets(st.sampled_from(list(ConfidenceLevel)), max_size=3)
line = st.tuples(marks, st.booleans())  # (levels marked, struck)
ballot_spec = st.tuples(st.booleans(), st.lists(line, min_size=3, max_size=3))  # issued?, lines
ballot_specs = st.lists(ballot_spec, max_size=40)


def build(specs):
    ballots, issued = [], set()
    for i, (is_issued, lines) in enumerate(specs):
        serial = f"s{i}"
        if is_issued:
            issued.add(serial)
        pairs = [(int(s), m) for s, (m, _) in zip(SUBJECTS, lines, strict=True)]
        struck = [int(s) for s, (_, k) in zip(SUBJECTS, lines, strict=True) if k]
        ballots.append(confidence_ballot(serial, pairs, struck=struck))
    # Spare issued serials keep ``collected <= issued`` (CV-15) when forged ballots are present.
    spares = {f"spare{i}" for i in range(len(specs))}
    return ballots, frozenset(issued | spares)


@given(ballot_specs)
def test_every_persons_counts_sum_to_the_ballots_collected(specs):
    ballots, issued = build(specs)
    for t in tally_confidence(ballots, FORM, issued, QD96_2023).values():
        assert t.high + t.mid + t.low + t.invalid + t.referred == len(ballots)


@given(ballot_specs)
def test_each_level_count_equals_the_single_marks_on_issued_unstruck_lines(specs):
    ballots, issued = build(specs)
    tallies = tally_confidence(ballots, FORM, issued, QD96_2023)
    for subject in SUBJECTS:
        expected = sum(
            1
            for b in ballots
            if b.serial in issued
            and not b.line(subject).struck
            and b.line(subject).marks == frozenset({ConfidenceLevel.LOW})
        )
        assert tallies[subject].low == expected


@given(ballot_specs.filter(bool), st.integers(min_value=0), marks, st.booleans())
def test_a_ballots_marks_for_one_person_never_change_anothers_tally(specs, pick, new, strike):
    ballots, issued = build(specs)
    before = tally_confidence(ballots, FORM, issued, QD96_2023)
    index = pick % len(specs)
    is_issued, lines = specs[index]
    changed = [*specs]
    changed[index] = (is_issued, [(new, strike), *lines[1:]])
    after = tally_confidence(build(changed)[0], FORM, issued, QD96_2023)
    for subject in SUBJECTS[1:]:
        assert after[subject] == before[subject]


@given(st.integers(min_value=1, max_value=600), st.data())
def test_bands_are_monotone_in_the_low_count(n, data):
    low_a = data.draw(st.integers(min_value=0, max_value=n))
    low_b = data.draw(st.integers(min_value=low_a, max_value=n))
    assert RANK[qd96_band(low_a, n, QD96_2023).band] <= RANK[qd96_band(low_b, n, QD96_2023).band]
    for book in (NQ35_2012, NQ85_2014, NQ96_2023):
        assert RANK[na_band(low_a, n, book).band] <= RANK[na_band(low_b, n, book).band]


@given(st.integers(min_value=1, max_value=10_000), st.data(), st.sampled_from(list(Rounding)))
def test_percentages_always_lie_between_0_and_100(n, data, rounding):
    count = data.draw(st.integers(min_value=0, max_value=n))
    value = percent(count, n, rounding)
    assert Decimal(0) <= value <= Decimal(100)


@given(st.integers(min_value=1, max_value=600), st.data())
def test_band_c_holds_exactly_when_three_low_reach_two_denominators(n, data):
    low = data.draw(st.integers(min_value=0, max_value=n))
    assert (qd96_band(low, n, QD96_2023).band is Band.C) == (3 * low >= 2 * n)
    assert (qd96_band(low, n, QD96_2023).band is Band.NONE) == (2 * low <= n)
