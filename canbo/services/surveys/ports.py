"""Ports of report requests and surveys; the Django app :mod:`canbo.surveys` provides the
adapters (``DjangoSurveyUnitOfWork``) and ``tests/fakes/surveys.py`` the in-memory ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NewType, Protocol

from canbo.core.surveys.forms import FormSpec
from canbo.core.types import UnitId
from canbo.services.ports import AuditLog, Transaction, TreeReader

FormId = NewType("FormId", int)
RequestId = NewType("RequestId", int)
AssignmentId = NewType("AssignmentId", int)


@dataclass(frozen=True, slots=True)
class StoredForm:
    id: FormId
    owner_id: UnitId
    spec: FormSpec
    in_use: bool  # a request has been sent with it: never changed again


@dataclass(frozen=True, slots=True)
class Target:
    """A unit a request goes to: its name on the request's date and its path up to the
    requester (the unit first, the requester last)."""

    unit_id: UnitId
    name: str
    sort_key: str
    chain: tuple[UnitId, ...]


@dataclass(frozen=True, slots=True)
class NewRequest:
    form_id: FormId
    requester_id: UnitId
    title: str
    note: str
    target_kind: str
    as_of: dt.date
    deadline: dt.date
    created_at: dt.datetime
    created_by: int | None
    origin_key: str = ""


@dataclass(frozen=True, slots=True)
class StoredRequest:
    id: RequestId
    form_id: FormId
    requester_id: UnitId
    title: str
    target_kind: str
    as_of: dt.date
    deadline: dt.date


@dataclass(frozen=True, slots=True)
class StoredAssignment:
    id: AssignmentId
    request_id: RequestId
    unit_id: UnitId
    unit_name: str
    versions: int
    first_submitted_on: dt.date | None
    has_draft: bool


@dataclass(frozen=True, slots=True)
class NewSubmission:
    assignment_id: AssignmentId
    version: int
    answers: Mapping[str, Any]
    submitted_at: dt.datetime
    submitted_on: dt.date
    submitted_by: int | None
    submitted_by_label: str
    late: bool
    reason: str
    source: str


class SurveyRepository(Protocol):
    def form_exists(self, code: str, version: int) -> FormId | None: ...

    def add_form(
        self, spec: FormSpec, owner_id: UnitId, created_at: dt.datetime, created_by: int | None
    ) -> FormId: ...

    def get_form(self, form_id: FormId) -> StoredForm | None: ...

    def add_request(self, request: NewRequest, targets: Sequence[Target]) -> RequestId: ...

    def get_request(self, request_id: RequestId) -> StoredRequest | None: ...

    def request_by_origin(self, origin_key: str) -> RequestId | None: ...

    def get_assignment(
        self, assignment_id: AssignmentId, *, lock: bool = False
    ) -> StoredAssignment | None: ...

    def open_assignments(self, request_id: RequestId) -> list[StoredAssignment]:
        """The assignments of a request with no submission yet."""
        ...

    def save_draft(
        self, assignment_id: AssignmentId, answers: Mapping[str, Any], at: dt.datetime
    ) -> None: ...

    def add_submission(self, submission: NewSubmission) -> None:
        """Store a new version and make it the assignment's current answers (the first one
        also sets the assignment's first submission day and late flag); clears the draft."""
        ...

    def add_reminder(
        self, assignment_id: AssignmentId, at: dt.datetime, by: int | None, by_label: str, note: str
    ) -> None: ...


class UnitDirectory(Protocol):
    def is_valid_on(self, unit_id: UnitId, on: dt.date) -> bool:
        """True when the unit exists (has a version) on ``on`` (OR-19)."""
        ...

    def life_day(self, unit_id: UnitId, on: dt.date) -> dt.date:
        """``on`` held within the unit's life (its first or last day when outside it), so that
        access is checked on a day the unit stood in the tree."""
        ...

    def targets(self, root_id: UnitId, kind: str, on: dt.date) -> list[Target]:
        """The units of ``kind`` in the subtree of ``root_id`` as of ``on`` (the root excluded)."""
        ...


class SurveyUnitOfWork(Transaction, Protocol):
    """Read-only attributes, so that an in-memory fake's own repository types conform."""

    @property
    def surveys(self) -> SurveyRepository: ...

    @property
    def units(self) -> UnitDirectory: ...

    @property
    def tree(self) -> TreeReader: ...

    @property
    def audit(self) -> AuditLog: ...
