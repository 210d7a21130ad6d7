"""``canbo demo``: migrate, load a synthetic dataset, create accounts, print them, serve.

``--scale small`` (default) builds every provincial unit with its 2025 lineage and a few
thousand people in five former provinces; ``--scale national`` about 5.3 million members in
about 52,000 grassroots organizations; ``--scale tiny`` a few hundred people (tests).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, connections

from canbo.audit.models import AuditEntry
from canbo.core.clock import SystemClock
from canbo.demo.accounts import Credential, demo_users, ensure_admin
from canbo.demo.generator import LOAD_ACTION, build_demo, is_loaded
from canbo.demo.scales import SCALES
from canbo.demo.server import serve
from canbo.settings.keys import key_sources

from .serve import add_serve_arguments, announce, options_from


class Command(BaseCommand):
    help = "Create a demo database with synthetic data and an admin account, then serve it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", choices=sorted(SCALES), default="small")
        parser.add_argument("--seed", type=int, default=2025, help="random seed (2025)")
        parser.add_argument("--no-serve", action="store_true", help="prepare and exit")
        parser.add_argument("--password", help="admin password (default: random, printed)")
        parser.add_argument("--reset", action="store_true", help="delete the database first")
        parser.add_argument("--today", type=dt.date.fromisoformat, help="as-of date (today)")
        add_serve_arguments(parser)

    def handle(self, *args: Any, **opts: Any) -> None:
        if opts["reset"]:
            _delete_sqlite_database()
        call_command("migrate", verbosity=0, interactive=False)
        today = opts["today"] or SystemClock().today()
        if is_loaded():
            self.stdout.write(
                "Dữ liệu demo đã có sẵn / demo data already loaded (--reset rebuilds)."
            )
            named = _named_from_audit()
        else:
            scale = SCALES[opts["scale"]]
            self.stdout.write(f"Đang tạo dữ liệu demo / building demo data: scale={scale.name}")
            result = build_demo(scale, opts["seed"], today, self._progress)
            named = result.named
            self._print_counts(result.counts, result.seconds)
        admin = ensure_admin("admin", opts["password"])
        users = demo_users(named, today, None)
        options = options_from(opts)
        self._print_access(options.url, [admin, *users])
        if not opts["no_serve"]:
            announce(self.stdout, options)
            serve(options)

    def _progress(self, message: str) -> None:
        if sys.stdout.isatty():
            self.stdout.write(f"  {message}")

    def _print_counts(self, counts: dict[str, int], seconds: float) -> None:
        people = counts.get("registry_person", 0)
        units = counts.get("registry_orgunit", 0)
        self.stdout.write(
            f"Đã tạo {people:,} đảng viên, {units:,} đơn vị trong {seconds} giây"
            f" / created {people:,} people, {units:,} units in {seconds} s"
        )

    def _print_access(self, url: str, credentials: list[Credential]) -> None:
        self.stdout.write(f"\nĐịa chỉ / URL: {url}")
        self.stdout.write(f"Dữ liệu / data dir: {settings.DATA_DIR}")
        self.stdout.write(
            "Tài khoản (mật khẩu chỉ hiện một lần) / accounts (passwords shown once):"
        )
        for c in credentials:
            self.stdout.write(f"  {c.username:<20} {c.password:<20} {c.role:<16} {c.scope}")
        if not getattr(settings, "CANBO_REQUIRE_ADMIN_2FA", True):
            self.stdout.write(
                "Lưu ý: bản demo tắt xác thực hai lớp cho quản trị viên"
                " (CANBO_REQUIRE_ADMIN_2FA=1 để bật) / note: the demo relaxes admin 2FA."
            )
        for name, source in key_sources().items():
            if source.startswith("derived"):
                self.stdout.write(
                    f"Lưu ý: khoá {name} suy ra từ secret_key trong thư mục dữ liệu, chỉ dùng"
                    f" thử / note: {name} {source}; production needs it set apart"
                )


def _delete_sqlite_database() -> None:
    """Remove the SQLite file (and its WAL files) so the demo starts from scratch."""
    if connection.vendor != "sqlite":
        raise CommandError("--reset only deletes SQLite databases; drop PostgreSQL by hand")
    name = Path(str(connection.settings_dict["NAME"]))
    connections.close_all()
    for path in (name, name.with_name(name.name + "-wal"), name.with_name(name.name + "-shm")):
        path.unlink(missing_ok=True)


def _named_from_audit() -> dict[str, int]:
    entry = AuditEntry.objects.filter(action=LOAD_ACTION).order_by("-seq").first()
    details = json.loads(entry.details) if entry and entry.details else {}
    return {k: int(v) for k, v in details.get("named", {}).items()}
