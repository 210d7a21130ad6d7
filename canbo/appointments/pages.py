"""What the appointment pages show, read through the use cases and the process's rows; the
stored values reach the templates as labels."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import get_language

from canbo.accounts.actors import actor_for
from canbo.core.clock import SystemClock
from canbo.core.errors import DomainError
from canbo.core.types import READ_ROLES, UnitId
from canbo.registry import models as reg
from canbo.registry.pickers import bind_pickers
from canbo.services.access import can_reach
from canbo.services.appointments import processes, reappointment
from canbo.services.appointments.ports import ProcessId, StepStatus
from canbo.services.ports import Actor

from . import choices, forms
from . import models as m
from .uow import DjangoAppointmentsUnitOfWork

CHECKS: tuple[tuple[str, str, str], ...] = (
    ("planning", "AP-02", "Quy hoạch"),
    ("tenure", "AP-03", "Thời gian giữ chức vụ hiện tại"),
    ("dossier", "AP-04", "Hồ sơ đã được xác minh"),
    ("age_full_term", "AP-06", "Tuổi bổ nhiệm lần đầu"),
    ("health", "AP-07", "Sức khỏe"),
    ("discipline", "AP-08", "Kỷ luật"),
    ("complaints", "AP-19", "Đơn thư khiếu nại, tố cáo"),
    ("confidence", "PL-10", "Kết quả lấy phiếu tín nhiệm"),
)
"""The conditions a special-case decision may lift, with their rule (AP-02, PC-12)."""


def _english() -> bool:
    return (get_language() or "vi").startswith("en")


def check_choices() -> list[tuple[str, str]]:
    from django.utils.translation import gettext

    return [(key, gettext(label)) for key, _rule, label in CHECKS]


def rule_of_check(key: str) -> str:
    return next((rule for k, rule, _ in CHECKS if k == key), "AP-02")


def _label(choice: Any, value: str) -> str:
    return str(dict(choice.choices).get(value, ""))


def list_context(actor: Actor) -> dict[str, Any]:
    today = SystemClock().today()
    tree = DjangoAppointmentsUnitOfWork().tree
    rows = []
    qs = m.AppointmentProcess.objects.select_related("title").order_by("-started_on", "-id")[:200]
    names = _unit_names({r.unit_id for r in qs}, today)
    reach: dict[tuple[int, dt.date], bool] = {}  # one scope check per unit and day
    for r in qs:
        key = (r.unit_id, r.started_on)
        if key not in reach:
            reach[key] = can_reach(actor, UnitId(r.unit_id), tree, r.started_on, READ_ROLES)
        if not reach[key]:
            continue
        rows.append(
            {
                "id": r.pk,
                "title": r.title.name,
                "unit": names.get(r.unit_id, ""),
                "kind": _label(choices.ProcessKind, r.kind),
                "status": _label(choices.ProcessStatus, r.status),
                "started_on": r.started_on,
            }
        )
    return {"rows": rows}


def _unit_names(ids: set[int], on: dt.date) -> dict[int, str]:
    out: dict[int, str] = {}
    versions = reg.UnitVersion.objects.filter(unit_id__in=ids).order_by("valid_from")
    for v in versions.values_list("unit_id", "name", "valid_from"):
        if v[2] <= on or v[0] not in out:
            out[v[0]] = v[1]
    return out


def candidate_names(actor: Actor, pid: ProcessId) -> list[tuple[int, str]]:
    uow = DjangoAppointmentsUnitOfWork()
    with uow:
        processes.require_process(uow, actor, pid)
        return [(int(c.person_id), c.full_name) for c in uow.processes.candidates(pid) if c.active]


def detail_context(request: HttpRequest, pid: ProcessId, today: dt.date) -> dict[str, Any]:
    actor = actor_for(request.user)
    uow = DjangoAppointmentsUnitOfWork()
    with uow:
        data = processes.require_process(uow, actor, pid)
        rows = uow.processes.steps(pid)
        candidates = uow.processes.candidates(pid)
        title = uow.processes.title(data.title_id)
        overrides = uow.processes.overrides(pid)
        recusals = uow.processes.recusals(pid)
        items = uow.processes.dossier_items(pid)
        referrals = uow.processes.referrals(pid)
    names = {int(c.person_id): c.full_name for c in candidates}
    steps = []
    pending_seen = busy = False  # busy: an earlier step is convened and not closed yet
    for s in rows:
        outcome = processes.visible_outcome(rows, s)
        next_step = s.status is StepStatus.PENDING and not pending_seen and not busy
        if s.status is StepStatus.PENDING:
            pending_seen = True
        elif s.status is not StepStatus.CLOSED:
            busy = True
        steps.append(
            {
                "kind": str(s.kind),
                "label": _label(choices.StepKind, str(s.kind)),
                "status": _label(choices.StepStatus, str(s.status)),
                "raw_status": str(s.status),
                "has_ballot": s.ballot != "none",
                "sealed": s.sealed,
                "sealed_hidden": s.sealed and s.outcome is not None and outcome is None,
                "outcome": _outcome_view(outcome, names),
                "session_id": s.session_id,
                "conference_id": s.conference_id,
                "convened": s.convened,
                "present": s.present,
                "opened_on": s.opened_on,
                "closed_on": s.closed_on,
                "is_next": next_step and data.status.value in ("open", "ready"),
                "referrals": [r for r in referrals if r.step_id == s.step_id],
            }
        )
    active = [(int(c.person_id), c.full_name) for c in candidates if c.active]
    conditions = _conditions(actor, pid, data, today)

    def bind(form: Any) -> Any:
        bind_pickers(form, actor, today)
        return form

    return {
        "p": data,
        "kind": _label(choices.ProcessKind, str(data.kind)),
        "status": _label(choices.ProcessStatus, str(data.status)),
        "title": title,
        "unit": _unit_names({int(data.unit_id)}, today).get(int(data.unit_id), ""),
        "candidates": [
            {
                "name": c.full_name,
                "active": c.active,
                "source": _label(choices.CandidateSource, str(c.source)),
            }
            for c in candidates
        ],
        "steps": steps,
        "conditions": conditions,
        "overrides": [
            {
                "o": o,
                "name": names.get(int(o.person_id), ""),
                "check": dict(check_choices()).get(o.check_key, ""),
            }
            for o in overrides
        ],
        "recusals": [
            {
                "r": r,
                "name": _person_name(int(r.person_id)),
                "role": _label(choices.ParticipantRole, r.role),
                "outcome": _label(choices.RecusalOutcome, str(r.outcome)),
            }
            for r in recusals
        ],
        "items": [
            {
                "i": i,
                "name": names.get(int(i.person_id), ""),
                "item": dict(_dossier_labels()).get(i.item, ""),
            }
            for i in items
        ],
        "convene_form": bind(forms.ConveneForm()),
        "close_form": forms.CloseForm(initial={"closed_on": today}),
        "ballot_form": forms.BallotForm(),
        "referral_form": forms.ReferralForm(names=active),
        "dossier_form": forms.DossierForm(initial={"received_on": data.dossier_received_on}),
        "item_form": bind(forms.DossierItemForm(names=active, items=_dossier_labels())),
        "override_form": forms.OverrideForm(names=active, checks=check_choices()),
        "decide_form": bind(
            forms.DecideForm(
                names=active,
                initial={
                    "decided_on": today,
                    "signed_on": today,
                    "effective_on": today,
                    "decider": int(data.decider_id) if data.decider_id else None,
                },
            )
        ),
        "decider_form": bind(
            forms.DeciderForm(
                initial={
                    "decider": int(data.decider_id) if data.decider_id else None,
                    "deciding_unit": int(data.deciding_unit_id) if data.deciding_unit_id else None,
                }
            )
        ),
        "decider_name": _person_name(int(data.decider_id)) if data.decider_id else "",
        "deciding_unit_name": _unit_names({int(data.deciding_unit_id)}, today).get(
            int(data.deciding_unit_id), ""
        )
        if data.deciding_unit_id
        else "",
        "can_name_decider": str(data.status) in ("open", "stopped", "ready"),
        # A decided or ended process is read only: no write form is shown (the use cases
        # refuse the writes too).
        "writable": str(data.status) in ("open", "stopped", "ready"),
        "complaint_blocks": _complaint_blocks(active, data.decided_on or today),
        "can_decide": str(data.status) == "ready",
        "control_panel": False,
    }


def _complaint_blocks(active: list[tuple[int, str]], on: dt.date) -> list[dict[str, Any]]:
    """The candidates still on the list whose open complaints hold the next step (AP-19)."""
    from canbo.services.appointments import complaints as complaint_rules

    from .complaints import _data

    rows = m.Complaint.objects.filter(person_id__in=[pid for pid, _name in active])
    count: dict[int, int] = {}
    for row in rows:
        if complaint_rules.blocks(_data(row), on):
            count[row.person_id] = count.get(row.person_id, 0) + 1
    return [{"name": name, "count": count[pid]} for pid, name in active if pid in count]


def _dossier_labels() -> list[tuple[str, str]]:
    from .views import dossier_choices

    return dossier_choices()


def _person_name(pid: int) -> str:
    return reg.Person.objects.filter(pk=pid).values_list("full_name", flat=True).first() or ""


def _outcome_view(outcome: Any, names: dict[int, str]) -> dict[str, Any] | None:
    if outcome is None:
        return None
    english = _english()
    return {
        "message": outcome.get("message_en" if english else "message_vi", ""),
        "rule": outcome.get("rule", ""),
        "carried": [names.get(int(p), "") for p in outcome.get("carried", [])],
        "votes": sorted(
            ((names.get(int(p), ""), v) for p, v in (outcome.get("votes") or {}).items()),
            key=lambda x: -x[1],
        ),
        "valid": outcome.get("valid_ballots"),
        "denominator": outcome.get("denominator"),
        "needs_decision": outcome.get("needs_decision", False),
        "referral": outcome.get("referral"),
    }


def _conditions(actor: Actor, pid: ProcessId, data: Any, today: dt.date) -> list[dict[str, Any]]:
    on = data.decided_on or today  # the record itself is read before the decision took effect
    try:
        found = processes.conditions(DjangoAppointmentsUnitOfWork(), actor, pid, on)
    except DomainError:
        return []
    english = _english()
    out = []
    for person_id, result in found.items():
        out.append(
            {
                "name": _person_name(int(person_id)),
                "eligible": result.eligible,
                "checks": [c.as_dict(english=english) for c in result.checks],
            }
        )
    return out


def reappointment_context(actor: Actor, today: dt.date) -> dict[str, Any]:
    cases = reappointment.due(DjangoAppointmentsUnitOfWork(), actor, today)
    # Only the cases of units the clerk reads: the service checks the scope (no names leak).
    opened = reappointment.readable(
        DjangoAppointmentsUnitOfWork(),
        actor,
        list(
            m.AppointmentProcess.objects.filter(kind="reappointment")
            .select_related("title", "holding__person")
            .order_by("-started_on", "-id")[:200]
        ),
        lambda r: (UnitId(r.unit_id), r.started_on),
    )
    titles = dict(
        reg.Title.objects.filter(pk__in={c.holding.title_id for c in cases}).values_list(
            "pk", "name"
        )
    )
    units = _unit_names(
        {int(c.holding.unit_id) for c in cases} | {r.unit_id for r in opened}, today
    )
    return {
        "due": [
            {
                "name": c.holding.full_name,
                "title": titles.get(c.holding.title_id, ""),
                "unit": units.get(int(c.holding.unit_id), ""),
                "term_ends": c.holding.term_ends,
                "opens_on": c.opens_on,
                "near": c.near,
            }
            for c in cases
        ],
        "opened": [
            {
                "id": r.pk,
                "title": r.title.name,
                "unit": units.get(r.unit_id, ""),
                "name": r.holding.person.full_name if r.holding else "",
                "term_ends": r.holding.term_ends if r.holding else None,
                "status": _label(choices.ProcessStatus, r.status),
                "near": reappointment.near_of(
                    r.holding.term_ends, r.holding.person.birth_date, r.holding.person.sex
                )
                if r.holding
                else None,
            }
            for r in opened
        ],
    }
