"""The invitations (giấy triệu tập) of a conference, one per person convened, ready to print
on A5 paper: the Party document heading (DOC-04, DOC-06), the person's full name, the
conference's title, day and place, and the QR code that checks the person in.

Only those who run the conference print them (the QR token checks a delegate in); anyone
else gets the same answer as for a conference that does not exist or is out of reach."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from canbo.accounts import scope
from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.conferences import selectors
from canbo.core.errors import PermissionDenied
from canbo.core.permissions import Action
from canbo.pdf_text import date_line

from .refusals import refusals_shown


@verified_login_required
@refusals_shown
def invitations(request: HttpRequest, cid: int) -> HttpResponse:
    actor = actor_for(request.user)
    conf = selectors.conference_for(actor, cid)
    if not scope.can_do(actor, Action.RUN_CONFERENCE, conf.unit_id, conf.held_on):
        raise PermissionDenied("action_denied", conference_id=cid)
    unit_name = selectors.unit_name(conf.unit_id, conf.held_on)
    context = {
        "conf": conf,
        "unit_name": unit_name,
        # DOC-09: signed "T/M" the collective that convenes.
        "signer": "T/M CHI BỘ" if unit_name.lower().startswith("chi bộ") else "T/M ĐẢNG ỦY",
        "date_line": date_line(conf.place, conf.held_on),
        "rows": [r for r in selectors.convened(cid) if not r.excused],
    }
    return render(request, "conferences/invitations.html", context)
