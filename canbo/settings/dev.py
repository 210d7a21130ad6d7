"""Local use and the demo: debug off by default, a generated secret kept in the data folder,
and keys derived from it unless given (``canbo.settings.keys``)."""

from __future__ import annotations

import os
import secrets

from .base import *  # noqa: F403
from .base import DATA_DIR
from .keys import load_keys


def _local_secret() -> str:
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = os.environ.get("CANBO_SECRET_KEY") or _local_secret()
# The audit and voter-code keys come from CANBO_AUDIT_KEY / CANBO_VOTER_CODE_KEY (or their
# _FILE variants) when set; otherwise they are derived from the secret key, which is fine for
# a demo and says so (CANBO_KEY_SOURCES, printed by the demo), never for production.
_KEYS = load_keys(os.environ, data_dir=DATA_DIR, derive_from=SECRET_KEY)
CANBO_AUDIT_KEY = _KEYS.audit
CANBO_VOTER_CODE_KEY = _KEYS.voter_code
CANBO_KEY_SOURCES = _KEYS.sources
DEBUG = os.environ.get("CANBO_DEBUG", "") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# The demo relaxes two-factor login for its admin account and says so on the login page.
CANBO_REQUIRE_ADMIN_2FA = os.environ.get("CANBO_REQUIRE_ADMIN_2FA", "0") == "1"
