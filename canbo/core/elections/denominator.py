"""The base of the majority test in a Party election (EL-19, EL-20, EL-21, EL-35).

``D`` is the number convened less the people the regulation takes out of the base, each listed
with the reason, the count, the names and the clause (EL-30: the list is attached to the
counting minutes):

- members' and cell congress (EL-19): official members convened less those introduced for
  temporary activity elsewhere, those exempted and absent, suspended, prosecuted or detained,
  and those absent for the whole congress with an accepted reason;
- delegates' congress (EL-20): official delegates convened less convened committee members
  absent for the whole congress and official delegates absent for the whole congress with no
  alternate seated in their place;
- committee or commission conference (EL-21, unconfirmed, ``el_conference_denominator``): the
  members of the electing body convened, with nothing subtracted (default); under
  ``members_present`` the absent members are subtracted (listed as ``absent_accepted``); under
  ``incumbent_members`` the caller gives the incumbent members as the number convened.

People not convened at all (EL-35) are not among the convened and are never subtracted again.
Pure: no Django, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from canbo.core.elections.model import CongressKind, Subtraction
from canbo.core.errors import Citation, NotFound, RuleViolation, ValidationError
from canbo.core.rulebook import Rulebook

CONFERENCE_PARAM = "el_conference_denominator"
CONFERENCE_DEFAULT = "members_of_body_convened"
CONFERENCE_VALUES = ("members_of_body_convened", "members_present", "incumbent_members")

MEMBERS_REASONS: tuple[Subtraction, ...] = (
    Subtraction.TEMP_ELSEWHERE,
    Subtraction.EXEMPT_ABSENT,
    Subtraction.SUSPENDED,
    Subtraction.PROSECUTED,
    Subtraction.ABSENT_ACCEPTED,
)
DELEGATES_REASONS: tuple[Subtraction, ...] = (
    Subtraction.COMMITTEE_ABSENT,
    Subtraction.ABSENT_NO_ALTERNATE,
)
_RULE = {
    CongressKind.CELL: "EL-19",
    CongressKind.MEMBERS: "EL-19",
    CongressKind.DELEGATES: "EL-20",
    CongressKind.CONFERENCE: "EL-21",
}


@dataclass(frozen=True, slots=True)
class Removed:
    """One person taken out of the base, with the reason (``person_id`` None when unknown)."""

    reason: Subtraction
    person_id: int | None
    name: str


@dataclass(frozen=True, slots=True)
class SubtractionLine:
    """All people taken out for one reason: count, names (empty when only counts are known)."""

    reason: Subtraction
    count: int
    names: tuple[str, ...]
    citation: Citation

    def as_dict(self) -> dict[str, Any]:
        return {
            "reason": str(self.reason),
            "count": self.count,
            "names": list(self.names),
            "citation": self.citation.as_dict(),
        }


@dataclass(frozen=True, slots=True)
class Denominator:
    """``value = convened - sum(line.count)``; ``named`` when built from named persons."""

    value: int
    convened: int
    kind: CongressKind
    lines: tuple[SubtractionLine, ...]
    citation: Citation
    named: bool = True
    basis: str = ""

    @property
    def subtracted(self) -> int:
        return sum(line.count for line in self.lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "convened": self.convened,
            "kind": str(self.kind),
            "basis": self.basis,
            "named": self.named,
            "citation": self.citation.as_dict(),
            "subtractions": [line.as_dict() for line in self.lines],
        }


def conference_basis(rulebook: Rulebook) -> str:
    """``el_conference_denominator`` (EL-21), or its documented default if the rulebook lacks it."""
    try:
        value = rulebook.param_str(CONFERENCE_PARAM)
    except NotFound:
        return CONFERENCE_DEFAULT
    return value if value in CONFERENCE_VALUES else CONFERENCE_DEFAULT


def _unconfirmed(rulebook: Rulebook, kind: CongressKind) -> tuple[str, ...]:
    if kind is not CongressKind.CONFERENCE:
        return ()
    try:
        return rulebook.unconfirmed(CONFERENCE_PARAM)
    except NotFound:
        return (CONFERENCE_PARAM,)


def base_citation(kind: CongressKind, rulebook: Rulebook) -> Citation:
    """The clause that defines the base for this kind of congress (EL-19, EL-20 or EL-21)."""
    return Citation(
        rulebook.document, rule_id=_RULE[kind], unconfirmed=_unconfirmed(rulebook, kind)
    )


def allowed_reasons(kind: CongressKind, rulebook: Rulebook) -> tuple[Subtraction, ...]:
    """The reasons that may take a person out of the base at this kind of congress."""
    if kind in (CongressKind.CELL, CongressKind.MEMBERS):
        return MEMBERS_REASONS
    if kind is CongressKind.DELEGATES:
        return DELEGATES_REASONS
    if conference_basis(rulebook) == "members_present":
        return (Subtraction.ABSENT_ACCEPTED,)
    return ()


def _check_reason(
    kind: CongressKind, reason: Subtraction, allowed: tuple[Subtraction, ...], cite: Citation
) -> None:
    if reason not in allowed:
        raise RuleViolation(
            "subtraction_reason_not_allowed",
            citation=cite,
            reason=str(reason),
            kind=str(kind),
            allowed=[str(r) for r in allowed],
        )


def _check_convened(convened: int) -> None:
    if convened < 0:
        raise ValidationError("figure_negative", name="convened", value=convened)


def _finish(
    kind: CongressKind,
    convened: int,
    lines: list[SubtractionLine],
    cite: Citation,
    *,
    named: bool,
    basis: str,
) -> Denominator:
    subtracted = sum(line.count for line in lines)
    if subtracted > convened:
        raise RuleViolation(
            "subtractions_exceed_convened",
            citation=cite,
            convened=convened,
            subtracted=subtracted,
        )
    value = convened - subtracted
    if value <= 0:
        raise RuleViolation(
            "election_base_not_positive",
            citation=cite,
            convened=convened,
            subtracted=subtracted,
            value=value,
        )
    return Denominator(value, convened, kind, tuple(lines), cite, named=named, basis=basis)


def _basis(kind: CongressKind, rulebook: Rulebook) -> str:
    return conference_basis(rulebook) if kind is CongressKind.CONFERENCE else str(kind)


def denominator(
    kind: CongressKind,
    convened: int,
    removed: Sequence[Removed],
    *,
    not_convened_ids: frozenset[int] = frozenset(),
    rulebook: Rulebook,
) -> Denominator:
    """The base with every person taken out named (EL-19 to EL-21, EL-35).

    Refuses, citing the clause: a reason the kind of congress does not have, a person taken out
    twice, a person on the not-convened list (EL-35), more taken out than convened, ``D <= 0``.
    Lines follow the regulation's order of reasons; names keep the order given.
    """
    _check_convened(convened)
    cite = base_citation(kind, rulebook)
    allowed = allowed_reasons(kind, rulebook)
    seen: dict[int, Removed] = {}
    for person in removed:
        _check_reason(kind, person.reason, allowed, cite)
        if person.person_id is None:
            continue
        if person.person_id in not_convened_ids:
            raise RuleViolation(
                "subtracted_not_convened",
                citation=Citation(rulebook.document, rule_id="EL-35"),
                person_id=person.person_id,
                name=person.name,
                reason=str(person.reason),
            )
        first = seen.get(person.person_id)
        if first is not None:
            raise RuleViolation(
                "subtracted_twice",
                citation=cite,
                person_id=person.person_id,
                name=person.name,
                reason=str(person.reason),
                first_reason=str(first.reason),
            )
        seen[person.person_id] = person
    lines = []
    for reason in allowed:
        names = tuple(p.name for p in removed if p.reason is reason)
        if names:
            lines.append(SubtractionLine(reason, len(names), names, cite))
    return _finish(kind, convened, lines, cite, named=True, basis=_basis(kind, rulebook))


def denominator_from_counts(
    kind: CongressKind,
    convened: int,
    counts: Mapping[Subtraction, int],
    *,
    rulebook: Rulebook,
) -> Denominator:
    """The base from counts only (the offline calculator): no names, same refusals."""
    _check_convened(convened)
    cite = base_citation(kind, rulebook)
    allowed = allowed_reasons(kind, rulebook)
    for reason, count in counts.items():
        if count < 0:
            raise ValidationError("figure_negative", name=str(reason), value=count)
        if count:
            _check_reason(kind, reason, allowed, cite)
    lines = [
        SubtractionLine(reason, counts[reason], (), cite)
        for reason in allowed
        if counts.get(reason, 0) > 0
    ]
    return _finish(kind, convened, lines, cite, named=False, basis=_basis(kind, rulebook))
