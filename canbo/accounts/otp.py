"""Two-factor login (TOTP) for administrator accounts.

Under production settings (``CANBO_REQUIRE_ADMIN_2FA``) a staff or superuser account must pass
a TOTP step (django-otp) before any page or the Django admin; the demo relaxes this and says so
on the login page. An account without a confirmed device enrols on its first login: the QR code
is drawn on the server as inline SVG (segno), nothing is fetched from the network.
"""

from __future__ import annotations

from typing import Any

import segno
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "TOTP"


def is_admin_account(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Staff and superusers are administrator accounts (they reach the Django admin)."""
    return bool(getattr(user, "is_staff", False) or getattr(user, "is_superuser", False))


def needs_second_factor(user: AbstractBaseUser | AnonymousUser) -> bool:
    """True when the signed-in user must still pass the TOTP step."""
    if not settings.CANBO_REQUIRE_ADMIN_2FA or not user.is_authenticated:
        return False
    if not is_admin_account(user):
        return False
    is_verified = getattr(user, "is_verified", None)
    return not (callable(is_verified) and is_verified())


def confirmed_device(user: Any) -> TOTPDevice | None:
    """The user's confirmed TOTP device, if enrolled."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def enrolment_device(user: Any) -> TOTPDevice:
    """The unconfirmed device being enrolled (created once, reused until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def qr_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// URL as an inline SVG QR code (no XML declaration)."""
    qr = segno.make(device.config_url, error="m")
    return str(qr.svg_inline(scale=4, dark="#1f1f1f", light="#ffffff", title="QR (otpauth)"))


def base32_key(device: TOTPDevice) -> str:
    """The key in base32 groups of four, for typing into an authenticator by hand."""
    from base64 import b32encode

    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))
