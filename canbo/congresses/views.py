"""Congress pages under /dai-hoi/: the higher committee's overview with the form that creates
a congress, and the congress page (roll, people not convened, working bodies, credentials,
the base). Every change goes through a use case of :mod:`canbo.services.congresses`; a
refusal is shown by the site's error page with its citation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.core.clock import SystemClock
from canbo.core.elections.model import CongressKind, DelegateStatus, NotConvenedReason, Subtraction
from canbo.core.types import PersonId, UnitId
from canbo.refusals import valid_data
from canbo.registry.pickers import bind_pickers
from canbo.services.congresses import base, bodies, congress
from canbo.services.congresses.ports import (
    CongressData,
    CongressId,
    NotConvenedData,
    SubtractionData,
    WorkingBody,
)

from . import forms, selectors
from .pages import congress_context
from .uow import DjangoCongressUnitOfWork


def _page(request: HttpRequest) -> int:
    raw = request.GET.get("trang", "1")
    return int(raw) if raw.isdigit() and len(raw) < 6 else 1


@verified_login_required
def overview(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request.user)
    form = forms.CongressForm(request.POST or None)
    bind_pickers(form, actor, SystemClock().today())
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        uow, unit = DjangoCongressUnitOfWork(), UnitId(d["unit"])
        kind = CongressKind(d["kind"]) if d["kind"] else None
        kind = kind or congress.proposed_kind(uow, unit, d["opens_on"])
        consent = {"higher_consent": True} if d["higher_consent"] else {}
        data = CongressData(
            unit, "", d["term_label"], kind, d["opens_on"], d["closes_on"], d["place"], "",
            parameters=consent,
        )  # fmt: skip
        cid = congress.create_congress(uow, actor, data)
        return redirect("congresses:detail", cid)
    status = request.GET.get("trang-thai", "")
    view = selectors.overview(actor, _page(request), status)
    return render(request, "congresses/overview.html", {"form": form, "o": view, "status": status})


@verified_login_required
def detail(request: HttpRequest, congress_id: int) -> HttpResponse:
    return render(request, "congresses/detail.html", congress_context(request, congress_id))


Action = Callable[[DjangoCongressUnitOfWork, Any, CongressId, HttpRequest], None]


def _post(action: Action) -> Callable[[HttpRequest, int], HttpResponse]:
    @verified_login_required
    @require_POST
    def view(request: HttpRequest, congress_id: int) -> HttpResponse:
        uow = DjangoCongressUnitOfWork()
        action(uow, actor_for(request.user), CongressId(congress_id), request)
        return redirect("congresses:detail", congress_id)

    view.__name__ = action.__name__
    return view


def _bound(form_class: type, request: HttpRequest) -> Any:
    form = form_class(request.POST)
    bind_pickers(form, actor_for(request.user), SystemClock().today())
    return form


@_post
def committee(uow: DjangoCongressUnitOfWork, actor: Any, cid: CongressId, request: Any) -> None:
    form = _bound(forms.PeopleForm, request)
    d = valid_data(form)
    ids = [PersonId(p) for p in d["people"]]
    congress.set_convening_committee(uow, actor, cid, ids)


@_post
def roll(uow: DjangoCongressUnitOfWork, actor: Any, cid: CongressId, request: Any) -> None:
    congress.build_roll(uow, actor, cid)


@_post
def delegates(uow: DjangoCongressUnitOfWork, actor: Any, cid: CongressId, request: Any) -> None:
    form = _bound(forms.DelegatesForm, request)
    d = valid_data(form)
    ids = [PersonId(p) for p in d["people"]]
    congress.add_delegates(uow, actor, cid, ids, alternate=d["alternate"])


@_post
def not_convened(uow: DjangoCongressUnitOfWork, actor: Any, cid: CongressId, request: Any) -> None:
    form = _bound(forms.NotConvenedForm, request)
    d = valid_data(form)
    entry = NotConvenedData(
        PersonId(d["person"]), "", NotConvenedReason(d["reason"]), d["fact_date"], d["note"]
    )
    congress.mark_not_convened(uow, actor, cid, [entry])


@_post
def accept_not_convened(
    uow: DjangoCongressUnitOfWork, actor: Any, cid: CongressId, request: Any
) -> None:
    proposals = congress.propose_not_convened(uow, actor, cid)
    if proposals:
        congress.mark_not_convened(uow, actor, cid, proposals)


@_post
def fix(uow: DjangoCongressUnitOfWork, actor: Any, cid: CongressId, request: Any) -> None:
    congress.fix_roll(uow, actor, cid)


@_post
def open_(uow: DjangoCongressUnitOfWork, actor: Any, cid: CongressId, request: Any) -> None:
    congress.open_congress(uow, actor, cid)


@_post
def close(uow: DjangoCongressUnitOfWork, actor: Any, cid: CongressId, request: Any) -> None:
    congress.close_congress(uow, actor, cid)


@_post
def body(uow: DjangoCongressUnitOfWork, actor: Any, cid: CongressId, request: Any) -> None:
    data = congress.load(uow, actor, cid)
    form = _bound(forms.BodyForm, request)
    form.set_present(selectors.roll_options(cid, int(data.conference_id or 0), True))
    d = valid_data(form)
    hands = bodies.HandCount(d["votes_for"], d["votes_against"], d["abstained"])
    ids = [PersonId(p) for p in d["people"]]
    bodies.set_working_body(
        uow, actor, cid, WorkingBody(d["body"]), ids, PersonId(d["head"]), hands
    )


@_post
def credentials(uow: DjangoCongressUnitOfWork, actor: Any, cid: CongressId, request: Any) -> None:
    data = congress.load(uow, actor, cid)
    form = _bound(forms.CredentialsForm, request)
    form.set_roll(selectors.roll_options(cid, int(data.conference_id or 0), False))
    d = valid_data(form)
    person = PersonId(d["person"])
    seated = {person: PersonId(d["seated_for"])} if d["seated_for"] else {}
    statuses = {person: DelegateStatus(d["status"])}
    bodies.credentials_report(uow, actor, cid, statuses, seated, d["report_ref"])


@_post
def subtract(uow: DjangoCongressUnitOfWork, actor: Any, cid: CongressId, request: Any) -> None:
    data = congress.load(uow, actor, cid)
    form = _bound(forms.SubtractionForm, request)
    form.set_roll(selectors.roll_options(cid, int(data.conference_id or 0), False))
    d = valid_data(form)
    line = SubtractionData(PersonId(d["person"]), "", Subtraction(d["reason"]), d["note"])
    lines = base.subtractions(uow, actor, cid)
    base.set_subtractions(uow, actor, cid, [*lines, line])


@_post
def accept_subtractions(
    uow: DjangoCongressUnitOfWork, actor: Any, cid: CongressId, request: Any
) -> None:
    proposals = base.propose_subtractions(uow, actor, cid)
    if proposals:
        base.set_subtractions(uow, actor, cid, [*base.subtractions(uow, actor, cid), *proposals])


@_post
def convene_again(uow: DjangoCongressUnitOfWork, actor: Any, cid: CongressId, request: Any) -> None:
    raw = str(request.POST.get("person", ""))
    person = int(raw) if raw.isdigit() and len(raw) < 19 else 0
    congress.unmark_not_convened(uow, actor, cid, PersonId(person))


@_post
def unsubtract(uow: DjangoCongressUnitOfWork, actor: Any, cid: CongressId, request: Any) -> None:
    raw = str(request.POST.get("person", ""))
    person = int(raw) if raw.isdigit() and len(raw) < 19 else 0
    lines = base.subtractions(uow, actor, cid)
    base.set_subtractions(uow, actor, cid, [s for s in lines if s.person_id != person])
