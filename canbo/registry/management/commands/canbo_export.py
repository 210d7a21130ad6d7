"""``canbo export units|people FILE``: write CSV or XLSX, as of a date, optionally a subtree.

Exported files use the import formats (docs/import-export.md), so they import back.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from canbo.accounts import scope
from canbo.core.errors import DomainError
from canbo.core.importing import PEOPLE_COLUMNS, UNIT_COLUMNS
from canbo.db import unit_tree
from canbo.refusals import cli_text
from canbo.registry import bulk
from canbo.registry.io_files import write_table
from canbo.registry.models import OrgUnit
from canbo.services.access import require_admin

from .canbo_import import actor_named, parse_day


class Command(BaseCommand):
    help = "Xuất đơn vị hoặc cán bộ ra tệp CSV/XLSX (export units or people)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=["units", "people"])
        parser.add_argument("file", type=Path)
        parser.add_argument("--as-of", dest="as_of", help="the tree on this date (YYYY-MM-DD)")
        parser.add_argument("--unit", help="only this unit's subtree (unit code)")
        parser.add_argument("--as", dest="username", help="act as this account (its scope)")

    def handle(self, *args: Any, **options: Any) -> None:
        as_of = parse_day(options["as_of"])
        actor = actor_named(options["username"], as_of)
        root = None
        try:
            if options["unit"]:
                pk = OrgUnit.objects.filter(code=options["unit"]).values_list("pk", flat=True)
                root = scope.access_unit_on(actor, pk.first() or 0, as_of)
            else:
                require_admin(actor)
        except DomainError as exc:
            raise CommandError(cli_text(exc), returncode=2) from None
        started = time.monotonic()
        path: Path = options["file"]
        if options["kind"] == "units":
            header = [c.name for c in UNIT_COLUMNS]
            count = write_table(path, header, bulk.export_units(as_of, root))
        else:
            header = [c.name for c in PEOPLE_COLUMNS]
            units = unit_tree.subtree_ids(root, as_of) if root is not None else None
            count = write_table(path, header, bulk.export_people(as_of, units))
        self.stdout.write(
            f"đã xuất / exported {count} dòng / rows to {path} ({time.monotonic() - started:.1f} s)"
        )
