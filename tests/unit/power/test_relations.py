"""Who must recuse, and the Art. 20 hard block (PC-10, PC-11, PC-21)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from canbo.core.power.model import (
    ConflictAction,
    Participant,
    Relationship,
    RelationshipClass,
    Role,
)
from canbo.core.power.relations import conflicts, hard_block, is_resolution, unresolved
from canbo.core.power.rulebooks import QD114_2023
from canbo.core.types import RelationKind

FAMILY, ACQ = RelationshipClass.FAMILY, RelationshipClass.CLOSE_ACQUAINTANCE


def rel(a: str, b: str, kind: str = "spouse", cls: RelationshipClass = FAMILY) -> Relationship:
    return Relationship(a, b, cls, kind, "tự kê khai")


def actions(found: tuple[object, ...]) -> list[tuple[str, str, str]]:
    return [(c.participant.person_id, c.candidate_id, str(c.action)) for c in found]  # type: ignore[attr-defined]


# PC-10: a related decider, proposer, adviser, appraiser or counter must recuse.
def test_a_related_decider_must_recuse_in_either_direction_of_the_declaration() -> None:
    decider = Participant("giam_doc", Role.DECIDER, "leadership_decide")
    for declared in (rel("giam_doc", "an", "child"), rel("an", "giam_doc", "child")):
        (found,) = conflicts(["an"], [decider], [declared], QD114_2023)
        assert found.action is ConflictAction.RECUSE
        assert (found.rule, found.citation.rule_id) == ("PC-10", "PC-10")
        assert found.blocking and found.message_vi and found.message_en


def test_a_related_voter_is_asked_to_recuse_before_ballots_or_as_the_policy_says() -> None:
    voter = Participant("binh", Role.VOTER, "wider")
    family = [rel("binh", "an", "sibling_in_law")]
    assert actions(conflicts(["an"], [voter], family, QD114_2023)) == [
        ("binh", "an", "ask_recusal")
    ]
    for policy, action in (("record_only", "record"), ("exclude_from_voter_list", "recuse")):
        book = QD114_2023.with_parameters(pc_related_voter_policy=policy)
        assert actions(conflicts(["an"], [voter], family, book)) == [("binh", "an", action)]


# PC-21: a close acquaintance is recorded unless the policy says recuse like family.
def test_a_close_acquaintance_is_recorded_or_recuses_like_family() -> None:
    proposer = Participant("chi", Role.PROPOSER)
    known = [rel("chi", "an", "acquaintance", ACQ)]
    (found,) = conflicts(["an"], [proposer], known, QD114_2023)
    assert (found.action, found.rule, found.blocking) == (ConflictAction.RECORD, "PC-21", False)
    book = QD114_2023.with_parameters(pc_acquaintance_policy="recuse_like_family")
    assert conflicts(["an"], [proposer], known, book)[0].action is ConflictAction.RECUSE


def test_a_relative_outside_the_recusal_circle_is_recorded_only() -> None:
    book = QD114_2023.with_parameters(pc_recuse_set=("spouse", "parent", "child", "sibling"))
    appraiser = Participant("dung", Role.APPRAISER)
    (found,) = conflicts(["an"], [appraiser], [rel("dung", "an", "grandchild")], book)
    assert found.action is ConflictAction.RECORD


def test_the_strongest_requirement_wins_and_unrelated_or_self_gives_nothing() -> None:
    decider = Participant("giang", Role.DECIDER)
    both = [rel("giang", "an", "acquaintance", ACQ), rel("an", "giang", "parent")]
    assert actions(conflicts(["an"], [decider], both, QD114_2023)) == [("giang", "an", "recuse")]
    assert conflicts(["an"], [decider], [rel("giang", "binh")], QD114_2023) == ()
    assert conflicts(["an"], [Participant("an", Role.VOTER)], [rel("an", "an")], QD114_2023) == ()


def test_unresolved_keeps_what_needs_a_recusal_or_an_override_with_its_reason() -> None:
    p1, p2 = Participant("a", Role.DECIDER, "s5"), Participant("b", Role.VOTER, "s2")
    acq = Participant("c", Role.PROPOSER)
    found = conflicts(
        ["x"],
        [p1, p2, acq],
        [rel("a", "x"), rel("b", "x"), rel("c", "x", "acquaintance", ACQ)],
        QD114_2023,
    )
    assert {c.participant.person_id for c in unresolved(found, {})} == {"a", "b"}
    left = unresolved(found, {("a", "decider", "s5"): "recused", ("b", "voter", ""): "overridden:"})
    assert [c.participant.person_id for c in left] == ["b"]  # an override needs its reason
    done = {("a", "decider", "s5"): "recused", ("b", "voter", ""): "overridden:đã giải trình"}
    assert unresolved(found, done) == ()
    assert not is_resolution("maybe") and is_resolution("recused")


# PC-11: Art. 20 hard block.
def test_a_head_may_not_place_a_sibling_in_accounting() -> None:
    check = hard_block("truong", "em", "accounting", [rel("em", "truong", "sibling")], QD114_2023)
    assert check is not None and not check.ok and not check.passes()
    assert (check.key, check.rule) == ("hard_block_relative", "PC-11")
    assert str(check.citation) == "Luật Phòng, chống tham nhũng 2018, Điều 20"


def test_the_hard_block_is_only_for_its_posts_and_its_relatives() -> None:
    in_law = [rel("truong", "re", "child_in_law")]
    assert hard_block("truong", "re", "personnel", in_law, QD114_2023).ok  # type: ignore[union-attr]
    friend = [rel("truong", "ban", "spouse", ACQ)]
    assert hard_block("truong", "ban", "cashier", friend, QD114_2023).ok  # type: ignore[union-attr]
    assert (
        hard_block("truong", "em", "deputy_director", [rel("truong", "em", "sibling")], QD114_2023)
        is None
    )


ids = st.sampled_from(["a", "b", "c", "d", "e"])
kinds = st.sampled_from([*(k.value for k in RelationKind), "acquaintance"])
relationships = st.builds(
    Relationship, ids, ids, st.sampled_from(list(RelationshipClass)), kinds, st.just("")
)
participants = st.builds(Participant, ids, st.sampled_from(list(Role)), st.sampled_from(["", "s2"]))


@given(
    st.lists(ids, max_size=3),
    st.lists(participants, max_size=4),
    st.lists(relationships, max_size=6),
)
def test_conflicts_do_not_depend_on_the_direction_of_the_declaration(
    candidates: list[str], people: list[Participant], rels: list[Relationship]
) -> None:
    flipped = [Relationship(r.other_id, r.person_id, r.cls, r.relation, r.source) for r in rels]
    one = conflicts(candidates, people, rels, QD114_2023)
    two = conflicts(candidates, people, flipped, QD114_2023)
    assert actions(one) == actions(two)


@given(
    st.lists(ids, max_size=3),
    st.lists(participants, max_size=4),
    st.lists(relationships, max_size=6),
    st.data(),
)
def test_a_recused_participant_never_appears_unresolved(
    candidates: list[str],
    people: list[Participant],
    rels: list[Relationship],
    data: st.DataObject,
) -> None:
    found = conflicts(candidates, people, rels, QD114_2023)
    recused = data.draw(st.sets(st.sampled_from(people))) if people else set()
    resolved = {p.key: "recused" for p in recused}
    left = unresolved(found, resolved)
    assert not {c.participant for c in left} & recused
    assert all(c.blocking for c in left)
