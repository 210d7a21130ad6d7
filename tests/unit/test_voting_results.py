"""The result of a vote is what the ballots say: counted by the core engine, nothing lost.

Pure tests of :mod:`canbo.services.voting.results` and :mod:`canbo.services.voting.voter_codes`.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.ballots.catalog import QD96_2023
from canbo.core.errors import ValidationError
from canbo.core.types import PersonId
from canbo.services.voting import voter_codes
from canbo.services.voting.ports import (
    LineReading,
    PaperReading,
    PaperTotals,
    PersonTotals,
    SubjectData,
)
from canbo.services.voting.results import CountInputs, compute

SUBJECTS = [SubjectData(PersonId(i), f"Người {i}", "Ủy viên") for i in (1, 2, 3)]
LEVEL = st.sampled_from(["high", "mid", "low"])
BALLOT = st.tuples(LEVEL, LEVEL, LEVEL)


def inputs(ballots: list[tuple[str, str, str]], **kw: object) -> CountInputs:
    electronic = [
        (f"R{i:04d}", {str(s.person_id): lv for s, lv in zip(SUBJECTS, b, strict=True)})
        for i, b in enumerate(ballots)
    ]
    values: dict[str, object] = {
        "subjects": SUBJECTS,
        "electronic": electronic,
        "paper": {},
        "totals": None,
        "issued_electronic": len(ballots),
        "issued_paper": 0,
        "quorum": None,
    }
    values.update(kw)
    return CountInputs(**values)  # type: ignore[arg-type]


@given(st.lists(BALLOT, min_size=1, max_size=60))
def test_each_persons_counts_are_the_sum_of_the_marks_on_the_ballots(
    ballots: list[tuple[str, str, str]],
) -> None:
    data = compute(QD96_2023, inputs(ballots))
    assert data["figures"]["collected"] == len(ballots)
    for index, person in enumerate(data["persons"]):
        marks = [b[index] for b in ballots]
        assert (person["high"], person["mid"], person["low"]) == (
            marks.count("high"),
            marks.count("mid"),
            marks.count("low"),
        )
        assert person["invalid"] == 0
        assert (person["band"] != "none") == (2 * person["low"] > len(ballots))


def test_paper_readings_follow_the_invalid_cases_per_name_and_for_a_ballot_not_issued() -> None:
    paper = {
        1: PaperReading(1, {1: LineReading.STRUCK, 2: LineReading.SEVERAL, 3: LineReading.LOW}),
        2: PaperReading(
            2, {1: LineReading.HIGH, 2: LineReading.NONE, 3: LineReading.LOW}, not_issued=True
        ),
    }
    data = compute(QD96_2023, inputs([("high", "high", "high")], paper=paper, issued_paper=2))
    one, two, three = data["persons"]
    assert (one["high"], one["invalid"]) == (1, 2)
    assert (two["high"], two["invalid"]) == (1, 2)
    assert (three["high"], three["low"], three["invalid"]) == (1, 1, 1)
    assert data["figures"] == {
        "issued": 3,
        "collected": 3,
        "electronic": 1,
        "paper": 2,
        "convened": None,
        "members": None,
    }


def test_worked_example_cv24_gives_48_39_percent_low_and_no_band() -> None:
    ballots = (
        [("low", "high", "high")] * 15
        + [("high", "high", "high")] * 8
        + [("mid", "high", "high")] * 6
    )
    totals = PaperTotals(
        2, {1: PersonTotals(0, 0, 0, 2), 2: PersonTotals(2, 0, 0, 0), 3: PersonTotals(2, 0, 0, 0)}
    )
    data = compute(QD96_2023, inputs(ballots, totals=totals, issued_paper=2))
    person = data["persons"][0]
    assert person["percent"] == {"high": "25,81%", "mid": "19,35%", "low": "48,39%"}
    assert person["band"] == "none" and person["invalid"] == 2


def test_manual_totals_above_the_ballots_collected_are_refused() -> None:
    totals = PaperTotals(
        1, {1: PersonTotals(2, 0, 0, 0), 2: PersonTotals(1, 0, 0, 0), 3: PersonTotals(1, 0, 0, 0)}
    )
    with pytest.raises(ValidationError) as refused:
        compute(QD96_2023, inputs([("high", "high", "high")], totals=totals, issued_paper=1))
    assert refused.value.code == "counts_exceed_collected"


def test_more_ballots_than_codes_issued_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        compute(QD96_2023, inputs([("high",) * 3] * 2, issued_electronic=1))
    assert refused.value.code == "collected_exceeds_issued"


@given(st.text(alphabet=voter_codes.ALPHABET + " -", min_size=1))
def test_a_code_typed_with_dashes_spaces_or_lower_case_reads_as_issued(text: str) -> None:
    clean = voter_codes.normalize(text)
    assert voter_codes.normalize(voter_codes.grouped(clean).lower()) == clean


def test_codes_and_receipts_are_drawn_from_the_unambiguous_alphabet() -> None:
    codes = {voter_codes.mint_code(b"k" * 32, 1) for _ in range(200)}
    receipts = {voter_codes.new_receipt() for _ in range(200)}
    assert len(codes) == 200 and len(receipts) == 200
    assert all(len(c) == 20 and set(c) <= set(voter_codes.ALPHABET) for c in codes)
    assert all(len(r) == 10 and set(r) <= set(voter_codes.ALPHABET) for r in receipts)
    assert not set("IO01") & set("".join(codes | receipts))
