"""Election pages under /dai-hoi/<congress>/bau-cu/: the elections of a congress, one election
with its list, rounds and results, the counting minutes (PDF), the announcement on the
projector, the report to the higher committee (PDF) and its approval. Every change goes through
a use case of :mod:`canbo.services.elections`; a refusal is shown by the site's error page with
its citation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.core.clock import SystemClock
from canbo.core.elections.model import ElectionKind
from canbo.core.types import PersonId
from canbo.refusals import valid_data
from canbo.services.elections import approval, candidates, elections, results
from canbo.services.elections.ports import (
    CandidateId,
    CandidateSource,
    CongressId,
    ElectionId,
    RoundId,
)

from . import documents, forms, pages
from .uow import DjangoElectionsUnitOfWork


@verified_login_required
def election_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    actor = actor_for(request.user)
    form = forms.ElectionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        d = valid_data(form)
        eid = elections.create_election(
            DjangoElectionsUnitOfWork(), actor, CongressId(congress_id), ElectionKind(d["kind"]),
            d["seats"], seats_for=d["seats_for"], seats_against=d["seats_against"],
            attending=d["attending"], alternate_seats=d["alternate_seats"] or 0,
            supplementary=d["supplementary"],
        )  # fmt: skip
        return redirect("elections:detail", congress_id, eid)
    context = pages.list_context(request, congress_id)
    return render(request, "elections/list.html", {**context, "form": form})


@verified_login_required
def detail(request: HttpRequest, congress_id: int, election_id: int) -> HttpResponse:
    context = pages.election_context(request, congress_id, election_id)
    return render(request, "elections/detail.html", context)


Action = Callable[[DjangoElectionsUnitOfWork, Any, CongressId, ElectionId, HttpRequest], None]


def _post(action: Action) -> Callable[[HttpRequest, int, int], HttpResponse]:
    @verified_login_required
    @require_POST
    def view(request: HttpRequest, congress_id: int, election_id: int) -> HttpResponse:
        uow, actor = DjangoElectionsUnitOfWork(), actor_for(request.user)
        action(uow, actor, CongressId(congress_id), ElectionId(election_id), request)
        return redirect("elections:detail", congress_id, election_id)

    view.__name__ = action.__name__
    return view


@_post
def add_candidate(uow: Any, actor: Any, cid: CongressId, eid: ElectionId, r: HttpRequest) -> None:
    form = pages.candidate_form(r, cid)
    d = valid_data(form)
    candidates.add_candidate(
        uow, actor, cid, eid, PersonId(d["person"]), CandidateSource(d["source"]),
        agree=d["agree"], attending=d["attending"],
        proposer_id=PersonId(d["proposer"]) if d["proposer"] else None,
        first_time=not d["reelected"],
    )  # fmt: skip


@_post
def withdraw(uow: Any, actor: Any, cid: CongressId, eid: ElectionId, r: HttpRequest) -> None:
    d = valid_data(forms.WithdrawForm(r.POST, names=pages.names(r, cid, eid)))
    candidates.withdraw(uow, actor, cid, eid, CandidateId(d["candidate"]), d["decision"])


@_post
def opinion(uow: Any, actor: Any, cid: CongressId, eid: ElectionId, r: HttpRequest) -> None:
    form = forms.OpinionForm(r.POST, names=pages.names(r, cid, eid))
    d = valid_data(form)
    candidates.record_opinion_ballot(uow, actor, cid, eid, form.counts(), d["ballots"])


@_post
def approve_list(uow: Any, actor: Any, cid: CongressId, eid: ElectionId, r: HttpRequest) -> None:
    d = valid_data(forms.HandsForm(r.POST))
    elections.approve_list(
        uow, actor, cid, eid, agree=d["agree"], against=d["against"], attending=d["attending"]
    )


@_post
def start_round(uow: Any, actor: Any, cid: CongressId, eid: ElectionId, r: HttpRequest) -> None:
    d = valid_data(forms.DecisionForm(r.POST))
    results.start_round(uow, actor, cid, eid, decision=d["decision"])


@_post
def record_result(uow: Any, actor: Any, cid: CongressId, eid: ElectionId, r: HttpRequest) -> None:
    results.record_result(uow, actor, cid, eid, SystemClock().now())


@_post
def close(uow: Any, actor: Any, cid: CongressId, eid: ElectionId, r: HttpRequest) -> None:
    d = valid_data(forms.DecisionForm(r.POST))
    results.close_unfilled(uow, actor, cid, eid, d["decision"])


@_post
def step(uow: Any, actor: Any, cid: CongressId, eid: ElectionId, r: HttpRequest) -> None:
    d = valid_data(forms.StepForm(r.POST))
    elections.record_step(uow, actor, cid, eid, d["step"])


@verified_login_required
@require_POST
def sign(request: HttpRequest, congress_id: int, election_id: int, round_id: int) -> HttpResponse:
    results.sign_minutes(
        DjangoElectionsUnitOfWork(), actor_for(request.user), CongressId(congress_id),
        ElectionId(election_id), RoundId(round_id), SystemClock().now(),
    )  # fmt: skip
    return redirect("elections:detail", congress_id, election_id)


@verified_login_required
def minutes(
    request: HttpRequest, congress_id: int, election_id: int, round_id: int
) -> HttpResponse:
    return documents.minutes_response(request, congress_id, election_id, round_id)


@verified_login_required
def announcement(request: HttpRequest, congress_id: int) -> HttpResponse:
    return render(request, "elections/projector.html", pages.announcement(request, congress_id))


@verified_login_required
def announcement_live(request: HttpRequest, congress_id: int) -> HttpResponse:
    return render(request, "elections/_projector.html", pages.announcement(request, congress_id))


@verified_login_required
def report(request: HttpRequest, congress_id: int) -> HttpResponse:
    return documents.report_response(request, congress_id)


@verified_login_required
@require_POST
def approve(request: HttpRequest, congress_id: int) -> HttpResponse:
    d = valid_data(forms.ApprovalForm(request.POST))
    today = SystemClock().today()
    approval.approve(
        DjangoElectionsUnitOfWork(), actor_for(request.user), CongressId(congress_id),
        decision_number=d["decision_number"], decided_on=d["decided_on"], today=today,
    )  # fmt: skip
    return redirect("elections:list", congress_id)
