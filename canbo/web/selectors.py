"""Read-side queries of the web shell, each scoped by the actor's part of the tree.

Every function that reads a protected unit or person goes through the loaders of
:mod:`canbo.accounts.scope` (the one adapter of access control), which answer ``NotFound``
alike for missing and forbidden objects. The tree is read as of a date (OR-19, OR-20): the
2024 tree has 63 provinces and their districts, the 2026 tree 34 provinces. Lists of people
are ordered by ``Person.sort_key``, the Vietnamese collation key (given name, middle name,
family name).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import (
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)

from canbo.accounts import scope
from canbo.core.errors import NotFound
from canbo.core.types import UnitKind
from canbo.db import unit_tree
from canbo.registry import choices
from canbo.registry.constants import FOREVER
from canbo.registry.models import (
    DisciplineRecord,
    LeavePeriod,
    Membership,
    Person,
    PositionHolding,
    Relative,
    RetirementNotice,
    Term,
    UnitVersion,
)
from canbo.services.ports import Actor


def _until(day: dt.date) -> dt.date | None:
    return None if day == FOREVER else day


STATE_AND_FRONT_KINDS = frozenset(
    {
        UnitKind.NATIONAL_ASSEMBLY,
        UnitKind.GOVERNMENT,
        UnitKind.MINISTRY,
        UnitKind.PROVINCE,
        UnitKind.DISTRICT,
        UnitKind.COMMUNE,
        UnitKind.PEOPLES_COUNCIL,
        UnitKind.PEOPLES_COMMITTEE,
        UnitKind.AGENCY,
        UnitKind.AGENCY_UNIT,
        UnitKind.FRONT_COMMITTEE,
        UnitKind.MASS_ORGANIZATION,
    }
)


@dataclass(frozen=True, slots=True)
class UnitNode:
    """A unit as it stood on the tree's date."""

    unit_id: int
    name: str
    kind: str
    has_children: bool
    valid_from: dt.date
    valid_to: dt.date | None

    @property
    def kind_label(self) -> str:
        return str(choices.UnitKind(self.kind).label)

    @property
    def members_scope(self) -> str:
        """How the page names the members it counts: a cell's, a group's, a Party committee's
        whole organization, or the Party members in a State or Front unit and below it."""
        kind = UnitKind(self.kind)
        if kind in (UnitKind.CELL, UnitKind.GRASSROOTS_CELL):
            return "cell"
        if kind is UnitKind.PARTY_GROUP:
            return "group"
        return "other" if kind in STATE_AND_FRONT_KINDS else "party"


@dataclass(frozen=True, slots=True)
class MemberRow:
    """A Party member of a cell on the date, with the day they joined it."""

    person_id: int
    full_name: str
    code: str
    birth_date: dt.date
    since: dt.date


@dataclass(frozen=True, slots=True)
class UnitPage:
    node: UnitNode
    trail: list[UnitNode]
    children: list[UnitNode]
    members: list[MemberRow]
    subtree_members: int


def _valid_on(as_of: dt.date) -> Q:
    return Q(valid_from__lte=as_of, valid_to__gte=as_of)


def _nodes(versions: QuerySet[UnitVersion], as_of: dt.date) -> list[UnitNode]:
    below = UnitVersion.objects.filter(_valid_on(as_of), parent_id=OuterRef("unit_id"))
    rows = (
        versions.annotate(has_children=Exists(below))
        .order_by("sort_key", "unit_id")
        .values_list("unit_id", "name", "kind", "has_children", "valid_from", "valid_to")
    )
    return [UnitNode(*row[:5], valid_to=_until(row[5])) for row in rows]


def tree_roots(actor: Actor, as_of: dt.date) -> list[UnitNode]:
    """The top of the actor's visible tree on ``as_of``: the whole tree's roots, or the roots
    of the actor's read grants (and their predecessors) that exist on that date (OR-19)."""
    versions = UnitVersion.objects.filter(_valid_on(as_of))
    # Before a merge the actor's root did not exist yet: its predecessors stand in (OR-16).
    visible = scope.readable_roots(actor)
    if visible is None:
        return _nodes(versions.filter(parent__isnull=True), as_of)
    return _nodes(versions.filter(unit_id__in=visible), as_of)


def tree_children(actor: Actor, unit_id: int, as_of: dt.date) -> list[UnitNode]:
    """The children of a unit the actor may read, as of ``as_of`` (NotFound otherwise)."""
    scope.access_unit_on(actor, unit_id, as_of)
    return _nodes(UnitVersion.objects.filter(_valid_on(as_of), parent_id=unit_id), as_of)


def _members(unit_id: int, as_of: dt.date) -> list[MemberRow]:
    rows = (
        Membership.objects.filter(_valid_on(as_of), unit_id=unit_id)
        .order_by("person__sort_key", "person_id")
        .values_list(
            "person_id", "person__full_name", "person__code", "person__birth_date", "valid_from"
        )
    )
    return [MemberRow(*row) for row in rows]


def unit_members(actor: Actor, unit_id: int, as_of: dt.date) -> list[MemberRow]:
    """Members of a cell on ``as_of`` in Vietnamese collation order (given name first)."""
    scope.access_unit_on(actor, unit_id, as_of)
    return _members(unit_id, as_of)


def _trail(actor: Actor, unit_id: int, as_of: dt.date) -> list[UnitNode]:
    chain = unit_tree.ancestors(unit_id, as_of)
    roots = scope.readable_roots(actor)
    if roots is not None:
        top = max((i for i, u in enumerate(chain) if u in roots), default=len(chain) - 1)
        chain = chain[: top + 1]
    nodes = {
        n.unit_id: n
        for n in _nodes(UnitVersion.objects.filter(_valid_on(as_of), unit_id__in=chain[1:]), as_of)
    }
    return [nodes[u] for u in reversed(chain[1:]) if u in nodes]


@dataclass(frozen=True, slots=True)
class UnitPeriod:
    """One version of a unit: its name and the days it was in force (``valid_to`` None: open)."""

    name: str
    valid_from: dt.date
    valid_to: dt.date | None


@dataclass(frozen=True, slots=True)
class UnitAbsent:
    """A unit the actor may read, asked for on a day it did not exist, with the days it did."""

    unit_id: int
    name: str
    as_of: dt.date
    periods: list[UnitPeriod]


def _readable_periods(actor: Actor, unit_id: int) -> list[UnitPeriod]:
    """The versions of a unit on whose first day the actor may read it (OR-19)."""
    periods = [
        UnitPeriod(name, start, _until(end))
        for name, start, end in UnitVersion.objects.filter(unit_id=unit_id)
        .order_by("valid_from")
        .values_list("name", "valid_from", "valid_to")
    ]
    readable = []
    for period in periods:
        try:
            scope.access_unit_on(actor, unit_id, period.valid_from)
        except NotFound:
            continue
        readable.append(period)
    return readable


def unit_absent(actor: Actor, unit_id: int, as_of: dt.date) -> UnitAbsent:
    """A readable unit not in force on ``as_of``: the periods it was (NotFound when the actor
    may read none of them, so existence is not leaked)."""
    periods = _readable_periods(actor, unit_id)
    if not periods:
        raise NotFound("unit_not_found", unit_id=unit_id)
    return UnitAbsent(unit_id, periods[-1].name, as_of, periods)


def unit_page(actor: Actor, unit_id: int, as_of: dt.date) -> UnitPage | UnitAbsent:
    """A unit on ``as_of``: the path from the actor's root, its children, its members and the
    member count of its subtree (OR-20); on a day it did not exist, the days it did."""
    found = _nodes(UnitVersion.objects.filter(_valid_on(as_of), unit_id=unit_id), as_of)
    if not found:
        return unit_absent(actor, unit_id, as_of)
    scope.access_unit_on(actor, unit_id, as_of)
    node = found[0]
    return UnitPage(
        node=node,
        trail=_trail(actor, unit_id, as_of),
        children=_nodes(UnitVersion.objects.filter(_valid_on(as_of), parent_id=unit_id), as_of),
        members=_members(unit_id, as_of),
        subtree_members=unit_tree.count_members(unit_id, as_of),
    )


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A person's record, every section (identity and Party dates first)."""

    person: Person
    memberships: list[Membership]
    positions: Sequence[PositionHolding]
    terms: list[Term]
    disciplines: list[DisciplineRecord]
    leaves: list[LeavePeriod]
    retirements: list[RetirementNotice]
    relatives: list[Relative]


def is_person_absent_on(record: PersonRecord, day: dt.date | None) -> bool:
    """Whether ``day`` falls before the person's birth or after their death."""
    if day is None:
        return False
    person = record.person
    return day < person.birth_date or (person.death_date is not None and day > person.death_date)


def _name_on(unit_field: str, date_field: str) -> Subquery:
    """The unit's name as it stood on the row's own date (OR-18: old names are printed)."""
    return Subquery(
        UnitVersion.objects.filter(
            unit_id=OuterRef(unit_field),
            valid_from__lte=OuterRef(date_field),
            valid_to__gte=OuterRef(date_field),
        ).values("name")[:1]
    )


def _terms(positions: Sequence[PositionHolding]) -> list[Term]:
    """Terms tied to a post, and terms of the units where a post overlapped the term."""
    if not positions:
        return []
    match = Q(pk__in=[p.term_id for p in positions if p.term_id is not None])
    for p in positions:
        match |= Q(unit_id=p.unit_id, starts__lte=p.valid_to, ends__gte=p.valid_from)
    return list(
        Term.objects.filter(match)
        .annotate(unit_name=_name_on("unit_id", "starts"))
        .order_by("starts", "pk")
    )


def person_record(actor: Actor, person_id: int, today: dt.date) -> PersonRecord:
    """The record of a person the actor may read through their cell (NotFound otherwise):
    cell history and posts with the unit names as of those dates, terms, discipline,
    leaves, retirement notices and declared relatives."""
    scope.load_person(actor, person_id, today)
    positions = list(
        PositionHolding.objects.filter(person_id=person_id)
        .select_related("title")
        .annotate(unit_name=_name_on("unit_id", "valid_from"))
        .order_by("valid_from", "pk")
    )
    terms = _terms(positions)
    return PersonRecord(
        person=Person.objects.get(pk=person_id),
        memberships=list(
            Membership.objects.filter(person_id=person_id)
            .annotate(unit_name=_name_on("unit_id", "valid_from"))
            .order_by("valid_from", "pk")
        ),
        positions=positions,
        terms=terms,
        disciplines=list(
            DisciplineRecord.objects.filter(person_id=person_id).order_by("decision_date", "pk")
        ),
        leaves=list(LeavePeriod.objects.filter(person_id=person_id).order_by("starts", "pk")),
        retirements=list(
            RetirementNotice.objects.filter(person_id=person_id).order_by("notice_date", "pk")
        ),
        relatives=list(
            Relative.objects.filter(person_id=person_id)
            .select_related("linked_person")
            .order_by("declared_on", "pk")
        ),
    )
