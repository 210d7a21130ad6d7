"""The order of elections and the pools (EL-26, EL-27, EL-37)."""

from hypothesis import given
from hypothesis import strategies as st

from canbo.core.elections.model import CongressKind, ElectionKind
from canbo.core.elections.order import (
    ALLOWED,
    ELECTION_ORDER,
    eligible_pool,
    may_start,
    pool_check,
    prerequisites,
)

K = ElectionKind
C = CongressKind


def test_the_order_lists_every_election_once():
    assert sorted(ELECTION_ORDER) == sorted(ElectionKind)


def test_committee_first_then_its_first_conference():
    assert prerequisites(K.COMMITTEE, C.MEMBERS) == ()
    assert prerequisites(K.STANDING_COMMITTEE, C.DELEGATES) == (K.COMMITTEE,)
    assert prerequisites(K.SECRETARY, C.MEMBERS) == (K.COMMITTEE, K.STANDING_COMMITTEE)
    assert prerequisites(K.DEPUTY_SECRETARY, C.MEMBERS) == (
        K.COMMITTEE,
        K.STANDING_COMMITTEE,
        K.SECRETARY,
    )
    assert prerequisites(K.SECRETARY, C.MEMBERS, has_standing_committee=False) == (K.COMMITTEE,)
    assert prerequisites(K.INSPECTION_COMMISSION, C.MEMBERS) == (K.COMMITTEE,)
    assert prerequisites(K.INSPECTION_CHAIR, C.MEMBERS) == (
        K.COMMITTEE,
        K.INSPECTION_COMMISSION,
    )
    assert prerequisites(K.DELEGATES, C.DELEGATES) == ()


def test_el26_cell_with_committee_elects_it_before_the_secretary():
    refused = may_start(K.SECRETARY, frozenset(), C.CELL, True)
    assert not refused.allowed and refused.code == "election_out_of_order"
    assert refused.fields["missing"] == ["cell_committee"]
    assert refused.citation.rule_id == "EL-26"
    assert may_start(K.SECRETARY, frozenset({K.CELL_COMMITTEE}), C.CELL, True).allowed
    assert eligible_pool(K.SECRETARY, C.CELL) == K.CELL_COMMITTEE


def test_el37_small_cell_elects_no_committee_and_a_secretary_among_all():
    refused = may_start(K.CELL_COMMITTEE, frozenset(), C.CELL, False)
    assert refused.code == "cell_committee_not_elected"
    assert refused.citation.rule_id == "EL-37"
    assert may_start(K.SECRETARY, frozenset(), C.CELL, False).allowed
    assert eligible_pool(K.SECRETARY, C.CELL, cell_has_committee=False) is None
    assert may_start(K.DEPUTY_SECRETARY, frozenset(), C.CELL, False).code == (
        "election_out_of_order"
    )


def test_elections_a_congress_does_not_hold_are_refused():
    assert may_start(K.STANDING_COMMITTEE, frozenset(), C.CELL, True).code == (
        "election_not_for_congress_kind"
    )
    assert may_start(K.CELL_COMMITTEE, frozenset(), C.MEMBERS, False).code == (
        "election_not_for_congress_kind"
    )
    assert may_start(K.COMMITTEE, frozenset(), C.CONFERENCE, False).code == (
        "election_not_for_congress_kind"
    )
    assert may_start(K.SECRETARY, frozenset(), C.CONFERENCE, False).allowed  # EL-27


def test_pools():
    assert eligible_pool(K.STANDING_COMMITTEE) == K.COMMITTEE
    assert eligible_pool(K.SECRETARY) == K.STANDING_COMMITTEE
    assert eligible_pool(K.INSPECTION_CHAIR) == K.INSPECTION_COMMISSION
    assert eligible_pool(K.INSPECTION_COMMISSION) is None
    assert eligible_pool(K.DELEGATES) is None
    refused = pool_check(K.SECRETARY, [1, 2, 9], [1, 2, 3])
    assert refused.code == "candidate_not_in_elected_body" and refused.fields["person_ids"] == [9]
    assert pool_check(K.SECRETARY, [1, 2], [1, 2, 3]).allowed
    assert pool_check(K.DELEGATES, [1, 99], None).allowed


kinds = st.sampled_from(list(ElectionKind))
congresses = st.sampled_from(list(CongressKind))


@given(kinds, congresses, st.booleans(), st.booleans())
def test_the_prerequisites_are_held_at_that_congress_and_come_earlier_in_the_order(
    kind, congress, cell_committee, standing
):
    if kind not in ALLOWED[congress]:
        return
    needed = prerequisites(
        kind, congress, has_standing_committee=standing, cell_has_committee=cell_committee
    )
    assert kind not in needed
    for earlier in needed:
        assert earlier in ALLOWED[congress]
        assert ELECTION_ORDER.index(earlier) < ELECTION_ORDER.index(kind)
    done_all = frozenset(needed)
    decision = may_start(kind, done_all, congress, cell_committee, has_standing_committee=standing)
    if not (kind == K.CELL_COMMITTEE and not cell_committee):
        assert decision.allowed
    if needed:
        partial = done_all - {needed[-1]}
        assert not may_start(
            kind, partial, congress, cell_committee, has_standing_committee=standing
        ).allowed


@given(kinds, congresses, st.frozensets(kinds), st.frozensets(kinds), st.booleans())
def test_more_elections_done_never_blocks_an_allowed_start(kind, congress, done, more, cell):
    if may_start(kind, done, congress, cell).allowed:
        assert may_start(kind, done | more, congress, cell).allowed
