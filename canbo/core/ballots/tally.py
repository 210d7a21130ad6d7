"""Tally of judged ballots: per-person confidence counts (CV-15) and per-option counts.

The tally reads only :class:`~canbo.core.ballots.validity.Judgement` values, so what one ballot
says about one person can never change another person's count except through a ballot-scope
invalidity, which the rulebook states (CV-14 case i).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from canbo.core.ballots.ballot import Ballot, BallotForm, BallotKind, ConfidenceLevel, SubjectId
from canbo.core.ballots.results import require_specified
from canbo.core.ballots.rulebooks import Rulebook
from canbo.core.ballots.validity import Judgement, Verdict, judge_confidence
from canbo.core.ballots.validity_election import judge_election
from canbo.core.errors import ValidationError


@dataclass(frozen=True, slots=True)
class PersonTally:
    """CV-15: ballots issued and collected; valid and invalid; counts per level for one person.

    ``referred`` counts ballots awaiting the counting committee's conclusion for this person.
    Checks: ``collected <= issued``; ``valid + invalid + referred == collected``.
    """

    subject: SubjectId
    issued: int
    collected: int
    high: int
    mid: int
    low: int
    invalid: int
    referred: int = 0

    def __post_init__(self) -> None:
        values = (self.issued, self.collected, self.high, self.mid, self.low, self.invalid)
        if min(*values, self.referred) < 0:
            raise ValidationError("tally_negative", subject=self.subject)
        if self.collected > self.issued:
            raise ValidationError("collected_exceeds_issued", subject=self.subject)
        if self.valid + self.invalid + self.referred != self.collected:
            raise ValidationError("tally_does_not_balance", subject=self.subject)

    @property
    def valid(self) -> int:
        return self.high + self.mid + self.low


def judge(
    ballot: Ballot, form: BallotForm, issued: frozenset[str], rulebook: Rulebook
) -> Judgement:
    """Judge one ballot under its rulebook: CV-14/NA-07 for confidence ballots, else EL-16."""
    if form.kind is BallotKind.CONFIDENCE:
        return judge_confidence(ballot, form, issued, rulebook)
    return judge_election(ballot, form, issued, rulebook)


def _check_unique_serials(ballots: Iterable[Ballot]) -> list[Ballot]:
    listed = list(ballots)
    seen: set[str] = set()
    for ballot in listed:
        if ballot.serial in seen:
            raise ValidationError("duplicate_ballot_serial", serial=ballot.serial)
        seen.add(ballot.serial)
    return listed


def tally_confidence(
    ballots: Iterable[Ballot], form: BallotForm, issued: frozenset[str], rulebook: Rulebook
) -> dict[SubjectId, PersonTally]:
    """Per-person tally of a confidence vote (QĐ 96-QĐ/TW, Điều 6; handbook CV-14, CV-15).

    ``issued`` is the set of serials the counting committee issued; every collected ballot is
    judged, and each person's counts add up to the ballots collected.
    """
    collected = _check_unique_serials(ballots)
    judgements = [judge_confidence(b, form, issued, rulebook) for b in collected]
    counters = {s: Counter[str]() for s in form.subjects}
    for judgement in judgements:
        for subject, line in judgement.lines.items():
            key = line.option if line.verdict is Verdict.COUNTED else str(line.verdict)
            counters[subject][key or ""] += 1
    return {
        s: PersonTally(
            subject=s,
            issued=len(issued),
            collected=len(collected),
            high=c[ConfidenceLevel.HIGH],
            mid=c[ConfidenceLevel.MID],
            low=c[ConfidenceLevel.LOW],
            invalid=c[Verdict.INVALID],
            referred=c[Verdict.REFER],
        )
        for s, c in counters.items()
    }


@dataclass(frozen=True)
class OptionTally:
    """Election or nomination tally: ballots valid, invalid, referred; counts per line option."""

    collected: int
    valid_ballots: int
    invalid_ballots: int
    referred_ballots: int
    per_subject: Mapping[SubjectId, Mapping[str, int]]
    write_ins: Mapping[str, int] = field(default_factory=dict)

    def votes(self, subject: SubjectId, option: str) -> int:
        return self.per_subject[subject].get(option, 0)


def tally_options(
    ballots: Iterable[Ballot], form: BallotForm, issued: frozenset[str], rulebook: Rulebook
) -> OptionTally:
    """Counts per option on valid ballots only (EL-22: votes are counted on valid ballots)."""
    collected = _check_unique_serials(ballots)
    judgements = [judge_election(b, form, issued, rulebook) for b in collected]
    per_subject = {s: Counter[str]() for s in form.subjects}
    write_ins: Counter[str] = Counter()
    valid = referred = 0
    for judgement in judgements:
        if any(line.verdict is Verdict.REFER for line in judgement.lines.values()):
            referred += 1
            continue
        if not judgement.is_valid_ballot:
            continue
        valid += 1
        write_ins.update(judgement.write_ins)
        for subject, line in judgement.lines.items():
            if line.verdict is Verdict.COUNTED and line.option is not None:
                per_subject[subject][line.option] += 1
    invalid = len(collected) - valid - referred
    return OptionTally(
        len(collected),
        valid,
        invalid,
        referred,
        {s: dict(c) for s, c in per_subject.items()},
        dict(write_ins),
    )


# Electronic confidence ballots in compact form: one character per printed line, in a fixed
# subject order (H, M, L, or "-" for no level). Fast to store and to count column by column.
LEVEL_CODES: Mapping[ConfidenceLevel, str] = {
    ConfidenceLevel.HIGH: "H",
    ConfidenceLevel.MID: "M",
    ConfidenceLevel.LOW: "L",
}
NO_LEVEL = "-"
_LEVEL_OF = {code: level for level, code in LEVEL_CODES.items()}
_CODES = ("H", "M", "L")  # high, mid, low: the order of PersonTally's counts


def encode_confidence_marks(
    order: Sequence[SubjectId], marks: Mapping[SubjectId, ConfidenceLevel]
) -> str:
    """A confidence ballot's marks as one character per line of ``order`` (CV-12).

    A person left unmarked is ``-`` (invalid for that person, CV-14 case iii); marks for a
    person not in ``order`` are refused.
    """
    unknown = sorted(set(marks) - set(order))
    if unknown:
        raise ValidationError("subject_not_on_form", subjects=unknown)
    return "".join(LEVEL_CODES[marks[s]] if s in marks else NO_LEVEL for s in order)


def decode_confidence_marks(
    order: Sequence[SubjectId], text: str
) -> dict[SubjectId, ConfidenceLevel]:
    """The marks written by :func:`encode_confidence_marks`; unmarked persons are left out."""
    if len(text) != len(order) or set(text) - {NO_LEVEL, *_LEVEL_OF}:
        raise ValidationError("ballot_marks_corrupt", width=len(order))
    return {s: _LEVEL_OF[c] for s, c in zip(order, text, strict=True) if c != NO_LEVEL}


def tally_confidence_marks(
    rows: Sequence[str], order: Sequence[SubjectId], rulebook: Rulebook
) -> dict[SubjectId, PersonTally]:
    """Per-person tally of electronic confidence ballots in compact form (CV-14, CV-15).

    The same verdicts as :func:`tally_confidence` gives these ballots: an electronic ballot is
    issued (its code was) and carries one level or none per printed line, so a line counts for
    its level and an unmarked line is invalid for that person (CV-14 case iii). Counted column
    by column over the concatenated rows, with no object per ballot.
    """
    require_specified(rulebook)
    width, collected = len(order), len(rows)
    text = "".join(rows)
    if len(text) != width * collected or any(len(r) != width for r in rows):
        raise ValidationError("ballot_marks_corrupt", width=width)
    out: dict[SubjectId, PersonTally] = {}
    for index, subject in enumerate(order):
        column = text[index::width]
        high, mid, low = (column.count(c) for c in _CODES)
        invalid = column.count(NO_LEVEL)
        if high + mid + low + invalid != collected:
            raise ValidationError("ballot_marks_corrupt", width=width, subject=subject)
        out[subject] = PersonTally(subject, collected, collected, high, mid, low, invalid)
    return out


def combine_tallies(
    first: Mapping[SubjectId, PersonTally],
    second: Mapping[SubjectId, PersonTally],
    issued: int,
) -> dict[SubjectId, PersonTally]:
    """Electronic and paper tallies of the same persons added up, over ``issued`` ballots
    (CV-15: the checks of the combined tally apply again)."""
    if set(first) != set(second):
        raise ValidationError("tally_subjects_differ")
    return {
        s: PersonTally(
            subject=s,
            issued=issued,
            collected=a.collected + second[s].collected,
            high=a.high + second[s].high,
            mid=a.mid + second[s].mid,
            low=a.low + second[s].low,
            invalid=a.invalid + second[s].invalid,
            referred=a.referred + second[s].referred,
        )
        for s, a in first.items()
    }
