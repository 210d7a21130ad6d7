"""Registry values and the pure checks on them (handbook OR-06, OR-07, OR-15 to OR-19).

The checks here never touch storage: callers pass what the check needs (the ancestors of a
proposed parent, a person's other memberships) and get back every problem at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .citations.documents import DESIGN
from .errors import Citation, RuleViolation, ValidationError
from .types import Interval, LevelClass, PersonId, Pillar, Sex, UnitId, UnitKind

OR15 = Citation(DESIGN, rule_id="OR-15")
OR17 = Citation(DESIGN, rule_id="OR-17")

# Kinds that can hold party members directly (their place of Party activity, OR-07).
MEMBER_HOLDING_KINDS = frozenset({UnitKind.CELL, UnitKind.GRASSROOTS_CELL, UnitKind.PARTY_GROUP})

PILLAR_OF_KIND: dict[UnitKind, Pillar] = {
    **{
        k: Pillar.PARTY
        for k in (
            UnitKind.CENTRAL_COMMITTEE,
            UnitKind.POLITBURO,
            UnitKind.SECRETARIAT,
            UnitKind.CENTRAL_INSPECTION,
            UnitKind.CENTRAL_ADVISORY_BODY,
            UnitKind.DIRECTLY_UNDER_CENTRAL,
            UnitKind.PROVINCIAL_PARTY_COMMITTEE,
            UnitKind.DISTRICT_PARTY_COMMITTEE,
            UnitKind.COMMUNE_PARTY_COMMITTEE,
            UnitKind.PROVINCIAL_AFFILIATE_COMMITTEE,
            UnitKind.GRASSROOTS_COMMITTEE,
            UnitKind.GRASSROOTS_CELL,
            UnitKind.SUB_COMMITTEE,
            UnitKind.CELL,
            UnitKind.PARTY_GROUP,
        )
    },
    **{k: Pillar.FRONT for k in (UnitKind.FRONT_COMMITTEE, UnitKind.MASS_ORGANIZATION)},
}


def pillar_of(kind: UnitKind) -> Pillar:
    """OR-01: the pillar a kind of unit belongs to (State unless Party or Front)."""
    return PILLAR_OF_KIND.get(kind, Pillar.STATE)


@dataclass(frozen=True, slots=True)
class UnitVersionData:
    """One dated version of a unit (OR-15, OR-18)."""

    code: str
    name: str
    kind: UnitKind
    valid: Interval
    parent_id: UnitId | None = None
    level_class: LevelClass | None = None
    short_name: str = ""
    admin_code: str = ""
    legal_basis: str = ""
    unit_id: UnitId | None = None


@dataclass(frozen=True, slots=True)
class PersonData:
    """Identity and Party dates of a person."""

    code: str
    full_name: str
    birth_date: dt.date
    sex: Sex
    ethnicity: str = ""
    hometown: str = ""
    national_id: str = ""
    party_card_number: str = ""
    party_admission_date: dt.date | None = None
    official_membership_date: dt.date | None = None
    party_exit_date: dt.date | None = None
    death_date: dt.date | None = None
    person_id: PersonId | None = None


@dataclass(frozen=True, slots=True)
class MembershipData:
    person_id: PersonId
    unit_id: UnitId
    valid: Interval
    end_reason: str = ""


def check_parent(
    unit_id: UnitId | None, parent_ancestors: Sequence[UnitId], parent_id: UnitId | None
) -> None:
    """A unit may not be its own ancestor: the tree has no cycles (OR-15, OR-19).

    ``parent_ancestors`` are the ancestors of the proposed parent as of the version's start,
    nearest first, the parent itself included.
    """
    if unit_id is None or parent_id is None:
        return
    if unit_id == parent_id or unit_id in parent_ancestors:
        raise ValidationError(
            "tree_cycle",
            "The proposed parent is inside this unit's own subtree.",
            citation=OR15,
            unit_id=unit_id,
            parent_id=parent_id,
        )


def check_person(person: PersonData, today: dt.date) -> list[ValidationError]:
    """Dates of a person's record are in order and not in the future."""
    errors: list[ValidationError] = []
    if person.birth_date > today:
        errors.append(ValidationError("date_in_future", field="birth_date"))
    for name in ("party_admission_date", "official_membership_date"):
        value: dt.date | None = getattr(person, name)
        if value is not None and value > today:
            errors.append(ValidationError("date_in_future", field=name))
        if value is not None and value < person.birth_date:
            errors.append(ValidationError("date_before_birth", field=name))
    adm, off = person.party_admission_date, person.official_membership_date
    if off is not None and (adm is None or off < adm):
        errors.append(
            ValidationError("official_before_admission", field="official_membership_date")
        )
    return errors


def check_membership(new: MembershipData, others: Sequence[Interval], kind: UnitKind) -> None:
    """A member belongs to exactly one cell at a time (OR-07), and only to a member-holding unit."""
    if kind not in MEMBER_HOLDING_KINDS:
        raise RuleViolation(
            "membership_unit_kind",
            "Party members belong to a cell (chi bộ) or a grassroots cell.",
            citation=OR17,
            kind=str(kind),
        )
    for other in others:
        if other.overlaps(new.valid):
            raise RuleViolation(
                "membership_overlap",
                "The person already belongs to a cell during this period.",
                citation=OR17,
                other_from=other.valid_from.isoformat(),
            )
