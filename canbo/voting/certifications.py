"""What happens elsewhere when a vote's result is certified, as a context above voting says.

The voting engine certifies a result version when the last member of the counting committee
signs it (CV-21). A context above voting that must act on a certified result (planning: a band
B or C confidence result makes the mandatory removal task of PL-10) registers one hook at
start-up (:func:`register`, from its ``AppConfig.ready``); the voting adapter calls every hook
inside the certification's transaction, so a hook that fails refuses the certification and
nothing is half stored. Voting never imports the contexts that listen.
"""

from __future__ import annotations

from collections.abc import Callable

Hook = Callable[[int, int], None]
"""``(session id, result version number)`` of the version just certified."""

_hooks: list[Hook] = []


def register(hook: Hook) -> None:
    """Add a hook; called once from an app's ``ready`` (a second call is ignored)."""
    if hook not in _hooks:
        _hooks.append(hook)


def certified(session_id: int, number: int) -> None:
    """Run every registered hook for the version just certified (in the caller's
    transaction)."""
    for hook in _hooks:
        hook(session_id, number)
