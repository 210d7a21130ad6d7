"""The ballot box: sealed ballots open only with enough of the committee's shares."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canbo.core.errors import ValidationError
from canbo.services.voting import ballot_box
from canbo.services.voting.voter_codes import ALPHABET


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 7).flatmap(lambda n: st.tuples(st.just(n), st.integers(1, n))))
def test_any_threshold_of_the_shares_opens_every_ballot(committee: tuple[int, int]) -> None:
    members, threshold = committee
    key = ballot_box.new_committee_key(members, threshold)
    boxes = [ballot_box.seal(key.public_key, f"R{i:09d}", "HML-"[i % 4] * 3) for i in range(5)]
    for chosen in itertools.combinations(key.shares, threshold):
        private = ballot_box.recover_private_key(key.public_key, threshold, chosen)
        opened = ballot_box.open_boxes(private, boxes)
        assert sorted(opened) == sorted((f"R{i:09d}", "HML-"[i % 4] * 3) for i in range(5))


@settings(max_examples=15, deadline=None)
@given(st.integers(2, 7).flatmap(lambda n: st.tuples(st.just(n), st.integers(2, n))))
def test_fewer_shares_than_the_threshold_are_refused(committee: tuple[int, int]) -> None:
    members, threshold = committee
    key = ballot_box.new_committee_key(members, threshold)
    with pytest.raises(ValidationError) as refused:
        ballot_box.recover_private_key(key.public_key, threshold, key.shares[: threshold - 1])
    assert refused.value.code == "key_shares_too_few"
    assert refused.value.fields == {"given": threshold - 1, "needed": threshold}


def test_the_default_threshold_is_more_than_half_of_the_committee() -> None:
    assert [ballot_box.default_threshold(n) for n in range(1, 8)] == [1, 2, 2, 3, 3, 4, 4]
    assert ballot_box.new_committee_key(5).threshold == 3


def test_a_mistyped_share_is_named_before_anything_is_opened() -> None:
    key = ballot_box.new_committee_key(3)
    share = key.shares[1].replace("-", "")
    wrong = share[:10] + next(c for c in ALPHABET if c != share[10]) + share[11:]
    with pytest.raises(ValidationError) as refused:
        ballot_box.recover_private_key(key.public_key, 2, [key.shares[0], wrong])
    assert (refused.value.code, refused.value.fields["position"]) == ("key_share_malformed", 2)


def test_a_share_of_another_vote_and_a_repeated_share_are_named() -> None:
    key, other = ballot_box.new_committee_key(3), ballot_box.new_committee_key(3)
    with pytest.raises(ValidationError) as foreign:
        ballot_box.recover_private_key(key.public_key, 2, [key.shares[0], other.shares[1]])
    assert foreign.value.code == "key_share_other_vote"
    with pytest.raises(ValidationError) as twice:
        ballot_box.recover_private_key(key.public_key, 2, [key.shares[0], key.shares[0].lower()])
    assert twice.value.code == "key_share_repeated"


def test_shares_print_in_groups_of_four_of_the_code_alphabet() -> None:
    share = ballot_box.new_committee_key(2).shares[0]
    groups = share.split("-")
    assert len(groups) == 15 and all(len(g) == 4 and set(g) <= set(ALPHABET) for g in groups)


def test_equal_ballots_seal_to_unrelated_boxes_and_an_altered_box_stops_the_count() -> None:
    key = ballot_box.new_committee_key(1)
    first = ballot_box.seal(key.public_key, "RECEIPT001", "HHM")
    second = ballot_box.seal(key.public_key, "RECEIPT001", "HHM")
    assert first != second and len(first) == len(second)
    private = ballot_box.recover_private_key(key.public_key, 1, key.shares)
    altered = first[:-1] + bytes([first[-1] ^ 1])
    with pytest.raises(ValidationError) as refused:
        ballot_box.open_boxes(private, [second, altered])
    assert (refused.value.code, refused.value.fields["number"]) == ("sealed_ballot_damaged", 2)


def test_opened_ballots_come_out_in_a_random_order() -> None:
    key = ballot_box.new_committee_key(1)
    boxes = [ballot_box.seal(key.public_key, f"R{i:09d}", "H") for i in range(40)]
    private = ballot_box.recover_private_key(key.public_key, 1, key.shares)
    orders = {tuple(r for r, _ in ballot_box.open_boxes(private, boxes)) for _ in range(3)}
    assert len(orders) > 1  # three equal shuffles of 40 happen with probability 1/40!^2


def test_a_committee_larger_than_the_maximum_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        ballot_box.new_committee_key(ballot_box.MAX_MEMBERS + 1)
    assert refused.value.code == "key_threshold_invalid"
    with pytest.raises(ValidationError):
        ballot_box.new_committee_key(3, 4)
