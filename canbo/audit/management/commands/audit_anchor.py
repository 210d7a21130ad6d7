"""``canbo audit anchor [--out FILE]``: print a signed checkpoint of the audit chain.

Keep it outside the server (printed in the conference minutes, sent up in a report); later,
``canbo audit verify --anchor FILE`` proves the chain still reaches that entry unchanged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from canbo.audit.log import AuditChainTampered, take_anchor
from canbo.core.audit_chain import format_anchor
from canbo.core.clock import SystemClock


class Command(BaseCommand):
    help = "Print a signed checkpoint of the audit chain (Mốc kiểm tra nhật ký kiểm toán)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", metavar="FILE", help="also write the anchor to FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            anchor = take_anchor(SystemClock().now())
        except AuditChainTampered as exc:
            raise CommandError(
                f"Không lập mốc: nhật ký bị thay đổi / no anchor: {exc}", returncode=1
            ) from exc
        text = format_anchor(anchor) + "\n"
        if options["out"]:
            try:
                Path(options["out"]).write_text(text, encoding="utf-8")
            except OSError as exc:
                raise CommandError(f"{options['out']}: {exc.strerror}", returncode=2) from exc
        self.stdout.write(text, ending="")
