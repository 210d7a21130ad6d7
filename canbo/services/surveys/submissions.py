"""Answering a report request: save a draft, submit, correct.

A submitted report is never changed (SV-03): a correction is a new version with its reason. A
report after the deadline is accepted, flagged late and counted (SV-04). Answers are checked
whole against the form; with any problem nothing is stored and every problem is named with its
field, row and column (SV-05).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from canbo.core.errors import Conflict, NotFound, ValidationError
from canbo.core.permissions import Action
from canbo.core.surveys.answers import Answers, FieldError, clean
from canbo.core.surveys.progress import is_late
from canbo.services import access
from canbo.services.ports import Actor

from .forms import cite
from .ports import (
    AssignmentId,
    NewSubmission,
    StoredAssignment,
    StoredForm,
    StoredRequest,
    SurveyUnitOfWork,
)

MAX_REASON = 2000


@dataclass(frozen=True, slots=True)
class Loaded:
    assignment: StoredAssignment
    request: StoredRequest
    form: StoredForm


def _answers_refused(errors: list[FieldError]) -> ValidationError:
    return ValidationError(
        "survey_answers_invalid",
        citation=cite("SV-05"),
        count=len(errors),
        errors=[e.as_dict() for e in errors],
    )


def load_assignment(
    uow: SurveyUnitOfWork, actor: Actor, assignment_id: AssignmentId, *, write: bool = False
) -> Loaded:
    """The assignment, its request and form, for a reader of the unit or of the requester
    (NotFound otherwise); ``write`` asks the right to submit for the unit."""
    with uow:
        found = uow.surveys.get_assignment(assignment_id, lock=write)
        request = uow.surveys.get_request(found.request_id) if found else None
        form = uow.surveys.get_form(request.form_id) if request else None
        if found is None or request is None or form is None:
            raise NotFound("survey_assignment_not_found", assignment_id=assignment_id)
        on = request.as_of
        readers = access.can(actor, Action.READ, found.unit_id, uow.tree, on) or access.can(
            actor, Action.READ, request.requester_id, uow.tree, on
        )
        if not readers:
            raise NotFound("survey_assignment_not_found", assignment_id=assignment_id)
        if write:
            access.require(actor, Action.SUBMIT_REPORTS, found.unit_id, uow.tree, on)
    return Loaded(found, request, form)


def check_answers(form: StoredForm, raw: Mapping[str, Any], *, partial: bool = False) -> Answers:
    """The answers in their stored shape, or a refusal naming every problem."""
    answers, errors = clean(form.spec, raw, partial=partial)
    if errors:
        raise _answers_refused(errors)
    return answers


def save_draft(
    uow: SurveyUnitOfWork,
    actor: Actor,
    assignment_id: AssignmentId,
    raw: Mapping[str, Any],
    *,
    now: dt.datetime,
) -> None:
    """Keep what has been entered so far (a wrong answer is still refused; a missing one is
    not); the unit then shows as in progress."""
    with uow:
        loaded = load_assignment(uow, actor, assignment_id, write=True)
        answers = check_answers(loaded.form, raw, partial=True)
        uow.surveys.save_draft(assignment_id, answers, now)
        uow.audit.append(actor, "survey.draft", "survey_assignment", str(assignment_id), None, None)
        uow.commit()


def _store(
    uow: SurveyUnitOfWork,
    actor: Actor,
    loaded: Loaded,
    answers: Answers,
    *,
    now: dt.datetime,
    today: dt.date,
    source: str,
    reason: str,
) -> int:
    version = loaded.assignment.versions + 1
    late = is_late(loaded.request.deadline, today)
    uow.surveys.add_submission(
        NewSubmission(
            loaded.assignment.id,
            version,
            answers,
            now,
            today,
            actor.account_id,
            actor.label,
            late,
            reason,
            source,
        )
    )
    uow.audit.append(
        actor,
        "survey.submit" if version == 1 else "survey.correct",
        "survey_assignment",
        str(loaded.assignment.id),
        None,
        {"version": version, "late": late, "source": source, "reason": reason},
        {"unit_id": loaded.assignment.unit_id, "request_id": loaded.request.id},
    )
    return version


def submit(
    uow: SurveyUnitOfWork,
    actor: Actor,
    assignment_id: AssignmentId,
    raw: Mapping[str, Any],
    *,
    now: dt.datetime,
    today: dt.date,
    source: str = "web",
) -> int:
    """Submit the unit's report (version 1). After the deadline it is accepted and flagged
    late (SV-04). A unit that has submitted corrects instead (SV-03)."""
    with uow:
        loaded = load_assignment(uow, actor, assignment_id, write=True)
        if loaded.assignment.versions:
            raise Conflict("survey_already_submitted", citation=cite("SV-03"))
        answers = check_answers(loaded.form, raw)
        version = _store(
            uow, actor, loaded, answers, now=now, today=today, source=source, reason=""
        )
        uow.commit()
    return version


def correct(
    uow: SurveyUnitOfWork,
    actor: Actor,
    assignment_id: AssignmentId,
    raw: Mapping[str, Any],
    *,
    reason: str,
    now: dt.datetime,
    today: dt.date,
    source: str = "web",
) -> int:
    """A correction of a submitted report: a new version with its reason (SV-03); the
    earlier versions stay as they were."""
    reason = reason.strip()
    with uow:
        loaded = load_assignment(uow, actor, assignment_id, write=True)
        if not loaded.assignment.versions:
            raise Conflict("survey_not_submitted", citation=cite("SV-03"))
        if not reason or len(reason) > MAX_REASON:
            raise ValidationError(
                "survey_correction_reason_missing", citation=cite("SV-03"), field="reason"
            )
        answers = check_answers(loaded.form, raw)
        version = _store(
            uow, actor, loaded, answers, now=now, today=today, source=source, reason=reason
        )
        uow.commit()
    return version
