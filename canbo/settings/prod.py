"""Production: secrets only from the environment, fail fast when missing; passes check --deploy."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATA_DIR
from .keys import load_keys


def _required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in the environment for production")
    return value


SECRET_KEY = _required("CANBO_SECRET_KEY")
# Audit and voter-code keys: from the environment or a key file outside the data folder; no
# fallback (canbo.settings.keys refuses to start without them).
_KEYS = load_keys(os.environ, data_dir=DATA_DIR, derive_from=None)
CANBO_AUDIT_KEY = _KEYS.audit
CANBO_VOTER_CODE_KEY = _KEYS.voter_code
CANBO_KEY_SOURCES = _KEYS.sources
DEBUG = False
ALLOWED_HOSTS = [h.strip() for h in _required("CANBO_ALLOWED_HOSTS").split(",") if h.strip()]
CANBO_REQUIRE_ADMIN_2FA = True

SECURE_SSL_REDIRECT = os.environ.get("CANBO_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
