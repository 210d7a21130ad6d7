"""Django adapters of the planning ports: the registry facts (bulk reads, a few queries per
call, chunked ``IN`` lists), the group IV grades and the plans."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from django.db import connection

from canbo.core.classification.model import Level
from canbo.core.types import PersonId, UnitId
from canbo.db.unit_tree import SUBTREE, subtree_ids
from canbo.registry.models import Membership, Title
from canbo.services.planning import ports as p

from . import models

CHUNK = 5000
T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _title(row: Title) -> p.TitleInfo:
    return p.TitleInfo(row.pk, row.code, row.name, row.level)


def id_list(ids: Sequence[int]) -> str:
    """Integers as an SQL list: a literal list of ``int`` values (never text from a request),
    so that a bulk read of 5,000 ids is not 5,000 bound parameters prepared one by one."""
    return ",".join(str(int(i)) for i in ids) or "NULL"


HOLDINGS = (
    "SELECT h.person_id, t.code, h.valid_from, h.unit_id FROM registry_positionholding h"
    " JOIN registry_title t ON t.id = h.title_id"
    " WHERE h.person_id IN ({ids}) AND h.valid_from <= %s AND h.valid_to >= %s"
)
DISCIPLINES = (
    "SELECT person_id, form, decision_date FROM registry_disciplinerecord"
    " WHERE person_id IN ({ids}) AND decision_date <= %s"
)
BANDS = (
    "SELECT l.person_id, l.band, v.session_id, v.number, c.held_on FROM voting_resultline l"
    " JOIN voting_resultversion v ON v.id = l.version_id"
    " JOIN voting_votesession s ON s.id = v.session_id"
    " JOIN conferences_conference c ON c.id = s.conference_id"
    " WHERE l.person_id IN ({ids}) AND v.certified = %s AND c.held_on <= %s"
)
CLASSIFICATIONS = (
    "SELECT s.person_id, c.year, s.final_level FROM classification_cyclesubject s"
    " JOIN classification_cycle c ON c.id = s.cycle_id"
    " WHERE s.person_id IN ({ids}) AND c.status = 'published' AND s.final_level IS NOT NULL"
    " AND c.year <= %s"
)
PLANNED = (
    "SELECT e.person_id, t.code FROM planning_planentry e"
    " JOIN planning_plan p ON p.id = e.plan_id JOIN registry_title t ON t.id = p.title_id"
    " WHERE e.person_id IN ({ids}) AND e.added_on <= %s"
    " AND (e.removed_on IS NULL OR e.removed_on > %s)"
)
HOLDERS_OF = (
    "SELECT unit_id, person_id FROM registry_positionholding"
    " WHERE unit_id IN ({ids}) AND valid_from <= %s AND valid_to >= %s ORDER BY unit_id, id"
)
PEOPLE = (
    "SELECT id, full_name, given_name, sex, birth_date, ethnicity, sort_key FROM registry_person"
    " WHERE id IN ({ids})"
)


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _rows(sql: str, part: Sequence[int], params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cur:
        cur.execute(sql.format(ids=id_list(part)), list(params))
        return list(cur.fetchall())


class DjangoRegistryFactsRepository:
    def records(
        self, person_ids: Iterable[PersonId], on: dt.date
    ) -> dict[PersonId, p.PersonRecord]:
        """A few queries per 5,000 people, in raw SQL (the national review reads hundreds of
        thousands); dates as the day in force, versions of a vote result: the latest."""
        ids = sorted({int(i) for i in person_ids})
        base: dict[int, tuple[Any, ...]] = {}
        holdings: dict[int, list[tuple[str, dt.date, UnitId]]] = defaultdict(list)
        disciplines: dict[int, list[tuple[str, dt.date, bool]]] = defaultdict(list)
        bands: dict[int, dict[int, tuple[int, str, dt.date]]] = defaultdict(dict)
        classes: dict[int, dict[int, str]] = defaultdict(dict)
        planned: dict[int, list[str]] = defaultdict(list)
        levels = {lv.value: lv.name.lower() for lv in Level}
        for part in chunks(ids):
            for row in _rows(PEOPLE, part, ()):
                base[row[0]] = row
            for pid, code, since, unit in _rows(HOLDINGS, part, (on, on)):
                holdings[pid].append((code, _date(since), UnitId(unit)))
            for pid, form, day in _rows(DISCIPLINES, part, (on,)):
                disciplines[pid].append((form, _date(day), True))  # Party discipline only
            for pid, band, session, number, held in _rows(BANDS, part, (True, on)):
                seen = bands[pid].get(session)
                if seen is None or number > seen[0]:  # the latest certified version counts
                    bands[pid][session] = (number, band, _date(held))
            for pid, year, level in _rows(CLASSIFICATIONS, part, (on.year,)):
                classes[pid][year] = levels[int(level)]
            for pid, code in _rows(PLANNED, part, (on, on)):
                planned[pid].append(code)
        return {
            PersonId(pk): p.PersonRecord(
                person_id=PersonId(pk),
                name=name,
                given_name=given,
                sex=sex,
                birth_date=_date(birth),
                ethnicity=ethnicity,
                holdings=tuple(holdings.get(pk, ())),
                disciplines=tuple(sorted(disciplines.get(pk, ()), key=lambda d: d[1])),
                bands=tuple(sorted(((b, d) for _n, b, d in bands[pk].values()), key=lambda x: x[1]))
                if pk in bands
                else (),
                classifications=tuple(sorted(classes[pk].items())) if pk in classes else (),
                planned_for=tuple(planned.get(pk, ())),
                sort_key=key,
            )
            for pk, (_id, name, given, sex, birth, ethnicity, key) in base.items()
        }

    def people_of_unit(self, unit_id: UnitId, on: dt.date) -> list[PersonId]:
        units = subtree_ids(unit_id, on)
        out: list[PersonId] = []
        for part in chunks(units):
            out.extend(
                PersonId(pid)
                for pid in Membership.objects.filter(
                    unit_id__in=part, valid_from__lte=on, valid_to__gte=on
                ).values_list("person_id", flat=True)
            )
        return out

    def holders(self, unit_ids: Iterable[UnitId], on: dt.date) -> list[tuple[UnitId, PersonId]]:
        out: list[tuple[UnitId, PersonId]] = []
        for part in chunks(sorted(set(unit_ids))):
            out.extend((UnitId(u), PersonId(pid)) for u, pid in _rows(HOLDERS_OF, part, (on, on)))
        return out

    def title(self, title_id: int) -> p.TitleInfo | None:
        row = Title.objects.filter(pk=title_id).first()
        return _title(row) if row else None

    def title_by_code(self, code: str) -> p.TitleInfo | None:
        row = Title.objects.filter(code=code).first()
        return _title(row) if row else None


class DjangoGradeRepository:
    def group_iv(self, on: dt.date) -> list[p.GradeRow]:
        rows = models.PostGradeEntry.objects.filter(
            valid_from__lte=on, valid_to__gte=on
        ).select_related("title")
        return [
            p.GradeRow(
                r.title.code,
                r.title.name,
                r.group,
                r.tier,
                r.grade,
                r.valid_from,
                r.valid_to,
                UnitId(r.managing_unit_id),
            )
            for r in rows.order_by("valid_from", "pk")
        ]

    def add(self, row: p.GradeRow) -> int:
        title = Title.objects.get(code=row.title_code)
        created = models.PostGradeEntry.objects.create(
            title=title,
            group=row.group,
            tier=row.tier,
            grade=row.grade,
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            managing_unit_id=row.managing_unit_id,
        )
        return int(created.pk)


PLAN_FIELDS = (
    "pk", "title_id", "title__code", "title__name", "title__level", "unit_id", "term_label",
    "term_start", "term_end", "rulebook_id", "approved_on", "approved_by_ref",
)  # fmt: skip
ENTRY_FIELDS = (
    "pk", "plan_id", "person_id", "added_on", "added_decision", "special_case", "removed_on",
    "removal_reason", "removal_decision", "removal_note",
)  # fmt: skip


PLANS_SQL = (
    "SELECT p.id, p.title_id, t.code, t.name, t.level, p.unit_id, p.term_label, p.term_start,"
    " p.term_end, p.rulebook_id, p.approved_on, p.approved_by_ref FROM planning_plan p"
    " JOIN registry_title t ON t.id = p.title_id"
)
ENTRIES_SQL = (
    "SELECT id, plan_id, person_id, added_on, added_decision, special_case, removed_on,"
    " removal_reason, removal_decision, removal_note FROM planning_planentry"
    " WHERE plan_id IN ({ids})"
)


def _json(value: Any) -> dict[str, Any]:
    if value in ("{}", None):
        return {}
    if isinstance(value, str):
        loaded = json.loads(value)
        return loaded if isinstance(loaded, dict) else {}
    return dict(value or {})


def _plan(r: Mapping[str, Any]) -> p.PlanData:
    return p.PlanData(
        p.PlanId(r["pk"]),
        p.TitleInfo(r["title_id"], r["title__code"], r["title__name"], r["title__level"]),
        UnitId(r["unit_id"]),
        r["term_label"],
        _date(r["term_start"]),
        _date(r["term_end"]),
        r["rulebook_id"],
        _date(r["approved_on"]),
        r["approved_by_ref"],
    )


def _entry(r: Mapping[str, Any]) -> p.EntryData:
    return p.EntryData(
        p.EntryId(r["pk"]),
        p.PlanId(r["plan_id"]),
        PersonId(r["person_id"]),
        _date(r["added_on"]),
        r["added_decision"],
        _json(r["special_case"]),
        _date(r["removed_on"]) if r["removed_on"] else None,
        r["removal_reason"],
        r["removal_decision"],
        r["removal_note"],
    )


class DjangoPlanRepository:
    def get(self, plan_id: p.PlanId) -> p.PlanData | None:
        row = models.Plan.objects.filter(pk=plan_id).values(*PLAN_FIELDS).first()
        return _plan(row) if row else None

    def find(self, title_id: int, unit_id: UnitId, term_label: str) -> p.PlanData | None:
        row = (
            models.Plan.objects.filter(title_id=title_id, unit_id=unit_id, term_label=term_label)
            .values(*PLAN_FIELDS)
            .first()
        )
        return _plan(row) if row else None

    def add(self, plan: p.NewPlan) -> p.PlanId:
        created = models.Plan.objects.create(
            title_id=plan.title_id,
            unit_id=plan.unit_id,
            term_label=plan.term_label,
            term_start=plan.term_start,
            term_end=plan.term_end,
            rulebook_id=plan.rulebook_id,
            approved_on=plan.approved_on,
            approved_by_ref=plan.approved_by_ref,
        )
        return p.PlanId(created.pk)

    def of_subtree(self, unit_id: UnitId, on: dt.date) -> list[p.PlanData]:
        where = " WHERE p.unit_id IN (SELECT unit_id FROM down) ORDER BY p.id"
        sql = SUBTREE + PLANS_SQL + where
        with connection.cursor() as cur:
            cur.execute(sql, [unit_id, on, on])
            return [_plan(dict(zip(PLAN_FIELDS, row, strict=True))) for row in cur.fetchall()]

    def entries(self, plan_ids: Iterable[p.PlanId]) -> list[p.EntryData]:
        ids = sorted(set(plan_ids))
        out: list[p.EntryData] = []
        for part in chunks(ids):
            for row in _rows(ENTRIES_SQL, part, ()):
                out.append(_entry(dict(zip(ENTRY_FIELDS, row, strict=True))))
        return sorted(out, key=lambda e: e.id)

    def entries_of_people(self, person_ids: Iterable[PersonId]) -> list[p.EntryData]:
        ids = sorted(set(person_ids))
        out: list[p.EntryData] = []
        for part in chunks(ids):
            out.extend(
                _entry(r)
                for r in models.PlanEntry.objects.filter(person_id__in=part)
                .order_by("pk")
                .values(*ENTRY_FIELDS)
            )
        return out

    def entry(self, entry_id: p.EntryId) -> p.EntryData | None:
        row = models.PlanEntry.objects.filter(pk=entry_id).values(*ENTRY_FIELDS).first()
        return _entry(row) if row else None

    def add_entry(
        self,
        plan_id: p.PlanId,
        person_id: PersonId,
        added_on: dt.date,
        decision: str,
        special_case: Mapping[str, Any],
    ) -> p.EntryId:
        created = models.PlanEntry.objects.create(
            plan_id=plan_id,
            person_id=person_id,
            added_on=added_on,
            added_decision=decision,
            special_case=dict(special_case),
        )
        return p.EntryId(created.pk)

    def remove_entry(
        self, entry_id: p.EntryId, on: dt.date, reason: str, decision: str, note: str
    ) -> None:
        models.PlanEntry.objects.filter(pk=entry_id).update(
            removed_on=on, removal_reason=reason, removal_decision=decision, removal_note=note
        )

    def tasks(self, entry_ids: Iterable[p.EntryId]) -> list[p.TaskData]:
        ids = sorted(set(entry_ids))
        out: list[p.TaskData] = []
        for part in chunks(ids):
            out.extend(
                p.TaskData(
                    p.TaskId(t.pk),
                    p.EntryId(t.entry_id),
                    t.reason,
                    t.rule,
                    t.created_on,
                    t.done_on,
                    t.mandatory,
                )
                for t in models.RemovalTask.objects.filter(entry_id__in=part).order_by("pk")
            )
        return out

    def add_task(
        self, entry_id: p.EntryId, reason: str, rule: str, on: dt.date, mandatory: bool
    ) -> p.TaskId:
        created = models.RemovalTask.objects.create(
            entry_id=entry_id, reason=reason, rule=rule, created_on=on, mandatory=mandatory
        )
        return p.TaskId(created.pk)

    def close_tasks(self, entry_id: p.EntryId, on: dt.date) -> None:
        models.RemovalTask.objects.filter(entry_id=entry_id, done_on__isnull=True).update(
            done_on=on
        )
