"""Shared fixtures. Integration tests run on SQLite, or PostgreSQL when DATABASE_URL is set."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import pytest

# Keep test databases and files out of the user's data folder.
os.environ.setdefault("CANBO_DATA_DIR", tempfile.mkdtemp(prefix="canbo-test-"))


@pytest.fixture(autouse=True)
def _fresh_wrong_code_counts() -> Iterator[None]:
    """The voter pages count wrong codes per process by vote id; ids are reused from test to
    test, so each test starts with no count (as a new server process does)."""
    from canbo.voting.voter_views import GUARD

    GUARD.reset()
    yield
    GUARD.reset()
