"""Login throttling: failures per (username, address) within a sliding window.

The client address is never stored in the clear: it is keyed with ``SECRET_KEY`` (HMAC-SHA256)
so that the table cannot be joined back to network logs without the server's secret. The limits
are the settings ``CANBO_LOGIN_MAX_FAILURES`` and ``CANBO_LOGIN_WINDOW_SECONDS``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest

from .models import LoginFailure


@dataclass(frozen=True, slots=True)
class AttemptKey:
    """Who is trying: the normalized username and the keyed hash of the client address."""

    username: str
    address_hash: str


def hash_address(address: str) -> str:
    """HMAC-SHA256 of the client address under ``SECRET_KEY``, as 64 hex characters."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()


def attempt_key(request: HttpRequest, username: str) -> AttemptKey:
    """The throttling key of a login attempt.

    Only ``REMOTE_ADDR`` is used: forwarded headers are set by the client and would let an
    attacker pick a fresh address for every guess.
    """
    address = str(request.META.get("REMOTE_ADDR") or "unknown")
    return AttemptKey(username.strip().lower()[:150], hash_address(address))


def _window_start(now: dt.datetime) -> dt.datetime:
    return now - dt.timedelta(seconds=settings.CANBO_LOGIN_WINDOW_SECONDS)


def is_throttled(key: AttemptKey, now: dt.datetime) -> bool:
    """True when the key has reached ``CANBO_LOGIN_MAX_FAILURES`` failures in the window."""
    count = LoginFailure.objects.filter(
        username=key.username, address_hash=key.address_hash, at__gt=_window_start(now)
    ).count()
    return count >= settings.CANBO_LOGIN_MAX_FAILURES


def record_failure(key: AttemptKey, now: dt.datetime) -> None:
    """Store one failure and forget failures that left the window (the table stays small)."""
    LoginFailure.objects.filter(at__lte=_window_start(now)).delete()
    LoginFailure.objects.create(username=key.username, address_hash=key.address_hash, at=now)


def clear(key: AttemptKey) -> None:
    """A successful login clears the key's failures."""
    LoginFailure.objects.filter(username=key.username, address_hash=key.address_hash).delete()
