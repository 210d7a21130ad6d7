"""Values of power control in a cadre process (QĐ 114-QĐ/TW; handbook PC-09 to PC-21).

A :class:`Relationship` is declared, never inferred: a family relationship (PC-11, a
:class:`canbo.core.types.RelationKind` value) or a close acquaintance (PC-21), kept apart. A
:class:`Participant` acts in one step in one of the accountable roles (PC-14). A
:class:`Conflict` says which participant is related to which candidate and what must happen
(recuse, be asked to recuse before ballots are issued, or be recorded). A :class:`Flag` is a
sign for the inspectors (PC-09, PC-18), never a refusal by itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from canbo.core.appointments.model import Severity
from canbo.core.errors import Citation

ACQUAINTANCE = "acquaintance"


class RelationshipClass(StrEnum):
    """The two terms of QĐ 114 (PC-21): người có quan hệ gia đình, người có mối quan hệ thân
    quen."""

    FAMILY = "family"
    CLOSE_ACQUAINTANCE = "close_acquaintance"


class Role(StrEnum):
    """Accountable roles in a step (PC-14): who proposes, advises, appraises, votes, counts and
    decides."""

    PROPOSER = "proposer"  # người đề xuất
    ADVISER = "adviser"  # người tham mưu
    APPRAISER = "appraiser"  # người thẩm định
    VOTER = "voter"  # người bỏ phiếu
    COUNTER = "counter"  # người kiểm phiếu
    DECIDER = "decider"  # người quyết định


@dataclass(frozen=True, slots=True)
class Relationship:
    """``person_id`` declared related to ``other_id``; read in both directions. ``relation`` is a
    ``RelationKind`` value (the kind ``other_id`` is to ``person_id``) or ``acquaintance``;
    ``source`` names who declared it and on what document."""

    person_id: str
    other_id: str
    cls: RelationshipClass
    relation: str
    source: str = ""

    def links(self, a: str, b: str) -> bool:
        """True when the relationship joins ``a`` and ``b``, in either direction."""
        return {self.person_id, self.other_id} == {a, b} and a != b


@dataclass(frozen=True, slots=True)
class Participant:
    """A person acting in a role at one step (``step`` a step kind, "" for the whole process)."""

    person_id: str
    role: Role
    step: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        """How a recusal or override is recorded against this participation."""
        return (self.person_id, str(self.role), self.step)


class ConflictAction(StrEnum):
    """What a conflict requires (PC-10)."""

    RECUSE = "recuse"  # must not act: the step cannot record their action
    ASK_RECUSAL = "ask_recusal"  # a voter, asked before ballots are issued, never per ballot
    RECORD = "record"  # recorded and flagged only


@dataclass(frozen=True, slots=True)
class Conflict:
    """One participant related to one candidate, and what must happen about it."""

    participant: Participant
    candidate_id: str
    relationship: Relationship
    action: ConflictAction
    rule: str
    citation: Citation
    message_vi: str
    message_en: str

    @property
    def blocking(self) -> bool:
        """A recusal is required (or asked for) before the step can go on."""
        return self.action is not ConflictAction.RECORD

    def as_dict(self, english: bool = False) -> dict[str, Any]:
        return {
            "person_id": self.participant.person_id,
            "role": str(self.participant.role),
            "step": self.participant.step,
            "candidate_id": self.candidate_id,
            "class": str(self.relationship.cls),
            "relation": self.relationship.relation,
            "action": str(self.action),
            "rule": self.rule,
            "citation": str(self.citation),
            "message": self.message_en if english else self.message_vi,
        }


@dataclass(frozen=True, slots=True)
class Timeline:
    """The dates of one process that timing flags read (PC-09, PC-19 item 6). ``decider_notice_on``
    is the retirement or transfer notice of the head who decides (``decider_name``: the head's
    full name, the flag names them); ``level_jump`` the distinct grades climbed from the post
    held before the decision to the new one (PC-18)."""

    started_on: dt.date
    decided_on: dt.date | None = None
    policy_approved_on: dt.date | None = None
    dossier_received: dt.date | None = None
    decider_notice_on: dt.date | None = None
    step_dates: tuple[tuple[str, dt.date], ...] = ()
    level_jump: int = 0
    decider_name: str = ""


@dataclass(frozen=True, slots=True)
class Flag:
    """A sign raised for the inspectors, with its rule and citation (PC-09, PC-18, AP-10)."""

    key: str
    rule: str
    citation: Citation
    message_vi: str
    message_en: str
    severity: Severity = Severity.WARN

    def as_dict(self, english: bool = False) -> dict[str, Any]:
        return {
            "key": self.key,
            "rule": self.rule,
            "severity": str(self.severity),
            "citation": str(self.citation),
            "message": self.message_en if english else self.message_vi,
        }
