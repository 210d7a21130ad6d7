"""Read queries of the conference pages (views never query models directly)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection
from django.utils.translation import gettext as _

from canbo.accounts import scope
from canbo.core.errors import NotFound
from canbo.core.types import PersonId, UnitId
from canbo.db.unit_tree import SUBTREE
from canbo.registry.models import OrgUnit, Person, PositionHolding, UnitVersion
from canbo.services.ports import Actor

from . import models


@dataclass(frozen=True, slots=True)
class ConvenedRow:
    person_id: int
    full_name: str
    code: str
    qr_token: str
    excused: bool
    site: str | None


def unit_id_for_code(code: str) -> UnitId | None:
    pk = OrgUnit.objects.filter(code=code.strip()).values_list("pk", flat=True).first()
    return UnitId(pk) if pk else None


def person_ids_for_codes(codes: list[str]) -> tuple[list[PersonId], list[str]]:
    """Ids of the persons with these codes, in the order given, and the codes not found."""
    found = dict(Person.objects.filter(code__in=codes).values_list("code", "pk"))
    return [PersonId(found[c]) for c in codes if c in found], [c for c in codes if c not in found]


def conferences(unit_ids: list[int] | None) -> list[models.Conference]:
    """Newest first; ``unit_ids`` None means every unit."""
    qs = models.Conference.objects.order_by("-held_on", "-pk")
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return list(qs[:200])


def convened(conference_id: int) -> list[ConvenedRow]:
    """Persons convened in official order (given name, middle, family), with their site."""
    rows = (
        models.Convocation.objects.filter(conference_id=conference_id)
        .select_related("person", "check_in__site")
        .order_by("person__sort_key", "person_id")
    )
    return [
        ConvenedRow(
            r.person_id,
            r.person.full_name,
            r.person.code,
            r.qr_token,
            r.excused,
            r.check_in.site.name if hasattr(r, "check_in") else None,
        )
        for r in rows
    ]


def sites(conference_id: int) -> list[models.Site]:
    return list(models.Site.objects.filter(conference_id=conference_id).order_by("pk"))


def site_for(actor: Actor, site_id: int) -> models.Site:
    """The bridge site if the actor may see its conference; NotFound alike otherwise."""
    row = models.Site.objects.select_related("conference").filter(pk=site_id).first()
    if row is None or not scope.sees_conference(
        actor, row.conference.unit_id, row.conference.held_on
    ):
        raise NotFound("site_not_found", site_id=site_id)
    return row


def conference_for(actor: Actor, conference_id: int) -> models.Conference:
    """The conference if the actor may see it; NotFound alike otherwise (checked before any
    other lookup a form triggers, so that those answer nothing about other scopes)."""
    row = models.Conference.objects.filter(pk=conference_id).first()
    if row is None or not scope.sees_conference(actor, row.unit_id, row.held_on):
        raise NotFound("conference_not_found", conference_id=conference_id)
    return row


def visible(actor: Actor) -> list[models.Conference]:
    """The conferences whose unit lies in the actor's readable scope."""
    return [c for c in conferences(None) if scope.sees_conference(actor, c.unit_id, c.held_on)]


def unit_name(unit_id: int, day: dt.date) -> str:
    version = (
        UnitVersion.objects.filter(unit_id=unit_id, valid_from__lte=day, valid_to__gte=day)
        .values_list("name", flat=True)
        .first()
    )
    return version or ""


def agenda(conference_id: int) -> list[str]:
    items = models.AgendaItem.objects.filter(conference_id=conference_id).order_by("position")
    return list(items.values_list("title", flat=True))


# Convening from the registry -----------------------------------------------------------------

_UNIT_MEMBERS = """
SELECT m.person_id FROM registry_membership m JOIN registry_person p ON p.id = m.person_id
WHERE m.unit_id IN (SELECT unit_id FROM down) AND m.valid_from <= %s AND m.valid_to >= %s
ORDER BY p.sort_key, p.id
"""


def unit_members(unit_id: int, day: dt.date) -> list[PersonId]:
    """The Party members of a unit on ``day``: everyone whose cell lies in the unit's subtree
    that day (registry memberships, OR-20), in official order; each once."""
    with connection.cursor() as cur:
        cur.execute(SUBTREE + _UNIT_MEMBERS, [unit_id, day, day, day, day])
        return [PersonId(pk) for pk in dict.fromkeys(row[0] for row in cur.fetchall())]


def post_holders(unit_id: int, day: dt.date) -> list[tuple[PersonId, str]]:
    """The people holding a post in the unit on ``day`` (its committee: the titles of the
    posts held there), each once with every post held there joined ("Bí thư; Chủ tịch"), in
    the order of the titles' rank, then official order."""
    rows = (
        PositionHolding.objects.filter(unit_id=unit_id, valid_from__lte=day, valid_to__gte=day)
        .select_related("title", "person")
        .order_by("title__rank", "person__sort_key", "person_id", "valid_from")
    )
    posts: dict[PersonId, list[str]] = {}
    for r in rows:
        names = posts.setdefault(PersonId(r.person_id), [])
        if r.title.name not in names:
            names.append(r.title.name)
    return [(pk, "; ".join(names)) for pk, names in posts.items()]


def posts_of(people: list[int], unit_id: int, day: dt.date) -> dict[int, str]:
    """Each person's posts on ``day`` for a ballot line: the posts held in ``unit_id`` when
    there are any, else every post the person holds that day."""
    rows = (
        PositionHolding.objects.filter(person_id__in=people, valid_from__lte=day, valid_to__gte=day)
        .select_related("title")
        .order_by("title__rank", "valid_from")
    )
    here: dict[int, list[str]] = {}
    anywhere: dict[int, list[str]] = {}
    for r in rows:
        for found in (anywhere, here) if r.unit_id == unit_id else (anywhere,):
            names = found.setdefault(r.person_id, [])
            if r.title.name not in names:
                names.append(r.title.name)
    return {p: "; ".join(here.get(p) or anywhere.get(p) or []) for p in people}


def convened_options(conference_id: int, day: dt.date) -> list[tuple[int, str]]:
    """The people convened, as a list picker's options: those checked in first (the people
    present), each with birth year; "có mặt" marks the present ones."""
    rows = (
        models.Convocation.objects.filter(conference_id=conference_id)
        .select_related("person")
        .order_by("person__sort_key", "person_id")
    )
    present = set(
        models.CheckIn.objects.filter(convocation__conference_id=conference_id).values_list(
            "convocation__person_id", flat=True
        )
    )
    here = _("có mặt")
    out = [
        (
            r.person_id,
            f"{r.person.full_name} ({r.person.birth_date.year})"
            + (f" · {here}" if r.person_id in present else ""),
        )
        for r in rows
    ]
    return sorted(out, key=lambda o: o[0] not in present)
