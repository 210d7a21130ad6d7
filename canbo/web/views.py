"""Views of the web shell: parse the request, call a selector scoped by the actor, render.

Refusals are ``DomainError``s (``NotFound`` for missing and forbidden alike) and are turned into
a status and a translated message by ``DomainErrorMiddleware``.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.core.clock import SystemClock
from canbo.registry.search import SearchHit, search

from . import selectors
from .forms import AsOfForm, SearchForm
from .rules_page import rules_page

SEARCH_PAGE_LIMIT = 50
SUGGEST_LIMIT = 12


def _today() -> dt.date:
    return SystemClock().today()


def _as_of(request: HttpRequest) -> tuple[AsOfForm, dt.date]:
    form = AsOfForm(request.GET or None)
    return form, form.day(_today())


@verified_login_required
def tree_view(request: HttpRequest) -> HttpResponse:
    """The organization tree as of a date (default today); children load on demand."""
    form, as_of = _as_of(request)
    roots = selectors.tree_roots(actor_for(request.user), as_of)
    context = {"form": form, "as_of": as_of, "nodes": roots, "today": _today()}
    return render(request, "web/tree.html", context)


@verified_login_required
def children_view(request: HttpRequest, unit_id: int) -> HttpResponse:
    """The children of one unit, as an htmx fragment (a full list when opened directly)."""
    _form, as_of = _as_of(request)
    nodes = selectors.tree_children(actor_for(request.user), unit_id, as_of)
    return render(request, "web/_nodes.html", {"nodes": nodes, "as_of": as_of})


@verified_login_required
def unit_view(request: HttpRequest, unit_id: int) -> HttpResponse:
    """A unit as of a date: path, children, and its members in Vietnamese collation order."""
    form, as_of = _as_of(request)
    page = selectors.unit_page(actor_for(request.user), unit_id, as_of)
    template = "web/unit_absent.html" if isinstance(page, selectors.UnitAbsent) else "web/unit.html"
    return render(request, template, {"form": form, "as_of": as_of, "page": page})


def _search(request: HttpRequest, limit: int) -> tuple[SearchForm, list[SearchHit]]:
    form = SearchForm(request.GET or None)
    if not form.is_valid():
        return form, []
    actor = actor_for(request.user)
    hits = search(actor, form.text(), form.kinds(), form.within(), limit, _today())
    return form, hits


@verified_login_required
def search_view(request: HttpRequest) -> HttpResponse:
    """People and units by name without tones, code, national ID or birth year, in the
    actor's scope (or below ``trong``); htmx asks for the results only."""
    form, hits = _search(request, SEARCH_PAGE_LIMIT)
    is_htmx = request.headers.get("HX-Request") == "true"
    template = "web/_search_results.html" if is_htmx else "web/search.html"
    context = {"form": form, "text": form.text(), "hits": hits}
    return render(
        request, template, context, status=200 if form.is_valid() or not request.GET else 400
    )


@verified_login_required
def suggest_view(request: HttpRequest) -> HttpResponse:
    """A few options (``<li data-id=...>``) for a type-ahead picker: ``loai`` person or unit,
    ``trong`` a unit whose subtree is searched."""
    form, hits = _search(request, SUGGEST_LIMIT)
    status = 200 if form.is_valid() else 400
    return render(request, "web/_suggest.html", {"form": form, "hits": hits}, status=status)


@verified_login_required
def person_view(request: HttpRequest, person_id: int) -> HttpResponse:
    """A person's record with every section; NotFound alike for missing and out of scope."""
    form = AsOfForm(request.GET or None)
    record = selectors.person_record(actor_for(request.user), person_id, _today())
    asked = form.cleaned_data["as_of"] if form.is_valid() else None
    absent_on = asked if selectors.is_person_absent_on(record, asked) else None
    return render(
        request, "web/person.html", {"record": record, "absent_on": absent_on, "form": form}
    )


@verified_login_required
def rules_view(request: HttpRequest) -> HttpResponse:
    """The rules page: each rulebook with its documents, period, parameters, thresholds and
    cited rules (GEN-01); reference data, the same for every signed-in user."""
    return render(request, "web/rules.html", {"groups": rules_page(_today())})
