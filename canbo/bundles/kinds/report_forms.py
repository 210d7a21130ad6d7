"""Downward kind ``report_forms``: the report and survey requests the level above sends into
the receiver's subtree, each with its form (handbook SV-01, SV-02), through the surveys
app's own use cases.

Export (the surveys selector): every request dated in the period that reaches a unit of the
scope unit's subtree, filed under the requesting unit, with the form's full spec, title,
note, the kind of unit it targets, its date and deadline; the key is the request's key across
installations. Apply: ``receive_form`` stores the form once (the same code and version with
other content is refused, SV-01) and ``receive_request`` assigns the request to the units of
its kind in the requester's subtree here as of its date (OR-19), once per key; both audited as
the bundle's receipt. The requesting unit must be known here (send the unit tree first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, cast

from django.utils import timezone

from canbo.core.citations.documents import DESIGN
from canbo.core.errors import Citation, ValidationError
from canbo.core.types import UnitId
from canbo.services.bundles.ports import Direction
from canbo.services.surveys.forms import receive_form, spec_from
from canbo.services.surveys.ports import SurveyUnitOfWork
from canbo.services.surveys.requests import receive_request
from canbo.surveys import selectors
from canbo.surveys.uow import DjangoSurveyUnitOfWork

from . import register
from ._common import bundle_actor

OR14 = Citation(DESIGN, rule_id="OR-14")


class ReportForms:
    kind = "report_forms"
    direction = Direction.DOWN
    schema_version = 1

    def export(
        self, scope_unit_id: int, period_start: dt.date, period_end: dt.date
    ) -> Iterable[dict[str, Any]]:
        return selectors.export_requests(scope_unit_id, period_start, period_end)

    def apply(self, records: Sequence[dict[str, Any]], receipt_id: int) -> int:
        actor = bundle_actor(receipt_id)
        # The port declares plain (mutable, so invariant) attributes; the adapter's are the
        # Django repositories that implement them.
        uow = cast(SurveyUnitOfWork, DjangoSurveyUnitOfWork())
        now = timezone.now()
        changed = 0
        with uow:
            for record in records:
                requester = selectors.unit_by_code(record["unit"])
                if requester is None:
                    raise ValidationError(
                        "bundle_requester_unknown", citation=OR14, field="unit",
                        unit=record["unit"], key=record["key"],
                    )  # fmt: skip
                form_id, new_form = receive_form(
                    uow, actor, UnitId(requester), spec_from(record["form"]), now
                )
                _request, new_request = receive_request(
                    uow,
                    actor,
                    origin_key=record["key"],
                    form_id=form_id,
                    requester_id=UnitId(requester),
                    target_kind=record["target_kind"],
                    as_of=dt.date.fromisoformat(record["as_of"]),
                    deadline=dt.date.fromisoformat(record["deadline"]),
                    title=record["title"],
                    note=record.get("note", ""),
                    now=now,
                )
                changed += int(new_form) + int(new_request)
            uow.commit()
        return changed


CODEC = register(ReportForms())
