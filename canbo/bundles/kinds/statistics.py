"""Upward kind ``statistics``: the organization sector's statistics of the sender's scope as
of the period's end (handbook FRM-08 to FRM-11, OR-19, OR-20), computed by the statistics
use case and carried in its one exported shape (``StatsReport.as_dict()``).

One record for the scope unit and one for each unit directly under it on that date, so the
receiver can show the level below beside the total; each filed under its own unit with the
key ``statistics/<unit code>/<as-of date>`` (a newer bundle for the same period supersedes it). The
movement tables run over the statistics year up to the as-of date (the use case's period).
This installation's row id of the unit is left out: the unit travels by code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from canbo.registry import models as reg
from canbo.services.bundles.ports import Direction
from canbo.services.ports import SYSTEM
from canbo.services.stats.statistics import member_statistics
from canbo.stats.selectors import reader

from . import register


def _children(unit_id: int, on: dt.date) -> list[int]:
    rows = reg.UnitVersion.objects.filter(parent_id=unit_id, valid_from__lte=on, valid_to__gte=on)
    return list(rows.order_by("sort_key", "unit_id").values_list("unit_id", flat=True))


class Statistics:
    kind = "statistics"
    direction = Direction.UP
    schema_version = 1

    def export(
        self, scope_unit_id: int, period_start: dt.date, period_end: dt.date
    ) -> Iterator[dict[str, Any]]:
        source = reader()
        for unit_id in [scope_unit_id, *_children(scope_unit_id, period_end)]:
            report = member_statistics(SYSTEM, source, unit_id, period_end).as_dict()
            report.pop("unit_id", None)
            yield {
                "unit": report["unit_code"],
                "key": f"statistics/{report['unit_code']}/{period_end.isoformat()}",
                "as_of": period_end.isoformat(),
                "scope": unit_id == scope_unit_id,
                "report": report,
            }

    def apply(self, records: Sequence[dict[str, Any]], receipt_id: int) -> int:
        """Upward: the bundle framework keeps the records as received; nothing to write."""
        return 0


CODEC = register(Statistics())
