"""Django adapter of the conference port (canbo.services.voting.ports.ConferenceRepository)."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Count

from canbo.core.types import PersonId, UnitId
from canbo.registry.models import Person
from canbo.services.voting.ports import (
    Attendance,
    CheckInMethod,
    ConferenceData,
    ConferenceId,
    ConvocationData,
    SiteAttendance,
    SiteId,
)

from . import models


def conference_to_domain(c: models.Conference) -> ConferenceData:
    return ConferenceData(
        unit_id=UnitId(c.unit_id),
        title=c.title,
        body=c.body,
        held_on=c.held_on,
        place=c.place,
        current_item=c.current_item,
        conference_id=ConferenceId(c.pk),
    )


class DjangoConferenceRepository:
    def add(self, data: ConferenceData) -> ConferenceId:
        row = models.Conference.objects.create(
            unit_id=data.unit_id,
            title=data.title,
            body=data.body,
            held_on=data.held_on,
            place=data.place,
        )
        return ConferenceId(row.pk)

    def get(self, conference_id: ConferenceId) -> ConferenceData | None:
        row = models.Conference.objects.filter(pk=conference_id).first()
        return conference_to_domain(row) if row else None

    def set_agenda(self, conference_id: ConferenceId, titles: Sequence[str]) -> None:
        models.AgendaItem.objects.filter(conference_id=conference_id).delete()
        models.AgendaItem.objects.bulk_create(
            models.AgendaItem(conference_id=conference_id, position=i, title=t)
            for i, t in enumerate(titles, start=1)
        )
        models.Conference.objects.filter(pk=conference_id).update(current_item=1)

    def agenda(self, conference_id: ConferenceId) -> list[str]:
        return list(
            models.AgendaItem.objects.filter(conference_id=conference_id)
            .order_by("position")
            .values_list("title", flat=True)
        )

    def set_current_item(self, conference_id: ConferenceId, position: int) -> None:
        models.Conference.objects.filter(pk=conference_id).update(current_item=position)

    def add_site(self, conference_id: ConferenceId, name: str) -> SiteId:
        site, _ = models.Site.objects.get_or_create(conference_id=conference_id, name=name)
        return SiteId(site.pk)

    def site_conference(self, site_id: SiteId) -> ConferenceId | None:
        cid = models.Site.objects.filter(pk=site_id).values_list("conference_id", flat=True).first()
        return ConferenceId(cid) if cid else None

    def convene(
        self, conference_id: ConferenceId, person_ids: Sequence[PersonId], tokens: Sequence[str]
    ) -> int:
        existing = set(
            models.Convocation.objects.filter(conference_id=conference_id).values_list(
                "person_id", flat=True
            )
        )
        new = [
            models.Convocation(conference_id=conference_id, person_id=p, qr_token=t)
            for p, t in zip(person_ids, tokens, strict=True)
            if p not in existing
        ]
        models.Convocation.objects.bulk_create(new)
        return len(new)

    def set_excused(self, conference_id: ConferenceId, person_id: PersonId, excused: bool) -> bool:
        return bool(
            models.Convocation.objects.filter(
                conference_id=conference_id, person_id=person_id
            ).update(excused=excused)
        )

    def find_convocation(
        self, conference_id: ConferenceId, *, person_id: PersonId | None, qr_token: str | None
    ) -> ConvocationData | None:
        qs = models.Convocation.objects.filter(conference_id=conference_id).select_related("person")
        if person_id is not None:
            qs = qs.filter(person_id=person_id)
        elif qr_token:
            qs = qs.filter(qr_token=qr_token.strip())
        else:
            return None
        row = qs.first()
        if row is None:
            return None
        return ConvocationData(
            convocation_id=row.pk,
            conference_id=conference_id,
            person_id=PersonId(row.person_id),
            full_name=row.person.full_name,
            excused=row.excused,
            checked_in=models.CheckIn.objects.filter(convocation_id=row.pk).exists(),
        )

    def check_in(self, convocation_id: int, site_id: SiteId, method: CheckInMethod) -> bool:
        _, created = models.CheckIn.objects.get_or_create(
            convocation_id=convocation_id, defaults={"site_id": site_id, "method": str(method)}
        )
        return created

    def attendance(self, conference_id: ConferenceId) -> Attendance:
        rows = list(
            models.Convocation.objects.filter(conference_id=conference_id).values_list(
                "person_id", "excused", "check_in__site_id"
            )
        )
        sites = (
            models.Site.objects.filter(conference_id=conference_id)
            .annotate(n=Count("check_ins"))
            .order_by("pk")
        )
        present = frozenset(PersonId(p) for p, _, s in rows if s is not None)
        return Attendance(
            convened=len(rows),
            present=len(present),
            excused_absent=sum(1 for _, e, s in rows if e and s is None),
            sites=tuple(SiteAttendance(SiteId(s.pk), s.name, s.n) for s in sites),
            present_person_ids=present,
            convened_person_ids=frozenset(PersonId(p) for p, _, _ in rows),
        )

    def roll(self, conference_id: ConferenceId) -> list[ConvocationData]:
        rows = models.Convocation.objects.filter(conference_id=conference_id).values_list(
            "pk", "person_id", "person__full_name", "excused", "check_in__site_id"
        )
        return [
            ConvocationData(pk, conference_id, PersonId(p), name, excused, site is not None)
            for pk, p, name, excused, site in rows.order_by("pk")
        ]

    def persons_exist(self, person_ids: Sequence[PersonId]) -> list[PersonId]:
        found = set(Person.objects.filter(pk__in=person_ids).values_list("pk", flat=True))
        return [p for p in person_ids if p not in found]
