"""``canbo createadmin``: create or reset an administrator; the password is printed once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from canbo.demo.accounts import ensure_admin


class Command(BaseCommand):
    help = "Create or reset a superuser (Tạo tài khoản quản trị)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", help="default: a random password, printed once")

    def handle(self, *args: Any, **opts: Any) -> None:
        cred = ensure_admin(opts["username"], opts["password"])
        self.stdout.write(f"Tài khoản / account: {cred.username}")
        if not opts["password"]:
            self.stdout.write(f"Mật khẩu / password: {cred.password}")
