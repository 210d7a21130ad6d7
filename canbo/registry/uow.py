"""Django adapters of the registry's ports: repositories and the unit of work."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from canbo.audit.log import DjangoAuditLog
from canbo.core.clock import SystemClock
from canbo.core.collation import sort_key, word_key
from canbo.core.names import split_name
from canbo.core.plain import plain_dict
from canbo.core.registry import MembershipData, PersonData, UnitVersionData, pillar_of
from canbo.core.types import Interval, LevelClass, PersonId, Sex, UnitId, UnitKind
from canbo.db.transactions import AtomicWork
from canbo.db.unit_tree import DjangoTreeReader

from . import models
from .constants import FOREVER
from .records_repo import DjangoRecordRepository
from .search_index import PendingEntries


def _to(day: dt.date | None) -> dt.date:
    return FOREVER if day is None else day


def _from_db(day: dt.date) -> dt.date | None:
    return None if day == FOREVER else day


def version_to_domain(v: models.UnitVersion) -> UnitVersionData:
    return UnitVersionData(
        code=v.unit.code,
        name=v.name,
        kind=UnitKind(v.kind),
        valid=Interval(v.valid_from, _from_db(v.valid_to)),
        parent_id=UnitId(v.parent_id) if v.parent_id else None,
        level_class=LevelClass(v.level_class) if v.level_class else None,
        short_name=v.short_name,
        admin_code=v.admin_code,
        legal_basis=v.legal_basis,
        unit_id=UnitId(v.unit_id),
    )


def version_from_domain(unit_id: int, data: UnitVersionData) -> models.UnitVersion:
    return models.UnitVersion(
        unit_id=unit_id,
        name=data.name,
        short_name=data.short_name,
        kind=str(data.kind),
        level_class=str(data.level_class or ""),
        parent_id=data.parent_id,
        admin_code=data.admin_code,
        sort_key=word_key(data.name),
        legal_basis=data.legal_basis,
        valid_from=data.valid.valid_from,
        valid_to=_to(data.valid.valid_to),
    )


class DjangoUnitRepository:
    def __init__(self, pending: PendingEntries | None = None) -> None:
        # What this unit of work touched, for the search index (flushed before commit).
        self.pending = pending or PendingEntries()

    def _valid(self, unit_id: int, as_of: dt.date) -> models.UnitVersion | None:
        return (
            models.UnitVersion.objects.select_related("unit")
            .filter(unit_id=unit_id, valid_from__lte=as_of, valid_to__gte=as_of)
            .first()
        )

    def get_version(self, unit_id: UnitId, as_of: dt.date) -> UnitVersionData | None:
        v = self._valid(unit_id, as_of)
        return version_to_domain(v) if v else None

    def id_for_code(self, code: str) -> UnitId | None:
        pk = models.OrgUnit.objects.filter(code=code).values_list("pk", flat=True).first()
        return UnitId(pk) if pk else None

    def add(self, data: UnitVersionData) -> UnitId:
        unit = models.OrgUnit.objects.create(
            code=data.code,
            pillar=str(pillar_of(data.kind)),
            valid_from=data.valid.valid_from,
            valid_to=_to(data.valid.valid_to),
        )
        version_from_domain(unit.pk, data).save()
        self.pending.units.add(unit.pk)
        return UnitId(unit.pk)

    def close_version(self, unit_id: UnitId, last_day: dt.date) -> None:
        models.UnitVersion.objects.filter(
            unit_id=unit_id, valid_from__lte=last_day, valid_to__gt=last_day
        ).update(valid_to=last_day)

    def add_version(self, unit_id: UnitId, data: UnitVersionData) -> None:
        before = models.UnitVersion.objects.filter(unit_id=unit_id).order_by("-valid_from")
        old_parent = before.values_list("parent_id", flat=True).first()
        version_from_domain(unit_id, data).save()
        # A new name changes the children's context; a new parent every scope below.
        moved = old_parent != data.parent_id
        (self.pending.subtrees if moved else self.pending.units).add(unit_id)
        self.pending.units.update(
            models.UnitVersion.objects.filter(parent_id=unit_id).values_list("unit_id", flat=True)
        )

    def end_unit(self, unit_id: UnitId, last_day: dt.date) -> None:
        self.close_version(unit_id, last_day)
        models.OrgUnit.objects.filter(pk=unit_id).update(valid_to=last_day)
        self.pending.units.add(unit_id)

    def children(self, unit_id: UnitId, as_of: dt.date) -> list[UnitVersionData]:
        return [
            version_to_domain(v)
            for v in models.UnitVersion.objects.select_related("unit").filter(
                parent_id=unit_id, valid_from__lte=as_of, valid_to__gte=as_of
            )
        ]

    def add_lineage(
        self,
        kind: str,
        date: dt.date,
        legal_basis: str,
        links: Sequence[tuple[UnitId, UnitId, str]],
    ) -> int:
        event = models.LineageEvent.objects.create(kind=kind, date=date, legal_basis=legal_basis)
        models.LineageLink.objects.bulk_create(
            models.LineageLink(event=event, predecessor_id=p, successor_id=s, share=share)
            for p, s, share in links
        )
        self.pending.subtrees.update(s for _p, s, _share in links)
        return event.pk


def person_to_domain(p: models.Person) -> PersonData:
    return PersonData(
        code=p.code,
        full_name=p.full_name,
        birth_date=p.birth_date,
        sex=Sex(p.sex),
        ethnicity=p.ethnicity,
        hometown=p.hometown,
        national_id=p.national_id,
        party_card_number=p.party_card_number,
        party_admission_date=p.party_admission_date,
        official_membership_date=p.official_membership_date,
        party_exit_date=p.party_exit_date,
        death_date=p.death_date,
        person_id=PersonId(p.pk),
    )


def person_fields(data: PersonData) -> dict[str, object]:
    name = split_name(data.full_name)
    return {
        "code": data.code,
        "full_name": data.full_name,
        "family_name": name.family,
        "middle_name": name.middle,
        "given_name": name.given,
        "sort_key": sort_key(data.full_name),
        "birth_date": data.birth_date,
        "sex": str(data.sex),
        "ethnicity": data.ethnicity,
        "hometown": data.hometown,
        "national_id": data.national_id,
        "party_card_number": data.party_card_number,
        "party_admission_date": data.party_admission_date,
        "official_membership_date": data.official_membership_date,
        "party_exit_date": data.party_exit_date,
        "death_date": data.death_date,
    }


class DjangoPersonRepository:
    def __init__(self, pending: PendingEntries | None = None) -> None:
        self.pending = pending or PendingEntries()

    def get(self, person_id: PersonId) -> PersonData | None:
        p = models.Person.objects.filter(pk=person_id).first()
        return person_to_domain(p) if p else None

    def id_for_code(self, code: str) -> PersonId | None:
        pk = models.Person.objects.filter(code=code).values_list("pk", flat=True).first()
        return PersonId(pk) if pk else None

    def add(self, data: PersonData) -> PersonId:
        pid = models.Person.objects.create(**person_fields(data)).pk
        self.pending.people.add(pid)
        return PersonId(pid)

    def update(self, person_id: PersonId, data: PersonData) -> None:
        models.Person.objects.filter(pk=person_id).update(**person_fields(data))
        self.pending.people.add(person_id)

    def version_start(self, person_id: PersonId) -> dt.date | None:
        return (
            models.PersonVersion.objects.filter(person_id=person_id, valid_to=FOREVER)
            .values_list("valid_from", flat=True)
            .first()
        )

    def add_version(self, person_id: PersonId, data: PersonData, valid_from: dt.date) -> None:
        eve = valid_from - dt.timedelta(days=1)
        models.PersonVersion.objects.filter(
            person_id=person_id, valid_from__lte=eve, valid_to__gt=eve
        ).update(valid_to=eve)
        plain = plain_dict(dataclasses.replace(data, person_id=None))
        plain.pop("person_id", None)
        models.PersonVersion.objects.update_or_create(
            person_id=person_id, valid_from=valid_from, defaults={"data": plain}
        )
        self.pending.people.add(person_id)

    def memberships(self, person_id: PersonId) -> list[MembershipData]:
        return [
            MembershipData(
                PersonId(m.person_id),
                UnitId(m.unit_id),
                Interval(m.valid_from, _from_db(m.valid_to)),
                m.end_reason,
            )
            for m in models.Membership.objects.filter(person_id=person_id)
        ]

    def add_membership(self, data: MembershipData) -> None:
        models.Membership.objects.create(
            person_id=data.person_id,
            unit_id=data.unit_id,
            valid_from=data.valid.valid_from,
            valid_to=_to(data.valid.valid_to),
            end_reason=data.end_reason,
        )
        self.pending.people.add(data.person_id)

    def end_membership(self, person_id: PersonId, last_day: dt.date, reason: str) -> None:
        models.Membership.objects.filter(
            person_id=person_id, valid_from__lte=last_day, valid_to__gt=last_day
        ).update(valid_to=last_day, end_reason=reason)
        self.pending.people.add(person_id)

    def current_unit(self, person_id: PersonId, as_of: dt.date) -> UnitId | None:
        qs = models.Membership.objects.filter(person_id=person_id)
        m = (
            qs.filter(valid_from__lte=as_of, valid_to__gte=as_of).first()
            or qs.order_by("-valid_from").first()
        )
        return UnitId(m.unit_id) if m else None

    def unit_kind(self, unit_id: UnitId, as_of: dt.date) -> UnitKind | None:
        kind = (
            models.UnitVersion.objects.filter(
                unit_id=unit_id, valid_from__lte=as_of, valid_to__gte=as_of
            )
            .values_list("kind", flat=True)
            .first()
        )
        return UnitKind(kind) if kind else None


class DjangoRegistryUnitOfWork(AtomicWork):
    """One database transaction; ``commit()`` must be called or everything is rolled back."""

    def __init__(self) -> None:
        super().__init__()
        self.search_pending = PendingEntries()
        self.units = DjangoUnitRepository(self.search_pending)
        self.people = DjangoPersonRepository(self.search_pending)
        self.records = DjangoRecordRepository()
        self.tree = DjangoTreeReader()
        self.audit = DjangoAuditLog()

    def _before_begin(self) -> None:
        self.search_pending.clear()

    def _before_commit(self) -> None:
        # The search index follows every write in the same transaction.
        self.search_pending.flush(SystemClock().today())
