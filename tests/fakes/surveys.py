"""In-memory units of work of report requests and surveys (type-check as the ports)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from canbo.core.surveys.forms import FormSpec
from canbo.core.types import UnitId
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
from tests.fakes.elections import FakeTree
from tests.fakes.kernel import FakeAuditLog, FakeTransaction


@dataclass(frozen=True, slots=True)
class FakeUnit:
    parent: UnitId | None
    kind: str
    name: str
    since: dt.date = dt.date(2010, 1, 1)
    until: dt.date = dt.date(9999, 12, 31)


class FakeSurveyRepository:
    def __init__(self) -> None:
        self.forms: dict[FormId, tuple[FormSpec, UnitId]] = {}
        self.requests: dict[RequestId, NewRequest] = {}
        self.assignments: dict[AssignmentId, StoredAssignment] = {}
        self.submissions: list[NewSubmission] = []
        self.drafts: dict[AssignmentId, Mapping[str, Any]] = {}
        self.reminders: list[tuple[AssignmentId, str]] = []

    def form_exists(self, code: str, version: int) -> FormId | None:
        return next(
            (k for k, (s, _) in self.forms.items() if (s.code, s.version) == (code, version)), None
        )

    def add_form(
        self, spec: FormSpec, owner_id: UnitId, created_at: dt.datetime, created_by: int | None
    ) -> FormId:
        form_id = FormId(len(self.forms) + 1)
        self.forms[form_id] = (spec, owner_id)
        return form_id

    def get_form(self, form_id: FormId) -> StoredForm | None:
        if form_id not in self.forms:
            return None
        spec, owner = self.forms[form_id]
        in_use = any(r.form_id == form_id for r in self.requests.values())
        return StoredForm(form_id, owner, spec, in_use)

    def add_request(self, request: NewRequest, targets: Sequence[Target]) -> RequestId:
        request_id = RequestId(len(self.requests) + 1)
        self.requests[request_id] = request
        for t in targets:
            aid = AssignmentId(len(self.assignments) + 1)
            self.assignments[aid] = StoredAssignment(
                aid, request_id, t.unit_id, t.name, 0, None, False
            )
        return request_id

    def get_request(self, request_id: RequestId) -> StoredRequest | None:
        r = self.requests.get(request_id)
        if r is None:
            return None
        return StoredRequest(
            request_id, r.form_id, r.requester_id, r.title, r.target_kind, r.as_of, r.deadline
        )

    def request_by_origin(self, origin_key: str) -> RequestId | None:
        return next(
            (k for k, r in self.requests.items() if origin_key and r.origin_key == origin_key),
            None,
        )

    def get_assignment(
        self, assignment_id: AssignmentId, *, lock: bool = False
    ) -> StoredAssignment | None:
        return self.assignments.get(assignment_id)

    def open_assignments(self, request_id: RequestId) -> list[StoredAssignment]:
        return [
            a for a in self.assignments.values() if a.request_id == request_id and not a.versions
        ]

    def save_draft(
        self, assignment_id: AssignmentId, answers: Mapping[str, Any], at: dt.datetime
    ) -> None:
        self.drafts[assignment_id] = dict(answers)
        self.assignments[assignment_id] = replace(self.assignments[assignment_id], has_draft=True)

    def add_submission(self, submission: NewSubmission) -> None:
        self.submissions.append(submission)
        a = self.assignments[submission.assignment_id]
        first = a.first_submitted_on if a.versions else submission.submitted_on
        self.assignments[a.id] = replace(
            a, versions=submission.version, first_submitted_on=first, has_draft=False
        )

    def add_reminder(
        self, assignment_id: AssignmentId, at: dt.datetime, by: int | None, by_label: str, note: str
    ) -> None:
        self.reminders.append((assignment_id, note))


class FakeUnitDirectory:
    def __init__(self, units: Mapping[UnitId, FakeUnit]) -> None:
        self.units = dict(units)

    def is_valid_on(self, unit_id: UnitId, on: dt.date) -> bool:
        unit = self.units.get(unit_id)
        return unit is not None and unit.since <= on <= unit.until

    def life_day(self, unit_id: UnitId, on: dt.date) -> dt.date:
        unit = self.units.get(unit_id)
        return min(max(on, unit.since), unit.until) if unit else on

    def targets(self, root_id: UnitId, kind: str, on: dt.date) -> list[Target]:
        found = []
        for unit_id, unit in sorted(self.units.items()):
            if unit.kind != kind or unit_id == root_id or not self.is_valid_on(unit_id, on):
                continue
            chain = [unit_id]
            while chain[-1] != root_id and self.units[chain[-1]].parent is not None:
                parent = self.units[chain[-1]].parent
                assert parent is not None
                chain.append(parent)
            if chain[-1] == root_id:
                found.append(Target(unit_id, unit.name, unit.name, tuple(chain)))
        return found


class FakeSurveyUnitOfWork(FakeTransaction):
    def __init__(self, units: Mapping[UnitId, FakeUnit]) -> None:
        super().__init__()
        self.surveys = FakeSurveyRepository()
        self.units = FakeUnitDirectory(units)
        self.tree = FakeTree(
            {k: u.parent for k, u in units.items()}  # the tree does not change in these tests
        )
        self.audit = FakeAuditLog()

    def _repositories(self) -> list[object]:
        return [self.surveys, self.audit]
