"""Guards for web views: signed in, and past the TOTP step when the account needs it."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from .otp import needs_second_factor

View = Callable[..., HttpResponse]


def _redirect(request: HttpRequest, url: str) -> HttpResponse:
    # An htmx fragment request must not swap the login page into the tree: ask htmx to
    # navigate the whole page instead.
    if request.headers.get("HX-Request") == "true":
        return HttpResponse(status=204, headers={"HX-Redirect": url})
    return HttpResponseRedirect(url)


def second_factor_redirect(request: HttpRequest) -> HttpResponse:
    """Send the user to the TOTP step, coming back to the page asked for."""
    query = urlencode({"next": request.get_full_path()})
    return _redirect(request, f"{reverse('web:totp_verify')}?{query}")


def verified_login_required(view: View) -> View:
    """Require a signed-in user; administrators must also have passed TOTP.

    The second factor is required while ``CANBO_REQUIRE_ADMIN_2FA`` is on (production).
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return _redirect(request, redirect_to_login(request.get_full_path())["Location"])
        if needs_second_factor(request.user):
            return second_factor_redirect(request)
        return view(request, *args, **kwargs)

    return wrapper
