"""Reads for the planning pages (Django side): plans in the actor's scope with their unit
names and counts, names of people, the catalogued titles for the choice lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Q

from canbo.accounts import scope
from canbo.core.appointments.posts import catalogue_on
from canbo.core.collation import sort_key
from canbo.db.unit_tree import subtree_ids
from canbo.registry.models import Person, Title, UnitVersion
from canbo.services.ports import Actor

from . import models


def unit_names(unit_ids: Iterable[int], on: dt.date) -> dict[int, str]:
    ids = set(unit_ids)
    names: dict[int, str] = {}
    for uid, name in (
        UnitVersion.objects.filter(unit_id__in=ids, valid_from__lte=on)
        .order_by("valid_from")
        .values_list("unit_id", "name")
    ):
        names[uid] = name  # the version in force on the day, else the last one before it
    return names


def person_names(person_ids: Iterable[int]) -> dict[int, str]:
    return dict(Person.objects.filter(pk__in=set(person_ids)).values_list("pk", "full_name"))


def plans_for(actor: Actor, on: dt.date, unit_id: int | None = None) -> list[dict[str, Any]]:
    """Plans approved by ``on`` of the units the actor reads (of one unit's subtree when
    given), with the number of people planned on ``on``; by unit name, then post grade."""
    units = scope.readable_scope(actor, on)
    rows = models.Plan.objects.filter(approved_on__lte=on)
    if units is not None:
        rows = rows.filter(unit_id__in=units)
    if unit_id is not None:
        rows = rows.filter(unit_id__in=subtree_ids(unit_id, on))
    active = Q(entries__added_on__lte=on) & (
        Q(entries__removed_on__isnull=True) | Q(entries__removed_on__gt=on)
    )
    data: list[dict[str, Any]] = [
        dict(r)
        for r in rows.annotate(active=Count("entries", filter=active)).values(
            "pk", "unit_id", "title__code", "title__name", "term_label", "approved_on", "active"
        )
    ]
    names = unit_names({r["unit_id"] for r in data}, on)
    cat = catalogue_on(on)
    for r in data:
        r["unit_name"] = names.get(r["unit_id"], "")
        grade = cat.entries.get(r["title__code"])
        r["grade"] = grade.grade if grade else 0
    data.sort(key=lambda r: (sort_key(r["unit_name"]), -r["grade"], r["term_label"]))
    return data


def catalogued_titles(on: dt.date) -> list[tuple[int, str]]:
    """Registry titles that have a grade in the catalogue (core + group IV entries)."""
    codes = set(catalogue_on(on).entries) | set(
        models.PostGradeEntry.objects.filter(valid_from__lte=on, valid_to__gte=on).values_list(
            "title__code", flat=True
        )
    )
    rows = Title.objects.filter(code__in=codes).order_by("rank", "name").values_list("pk", "name")
    return list(rows)


def all_titles() -> list[tuple[str, str]]:
    return list(Title.objects.order_by("rank", "name").values_list("code", "name"))


def grades(on: dt.date) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        dict(r)
        for r in models.PostGradeEntry.objects.order_by("-valid_from", "title__name").values(
            "pk", "title__name", "tier", "grade", "valid_from", "valid_to", "managing_unit_id"
        )
    ]
    names = unit_names({r["managing_unit_id"] for r in rows}, on)
    for r in rows:
        r["managing_unit"] = names.get(r["managing_unit_id"], "")
    return rows
