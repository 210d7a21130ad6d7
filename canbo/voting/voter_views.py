"""The voter's pages, made for a phone: enter the code, mark the ballot, confirm, receipt.

No login, no server-side session and no cookie: the code travels in the form from step to step
and is checked again when the ballot is cast. Nothing is written until the final step, and
nothing about the voter is written then (docs/voting.md). Responses are never cached by the
browser or a proxy.

Wrong codes are throttled per client and per vote, and the staff are warned when someone is
guessing (:mod:`canbo.services.voting.guard`); the counts stay in this process's memory.
Every step that shows the ballot checks the code first, so a ballot is never shown for a vote
that is not open or without a genuine, unspent code.

No CSRF token either (``csrf_exempt``): these pages carry no ambient authority. A forged
cross-site request reaches them without any cookie or login of the victim, so it can do only
what its author could do by posting directly, and the one-time code in the body is the only
credential (docs/voting.md, "Why the voter pages need no CSRF token"). Without a token the
code page and the receipt page are the same for every voter of a session, so they are rendered
once per process and reused (:mod:`canbo.voting.voter_pages`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from canbo.core.errors import DomainError, ValidationError
from canbo.services.voting import sessions as svc
from canbo.services.voting.guard import GuessGuard
from canbo.services.voting.ports import SessionId, SubjectData

from . import forms, selectors, voter_pages
from .refusals import refusal_page, refusals_shown
from .uow import DjangoVotingUnitOfWork as U

View = Callable[..., HttpResponse]
T = TypeVar("T")
GUARD = GuessGuard()


def guarded(request: HttpRequest, sid: int, call: Callable[[], T]) -> T:
    """Run a code check or a cast under the wrong-code throttle of this process."""
    client = request.META.get("REMOTE_ADDR", "")
    GUARD.check(sid, client)
    try:
        return call()
    except ValidationError as exc:
        if exc.code == "code_unknown":
            alert = GUARD.wrong(sid, client)
            if alert is not None:
                svc.report_guessing(U(), SessionId(sid), alert)
        raise


def voter_refusals_shown(view: View) -> View:
    """A refused voter action on the voter's lean page (no staff navigation, no cookie)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except DomainError as exc:
            return refusal_page(request, exc, template="voting/voter_refused.html")

    return wrapper


@csrf_exempt
@never_cache
@voter_refusals_shown
def vote(request: HttpRequest, sid: int) -> HttpResponse:
    """Code, ballot, review and cast steps of an electronic ballot (CV-12, CV-13)."""
    if request.method != "POST":
        return voter_pages.code_page(request, sid)
    step = request.POST.get("step", "")
    if request.POST.get("ballot") == "election" and step == "cast":
        marked = voter_pages.parse_election_cast(request.POST, selectors.ballot_lines(sid))
        if marked is not None:
            receipt = guarded(request, sid, lambda: svc.cast_ballot(U(), SessionId(sid), *marked))
            return voter_pages.receipt_page(request, receipt)
    elif step not in ("code", "review", "back"):
        cast = voter_pages.parse_cast(request.POST, selectors.ballot_lines(sid))
        if cast is not None:
            receipt = guarded(request, sid, lambda: svc.cast_ballot(U(), SessionId(sid), *cast))
            return voter_pages.receipt_page(request, receipt)
    return _form_step(request, sid, step)


def _form_step(request: HttpRequest, sid: int, step: str) -> HttpResponse:
    """The steps that show forms: a code to check, a ballot to review or correct, and any
    cast that did not parse (shown again with Django's field errors)."""
    session = SimpleLazyObject(lambda: selectors.voter_session(sid))
    code_form = forms.CodeForm(request.POST)
    if not code_form.is_valid():
        return render(request, "voting/vote_code.html", {"s": session, "form": code_form})
    code = code_form.cleaned_data["code"]
    guarded(request, sid, lambda: svc.check_code(U(), SessionId(sid), code))
    subjects = selectors.ballot_lines(sid)
    if session.is_election:
        return _election_step(request, session, code, subjects, step)
    if step == "code":
        form = forms.BallotForm(subjects, initial={"code": code})
        return render(request, "voting/vote_ballot.html", {"s": session, "form": form})
    form = forms.BallotForm(subjects, request.POST)
    if not form.is_valid() or step == "back":
        return render(request, "voting/vote_ballot.html", {"s": session, "form": form})
    if step == "review":
        return render(request, "voting/vote_confirm.html", {"s": session, "form": form})
    receipt = guarded(
        request, sid, lambda: svc.cast_ballot(U(), SessionId(sid), code, form.marks())
    )
    return voter_pages.receipt_page(request, receipt)


def _election_step(
    request: HttpRequest,
    session: Any,
    code: str,
    subjects: list[SubjectData],
    step: str,
) -> HttpResponse:
    """An election ballot (EL-14): names to cross out, or agree/disagree per name; the page
    counts the names kept and warns, without refusing, when the ballot would be invalid."""
    ballot = voter_pages.election_ballot(session, subjects, request.POST if step != "code" else {})
    context = {"s": session, "code": code, "ballot": ballot}
    template = "voting/vote_election.html"
    if step == "review":
        template = "voting/vote_election_confirm.html"
    return render(request, template, context)


# The voter pages' language switch: it sets only the language cookie (no session, no CSRF
# cookie), so it needs no token either; a forged switch changes nothing but the language.
voter_language = csrf_exempt(set_language)


@refusals_shown
def ballot_list(request: HttpRequest, sid: int) -> HttpResponse:
    session, receipts = selectors.published_receipts(sid)
    return render(request, "voting/ballot_list.html", {"s": session, "receipts": receipts})
