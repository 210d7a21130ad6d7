"""Downward kind ``titles``: the title catalogue (danh mục chức danh) of the sending level.

Export: every title (code, name, managing level, managing authority, leadership flag, rank);
the catalogue is not cut by unit, so each record carries the scope unit's code as its unit.
Apply: upsert by title code; a title whose fields already match is left alone (idempotent);
each created or changed title appends the same audit entry as the administration page
(``title.create`` / ``title.change``, before and after), as the bundle's receipt. Titles are
never deleted (post holdings refer to them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from django.db import transaction
from django.forms.models import model_to_dict

from canbo.audit.log import DjangoAuditLog
from canbo.registry import models as reg
from canbo.services.bundles.ports import Direction

from . import register
from ._common import bundle_actor

FIELDS = ("name", "level", "managing_authority", "is_leadership", "rank")


class Titles:
    kind = "titles"
    direction = Direction.DOWN
    schema_version = 1

    def export(
        self, scope_unit_id: int, period_start: dt.date, period_end: dt.date
    ) -> Iterator[dict[str, Any]]:
        scope = reg.OrgUnit.objects.values_list("code", flat=True).get(pk=scope_unit_id)
        for title in reg.Title.objects.order_by("rank", "code"):
            yield {
                "unit": scope,
                "key": f"title/{title.code}",
                "code": title.code,
                **{f: getattr(title, f) for f in FIELDS},
            }

    def apply(self, records: Sequence[dict[str, Any]], receipt_id: int) -> int:
        actor = bundle_actor(receipt_id)
        audit = DjangoAuditLog()
        changed = 0
        with transaction.atomic():
            existing = {
                t.code: t for t in reg.Title.objects.filter(code__in=[r["code"] for r in records])
            }
            for record in records:
                wanted = {f: record[f] for f in FIELDS}
                title = existing.get(record["code"])
                if title is not None and all(getattr(title, f) == v for f, v in wanted.items()):
                    continue
                before = model_to_dict(title) if title is not None else None
                if title is None:
                    title = reg.Title(code=record["code"])
                for f, v in wanted.items():
                    setattr(title, f, v)
                title.full_clean()
                title.save()
                action = "title.change" if before is not None else "title.create"
                audit.append(actor, action, "title", str(title.pk), before, model_to_dict(title))
                changed += 1
        return changed


CODEC = register(Titles())
