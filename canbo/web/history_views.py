"""The personal history form's pages: the two printed forms (PDF) and the person's photo,
each only to an actor who may read the person (NotFound alike otherwise)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.core.clock import SystemClock

from . import history_selectors as hsel
from . import personal_history_pdf as layout


def _pdf(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@verified_login_required
def personal_history_pdf_view(request: HttpRequest, person_id: int) -> HttpResponse:
    """Sơ yếu lý lịch (2C/TCTW-98) of a person the actor may read."""
    sheet = hsel.sheet(actor_for(request.user), person_id, SystemClock().today())
    return _pdf(layout.personal_history_pdf(sheet), f"so-yeu-ly-lich-{person_id}.pdf")


@verified_login_required
def party_record_pdf_view(request: HttpRequest, person_id: int) -> HttpResponse:
    """The Party member's record summary of a person the actor may read."""
    sheet = hsel.sheet(actor_for(request.user), person_id, SystemClock().today())
    return _pdf(layout.party_record_pdf(sheet), f"ho-so-dang-vien-{person_id}.pdf")


@verified_login_required
def photo_view(request: HttpRequest, person_id: int) -> HttpResponse:
    """The person's newest photo, from the data folder (never a static URL)."""
    found = hsel.photo_file(actor_for(request.user), person_id, SystemClock().today())
    if found is None:
        raise Http404
    path, media_type = found
    response = HttpResponse(path.read_bytes(), content_type=media_type)  # at most 2 MB
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
