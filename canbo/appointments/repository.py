"""ORM repository of appointment processes (the port
``canbo.services.appointments.ports.AppointmentRepository``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from canbo.core.types import PersonId, UnitId
from canbo.registry import models as reg
from canbo.services.appointments.ports import (
    CandidateRow,
    CandidateSource,
    DossierItemData,
    HoldingDue,
    OverrideData,
    ParticipantData,
    ProcessData,
    ProcessId,
    ProcessKind,
    ProcessStatus,
    RecusalData,
    RecusalOutcome,
    ReferralData,
    StepData,
    StepId,
    StepKindValue,
    StepStatus,
    TitleInfo,
)

from . import models as m

_PROCESS_FIELDS = (
    "kind",
    "status",
    "rulebook_id",
    "power_rulebook_id",
    "policy_approved_on",
    "started_on",
    "dossier_received_on",
    "decided_on",
    "decision_ref",
    "signed_on",
    "effective_on",
    "term_ends",
    "note",
    "created_by",
)
_PROCESS_FKS = {
    "title_id": "title_id",
    "unit_id": "unit_id",
    "proposer_id": "proposer_id",
    "appraiser_id": "appraiser_id",
    "decider_id": "decider_id",
    "deciding_unit_id": "deciding_unit_id",
    "holding_id": "holding_id",
    "appointee_id": "appointee_id",
}


def process_data(row: m.AppointmentProcess) -> ProcessData:
    def pid(v: int | None) -> PersonId | None:
        return PersonId(v) if v is not None else None

    return ProcessData(
        kind=ProcessKind(row.kind),
        title_id=row.title_id,
        unit_id=UnitId(row.unit_id),
        started_on=row.started_on,
        rulebook_id=row.rulebook_id,
        power_rulebook_id=row.power_rulebook_id,
        status=ProcessStatus(row.status),
        policy_approved_on=row.policy_approved_on,
        dossier_received_on=row.dossier_received_on,
        decided_on=row.decided_on,
        decision_ref=row.decision_ref,
        signed_on=row.signed_on,
        effective_on=row.effective_on,
        term_ends=row.term_ends,
        proposer_id=pid(row.proposer_id),
        appraiser_id=pid(row.appraiser_id),
        decider_id=pid(row.decider_id),
        deciding_unit_id=UnitId(row.deciding_unit_id) if row.deciding_unit_id else None,
        holding_id=row.holding_id,
        appointee_id=pid(row.appointee_id),
        note=row.note,
        created_by=row.created_by,
        process_id=ProcessId(row.pk),
    )


def step_data(row: m.ProcessStep) -> StepData:
    return StepData(
        process_id=ProcessId(row.process_id),
        kind=StepKindValue(row.kind),
        order=row.order,
        ballot=row.ballot,
        sealed=row.sealed,
        status=StepStatus(row.status),
        conference_id=row.conference_id,
        session_id=row.session_id,
        convened=row.convened,
        present=row.present,
        collective_members=row.collective_members,
        outcome=row.outcome,
        opened_on=row.opened_on,
        closed_on=row.closed_on,
        step_id=StepId(row.pk),
    )


class DjangoAppointmentRepository:
    def add(self, data: ProcessData) -> ProcessId:
        row = m.AppointmentProcess(
            **{f: getattr(data, f) for f in _PROCESS_FIELDS},
            **{c: getattr(data, f) for f, c in _PROCESS_FKS.items()},
        )
        row.save()
        return ProcessId(row.pk)

    def get(self, process_id: ProcessId, *, lock: bool = False) -> ProcessData | None:
        rows = m.AppointmentProcess.objects.filter(pk=process_id)
        if lock:
            rows = rows.select_for_update()
        row = rows.first()
        return process_data(row) if row else None

    def update(self, data: ProcessData) -> None:
        values = {f: getattr(data, f) for f in _PROCESS_FIELDS}
        values.update({c: getattr(data, f) for f, c in _PROCESS_FKS.items()})
        assert data.process_id is not None  # noqa: S101
        m.AppointmentProcess.objects.filter(pk=data.process_id).update(**values)

    def add_candidate(self, row: CandidateRow) -> None:
        key = row.sort_key
        if not key:
            key = (
                reg.Person.objects.filter(pk=row.person_id)
                .values_list("sort_key", flat=True)
                .first()
                or ""
            )
        m.ProcessCandidate.objects.create(
            process_id=row.process_id,
            person_id=row.person_id,
            full_name=row.full_name,
            source=str(row.source),
            sort_key=key,
            active=row.active,
        )

    def candidates(self, process_id: ProcessId) -> list[CandidateRow]:
        rows = m.ProcessCandidate.objects.filter(process_id=process_id).order_by("sort_key", "pk")
        return [
            CandidateRow(
                ProcessId(r.process_id),
                PersonId(r.person_id),
                r.full_name,
                CandidateSource(r.source),
                r.sort_key,
                r.active,
            )
            for r in rows
        ]

    def set_active(self, process_id: ProcessId, active: Sequence[int]) -> None:
        rows = m.ProcessCandidate.objects.filter(process_id=process_id)
        rows.exclude(person_id__in=list(active)).update(active=False)

    def add_step(self, data: StepData) -> StepId:
        row = m.ProcessStep.objects.create(
            process_id=data.process_id,
            kind=str(data.kind),
            order=data.order,
            ballot=data.ballot,
            sealed=data.sealed,
            status=str(data.status),
        )
        return StepId(row.pk)

    def steps(self, process_id: ProcessId) -> list[StepData]:
        rows = m.ProcessStep.objects.filter(process_id=process_id).order_by("order")
        return [step_data(r) for r in rows]

    def update_step(self, data: StepData) -> None:
        assert data.step_id is not None  # noqa: S101
        m.ProcessStep.objects.filter(pk=data.step_id).update(
            status=str(data.status),
            conference_id=data.conference_id,
            session_id=data.session_id,
            convened=data.convened,
            present=data.present,
            collective_members=data.collective_members,
            outcome=dict(data.outcome) if data.outcome is not None else None,
            opened_on=data.opened_on,
            closed_on=data.closed_on,
            sealed=data.sealed,
        )

    def add_participants(self, step_id: StepId, rows: Sequence[ParticipantData]) -> None:
        m.StepParticipant.objects.bulk_create(
            [m.StepParticipant(step_id=step_id, person_id=r.person_id, role=r.role) for r in rows],
            ignore_conflicts=True,
        )

    def participants(self, process_id: ProcessId) -> list[ParticipantData]:
        rows = m.StepParticipant.objects.filter(step__process_id=process_id).values_list(
            "person_id", "role", "step__kind"
        )
        return [ParticipantData(PersonId(p), r, k) for p, r, k in rows.order_by("pk")]

    def add_override(self, data: OverrideData) -> None:
        m.Override.objects.update_or_create(
            process_id=data.process_id,
            person_id=data.person_id,
            check_key=data.check_key,
            defaults={
                "rule": data.rule,
                "decision_ref": data.decision_ref,
                "body": data.body,
                "reason": data.reason,
                "recorded_on": data.recorded_on,
                "recorded_by": data.recorded_by,
            },
        )

    def overrides(self, process_id: ProcessId) -> list[OverrideData]:
        rows = m.Override.objects.filter(process_id=process_id).order_by("pk")
        return [
            OverrideData(
                ProcessId(r.process_id),
                PersonId(r.person_id),
                r.check_key,
                r.rule,
                r.decision_ref,
                r.body,
                r.reason,
                r.recorded_on,
                r.recorded_by,
            )
            for r in rows
        ]

    def add_referral(self, data: ReferralData) -> None:
        m.Referral.objects.create(
            step_id=data.step_id,
            decision=data.decision,
            decided_by_body=data.decided_by_body,
            on=data.on,
            carried=list(data.carried),
            recorded_by=data.recorded_by,
        )

    def referrals(self, process_id: ProcessId) -> list[ReferralData]:
        rows = m.Referral.objects.filter(step__process_id=process_id).order_by("pk")
        return [
            ReferralData(
                StepId(r.step_id),
                r.decision,
                r.decided_by_body,
                r.on,
                tuple(int(p) for p in r.carried),
                r.recorded_by,
            )
            for r in rows
        ]

    def dossier_items(self, process_id: ProcessId) -> list[DossierItemData]:
        rows = m.DossierItem.objects.filter(process_id=process_id).order_by("pk")
        return [
            DossierItemData(
                ProcessId(r.process_id),
                PersonId(r.person_id or 0),
                r.item,
                PersonId(r.verified_by_id) if r.verified_by_id else None,
                r.verified_on,
                r.note,
            )
            for r in rows
        ]

    def save_dossier_item(self, data: DossierItemData) -> None:
        m.DossierItem.objects.update_or_create(
            process_id=data.process_id,
            person_id=data.person_id,
            item=data.item,
            defaults={
                "verified_by_id": data.verified_by,
                "verified_on": data.verified_on,
                "note": data.note,
            },
        )

    def recusals(self, process_id: ProcessId) -> list[RecusalData]:
        rows = m.Recusal.objects.filter(process_id=process_id).select_related("step")
        return [
            RecusalData(
                ProcessId(r.process_id),
                PersonId(r.person_id),
                r.role,
                RecusalOutcome(r.outcome),
                r.reason,
                r.recorded_on,
                r.step.kind if r.step else "",
                r.recorded_by,
            )
            for r in rows.order_by("pk")
        ]

    def holdings_due(self, ends_by: dt.date, today: dt.date) -> list[HoldingDue]:
        taken = m.AppointmentProcess.objects.filter(
            kind=str(ProcessKind.REAPPOINTMENT), holding__isnull=False
        ).values("holding_id")
        rows = (
            reg.PositionHolding.objects.filter(
                term_ends__isnull=False,
                term_ends__lte=ends_by,
                term_ends__gte=today,
                valid_from__lte=today,
                valid_to__gte=today,
            )
            .exclude(pk__in=taken)
            .select_related("person")
            .order_by("term_ends", "pk")
        )
        return [
            HoldingDue(
                h.pk,
                PersonId(h.person_id),
                h.title_id,
                UnitId(h.unit_id),
                h.term_ends,
                h.person.birth_date,
                h.person.sex,
                h.person.full_name,
            )
            for h in rows
            if h.term_ends is not None
        ]

    def title(self, title_id: int) -> TitleInfo | None:
        row = reg.Title.objects.filter(pk=title_id).first()
        return TitleInfo(row.pk, row.code, row.name, row.level) if row else None

    def person_names(self, person_ids: Sequence[int]) -> dict[int, str]:
        rows = reg.Person.objects.filter(pk__in=list(person_ids)).values_list("pk", "full_name")
        return {PersonId(pk): name for pk, name in rows}
