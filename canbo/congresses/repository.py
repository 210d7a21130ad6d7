"""Django adapters of the congress ports: the congress repository and the roster (the
registry read on the opening date)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from django.db.models import Q

from canbo.core.elections.model import CongressKind, DelegateStatus, NotConvenedReason, Subtraction
from canbo.core.records import PartyEventKind
from canbo.core.retirement import retirement
from canbo.core.types import LeaveKind, PersonId, Sex, UnitId, UnitKind
from canbo.db.unit_tree import subtree_ids
from canbo.registry import models as reg
from canbo.services.congresses import ports
from canbo.services.voting.ports import ConferenceId

from . import models

CELL_KINDS = frozenset({UnitKind.CELL, UnitKind.GRASSROOTS_CELL})


def congress_to_domain(row: models.Congress) -> ports.CongressData:
    return ports.CongressData(
        unit_id=UnitId(row.unit_id),
        title=row.title,
        term_label=row.term_label,
        kind=CongressKind(row.kind),
        opens_on=row.opens_on,
        closes_on=row.closes_on,
        place=row.place,
        rulebook_id=row.rulebook_id,
        conference_id=ConferenceId(row.conference_id),
        status=ports.CongressStatus(row.status),
        parameters=dict(row.parameters or {}),
        congress_id=ports.CongressId(row.pk),
    )


class DjangoCongressRepository:
    def add(self, data: ports.CongressData, scope: Sequence[UnitId]) -> ports.CongressId:
        assert data.conference_id is not None  # noqa: S101 - created with its conference
        row = models.Congress.objects.create(
            unit_id=data.unit_id,
            title=data.title,
            term_label=data.term_label,
            kind=str(data.kind),
            opens_on=data.opens_on,
            closes_on=data.closes_on,
            place=data.place,
            rulebook_id=data.rulebook_id,
            parameters=dict(data.parameters),
            conference_id=data.conference_id,
            status=str(data.status),
        )
        units = list(dict.fromkeys([data.unit_id, *scope]))
        models.CongressScope.objects.bulk_create(
            models.CongressScope(congress=row, unit_id=u) for u in units
        )
        return ports.CongressId(row.pk)

    def get(self, congress_id: ports.CongressId) -> ports.CongressData | None:
        row = models.Congress.objects.filter(pk=congress_id).first()
        return congress_to_domain(row) if row else None

    def set_status(self, congress_id: ports.CongressId, status: ports.CongressStatus) -> None:
        models.Congress.objects.filter(pk=congress_id).update(status=str(status))

    def convening_committee(self, congress_id: ports.CongressId) -> list[PersonId]:
        rows = models.ConveningMember.objects.filter(congress_id=congress_id)
        return [
            PersonId(p)
            for p in rows.order_by("person__sort_key").values_list("person_id", flat=True)
        ]

    def set_convening_committee(
        self, congress_id: ports.CongressId, person_ids: Sequence[PersonId]
    ) -> None:
        models.ConveningMember.objects.filter(congress_id=congress_id).delete()
        models.ConveningMember.objects.bulk_create(
            models.ConveningMember(congress_id=congress_id, person_id=p) for p in person_ids
        )

    def roll(self, congress_id: ports.CongressId) -> list[ports.RollEntryData]:
        rows = (
            models.RollEntry.objects.filter(congress_id=congress_id)
            .order_by("person__sort_key", "pk")
            .values_list(
                "person_id", "person__full_name", "role", "official_member", "status",
                "seated_for__person_id",
            )
        )  # fmt: skip
        return [
            ports.RollEntryData(
                PersonId(p),
                name,
                ports.RollRole(role),
                official,
                DelegateStatus(status),
                PersonId(seat) if seat else None,
            )
            for p, name, role, official, status, seat in rows
        ]

    def add_to_roll(
        self, congress_id: ports.CongressId, entries: Sequence[ports.RollEntryData]
    ) -> int:
        existing = set(
            models.RollEntry.objects.filter(congress_id=congress_id).values_list(
                "person_id", flat=True
            )
        )
        new = [
            models.RollEntry(
                congress_id=congress_id,
                person_id=e.person_id,
                role=str(e.role),
                official_member=e.official,
                status=str(e.status),
            )
            for e in dict((e.person_id, e) for e in entries).values()
            if e.person_id not in existing
        ]
        models.RollEntry.objects.bulk_create(new, batch_size=500)
        return len(new)

    def remove_from_roll(
        self, congress_id: ports.CongressId, person_ids: Sequence[PersonId]
    ) -> int:
        deleted, _ = models.RollEntry.objects.filter(
            congress_id=congress_id, person_id__in=list(person_ids)
        ).delete()
        return deleted

    def set_statuses(
        self,
        congress_id: ports.CongressId,
        statuses: Mapping[PersonId, tuple[DelegateStatus, PersonId | None]],
    ) -> None:
        ids = dict(
            models.RollEntry.objects.filter(congress_id=congress_id).values_list("person_id", "pk")
        )
        for person, (status, seated_for) in statuses.items():
            models.RollEntry.objects.filter(pk=ids[person]).update(
                status=str(status), seated_for_id=ids.get(seated_for) if seated_for else None
            )

    def not_convened(self, congress_id: ports.CongressId) -> list[ports.NotConvenedData]:
        rows = (
            models.NotConvened.objects.filter(congress_id=congress_id)
            .order_by("person__sort_key")
            .values_list("person_id", "person__full_name", "reason", "fact_date", "note")
        )
        return [
            ports.NotConvenedData(PersonId(p), name, NotConvenedReason(r), d, note)
            for p, name, r, d, note in rows
        ]

    def add_not_convened(self, congress_id: ports.CongressId, data: ports.NotConvenedData) -> None:
        models.NotConvened.objects.update_or_create(
            congress_id=congress_id,
            person_id=data.person_id,
            defaults={"reason": str(data.reason), "fact_date": data.fact_date, "note": data.note},
        )

    def remove_not_convened(self, congress_id: ports.CongressId, person_id: PersonId) -> bool:
        deleted, _ = models.NotConvened.objects.filter(
            congress_id=congress_id, person_id=person_id
        ).delete()
        return bool(deleted)

    def working_bodies(self, congress_id: ports.CongressId) -> list[ports.BodyApproval]:
        found = []
        rows = models.BodyApproval.objects.filter(congress_id=congress_id).prefetch_related(
            "members__person"
        )
        for row in rows.order_by("pk"):
            members = sorted(row.members.all(), key=lambda m: (not m.is_head, m.person.sort_key))
            found.append(
                ports.BodyApproval(
                    ports.WorkingBody(row.body),
                    row.votes_for,
                    row.votes_against,
                    row.abstained,
                    row.attending,
                    tuple(
                        ports.BodyMember(PersonId(m.person_id), m.person.full_name, m.is_head)
                        for m in members
                    ),
                )
            )
        return found

    def set_working_body(self, congress_id: ports.CongressId, approval: ports.BodyApproval) -> None:
        old = models.BodyApproval.objects.filter(congress_id=congress_id, body=str(approval.body))
        models.BodyMember.objects.filter(approval__in=old).delete()
        old.delete()
        row = models.BodyApproval.objects.create(
            congress_id=congress_id,
            body=str(approval.body),
            votes_for=approval.votes_for,
            votes_against=approval.votes_against,
            abstained=approval.abstained,
            attending=approval.attending,
        )
        models.BodyMember.objects.bulk_create(
            models.BodyMember(approval=row, person_id=m.person_id, is_head=m.is_head)
            for m in approval.members
        )

    def subtractions(self, congress_id: ports.CongressId) -> list[ports.SubtractionData]:
        rows = (
            models.BaseSubtraction.objects.filter(congress_id=congress_id)
            .order_by("reason", "person__sort_key")
            .values_list("person_id", "person__full_name", "reason", "note")
        )
        return [
            ports.SubtractionData(PersonId(p), name, Subtraction(r), note)
            for p, name, r, note in rows
        ]

    def set_subtractions(
        self, congress_id: ports.CongressId, lines: Sequence[ports.SubtractionData]
    ) -> None:
        models.BaseSubtraction.objects.filter(congress_id=congress_id).delete()
        models.BaseSubtraction.objects.bulk_create(
            models.BaseSubtraction(
                congress_id=congress_id, person_id=s.person_id, reason=str(s.reason), note=s.note
            )
            for s in lines
        )


class DjangoRoster:
    """The registry on the opening date, read for a congress's roll and proposals."""

    def members(self, root: UnitId, as_of: dt.date) -> list[ports.PersonFacts]:
        units = subtree_ids(root, as_of)
        rows = (
            reg.Membership.objects.filter(
                unit_id__in=units, valid_from__lte=as_of, valid_to__gte=as_of
            )
            .filter(Q(person__party_exit_date__isnull=True) | Q(person__party_exit_date__gt=as_of))
            .filter(Q(person__death_date__isnull=True) | Q(person__death_date__gt=as_of))
            .order_by("person__sort_key", "person_id")
            .values_list("person_id", "person__full_name", "person__official_membership_date")
        )
        seen: dict[int, ports.PersonFacts] = {}
        for pid, name, official_on in rows:
            official = official_on is not None and official_on <= as_of
            seen.setdefault(pid, ports.PersonFacts(PersonId(pid), name, official))
        return list(seen.values())

    def facts(
        self, root: UnitId, person_ids: Sequence[PersonId], as_of: dt.date
    ) -> list[ports.PersonFacts]:
        ids = list(dict.fromkeys(int(p) for p in person_ids))
        people = {p.pk: p for p in reg.Person.objects.filter(pk__in=ids)}
        units = set(subtree_ids(root, as_of))
        spans: dict[int, list[tuple[dt.date, dt.date]]] = {}
        for pid, unit, start, end in reg.Membership.objects.filter(person_id__in=ids).values_list(
            "person_id", "unit_id", "valid_from", "valid_to"
        ):
            if unit in units:
                spans.setdefault(pid, []).append((start, end))
        leaves = _leaves(ids, as_of)
        temp = _temporary(ids, as_of)
        notices = dict(
            reg.RetirementNotice.objects.filter(person_id__in=ids)
            .order_by("notice_date")
            .values_list("person_id", "retirement_date")
        )
        out = []
        for pid in ids:
            p = people.get(pid)
            if p is None:
                continue
            mine = spans.get(pid, [])
            inside = any(s <= as_of <= e for s, e in mine)
            ended = [e for s, e in mine if e < as_of]
            left = max(ended) + dt.timedelta(days=1) if ended and not inside else None
            retires = notices.get(pid) or retirement(p.birth_date, Sex(p.sex)).retirement_date
            official = (
                p.official_membership_date is not None and p.official_membership_date <= as_of
            )
            out.append(
                ports.PersonFacts(
                    PersonId(pid),
                    p.full_name,
                    official,
                    inside,
                    left,
                    leaves.get((pid, LeaveKind.SUSPENDED)),
                    temp.get(pid),
                    leaves.get((pid, LeaveKind.EXCUSED_FROM_PARTY_WORK)),
                    retires,
                )
            )
        return out

    def is_cell(self, unit_id: UnitId, as_of: dt.date) -> bool:
        kind = (
            reg.UnitVersion.objects.filter(
                unit_id=unit_id, valid_from__lte=as_of, valid_to__gte=as_of
            )
            .values_list("kind", flat=True)
            .first()
        )
        return kind in CELL_KINDS

    def unit_name(self, unit_id: UnitId, as_of: dt.date) -> str:
        versions = reg.UnitVersion.objects.filter(unit_id=unit_id)
        row = versions.filter(valid_from__lte=as_of, valid_to__gte=as_of).first()
        row = row or versions.order_by("-valid_from").first()
        return row.name if row else ""


def _leaves(ids: Sequence[int], as_of: dt.date) -> dict[tuple[int, str], dt.date]:
    """Suspension and exemption periods covering ``as_of`` or starting before it and still
    running: the start date, per person and kind."""
    kinds = [str(LeaveKind.SUSPENDED), str(LeaveKind.EXCUSED_FROM_PARTY_WORK)]
    rows = reg.LeavePeriod.objects.filter(
        person_id__in=ids, kind__in=kinds, starts__lte=as_of, ends__gte=as_of
    ).values_list("person_id", "kind", "starts")
    return {(pid, kind): starts for pid, kind, starts in rows}


def _temporary(ids: Sequence[int], as_of: dt.date) -> dict[int, dt.date]:
    """Members introduced for temporary activity elsewhere on ``as_of`` (EL-19)."""
    rows = (
        reg.PartyEvent.objects.filter(
            person_id__in=ids, kind=str(PartyEventKind.TEMPORARY), date__lte=as_of
        )
        .filter(Q(until__isnull=True) | Q(until__gte=as_of))
        .values_list("person_id", "date")
    )
    return dict(rows)
