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
from canbo.conferences.models import Conference
from canbo.core.clock import SystemClock
from canbo.core.errors import ValidationError
from canbo.core.types import AccountId, PersonId
from canbo.registry.pickers import bind_pickers
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as svc
from canbo.services.voting.ports import (
    CommitteeMember,
    ConferenceId,
    Medium,
    PaperMode,
    SessionId,
)

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


def _subjects(form: forms.SessionForm, conf: Conference) -> list[tuple[PersonId, str]]:
    """The people voted on: the pasted lines, then the holders of the chosen unit's posts,
    then the people chosen by name, each once, with the posts held on the conference date."""
    lines = form.subject_lines()
    ids, unknown = conf_sel.person_ids_for_codes([code for code, _ in lines])
    if unknown:
        raise ValidationError("person_not_found", codes=unknown)
    found = list(zip(ids, [p for _, p in lines], strict=True))
    d = form.cleaned_data
    if d["subject_unit"]:
        found += conf_sel.post_holders(d["subject_unit"], conf.held_on)
    chosen = [p for p in d["subject_people"] if p not in {q for q, _ in found}]
    posts = conf_sel.posts_of(chosen, conf.unit_id, conf.held_on)
    found += [(PersonId(p), posts[p]) for p in chosen]
    first: dict[PersonId, str] = {}
    for person, position in found:
        first.setdefault(person, position)
    return list(first.items())


def _committee(form: forms.SessionForm) -> tuple[list[CommitteeMember], list[AccountId]]:
    """The counting committee chosen by name (head first), each member with the account of
    the line that names the member's code; account lines without a code are members with an
    account only. Without anyone chosen by name, the accounts alone (the older plan)."""
    d = form.cleaned_data
    lines = form.counter_lines()
    accounts, missing = selectors.account_ids([name for name, _code in lines])
    codes = [code for _name, code in lines if code]
    people, unknown = conf_sel.person_ids_for_codes(codes)
    if missing or unknown:
        raise ValidationError("person_not_found", codes=unknown, usernames=missing)
    coded = [a for a, (_n, c) in zip(accounts, lines, strict=True) if c]
    account_of = dict(zip(people, coded, strict=True))
    chosen = [PersonId(p) for p in d["committee"]]
    if d["committee_head"]:
        head = PersonId(d["committee_head"])
        chosen = [head, *[p for p in chosen if p != head]]
    chosen += [p for p in people if p not in chosen]
    members = [CommitteeMember(p, account_of.get(p)) for p in chosen]
    members += [
        CommitteeMember(None, a) for a, (_n, c) in zip(accounts, lines, strict=True) if not c
    ]
    return (members if chosen else []), accounts


def _plan(form: forms.SessionForm, conf: Conference) -> svc.SessionPlan:
    d = form.cleaned_data
    committee, accounts = _committee(form)
    return svc.SessionPlan(
        d["title"],
        _subjects(form, conf),
        accounts,
        PaperMode(d["paper_mode"]),
        d["dossier_sent_on"],
        d["questions_sent_on"],
        d["members_in_office"],
        committee=committee,
    )


def _kind(session: Any) -> str:
    """The election ballot kind of a session, empty for a confidence vote."""
    return str((session.parameters or {}).get("ballot_kind", ""))


def _reading_form(session: Any, data: Any = None) -> forms.PaperReadingForm:
    subjects = selectors.subjects(session.pk)
    if _kind(session):
        return forms.ElectionReadingForm(subjects, _kind(session), data)
    return forms.PaperReadingForm(subjects, data)


def _session_form(
    request: HttpRequest, conf: Conference, initial: dict[str, Any] | None = None
) -> forms.SessionForm:
    form = forms.SessionForm(request.POST or None, initial=initial)
    form.set_convened(conf_sel.convened_options(conf.pk, conf.held_on))
    bind_pickers(form, actor_for(request.user), SystemClock().today())
    return form


@verified_login_required
@refusals_shown
def session_create(request: HttpRequest, cid: int) -> HttpResponse:
    conf = conf_sel.conference_for(actor_for(request.user), cid)
    form = _session_form(request, conf)
    if request.method == "POST" and form.is_valid():
        plan = _plan(form, conf)
        sid = svc.create_session(U(), actor_for(request.user), ConferenceId(cid), plan)
        return redirect("voting:session", sid)
    status = 400 if form.errors else 200
    return render(request, "voting/session_form.html", {"form": form, "cid": cid}, status=status)


@verified_login_required
@refusals_shown
def session_edit(request: HttpRequest, sid: int) -> HttpResponse:
    session = selectors.session_for(actor_for(request.user), sid)
    if _kind(session):  # an election round is planned by the election, not this form
        return redirect("voting:session", sid)
    form = _session_form(request, session.conference, selectors.plan_initial(session))
    if request.method == "POST" and form.is_valid():
        plan = _plan(form, session.conference)
        svc.update_session(U(), actor_for(request.user), SessionId(sid), plan)
        return redirect("voting:session", sid)
    context = {"form": form, "cid": session.conference_id, "session": session}
    return render(request, "voting/session_form.html", context, status=400 if form.errors else 200)


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
    form = _reading_form(session, request.POST or None)
    agreed = None
    if request.method == "POST" and form.is_valid():
        agreed = count_svc.enter_paper_ballot(
            U(), actor_for(request.user), SessionId(sid), operator, form.reading()
        )
        form = _reading_form(session)
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
    if _kind(session):
        election_form = forms.ElectionTotalsForm(selectors.subjects(sid), request.POST or None)
        if request.method == "POST" and election_form.is_valid():
            count_svc.enter_election_totals(
                U(), actor_for(request.user), SessionId(sid), election_form.totals()
            )
            return redirect("voting:session", sid)
        return render(request, "voting/totals.html", {"form": election_form, "s": session})
    form = forms.TotalsForm(selectors.subjects(sid), request.POST or None)
    if request.method == "POST" and form.is_valid():
        count_svc.enter_totals(U(), actor_for(request.user), SessionId(sid), form.totals())
        return redirect("voting:session", sid)
    return render(request, "voting/totals.html", {"form": form, "s": session})


@verified_login_required
@refusals_shown
def discrepancies(request: HttpRequest, sid: int) -> HttpResponse:
    session = selectors.session_for(actor_for(request.user), sid)
    form = _reading_form(session, request.POST or None)
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
    form: Any
    if _kind(session) and session.paper_mode == PaperMode.TOTALS:
        form = forms.ElectionCorrectionTotalsForm(subjects, request.POST or None)
    elif _kind(session):
        form = forms.ElectionCorrectionReadingForm(subjects, _kind(session), request.POST or None)
    elif session.paper_mode == PaperMode.TOTALS:
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
    if _kind(session):  # the election tally is on the session page; results are the election's
        return redirect("voting:session", sid)
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


@never_cache
@verified_login_required
@refusals_shown
def hand_out(request: HttpRequest, sid: int) -> HttpResponse:
    """Codes or ballots for the persons present who have none for this session yet (a round
    created after check-in): everyone at once or the persons ticked. Codes are shown once, as a
    stack of slips to deal out, never beside the names (docs/security/secrecy.md)."""
    actor = actor_for(request.user)
    session = selectors.session_for(actor, sid)
    _, counts, waiting = conf_svc.hand_out_counts(U(), actor, SessionId(sid))
    people = [(int(c.person_id), c.full_name) for c in waiting]
    form = forms.HandOutForm(request.POST or None, people=people)
    result = None
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["person"]
        if "chosen" in request.POST and not chosen:
            raise ValidationError("hand_out_nobody_chosen")
        medium = form.cleaned_data["medium"]
        result = conf_svc.hand_out(
            U(),
            actor,
            SessionId(sid),
            medium=Medium.PAPER if medium == "paper" else Medium.ELECTRONIC,
            preprinted=medium == "slip",
            person_ids=[PersonId(p) for p in chosen] if "chosen" in request.POST else None,
        )
        _, counts, waiting = conf_svc.hand_out_counts(U(), actor, SessionId(sid))
        people = [(int(c.person_id), c.full_name) for c in waiting]
        form = forms.HandOutForm(initial={"medium": medium}, people=people)
    context = {"s": session, "counts": counts, "form": form, "result": result}
    return render(request, "voting/hand_out.html", context)


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
    referred = forms.ConclusionsForm(request.POST or None) if page.election else None
    if request.method == "POST" and form.is_valid() and (referred is None or referred.is_valid()):
        conclusions = referred.conclusions() if referred is not None else None
        count_svc.count(U(), actor_for(request.user), SessionId(sid), form.shares(), conclusions)
        return redirect("voting:session", sid)
    context = {"s": page.session, "page": page, "form": form, "referred": referred}
    return render(request, "voting/count.html", context)
