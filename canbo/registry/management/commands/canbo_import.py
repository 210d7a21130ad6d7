"""``canbo import units|people FILE``: import a CSV or XLSX file, all or nothing.

Progress goes to stderr. A rejected file prints each problem as
``row N, column C: message_vi / message_en`` and exits with status 2; nothing is written.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any, NoReturn

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from canbo.accounts.actors import actor_for
from canbo.core.clock import SystemClock
from canbo.core.errors import ImportRejected, RowError, ValidationError
from canbo.registry.bulk import DjangoBulkImportUnitOfWork
from canbo.registry.io_files import open_source, sha256_of
from canbo.services.ports import SYSTEM, Actor
from canbo.services.registry import imports

REJECTED = 2


def error_line(error: RowError) -> str:
    """``row N, column C: vi / en`` (the place is shortened when the problem is file-wide)."""
    place = "file" if error.row == 0 else f"row {error.row}"
    if error.column:
        place += f", column {error.column}"
    return f"{place}: {error.message_vi} / {error.message_en}"


def actor_named(username: str | None, today: dt.date) -> Actor:
    """The account's role grants; without ``--as``, the console operator acts as the system."""
    if not username:
        return SYSTEM
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"Không có tài khoản / no account named {username!r}")
    return actor_for(user, today)


def parse_day(text: str | None) -> dt.date:
    return dt.date.fromisoformat(text) if text else SystemClock().today()


class Command(BaseCommand):
    help = "Nhập đơn vị hoặc cán bộ từ tệp CSV/XLSX (import units or people, all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=["units", "people"])
        parser.add_argument("file", type=Path)
        parser.add_argument("--as", dest="username", help="act as this account (its scope)")
        parser.add_argument("--dry-run", action="store_true", help="check only, write nothing")
        parser.add_argument("--today", help="the date checks count from (YYYY-MM-DD)")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"Không thấy tệp / file not found: {path}", returncode=REJECTED)
        today = parse_day(options["today"])
        actor = actor_named(options["username"], today)
        started = time.monotonic()

        def progress(rows: int) -> None:
            self.stderr.write(f"… {rows} dòng / rows ({time.monotonic() - started:.1f} s)")

        use_case = imports.import_units if options["kind"] == "units" else imports.import_people
        info = imports.FileInfo(path.name, sha256_of(path))
        try:
            with open_source(path) as source:
                result = use_case(
                    DjangoBulkImportUnitOfWork(), actor, source, today=today, file=info,
                    dry_run=options["dry_run"], progress=progress,
                )  # fmt: skip
        except ImportRejected as exc:
            self._reject(exc.errors)
        except ValidationError as exc:
            error = exc.fields.get("row_error")
            self._reject([error] if isinstance(error, RowError) else [])
        verb = "kiểm tra / checked" if options["dry_run"] else "đã nhập / imported"
        self.stdout.write(
            f"{verb}: {result.rows} dòng / rows, {result.written} ghi / written"
            f" ({time.monotonic() - started:.1f} s), sha256 {result.sha256}"
        )

    def _reject(self, errors: list[RowError]) -> NoReturn:
        for error in errors:
            self.stderr.write(error_line(error))
        raise CommandError(
            "Tệp bị từ chối, không có gì được ghi / file rejected, nothing was imported",
            returncode=REJECTED,
        )
