"""Scoped read queries of the API: units as of a date with history and lineage, and people.

Every read of one protected object goes through a loader of :mod:`canbo.accounts.scope`
(``load_unit``, ``load_person``, the one adapter of access control) that answers ``NotFound``
alike for a missing and a forbidden object; every list is cut to the actor's readable
subtrees as of the date asked. The tree read is the tree
valid on that date (handbook OR-19, OR-20); names and codes of every version stay searchable
(OR-18); people are listed in official order by their Vietnamese collation key.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from canbo.accounts.scope import load_person, load_unit, readable_scope
from canbo.core.errors import NotFound, ValidationError
from canbo.core.registry import PersonData, UnitVersionData
from canbo.core.types import UnitId
from canbo.db import unit_tree
from canbo.registry import models as m
from canbo.registry.search import PERSON, UNIT, search
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.ports import Actor

SEARCH_LIMIT = 1000
"""Most matches a search with ``q`` answers (the search index's limit; then paginated)."""


@dataclass(frozen=True, slots=True)
class LinkView:
    """One lineage edge seen from a unit: the unit on the other side and the event (OR-16)."""

    event_id: int
    kind: str
    date: dt.date
    legal_basis: str
    share: str
    unit_id: int
    unit_code: str
    unit_name: str


@dataclass(frozen=True, slots=True)
class UnitDetail:
    """A unit as of a date: the version then in force (None outside its life), every version,
    the parent's name then, and its predecessors and successors."""

    unit: m.OrgUnit
    as_of: dt.date
    version: m.UnitVersion | None
    parent_name: str
    history: list[m.UnitVersion]
    predecessors: list[LinkView]
    successors: list[LinkView]


def _on(day: dt.date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}valid_from__lte": day, f"{prefix}valid_to__gte": day})


# Units ---------------------------------------------------------------------------------------


def unit_detail(actor: Actor, unit_id: int, as_of: dt.date) -> UnitDetail:
    """The unit as of ``as_of`` with its whole version history and lineage (OR-15, OR-16).

    The parent's name and the units on the other side of a lineage edge are shown even when
    they lie outside the actor's scope: the legal act of the reorganization names them. Their
    members and records stay behind their own loaders.
    """
    unit = load_unit(actor, unit_id, as_of)
    history = list(unit.versions.order_by("valid_from"))
    version = next((v for v in history if v.valid_from <= as_of <= v.valid_to), None)
    parent_name = ""
    if version is not None and version.parent_id is not None:
        parent_name = (
            m.UnitVersion.objects.filter(_on(as_of), unit_id=version.parent_id)
            .values_list("name", flat=True)
            .first()
            or ""
        )
    return UnitDetail(
        unit=unit,
        as_of=as_of,
        version=version,
        parent_name=parent_name,
        history=history,
        predecessors=_links(m.LineageLink.objects.filter(successor_id=unit.pk), "predecessor"),
        successors=_links(m.LineageLink.objects.filter(predecessor_id=unit.pk), "successor"),
    )


def _links(links: QuerySet[m.LineageLink], side: str) -> list[LinkView]:
    """Lineage edges with the other unit named as it was at the event: a predecessor by its
    last version before the date, a successor by its version on the date."""
    names = m.UnitVersion.objects.filter(unit_id=OuterRef(f"{side}_id"))
    if side == "predecessor":
        names = names.filter(valid_from__lt=OuterRef("event__date"))
    else:
        names = names.filter(valid_from__lte=OuterRef("event__date"))
    rows = (
        links.select_related("event", side)
        .annotate(other_name=Subquery(names.order_by("-valid_from").values("name")[:1]))
        .order_by("event__date", "pk")
    )
    return [
        LinkView(
            event_id=link.event_id,
            kind=link.event.kind,
            date=link.event.date,
            legal_basis=link.event.legal_basis,
            share=link.share,
            unit_id=getattr(link, f"{side}_id"),
            unit_code=getattr(link, side).code,
            unit_name=link.other_name or "",
        )
        for link in rows
    ]


def search_units(
    actor: Actor, as_of: dt.date, q: str = "", parent: int | None = None
) -> QuerySet[m.UnitVersion]:
    """Units in force on ``as_of`` within the actor's scope, in Vietnamese alphabetical order.

    ``q`` matches any version's name or administrative code, past or present, or the stable
    unit code (OR-18: old names stay searchable).
    """
    rows = m.UnitVersion.objects.select_related("unit").filter(_on(as_of))
    scope = readable_scope(actor, as_of)
    if scope is not None:
        rows = rows.filter(unit_id__in=scope)
    if parent is not None:
        rows = rows.filter(parent_id=parent)
    if q:
        found = search(actor, q, {UNIT}, limit=SEARCH_LIMIT, today=as_of)
        rows = rows.filter(Q(unit_id__in=[h.id for h in found]) | Q(unit__code__iexact=q))
    return rows.order_by("sort_key", "unit_id")


def children(actor: Actor, unit_id: int, as_of: dt.date) -> QuerySet[m.UnitVersion]:
    """The units directly under ``unit_id`` on ``as_of`` (OR-19)."""
    load_unit(actor, unit_id, as_of)
    return (
        m.UnitVersion.objects.select_related("unit")
        .filter(_on(as_of), parent_id=unit_id)
        .order_by("sort_key", "unit_id")
    )


def member_count(actor: Actor, unit_id: int, as_of: dt.date) -> int:
    """Party members whose cell lies in the unit's subtree on ``as_of`` (OR-20)."""
    load_unit(actor, unit_id, as_of)
    return unit_tree.count_members(unit_id, as_of)


def unit_version(actor: Actor, unit_id: int, day: dt.date) -> UnitVersionData:
    """The version in force on ``day``, for a change that starts then (OR-18)."""
    load_unit(actor, unit_id, day)
    version = DjangoRegistryUnitOfWork().units.get_version(UnitId(unit_id), day)
    if version is None:
        raise ValidationError("unit_not_valid", field="valid_from", unit_id=unit_id)
    return version


# People --------------------------------------------------------------------------------------


def _membership_on(as_of: dt.date) -> QuerySet[m.Membership]:
    return m.Membership.objects.filter(_on(as_of), person_id=OuterRef("pk"))


def _with_cell(people: QuerySet[m.Person], as_of: dt.date) -> QuerySet[m.Person]:
    """Annotate each person with the cell they belong to on ``as_of`` and its name then."""
    membership = _membership_on(as_of)
    people = people.annotate(
        cell_id=Subquery(membership.values("unit_id")[:1]),
        member_since=Subquery(membership.values("valid_from")[:1]),
    )
    cell_name = m.UnitVersion.objects.filter(_on(as_of), unit_id=OuterRef("cell_id"))
    return people.annotate(cell_name=Subquery(cell_name.values("name")[:1]))


def _members_of(
    people: QuerySet[m.Person], ids: list[UnitId], as_of: dt.date
) -> QuerySet[m.Person]:
    return people.filter(Exists(_membership_on(as_of).filter(unit_id__in=ids)))


def members(
    actor: Actor, unit_id: int, as_of: dt.date, *, subtree: bool = False
) -> QuerySet[m.Person]:
    """Members of the unit (or of its whole subtree) on ``as_of``, in official order:
    given name, middle name, family name (Vietnamese collation)."""
    load_unit(actor, unit_id, as_of)
    ids = unit_tree.subtree_ids(unit_id, as_of) if subtree else [UnitId(unit_id)]
    people = _members_of(m.Person.objects.all(), ids, as_of)
    return _with_cell(people, as_of).order_by("sort_key", "pk")


def search_people(
    actor: Actor, as_of: dt.date, q: str = "", unit: int | None = None
) -> QuerySet[m.Person]:
    """People whose cell on ``as_of`` lies in the actor's scope (or in ``unit``'s subtree),
    matching ``q`` in the full name or exactly the code; in official order."""
    if unit is not None:
        load_unit(actor, unit, as_of)
        scope: list[UnitId] | None = unit_tree.subtree_ids(unit, as_of)
    else:
        scope = readable_scope(actor, as_of)
    people = m.Person.objects.all()
    if scope is not None:
        people = _members_of(people, scope, as_of)
    if q:
        found = search(actor, q, {PERSON}, within=unit, limit=SEARCH_LIMIT, today=as_of)
        people = people.filter(Q(pk__in=[h.id for h in found]) | Q(code__iexact=q))
    return _with_cell(people, as_of).order_by("sort_key", "pk")


def person_data(actor: Actor, person_id: int, as_of: dt.date) -> PersonData:
    """The identity section as the core sees it, for a partial correction."""
    pid = load_person(actor, person_id, as_of)
    data = DjangoRegistryUnitOfWork().people.get(pid)
    if data is None:
        raise NotFound("person_not_found", person_id=person_id)
    return data


def _unit_name_at_end() -> Subquery:
    """The unit's name at the end of a dated row (the newest name for an open row)."""
    names = m.UnitVersion.objects.filter(
        unit_id=OuterRef("unit_id"), valid_from__lte=OuterRef("valid_to")
    )
    return Subquery(names.order_by("-valid_from").values("name")[:1])


def person_detail(actor: Actor, person_id: int, as_of: dt.date) -> m.Person:
    """The full record: identity, cell history, posts, discipline, leave, retirement and
    declared relatives (OR-17; QĐ 114 for relatives), each section in date order."""
    load_person(actor, person_id, as_of)
    sections = (
        Prefetch(
            "memberships",
            m.Membership.objects.annotate(unit_name=_unit_name_at_end()).order_by("valid_from"),
        ),
        Prefetch(
            "positions",
            m.PositionHolding.objects.select_related("title", "term")
            .annotate(unit_name=_unit_name_at_end())
            .order_by("valid_from", "pk"),
        ),
        Prefetch("disciplines", m.DisciplineRecord.objects.order_by("decision_date", "pk")),
        Prefetch("leaves", m.LeavePeriod.objects.order_by("starts", "pk")),
        Prefetch("retirements", m.RetirementNotice.objects.order_by("notice_date", "pk")),
        Prefetch(
            "relatives",
            m.Relative.objects.select_related("linked_person").order_by("relation", "pk"),
        ),
    )
    people = _with_cell(m.Person.objects.filter(pk=person_id), as_of)
    return people.prefetch_related(*sections).get()
