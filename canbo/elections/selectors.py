"""Read-only queries of the elections for other pages (the higher committee's overview).

The caller has already cut the congresses to the actor's scope (``congress_ids``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from canbo.core.elections.model import ElectionKind, ElectionStatus

from . import models

BODY_KINDS = (
    ElectionKind.COMMITTEE,
    ElectionKind.CELL_COMMITTEE,
    ElectionKind.SECRETARY,
    ElectionKind.DEPUTY_SECRETARY,
)
"""The elections whose elected make up the new committee (a small cell elects only its
secretary and deputy, EL-37); delegates to the higher congress are not counted."""


@dataclass(frozen=True, slots=True)
class ElectedRow:
    congress_id: int
    person_id: int
    sex: str
    birth_date: dt.date | None
    ethnicity: str
    first_time: bool
    approved: bool


def elected_people(congress_ids: Iterable[int]) -> list[ElectedRow]:
    """Each person elected to the new committee of the given congresses, once per congress,
    with sex, birth date and ethnicity (the overview's shares), whether first-time (not
    re-elected) and whether the results are approved (EL-29). One query."""
    ids = list(congress_ids)
    if not ids:
        return []
    rows = (
        models.ElectedPerson.objects.filter(
            congress_id__in=ids, alternate=False, election__kind__in=[str(k) for k in BODY_KINDS]
        )
        .values_list(
            "congress_id",
            "person_id",
            "person__sex",
            "person__birth_date",
            "person__ethnicity",
            "first_time",
            "election__status",
        )
        .order_by("congress_id", "person_id")
    )
    found: dict[tuple[int, int], ElectedRow] = {}
    for cid, pid, sex, born, ethnicity, first, status in rows:
        approved = status == ElectionStatus.APPROVED
        seen = found.get((cid, pid))
        if seen is not None:
            approved = approved or seen.approved
            first = first and seen.first_time
        found[(cid, pid)] = ElectedRow(cid, pid, sex, born, ethnicity or "", first, approved)
    return list(found.values())
