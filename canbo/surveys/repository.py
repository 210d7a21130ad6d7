"""The Django adapters of the survey ports: forms, requests, assignments, submissions and
reminders, and the units a request reaches on the tree of its date (OR-19)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import connection

from canbo.core.surveys.forms import FormSpec
from canbo.core.types import UnitId
from canbo.db.unit_tree import SUBTREE
from canbo.registry.models import OrgUnit, UnitVersion
from canbo.services.surveys.ports import (
    AssignmentId,
    FormId,
    NewRequest,
    NewSubmission,
    RequestId,
    StoredAssignment,
    StoredForm,
    StoredRequest,
    Target,
)

from . import models as m
from . import rollups

_SUBTREE_UNITS = (
    SUBTREE
    + """SELECT v.unit_id, v.parent_id, v.kind, v.name, v.sort_key
FROM down JOIN registry_unitversion v ON v.unit_id = down.unit_id
WHERE v.valid_from <= %s AND v.valid_to >= %s"""
)


def _assignment(row: m.Assignment) -> StoredAssignment:
    return StoredAssignment(
        AssignmentId(row.pk),
        RequestId(row.request_id),
        UnitId(row.unit_id),
        row.unit_name,
        row.versions,
        row.first_submitted_on,
        row.draft is not None,
    )


class DjangoSurveyRepository:
    def form_exists(self, code: str, version: int) -> FormId | None:
        pk = m.SurveyForm.objects.filter(code=code, version=version).values_list("pk", flat=True)
        found = pk.first()
        return FormId(found) if found is not None else None

    def add_form(
        self, spec: FormSpec, owner_id: UnitId, created_at: dt.datetime, created_by: int | None
    ) -> FormId:
        row = m.SurveyForm.objects.create(
            code=spec.code,
            version=spec.version,
            title=spec.title,
            spec=spec.as_dict(),
            owner_id=owner_id,
            created_at=created_at,
            created_by=created_by,
        )
        return FormId(row.pk)

    def get_form(self, form_id: FormId) -> StoredForm | None:
        row = m.SurveyForm.objects.filter(pk=form_id).first()
        if row is None:
            return None
        in_use = m.SurveyRequest.objects.filter(form_id=form_id).exists()
        return StoredForm(
            FormId(row.pk), UnitId(row.owner_id), FormSpec.from_dict(row.spec), in_use
        )

    def add_request(self, request: NewRequest, targets: Sequence[Target]) -> RequestId:
        row = m.SurveyRequest.objects.create(
            form_id=request.form_id,
            requester_id=request.requester_id,
            title=request.title,
            note=request.note,
            target_kind=request.target_kind,
            as_of=request.as_of,
            deadline=request.deadline,
            created_at=request.created_at,
            created_by=request.created_by,
            origin_key=request.origin_key,
        )
        m.Assignment.objects.bulk_create(
            [
                m.Assignment(
                    request=row,
                    unit_id=t.unit_id,
                    unit_name=t.name,
                    sort_key=t.sort_key,
                    chain=[int(u) for u in t.chain],
                )
                for t in targets
            ],
            batch_size=1000,
        )
        chains = [[int(u) for u in t.chain] for t in targets]
        rollups.create(row.pk, int(request.requester_id), request.as_of, chains)
        return RequestId(row.pk)

    def get_request(self, request_id: RequestId) -> StoredRequest | None:
        row = m.SurveyRequest.objects.filter(pk=request_id).first()
        if row is None:
            return None
        return StoredRequest(
            RequestId(row.pk),
            FormId(row.form_id),
            UnitId(row.requester_id),
            row.title,
            row.target_kind,
            row.as_of,
            row.deadline,
        )

    def request_by_origin(self, origin_key: str) -> RequestId | None:
        found = m.SurveyRequest.objects.filter(origin_key=origin_key).values_list("pk", flat=True)
        pk = found.first() if origin_key else None
        return RequestId(pk) if pk is not None else None

    def get_assignment(
        self, assignment_id: AssignmentId, *, lock: bool = False
    ) -> StoredAssignment | None:
        rows = m.Assignment.objects.filter(pk=assignment_id)
        if lock:
            rows = rows.select_for_update()
        row = rows.first()
        return _assignment(row) if row is not None else None

    def open_assignments(self, request_id: RequestId) -> list[StoredAssignment]:
        rows = m.Assignment.objects.filter(request_id=request_id, versions=0).order_by("sort_key")
        return [_assignment(r) for r in rows]

    def save_draft(
        self, assignment_id: AssignmentId, answers: Mapping[str, Any], at: dt.datetime
    ) -> None:
        m.Assignment.objects.filter(pk=assignment_id).update(draft=dict(answers), draft_saved_at=at)

    def add_submission(self, submission: NewSubmission) -> None:
        m.Submission.objects.create(
            assignment_id=submission.assignment_id,
            version=submission.version,
            answers=dict(submission.answers),
            submitted_at=submission.submitted_at,
            submitted_on=submission.submitted_on,
            submitted_by=submission.submitted_by,
            submitted_by_label=submission.submitted_by_label[:150],
            late=submission.late,
            reason=submission.reason,
            source=submission.source,
        )
        changes: dict[str, Any] = {
            "versions": submission.version,
            "current_answers": dict(submission.answers),
            "draft": None,
            "draft_saved_at": None,
        }
        if submission.version == 1:
            changes |= {"first_submitted_on": submission.submitted_on, "late": submission.late}
        rows = m.Assignment.objects.filter(pk=submission.assignment_id)
        rows.update(**changes)
        if submission.version == 1:
            rollups.add_first_report(submission.assignment_id, submission.answers)
        else:
            rollups.replace_report(submission.assignment_id)

    def add_reminder(
        self, assignment_id: AssignmentId, at: dt.datetime, by: int | None, by_label: str, note: str
    ) -> None:
        m.Reminder.objects.create(
            assignment_id=assignment_id,
            sent_at=at,
            sent_by=by,
            sent_by_label=by_label[:150],
            note=note,
        )
        row = m.Assignment.objects.get(pk=assignment_id)
        m.Assignment.objects.filter(pk=assignment_id).update(
            reminders=row.reminders + 1, last_reminded_at=at
        )


class DjangoUnitDirectory:
    def is_valid_on(self, unit_id: UnitId, on: dt.date) -> bool:
        return UnitVersion.objects.filter(
            unit_id=unit_id, valid_from__lte=on, valid_to__gte=on
        ).exists()

    def life_day(self, unit_id: UnitId, on: dt.date) -> dt.date:
        found = OrgUnit.objects.filter(pk=unit_id).values_list("valid_from", "valid_to").first()
        return min(max(on, found[0]), found[1]) if found else on

    def targets(self, root_id: UnitId, kind: str, on: dt.date) -> list[Target]:
        with connection.cursor() as cur:
            cur.execute(_SUBTREE_UNITS, [root_id, on, on, on, on])
            rows = cur.fetchall()
        parents = {int(r[0]): r[1] for r in rows}
        found: dict[int, Target] = {}
        for unit_id, _parent, unit_kind, name, sort_key in rows:
            if unit_kind != kind or int(unit_id) == int(root_id) or int(unit_id) in found:
                continue
            chain = [UnitId(int(unit_id))]
            while chain[-1] != root_id and parents.get(chain[-1]) is not None and len(chain) < 32:
                chain.append(UnitId(int(parents[chain[-1]])))
            found[int(unit_id)] = Target(UnitId(int(unit_id)), name, sort_key, tuple(chain))
        return sorted(found.values(), key=lambda t: t.sort_key)
