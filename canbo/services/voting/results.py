"""Result of a confidence vote from its ballots, computed by the core engine only.

Electronic ballots and paper ballots read one by one are judged by
:func:`canbo.core.ballots.tally.tally_confidence` (CV-14, CV-15); per-person totals of a manual
paper count are added; each person's line is computed by
:func:`canbo.core.ballots.results.compute_person` (CV-16 to CV-19; NA-08 to NA-14), which refuses
counts that exceed the ballots collected.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from canbo.core.ballots.ballot import (
    Ballot,
    BallotForm,
    BallotKind,
    ConfidenceLevel,
    SubjectId,
    confidence_ballot,
)
from canbo.core.ballots.quorum import QuorumCheck
from canbo.core.ballots.results import PersonCounts, SessionFigures, compute_person
from canbo.core.ballots.rulebooks import Rulebook
from canbo.core.ballots.tally import (
    PersonTally,
    combine_tallies,
    encode_confidence_marks,
    tally_confidence,
    tally_confidence_marks,
)
from canbo.core.errors import Conflict, ValidationError
from canbo.core.types import PersonId
from canbo.services.voting.ports import (
    ElectronicMarks,
    LineReading,
    PaperReading,
    PaperTotals,
    SubjectData,
)

_LEVELS: dict[LineReading, frozenset[ConfidenceLevel]] = {
    LineReading.HIGH: frozenset({ConfidenceLevel.HIGH}),
    LineReading.MID: frozenset({ConfidenceLevel.MID}),
    LineReading.LOW: frozenset({ConfidenceLevel.LOW}),
    LineReading.NONE: frozenset(),
    LineReading.SEVERAL: frozenset(ConfidenceLevel),
    LineReading.STRUCK: frozenset(),
}


@dataclass(frozen=True, slots=True)
class CountInputs:
    """Everything a count reads; ``issued_*`` are codes and paper ballots handed out.

    Electronic ballots come either as compact ``marks`` (what storage holds) or as
    ``electronic`` (receipt, marks by person id) pairs, which are encoded the same way.
    """

    subjects: Sequence[SubjectData]
    electronic: Sequence[tuple[str, Mapping[str, str]]]
    paper: Mapping[int, PaperReading]
    totals: PaperTotals | None
    issued_electronic: int
    issued_paper: int
    quorum: QuorumCheck | None
    members_in_office: int | None = None
    marks: ElectronicMarks | None = None


def paper_ballot(reading: PaperReading) -> Ballot:
    """A paper reading as a core ballot; serial ``P<n>`` (struck names per CV-14 case ii)."""
    marks = [(pid, _LEVELS[r]) for pid, r in reading.lines.items()]
    struck = [pid for pid, r in reading.lines.items() if r is LineReading.STRUCK]
    return confidence_ballot(f"P{reading.serial}", marks, struck=struck)


def _electronic(inputs: CountInputs, form: BallotForm) -> ElectronicMarks:
    if inputs.marks is not None:
        if {int(p) for p in inputs.marks.order} != {int(s) for s in form.subjects}:
            raise ValidationError("ballot_marks_corrupt", width=len(inputs.marks.order))
        return inputs.marks
    receipts = [r for r, _ in inputs.electronic]
    if len(set(receipts)) != len(receipts):
        raise ValidationError("duplicate_ballot_serial")
    order = tuple(sorted(form.subjects))
    rows = [
        encode_confidence_marks(
            order, {SubjectId(int(k)): ConfidenceLevel(v) for k, v in m.items()}
        )
        for _, m in inputs.electronic
    ]
    return ElectronicMarks(tuple(PersonId(s) for s in order), rows)


def _tallies(
    rulebook: Rulebook, inputs: CountInputs, form: BallotForm
) -> tuple[dict[SubjectId, PersonTally], int, int]:
    """Electronic ballots counted in compact form, paper ballots judged one by one (CV-14);
    return the tallies and the numbers of electronic and paper ballots collected."""
    marks = _electronic(inputs, form)
    paper = [paper_ballot(r) for r in inputs.paper.values()]
    total_issued = inputs.issued_electronic + inputs.issued_paper
    if len(marks.rows) > inputs.issued_electronic or len(paper) > inputs.issued_paper:
        raise ValidationError(
            "collected_exceeds_issued",
            issued=total_issued,
            collected=len(marks.rows) + len(paper),
        )
    issued = {f"P{r.serial}" for r in inputs.paper.values() if not r.not_issued}
    # Codes and paper ballots issued but not returned still count as issued (CV-15).
    issued |= {f"unreturned-{i}" for i in range(total_issued - len(marks.rows) - len(issued))}
    order = tuple(SubjectId(p) for p in marks.order)
    electronic = tally_confidence_marks(marks.rows, order, rulebook)
    on_paper = tally_confidence(paper, form, frozenset(issued), rulebook)
    return combine_tallies(electronic, on_paper, total_issued), len(marks.rows), len(paper)


def compute(rulebook: Rulebook, inputs: CountInputs) -> dict[str, Any]:
    """The whole result of a session as plain data, for storage, minutes and exports."""
    form = BallotForm(BallotKind.CONFIDENCE, tuple(SubjectId(s.person_id) for s in inputs.subjects))
    tallies, electronic, paper = _tallies(rulebook, inputs, form)
    totals = inputs.totals
    collected = electronic + paper + (totals.collected if totals else 0)
    if totals and totals.collected + len(inputs.paper) > inputs.issued_paper:
        raise ValidationError(
            "collected_exceeds_issued", issued=inputs.issued_paper, collected=totals.collected
        )
    figures = SessionFigures(
        issued=inputs.issued_electronic + inputs.issued_paper,
        collected=collected,
        convened=inputs.quorum.base if inputs.quorum else None,
        members=inputs.members_in_office,
    )
    if collected == 0:
        raise ValidationError("no_ballots_collected")
    persons = [
        _person(rulebook, figures, s, tallies[SubjectId(s.person_id)], totals)
        for s in inputs.subjects
    ]
    return {
        "rulebook": rulebook.as_dict(),
        "figures": {
            "issued": figures.issued,
            "collected": collected,
            "electronic": electronic,
            "paper": collected - electronic,
            "convened": figures.convened,
            "members": figures.members,
        },
        "quorum": inputs.quorum.as_dict() if inputs.quorum else None,
        "persons": persons,
    }


def _person(
    rulebook: Rulebook,
    figures: SessionFigures,
    subject: SubjectData,
    tally: PersonTally,
    totals: PaperTotals | None,
) -> dict[str, Any]:
    if tally.referred:
        raise Conflict("ballots_referred", person_id=int(subject.person_id), count=tally.referred)
    extra = totals.counts.get(int(subject.person_id)) if totals else None
    if totals and extra is None:
        raise ValidationError("totals_missing_person", person_id=int(subject.person_id))
    if extra and extra.marked > totals.collected:  # type: ignore[union-attr]
        raise ValidationError("counts_exceed_collected", person_id=int(subject.person_id))
    counts = PersonCounts(
        high=tally.high + (extra.high if extra else 0),
        mid=tally.mid + (extra.mid if extra else 0),
        low=tally.low + (extra.low if extra else 0),
        invalid=tally.invalid + (extra.invalid if extra else 0),
    )
    result = compute_person(rulebook, figures, counts)
    return {
        "person_id": int(subject.person_id),
        "full_name": subject.full_name,
        "position": subject.position,
        "high": counts.high,
        "mid": counts.mid,
        "low": counts.low,
        "valid": counts.valid,
        "invalid": result.invalid,
        "percent": {str(k): v for k, v in result.percent_text.items()},
        "percent_citation": result.percent_citation.as_dict(),
        **result.band.as_dict(),
    }
