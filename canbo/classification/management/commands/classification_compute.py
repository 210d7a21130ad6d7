"""``canbo classification compute --cycle ID``: proposals, forced failures, caps and the quota
check for a whole cycle, with worker processes (the national run; web pages use one process)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from canbo.classification.store import DjangoClassificationUnitOfWork
from canbo.core.errors import DomainError
from canbo.refusals import cli_text
from canbo.registry.management.commands.canbo_import import actor_named, parse_day
from canbo.services.classification import cycle as cycles
from canbo.services.classification.ports import CycleId


class Command(BaseCommand):
    help = "Tính mức đề xuất cho cả đợt / compute every proposal of a classification cycle."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--cycle", type=int, required=True)
        parser.add_argument("--workers", type=int, default=None, help="default: 2")
        parser.add_argument("--as", dest="username", default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        actor = actor_named(options["username"], parse_day(None))
        try:
            report = cycles.compute_proposals(
                DjangoClassificationUnitOfWork(),
                actor,
                CycleId(options["cycle"]),
                options["workers"],
            )
        except DomainError as exc:
            raise CommandError(cli_text(exc), returncode=2) from None
        self.stdout.write(
            f"Đã tính / computed: {report.evaluated} đối tượng / subjects, {report.groups} nhóm"
            f" / groups, {len(report.over)} nhóm vượt tỷ lệ / over the quota"
        )
        for line in report.over:
            self.stdout.write("  " + ", ".join(str(v) for v in line))
