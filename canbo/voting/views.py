"""Staff pages of a vote session: plan, readiness, lifecycle actions, paper entry, count,
sign-off, corrections, results, minutes (PDF) and export (XLSX)."""

from __future__ import annotations

from typing import Any

from django.forms import Form as DjangoForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.conferences import selectors as conf_sel
from canbo.core.errors import ValidationError
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as svc
from canbo.services.voting.ports import ConferenceId, PaperMode, SessionId

from . import forms, selectors
from .exports import minutes_response, xlsx_response
from .refusals import issue_text, refusals_shown
from .uow import DjangoVotingUnitOfWork as U

ACTIONS = {
    "ready": svc.mark_ready,
    "open": svc.open_vote,
    "close": svc.close_vote,
    "sign": count_svc.sign,
    "publish": count_svc.publish,
}


def _plan(form: forms.SessionForm) -> svc.SessionPlan:
    lines = form.subject_lines()
    ids, unknown = conf_sel.person_ids_for_codes([code for code, _ in lines])
    accounts, missing = selectors.account_ids(form.counter_names())
    if unknown or missing:
        raise ValidationError("person_not_found", codes=unknown, usernames=missing)
    d = form.cleaned_data
    return svc.SessionPlan(
        d["title"],
        list(zip(ids, [p for _, p in lines], strict=True)),
        accounts,
        PaperMode(d["paper_mode"]),
        d["dossier_sent_on"],
        d["questions_sent_on"],
        d["members_in_office"],
    )


@verified_login_required
@refusals_shown
def session_create(request: HttpRequest, cid: int) -> HttpResponse:
    conf_sel.conference_for(actor_for(request.user), cid)
    form = forms.SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sid = svc.create_session(U(), actor_for(request.user), ConferenceId(cid), _plan(form))
        return redirect("voting:session", sid)
    return render(request, "voting/session_form.html", {"form": form, "cid": cid})


@verified_login_required
@refusals_shown
def session_edit(request: HttpRequest, sid: int) -> HttpResponse:
    session = selectors.session_for(actor_for(request.user), sid)
    form = forms.SessionForm(request.POST or None, initial=selectors.plan_initial(session))
    if request.method == "POST" and form.is_valid():
        svc.update_session(U(), actor_for(request.user), SessionId(sid), _plan(form))
        return redirect("voting:session", sid)
    context = {"form": form, "cid": session.conference_id, "session": session}
    return render(request, "voting/session_form.html", context)


@verified_login_required
@refusals_shown
def session_detail(request: HttpRequest, sid: int) -> HttpResponse:
    page = selectors.session_page(actor_for(request.user), sid)
    issues = []
    if page.session.status == "draft":
        found = svc.check_readiness(U(), actor_for(request.user), SessionId(sid))
        issues = [
            {"code": i.code, "text": issue_text(i.code, i.fields), "cite": i.citation}
            for i in found
        ]
    me = request.user.get_username()
    return render(
        request,
        "voting/session.html",
        {"page": page, "s": page.session, "issues": issues, "me": me},
    )


@require_POST
@verified_login_required
@refusals_shown
def session_action(request: HttpRequest, sid: int, action: str) -> HttpResponse:
    actor = actor_for(request.user)
    selectors.session_for(actor, sid)  # a session out of scope answers like a missing one
    if action not in ACTIONS:
        raise ValidationError("form_invalid", action=action)
    ACTIONS[action](U(), actor, SessionId(sid))
    return redirect("voting:session", sid)


@verified_login_required
@refusals_shown
def paper_entry(request: HttpRequest, sid: int, operator: int) -> HttpResponse:
    session = selectors.session_for(actor_for(request.user), sid)
    form = forms.PaperReadingForm(selectors.subjects(sid), request.POST or None)
    agreed = None
    if request.method == "POST" and form.is_valid():
        agreed = count_svc.enter_paper_ballot(
            U(), actor_for(request.user), SessionId(sid), operator, form.reading()
        )
        form = forms.PaperReadingForm(selectors.subjects(sid))
    context = {
        "form": form,
        "s": session,
        "operator": operator,
        "agreed": agreed,
        "entered": selectors.entered_serials(sid, operator),
    }
    return render(request, "voting/paper_entry.html", context)


@verified_login_required
@refusals_shown
def totals_entry(request: HttpRequest, sid: int) -> HttpResponse:
    session = selectors.session_for(actor_for(request.user), sid)
    form = forms.TotalsForm(selectors.subjects(sid), request.POST or None)
    if request.method == "POST" and form.is_valid():
        count_svc.enter_totals(U(), actor_for(request.user), SessionId(sid), form.totals())
        return redirect("voting:session", sid)
    return render(request, "voting/totals.html", {"form": form, "s": session})


@verified_login_required
@refusals_shown
def discrepancies(request: HttpRequest, sid: int) -> HttpResponse:
    session = selectors.session_for(actor_for(request.user), sid)
    form = forms.PaperReadingForm(selectors.subjects(sid), request.POST or None)
    if request.method == "POST" and form.is_valid():
        count_svc.resolve(U(), actor_for(request.user), SessionId(sid), form.reading())
        return redirect("voting:discrepancies", sid)
    rows = count_svc.discrepancies(U(), SessionId(sid))
    context = {"s": session, "rows": rows, "form": form, "subjects": selectors.subjects(sid)}
    return render(request, "voting/discrepancies.html", context)


@verified_login_required
@refusals_shown
def correction(request: HttpRequest, sid: int) -> HttpResponse:
    session = selectors.session_for(actor_for(request.user), sid)
    subjects = selectors.subjects(sid)
    form: forms.CorrectionTotalsForm | forms.CorrectionReadingForm
    if session.paper_mode == PaperMode.TOTALS:
        form = forms.CorrectionTotalsForm(subjects, request.POST or None)
    else:
        form = forms.CorrectionReadingForm(subjects, request.POST or None)
    if request.method == "POST" and form.is_valid():
        count_svc.correct(U(), actor_for(request.user), SessionId(sid), **form.correction())
        return redirect("voting:session", sid)
    return render(request, "voting/correction.html", {"form": form, "s": session})


@verified_login_required
@refusals_shown
def results(request: HttpRequest, sid: int) -> HttpResponse:
    session = selectors.session_for(actor_for(request.user), sid)
    version = selectors.latest_version(session, certified=False)
    context = {"s": session, "version": version, "data": version.data if version else None}
    return render(request, "voting/results.html", context)


@verified_login_required
@refusals_shown
def minutes_pdf(request: HttpRequest, sid: int) -> HttpResponse:
    return minutes_response(selectors.minutes_data(actor_for(request.user), sid))


@verified_login_required
@refusals_shown
def results_xlsx(request: HttpRequest, sid: int) -> HttpResponse:
    return xlsx_response(selectors.minutes_data(actor_for(request.user), sid))


@never_cache
@require_POST
@verified_login_required
@refusals_shown
def slips(request: HttpRequest, sid: int) -> HttpResponse:
    """A printable sheet of one-time code slips, shown once (never stored)."""
    session = selectors.session_for(actor_for(request.user), sid)
    d = _posted(request, forms.SlipsForm)
    codes = svc.print_slips(U(), actor_for(request.user), SessionId(sid), d["count"], d["reason"])
    return render(request, "voting/slips.html", {"s": session, "codes": codes})


def _posted(request: HttpRequest, form_class: type[DjangoForm]) -> dict[str, Any]:
    form = form_class(request.POST)
    if not form.is_valid():
        raise ValidationError("form_invalid")
    return dict(form.cleaned_data)


@never_cache
@require_POST
@verified_login_required
@refusals_shown
def ballot_key(request: HttpRequest, sid: int) -> HttpResponse:
    """The counting committee makes its key; the shares are shown once, one per member."""
    actor = actor_for(request.user)
    selectors.session_for(actor, sid)  # outside the actor's scope: answered as missing
    threshold = _posted(request, forms.KeyForm)["threshold"]
    key = svc.make_ballot_key(U(), actor, SessionId(sid), threshold)
    page = selectors.session_page(actor, sid)
    members = zip(selectors.full_names(page.counters), key.shares, strict=True)
    context = {"s": page.session, "key": key, "members": list(members), "page": page}
    return render(request, "voting/key_shares.html", context)


@never_cache
@verified_login_required
@refusals_shown
def count(request: HttpRequest, sid: int) -> HttpResponse:
    """The count: the members present enter their key shares; the ballots are opened."""
    page = selectors.session_page(actor_for(request.user), sid)
    form = forms.CountForm(len(page.counters), request.POST or None)
    if request.method == "POST" and form.is_valid():
        count_svc.count(U(), actor_for(request.user), SessionId(sid), form.shares())
        return redirect("voting:session", sid)
    return render(request, "voting/count.html", {"s": page.session, "page": page, "form": form})
