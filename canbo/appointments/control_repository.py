"""Django adapters of power control (QĐ 114-QĐ/TW): recusals, declared close acquaintances
(PC-21), stored flags, the decider's retirement notice, the processes of a subtree and the audit
entries the control report reads back (PC-19). The declared relationships themselves are read by
the appointments unit of work (``DjangoRelationsReader``: a registry ``Relative`` linked to a
person is a family relationship, PC-11; an ``Acquaintance`` is a close acquaintance).

Nothing here reads a ballot: a recusal names a person and a step, never what anyone marked.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.db.models import Q

from canbo.audit.models import AuditEntry
from canbo.core.types import PersonId, UnitId
from canbo.db.unit_tree import subtree_ids
from canbo.registry import models as reg
from canbo.services.appointments.control import AuditView
from canbo.services.appointments.ports import ProcessId, RecusalData
from canbo.services.appointments.power import StoredFlag

from . import models as m
from .uow import DjangoAppointmentsUnitOfWork


class DjangoPowerRepository:
    """Recusals, acquaintances, flags and the facts power control reads beside a process."""

    def add_recusal(self, data: RecusalData) -> int:
        step = None
        if data.step:
            step = m.ProcessStep.objects.filter(process_id=data.process_id, kind=data.step).first()
        row = m.Recusal.objects.create(
            process_id=data.process_id,
            step=step,
            person_id=data.person_id,
            role=data.role,
            outcome=str(data.outcome),
            reason=data.reason,
            recorded_by=data.recorded_by[:150],
            recorded_on=data.recorded_on,
        )
        return int(row.pk)

    def has_acquaintance(self, person_id: PersonId, other_id: PersonId) -> bool:
        pair = Q(person_id=person_id, other_id=other_id) | Q(person_id=other_id, other_id=person_id)
        return m.Acquaintance.objects.filter(pair).exists()

    def add_acquaintance(
        self,
        person_id: PersonId,
        other_id: PersonId,
        declared_by: PersonId | None,
        source: str,
        on: dt.date,
    ) -> int:
        row = m.Acquaintance.objects.create(
            person_id=person_id,
            other_id=other_id,
            declared_by_id=declared_by,
            source=source[:255],
            declared_on=on,
        )
        return int(row.pk)

    def person_unit(self, person_id: PersonId, on: dt.date) -> UnitId | None:
        rows = reg.Membership.objects.filter(person_id=person_id)
        row = rows.filter(valid_from__lte=on, valid_to__gte=on).first()
        row = row or rows.order_by("-valid_to").first()
        return UnitId(row.unit_id) if row else None

    def notice_on(self, person_id: PersonId, before: dt.date) -> dt.date | None:
        row = (
            reg.RetirementNotice.objects.filter(person_id=person_id, notice_date__lte=before)
            .order_by("-notice_date")
            .first()
        )
        return row.notice_date if row else None

    def stored_flags(self, process_id: ProcessId) -> list[StoredFlag]:
        return [
            StoredFlag(f.key, f.rule, f.message, f.severity, f.raised_on)
            for f in m.ProcessFlag.objects.filter(process_id=process_id).order_by("id")
        ]

    def add_flag(self, process_id: ProcessId, flag: StoredFlag) -> None:
        m.ProcessFlag.objects.create(
            process_id=process_id,
            key=flag.key,
            rule=flag.rule,
            message=flag.message,
            severity=flag.severity,
            raised_on=flag.raised_on,
        )


class DjangoControlReader:
    """The processes of a subtree, unit names and the audit entries read back (PC-19)."""

    def processes_under(self, unit_id: UnitId, start: dt.date, end: dt.date) -> list[ProcessId]:
        units = subtree_ids(unit_id, end)
        within = Q(started_on__range=(start, end)) | Q(decided_on__range=(start, end))
        rows = m.AppointmentProcess.objects.filter(within, unit_id__in=units)
        return [
            ProcessId(pk) for pk in rows.order_by("started_on", "id").values_list("pk", flat=True)
        ]

    def unit_name(self, unit_id: UnitId, on: dt.date) -> str:
        versions = reg.UnitVersion.objects.filter(unit_id=unit_id)
        row = versions.filter(valid_from__lte=on, valid_to__gte=on).first()
        row = row or versions.order_by("-valid_from").first()
        return row.name if row else ""

    def audit_entries(self, action: str, object_id: str) -> list[AuditView]:
        rows = AuditEntry.objects.filter(action=action, object_id=object_id).order_by("seq")
        return [AuditView(r.seq, r.at, r.actor_label, _details(r.details)) for r in rows]


def _details(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


class DjangoControlUnitOfWork(DjangoAppointmentsUnitOfWork):
    """The appointments unit of work with power control's rows and the report's reader."""

    def __init__(self) -> None:
        super().__init__()
        self.power = DjangoPowerRepository()
        self.control = DjangoControlReader()
