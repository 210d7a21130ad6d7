"""Conference pages: list and create, the conference page with live attendance, check-in at a
bridge site, the projector, and a person's confidence results over the years.

They live in the voting app, not in ``canbo.conferences``: every one of them runs a use case
of the voting context through its unit of work (check-in hands out codes and ballots, the
live page shows the vote sessions, the projector the certified results), and the voting app
depends on the conferences app (its models point at conferences), never the reverse."""

from __future__ import annotations

from typing import cast

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from canbo.accounts import scope
from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.conferences import forms, selectors
from canbo.conferences.models import Site
from canbo.core.clock import SystemClock
from canbo.core.errors import DomainError
from canbo.core.search_text import fold, matches, query_words
from canbo.core.types import PersonId, UnitId
from canbo.registry.pickers import bind_pickers
from canbo.services.voting import conferences as svc
from canbo.services.voting.ports import (
    CheckInMethod,
    ConferenceData,
    ConferenceId,
    Medium,
    SessionData,
    SiteId,
)
from canbo.services.voting.ports import Status as VoteStatus

from . import selectors as vote_sel
from .choices import Status
from .refusals import message, refusals_shown
from .uow import DjangoVotingUnitOfWork


def _live(request: HttpRequest, cid: int) -> dict[str, object]:
    conf, attendance, quorum, sessions = svc.live_status(
        DjangoVotingUnitOfWork(), actor_for(request.user), ConferenceId(cid)
    )
    agenda = selectors.agenda(cid)
    needed = svc.needed_for_quorum(quorum) if quorum else None
    current = agenda[conf.current_item - 1] if 0 < conf.current_item <= len(agenda) else ""
    return {
        "conf": conf,
        "cid": cid,
        "attendance": attendance,
        "quorum": quorum,
        "quorum_rule": svc.quorum_rule(conf),
        "needed": needed,
        "sessions": sessions,
        "agenda": agenda,
        "current": current,
    }


@verified_login_required
@refusals_shown
def conference_list(request: HttpRequest) -> HttpResponse:
    form = forms.ConferenceForm(request.POST or None)
    bind_pickers(form, actor_for(request.user), SystemClock().today())
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        unit = UnitId(d["unit_code"])
        data = ConferenceData(unit, d["title"], d["body"], d["held_on"], d["place"])
        cid = svc.create_conference(DjangoVotingUnitOfWork(), actor_for(request.user), data)
        return redirect("conferences:detail", cid)
    rows = selectors.visible(actor_for(request.user))
    return render(request, "conferences/list.html", {"form": form, "rows": rows})


@verified_login_required
@refusals_shown
def conference_detail(request: HttpRequest, cid: int) -> HttpResponse:
    return _detail(request, cid, _convene_form(request, None))


def _convene_form(request: HttpRequest, data: QueryDict | None) -> forms.ConveneForm:
    form = forms.ConveneForm(data)
    bind_pickers(form, actor_for(request.user), SystemClock().today())
    return form


def _detail(
    request: HttpRequest, cid: int, convene_form: forms.ConveneForm, status: int = 200
) -> HttpResponse:
    context = _live(request, cid)
    context.update(
        convened=selectors.convened(cid),
        sites=selectors.sites(cid),
        agenda_form=forms.LinesForm(initial={"lines": "\n".join(context["agenda"])}),  # type: ignore[arg-type]
        convene_form=convene_form,
        site_form=forms.SiteForm(),
    )
    return render(request, "conferences/detail.html", context, status=status)


@verified_login_required
@refusals_shown
def attendance_partial(request: HttpRequest, cid: int) -> HttpResponse:
    return render(request, "conferences/_attendance.html", _live(request, cid))


@require_POST
@verified_login_required
@refusals_shown
def agenda_post(request: HttpRequest, cid: int) -> HttpResponse:
    form = forms.LinesForm(request.POST)
    items = form.items() if form.is_valid() else []
    svc.set_agenda(DjangoVotingUnitOfWork(), actor_for(request.user), ConferenceId(cid), items)
    return redirect("conferences:detail", cid)


@require_POST
@verified_login_required
@refusals_shown
def site_post(request: HttpRequest, cid: int) -> HttpResponse:
    form = forms.SiteForm(request.POST)
    name = form.cleaned_data["name"] if form.is_valid() else ""
    svc.add_site(DjangoVotingUnitOfWork(), actor_for(request.user), ConferenceId(cid), name)
    return redirect("conferences:detail", cid)


@require_POST
@verified_login_required
@refusals_shown
def convene_post(request: HttpRequest, cid: int) -> HttpResponse:
    conf = selectors.conference_for(actor_for(request.user), cid)
    form = _convene_form(request, request.POST)
    if not form.is_valid():
        return _detail(request, cid, form, status=400)
    d = form.cleaned_data
    ids, unknown = selectors.person_ids_for_codes(form.codes())
    if unknown:
        text = _("Không tìm thấy cán bộ, đảng viên có mã: %(codes)s.")
        form.add_error("lines", text % {"codes": ", ".join(unknown)})
    ids += [PersonId(p) for p in d["people"]]
    if d["unit_members"]:
        members = selectors.unit_members(d["unit_members"], conf.held_on)
        if not members:
            form.add_error("unit_members", _("Đơn vị không có đảng viên vào ngày họp."))
        ids += members
    if d["unit_committee"]:
        holders = [p for p, _posts in selectors.post_holders(d["unit_committee"], conf.held_on)]
        if not holders:
            form.add_error("unit_committee", _("Không ai giữ chức vụ trong đơn vị vào ngày họp."))
        ids += holders
    if form.errors:
        return _detail(request, cid, form, status=400)
    ids = list(dict.fromkeys(ids))
    svc.convene(DjangoVotingUnitOfWork(), actor_for(request.user), ConferenceId(cid), ids)
    return redirect("conferences:detail", cid)


@require_POST
@verified_login_required
@refusals_shown
def show_item_post(request: HttpRequest, cid: int, pos: int) -> HttpResponse:
    svc.show_item(DjangoVotingUnitOfWork(), actor_for(request.user), ConferenceId(cid), pos)
    return redirect("conferences:detail", cid)


@never_cache
@verified_login_required
@refusals_shown
def site_checkin(request: HttpRequest, site_id: int) -> HttpResponse:
    site = selectors.site_for(actor_for(request.user), site_id)
    rows = selectors.convened(site.conference_id)
    if request.method == "POST" and "present" in request.POST:
        return _bulk_check_in(request, site, rows)
    form = forms.CheckInForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        result = svc.check_in(
            DjangoVotingUnitOfWork(),
            actor_for(request.user),
            SiteId(site_id),
            person_id=PersonId(d["person"]) if d["person"] else None,
            qr_token=d["qr"] or None,
            method=CheckInMethod.QR if d["qr"] else CheckInMethod.STAFF,
            medium=Medium.PAPER if d["paper"] else Medium.ELECTRONIC,
            preprinted=d["preprinted"],
        )
    context = {
        "site": site,
        "form": forms.CheckInForm(),
        "results": [result] if result else [],
        **_rows_shown(request, rows),
        **_live(request, site.conference_id),
    }
    return render(request, "conferences/checkin.html", context)


# Up to this many delegates the whole list is on the page and filtered in the browser; a
# longer one is filtered on the server (htmx swaps the table as the clerk types).
CLIENT_FILTER_MAX = 3000
SERVER_PAGE = 200


def _rows_shown(request: HttpRequest, rows: list[selectors.ConvenedRow]) -> dict[str, object]:
    """The check-in list as shown: every row for a list the browser filters, else the rows
    matching ``q`` (name or code, without tones), at most ``SERVER_PAGE`` of them."""
    if len(rows) <= CLIENT_FILTER_MAX:
        return {"rows": rows, "server_filter": False}
    q = request.GET.get("q", "")[:100]
    words = query_words(q)
    found = [r for r in rows if matches(words, fold(f"{r.full_name} {r.code}"))]
    return {
        "rows": found[:SERVER_PAGE],
        "server_filter": True,
        "q": q,
        "matching": len(found),
        "total": len(rows),
    }


def _bulk_check_in(
    request: HttpRequest, site: Site, rows: list[selectors.ConvenedRow]
) -> HttpResponse:
    """Several delegates ticked present, checked in one after another through the same use
    case as one tick (each its own transaction and audit entry, its codes minted and shown
    once, as for one); a delegate already checked in is not offered."""
    waiting = [(r.person_id, r.full_name) for r in rows if not r.site]
    form = forms.BulkCheckInForm(request.POST, people=waiting)
    results, refused = [], []
    if form.is_valid():
        medium = Medium.PAPER if form.cleaned_data["paper"] else Medium.ELECTRONIC
        names = dict(waiting)
        for person in form.cleaned_data["present"]:
            try:
                results.append(
                    svc.check_in(
                        DjangoVotingUnitOfWork(),
                        actor_for(request.user),
                        SiteId(site.pk),
                        person_id=PersonId(person),
                        method=CheckInMethod.STAFF,
                        medium=medium,
                    )
                )
            except DomainError as exc:  # the others are checked in and their codes shown
                refused.append(f"{names[person]}: {message(exc)}")
        rows = selectors.convened(site.conference_id)
    context = {
        "site": site,
        "form": forms.CheckInForm(),
        "bulk_form": form,
        "results": results,
        "refused": refused,
        **_rows_shown(request, rows),
        **_live(request, site.conference_id),
    }
    return render(
        request, "conferences/checkin.html", context, status=200 if form.is_valid() else 400
    )


@verified_login_required
@refusals_shown
def projector(request: HttpRequest, cid: int) -> HttpResponse:
    return render(request, "conferences/projector.html", _projector(request, cid))


@verified_login_required
@refusals_shown
def projector_partial(request: HttpRequest, cid: int) -> HttpResponse:
    return render(request, "conferences/_projector.html", _projector(request, cid))


def _projector(request: HttpRequest, cid: int) -> dict[str, object]:
    """What the hall sees: each vote open or not, attendance and quorum, published results."""
    context = _live(request, cid)
    sessions = cast("list[SessionData]", context["sessions"])
    published = {s.title for s in sessions if s.status == VoteStatus.PUBLISHED}
    context["votes"] = [
        {"title": s.title, "open": s.status == VoteStatus.OPEN, "label": Status(s.status).label}
        for s in sessions
    ]
    context["results"] = [r for r in vote_sel.certified_results(cid) if r["title"] in published]
    return context


@verified_login_required
@refusals_shown
def person_history(request: HttpRequest, person_id: int) -> HttpResponse:
    actor = actor_for(request.user)
    person = scope.person_name(actor, person_id, SystemClock().today())
    rows = vote_sel.person_history(actor, PersonId(person_id))
    return render(request, "conferences/person_history.html", {"rows": rows, "person": person})
