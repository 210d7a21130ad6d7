"""Read side of the clerk's record forms: what a person or unit page offers the actor (only
the forms they may use), the membership events shown in a person's history, and the choices
of the forms' selects, limited to the actor's scope.

Scope goes through :mod:`canbo.accounts.scope` (the one adapter of access control). The
selects left are short (a person's posts and relatives, a unit's siblings and children);
a cell or a unit anywhere in the scope is chosen with the type-ahead picker.
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
from canbo.registry import models as m
from canbo.services.ports import Actor

CHOICES_LIMIT = 300
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


def person(person_id: int) -> m.Person:
    """The person a form acts on (its access checked before by the view)."""
    return m.Person.objects.get(pk=person_id)


def unit_version(unit_id: int, today: dt.date) -> m.UnitVersion | None:
    """The unit's version on ``today``, the one a form acts on."""
    return m.UnitVersion.objects.filter(
        unit_id=unit_id, valid_from__lte=today, valid_to__gte=today
    ).first()
