"""Ballot validity, judged per ballot or per name exactly as the rulebook says.

A :class:`Judgement` gives, for every printed line, a :class:`Verdict` and the option counted,
plus every :class:`Invalidity` found, each with its :class:`~canbo.core.errors.Citation`.
This module holds the shared types and the confidence-ballot rules (CV-14, NA-07); the Party
election and nomination ballots are in :mod:`canbo.core.ballots.validity_election`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from canbo.core.ballots.ballot import Ballot, BallotForm, SubjectId
from canbo.core.ballots.rulebooks import Domain, Regime, Rulebook
from canbo.core.errors import Citation, RuleViolation, ValidationError


class Verdict(StrEnum):
    COUNTED = "counted"  # valid for this line; ``option`` is what it counts for
    INVALID = "invalid"  # phiếu không hợp lệ (for this name, or for the whole ballot)
    NOT_COUNTED = "not_counted"  # the ballot is valid but this line counts for nobody (EL-15)
    REFER = "refer"  # the counting committee must conclude (EL-07, EL-16)


class Scope(StrEnum):
    BALLOT = "ballot"
    NAME = "name"


@dataclass(frozen=True, slots=True)
class Invalidity:
    """One reason a ballot, or one name on it, does not count; ``subject`` is None for BALLOT."""

    code: str
    scope: Scope
    citation: Citation
    subject: SubjectId | None = None


@dataclass(frozen=True, slots=True)
class LineVerdict:
    subject: SubjectId
    verdict: Verdict
    option: str | None = None


@dataclass(frozen=True)
class Judgement:
    """The counting committee's reading of one ballot, under one rulebook."""

    serial: str
    lines: Mapping[SubjectId, LineVerdict]
    reasons: tuple[Invalidity, ...] = ()
    write_ins: tuple[str, ...] = ()
    rulebook_id: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", MappingProxyType(dict(self.lines)))

    def verdict(self, subject: SubjectId) -> Verdict:
        return self.lines[subject].verdict

    def option(self, subject: SubjectId) -> str | None:
        return self.lines[subject].option

    @property
    def is_valid_ballot(self) -> bool:
        """False when a BALLOT-scope invalidity was found (the ballot counts for no one)."""
        return not any(r.scope is Scope.BALLOT for r in self.reasons)


def whole_ballot(
    form: BallotForm, serial: str, verdict: Verdict, reason: Invalidity, rulebook_id: str
) -> Judgement:
    """Every printed line gets the same verdict, for one ballot-scope reason."""
    lines = {s: LineVerdict(s, verdict) for s in form.subjects}
    return Judgement(serial, lines, (reason,), rulebook_id=rulebook_id)


def check_lines_on_form(ballot: Ballot, form: BallotForm) -> None:
    """A reading may only report printed lines; anything else is an ``added_names`` entry."""
    if ballot.kind is not form.kind:
        raise ValidationError("ballot_kind_mismatch", ballot=str(ballot.kind), form=str(form.kind))
    printed = set(form.subjects)
    for line in ballot.lines:
        if line.subject not in printed:
            raise ValidationError("subject_not_on_form", serial=ballot.serial, subject=line.subject)


def _confidence_citation(rulebook: Rulebook, *unconfirmed: str) -> Citation:
    if rulebook.regime is Regime.QD96:
        return Citation("QĐ 96-QĐ/TW", "Điều 6", rule_id="CV-14", unconfirmed=unconfirmed)
    return Citation(rulebook.document, rule_id="NA-07", unconfirmed=("na_ballot_validity",))


def _struck_is_whole_ballot(rulebook: Rulebook) -> bool:
    if rulebook.regime is Regime.QD96:
        return rulebook.param_str("cv_invalid_scope") == "whole_ballot"
    return rulebook.param_str("na_ballot_validity") == "whole_ballot"


def _require_confidence_rulebook(rulebook: Rulebook) -> None:
    if rulebook.domain is not Domain.CONFIDENCE_VOTE or not rulebook.specified:
        raise RuleViolation(
            "rulebook_not_specified",
            "This rulebook does not specify confidence-ballot validity.",
            citation=rulebook.citation,
            rulebook=rulebook.rulebook_id,
        )


def judge_confidence(
    ballot: Ballot, form: BallotForm, issued: frozenset[str], rulebook: Rulebook
) -> Judgement:
    """Validity of a 3-level confidence ballot (QĐ 96-QĐ/TW, Điều 6; handbook CV-14, NA-07).

    (i) not issued by the counting committee: invalid for every name; (ii) a printed name
    crossed out: invalid for that name (``cv_invalid_scope = per_name``) or for the whole ballot;
    (iii) for a name, no level or two or three levels marked: invalid for that name. Names
    added outside the list follow ``cv_added_names_policy``. NA rulebooks apply the same cases
    (``na_ballot_validity``: the NA texts' list was not checked).
    """
    _require_confidence_rulebook(rulebook)
    check_lines_on_form(ballot, form)
    rid = rulebook.rulebook_id
    if ballot.serial not in issued:
        reason = Invalidity("not_issued", Scope.BALLOT, _confidence_citation(rulebook))
        return whole_ballot(form, ballot.serial, Verdict.INVALID, reason, rid)
    added = _added_names_outcome(ballot, form, rulebook)
    if added is not None:
        return added
    return _judge_confidence_lines(ballot, form, rulebook)


def _added_names_outcome(ballot: Ballot, form: BallotForm, rulebook: Rulebook) -> Judgement | None:
    policy = rulebook.param_str("cv_added_names_policy")
    if not ballot.added_names or policy == "ignore_added_names":
        return None
    citation = _confidence_citation(rulebook, "cv_added_names_policy")
    reason = Invalidity("added_names", Scope.BALLOT, citation)
    verdict = Verdict.INVALID if policy == "invalid_whole_ballot" else Verdict.REFER
    return whole_ballot(form, ballot.serial, verdict, reason, rulebook.rulebook_id)


def _judge_confidence_lines(ballot: Ballot, form: BallotForm, rulebook: Rulebook) -> Judgement:
    scope_param = "cv_invalid_scope" if rulebook.regime is Regime.QD96 else "na_ballot_validity"
    lines: dict[SubjectId, LineVerdict] = {}
    reasons: list[Invalidity] = []
    for subject in form.subjects:
        line = ballot.line(subject)
        if line.struck:
            citation = _confidence_citation(rulebook, *rulebook.unconfirmed(scope_param))
            if _struck_is_whole_ballot(rulebook):
                reason = Invalidity("name_struck_out", Scope.BALLOT, citation)
                return whole_ballot(
                    form, ballot.serial, Verdict.INVALID, reason, rulebook.rulebook_id
                )
            reasons.append(Invalidity("name_struck_out", Scope.NAME, citation, subject))
            lines[subject] = LineVerdict(subject, Verdict.INVALID)
        elif len(line.marks) == 1:
            lines[subject] = LineVerdict(subject, Verdict.COUNTED, next(iter(line.marks)))
        else:
            code = "no_level_marked" if not line.marks else "several_levels_marked"
            reasons.append(Invalidity(code, Scope.NAME, _confidence_citation(rulebook), subject))
            lines[subject] = LineVerdict(subject, Verdict.INVALID)
    return Judgement(ballot.serial, lines, tuple(reasons), rulebook_id=rulebook.rulebook_id)
