"""Election ballots in the voting engine: marks, paper readings and the election tally.

A vote session whose rulebook is a Party election rulebook (QĐ 190-QĐ/TW, QĐ 244-QĐ/TW) runs
one round of an election. Its ``parameters`` hold ``seats``, ``alternate_seats`` and
``ballot_kind`` (EL-14: ``strike_out`` on a list with a surplus, ``approval`` (agree/disagree)
on a list without surplus or with one name); its subjects are the candidates. Codes, one-time
codes, sealed boxes, receipts, paper double entry and signing are those of confidence votes.

An electronic ballot is stored as compact marks like a confidence ballot: one character per
candidate in ascending person id order (``K`` kept, ``X`` struck; ``A`` agree, ``D``
disagree, ``-`` no box, ``B`` both boxes). At counting every ballot is judged by
:func:`canbo.core.ballots.validity_election.judge_election` (EL-15, EL-16); equal electronic
ballots are judged once and counted as many times as they occur.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from canbo.core.ballots.ballot import (
    ApprovalChoice,
    Ballot,
    BallotForm,
    BallotKind,
    BallotLine,
    SubjectId,
)
from canbo.core.ballots.catalog import default_registry
from canbo.core.ballots.rulebooks import Domain, Regime, Rulebook
from canbo.core.ballots.validity import Judgement, Scope, Verdict
from canbo.core.ballots.validity_election import KEPT, judge_election
from canbo.core.errors import Citation, Conflict, RuleViolation, ValidationError
from canbo.core.types import PersonId
from canbo.services.voting.ports import (
    ELECTION_PARAMETERS,
    ElectionBallotKind,
    ElectionTotals,
    ElectronicMarks,
    LineReading,
    PaperReading,
    SessionData,
    SubjectData,
)

EL07 = Citation("QĐ 190-QĐ/TW", rule_id="EL-07")
EL14 = Citation("QĐ 190-QĐ/TW", rule_id="EL-14")

# Compact marks of an electronic election ballot, one character per candidate.
KEPT_CODE, STRUCK_CODE = "K", "X"
AGREE_CODE, DISAGREE_CODE, NO_BOX_CODE, BOTH_CODE = "A", "D", "-", "B"

# What a phone may send per candidate (a name not sent is kept / has no box marked).
PHONE_CHOICES: dict[ElectionBallotKind, dict[str, str]] = {
    ElectionBallotKind.STRIKE_OUT: {"kept": KEPT_CODE, "struck": STRUCK_CODE},
    ElectionBallotKind.APPROVAL: {"agree": AGREE_CODE, "disagree": DISAGREE_CODE, "none": "-"},
}
_DEFAULT_CODE = {ElectionBallotKind.STRIKE_OUT: KEPT_CODE, ElectionBallotKind.APPROVAL: "-"}

# What a paper reading may say per candidate.
PAPER_READINGS: dict[ElectionBallotKind, dict[LineReading, str]] = {
    ElectionBallotKind.STRIKE_OUT: {LineReading.KEPT: KEPT_CODE, LineReading.STRUCK: STRUCK_CODE},
    ElectionBallotKind.APPROVAL: {
        LineReading.AGREE: AGREE_CODE,
        LineReading.DISAGREE: DISAGREE_CODE,
        LineReading.NONE: NO_BOX_CODE,
        LineReading.SEVERAL: BOTH_CODE,
    },
}

_APPROVAL_MARKS = {
    AGREE_CODE: frozenset({ApprovalChoice.AGREE}),
    DISAGREE_CODE: frozenset({ApprovalChoice.DISAGREE}),
    BOTH_CODE: frozenset({ApprovalChoice.AGREE, ApprovalChoice.DISAGREE}),
}
_CODES = {
    ElectionBallotKind.STRIKE_OUT: frozenset({KEPT_CODE, STRUCK_CODE}),
    ElectionBallotKind.APPROVAL: frozenset({AGREE_CODE, DISAGREE_CODE, NO_BOX_CODE, BOTH_CODE}),
}

# The committee's conclusions on a referred ballot (EL-07, EL-16).
CONCLUSIONS = ("invalid", "valid_not_counted")


@dataclass(frozen=True, slots=True)
class ElectionSpec:
    """The election ballot of a session: its kind, the number to elect and of alternates."""

    kind: ElectionBallotKind
    seats: int
    alternate_seats: int = 0

    @property
    def names_to_keep(self) -> int:
        """How many names a valid ballot may keep (EL-15): the number to elect, and on a
        delegates' list the alternates too, since both are elected from one ballot (EL-36)."""
        return self.seats + self.alternate_seats

    @property
    def core_kind(self) -> BallotKind:
        if self.kind is ElectionBallotKind.STRIKE_OUT:
            return BallotKind.STRIKE_OUT
        return BallotKind.APPROVAL

    def parameters(self) -> dict[str, Any]:
        return {
            "seats": self.seats,
            "alternate_seats": self.alternate_seats,
            "ballot_kind": str(self.kind),
        }


def spec_of(session: SessionData) -> ElectionSpec | None:
    """The election ballot of the session, or ``None`` for a confidence vote."""
    kind = session.parameters.get("ballot_kind")
    if kind is None:
        return None
    return ElectionSpec(
        ElectionBallotKind(kind),
        int(session.parameters["seats"]),
        int(session.parameters.get("alternate_seats", 0)),
    )


def rulebook_overrides(parameters: Mapping[str, Any]) -> dict[str, Any]:
    """The session's parameters without the election ballot's own keys."""
    return {k: v for k, v in parameters.items() if k not in ELECTION_PARAMETERS}


def election_rulebook(rulebook_id: str) -> Rulebook:
    """A Party election rulebook by id; any other is refused (EL-13)."""
    rulebook = default_registry().get(rulebook_id)
    if rulebook.domain is not Domain.PARTY_ELECTION:
        raise RuleViolation("wrong_rulebook_domain", citation=EL14, rulebook=rulebook_id)
    return rulebook


def check_rulebook(rulebook: Rulebook) -> None:
    """The rulebook judges election ballots (EL-15, EL-16): refused as the count would be."""
    if rulebook.domain is not Domain.PARTY_ELECTION:
        raise RuleViolation("wrong_rulebook_domain", citation=EL14, rulebook=rulebook.rulebook_id)
    if rulebook.regime is Regime.QD190 and not rulebook.param_bool("el_art15_same_as_244"):
        raise RuleViolation(
            "rulebook_not_specified", citation=rulebook.citation, rulebook=rulebook.rulebook_id
        )


def check_spec(spec: ElectionSpec, candidates: int) -> None:
    """The ballot kind must fit the list (EL-14): strike-out on a list with a surplus,
    agree/disagree on a list without surplus or with one name."""
    if spec.seats < 1 or spec.alternate_seats < 0:
        raise ValidationError("election_seats_invalid", seats=spec.seats)
    if candidates < 1:
        raise ValidationError("election_no_candidates")
    surplus = candidates > spec.names_to_keep and candidates > 1
    if surplus != (spec.kind is ElectionBallotKind.STRIKE_OUT):
        raise RuleViolation(
            "election_ballot_kind_mismatch",
            citation=EL14,
            ballot_kind=str(spec.kind),
            candidates=candidates,
            seats=spec.seats,
        )


def encode_phone_marks(
    kind: ElectionBallotKind, order: Sequence[PersonId], marks: Mapping[int, str]
) -> str:
    """A phone ballot as compact marks over ``order`` (ascending person id); refused when a
    mark names someone not on the ballot or is not a choice of this ballot."""
    choices = PHONE_CHOICES[kind]
    printed = set(order)
    unknown = [k for k in marks if PersonId(int(k)) not in printed]
    bad = [v for v in marks.values() if v not in choices]
    if unknown or bad:
        raise ValidationError("marks_not_on_ballot", subjects=unknown, levels=bad)
    by_person = {int(k): choices[v] for k, v in marks.items()}
    default = _DEFAULT_CODE[kind]
    return "".join(by_person.get(int(p), default) for p in order)


def check_paper_reading(kind: ElectionBallotKind, reading: PaperReading) -> None:
    allowed = PAPER_READINGS[kind]
    if any(r not in allowed for r in reading.lines.values()):
        raise ValidationError("reading_not_on_ballot", serial=reading.serial)


def reading_row(kind: ElectionBallotKind, order: Sequence[PersonId], reading: PaperReading) -> str:
    allowed = PAPER_READINGS[kind]
    return "".join(allowed[reading.lines[int(p)]] for p in order)


class _IndexedBallot(Ballot):
    """A core ballot whose lines are found by subject in constant time.

    :meth:`Ballot.line` scans the lines; the validity rules call it once per printed name, so
    a 200-name ballot cost 200 scans. The same ballot, the same answers, one dictionary."""

    def line(self, subject: SubjectId) -> BallotLine:
        index = self.__dict__.get("_index")
        if index is None:
            index = {line.subject: line for line in self.lines}
            self.__dict__["_index"] = index
        found = index.get(subject)
        return found if found is not None else BallotLine(subject)


def ballot_of(kind: ElectionBallotKind, serial: str, order: Sequence[PersonId], row: str) -> Ballot:
    """A compact row as a core ballot: struck names, or the boxes marked (EL-14)."""
    if kind is ElectionBallotKind.STRIKE_OUT:
        lines = tuple(
            BallotLine(SubjectId(p), struck=True)
            for p, c in zip(order, row, strict=True)
            if c == STRUCK_CODE
        )
        return _IndexedBallot(BallotKind.STRIKE_OUT, serial, lines)
    lines = tuple(
        BallotLine(SubjectId(p), _APPROVAL_MARKS[c])
        for p, c in zip(order, row, strict=True)
        if c != NO_BOX_CODE
    )
    return _IndexedBallot(BallotKind.APPROVAL, serial, lines)


@dataclass(frozen=True, slots=True)
class BallotWarning:
    """What the voter's page warns about before a cast (the cast is not refused)."""

    code: str
    citation: Citation


def warning(spec: ElectionSpec, candidates: int, kept: int) -> BallotWarning | None:
    """The ballot would be invalid: more kept (or agreed) than seats, or every name crossed
    out on a list with a surplus (EL-16)."""
    cite = Citation("QĐ 190-QĐ/TW", rule_id="EL-16")
    if kept > spec.names_to_keep:
        return BallotWarning("votes_for_more_than_seats", cite)
    if spec.kind is ElectionBallotKind.STRIKE_OUT and candidates > 1 and kept == 0:
        return BallotWarning("votes_for_nobody", cite)
    return None


@dataclass(frozen=True, slots=True)
class ElectionInputs:
    """Everything an election count reads (``issued_*``: codes and paper ballots handed out)."""

    subjects: Sequence[SubjectData]
    marks: ElectronicMarks
    paper: Mapping[int, PaperReading]
    totals: ElectionTotals | None
    issued_electronic: int
    issued_paper: int
    conclusions: Mapping[str, str]


@dataclass
class _Count:
    valid: int = 0
    invalid: int = 0
    votes: Counter[int] | None = None
    reasons: Counter[str] | None = None
    citations: dict[str, dict[str, Any]] | None = None
    referred: Counter[str] | None = None
    unresolved: Counter[str] | None = None

    def __post_init__(self) -> None:
        self.votes, self.reasons, self.referred = Counter(), Counter(), Counter()
        self.citations, self.unresolved = {}, Counter()


def _add(acc: _Count, judgement: Judgement, weight: int, conclusions: Mapping[str, str]) -> None:
    assert acc.votes is not None and acc.reasons is not None  # noqa: S101
    assert acc.citations is not None and acc.referred is not None  # noqa: S101
    assert acc.unresolved is not None  # noqa: S101
    if any(v.verdict is Verdict.REFER for v in judgement.lines.values()):
        for reason in judgement.reasons:
            conclusion = conclusions.get(reason.code)
            if conclusion not in CONCLUSIONS:
                acc.unresolved[reason.code] += weight
                continue
            acc.referred[f"{reason.code}:{conclusion}"] += weight
            if conclusion == "invalid":
                acc.invalid += weight
                acc.reasons[reason.code] += weight
                acc.citations[reason.code] = EL07.as_dict()
            else:
                acc.valid += weight
        return
    if not judgement.is_valid_ballot:
        acc.invalid += weight
        for reason in judgement.reasons:
            if reason.scope is Scope.BALLOT:
                acc.reasons[reason.code] += weight
                acc.citations[reason.code] = reason.citation.as_dict()
        return
    acc.valid += weight
    for subject, line in judgement.lines.items():
        if line.verdict is Verdict.COUNTED and line.option in (KEPT, ApprovalChoice.AGREE):
            acc.votes[int(subject)] += weight


def compute_tally(rulebook: Rulebook, spec: ElectionSpec, inputs: ElectionInputs) -> dict[str, Any]:
    """The election tally of a session as plain data (docs/voting.md, "Election ballots")."""
    order = tuple(inputs.marks.order)
    printed = {int(s.person_id) for s in inputs.subjects}
    if {int(p) for p in order} != printed:
        raise ValidationError("ballot_marks_corrupt", width=len(order))
    width, codes = len(order), _CODES[spec.kind]
    form = BallotForm(spec.core_kind, tuple(SubjectId(p) for p in order), seats=spec.names_to_keep)
    rows = Counter(inputs.marks.rows)
    electronic = len(inputs.marks.rows)
    paper = len(inputs.paper)
    if electronic > inputs.issued_electronic or paper > inputs.issued_paper:
        raise ValidationError(
            "collected_exceeds_issued",
            issued=inputs.issued_electronic + inputs.issued_paper,
            collected=electronic + paper,
        )
    acc = _Count()
    for row, weight in rows.items():
        if len(row) != width or not set(row) <= codes:
            raise ValidationError("ballot_marks_corrupt", width=width)
        ballot = ballot_of(spec.kind, "E", order, row)
        _add(
            acc,
            judge_election(ballot, form, frozenset({"E"}), rulebook),
            weight,
            inputs.conclusions,
        )
    issued = frozenset(f"P{r.serial}" for r in inputs.paper.values() if not r.not_issued)
    for reading in inputs.paper.values():
        ballot = ballot_of(
            spec.kind, f"P{reading.serial}", order, reading_row(spec.kind, order, reading)
        )
        _add(acc, judge_election(ballot, form, issued, rulebook), 1, inputs.conclusions)
    assert acc.unresolved is not None and acc.votes is not None  # noqa: S101
    assert acc.reasons is not None and acc.citations is not None  # noqa: S101
    assert acc.referred is not None  # noqa: S101
    if acc.unresolved:
        raise Conflict(
            "ballots_referred",
            citation=EL07,
            codes=sorted(acc.unresolved),
            count=sum(acc.unresolved.values()),
        )
    totals = inputs.totals
    by_hand = totals.collected if totals else 0
    if totals:
        if paper + totals.collected > inputs.issued_paper:
            raise ValidationError(
                "collected_exceeds_issued", issued=inputs.issued_paper, collected=totals.collected
            )
        acc.valid += totals.valid
        acc.invalid += totals.invalid
        acc.votes.update({int(k): v for k, v in totals.votes.items()})
        if totals.invalid:
            acc.reasons["counted_by_hand"] += totals.invalid
            acc.citations["counted_by_hand"] = Citation("QĐ 190-QĐ/TW", rule_id="EL-16").as_dict()
    collected = electronic + paper + by_hand
    if collected == 0:
        raise ValidationError("no_ballots_collected")
    return {
        "kind": "election",
        "rulebook": rulebook.as_dict(),
        "ballot_kind": str(spec.kind),
        "seats": spec.seats,
        "alternate_seats": spec.alternate_seats,
        "figures": {
            "issued": inputs.issued_electronic + inputs.issued_paper,
            "collected": collected,
            "electronic": electronic,
            "paper": paper + by_hand,
            "valid": acc.valid,
            "invalid": acc.invalid,
        },
        "invalid_reasons": [
            {"code": code, "count": n, "citation": acc.citations[code]}
            for code, n in sorted(acc.reasons.items())
        ],
        "referred": [
            {"code": key.partition(":")[0], "conclusion": key.partition(":")[2], "count": n}
            for key, n in sorted(acc.referred.items())
        ],
        "candidates": [
            {
                "person_id": int(s.person_id),
                "full_name": s.full_name,
                "votes": acc.votes.get(int(s.person_id), 0),
            }
            for s in inputs.subjects
        ],
    }


def conclusions_of(data: Mapping[str, Any]) -> dict[str, str]:
    """The committee's conclusions recorded in a tally, to carry into a correction."""
    return {r["code"]: r["conclusion"] for r in data.get("referred", ())}


def check_totals(
    totals: ElectionTotals, spec: ElectionSpec, printed: set[int], issued: int
) -> None:
    """A manual count: every candidate once, no count above the valid ballots, no more votes
    than seats on every valid ballot, no more ballots than issued on paper."""
    if min(totals.valid, totals.invalid, *totals.votes.values(), 0) < 0:
        raise ValidationError("figure_negative", name="totals", value=-1)
    if totals.collected > issued:
        raise ValidationError("collected_exceeds_issued", issued=issued, collected=totals.collected)
    if set(totals.votes) != printed:
        raise ValidationError("totals_lines_mismatch")
    over = [pid for pid, n in totals.votes.items() if n > totals.valid]
    if over:
        raise ValidationError("counts_exceed_collected", person_ids=over, collected=totals.valid)
    if sum(totals.votes.values()) > spec.names_to_keep * totals.valid:
        raise ValidationError(
            "election_votes_exceed_seats", seats=spec.names_to_keep, valid=totals.valid
        )
