"""``canbo audit verify [--anchor FILE ...]``: exit 1 and name the first problem if the chain,
its head or an anchor does not check out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from canbo.audit.log import current_head, verify
from canbo.core.audit_chain import Anchor, AnchorFormatError, parse_anchors
from canbo.settings.keys import key_sources


class Command(BaseCommand):
    help = "Verify the tamper-evident audit chain (Kiểm tra chuỗi nhật ký kiểm toán)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--anchor",
            action="append",
            default=[],
            metavar="FILE",
            help="an anchor printed by `canbo audit anchor` (repeatable); detects truncation,"
            " wiping and rewriting past it",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        anchors = _read_anchors(options["anchor"])
        problem = verify(anchors)
        head = current_head()
        if problem is not None or head is None:
            raise CommandError(
                f"Nhật ký bị thay đổi / audit chain broken at {problem}", returncode=1
            )
        self.stdout.write(
            f"OK: {head.last_seq} mục nhật ký nguyên vẹn / {head.last_seq} audit entries intact"
        )
        self.stdout.write(
            f"  installation {head.installation_id}, since {head.created_at.isoformat()}"
        )
        if anchors:
            newest = max(a.seq for a in anchors)
            self.stdout.write(f"  {len(anchors)} anchor(s) match, the newest at entry {newest}")
        else:
            self.stdout.write(
                "  Không có mốc: chỉ mốc lưu ngoài máy chủ phát hiện việc quay lui về trạng thái"
                " cũ / no anchor given: only an anchor kept off the server detects a rollback"
                " to an earlier state (canbo audit anchor)"
            )
        for source in key_sources().values():
            if source.startswith("derived"):
                self.stdout.write(f"  Lưu ý / note: audit key {source}")
                break


def _read_anchors(paths: list[str]) -> list[Anchor]:
    anchors: list[Anchor] = []
    for name in paths:
        try:
            anchors.extend(parse_anchors(Path(name).read_text(encoding="utf-8")))
        except OSError as exc:
            raise CommandError(f"{name}: {exc.strerror}", returncode=2) from exc
        except (AnchorFormatError, UnicodeDecodeError) as exc:
            raise CommandError(f"{name}: {exc}", returncode=2) from exc
    return anchors
