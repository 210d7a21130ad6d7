"""THE assembler of a candidate's facts (``CandidateFacts``) from the registry: the post held,
since when, Party discipline, confidence-vote bands of certified QĐ 96 results, classification
results, active plans; open complaints come from the appointment context's port.

Planning, the appointment processes and the benches all call it; the bulk variant reads a
whole unit's people in a few queries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from canbo.core.appointments.model import CandidateFacts, Discipline
from canbo.core.appointments.posts import PostCatalogue, PostGrade
from canbo.core.collation import sort_key
from canbo.core.errors import NotFound
from canbo.core.types import PersonId, Sex, UnitId

from .catalogue import catalogue, grade_or_none
from .ports import PersonRecord, PlanningUnitOfWork

CHUNK = 5000
BANDS = frozenset({"none", "B", "C"})  # canbo.core.ballots.bands.Band values


def open_complaints(
    uow: PlanningUnitOfWork, person_ids: list[PersonId], on: dt.date
) -> dict[PersonId, int]:
    """Open complaints per person from the appointment context, asked 5,000 at a time."""
    found: dict[PersonId, int] = {}
    for start in range(0, len(person_ids), CHUNK):
        found.update(uow.appointments.open_complaints(person_ids[start : start + CHUNK], on))
    return found


def current_post(
    record: PersonRecord, cat: PostCatalogue
) -> tuple[PostGrade | None, dt.date | None]:
    """The highest catalogued post held on the day and the date it was taken (the registry's
    ``valid_from`` of the holding)."""
    best: tuple[PostGrade, dt.date] | None = None
    for code, since, _unit in record.holdings:
        grade = grade_or_none(cat, code)
        if grade is None:
            continue
        if best is None or grade.grade > best[0].grade:
            best = (grade, since)
    return (best[0], best[1]) if best else (None, None)


def to_facts(record: PersonRecord, cat: PostCatalogue, complaints: int = 0) -> CandidateFacts:
    """The core's view of one registry record (pure)."""
    post, since = current_post(record, cat)
    planned = tuple(g for g in (grade_or_none(cat, c) for c in record.planned_for) if g)
    return CandidateFacts(
        person_id=str(record.person_id),
        name=record.name,
        sex=Sex(record.sex),
        birth_date=record.birth_date,
        disciplines=tuple(
            Discipline(form=form, party=party, effective=day)
            for form, day, party in record.disciplines
        ),
        # Every vote, "none" included: a later vote without a consequence supersedes an
        # earlier band B (the core reads the latest vote, PL-10).
        confidence_bands=tuple((b, day) for b, day in record.bands if b in BANDS),
        classifications=record.classifications,
        open_complaints=complaints,
        current_post=post,
        post_since=since,
        planned_for=planned,
    )


def candidate_facts_many(
    uow: PlanningUnitOfWork,
    person_ids: Iterable[PersonId],
    on: dt.date,
    *,
    cat: PostCatalogue | None = None,
) -> dict[PersonId, CandidateFacts]:
    """Facts of many people as of ``on``; unknown ids are left out."""
    ids = list(dict.fromkeys(person_ids))
    records = uow.registry.records(ids, on)
    complaints = open_complaints(uow, list(records), on)
    cat = cat or catalogue(uow, on)
    return {pid: to_facts(rec, cat, complaints.get(pid, 0)) for pid, rec in records.items()}


def facts_and_sort_keys(
    uow: PlanningUnitOfWork, person_ids: Iterable[PersonId], on: dt.date, cat: PostCatalogue
) -> dict[PersonId, tuple[CandidateFacts, str]]:
    """As :func:`candidate_facts_many`, each with the registry's sort key of the name (lists
    of people are sorted by it without computing the collation again)."""
    records = uow.registry.records(list(dict.fromkeys(person_ids)), on)
    complaints = open_complaints(uow, list(records), on)
    return {
        pid: (to_facts(rec, cat, complaints.get(pid, 0)), rec.sort_key or sort_key(rec.name))
        for pid, rec in records.items()
    }


def candidate_facts(uow: PlanningUnitOfWork, person_id: PersonId, on: dt.date) -> CandidateFacts:
    """One person's facts as of ``on`` (NotFound ``person_not_found``)."""
    found = candidate_facts_many(uow, [person_id], on)
    if person_id not in found:
        raise NotFound("person_not_found", person_id=person_id)
    return found[person_id]


def unit_candidate_facts(
    uow: PlanningUnitOfWork, unit_id: UnitId, on: dt.date
) -> dict[PersonId, CandidateFacts]:
    """Facts of every member of the unit's subtree on ``on``."""
    return candidate_facts_many(uow, uow.registry.people_of_unit(unit_id, on), on)
