"""Read side of the clerk's record forms: what a person or unit page offers the actor (only
the forms they may use), the membership events shown in a person's history, and the choices
of the forms' selects, limited to the actor's scope.

Scope goes through :mod:`canbo.accounts.scope` (the one adapter of access control); lists
are cut to the subtrees the actor may write on (a type-ahead picker will replace the
selects, so the lists are capped).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from canbo.accounts import scope
from canbo.core import records as rec
from canbo.core.permissions import Action
from canbo.core.registry import MEMBER_HOLDING_KINDS
from canbo.core.types import UnitId
from canbo.db import unit_tree
from canbo.registry import models as m
from canbo.services.ports import Actor

CHOICES_LIMIT = 300
SUBTREE_LIMIT = 2000
CELL_KINDS = [str(k) for k in MEMBER_HOLDING_KINDS]


@dataclass(frozen=True, slots=True)
class PersonDesk:
    """What the person page offers: the membership events and, to a writer, the forms."""

    person_id: int
    can_write: bool
    events: Sequence[m.PartyEvent]
    is_member: bool
    is_probationary: bool
    recognition_due: dt.date | None


@dataclass(frozen=True, slots=True)
class UnitDesk:
    unit_id: int
    can_write: bool
    holds_members: bool


def _parent_name() -> Subquery:
    return Subquery(
        m.UnitVersion.objects.filter(
            unit_id=OuterRef("parent_id"),
            valid_from__lte=OuterRef("valid_from"),
            valid_to__gte=OuterRef("valid_from"),
        ).values("name")[:1]
    )


def person_cell(person_id: int, today: dt.date) -> int | None:
    """The person's cell on ``today``, else their last cell."""
    rows = m.Membership.objects.filter(person_id=person_id)
    row = rows.filter(valid_from__lte=today, valid_to__gte=today).first()
    row = row or rows.order_by("-valid_from").first()
    return row.unit_id if row else None


def person_desk(actor: Actor, person_id: int, today: dt.date) -> PersonDesk:
    """The membership events of a person the actor may read, and whether they may write."""
    scope.load_person(actor, person_id, today)
    person = m.Person.objects.get(pk=person_id)
    cell = person_cell(person_id, today)
    can_write = cell is not None and scope.can_do(actor, Action.WRITE_RECORDS, cell, today)
    events = list(
        m.PartyEvent.objects.filter(person_id=person_id)
        .annotate(unit_name=_name_on_event())
        .order_by("date", "pk")
    )
    is_member = person.party_admission_date is not None and person.party_exit_date is None
    probation = is_member and person.official_membership_date is None
    due = None
    if probation and person.party_admission_date is not None:
        due = rec.recognition_due(person.party_admission_date)
    return PersonDesk(person_id, can_write, events, is_member, probation, due)


def _name_on_event() -> Subquery:
    return Subquery(
        m.UnitVersion.objects.filter(
            unit_id=OuterRef("unit_id"),
            valid_from__lte=OuterRef("date"),
            valid_to__gte=OuterRef("date"),
        ).values("name")[:1]
    )


def unit_desk(actor: Actor, unit_id: int, as_of: dt.date) -> UnitDesk:
    """The forms a unit page offers a writer of the unit: people in a cell, then the unit's
    own changes (a reader costs no query)."""
    if not scope.can_do(actor, Action.WRITE_RECORDS, unit_id, as_of):
        return UnitDesk(unit_id, can_write=False, holds_members=False)
    kind = (
        m.UnitVersion.objects.filter(unit_id=unit_id, valid_from__lte=as_of, valid_to__gte=as_of)
        .values_list("kind", flat=True)
        .first()
    )
    return UnitDesk(unit_id, can_write=kind is not None, holds_members=kind in CELL_KINDS)


def _write_roots(actor: Actor, near: int, today: dt.date) -> list[int]:
    roots: list[int] = list(scope.roots_for_action(actor, Action.WRITE_RECORDS))
    if scope.can_do(actor, Action.WRITE_RECORDS, near, today) and not roots:
        # A writer of the whole tree: offer the units around ``near`` (two levels up).
        chain = unit_tree.ancestors(near, today)
        roots = [chain[min(2, len(chain) - 1)]] if chain else []
    return roots


def _nearby(actor: Actor, near: int, today: dt.date) -> set[UnitId]:
    """The units offered around ``near``: the subtree of its highest ancestor that the actor
    may write and that holds at most ``SUBTREE_LIMIT`` units (a commune or a province's
    agencies rather than a whole province), else the actor's whole write scope."""
    best: set[UnitId] = set()
    for unit in unit_tree.ancestors(near, today)[1:]:
        if not scope.can_do(actor, Action.WRITE_RECORDS, unit, today):
            break
        below = set(unit_tree.subtree_ids(unit, today))
        if len(below) > SUBTREE_LIMIT:
            break
        best = below
    if best:
        return best
    ids: set[UnitId] = set()
    for root in _write_roots(actor, near, today):
        ids.update(unit_tree.subtree_ids(root, today))
    return ids


def unit_choices(
    actor: Actor, near: int, today: dt.date, *, cells_only: bool = False
) -> list[tuple[int, str]]:
    """Units valid today around ``near`` in the subtrees the actor may write, as
    ``(id, "name — parent")``, in Vietnamese order of names (at most ``CHOICES_LIMIT``)."""
    ids = _nearby(actor, near, today)
    rows = m.UnitVersion.objects.filter(unit_id__in=ids, valid_from__lte=today, valid_to__gte=today)
    if cells_only:
        rows = rows.filter(kind__in=CELL_KINDS)
    rows = rows.annotate(parent_name=_parent_name()).order_by("sort_key", "unit_id")
    return [
        (v.unit_id, f"{v.name} — {v.parent_name}" if v.parent_name else v.name)
        for v in rows[:CHOICES_LIMIT]
    ]


def sibling_choices(actor: Actor, unit_id: int, today: dt.date) -> list[tuple[int, str]]:
    """Units under the same parent today that the actor may change (to merge with)."""
    here = m.UnitVersion.objects.filter(
        unit_id=unit_id, valid_from__lte=today, valid_to__gte=today
    ).first()
    if here is None or here.parent_id is None:
        return []
    rows = m.UnitVersion.objects.filter(
        parent_id=here.parent_id, valid_from__lte=today, valid_to__gte=today
    ).exclude(unit_id=unit_id)
    return [
        (v.unit_id, v.name)
        for v in rows.order_by("sort_key")[:CHOICES_LIMIT]
        if scope.can_do(actor, Action.WRITE_RECORDS, v.unit_id, today)
    ]


def child_choices(unit_id: int, today: dt.date) -> list[tuple[int, str]]:
    rows = m.UnitVersion.objects.filter(
        parent_id=unit_id, valid_from__lte=today, valid_to__gte=today
    )
    return [(v.unit_id, v.name) for v in rows.order_by("sort_key")[:CHOICES_LIMIT]]


def title_choices() -> list[tuple[str, str]]:
    return list(m.Title.objects.values_list("code", "name"))


def held_posts(person_id: int, today: dt.date) -> list[tuple[int, str]]:
    """Posts the person holds today (or later), to end one."""
    rows = (
        m.PositionHolding.objects.filter(person_id=person_id, valid_to__gte=today)
        .select_related("title", "unit")
        .order_by("valid_from")
    )
    return [(h.pk, f"{h.title.name} ({h.valid_from:%d/%m/%Y})") for h in rows]


def living_relatives(person_id: int) -> list[tuple[int, str]]:
    rows = m.Relative.objects.filter(person_id=person_id, ended_on__isnull=True).select_related(
        "linked_person"
    )
    return [(r.pk, f"{r.get_relation_display()}: {r.full_name or r.linked_person}") for r in rows]


def unit_version(unit_id: int, today: dt.date) -> m.UnitVersion | None:
    return m.UnitVersion.objects.filter(
        unit_id=unit_id, valid_from__lte=today, valid_to__gte=today
    ).first()
