"""``canbo appointment timers [--date YYYY-MM-DD]``: open the reappointment cases that are due.

A case opens for each post whose term ends within the notice period (90 working days, TR-02);
running it again opens nothing new. Meant for a nightly job.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from canbo.core.clock import SystemClock
from canbo.core.errors import DomainError
from canbo.refusals import cli_text
from canbo.services.appointments import reappointment
from canbo.services.ports import SYSTEM

from ...uow import DjangoAppointmentsUnitOfWork


class Command(BaseCommand):
    help = "Open the reappointment cases that are due (Mở các trường hợp đến hạn bổ nhiệm lại)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", metavar="YYYY-MM-DD", help="the day to run as (default: today)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = dt.date.fromisoformat(options["date"]) if options["date"] else None
        except ValueError as exc:
            raise CommandError(f"--date: {options['date']}", returncode=2) from exc
        today = today or SystemClock().today()
        try:
            opened = reappointment.open_due_cases(DjangoAppointmentsUnitOfWork(), SYSTEM, today)
        except DomainError as exc:
            raise CommandError(cli_text(exc), returncode=1) from exc
        self.stdout.write(
            f"Đã mở {len(opened)} trường hợp bổ nhiệm lại / {len(opened)} reappointment"
            f" case(s) opened ({today.isoformat()})"
        )
