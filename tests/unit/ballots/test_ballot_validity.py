import dataclasses

import pytest

from canbo.core.ballots.ballot import (
    ApprovalChoice,
    Ballot,
    BallotForm,
    BallotKind,
    BallotLine,
    ConfidenceLevel,
    NominationMark,
    SubjectId,
    confidence_ballot,
)
from canbo.core.ballots.catalog import NQ96_2023, QD96_2023, QD190_2024, QD244_2014, QD262_2014
from canbo.core.ballots.validity import Scope, Verdict, judge_confidence
from canbo.core.ballots.validity_election import KEPT, STRUCK, judge_election
from canbo.core.errors import RuleViolation

H, M, L = ConfidenceLevel.HIGH, ConfidenceLevel.MID, ConfidenceLevel.LOW
P1, P2 = SubjectId(1), SubjectId(2)
FORM = BallotForm(BallotKind.CONFIDENCE, (P1, P2))
ISSUED = frozenset({"s1", "s2", "s3"})


def test_the_ballot_type_has_no_voter_field():
    names = {f.name for f in dataclasses.fields(Ballot)}
    assert names == {"kind", "serial", "lines", "write_ins", "added_names"}


def test_a_ballot_not_issued_by_the_counting_committee_is_invalid_for_every_name():
    j = judge_confidence(confidence_ballot("forged", [(1, [H]), (2, [L])]), FORM, ISSUED, QD96_2023)
    assert j.verdict(P1) is Verdict.INVALID and j.verdict(P2) is Verdict.INVALID
    assert [r.code for r in j.reasons] == ["not_issued"]
    assert j.reasons[0].citation.rule_id == "CV-14"
    assert j.reasons[0].citation.article == "Điều 6"


def test_no_level_or_several_levels_invalidate_only_that_name():
    j = judge_confidence(confidence_ballot("s1", [(1, []), (2, [H])]), FORM, ISSUED, QD96_2023)
    assert j.verdict(P1) is Verdict.INVALID and j.option(P2) == H
    j = judge_confidence(confidence_ballot("s1", [(1, [H, L]), (2, [M])]), FORM, ISSUED, QD96_2023)
    assert j.reasons[0].code == "several_levels_marked"
    assert j.reasons[0].scope is Scope.NAME and j.reasons[0].subject == P1
    assert j.option(P2) == M


def test_a_struck_name_is_invalid_for_that_name_by_default_and_names_the_parameter():
    ballot = confidence_ballot("s1", [(1, [H]), (2, [M])], struck=[1])
    j = judge_confidence(ballot, FORM, ISSUED, QD96_2023)
    assert j.verdict(P1) is Verdict.INVALID and j.option(P2) == M
    assert j.reasons[0].citation.unconfirmed == ("cv_invalid_scope",)


def test_with_whole_ballot_scope_a_struck_name_invalidates_every_name():
    book = QD96_2023.with_parameters(cv_invalid_scope="whole_ballot")
    ballot = confidence_ballot("s1", [(1, [H]), (2, [M])], struck=[1])
    j = judge_confidence(ballot, FORM, ISSUED, book)
    assert j.verdict(P2) is Verdict.INVALID
    assert not j.is_valid_ballot


@pytest.mark.parametrize(
    ("policy", "verdict"),
    [
        ("ignore_added_names", Verdict.COUNTED),
        ("invalid_whole_ballot", Verdict.INVALID),
        ("refer_to_counting_committee", Verdict.REFER),
    ],
)
def test_added_names_follow_the_policy_parameter(policy, verdict):
    book = QD96_2023.with_parameters(cv_added_names_policy=policy)
    ballot = confidence_ballot("s1", [(1, [H]), (2, [M])], added_names=["Phạm Văn Dũng"])
    assert judge_confidence(ballot, FORM, ISSUED, book).verdict(P2) is verdict


def test_na_ballots_apply_the_same_cases_and_say_the_list_is_unconfirmed():
    j = judge_confidence(confidence_ballot("s1", [(1, []), (2, [L])]), FORM, ISSUED, NQ96_2023)
    assert j.verdict(P1) is Verdict.INVALID
    assert j.reasons[0].citation.unconfirmed == ("na_ballot_validity",)


def test_a_rulebook_the_handbook_does_not_describe_refuses_to_judge():
    with pytest.raises(RuleViolation):
        judge_confidence(confidence_ballot("s1", [(1, [H]), (2, [H])]), FORM, ISSUED, QD262_2014)


# --- Party election ballots (EL-15, EL-16; worked example EL-34: k = 7, n = 9) ---------
NINE = tuple(SubjectId(i) for i in range(1, 10))
STRIKE = BallotForm(BallotKind.STRIKE_OUT, NINE, seats=7)


def strike_ballot(serial, struck):
    return Ballot(
        BallotKind.STRIKE_OUT, serial, tuple(BallotLine(s, struck=s in struck) for s in NINE)
    )


def test_a_strike_out_ballot_keeping_eight_names_for_seven_seats_is_invalid():
    j = judge_election(strike_ballot("s1", {SubjectId(9)}), STRIKE, ISSUED, QD244_2014)
    assert not j.is_valid_ballot
    assert j.reasons[0].code == "votes_for_more_than_seats"
    assert j.reasons[0].citation.article == "Điều 17"


def test_a_strike_out_ballot_keeping_seven_names_counts_kept_and_struck():
    j = judge_election(
        strike_ballot("s1", {SubjectId(8), SubjectId(9)}), STRIKE, ISSUED, QD244_2014
    )
    assert j.is_valid_ballot
    assert j.option(SubjectId(1)) == KEPT and j.option(SubjectId(9)) == STRUCK


def test_a_strike_out_ballot_crossing_out_everyone_is_invalid():
    j = judge_election(strike_ballot("s1", set(NINE)), STRIKE, ISSUED, QD190_2024)
    assert j.reasons[0].code == "votes_for_nobody"
    assert "el_art15_same_as_244" in j.reasons[0].citation.unconfirmed


def test_marks_on_a_strike_out_ballot_go_to_the_counting_committee_by_default():
    lines = tuple(BallotLine(s, struck=s in {SubjectId(8), SubjectId(9)}) for s in NINE)
    ballot = Ballot(BallotKind.STRIKE_OUT, "s1", lines, added_names=("Ngô Thị Em",))
    j = judge_election(ballot, STRIKE, ISSUED, QD244_2014)
    assert j.verdict(SubjectId(1)) is Verdict.REFER


def approval(serial, marks):
    lines = tuple(BallotLine(SubjectId(s), frozenset(m)) for s, m in marks)
    return Ballot(BallotKind.APPROVAL, serial, lines)


A, D = ApprovalChoice.AGREE, ApprovalChoice.DISAGREE


def test_on_a_multi_name_agree_disagree_ballot_a_line_with_both_boxes_simply_does_not_count():
    form = BallotForm(BallotKind.APPROVAL, (P1, P2), seats=2)
    j = judge_election(approval("s1", [(1, [A, D]), (2, [A])]), form, ISSUED, QD244_2014)
    assert j.is_valid_ballot
    assert j.verdict(P1) is Verdict.NOT_COUNTED and j.option(P2) == A


def test_on_a_single_name_ballot_no_box_marked_follows_its_policy():
    form = BallotForm(BallotKind.APPROVAL, (P1,), seats=1)
    j = judge_election(approval("s1", [(1, [])]), form, ISSUED, QD244_2014)
    assert j.verdict(P1) is Verdict.REFER
    book = QD244_2014.with_parameters(el_single_name_no_mark_policy="invalid")
    assert not judge_election(approval("s1", [(1, [])]), form, ISSUED, book).is_valid_ballot


def test_an_other_opinion_box_is_counted_only_where_the_form_prints_it():
    form = BallotForm(BallotKind.APPROVAL, (P1,), seats=1, allows_other=True)
    other = approval("s1", [(1, [ApprovalChoice.OTHER])])
    assert judge_election(other, form, ISSUED, QD244_2014).option(P1) == ApprovalChoice.OTHER
    plain = BallotForm(BallotKind.APPROVAL, (P1,), seats=1)
    assert judge_election(other, plain, ISSUED, QD244_2014).verdict(P1) is Verdict.REFER


def nomination(serial, chosen, write_ins=()):
    lines = tuple(BallotLine(SubjectId(s), frozenset({NominationMark.CHOSEN})) for s in chosen)
    return Ballot(BallotKind.NOMINATION, serial, lines, write_ins=tuple(write_ins))


def test_a_nomination_ballot_choosing_more_than_n_counting_write_ins_is_invalid():
    form = BallotForm(BallotKind.NOMINATION, (P1, P2), seats=1, write_ins_allowed=True)
    assert judge_election(nomination("s1", [1]), form, ISSUED, QD190_2024).is_valid_ballot
    bad = judge_election(nomination("s1", [1], ["Hoàng Văn Giang"]), form, ISSUED, QD190_2024)
    assert bad.reasons[0].code == "votes_for_more_than_seats"
    assert "ballot_nomination_validity" in bad.reasons[0].citation.unconfirmed


def test_a_write_in_where_none_is_allowed_goes_to_the_counting_committee():
    form = BallotForm(BallotKind.NOMINATION, (P1, P2), seats=2)
    j = judge_election(nomination("s1", [1], ["Hoàng Văn Giang"]), form, ISSUED, QD190_2024)
    assert j.verdict(P1) is Verdict.REFER
    assert j.reasons[0].code == "write_in_not_allowed"


def test_a_confidence_rulebook_cannot_judge_an_election_ballot():
    with pytest.raises(RuleViolation):
        judge_election(strike_ballot("s1", set()), STRIKE, ISSUED, QD96_2023)
