"""Sessions whose results stay sealed (niêm phong) for a while, as a context above voting says.

The voting engine counts and stores every session's tally the same way; a context that runs
sessions for its own steps may keep a result from the pages until a later step opens it (the
appointment procedure's wider meeting, AP-13). That context registers one check at start-up
(:func:`register`); the session page then shows that the result is sealed instead of the
tally. Nothing is sealed until a check is registered.
"""

from __future__ import annotations

from collections.abc import Callable

_checks: list[Callable[[int], bool]] = []


def register(check: Callable[[int], bool]) -> None:
    """Add a check ``session id -> sealed now``; called once from an app's ``ready``."""
    if check not in _checks:
        _checks.append(check)


def is_sealed(session_id: int) -> bool:
    return any(check(session_id) for check in _checks)
