"""What other apps read of the work programme (the results dashboards, bundles).

``summary(unit_id, year)`` is the year-end summary of the unit's programme: its projects and
tasks counted by status, overdue and completed late (computed on 31/12, or today while the year
runs), and the projects of every programme in its subtree (WP-05, OR-20). It does not check
the reader's scope: the caller has already loaded the unit through its own access check.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from canbo.core.clock import SystemClock
from canbo.core.programme import YearSummary, summarize, summary_date
from canbo.core.types import UnitId

from .repository import DjangoProgrammeRepository, DjangoUnitTree

__all__ = ["YearSummary", "headline", "summary"]


def summary(unit_id: int, year: int, today: dt.date | None = None) -> YearSummary:
    """The year-end summary of ``unit_id``'s programme for ``year`` (WP-05).

    ``.projects.completed`` of ``.projects.total`` is "21 trên 21 đề án hoàn thành";
    ``.as_dict()`` is the JSON-safe shape; :func:`headline` words it.
    """
    day = today or SystemClock().today()
    on = summary_date(year, day)
    children = DjangoUnitTree().children(UnitId(unit_id), on)
    units = {int(unit_id)} | {c for kids in children.values() for c in kids}
    items = DjangoProgrammeRepository().of_owners([UnitId(u) for u in units], year)
    return summarize(int(unit_id), year, items, day)


def headline(found: YearSummary) -> str:
    """ "21 trên 21 đề án hoàn thành" (translated)."""
    return _("%(done)s trên %(total)s đề án hoàn thành") % {
        "done": found.projects.completed,
        "total": found.projects.total,
    }
