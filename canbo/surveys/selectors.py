"""Read models of report requests: the requester's overview (status of every unit, reminders,
aggregates rolled up through the intermediate levels), the progress of a unit's requests (read
by the results reports) and the exported shapes read by the bundle kinds.

The overview reads one row per assigned unit (the current answers are kept on the assignment)
and the roll-up kept per level with each submission (:mod:`canbo.surveys.rollups`), which
follows the path each assignment stored on the request's date (OR-19, OR-20).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, CharField, Count, Q, Value, When

from canbo.core.surveys.forms import FormSpec
from canbo.core.surveys.progress import Aggregate, AssignmentStatus, aggregate, status
from canbo.db.unit_tree import subtree_ids
from canbo.registry.models import OrgUnit, UnitVersion

from . import models as m


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    id: int
    unit_id: int
    unit_name: str
    status: AssignmentStatus
    versions: int
    late: bool
    first_submitted_on: dt.date | None
    reminders: int
    last_reminded_at: dt.datetime | None
    answers: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class Level:
    """An intermediate unit between the requester and the assigned units, with the aggregate
    of the units under it."""

    unit_id: int
    name: str
    assigned: int
    submitted: int
    aggregate: Aggregate


@dataclass(frozen=True, slots=True)
class Overview:
    request: m.SurveyRequest
    spec: FormSpec
    requester_name: str
    counts: dict[AssignmentStatus, int]
    rows: list[AssignmentRow]
    total: Aggregate
    levels: list[Level] = field(default_factory=list)

    @property
    def assigned(self) -> int:
        return len(self.rows)

    @property
    def late_rows(self) -> list[AssignmentRow]:
        """Units late: not submitted after the deadline, or submitted after it."""
        late = (AssignmentStatus.OVERDUE, AssignmentStatus.SUBMITTED_LATE)
        return [r for r in self.rows if r.status in late]


def unit_names(unit_ids: Iterable[int], on: dt.date) -> dict[int, str]:
    """The names of units on a date (one query)."""
    rows = UnitVersion.objects.filter(
        unit_id__in=list(unit_ids), valid_from__lte=on, valid_to__gte=on
    ).values_list("unit_id", "name")
    return dict(rows)


_ROW_FIELDS = (
    "id",
    "unit_id",
    "unit_name",
    "versions",
    "late",
    "first_submitted_on",
    "draft_saved_at",
    "reminders",
    "last_reminded_at",
)


def _head(
    request_id: int,
) -> tuple[m.SurveyRequest, FormSpec, str, Aggregate, list[Level]]:
    """The request, its form, the requester's name, the total and the intermediate levels,
    read from the roll-up kept per level with each submission (nothing recomputed)."""
    request = m.SurveyRequest.objects.select_related("form").get(pk=request_id)
    spec = FormSpec.from_dict(request.form.spec)
    kept = m.RollUp.objects.filter(request_id=request_id).values_list(
        "unit_id", "unit_name", "assigned", "submitted", "state"
    )
    total = aggregate(spec, ())
    requester_name = ""
    levels: list[Level] = []
    for unit, name, assigned, submitted, state in kept:
        if unit == request.requester_id:
            total, requester_name = Aggregate.from_state(spec, state), name
        else:
            agg = Aggregate.from_state(spec, state)
            levels.append(Level(unit, name, assigned, submitted, agg))
    if not requester_name:
        requester_name = unit_names([request.requester_id], request.as_of).get(
            request.requester_id, ""
        )
    return request, spec, requester_name, total, sorted(levels, key=lambda lv: lv.name)


def overview(request_id: int, today: dt.date, *, with_answers: bool = False) -> Overview:
    """Every assigned unit's status, the counts, the total and the intermediate levels (the
    exports). ``with_answers`` reads every unit's current answers too."""
    request, spec, requester_name, total, levels = _head(request_id)
    extra = ("current_answers",) if with_answers else ()
    values = m.Assignment.objects.filter(request_id=request_id).order_by("sort_key")
    rows: list[AssignmentRow] = []
    deadline = request.deadline
    for a in values.values_list(*_ROW_FIELDS, *extra):
        (pk, unit, name, versions, late, first, draft_at, reminders, reminded) = a[:9]
        state = status(deadline, first, draft_at is not None, today)
        current = a[9] if extra else None
        rows.append(
            AssignmentRow(
                pk, unit, name, state, versions, late, first, reminders, reminded, current
            )
        )
    counts = Counter(r.status for r in rows)
    return Overview(
        request,
        spec,
        requester_name,
        {s: counts.get(s, 0) for s in AssignmentStatus},
        rows,
        total,
        levels,
    )


def _status_of(deadline: dt.date, today: dt.date) -> Case:
    """:func:`canbo.core.surveys.progress.status` in SQL (the same order of cases)."""
    st = AssignmentStatus
    cases = [
        When(first_submitted_on__gt=deadline, then=Value(str(st.SUBMITTED_LATE))),
        When(first_submitted_on__isnull=False, then=Value(str(st.SUBMITTED))),
    ]
    if today > deadline:
        cases.append(When(pk__isnull=False, then=Value(str(st.OVERDUE))))
    cases.append(When(draft_saved_at__isnull=False, then=Value(str(st.IN_PROGRESS))))
    return Case(*cases, default=Value(str(st.NOT_STARTED)), output_field=CharField())


@dataclass(frozen=True, slots=True)
class OverviewPage:
    """What the overview page shows: the counts, the late units, one page of units (of the
    status asked, if any), the total and the levels. The counts, the late list and the page
    are read in SQL, so a request to thousands of units costs three short queries."""

    request: m.SurveyRequest
    spec: FormSpec
    requester_name: str
    counts: dict[AssignmentStatus, int]
    total: Aggregate
    levels: list[Level]
    late: list[tuple[str, AssignmentStatus]]
    shown: list[AssignmentRow]
    matching: int
    number: int
    pages: int
    names: dict[int, str]

    @property
    def assigned(self) -> int:
        return sum(self.counts.values())


def _text_units(total: Aggregate) -> set[int]:
    out: set[int] = set()
    for agg in total.fields.values():
        for found in (agg, *agg.columns.values()):
            out.update(int(u) for u, _text in found.texts)
    return out


def overview_page(
    request_id: int, today: dt.date, *, wanted: str = "", number: int = 1, size: int = 50
) -> OverviewPage:
    """The overview page's reads: counts, late units and the ``number``-th page of ``size``
    units (those of status ``wanted`` when given), in the units' order."""
    request, spec, requester_name, total, levels = _head(request_id)
    units = m.Assignment.objects.filter(request_id=request_id).annotate(
        st=_status_of(request.deadline, today)
    )
    found = dict(units.order_by().values_list("st").annotate(n=Count("pk")).values_list("st", "n"))
    counts = {s: found.get(str(s), 0) for s in AssignmentStatus}
    late_states = [str(AssignmentStatus.OVERDUE), str(AssignmentStatus.SUBMITTED_LATE)]
    late = [
        (name, AssignmentStatus(st))
        for name, st in units.filter(st__in=late_states)
        .order_by("sort_key")
        .values_list("unit_name", "st")
    ]
    known = {str(s): n for s, n in counts.items()}
    matching = known.get(wanted, 0) if wanted else sum(counts.values())
    pages = max(1, -(-matching // size))
    number = min(max(number, 1), pages)
    shown_rows = units.filter(st=wanted) if wanted else units
    shown = [
        AssignmentRow(
            pk, unit, name, AssignmentStatus(st), versions, flag, first, reminders, at, None
        )
        for pk, unit, name, versions, flag, first, _d, reminders, at, st in shown_rows.order_by(
            "sort_key"
        ).values_list(*_ROW_FIELDS, "st")[(number - 1) * size : number * size]
    ]
    ids = _text_units(total)
    names = dict(
        m.Assignment.objects.filter(request_id=request_id, unit_id__in=ids).values_list(
            "unit_id", "unit_name"
        )
        if ids
        else []
    )
    return OverviewPage(
        request,
        spec,
        requester_name,
        counts,
        total,
        levels,
        late,
        shown,
        matching,
        number,
        pages,
        names,
    )


@dataclass(frozen=True, slots=True)
class RequestProgress:
    """How far a request has come (for the results reports and dashboards)."""

    request_id: int
    title: str
    form_code: str
    as_of: dt.date
    deadline: dt.date
    assigned: int
    submitted: int
    submitted_late: int
    not_submitted: int
    overdue: bool

    @property
    def late(self) -> int:
        """Units late: submitted after the deadline, or (past it) not submitted."""
        return self.submitted_late + (self.not_submitted if self.overdue else 0)


def request_progress(unit_id: int, today: dt.date | None = None) -> list[RequestProgress]:
    """The requests sent by ``unit_id``, newest first, with their counts (one query)."""
    today = today or dt.datetime.now(dt.UTC).date()
    rows = (
        m.SurveyRequest.objects.filter(requester_id=unit_id)
        .annotate(
            n=Count("assignments"),
            done=Count("assignments", filter=Q(assignments__versions__gt=0)),
            done_late=Count("assignments", filter=Q(assignments__late=True)),
        )
        .order_by("-as_of", "-pk")
        .values_list("pk", "title", "form__code", "as_of", "deadline", "n", "done", "done_late")
    )
    return [
        RequestProgress(pk, title, code, as_of, deadline, n, done, late, n - done, today > deadline)
        for pk, title, code, as_of, deadline, n, done, late in rows
    ]


def requests_sent(unit_ids: Iterable[int] | None) -> list[m.SurveyRequest]:
    """Requests whose requester is one of ``unit_ids`` (None: all), newest first."""
    rows = m.SurveyRequest.objects.select_related("form").order_by("-as_of", "-pk")
    if unit_ids is not None:
        rows = rows.filter(requester_id__in=list(unit_ids))
    return list(rows[:200])


def assignments_of(unit_ids: Iterable[int] | None) -> list[m.Assignment]:
    """The requests ``unit_ids`` must answer (None: all), newest first."""
    rows = m.Assignment.objects.select_related("request", "request__form").order_by(
        "-request__as_of", "sort_key"
    )
    if unit_ids is not None:
        rows = rows.filter(unit_id__in=list(unit_ids))
    return list(rows[:200])


def versions_of(assignment_id: int) -> list[m.Submission]:
    return list(m.Submission.objects.filter(assignment_id=assignment_id).order_by("-version"))


def reminders_of(assignment_id: int) -> list[m.Reminder]:
    return list(m.Reminder.objects.filter(assignment_id=assignment_id).order_by("-sent_at"))


def forms_of(unit_ids: Iterable[int] | None) -> list[m.SurveyForm]:
    rows = m.SurveyForm.objects.order_by("code", "-version")
    if unit_ids is not None:
        rows = rows.filter(owner_id__in=list(unit_ids))
    return list(rows[:200])


# --- The shapes the bundle kinds carry (survey_submissions up, report_forms down) ----------


def request_key(request: m.SurveyRequest) -> str:
    """A request's key across installations: the sender's key when it was received from the
    level above, else the requester's code and the local id."""
    return request.origin_key or f"{request.requester.code}:{request.pk}"


def export_submissions(
    scope_unit_id: int, period_start: dt.date, period_end: dt.date
) -> list[dict[str, Any]]:
    """Every submission version of the units in the scope's subtree (as of the period's end)
    submitted within the period: ``{"unit", "key", ...}`` records, oldest first."""
    units = subtree_ids(scope_unit_id, period_end)
    rows = (
        m.Submission.objects.filter(
            assignment__unit_id__in=units,
            submitted_on__gte=period_start,
            submitted_on__lte=period_end,
        )
        .select_related(
            "assignment__unit", "assignment__request__requester", "assignment__request__form"
        )
        .order_by("submitted_at", "pk")
    )
    out = []
    for s in rows:
        request = s.assignment.request
        key = request_key(request)
        out.append(
            {
                "unit": s.assignment.unit.code,
                "key": f"{key}/{s.version}",
                "request": key,
                "requester": request.requester.code,
                "form": {"code": request.form.code, "version": request.form.version},
                "title": request.title,
                "deadline": request.deadline.isoformat(),
                "version": s.version,
                "answers": s.answers,
                "submitted_at": s.submitted_at.isoformat(),
                "submitted_on": s.submitted_on.isoformat(),
                "late": s.late,
                "reason": s.reason,
                "source": s.source,
            }
        )
    return out


def export_requests(
    scope_unit_id: int, period_start: dt.date, period_end: dt.date
) -> list[dict[str, Any]]:
    """The requests dated within the period that reach units of the scope's subtree, with
    their forms: ``{"unit": requester code, "key", "form": spec, ...}`` records."""
    units = subtree_ids(scope_unit_id, period_end)
    requests = (
        m.SurveyRequest.objects.filter(
            as_of__gte=period_start,
            as_of__lte=period_end,
            assignments__unit_id__in=units,
        )
        .distinct()
        .select_related("form", "requester")
        .order_by("as_of", "pk")
    )
    return [
        {
            "unit": r.requester.code,
            "key": request_key(r),
            "form": r.form.spec,
            "title": r.title,
            "note": r.note,
            "target_kind": r.target_kind,
            "as_of": r.as_of.isoformat(),
            "deadline": r.deadline.isoformat(),
        }
        for r in requests
    ]


def unit_by_code(code: str) -> int | None:
    return OrgUnit.objects.filter(code=code).values_list("pk", flat=True).first()
