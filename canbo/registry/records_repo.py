"""Django adapter of the record repository port."""

from __future__ import annotations

import datetime as dt

from django.db.models import Model

from canbo.core.errors import ValidationError
from canbo.core.records import (
    DisciplineData,
    LeaveData,
    PartyEventData,
    PartyEventKind,
    PositionData,
    RecordData,
    RelativeData,
    RetirementNoticeData,
    TermData,
)
from canbo.core.types import PersonId, RelationKind, UnitId

from . import models
from .constants import FOREVER


class DjangoRecordRepository:
    def add(self, person_id: PersonId, data: RecordData) -> int:
        match data:
            case PositionData():
                title = models.Title.objects.filter(code=data.title_code).first()
                if title is None:
                    raise ValidationError(
                        "unknown_title", field="title_code", value=data.title_code
                    )
                row: Model = models.PositionHolding.objects.create(
                    person_id=person_id,
                    title=title,
                    unit_id=data.unit_id,
                    how=data.how,
                    decision_ref=data.decision_ref,
                    valid_from=data.valid.valid_from,
                    valid_to=data.valid.valid_to or FOREVER,
                    term_ends=data.term_ends,
                    is_concurrent=data.is_concurrent,
                )
            case DisciplineData():
                row = models.DisciplineRecord.objects.create(
                    person_id=person_id,
                    form=str(data.form),
                    decision_date=data.decision_date,
                    violation_date=data.violation_date,
                    authority=data.authority,
                    decision_ref=data.decision_ref,
                    reason=data.reason,
                    self_remedied=data.self_remedied,
                    stops_counting_on=data.stops_counting_on,
                )
            case LeaveData():
                row = models.LeavePeriod.objects.create(
                    person_id=person_id,
                    kind=str(data.kind),
                    starts=data.starts,
                    ends=data.ends,
                    note=data.note,
                )
            case RetirementNoticeData():
                row = models.RetirementNotice.objects.create(
                    person_id=person_id,
                    notice_date=data.notice_date,
                    retirement_date=data.retirement_date,
                    decision_ref=data.decision_ref,
                )
            case RelativeData():
                row = models.Relative.objects.create(
                    person_id=person_id,
                    relation=str(data.relation),
                    linked_person_id=data.linked_person_id,
                    full_name=data.full_name,
                    birth_year=data.birth_year,
                    workplace=data.workplace,
                    declared_on=data.declared_on,
                    ended_on=data.ended_on,
                )
        return int(row.pk)

    def end_position(self, person_id: PersonId, record_id: int, last_day: dt.date) -> bool:
        return bool(
            models.PositionHolding.objects.filter(
                pk=record_id, person_id=person_id, valid_from__lte=last_day
            ).update(valid_to=last_day)
        )

    def add_term(self, data: TermData) -> int:
        term = models.Term.objects.create(
            unit_id=data.unit_id, name=data.name, starts=data.starts, ends=data.ends
        )
        return int(term.pk)

    def add_event(self, person_id: PersonId, data: PartyEventData) -> int:
        row = models.PartyEvent.objects.create(
            person_id=person_id,
            kind=str(data.kind),
            date=data.date,
            decision_ref=data.decision_ref,
            unit_id=data.unit_id,
            until=data.until,
            note=data.note,
        )
        return int(row.pk)

    def events(self, person_id: PersonId) -> list[PartyEventData]:
        return [
            PartyEventData(
                kind=PartyEventKind(e.kind),
                date=e.date,
                decision_ref=e.decision_ref,
                unit_id=UnitId(e.unit_id) if e.unit_id else None,
                until=e.until,
                note=e.note,
            )
            for e in models.PartyEvent.objects.filter(person_id=person_id).order_by("date", "pk")
        ]

    def relatives(self, person_id: PersonId) -> list[RelativeData]:
        return [
            RelativeData(
                relation=RelationKind(r.relation),
                declared_on=r.declared_on,
                linked_person_id=PersonId(r.linked_person_id) if r.linked_person_id else None,
                full_name=r.full_name,
                birth_year=r.birth_year,
                workplace=r.workplace,
                ended_on=r.ended_on,
            )
            for r in models.Relative.objects.filter(person_id=person_id)
        ]

    def end_relative(self, person_id: PersonId, record_id: int, ended_on: dt.date) -> bool:
        return bool(
            models.Relative.objects.filter(
                pk=record_id, person_id=person_id, ended_on__isnull=True
            ).update(ended_on=ended_on)
        )
