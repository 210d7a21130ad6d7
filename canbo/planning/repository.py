"""Django adapters of the planning ports: the registry facts (bulk reads, a few queries per
call, chunked ``IN`` lists), the group IV grades and the plans."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from django.db.models import Q

from canbo.classification.models import CycleSubject
from canbo.core.classification.model import Level
from canbo.core.types import PersonId, UnitId
from canbo.db.unit_tree import subtree_ids
from canbo.registry.models import DisciplineRecord, Membership, Person, PositionHolding, Title
from canbo.services.planning import ports as p
from canbo.voting.models import ResultLine

from . import models

CHUNK = 5000
T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _title(row: Title) -> p.TitleInfo:
    return p.TitleInfo(row.pk, row.code, row.name, row.level)


class DjangoRegistryFactsRepository:
    def records(
        self, person_ids: Iterable[PersonId], on: dt.date
    ) -> dict[PersonId, p.PersonRecord]:
        ids = sorted({int(i) for i in person_ids})
        base: dict[int, dict[str, Any]] = {}
        holdings: dict[int, list[tuple[str, dt.date, UnitId]]] = defaultdict(list)
        disciplines: dict[int, list[tuple[str, dt.date, bool]]] = defaultdict(list)
        bands: dict[int, dict[int, tuple[int, str, dt.date]]] = defaultdict(dict)
        classes: dict[int, dict[int, str]] = defaultdict(dict)
        planned: dict[int, list[str]] = defaultdict(list)
        for part in chunks(ids):
            for row in Person.objects.filter(pk__in=part).values(
                "pk", "full_name", "given_name", "sex", "birth_date", "ethnicity"
            ):
                base[row["pk"]] = dict(row)
            for pid, code, since, unit in PositionHolding.objects.filter(
                person_id__in=part, valid_from__lte=on, valid_to__gte=on
            ).values_list("person_id", "title__code", "valid_from", "unit_id"):
                holdings[pid].append((code, since, UnitId(unit)))
            for pid, form, day in DisciplineRecord.objects.filter(
                person_id__in=part, decision_date__lte=on
            ).values_list("person_id", "form", "decision_date"):
                disciplines[pid].append((form, day, True))  # the registry keeps Party discipline
            for pid, band, session, number, held in ResultLine.objects.filter(
                person_id__in=part,
                version__certified=True,
                version__session__conference__held_on__lte=on,
            ).values_list(
                "person_id",
                "band",
                "version__session_id",
                "version__number",
                "version__session__conference__held_on",
            ):
                seen = bands[pid].get(session)
                if seen is None or number > seen[0]:  # the latest certified version counts
                    bands[pid][session] = (number, band, held)
            for pid, year, level in CycleSubject.objects.filter(
                person_id__in=part, cycle__status="published", final_level__isnull=False
            ).values_list("person_id", "cycle__year", "final_level"):
                if year <= on.year:
                    classes[pid][year] = Level(int(level or 0)).name.lower()
            for pid, code in models.PlanEntry.objects.filter(
                Q(removed_on__isnull=True) | Q(removed_on__gt=on),
                person_id__in=part,
                added_on__lte=on,
            ).values_list("person_id", "plan__title__code"):
                planned[pid].append(code)
        return {
            PersonId(pk): p.PersonRecord(
                person_id=PersonId(pk),
                name=row["full_name"],
                given_name=row["given_name"],
                sex=row["sex"],
                birth_date=row["birth_date"],
                ethnicity=row["ethnicity"],
                holdings=tuple(holdings.get(pk, ())),
                disciplines=tuple(sorted(disciplines.get(pk, ()), key=lambda d: d[1])),
                bands=tuple(sorted(((b, d) for _n, b, d in bands[pk].values()), key=lambda x: x[1]))
                if pk in bands
                else (),
                classifications=tuple(sorted(classes[pk].items())) if pk in classes else (),
                planned_for=tuple(planned.get(pk, ())),
            )
            for pk, row in base.items()
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

    def holders_in_subtree(self, unit_id: UnitId, on: dt.date) -> list[tuple[UnitId, PersonId]]:
        units = subtree_ids(unit_id, on)
        out: list[tuple[UnitId, PersonId]] = []
        for part in chunks(units):
            out.extend(
                (UnitId(u), PersonId(pid))
                for u, pid in PositionHolding.objects.filter(
                    unit_id__in=part, valid_from__lte=on, valid_to__gte=on
                ).values_list("unit_id", "person_id")
            )
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


def _plan(r: Mapping[str, Any]) -> p.PlanData:
    return p.PlanData(
        p.PlanId(r["pk"]),
        p.TitleInfo(r["title_id"], r["title__code"], r["title__name"], r["title__level"]),
        UnitId(r["unit_id"]),
        r["term_label"],
        r["term_start"],
        r["term_end"],
        r["rulebook_id"],
        r["approved_on"],
        r["approved_by_ref"],
    )


def _entry(r: Mapping[str, Any]) -> p.EntryData:
    return p.EntryData(
        p.EntryId(r["pk"]),
        p.PlanId(r["plan_id"]),
        PersonId(r["person_id"]),
        r["added_on"],
        r["added_decision"],
        r["special_case"] or {},
        r["removed_on"],
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
        units = subtree_ids(unit_id, on)
        out: list[p.PlanData] = []
        for part in chunks(units):
            out.extend(
                _plan(r)
                for r in models.Plan.objects.filter(unit_id__in=part)
                .order_by("pk")
                .values(*PLAN_FIELDS)
            )
        return sorted(out, key=lambda plan: plan.id)

    def entries(self, plan_ids: Iterable[p.PlanId]) -> list[p.EntryData]:
        ids = sorted(set(plan_ids))
        out: list[p.EntryData] = []
        for part in chunks(ids):
            out.extend(
                _entry(r)
                for r in models.PlanEntry.objects.filter(plan_id__in=part)
                .order_by("pk")
                .values(*ENTRY_FIELDS)
            )
        return out

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
