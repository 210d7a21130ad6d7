"""The home page: the actor's figures, activity and reminders (selectors in
:mod:`canbo.web.dashboard`); the organization tree stays at ``/tree/``."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.core.clock import SystemClock

from . import dashboard, dashboard_counting


@verified_login_required
def home_view(request: HttpRequest) -> HttpResponse:
    """Members by sex, age band, ethnicity and status; conferences, votes and classification
    progress; reminders; and links to the forms the actor may use, scoped to the actor."""
    actor = actor_for(request.user)
    context = {
        "home": dashboard_counting.home(actor, SystemClock().today()),
        "actions": dashboard.actions(actor),
    }
    return render(request, "web/home.html", context)
