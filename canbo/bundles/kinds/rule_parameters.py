"""Downward kind ``rule_parameters``: the rulebook parameter choices of the classification
cycles that cover the receiver (handbook GEN-01; QĐ 366-QĐ/TW), so a lower installation runs
its part of a cycle with the choices the level above made.

Export: each classification cycle of the period's years whose root is the scope unit or a
unit above it on the period's end: year, name, as-of date, root (by code), rulebook, status,
the parameter values used (``parameters``) and the cycle-level choices (``settings``, e.g.
``cl_publicity_audience``); filed under the scope unit, key ``cycle/<year>/<root code>``.

Apply: the choices are kept as received records of the bundle (the same table as the upward
kinds), so the receiver's bundle pages (``/lien-thong/``, received records by kind) show them
and ``canbo.bundles.selectors.received_records("rule_parameters", ...)`` reads them; a newer
bundle supersedes the older, both kept. They are shown, not imposed: a cycle opened here still
takes its own overrides, and its page records the values it used. Returns the number of
cycles whose choices differ from what was last received for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from django.db import transaction

from canbo.bundles.choices import Relation
from canbo.bundles.models import BundleReceipt, Installation, ReceivedRecord
from canbo.classification import models as cl
from canbo.db.unit_tree import ancestors
from canbo.registry import models as reg
from canbo.services.bundles.ports import Direction

from . import register
from ._common import day

KIND = "rule_parameters"


class RuleParameters:
    kind = KIND
    direction = Direction.DOWN
    schema_version = 1

    def export(
        self, scope_unit_id: int, period_start: dt.date, period_end: dt.date
    ) -> Iterator[dict[str, Any]]:
        scope = reg.OrgUnit.objects.values_list("code", flat=True).get(pk=scope_unit_id)
        above = [int(u) for u in ancestors(scope_unit_id, period_end)] or [scope_unit_id]
        cycles = cl.Cycle.objects.filter(
            root_id__in=above, year__gte=period_start.year, year__lte=period_end.year
        ).select_related("root")
        for c in cycles.order_by("year", "pk"):
            yield {
                "unit": scope,
                "key": f"cycle/{c.year}/{c.root.code}",
                "year": c.year,
                "name": c.name,
                "as_of": c.as_of.isoformat(),
                "root": c.root.code,
                "rulebook": c.rulebook,
                "status": c.status,
                "published_at": day(c.published_at),
                "parameters": c.parameters,
                "settings": c.settings,
            }

    def apply(self, records: Sequence[dict[str, Any]], receipt_id: int) -> int:
        unit_id = _filed_under(receipt_id)
        changed = 0
        with transaction.atomic():
            for record in records:
                payload = {k: v for k, v in record.items() if k not in ("unit", "key")}
                last = (
                    ReceivedRecord.objects.filter(kind=KIND, key=record["key"])
                    .exclude(receipt_id=receipt_id)
                    .order_by("-receipt__received_at", "-pk")
                    .values_list("payload", flat=True)
                    .first()
                )
                changed += int(last != payload)
                ReceivedRecord.objects.create(
                    receipt_id=receipt_id, kind=KIND, unit_id=unit_id, key=record["key"],
                    payload=payload,
                )  # fmt: skip
        return changed


def _filed_under(receipt_id: int) -> int:
    """The bundle's scope unit when this installation has it, else this installation's root
    (a lower installation may hold only its own part of the sender's scope)."""
    scope = BundleReceipt.objects.values_list("scope_unit_id", flat=True).get(pk=receipt_id)
    if scope is not None:
        return int(scope)
    own = Installation.objects.filter(relation=Relation.SELF).values_list("root_unit_id", flat=True)
    return int(own.get())


CODEC = register(RuleParameters())
