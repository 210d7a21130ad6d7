"""``canbo manage rebuild_search_index``: write the search index again from the registry.

The registry's writes keep the index current; run this after restoring a database, after
loading rows by other means, or when changes dated in the future have come into force (the
index places people and units in the tree as of the day it is written).
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from canbo.core.clock import SystemClock
from canbo.registry import search_index


class Command(BaseCommand):
    help = "Xây dựng lại chỉ mục tìm kiếm người và đơn vị (rebuild the search index)."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        with transaction.atomic():
            written = search_index.rebuild(SystemClock().today())
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Đã lập chỉ mục {written:,} người và đơn vị trong {seconds:.1f} giây"
            f" / indexed {written:,} people and units in {seconds:.1f} s"
        )
