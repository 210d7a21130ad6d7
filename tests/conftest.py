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


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in the product's default language: a request that chose English leaves
    it active in the thread (as each new request of a server would not), and a view called
    directly afterwards would otherwise speak English."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
