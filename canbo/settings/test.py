"""Tests: fast hashing, 2FA on (tests log admins in with a TOTP device)."""

from __future__ import annotations

import os
import tempfile

# Files of a test run (secret key, uploads, SQLite) never land in the user's data folder.
os.environ.setdefault("CANBO_DATA_DIR", tempfile.mkdtemp(prefix="canbo-test-"))

from .base import *  # noqa: F403
from .base import DATA_DIR
from .keys import load_keys

SECRET_KEY = "test-only-not-secret"  # noqa: S105
_KEYS = load_keys(os.environ, data_dir=DATA_DIR, derive_from=SECRET_KEY)
CANBO_AUDIT_KEY = _KEYS.audit
CANBO_VOTER_CODE_KEY = _KEYS.voter_code
CANBO_KEY_SOURCES = _KEYS.sources
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CANBO_REQUIRE_ADMIN_2FA = True
LANGUAGE_CODE = "vi"
# Test databases reuse ids, so the home page must never answer from an earlier test's cache.
CANBO_HOME_CACHE_SECONDS = 0

# SQLite test databases are files, not shared-cache memory: threads in the concurrency tests
# then wait on the busy timeout as in production instead of failing on table locks. One
# folder per test process, so that concurrent test runs never share a database file.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    _TEST_DB_DIR = tempfile.mkdtemp(prefix="canbo-testdb-")
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(_TEST_DB_DIR, "test.sqlite3")}  # noqa: F405
