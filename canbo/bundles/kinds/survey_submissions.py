"""Upward kind ``survey_submissions``: the report and survey submissions of the sender's
subtree (handbook SV-03, SV-04), read through the surveys app's own selector.

One record per submission version made in the period by a unit of the scope unit's subtree
on the period's end: the request (its key across installations, requester, form code and
version, title, deadline), the version, the answers as stored, when it was submitted, the
late flag and a correction's reason. Versions are never changed, so each is its own record
(key ``<request key>/<version>``) and the higher level sees the corrections too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from canbo.services.bundles.ports import Direction
from canbo.surveys import selectors

from . import register


class SurveySubmissions:
    kind = "survey_submissions"
    direction = Direction.UP
    schema_version = 1

    def export(
        self, scope_unit_id: int, period_start: dt.date, period_end: dt.date
    ) -> Iterable[dict[str, Any]]:
        return selectors.export_submissions(scope_unit_id, period_start, period_end)

    def apply(self, records: Sequence[dict[str, Any]], receipt_id: int) -> int:
        """Upward: the bundle framework keeps the records as received; nothing to write."""
        return 0


CODEC = register(SurveySubmissions())
