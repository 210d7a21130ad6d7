"""The clerk's record forms: one page per form, checked by a service, scoped and audited.

``GET`` shows the form; ``POST`` calls the service. A refusal goes back next to the field it
names (else above the form) with its citation, and the form keeps what was typed. The
subject is loaded for writing first, so an actor outside the scope gets "not found" and a
reader gets "not allowed" before any form is shown. Each action is a row of
:data:`PERSON_ACTIONS` or :data:`UNIT_ACTIONS` (form, service call, where to go next).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from canbo.accounts import scope
from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.core.clock import SystemClock
from canbo.core.errors import DomainError
from canbo.core.validation import InvalidField

from . import record_actions as act
from . import record_selectors as sel
from .messages import translated_message


def _today() -> dt.date:
    return SystemClock().today()


def show_refusal(form: forms.Form, exc: DomainError, fields: Mapping[str, str]) -> None:
    """Put the refusal next to the field it names (renamed by ``fields``), else on the form;
    with its citation, in the page's language."""
    if isinstance(exc, InvalidField):
        text = exc.message_en if (get_language() or "vi").startswith("en") else exc.message_vi
    else:
        text = translated_message(exc)
    due = exc.fields.get("due")
    if due:
        day = dt.date.fromisoformat(str(due))
        text = f"{text} " + _("Hết thời kỳ dự bị ngày %(due)s.") % {"due": f"{day:%d/%m/%Y}"}
    if exc.citation is not None:
        text = f"{text} ({exc.citation})"
    name = str(exc.fields.get("field", ""))
    name = fields.get(name, name)
    form.add_error(name if name in form.fields else None, text)


def _run(request: HttpRequest, spec: act.Action, subject: act.Subject) -> HttpResponse:
    posted = request.POST if request.POST or request.FILES else None
    form = spec.form(posted, subject)
    if request.FILES:  # the photo of the personal history form
        form.files = request.FILES
    confirmed = not spec.irreversible or request.POST.get("confirm") == "1"
    if request.method == "POST" and form.is_valid() and not confirmed:
        form.add_error(None, _("Hãy xác nhận trước khi ghi: thao tác này không thể hoàn tác."))
    elif request.method == "POST" and form.is_valid():
        try:
            target = spec.apply(subject, form)
        except DomainError as exc:
            show_refusal(form, exc, spec.fields)
        else:
            return redirect(target)
    context = {"form": form, "spec": spec, "subject": subject}
    status = 400 if request.method == "POST" else 200
    return render(request, "web/record_form.html", context, status=status)


@verified_login_required
def person_action_view(request: HttpRequest, person_id: int, action: str) -> HttpResponse:
    """A form acting on one person (edit, recognition, transfer, posts, discipline, ...)."""
    spec = act.PERSON_ACTIONS.get(action)
    if spec is None:
        raise Http404
    actor, today = actor_for(request.user), _today()
    scope.load_person(actor, person_id, today, write=True)
    subject = act.Subject(actor, today, person=sel.person(person_id))
    return _run(request, spec, subject)


@verified_login_required
def unit_action_view(request: HttpRequest, unit_id: int, action: str) -> HttpResponse:
    """A form acting on one unit (new member, admission, new unit, rename, merge, split)."""
    spec = act.UNIT_ACTIONS.get(action)
    if spec is None:
        raise Http404
    actor, today = actor_for(request.user), _today()
    scope.load_unit(actor, unit_id, today, write=True)
    version = sel.unit_version(unit_id, today)
    if version is None:
        raise Http404
    return _run(request, spec, act.Subject(actor, today, unit=version))
