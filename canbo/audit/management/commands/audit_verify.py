"""``canbo audit verify``: exit 1 and name the first bad entry if the chain is broken."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from canbo.audit.log import verify
from canbo.audit.models import AuditEntry


class Command(BaseCommand):
    help = "Verify the tamper-evident audit chain (Kiểm tra chuỗi nhật ký kiểm toán)."

    def handle(self, *args: Any, **options: Any) -> None:
        problem = verify()
        if problem is not None:
            raise CommandError(
                f"Nhật ký bị thay đổi / audit chain broken at {problem}", returncode=1
            )
        count = AuditEntry.objects.count()
        self.stdout.write(f"OK: {count} mục nhật ký nguyên vẹn / {count} audit entries intact")
