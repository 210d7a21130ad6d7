"""The pure survey rules: forms validated when built, answers checked whole (field, row and
column named), numbers read the Vietnamese way, status and lateness, and the roll-up: every
level's aggregate is the sum of the units under it (hypothesis)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.errors import ValidationError
from canbo.core.surveys.answers import clean, parse_number, validate
from canbo.core.surveys.forms import Column, FieldKind, FieldSpec, FormSpec, Option
from canbo.core.surveys.progress import (
    Aggregate,
    AssignmentStatus,
    aggregate,
    merge_into,
    roll_up,
    status,
)

CHOICES = (Option("tot", "Tốt"), Option("kha", "Khá"))
SPEC = FormSpec(
    "ks", 1, "Khảo sát",
    (
        FieldSpec("n", "Số", FieldKind.NUMBER, minimum=0, maximum=100, integer=True),
        FieldSpec("c", "Chọn", FieldKind.CHOICE, options=CHOICES),
        FieldSpec("m", "Nhiều", FieldKind.CHOICE, options=CHOICES, multiple=True, required=False),
        FieldSpec("t", "Chữ", FieldKind.TEXT, required=False, max_length=5),
        FieldSpec("b", "Bảng", FieldKind.TABLE, required=False, max_rows=2, columns=(
            Column("x", "X", FieldKind.NUMBER, minimum=0), Column("y", "Y", FieldKind.TEXT),
        )),
    ),
)  # fmt: skip


def test_a_form_with_repeated_keys_or_a_choice_without_options_is_refused():
    with pytest.raises(ValidationError):
        FormSpec("a", 1, "A", (FieldSpec("x", "X", FieldKind.TEXT),) * 2)
    with pytest.raises(ValidationError):
        FormSpec("a", 1, "A", (FieldSpec("x", "X", FieldKind.CHOICE),))


def test_a_form_survives_its_stored_shape():
    assert FormSpec.from_dict(SPEC.as_dict()) == SPEC


@pytest.mark.parametrize(
    ("text", "number"),
    [("12", 12), ("12,5", 12.5), ("1.234,5", 1234.5), ("1.234.567", 1234567), (" 7 ", 7),
     ("1 234", 1234), ("abc", None), ("nan", None), (True, None)],
)  # fmt: skip
def test_numbers_are_read_the_vietnamese_way(text, number):
    assert parse_number(text) == number


def test_every_problem_is_named_with_its_field_row_and_column():
    errors = validate(SPEC, {
        "n": 2.5, "c": "Giỏi", "m": "tot; xau", "t": "dài quá",
        "b": [{"x": 1, "y": "a"}, {"x": -1, "y": "b"}, {"x": 2}], "z": 1,
    })  # fmt: skip
    found = {(e.field, e.code, e.row, e.column) for e in errors}
    assert found == {
        ("z", "survey_unknown_field", None, None),
        ("n", "survey_not_integer", None, None),
        ("c", "survey_unknown_option", None, None),
        ("m", "survey_unknown_option", None, None),
        ("t", "survey_text_too_long", None, None),
        ("b", "survey_too_many_rows", None, None),
    }
    rows = validate(SPEC, {"n": 1, "c": "tot", "b": [{"x": "1"}, {"x": -1, "y": "b"}]})
    assert [(e.code, e.row, e.column) for e in rows] == [("survey_below_minimum", 2, "x")]


def test_choices_match_labels_and_required_answers_are_required():
    answers, errors = clean(SPEC, {"n": "5", "c": "Khá", "m": "Tốt;Khá"})
    assert not errors and answers["c"] == "kha" and answers["m"] == ["tot", "kha"]
    assert {e.field for e in validate(SPEC, {})} == {"n", "c"}
    assert clean(SPEC, {}, partial=True)[1] == []


def test_status_late_and_overdue():
    deadline = dt.date(2026, 3, 31)
    assert status(deadline, deadline, False, deadline) is AssignmentStatus.SUBMITTED
    late = deadline + dt.timedelta(days=1)
    assert status(deadline, late, False, late) is AssignmentStatus.SUBMITTED_LATE
    assert status(deadline, None, True, deadline) is AssignmentStatus.IN_PROGRESS
    assert status(deadline, None, False, deadline) is AssignmentStatus.NOT_STARTED
    assert status(deadline, None, True, late) is AssignmentStatus.OVERDUE


answers = st.fixed_dictionaries({
    "n": st.integers(0, 100),
    "c": st.sampled_from(["tot", "kha"]),
    "b": st.lists(st.fixed_dictionaries({"x": st.integers(0, 50), "y": st.text(max_size=3)}),
                  max_size=2),
})  # fmt: skip
# Units 10.. sit under parents 1..3 (some under 1 directly), parents 2 and 3 under 1.
PARENTS = {1: [1], 2: [2, 1], 3: [3, 1]}


@given(st.dictionaries(st.integers(10, 60), st.tuples(st.sampled_from([1, 2, 3]), answers)))
def test_every_level_is_the_sum_of_the_units_under_it(units):
    submissions = {u: a for u, (_, a) in units.items()}
    chains = {u: PARENTS[p] for u, (p, _) in units.items()}
    rolled = roll_up(SPEC, submissions, chains)
    for node in {n for chain in chains.values() for n in chain}:
        under = [(u, submissions[u]) for u in units if node in chains[u]]
        direct = aggregate(SPEC, under)
        assert rolled[node].as_dict() == direct.as_dict() or _same(rolled[node], direct)
    if units:
        assert rolled[1].units == len(units)
        assert rolled[1].fields["n"].numbers.total == sum(a["n"] for _, a in units.values())


def _same(left, right) -> bool:
    a, b = left.as_dict(), right.as_dict()
    for key in ("c", "n", "b"):
        la, lb = a["fields"][key], b["fields"][key]
        la["texts"], lb["texts"] = sorted(map(tuple, la["texts"])), sorted(map(tuple, lb["texts"]))
        for col in la["columns"].values():
            col["texts"] = sorted(map(tuple, col["texts"]))
        for col in lb["columns"].values():
            col["texts"] = sorted(map(tuple, col["texts"]))
    return a == b


@given(st.lists(st.tuples(st.integers(10, 60), answers), max_size=12))
def test_an_aggregate_kept_and_added_to_one_report_at_a_time_is_the_aggregate_of_all(reports):
    """The roll-up kept per level: each report added to the stored state (JSON and back)
    gives the same counts, sums, least and greatest and distributions as all at once."""
    kept = Aggregate.from_state(SPEC, None).state()
    for unit, report in reports:
        total = Aggregate.from_state(SPEC, json.loads(json.dumps(kept)))
        merge_into(total, aggregate(SPEC, [(unit, report)]))
        kept = total.state()
    assert _same(Aggregate.from_state(SPEC, kept), aggregate(SPEC, reports))


def test_a_kept_state_holds_only_the_first_texts_but_counts_every_answer():
    reports = [(u, {"n": 1, "c": "tot", "t": f"ý {u}"}) for u in range(5)]
    kept = Aggregate.from_state(SPEC, aggregate(SPEC, reports).state(texts=2))
    assert kept.fields["t"].texts == [(0, "ý 0"), (1, "ý 1")]
    assert kept.fields["t"].answered == 5
    assert kept.fields["n"].numbers.total == 5 and kept.units == 5
    assert (
        Aggregate.from_state(SPEC, aggregate(SPEC, reports).state(texts=0)).fields["t"].texts == []
    )
