"""Upward kind ``classification_results``: the published quality classification of the
collectives and individuals of the sender's subtree (QĐ 366-QĐ/TW; handbook CL-27).

One record per subject of a published cycle whose year falls in the period and whose unit
lies in the scope unit's subtree on the period's end: the kind of subject, the person (code
and full name) for individuals, the final level (``HTXS``, ``HTT``, ``HT``, ``KHT``) or the
exemption, and the cycle (year, name, root, rulebook). Levels of a cycle not yet published
never leave the installation (CL-27: results are known only once published).

The key ``<year>/<cycle root>/<kind>/<unit>[/<person>]`` is stable across exports, so a newer
bundle supersedes the older line by line. One query, streamed (a province is about 300,000
subjects).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from canbo.core.classification.model import Level
from canbo.services.bundles.ports import Direction

from . import register
from ._common import day, stream, subtree_sql

LEVEL_NAMES = {int(lv.value): lv.name for lv in Level}

SELECT = """
SELECT c.year, r.code, c.name, c.rulebook, c.published_at, s.kind, u.code, p.code,
       p.full_name, s.final_level, s.exemption
FROM classification_cyclesubject s
JOIN classification_cycle c ON c.id = s.cycle_id
JOIN registry_orgunit u ON u.id = s.unit_id
JOIN registry_orgunit r ON r.id = c.root_id
LEFT JOIN registry_person p ON p.id = s.person_id
WHERE c.status = 'published' AND c.year >= %s AND c.year <= %s
  AND s.unit_id IN (SELECT unit_id FROM down)
  AND (s.final_level IS NOT NULL OR s.exemption <> '')
ORDER BY c.id, s.id
"""


class ClassificationResults:
    kind = "classification_results"
    direction = Direction.UP
    schema_version = 1

    def export(
        self, scope_unit_id: int, period_start: dt.date, period_end: dt.date
    ) -> Iterator[dict[str, Any]]:
        params = (scope_unit_id, period_end, period_end, period_start.year, period_end.year)
        for row in stream(subtree_sql(SELECT), params):
            year, root, name, rulebook, published, kind, unit, person, full_name = row[:9]
            level, exemption = row[9], row[10]
            key = f"{year}/{root}/{kind}/{unit}" + (f"/{person}" if person else "")
            yield {
                "unit": unit,
                "key": key,
                "year": int(year),
                "cycle": name,
                "cycle_root": root,
                "rulebook": rulebook,
                "published_at": day(published),
                "subject_kind": kind,
                "person": person,
                "full_name": full_name,
                "level": LEVEL_NAMES[int(level)] if level is not None else None,
                "exemption": exemption or "",
            }

    def apply(self, records: Sequence[dict[str, Any]], receipt_id: int) -> int:
        """Upward: the bundle framework keeps the records as received; nothing to write."""
        return 0


CODEC = register(ClassificationResults())
