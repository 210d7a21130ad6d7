"""Values of the appointment procedures (handbook AP-11 to AP-18, TR-02, ST-04): the kinds of
procedure, step and ballot, a step's definition, its count and its outcome. The rules that read
them are in :mod:`canbo.core.appointments.steps`, which re-exports these names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from canbo.core.errors import Citation


class ProcedureKind(StrEnum):
    IN_PLACE = "in_place"  # nguồn nhân sự tại chỗ
    OUTSIDE = "outside"  # nguồn nhân sự từ nơi khác
    REAPPOINTMENT = "reappointment"  # bổ nhiệm lại


class StepKind(StrEnum):
    LEADERSHIP_FIRST = "leadership_first"  # AP-12, no ballot: approves the eligible list
    WIDER = "wider"  # AP-13 ballot, sealed until LEADERSHIP_NOMINATE opens
    LEADERSHIP_NOMINATE = "leadership_nominate"  # AP-14
    KEY_CADRES = "key_cadres"  # AP-15 opinion ballot
    LEADERSHIP_DECIDE = "leadership_decide"  # AP-16
    RECEIVING_TALKS = "receiving_talks"  # ST-04 step 1, no ballot
    SENDING_VOTE = "sending_vote"  # ST-04 step 2 ballot, st_outside_denominator
    REPORT = "report"  # ST-04 step 3, no ballot: report to the competent level
    COLLECTIVE_VOTE = "collective_vote"  # reappointment: the collective's ballot (TR-02, ST-07)


class BallotMode(StrEnum):
    NONE = "none"  # a meeting without a ballot
    NOMINATE = "nominate"  # each ballot names one person
    OPINION = "opinion"  # agree or not on each person, no threshold
    DECIDE = "decide"  # agree or not on each person, against a threshold


@dataclass(frozen=True, slots=True)
class StepDef:
    """One step of a procedure: its order (1-based), ballot, whether its results are sealed
    from the attendees, the rule that states it and who meets."""

    kind: StepKind
    order: int
    ballot: BallotMode
    sealed: bool
    rule: str
    citation: Citation
    body_vi: str
    body_en: str


@dataclass(frozen=True, slots=True)
class StepCount:
    """The count of one step meeting: ``votes`` is person id -> nominations (NOMINATE) or
    "agree" ballots (OPINION, DECIDE); for a step without a ballot, the persons it passes on.
    ``on`` is the date of the meeting: it picks the State decree for ST-04 (optional)."""

    convened: int
    present: int
    collective_members: int
    valid_ballots: int
    votes: Mapping[str, int]
    on: dt.date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "votes", MappingProxyType(dict(self.votes)))


class OutcomeStatus(StrEnum):
    CARRIED = "carried"  # the step passes its list on (no threshold)
    SELECTED = "selected"  # one person reached the threshold with the most votes
    TOP_TWO = "top_two"  # no one over 50% at step 3: the two with the most votes go on
    HEAD_DECIDES = "head_decides"  # exactly 50%: the head decides, dissent reported
    REFER = "refer"  # no confirmed rule: stop for the competent level's decision
    RESTART = "restart"  # no majority at step 5 and the rulebook restarts from step 3
    NOT_SELECTED = "not_selected"  # the threshold was not reached


@dataclass(frozen=True, slots=True)
class StepOutcome:
    """What a step decided, on which base, why (citation and words), and whether the process
    stops until the competent level's decision is recorded (AP-17)."""

    kind: StepKind
    status: OutcomeStatus
    carried: tuple[str, ...]
    denominator: int
    denominator_kind: str
    citation: Citation
    message_vi: str
    message_en: str
    needs_decision: bool = False

    def as_dict(self, english: bool = False) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "status": str(self.status),
            "carried": list(self.carried),
            "denominator": self.denominator,
            "denominator_kind": self.denominator_kind,
            "citation": str(self.citation),
            "message": self.message_en if english else self.message_vi,
            "needs_decision": self.needs_decision,
        }
