"""In-memory unit of work of cadre planning: registry records as plain values, plans and
entries in dicts; it type-checks as :class:`canbo.services.planning.ports.PlanningUnitOfWork`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from canbo.core.types import PersonId, UnitId
from canbo.services.planning import ports as p

from .classification import FakeTree
from .kernel import FakeAuditLog, FakeTransaction


class FakeRegistryFacts:
    def __init__(self) -> None:
        self.people: dict[PersonId, p.PersonRecord] = {}
        self.titles: dict[int, p.TitleInfo] = {}
        self.parents: dict[UnitId, UnitId | None] = {}
        self.plans: FakePlanRepository | None = None
        self.calls = 0

    def _subtree(self, root: UnitId) -> set[UnitId]:
        found = {root}
        changed = True
        while changed:
            changed = False
            for unit, parent in self.parents.items():
                if parent in found and unit not in found:
                    found.add(unit)
                    changed = True
        return found

    def records(
        self, person_ids: Iterable[PersonId], on: dt.date
    ) -> dict[PersonId, p.PersonRecord]:
        self.calls += 1
        out = {}
        codes = {t.title_id: t.code for t in self.titles.values()}
        for pid in person_ids:
            rec = self.people.get(pid)
            if rec is None:
                continue
            planned: tuple[str, ...] = ()
            if self.plans is not None:
                planned = tuple(
                    codes[self.plans.plans[e.plan_id].title.title_id]
                    for e in self.plans.rows.values()
                    if e.person_id == pid and e.active_on(on)
                )
            out[pid] = dataclasses.replace(rec, planned_for=planned)
        return out

    def people_of_unit(self, unit_id: UnitId, on: dt.date) -> list[PersonId]:
        units = self._subtree(unit_id)
        return [pid for pid, r in self.people.items() if r.unit_id in units]

    def holders(self, unit_ids: Iterable[UnitId], on: dt.date) -> list[tuple[UnitId, PersonId]]:
        units = set(unit_ids)
        return [
            (u, pid) for pid, r in self.people.items() for _c, _s, u in r.holdings if u in units
        ]

    def title(self, title_id: int) -> p.TitleInfo | None:
        return self.titles.get(title_id)

    def title_by_code(self, code: str) -> p.TitleInfo | None:
        return next((t for t in self.titles.values() if t.code == code), None)


class FakeGrades:
    def __init__(self) -> None:
        self.rows: list[p.GradeRow] = []

    def group_iv(self, on: dt.date) -> list[p.GradeRow]:
        return [r for r in self.rows if r.valid_from <= on <= r.valid_to]

    def add(self, row: p.GradeRow) -> int:
        self.rows.append(row)
        return len(self.rows)


class FakePlanRepository:
    def __init__(self, registry: FakeRegistryFacts) -> None:
        self.plans: dict[p.PlanId, p.PlanData] = {}
        self.rows: dict[p.EntryId, p.EntryData] = {}
        self.task_rows: dict[p.TaskId, p.TaskData] = {}
        self.registry = registry

    def get(self, plan_id: p.PlanId) -> p.PlanData | None:
        return self.plans.get(plan_id)

    def find(self, title_id: int, unit_id: UnitId, term_label: str) -> p.PlanData | None:
        return next(
            (
                x
                for x in self.plans.values()
                if (x.title.title_id, x.unit_id, x.term_label) == (title_id, unit_id, term_label)
            ),
            None,
        )

    def add(self, plan: p.NewPlan) -> p.PlanId:
        new_id = p.PlanId(len(self.plans) + 1)
        title = self.registry.titles[plan.title_id]
        self.plans[new_id] = p.PlanData(
            new_id,
            title,
            plan.unit_id,
            plan.term_label,
            plan.term_start,
            plan.term_end,
            plan.rulebook_id,
            plan.approved_on,
            plan.approved_by_ref,
        )
        return new_id

    def of_subtree(self, unit_id: UnitId, on: dt.date) -> list[p.PlanData]:
        units = self.registry._subtree(unit_id)
        return [x for x in self.plans.values() if x.unit_id in units]

    def entries(self, plan_ids: Iterable[p.PlanId]) -> list[p.EntryData]:
        ids = set(plan_ids)
        return [e for e in self.rows.values() if e.plan_id in ids]

    def entries_of_people(self, person_ids: Iterable[PersonId]) -> list[p.EntryData]:
        ids = set(person_ids)
        return [e for e in self.rows.values() if e.person_id in ids]

    def entry(self, entry_id: p.EntryId) -> p.EntryData | None:
        return self.rows.get(entry_id)

    def add_entry(
        self,
        plan_id: p.PlanId,
        person_id: PersonId,
        added_on: dt.date,
        decision: str,
        special_case: Mapping[str, Any],
    ) -> p.EntryId:
        new_id = p.EntryId(len(self.rows) + 1)
        self.rows[new_id] = p.EntryData(
            new_id, plan_id, person_id, added_on, decision, dict(special_case)
        )
        return new_id

    def remove_entry(
        self, entry_id: p.EntryId, on: dt.date, reason: str, decision: str, note: str
    ) -> None:
        self.rows[entry_id] = dataclasses.replace(
            self.rows[entry_id],
            removed_on=on,
            removal_reason=reason,
            removal_decision=decision,
            removal_note=note,
        )

    def tasks(self, entry_ids: Iterable[p.EntryId]) -> list[p.TaskData]:
        ids = set(entry_ids)
        return [t for t in self.task_rows.values() if t.entry_id in ids]

    def add_task(
        self, entry_id: p.EntryId, reason: str, rule: str, on: dt.date, mandatory: bool
    ) -> p.TaskId:
        new_id = p.TaskId(len(self.task_rows) + 1)
        self.task_rows[new_id] = p.TaskData(new_id, entry_id, reason, rule, on, None, mandatory)
        return new_id

    def close_tasks(self, entry_id: p.EntryId, on: dt.date) -> None:
        for key, task in list(self.task_rows.items()):
            if task.entry_id == entry_id and task.done_on is None:
                self.task_rows[key] = dataclasses.replace(task, done_on=on)


class FakeAppointmentFacts:
    def __init__(self) -> None:
        self.complaints: dict[PersonId, int] = {}
        self.in_process: set[PersonId] = set()

    def open_complaints(self, person_ids: Iterable[PersonId], on: dt.date) -> dict[PersonId, int]:
        return {pid: n for pid, n in self.complaints.items() if pid in set(person_ids)}

    def in_open_process(self, person_ids: Iterable[PersonId], on: dt.date) -> set[PersonId]:
        return self.in_process & set(person_ids)


class FakePlanningUnitOfWork(FakeTransaction):
    def __init__(self, parents: Mapping[UnitId, UnitId | None]) -> None:
        super().__init__()
        self.registry = FakeRegistryFacts()
        self.registry.parents = dict(parents)
        self.grades = FakeGrades()
        self.plans = FakePlanRepository(self.registry)
        self.registry.plans = self.plans
        self.appointments = FakeAppointmentFacts()
        self.audit = FakeAuditLog()
        self.tree = FakeTree(parents)

    def _repositories(self) -> list[object]:
        return [self.grades, self.plans, self.audit]

    def _shared(self) -> list[object]:
        return [self.registry]
