"""Login with throttling, the TOTP step for administrators (enrol or verify), logout."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LogoutView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from . import otp
from .forms import ThrottledLoginForm, TokenForm


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    # A path on this site only: "NaN" or a view name would go to redirect()'s reverse().
    safe = target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else reverse(settings.LOGIN_REDIRECT_URL)


def _step(name: str, request: HttpRequest) -> HttpResponse:
    return redirect(f"{reverse(name)}?{urlencode({'next': _next_url(request)})}")


def _after_password(request: HttpRequest) -> HttpResponse:
    if not otp.needs_second_factor(request.user):
        return redirect(_next_url(request))
    return _step(
        "web:totp_verify" if otp.confirmed_device(request.user) else "web:totp_setup", request
    )


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
def login_view(request: HttpRequest) -> HttpResponse:
    """Password step; CANBO_LOGIN_MAX_FAILURES failures in the window answer 429."""
    form = ThrottledLoginForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        auth_login(request, form.get_user())
        return _after_password(request)
    context = {
        "form": form,
        "next": _next_url(request),
        "relaxed": not settings.CANBO_REQUIRE_ADMIN_2FA,
    }
    return render(request, "accounts/login.html", context, status=429 if form.throttled else 200)


@login_required
@never_cache
def totp_verify_view(request: HttpRequest) -> HttpResponse:
    """Second step for administrators with an enrolled device (device throttling applies)."""
    if not otp.needs_second_factor(request.user):
        return redirect(_next_url(request))
    device = otp.confirmed_device(request.user)
    if device is None:
        return _step("web:totp_setup", request)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("Mã xác thực không đúng hoặc đã hết hạn."))
    return render(request, "accounts/totp_verify.html", {"form": form, "next": _next_url(request)})


@login_required
@never_cache
def totp_setup_view(request: HttpRequest) -> HttpResponse:
    """First login of an administrator: scan the QR code, confirm with a code."""
    if not otp.needs_second_factor(request.user) or otp.confirmed_device(request.user):
        return _step("web:totp_verify", request)
    device = otp.enrolment_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("Mã xác thực không đúng hoặc đã hết hạn."))
    context = {
        "form": form,
        "next": _next_url(request),
        "qr_svg": otp.qr_svg(device),
        "key": otp.base32_key(device),
    }
    return render(request, "accounts/totp_setup.html", context)


logout_view = LogoutView.as_view(next_page="web:login")
