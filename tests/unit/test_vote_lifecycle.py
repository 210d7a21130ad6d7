"""The vote session's lifecycle as a table in the core: every step allowed, every one refused."""

from __future__ import annotations

from enum import Enum, StrEnum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.core.ballots.lifecycle import (
    VOTE_LIFECYCLE,
    Status,
    VoteStep,
    action_of,
    next_status,
    roles_of,
)
from canbo.core.errors import Citation, Conflict
from canbo.core.lifecycle import Lifecycle, Refusal, StepRule
from canbo.core.permissions import ROLES, Action
from canbo.core.types import Role
from canbo.services.voting import ports as voting_ports

D, R, OP, CL = Status.DRAFT, Status.READY, Status.OPEN, Status.CLOSED
CO, CE, P = Status.COUNTED, Status.CERTIFIED, Status.PUBLISHED

ALLOWED: dict[tuple[Status, VoteStep], Status] = {
    (D, VoteStep.EDIT): D,
    (R, VoteStep.EDIT): D,
    (D, VoteStep.MAKE_READY): R,
    (D, VoteStep.MAKE_KEY): D,
    (R, VoteStep.MAKE_KEY): R,
    (D, VoteStep.PRINT_SLIPS): D,
    (R, VoteStep.PRINT_SLIPS): R,
    (OP, VoteStep.PRINT_SLIPS): OP,
    (D, VoteStep.ISSUE_CODES): D,
    (R, VoteStep.ISSUE_CODES): R,
    (OP, VoteStep.ISSUE_CODES): OP,
    (R, VoteStep.OPEN): OP,
    (OP, VoteStep.CAST): OP,
    (OP, VoteStep.CLOSE): CL,
    (CL, VoteStep.ENTER_PAPER): CL,
    (CL, VoteStep.COUNT): CO,
    (CO, VoteStep.SIGN): CO,
    (CO, VoteStep.CERTIFY): CE,
    (CE, VoteStep.PUBLISH): P,
    (CE, VoteStep.CORRECT): CO,
    (P, VoteStep.CORRECT): CO,
}
"""The lifecycle of docs/voting.md, written out by hand."""

REFUSED = [(state, step) for state in Status for step in VoteStep if (state, step) not in ALLOWED]

KEEPS_STATUS = {
    VoteStep.MAKE_KEY,
    VoteStep.PRINT_SLIPS,
    VoteStep.ISSUE_CODES,
    VoteStep.CAST,
    VoteStep.ENTER_PAPER,
    VoteStep.SIGN,
}

RULES = {
    VoteStep.EDIT: "CV-10",
    VoteStep.MAKE_READY: "CV-10",
    VoteStep.MAKE_KEY: "EL-07",
    VoteStep.PRINT_SLIPS: "CV-13",
    VoteStep.ISSUE_CODES: "CV-13",
    VoteStep.OPEN: "CV-07",
    VoteStep.CAST: "CV-12",
    VoteStep.CLOSE: "EL-07",
    VoteStep.ENTER_PAPER: "EL-07",
    VoteStep.COUNT: "CV-15",
    VoteStep.SIGN: "EL-07",
    VoteStep.CERTIFY: "EL-07",
    VoteStep.PUBLISH: "CV-21",
    VoteStep.CORRECT: "CV-22",
}


@pytest.mark.parametrize(("state", "step"), sorted(ALLOWED))
def test_each_step_of_the_table_leads_to_its_status(state: Status, step: VoteStep) -> None:
    assert next_status(state, step) is ALLOWED[(state, step)]
    assert VOTE_LIFECYCLE.allows(state, step)


def test_the_table_holds_exactly_the_documented_steps() -> None:
    rows = {(t.source, t.step): t.target for t in VOTE_LIFECYCLE.transitions}
    assert rows == ALLOWED


@pytest.mark.parametrize(("state", "step"), REFUSED)
def test_every_other_step_is_refused_with_the_codes_the_pages_know(
    state: Status, step: VoteStep
) -> None:
    with pytest.raises(Conflict) as refused:
        next_status(state, step)
    sources = [str(s) for s in Status if (s, step) in ALLOWED]
    if step is VoteStep.EDIT:
        assert (refused.value.code, dict(refused.value.fields)) == (
            "vote_not_draft",
            {"status": str(state)},
        )
    elif step is VoteStep.CAST:
        assert (refused.value.code, dict(refused.value.fields)) == (
            "vote_not_open",
            {"status": str(state)},
        )
    else:
        assert refused.value.code == "vote_wrong_status"
        assert dict(refused.value.fields) == {"status": str(state), "expected": sources}
    assert refused.value.status == 409
    assert refused.value.citation is None
    assert not VOTE_LIFECYCLE.allows(state, step)


def test_a_correction_refused_before_certification_names_both_statuses_it_needs() -> None:
    with pytest.raises(Conflict) as refused:
        next_status(Status.COUNTED, VoteStep.CORRECT)
    assert refused.value.fields["expected"] == ["certified", "published"]


@pytest.mark.parametrize("step", list(VoteStep))
def test_each_step_names_its_rule_and_who_takes_it(step: VoteStep) -> None:
    rule = VOTE_LIFECYCLE.rule(step)
    assert rule.citation.rule_id == RULES[step]
    assert rule.citation.document == ("QĐ 190-QĐ/TW" if RULES[step][:2] == "EL" else "QĐ 96-QĐ/TW")
    action = action_of(step)
    if step is VoteStep.CAST:
        assert action is None and roles_of(step) == frozenset()
    else:
        assert action in ROLES and roles_of(step) == ROLES[action]


def test_the_roles_are_those_the_services_checked_before() -> None:
    assert roles_of(VoteStep.EDIT) == {Role.ADMIN, Role.ORG_STAFF}
    assert roles_of(VoteStep.MAKE_READY) == {Role.ADMIN, Role.ORG_STAFF}
    assert roles_of(VoteStep.PRINT_SLIPS) == {Role.ADMIN, Role.ORG_STAFF}
    staff = {Role.ADMIN, Role.ORG_STAFF, Role.COUNTING_COMMITTEE}
    assert roles_of(VoteStep.OPEN) == roles_of(VoteStep.CLOSE) == staff
    for step in (VoteStep.COUNT, VoteStep.SIGN, VoteStep.PUBLISH, VoteStep.CORRECT):
        assert action_of(step) is Action.COUNT_VOTES


def test_the_services_still_export_the_status_of_the_core() -> None:
    assert voting_ports.Status is Status


def test_every_status_is_reachable_from_a_draft() -> None:
    assert VOTE_LIFECYCLE.reachable() == set(Status)
    assert VOTE_LIFECYCLE.reachable(Status.PUBLISHED) == {P, CO, CE}


@given(st.lists(st.sampled_from(list(VoteStep)), max_size=60))
def test_accepted_steps_visit_reachable_states_and_publish_only_after_certification(
    steps: list[VoteStep],
) -> None:
    reachable = VOTE_LIFECYCLE.reachable()
    state, path = Status.DRAFT, [Status.DRAFT]
    for step in steps:
        if not VOTE_LIFECYCLE.allows(state, step):
            with pytest.raises(Conflict):
                next_status(state, step)
            continue
        after = next_status(state, step)
        assert after in reachable
        if after is Status.PUBLISHED:
            assert state is Status.CERTIFIED and step is VoteStep.PUBLISH
        if after in (Status.CERTIFIED, Status.PUBLISHED):
            assert Status.COUNTED in path and Status.OPEN in path
        if step in KEEPS_STATUS:
            assert after is state
        state = after
        path.append(state)


class Light(StrEnum):
    RED = "red"
    GREEN = "green"
    BROKEN = "broken"


class Switch(StrEnum):
    GO = "go"
    STOP = "stop"


def _rule(step: Enum, *moves: tuple[Enum, Enum]) -> StepRule:  # type: ignore[type-arg]
    return StepRule(step, moves, None, Citation("Test"), Refusal("light_wrong"))


def test_a_table_with_an_unreachable_state_is_refused_when_built() -> None:
    with pytest.raises(ValueError, match="broken is unreachable"):
        Lifecycle(
            "light",
            Light,
            Switch,
            Light.RED,
            [
                _rule(Switch.GO, (Light.RED, Light.GREEN)),
                _rule(Switch.STOP, (Light.GREEN, Light.RED)),
            ],
        )


def test_a_table_missing_a_step_or_leading_two_ways_is_refused_when_built() -> None:
    with pytest.raises(ValueError, match="step stop has no rule"):
        Lifecycle("light", Light, Switch, Light.RED, [_rule(Switch.GO, (Light.RED, Light.GREEN))])
    with pytest.raises(ValueError, match="leads two ways"):
        Lifecycle(
            "light",
            Light,
            Switch,
            Light.RED,
            [
                _rule(Switch.GO, (Light.RED, Light.GREEN), (Light.RED, Light.BROKEN)),
                _rule(Switch.STOP, (Light.GREEN, Light.RED)),
            ],
        )
    with pytest.raises(ValueError, match="is not a state of light"):
        Lifecycle(
            "light",
            Light,
            Switch,
            Light.RED,
            [
                _rule(Switch.GO, (Light.RED, Status.OPEN)),
                _rule(Switch.STOP, (Light.GREEN, Light.RED)),
            ],
        )
