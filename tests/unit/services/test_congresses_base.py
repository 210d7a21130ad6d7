"""Properties of the base at a members' congress (EL-19): whoever is subtracted, with any
reason the members' congress allows, D is the official members convened less the people
subtracted, each counted once; a list naming someone twice is refused and stores nothing."""

from __future__ import annotations

import hypothesis.strategies as st
from hypothesis import given, settings

from canbo.core.elections.denominator import MEMBERS_REASONS
from canbo.core.errors import RuleViolation
from canbo.services.congresses import base, congress
from canbo.services.congresses.ports import SubtractionData
from canbo.services.ports import SYSTEM
from tests.unit.services.test_congresses import create, world

picks = st.lists(
    st.tuples(st.integers(0, 4), st.sampled_from(MEMBERS_REASONS)),
    max_size=4,
    unique_by=lambda x: x[0],
)


@settings(max_examples=25, deadline=None)
@given(picks, st.booleans())
def test_the_base_is_the_officials_convened_less_each_person_subtracted_once(
    chosen: list[tuple[int, object]], twice: bool
) -> None:
    w = world()
    cid = create(w)
    congress.build_roll(w.uow, SYSTEM, cid)
    congress.fix_roll(w.uow, SYSTEM, cid)
    lines = [SubtractionData(w.people[i], "", reason) for i, reason in chosen]  # type: ignore[arg-type]
    if twice and lines:
        try:
            base.set_subtractions(w.uow, SYSTEM, cid, [*lines, lines[0]])
        except RuleViolation as refused:
            assert refused.code == "subtracted_twice"
        else:
            raise AssertionError("a person subtracted twice was accepted")
        assert w.uow.congresses.subtractions(cid) == []
        return
    base.set_subtractions(w.uow, SYSTEM, cid, lines)
    d = base.congress_denominator(w.uow, cid)
    assert d.convened == 5
    assert d.value == 5 - len(lines)
    assert sum(line.count for line in d.lines) == len(lines)
