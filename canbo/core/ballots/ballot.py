"""Ballot kinds and the marks a counting committee reads off a ballot.

Secrecy is carried by the types: a :class:`Ballot` has a serial (the paper serial from the
issued set, or a random token for an electronic ballot, EL-13) and its lines, and **no voter
field**. Nothing in canbo can link a ballot to the person who cast it (CV-13, NA-07).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import NewType

SubjectId = NewType("SubjectId", int)
"""A printed line of the ballot: the person voted on or the candidate (số thứ tự)."""


class BallotKind(StrEnum):
    CONFIDENCE = "confidence"  # lấy phiếu tín nhiệm, 3 levels (CV-12, NA-07)
    APPROVAL = "approval"  # tán thành / không tán thành / ý kiến khác (EL-14 "agree/disagree")
    NOMINATION = "nomination"  # phiếu giới thiệu: choose up to N, write-ins if allowed (AP-14)
    STRIKE_OUT = "strike_out"  # phiếu bầu gạch tên: keep at most N names (EL-14, EL-15)


class ConfidenceLevel(StrEnum):
    HIGH = "high"  # tín nhiệm cao
    MID = "mid"  # tín nhiệm
    LOW = "low"  # tín nhiệm thấp


class ApprovalChoice(StrEnum):
    AGREE = "agree"  # tán thành
    DISAGREE = "disagree"  # không tán thành
    OTHER = "other"  # ý kiến khác


class NominationMark(StrEnum):
    CHOSEN = "chosen"  # the name is chosen (ticked / circled)


OPTIONS: dict[BallotKind, frozenset[str]] = {
    BallotKind.CONFIDENCE: frozenset(ConfidenceLevel),
    BallotKind.APPROVAL: frozenset(ApprovalChoice),
    BallotKind.NOMINATION: frozenset(NominationMark),
    BallotKind.STRIKE_OUT: frozenset(),  # a strike-out ballot is read from struck names only
}


@dataclass(frozen=True, slots=True)
class BallotForm:
    """The printed ballot of one vote: kind, the printed lines, the number to elect or choose.

    ``seats`` is *k* for strike-out and approval (election) ballots and *N* for nomination
    ballots; ``None`` on confidence ballots. ``allows_other`` enables "ý kiến khác" on an
    approval ballot; ``write_ins_allowed`` lets a nomination ballot name someone not printed.
    """

    kind: BallotKind
    subjects: tuple[SubjectId, ...]
    seats: int | None = None
    write_ins_allowed: bool = False
    allows_other: bool = False

    def __post_init__(self) -> None:
        if not self.subjects and not self.write_ins_allowed:
            raise ValueError("a ballot form needs at least one printed line")
        if len(set(self.subjects)) != len(self.subjects):
            raise ValueError("a subject is printed twice on the ballot form")
        needs_seats = self.kind is not BallotKind.CONFIDENCE
        if needs_seats and (self.seats is None or self.seats < 1):
            raise ValueError(f"a {self.kind} ballot needs seats >= 1")
        if self.write_ins_allowed and self.kind is not BallotKind.NOMINATION:
            raise ValueError("only nomination ballots take write-ins")


@dataclass(frozen=True, slots=True)
class BallotLine:
    """One printed line as read: the options marked on it and whether the name is struck out."""

    subject: SubjectId
    marks: frozenset[str] = frozenset()
    struck: bool = False


@dataclass(frozen=True, slots=True)
class Ballot:
    """A cast ballot: serial, lines, and anything written outside the printed list.

    ``added_names`` are names written in by hand on a ballot whose form has no write-in slot;
    ``write_ins`` are names written in a nomination ballot's write-in slots. No voter field.
    """

    kind: BallotKind
    serial: str
    lines: tuple[BallotLine, ...]
    write_ins: tuple[str, ...] = ()
    added_names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        allowed = OPTIONS[self.kind]
        for line in self.lines:
            unknown = line.marks - allowed
            if unknown:
                raise ValueError(f"marks {sorted(unknown)} are not options of a {self.kind} ballot")
        subjects = [line.subject for line in self.lines]
        if len(set(subjects)) != len(subjects):
            raise ValueError("a ballot lists the same subject twice")

    def line(self, subject: SubjectId) -> BallotLine:
        """The line for ``subject``; a printed line missing from the reading has no marks."""
        for line in self.lines:
            if line.subject == subject:
                return line
        return BallotLine(subject)


def confidence_ballot(
    serial: str,
    marks: Iterable[tuple[int, Iterable[ConfidenceLevel]]],
    *,
    struck: Iterable[int] = (),
    added_names: Iterable[str] = (),
) -> Ballot:
    """Build a confidence ballot from ``(subject, levels marked)`` pairs (CV-12)."""
    struck_set = {SubjectId(s) for s in struck}
    lines = tuple(
        BallotLine(SubjectId(s), frozenset(levels), SubjectId(s) in struck_set)
        for s, levels in marks
    )
    listed = {line.subject for line in lines}
    extra = tuple(BallotLine(s, frozenset(), True) for s in sorted(struck_set - listed))
    return Ballot(BallotKind.CONFIDENCE, serial, lines + extra, added_names=tuple(added_names))
