"""``canbo home figures [--seconds N]``: count the home page's figures ahead, for the whole tree
and for the scope of every account that may sign in, and keep them in the ``home`` cache.

At national scale the whole tree's aggregates take minutes on SQLite; run this nightly
(cron or a systemd timer, after midnight) and after building the demo, so that the home page
answers from the cache all day. Smaller scopes are counted by the page itself when missing.
"""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser

from canbo.accounts.actors import actor_for
from canbo.core.clock import SystemClock
from canbo.services.ports import SYSTEM
from canbo.web import dashboard_counting as counting
from canbo.web.dashboard_reminders import Scope

DAY_AND_MARGIN = 26 * 3600


class Command(BaseCommand):
    help = (
        "Count the home page's figures ahead for every account's scope "
        "(Tính trước số liệu trang chủ cho phạm vi của từng tài khoản)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--seconds",
            type=int,
            default=DAY_AND_MARGIN,
            help="how long the figures are kept (default: a day and two hours)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = SystemClock().today()
        users = get_user_model().objects.filter(is_active=True).order_by("pk")
        actors = [SYSTEM, *(actor_for(u, today) for u in users)]
        seen: set[tuple[bool, tuple[int, ...]]] = set()
        for actor in actors:
            where = Scope.of(actor, today)
            if not actor.grants or (where.whole, where.units) in seen:
                continue
            seen.add((where.whole, where.units))
            started = time.perf_counter()
            home = counting.count_ahead(actor, today, options["seconds"])
            seconds = time.perf_counter() - started
            label = "; ".join(home.scope_names) or "toàn hệ thống / whole tree"
            self.stdout.write(f"{label}: {home.members:,} đảng viên / members, {seconds:.1f} s")
