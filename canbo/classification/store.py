"""Django adapters of the classification ports: repositories and the unit of work.

Bulk paths use raw SQL through Django's connection (``executemany``, keyset pages), never
model instances: a national cycle has millions of rows. Single-subject paths use the ORM.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import connection

from canbo.audit.log import DjangoAuditLog
from canbo.core.classification.model import Level
from canbo.core.types import DisciplineForm, PersonId, UnitId
from canbo.db.transactions import AtomicWork
from canbo.db.unit_tree import DjangoTreeReader
from canbo.registry.models import UnitVersion
from canbo.services.classification import ports as m

from . import level_counts, models, proposal_writes, registry_facts

TABLE = "classification_cyclesubject"
BATCH, PAGE = 10_000, 20_000  # rows per insert, rows per compute page
COMPUTE_COLUMNS = (
    'id, kind, "group", unit_id, step, appraised_level, final_level, score_general, '
    "score_results, grade_results, grade_other_min, tasks_total, tasks_on_time, tasks_exceeded, "
    "tasks_late, led_units_tasks, led_units_exceeded, led_units_kht, confidence_low, discipline, "
    "discipline_self_remedied, sick_leave_months, months_in_operation, exemption, head_unit_id"
)
INSERT_COLUMNS = (
    "cycle_id", "kind", "unit_id", "person_id", "parent_unit_id", "decider_id", "top_id",
    "\"group\"", "group_unit_id", "exemption", "head_unit_id", "discipline",
    "discipline_self_remedied", "sick_leave_months", "months_in_operation", "step",
    "tasks_total", "tasks_on_time", "tasks_exceeded", "tasks_late", "version",
)  # fmt: skip
STATE_FIELDS = (
    "pk", "cycle_id", "kind", "unit_id", "person_id", "parent_unit_id", "decider_id", "group",
    "exemption", "head_unit_id", "step", "score_general", "score_results", "grade_results",
    "grade_other_min", "tasks_total", "tasks_on_time", "tasks_exceeded", "tasks_late",
    "led_units_tasks", "led_units_exceeded", "led_units_kht", "confidence_low", "discipline",
    "discipline_self_remedied", "sick_leave_months", "months_in_operation", "proposal__level",
    "appraised_level", "final_level", "version", "person__full_name",
)  # fmt: skip


def _level(value: int | None) -> Level | None:
    return None if value is None else Level(value)


def unit_names(unit_ids: Iterable[int], as_of: dt.date) -> dict[int, str]:
    """Names of units as they stood on ``as_of`` (names change; OR-18)."""
    ids = set(unit_ids)
    if not ids:
        return {}
    rows = UnitVersion.objects.filter(
        unit_id__in=ids, valid_from__lte=as_of, valid_to__gte=as_of
    ).values_list("unit_id", "name")
    return dict(rows)


def to_state(row: dict[str, Any], names: dict[int, str]) -> m.SubjectState:
    scores = m.Scores(**{name: row[name] for name in m.Scores.__slots__})
    name = row["person__full_name"] or names.get(row["unit_id"], str(row["unit_id"]))
    return m.SubjectState(
        pk=m.SubjectPk(row["pk"]),
        cycle_id=m.CycleId(row["cycle_id"]),
        kind=row["kind"],
        unit_id=UnitId(row["unit_id"]),
        person_id=PersonId(row["person_id"]) if row["person_id"] else None,
        parent_unit_id=row["parent_unit_id"],
        decider_id=UnitId(row["decider_id"]),
        group=row["group"],
        exemption=row["exemption"],
        head_unit_id=row["head_unit_id"],
        step=m.Step(row["step"]),
        scores=scores,
        discipline=row["discipline"],
        discipline_self_remedied=row["discipline_self_remedied"],
        sick_leave_months=row["sick_leave_months"],
        months_in_operation=row["months_in_operation"],
        proposed_level=_level(row["proposal__level"]),
        appraised_level=_level(row["appraised_level"]),
        final_level=_level(row["final_level"]),
        version=row["version"],
        name=name,
    )


def cycle_data(c: models.Cycle) -> m.CycleData:
    return m.CycleData(
        year=c.year,
        as_of=c.as_of,
        root_id=UnitId(c.root_id),
        name=c.name,
        rulebook=c.rulebook,
        parameters=c.parameters,
        settings=m.CycleSettings.from_dict(c.settings),
        status=m.CycleStatus(c.status),
        opened_by=c.opened_by,
        opened_at=c.opened_at,
        published_at=c.published_at,
        cycle_id=m.CycleId(c.pk),
    )


class DjangoCycleRepository:
    def add(self, data: m.CycleData) -> m.CycleId:
        row = models.Cycle.objects.create(
            year=data.year,
            as_of=data.as_of,
            root_id=data.root_id,
            name=data.name,
            rulebook=data.rulebook,
            parameters=dict(data.parameters),
            settings=data.settings.as_dict(),
            status=str(data.status),
            opened_by=data.opened_by,
            opened_at=data.opened_at or dt.datetime.now(dt.UTC),
        )
        return m.CycleId(row.pk)

    def get(self, cycle_id: m.CycleId) -> m.CycleData | None:
        row = models.Cycle.objects.filter(pk=cycle_id).first()
        return cycle_data(row) if row else None

    def set_published(self, cycle_id: m.CycleId, at: dt.datetime) -> None:
        models.Cycle.objects.filter(pk=cycle_id).update(status="published", published_at=at)


def _as_of(cycle_id: int) -> dt.date:
    return models.Cycle.objects.values_list("as_of", flat=True).get(pk=cycle_id)


def _states(qs: Any, as_of: dt.date) -> list[m.SubjectState]:
    rows = list(qs.values(*STATE_FIELDS))
    names = unit_names((r["unit_id"] for r in rows if not r["person_id"]), as_of)  # collectives
    return [to_state(r, names) for r in rows]


class DjangoSubjectRepository:
    def add_all(self, cycle_id: m.CycleId, rows: Iterable[m.NewSubject]) -> int:
        marks = ", ".join(["%s"] * len(INSERT_COLUMNS))
        sql = f"INSERT INTO {TABLE} ({', '.join(INSERT_COLUMNS)}) VALUES ({marks})"  # noqa: S608
        count, batch, states = 0, [], Counter[tuple[int, str, str]]()
        with connection.cursor() as cur:
            for s in rows:
                states[(s.top_id, s.kind, "exempt" if s.exemption else "pending")] += 1
                batch.append(
                    (
                        cycle_id, s.kind, s.unit_id, s.person_id, s.parent_unit_id, s.decider_id,
                        s.top_id, s.group, s.group_unit_id, s.exemption, s.head_unit_id,
                        s.discipline, s.discipline_self_remedied, s.sick_leave_months,
                        s.months_in_operation, 0, 0, 0, 0, 0, 0,
                    )
                )  # fmt: skip
                if len(batch) >= BATCH:
                    cur.executemany(sql, batch)
                    count, batch = count + len(batch), []
            if batch:
                cur.executemany(sql, batch)
                count += len(batch)
        models.LevelCount.objects.bulk_create(
            models.LevelCount(cycle_id=cycle_id, top_id=t, kind=k, state=st, subjects=n)
            for (t, k, st), n in states.items()
        )
        return count

    def get(self, pk: m.SubjectPk) -> m.SubjectState | None:
        qs = models.CycleSubject.objects.filter(pk=pk)
        cycle_id = qs.values_list("cycle_id", flat=True).first()
        if cycle_id is None:
            return None
        return _states(qs, _as_of(cycle_id))[0]

    def update(self, pk: m.SubjectPk, **changes: Any) -> None:
        """Write the changes; a new final level moves one subject in the statistics summary,
        a new proposal replaces the subject's row in the proposals table."""
        if "proposed_level" in changes:
            level, rules = changes.pop("proposed_level"), changes.pop("proposed_rules", "")
            proposal_writes.save_proposal(pk, level, rules)
        if not changes:
            return
        if "final_level" in changes:
            level_counts.update_final_level(pk, changes)
        else:
            models.CycleSubject.objects.filter(pk=pk).update(**changes)

    def unit_level(self, cycle_id: m.CycleId, unit_id: UnitId) -> m.UnitLevel:
        row = (
            models.CycleSubject.objects.filter(
                cycle_id=cycle_id, unit_id=unit_id, kind="collective"
            )
            .values_list("final_level", "appraised_level", "proposal__level", "exemption")
            .first()
        )
        if row is None:
            return m.UnitLevel(False, None)
        final, appraised, proposed, exemption = row
        level = final if final is not None else appraised if appraised is not None else proposed
        return m.UnitLevel(level is not None or bool(exemption), _level(level))

    def of_unit(self, cycle_id: m.CycleId, unit_id: UnitId) -> list[m.SubjectState]:
        qs = models.CycleSubject.objects.filter(cycle_id=cycle_id, unit_id=unit_id).order_by(
            "kind", "person__sort_key", "pk"
        )
        return _states(qs, _as_of(cycle_id))

    def of_group(self, cycle_id: m.CycleId, group: str) -> list[m.SubjectState]:
        qs = models.CycleSubject.objects.filter(cycle_id=cycle_id, group=group)
        return _states(qs, _as_of(cycle_id))

    def unfinished_predecessors(self, state: m.SubjectState) -> list[m.Waiting]:
        base = models.CycleSubject.objects.filter(
            cycle_id=state.cycle_id, kind="collective", exemption="", step__lt=4
        )
        if state.kind == "collective":
            qs = base.filter(parent_unit_id=state.unit_id).exclude(unit_id=state.unit_id)
        else:
            units = [state.unit_id] + ([state.head_unit_id] if state.head_unit_id else [])
            qs = base.filter(unit_id__in=units)
        rows = list(qs.values_list("pk", "unit_id")[:50])
        names = unit_names((u for _pk, u in rows), _as_of(state.cycle_id))
        return [m.Waiting(pk, names.get(u, str(u))) for pk, u in rows]

    def undecided_count(self, cycle_id: m.CycleId) -> int:
        return models.CycleSubject.objects.filter(
            cycle_id=cycle_id, exemption="", step__lt=4
        ).count()


class DjangoProposalRepository:
    """Compact rows read in keyset pages; proposals written through ``proposal_writes``."""

    def rows(
        self, cycle_id: m.CycleId, collectives: bool, bounds: m.PkRange | None = None
    ) -> Iterator[list[m.ComputeRow]]:
        op = "=" if collectives else "<>"
        # SQLite: unary plus keeps to the primary key, not the cycle index (keyset pages stay
        # O(n)); PostgreSQL would then scan the table per page: equality is its pk range scan.
        cycle = "+cycle_id" if connection.vendor == "sqlite" else "cycle_id"
        sql = (
            f"SELECT {COMPUTE_COLUMNS} FROM {TABLE} WHERE id > %s AND id <= %s "  # noqa: S608
            f"AND {cycle} = %s AND kind {op} 'collective' ORDER BY id LIMIT %s"
        )
        last, upto = (bounds.after, bounds.up_to) if bounds is not None else (0, 2**62)
        with connection.cursor() as cur:
            while True:
                cur.execute(sql, [last, upto, cycle_id, PAGE])
                chunk = cur.fetchall()
                if not chunk:
                    return
                last = chunk[-1][0]
                yield list(map(m.ROW_OF, chunk))

    def pk_ranges(self, cycle_id: m.CycleId, parts: int) -> list[m.PkRange]:
        """Equal slices of the cycle's id span (a cycle's rows are inserted together)."""
        with connection.cursor() as cur:
            cur.execute(f"SELECT MIN(id), MAX(id) FROM {TABLE} WHERE cycle_id = %s", [cycle_id])  # noqa: S608
            low, high = cur.fetchone()
        if low is None:
            return []
        step = -(-(high - low + 1) // parts)
        edges = [low - 1 + i * step for i in range(parts)] + [high]
        return [m.PkRange(a, b, b - a) for a, b in itertools.pairwise(edges) if b > a]

    def save(self, page: m.ProposalPage) -> None:
        """One page of proposals (see ``proposal_writes``)."""
        proposal_writes.save_proposals(page.rows())


class DjangoStepRecordRepository:
    def add(self, record: m.StepRecordData) -> int:
        row = models.StepRecord.objects.create(
            subject_id=record.subject_pk,
            kind=str(record.kind),
            version=record.version,
            level=None if record.level is None else int(record.level),
            text=record.text,
            data=dict(record.data),
            actor_id=record.actor_id,
            actor_label=record.actor_label,
            at=record.at,
        )
        return int(row.pk)

    def of_subject(self, pk: m.SubjectPk) -> list[m.StepRecordData]:
        return [
            m.StepRecordData(
                m.SubjectPk(r.subject_id),
                m.RecordKind(r.kind),
                r.version,
                _level(r.level),
                r.text,
                r.data,
                r.actor_id,
                r.actor_label,
                r.at,
            )
            for r in models.StepRecord.objects.filter(subject_id=pk).order_by("at", "pk")
        ]


class DjangoComplaintRepository:
    def add(self, data: m.ComplaintData) -> int:
        row = models.Complaint.objects.create(
            subject_id=data.subject_pk, text=data.text, filed_by=data.filed_by, at=data.at
        )
        return int(row.pk)

    def open_for(self, pk: m.SubjectPk) -> m.ComplaintData | None:
        c = models.Complaint.objects.filter(subject_id=pk, resolution__isnull=True).first()
        if c is None:
            return None
        return m.ComplaintData(m.SubjectPk(c.subject_id), c.text, c.filed_by, c.at, c.pk)

    def resolve(self, complaint_id: int, record_id: int) -> None:
        models.Complaint.objects.filter(pk=complaint_id).update(resolution_id=record_id)


class DjangoQuotaRepository:
    def group_counts(self, cycle_id: m.CycleId, group: str | None = None) -> list[m.GroupCount]:
        where, args = "cycle_id = %s", list[int | str]([cycle_id])
        if group is not None:
            where, args = where + ' AND "group" = %s', [cycle_id, group]
        sql = (
            'SELECT "group", group_unit_id, SUM(CASE WHEN lvl = 3 THEN 1 ELSE 0 END), '  # noqa: S608
            'SUM(CASE WHEN lvl = 2 THEN 1 ELSE 0 END) FROM (SELECT "group", group_unit_id, '
            "COALESCE(final_level, appraised_level, p.level) AS lvl "
            f"FROM {TABLE} s LEFT JOIN {proposal_writes.TABLE} p ON p.subject_id = s.id "
            f'WHERE {where}) t GROUP BY "group", group_unit_id ORDER BY "group"'
        )
        with connection.cursor() as cur:
            cur.execute(sql, args)
            return [m.GroupCount(g, UnitId(u), int(x or 0), int(y or 0)) for g, u, x, y in cur]

    def add_resolution(self, data: m.QuotaResolutionData) -> int:
        row = models.QuotaResolution.objects.create(
            cycle_id=data.cycle_id,
            group=data.group,
            lowered=list(data.lowered),
            kept_over=data.kept_over,
            reason=data.reason,
            actor_label=data.actor_label,
            at=data.at,
        )
        return int(row.pk)

    def exceptions(self, cycle_id: m.CycleId) -> dict[str, int]:
        rows = models.QuotaResolution.objects.filter(cycle_id=cycle_id).order_by("at", "pk")
        return {g: k for g, k in rows.values_list("group", "kept_over")}


class DjangoClassificationUnitOfWork(AtomicWork):
    """The cycle's repositories on the default database in one transaction; ``commit()`` or
    everything rolls back."""

    def __init__(self) -> None:
        super().__init__()
        self.cycles = DjangoCycleRepository()
        self.registry = registry_facts.DjangoRegistryFactsRepository()
        self.subjects = DjangoSubjectRepository()
        self.proposals = DjangoProposalRepository()
        self.records = DjangoStepRecordRepository()
        self.complaints = DjangoComplaintRepository()
        self.quotas = DjangoQuotaRepository()
        self.tree = DjangoTreeReader()
        self.audit = DjangoAuditLog()

    def can_fork(self) -> bool:
        return not connection.in_atomic_block

    def release(self) -> None:
        connection.close()


__all__ = ["DisciplineForm", "DjangoClassificationUnitOfWork"]
