"""Shared fixtures. Integration tests run on SQLite, or PostgreSQL when DATABASE_URL is set."""

from __future__ import annotations

import os
import tempfile

# Keep test databases and files out of the user's data folder.
os.environ.setdefault("CANBO_DATA_DIR", tempfile.mkdtemp(prefix="canbo-test-"))
