"""Read queries of the conference pages (views never query models directly)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from canbo.core.types import READ_ROLES, PersonId, Role, UnitId
from canbo.registry.models import OrgUnit, Person, UnitVersion
from canbo.registry.uow import DjangoTreeReader
from canbo.services.access import can_reach
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


def site(site_id: int) -> models.Site | None:
    return models.Site.objects.select_related("conference").filter(pk=site_id).first()


def visible(actor: Actor) -> list[models.Conference]:
    """The conferences whose unit lies in the actor's readable scope."""
    tree = DjangoTreeReader()
    roles = READ_ROLES | {Role.COUNTING_COMMITTEE}
    return [
        c for c in conferences(None) if can_reach(actor, UnitId(c.unit_id), tree, c.held_on, roles)
    ]


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
