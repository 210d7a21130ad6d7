"""The lifecycle of a vote session: draft → ready → open → closed → counted → certified →
published, and a correction back to counted (QĐ 96-QĐ/TW; QĐ 190-QĐ/TW for the counting
committee).

Each step names the action of the role table whose roles take it (:mod:`canbo.core.permissions`)
and the handbook rule that orders it. No step goes back except an edit (ready → draft) and a
correction (certified or published → counted, signed again: CV-22); published is reached only
through certified (every member of the counting committee signed, EL-07).
"""

from __future__ import annotations

from enum import StrEnum

from canbo.core.errors import Citation
from canbo.core.lifecycle import Lifecycle, Refusal, StepRule
from canbo.core.permissions import Action, roles_for
from canbo.core.types import Role


class Status(StrEnum):
    """Lifecycle of a vote session; no step goes back except a correction (counted again)."""

    DRAFT = "draft"
    READY = "ready"
    OPEN = "open"
    CLOSED = "closed"
    COUNTED = "counted"
    CERTIFIED = "certified"
    PUBLISHED = "published"


class VoteStep(StrEnum):
    """What is done to a vote session (the service that does it in brackets)."""

    EDIT = "edit"  # change the plan; a ready session goes back to draft (update_session)
    MAKE_READY = "make_ready"  # the readiness check passed (mark_ready)
    MAKE_KEY = "make_key"  # the counting committee's key (make_ballot_key)
    PRINT_SLIPS = "print_slips"  # pre-printed code slips (print_slips)
    ISSUE_CODES = "issue_codes"  # codes or paper ballots handed out at check-in
    OPEN = "open"  # with quorum and the committee's key (open_vote)
    CAST = "cast"  # an electronic ballot with a one-time code (check_code, cast_ballot)
    CLOSE = "close"  # no ballot accepted after this (close_vote)
    ENTER_PAPER = "enter_paper"  # paper entries, resolutions, totals (voting_count)
    COUNT = "count"  # result version 1 (count)
    SIGN = "sign"  # a member signs, others still to sign (sign)
    CERTIFY = "certify"  # the last member signs (sign)
    PUBLISH = "publish"  # results and receipts made public (publish)
    CORRECT = "correct"  # a new result version with a reason, to be signed again (correct)


QD96 = "QĐ 96-QĐ/TW"
QD190 = "QĐ 190-QĐ/TW"
WRONG_STATUS = Refusal("vote_wrong_status")
"""The refusal of most steps: the current status and the statuses the step needs."""

_RULES: tuple[StepRule[Status, VoteStep], ...] = (
    StepRule(
        VoteStep.EDIT,
        ((Status.DRAFT, Status.DRAFT), (Status.READY, Status.DRAFT)),
        Action.RUN_CONFERENCE,
        Citation(QD96, rule_id="CV-10"),
        Refusal("vote_not_draft", with_expected=False),
    ),
    StepRule(
        VoteStep.MAKE_READY,
        ((Status.DRAFT, Status.READY),),
        Action.RUN_CONFERENCE,
        Citation(QD96, rule_id="CV-10"),
        WRONG_STATUS,
    ),
    StepRule(
        VoteStep.MAKE_KEY,
        ((Status.DRAFT, Status.DRAFT), (Status.READY, Status.READY)),
        Action.COUNT_VOTES,
        Citation(QD190, rule_id="EL-07"),
        WRONG_STATUS,
    ),
    StepRule(
        VoteStep.PRINT_SLIPS,
        ((Status.DRAFT, Status.DRAFT), (Status.READY, Status.READY), (Status.OPEN, Status.OPEN)),
        Action.RUN_CONFERENCE,
        Citation(QD96, rule_id="CV-13"),
        WRONG_STATUS,
    ),
    StepRule(
        VoteStep.ISSUE_CODES,
        ((Status.DRAFT, Status.DRAFT), (Status.READY, Status.READY), (Status.OPEN, Status.OPEN)),
        Action.STAFF_CONFERENCE,
        Citation(QD96, rule_id="CV-13"),
        WRONG_STATUS,
    ),
    StepRule(
        VoteStep.OPEN,
        ((Status.READY, Status.OPEN),),
        Action.STAFF_CONFERENCE,
        Citation(QD96, rule_id="CV-07"),
        WRONG_STATUS,
    ),
    StepRule(
        VoteStep.CAST,
        ((Status.OPEN, Status.OPEN),),
        None,
        Citation(QD96, rule_id="CV-12"),
        Refusal("vote_not_open", with_expected=False),
    ),
    StepRule(
        VoteStep.CLOSE,
        ((Status.OPEN, Status.CLOSED),),
        Action.STAFF_CONFERENCE,
        Citation(QD190, rule_id="EL-07"),
        WRONG_STATUS,
    ),
    StepRule(
        VoteStep.ENTER_PAPER,
        ((Status.CLOSED, Status.CLOSED),),
        Action.COUNT_VOTES,
        Citation(QD190, rule_id="EL-07"),
        WRONG_STATUS,
    ),
    StepRule(
        VoteStep.COUNT,
        ((Status.CLOSED, Status.COUNTED),),
        Action.COUNT_VOTES,
        Citation(QD96, rule_id="CV-15"),
        WRONG_STATUS,
    ),
    StepRule(
        VoteStep.SIGN,
        ((Status.COUNTED, Status.COUNTED),),
        Action.COUNT_VOTES,
        Citation(QD190, rule_id="EL-07"),
        WRONG_STATUS,
    ),
    StepRule(
        VoteStep.CERTIFY,
        ((Status.COUNTED, Status.CERTIFIED),),
        Action.COUNT_VOTES,
        Citation(QD190, rule_id="EL-07"),
        WRONG_STATUS,
    ),
    StepRule(
        VoteStep.PUBLISH,
        ((Status.CERTIFIED, Status.PUBLISHED),),
        Action.COUNT_VOTES,
        Citation(QD96, rule_id="CV-21"),
        WRONG_STATUS,
    ),
    StepRule(
        VoteStep.CORRECT,
        ((Status.CERTIFIED, Status.COUNTED), (Status.PUBLISHED, Status.COUNTED)),
        Action.COUNT_VOTES,
        Citation(QD96, rule_id="CV-22"),
        WRONG_STATUS,
    ),
)

VOTE_LIFECYCLE: Lifecycle[Status, VoteStep] = Lifecycle(
    "vote session", Status, VoteStep, Status.DRAFT, _RULES
)
"""The vote session's table, validated on import."""


def next_status(status: Status, step: VoteStep) -> Status:
    """The status after ``step``; refused with the step's code (``vote_wrong_status`` with the
    current ``status`` and the ``expected`` ones, ``vote_not_draft``, ``vote_not_open``)."""
    return VOTE_LIFECYCLE.next(status, step)


def action_of(step: VoteStep) -> Action | None:
    """The action of the role table whose roles take ``step`` (``None``: a voter's code)."""
    return VOTE_LIFECYCLE.rule(step).action


def roles_of(step: VoteStep) -> frozenset[Role]:
    """The roles that take ``step`` over the conference's unit; none for a voter's code."""
    action = action_of(step)
    return frozenset() if action is None else roles_for(action)
