"""The voter's pages, made for a phone: enter the code, mark the ballot, confirm, receipt.

No login and no server-side session: the code travels in the form from step to step and is
checked again when the ballot is cast. Nothing is written until the final step, and nothing
about the voter is written then (docs/voting.md). Responses are never cached.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache

from canbo.services import voting as svc
from canbo.services.voting_ports import SessionId

from . import forms, selectors
from .refusals import refusals_shown
from .uow import VotingUnitOfWork as U


@never_cache
@refusals_shown
def vote(request: HttpRequest, sid: int) -> HttpResponse:
    # Loaded only if a page shows it: a cast reads the session in its own transaction.
    session = SimpleLazyObject(lambda: selectors.voter_session(sid))
    step = request.POST.get("step", "")
    if request.method != "POST":
        form = forms.CodeForm(initial={"code": request.GET.get("ma", "")})
        return render(request, "voting/vote_code.html", {"s": session, "form": form})
    code_form = forms.CodeForm(request.POST)
    if not code_form.is_valid():
        return render(request, "voting/vote_code.html", {"s": session, "form": code_form})
    code = code_form.cleaned_data["code"]
    subjects = selectors.ballot_lines(sid)
    if step == "code":
        svc.check_code(U(), SessionId(sid), code)
        form = forms.BallotForm(subjects, initial={"code": code})
        return render(request, "voting/vote_ballot.html", {"s": session, "form": form})
    form = forms.BallotForm(subjects, request.POST)
    if not form.is_valid() or step == "back":
        return render(request, "voting/vote_ballot.html", {"s": session, "form": form})
    if step == "review":
        return render(request, "voting/vote_confirm.html", {"s": session, "form": form})
    receipt = svc.cast_ballot(U(), SessionId(sid), code, form.marks())
    return render(request, "voting/vote_receipt.html", {"s": session, "receipt": receipt})


@refusals_shown
def ballot_list(request: HttpRequest, sid: int) -> HttpResponse:
    session, receipts = selectors.published_receipts(sid)
    return render(request, "voting/ballot_list.html", {"s": session, "receipts": receipts})
