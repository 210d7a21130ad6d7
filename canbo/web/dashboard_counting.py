"""When the home page's figures are counted: from the cache when they are there; by the page
itself for a part of the tree; in the background for the whole tree, whose count reads every
membership (minutes at national scale), while the page says that it is counting.

Kept rows expire after ``CANBO_HOME_CACHE_SECONDS`` (at least an hour for the whole tree), or
after a day when ``canbo home figures`` counted them ahead. A marker, set once every query of a
scope is kept and expiring before the first of them, says that a page can be served from the
cache alone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time

from django.db import connections

from canbo.services.ports import Actor

from .dashboard import Home, compute
from .dashboard_reminders import Scope, setting, store

WHOLE_TREE_SECONDS = 3600
"""The whole tree's figures, counted by a page, are kept at least this long."""
MARGIN_SECONDS = 60

RUNNING: list[threading.Thread] = []
"""Background counts started by this process (tests join them)."""


def _marker(where: Scope, today: dt.date) -> str:
    units = "whole" if where.whole else repr(where.units)
    digest = hashlib.sha256(f"{units}|{today.isoformat()}".encode()).hexdigest()
    return f"canbo:home:counted:{digest[:40]}"


def _counted(actor: Actor, today: dt.date, where: Scope) -> Home:
    started = time.monotonic()
    found = compute(actor, today, where)
    if where.seconds > 0:
        left = where.seconds - int(time.monotonic() - started) - MARGIN_SECONDS
        if left > 0:
            store().set(_marker(where, today), True, left)
    return found


def _in_background(actor: Actor, today: dt.date, seconds: int) -> None:
    where = Scope.of(actor, today, seconds)
    lock = _marker(where, today) + ":counting"
    if not store().add(lock, True, 2 * WHOLE_TREE_SECONDS):
        return  # another page or process is counting it

    def run() -> None:
        try:
            _counted(actor, today, where)
        finally:
            store().delete(lock)
            connections.close_all()

    thread = threading.Thread(target=run, name="canbo-home-count", daemon=True)
    RUNNING.append(thread)
    thread.start()


def home(actor: Actor, today: dt.date) -> Home | None:
    """The home page's data for the actor on ``today``; ``None`` while the whole tree's
    figures are being counted in the background (``CANBO_HOME_COUNT_IN_BACKGROUND``)."""
    seconds = setting("CANBO_HOME_CACHE_SECONDS", 300)
    where = Scope.of(actor, today, seconds)
    if seconds <= 0 or not where.whole:
        return _counted(actor, today, where)
    where = Scope.of(actor, today, max(seconds, WHOLE_TREE_SECONDS))
    if store().get(_marker(where, today)) or not setting("CANBO_HOME_COUNT_IN_BACKGROUND", 1):
        return _counted(actor, today, where)
    _in_background(actor, today, where.seconds)
    return None


def count_ahead(actor: Actor, today: dt.date, seconds: int) -> Home:
    """Count the actor's figures afresh and keep them for ``seconds`` (``canbo home figures``)."""
    return _counted(actor, today, Scope.of(actor, today, seconds, renew=True))
