"""The base of the majority test: EL-19, EL-20, EL-21 and EL-35, clause by clause."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.ballots.catalog import QD190_2024, QD244_2014
from canbo.core.elections.denominator import (
    DELEGATES_REASONS,
    MEMBERS_REASONS,
    Removed,
    allowed_reasons,
    conference_basis,
    denominator,
    denominator_from_counts,
)
from canbo.core.elections.model import CongressKind, Subtraction
from canbo.core.errors import RuleViolation, ValidationError

R = QD190_2024


def test_el34_worked_example_gives_42_with_each_line_cited():
    counts = {
        Subtraction.TEMP_ELSEWHERE: 2,
        Subtraction.SUSPENDED: 1,
        Subtraction.ABSENT_ACCEPTED: 3,
    }
    d = denominator_from_counts(CongressKind.MEMBERS, 48, counts, rulebook=R)
    assert d.value == 42
    assert d.subtracted == 6
    assert [(line.reason, line.count) for line in d.lines] == [
        (Subtraction.TEMP_ELSEWHERE, 2),
        (Subtraction.SUSPENDED, 1),
        (Subtraction.ABSENT_ACCEPTED, 3),
    ]
    assert all(line.citation.rule_id == "EL-19" for line in d.lines)
    assert d.citation.rule_id == "EL-19"
    assert str(d.citation) == "QĐ 190-QĐ/TW, Điều 30, khoản 2"
    assert not d.named


def test_cell_qa_eleven_members_one_absent_accepted_gives_ten():
    d = denominator(
        CongressKind.CELL,
        11,
        [Removed(Subtraction.ABSENT_ACCEPTED, 7, "Lê Thị Hoa")],
        rulebook=R,
    )
    assert d.value == 10
    assert d.lines[0].names == ("Lê Thị Hoa",)
    assert d.as_dict()["subtractions"][0]["reason"] == "absent_accepted"


def test_named_lines_group_by_reason_in_the_regulation_order():
    removed = [
        Removed(Subtraction.ABSENT_ACCEPTED, 1, "Nguyễn Văn An"),
        Removed(Subtraction.TEMP_ELSEWHERE, 2, "Trần Thị Bình"),
        Removed(Subtraction.ABSENT_ACCEPTED, 3, "Lê Văn Cường"),
    ]
    d = denominator(CongressKind.MEMBERS, 30, removed, rulebook=R)
    assert d.value == 27
    assert [(line.reason, line.names) for line in d.lines] == [
        (Subtraction.TEMP_ELSEWHERE, ("Trần Thị Bình",)),
        (Subtraction.ABSENT_ACCEPTED, ("Nguyễn Văn An", "Lê Văn Cường")),
    ]


def test_delegates_congress_subtracts_only_el20_reasons():
    d = denominator_from_counts(
        CongressKind.DELEGATES,
        250,
        {Subtraction.COMMITTEE_ABSENT: 1, Subtraction.ABSENT_NO_ALTERNATE: 4},
        rulebook=R,
    )
    assert d.value == 245
    assert d.citation.rule_id == "EL-20"
    with pytest.raises(RuleViolation) as err:
        denominator_from_counts(CongressKind.DELEGATES, 250, {Subtraction.SUSPENDED: 1}, rulebook=R)
    assert err.value.code == "subtraction_reason_not_allowed"
    assert err.value.citation is not None and err.value.citation.rule_id == "EL-20"


@pytest.mark.parametrize("reason", DELEGATES_REASONS)
def test_members_congress_refuses_delegates_reasons(reason):
    with pytest.raises(RuleViolation) as err:
        denominator(CongressKind.MEMBERS, 20, [Removed(reason, 1, "Ai Đó")], rulebook=R)
    assert err.value.code == "subtraction_reason_not_allowed"


def test_person_subtracted_twice_is_refused():
    removed = [
        Removed(Subtraction.SUSPENDED, 5, "Đỗ Văn Ích"),
        Removed(Subtraction.ABSENT_ACCEPTED, 5, "Đỗ Văn Ích"),
    ]
    with pytest.raises(RuleViolation) as err:
        denominator(CongressKind.MEMBERS, 20, removed, rulebook=R)
    assert err.value.code == "subtracted_twice"
    assert err.value.fields["name"] == "Đỗ Văn Ích"


def test_not_convened_person_is_never_subtracted_again_el35():
    with pytest.raises(RuleViolation) as err:
        denominator(
            CongressKind.MEMBERS,
            20,
            [Removed(Subtraction.SUSPENDED, 9, "Vũ Thị Phương")],
            not_convened_ids=frozenset({9}),
            rulebook=R,
        )
    assert err.value.code == "subtracted_not_convened"
    assert err.value.citation is not None and err.value.citation.rule_id == "EL-35"


def test_base_of_zero_and_more_taken_out_than_convened_are_refused():
    with pytest.raises(RuleViolation) as err:
        denominator_from_counts(
            CongressKind.MEMBERS, 3, {Subtraction.ABSENT_ACCEPTED: 3}, rulebook=R
        )
    assert err.value.code == "election_base_not_positive"
    with pytest.raises(RuleViolation) as err:
        denominator_from_counts(
            CongressKind.MEMBERS, 3, {Subtraction.ABSENT_ACCEPTED: 4}, rulebook=R
        )
    assert err.value.code == "subtractions_exceed_convened"
    with pytest.raises(ValidationError):
        denominator_from_counts(
            CongressKind.MEMBERS, 3, {Subtraction.ABSENT_ACCEPTED: -1}, rulebook=R
        )


def test_conference_takes_no_one_out_by_default_and_absentees_under_members_present():
    assert conference_basis(R) == "members_of_body_convened"
    d = denominator_from_counts(CongressKind.CONFERENCE, 15, {}, rulebook=R)
    assert d.value == 15 and d.citation.rule_id == "EL-21"
    assert "el_conference_denominator" in d.citation.unconfirmed
    with pytest.raises(RuleViolation):
        denominator_from_counts(
            CongressKind.CONFERENCE, 15, {Subtraction.ABSENT_ACCEPTED: 1}, rulebook=R
        )
    present = R.with_parameters(el_conference_denominator="members_present")
    assert allowed_reasons(CongressKind.CONFERENCE, present) == (Subtraction.ABSENT_ACCEPTED,)
    d = denominator_from_counts(
        CongressKind.CONFERENCE, 15, {Subtraction.ABSENT_ACCEPTED: 2}, rulebook=present
    )
    assert d.value == 13 and d.basis == "members_present"


def test_qd244_cites_its_own_article():
    d = denominator_from_counts(CongressKind.MEMBERS, 10, {}, rulebook=QD244_2014)
    assert str(d.citation) == "QĐ 244-QĐ/TW, Điều 32, khoản 2"


@given(
    convened=st.integers(min_value=1, max_value=500),
    counts=st.lists(st.integers(min_value=0, max_value=60), min_size=5, max_size=5),
)
def test_base_is_convened_less_every_line_and_each_line_is_listed(convened, counts):
    mapping = dict(zip(MEMBERS_REASONS, counts, strict=True))
    if sum(counts) >= convened:
        with pytest.raises(RuleViolation):
            denominator_from_counts(CongressKind.MEMBERS, convened, mapping, rulebook=R)
        return
    d = denominator_from_counts(CongressKind.MEMBERS, convened, mapping, rulebook=R)
    assert d.value == convened - sum(counts) > 0
    assert {line.reason: line.count for line in d.lines} == {r: c for r, c in mapping.items() if c}
