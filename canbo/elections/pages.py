"""What the election pages show, read through the election use cases (scope checked there)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from canbo.accounts.actors import actor_for
from canbo.congresses import choices as congress_choices
from canbo.core.clock import SystemClock
from canbo.core.elections.model import ElectionStatus
from canbo.registry.pickers import bind_pickers
from canbo.services.elections import reading
from canbo.services.elections.ports import CongressId, ElectionId

from . import choices, forms
from .uow import DjangoElectionsUnitOfWork

KIND = dict(choices.ElectionKind.choices)
STATUS = dict(choices.ElectionStatus.choices)
SOURCE = dict(choices.CandidateSource.choices)
REASON = dict(congress_choices.Subtraction.choices)
AFTER_COUNT = {ElectionStatus.TIE, ElectionStatus.SHORTFALL}


def list_context(request: HttpRequest, congress_id: int) -> dict[str, Any]:
    info, found, approvals = reading.congress_elections(
        DjangoElectionsUnitOfWork(), actor_for(request.user), CongressId(congress_id)
    )
    rows = [
        {
            "e": e,
            "kind": KIND[str(e.kind)],
            "status": STATUS[str(e.status)],
            "approval": approvals.get(int(e.election_id or 0)),
        }
        for e in found
    ]
    pending = any(e.status == ElectionStatus.PROVISIONAL for e in found)
    return {
        "info": info,
        "rows": rows,
        "pending": pending,
        "approval_form": forms.ApprovalForm(initial={"decided_on": SystemClock().today()}),
    }


def candidate_form(request: HttpRequest, congress_id: int, info: Any = None) -> forms.CandidateForm:
    form = forms.CandidateForm(request.POST if request.method == "POST" else None)
    bind_pickers(form, actor_for(request.user), SystemClock().today())
    if info is not None:
        form.within(int(info.unit_id))
    return form


def names(request: HttpRequest, congress_id: int, election_id: int) -> list[tuple[int, str]]:
    view = reading.election_view(
        DjangoElectionsUnitOfWork(),
        actor_for(request.user),
        CongressId(congress_id),
        ElectionId(election_id),
    )
    return [(int(c.candidate.candidate_id or 0), c.candidate.full_name) for c in view.candidates]


def election_context(request: HttpRequest, congress_id: int, election_id: int) -> dict[str, Any]:
    view = reading.election_view(
        DjangoElectionsUnitOfWork(),
        actor_for(request.user),
        CongressId(congress_id),
        ElectionId(election_id),
    )
    e = view.election
    listed = [(int(c.candidate.candidate_id or 0), c.candidate.full_name) for c in view.candidates]
    rounds = [{"r": r, "result": r.result, "subtractions": _lines(r.result)} for r in view.rounds]
    lines = [
        {"line": line, "c": line.candidate, "source": SOURCE[str(line.candidate.source)]}
        for line in view.candidates
    ]
    return {
        "v": view,
        "e": e,
        "info": view.info,
        "kind": KIND[str(e.kind)],
        "status": STATUS[str(e.status)],
        "lines": lines,
        "steps_done": [forms.STEP_LABELS[s] for s in e.steps],
        "rounds": rounds,
        "draft": e.status == ElectionStatus.DRAFT,
        "list_approved": e.status == ElectionStatus.LIST_APPROVED,
        "voting": e.status == ElectionStatus.VOTING,
        "after_count": e.status in AFTER_COUNT,
        "is_tie": e.status == ElectionStatus.TIE,
        "candidate_form": candidate_form(request, congress_id, view.info),
        "withdraw_form": forms.WithdrawForm(names=listed),
        "opinion_form": forms.OpinionForm(names=listed),
        "hands_form": forms.HandsForm(),
        "decision_form": forms.DecisionForm(),
        "step_form": forms.StepForm(),
    }


def _lines(result: Any) -> list[tuple[str, str]]:
    """The subtractions from the base, each reason with its label and the names (EL-19)."""
    if not result:
        return []
    return [
        (REASON.get(line["reason"], line["reason"]), ", ".join(line.get("names", [])))
        for line in result["denominator"].get("subtractions", [])
    ]


def announcement(request: HttpRequest, congress_id: int) -> dict[str, Any]:
    """The results as the hall sees them: each counted round, the elected from the highest
    vote down, each with votes and percentage of the base."""
    info, found = reading.announced(
        DjangoElectionsUnitOfWork(), actor_for(request.user), CongressId(congress_id)
    )
    shown = []
    for e, results in found:
        for number, result in enumerate(results, start=1):
            by_name = {c["name"]: c for c in result["candidates"]}
            shown.append(
                {
                    "title": KIND[str(e.kind)],
                    "round": number,
                    "status": STATUS[str(e.status)],
                    "result": result,
                    "elected": [by_name[n] for n in result["elected"] if n in by_name],
                    "alternates": [
                        by_name[n] for n in result.get("alternates", []) if n in by_name
                    ],
                }
            )
    return {"info": info, "shown": shown, "congress_id": congress_id}
