"""The unit of work of elections and its adapters to the neighbouring contexts.

One transaction (``AtomicWork``, behind the voting app's SQLite write queue) holds the
election rows and everything the use cases ask of their neighbours: the congress (the
congresses context's own functions: ``congress_denominator``, ``counting_committee``), the
voting engine (``create_election_session``, ``election_tally``) and the registry
(``records.add_record``, ``records.add_term``). Their units of work join this transaction
(nested blocks are savepoints), so a refused approval leaves no post in the registry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from canbo.audit.log import DjangoAuditLog
from canbo.congresses import models as cm
from canbo.congresses.uow import DjangoCongressUnitOfWork
from canbo.core.elections.denominator import Denominator
from canbo.core.elections.model import CongressKind
from canbo.core.records import PositionData, TermData
from canbo.core.types import PersonId, UnitId
from canbo.db.transactions import AtomicWork
from canbo.db.unit_tree import DjangoTreeReader
from canbo.registry import models as reg
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.congresses import base as congress_base
from canbo.services.congresses import bodies as congress_bodies
from canbo.services.congresses.ports import CongressId as DCongressId
from canbo.services.elections.ports import (
    Attendance,
    BallotKind,
    BallotName,
    CommitteeMember,
    CongressId,
    CongressInfo,
    PersonFacts,
    Tally,
)
from canbo.services.ports import Actor
from canbo.services.registry import records
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as session_svc
from canbo.services.voting.ports import CommitteeMember as SessionMember
from canbo.services.voting.ports import ConferenceId, SessionId
from canbo.voting.uow import SqliteWriteQueue

from .repository import DjangoElectionRepository

COMMUNE = "commune_party_committee"
AGE_LEVELS = {
    "provincial_party_committee": "directly_under_central",
    "directly_under_central": "directly_under_central",
    "commune_party_committee": "commune_ward_special_zone",
    "district_party_committee": "upper_grassroots",
    "provincial_affiliate_committee": "upper_grassroots",
}
"""The level whose reference month the age rules read (EL-33), by the congress unit's kind;
grassroots committees and cells otherwise."""


class DjangoCongressReader:
    """The congress, read through the congresses context (its models and use cases)."""

    def __init__(self, tree: DjangoTreeReader) -> None:
        self._tree = tree

    def get(self, congress_id: CongressId) -> CongressInfo | None:
        row = cm.Congress.objects.filter(pk=congress_id).first()
        if row is None:
            return None
        chain = self._tree.ancestors(UnitId(row.unit_id), row.opens_on)
        parent = chain[1] if len(chain) > 1 else None
        unit = _version(row.unit_id, row.opens_on)
        official = cm.RollEntry.objects.filter(congress_id=congress_id, official_member=True)
        return CongressInfo(
            congress_id=congress_id,
            unit_id=UnitId(row.unit_id),
            name=row.title,
            term_label=row.term_label,
            kind=CongressKind(row.kind),
            opens_on=row.opens_on,
            closes_on=row.closes_on,
            place=row.place,
            rulebook_id=row.rulebook_id,
            conference_id=row.conference_id,
            parent_unit_id=parent,
            unit_name=unit.name if unit else "",
            parent_unit_name=_name(parent, row.opens_on),
            level=AGE_LEVELS.get(unit.kind if unit else "", "grassroots"),
            merge_class=_merge_class(row.unit_id) if unit and unit.kind == COMMUNE else None,
            official_members=official.count(),
        )

    def not_convened_ids(self, congress_id: CongressId) -> frozenset[PersonId]:
        rows = cm.NotConvened.objects.filter(congress_id=congress_id)
        return frozenset(PersonId(p) for p in rows.values_list("person_id", flat=True))

    def convening_committee_ids(self, congress_id: CongressId) -> frozenset[PersonId]:
        rows = cm.ConveningMember.objects.filter(congress_id=congress_id)
        return frozenset(PersonId(p) for p in rows.values_list("person_id", flat=True))

    def counting_committee(self, congress_id: CongressId) -> list[CommitteeMember]:
        members = congress_bodies.counting_committee(
            DjangoCongressUnitOfWork(), DCongressId(congress_id)
        )
        return [CommitteeMember(m.person_id, m.full_name, m.is_head) for m in members]

    def denominator(self, congress_id: CongressId) -> Denominator:
        return congress_base.congress_denominator(
            DjangoCongressUnitOfWork(), DCongressId(congress_id)
        )

    def electorate(self, congress_id: CongressId) -> frozenset[PersonId]:
        return congress_bodies.electorate(DjangoCongressUnitOfWork(), DCongressId(congress_id))

    def attendance(self, congress_id: CongressId) -> Attendance:
        row = cm.Congress.objects.only("conference_id").get(pk=congress_id)
        seen = DjangoCongressUnitOfWork().conferences.attendance(ConferenceId(row.conference_id))
        return Attendance(seen.convened, seen.present)

    def people(self, person_ids: Sequence[PersonId]) -> dict[PersonId, PersonFacts]:
        rows = reg.Person.objects.filter(pk__in=list(person_ids)).only(
            "full_name", "birth_date", "sex"
        )
        return {
            PersonId(r.pk): PersonFacts(PersonId(r.pk), r.full_name, r.birth_date, r.sex)
            for r in rows
        }

    def person(self, person_id: PersonId) -> PersonFacts | None:
        row = reg.Person.objects.filter(pk=person_id).only("full_name", "birth_date", "sex")
        found = row.first()
        if found is None:
            return None
        return PersonFacts(PersonId(found.pk), found.full_name, found.birth_date, found.sex)


def _merge_class(unit_id: int) -> str:
    """A commune committee's merge class from its lineage (OR-16, EL-38): the former
    communes merged into it."""
    links = reg.LineageLink.objects.filter(successor_id=unit_id).exclude(predecessor_id=unit_id)
    merged = links.values("predecessor_id").distinct().count()
    return "3_or_more_communes" if merged >= 3 else "not_merged_or_2_communes"


def _name(unit_id: int | None, as_of: dt.date) -> str:
    found = _version(unit_id, as_of) if unit_id else None
    return found.name if found else ""


def _version(unit_id: int | None, as_of: dt.date) -> reg.UnitVersion | None:
    versions = reg.UnitVersion.objects.filter(unit_id=unit_id)
    row = versions.filter(valid_from__lte=as_of, valid_to__gte=as_of).first()
    return row or versions.order_by("-valid_from").first()


class DjangoBallotEngine:
    """The voting engine's election sessions (its own use cases)."""

    def __init__(self, committee: DjangoCongressReader) -> None:
        self._congress = committee

    def create_session(
        self,
        actor: Actor,
        conference_id: int,
        title: str,
        rulebook_id: str,
        seats: int,
        alternate_seats: int,
        ballot_kind: BallotKind,
        names: Sequence[BallotName],
        electorate: Sequence[int] = (),
    ) -> int:
        row = cm.Congress.objects.only("pk").get(conference_id=conference_id)
        committee = [
            SessionMember(person_id=m.person_id)
            for m in self._congress.counting_committee(CongressId(row.pk))
        ]
        return int(
            session_svc.create_election_session(
                DjangoCongressUnitOfWork(),
                actor,
                ConferenceId(conference_id),
                title,
                rulebook_id,
                [n.person_id for n in names],
                seats,
                alternate_seats,
                str(ballot_kind),
                committee=committee,
                electorate=[PersonId(p) for p in electorate],
            )
        )

    def tally(self, session_id: int) -> Tally | None:
        found = count_svc.election_tally(DjangoCongressUnitOfWork(), SessionId(session_id))
        if found is None:
            return None
        return Tally(
            issued=found.issued,
            collected=found.collected,
            valid=found.valid,
            invalid=found.invalid,
            votes={int(c.person_id): c.votes for c in found.candidates},
            invalid_reasons=tuple(
                {"code": r.code, "count": r.count, "citation": dict(r.citation)}
                for r in found.invalid_reasons
            ),
        )


class DjangoRegistryWriter:
    """The registry's own use cases: a position record per post, a term per committee."""

    def ensure_title(self, code: str, name: str, level: str) -> None:
        reg.Title.objects.get_or_create(
            code=code,
            defaults={"name": name, "level": level, "managing_authority": "", "rank": 150},
        )

    def add_position(
        self, actor: Actor, person_id: PersonId, data: PositionData, today: dt.date
    ) -> int:
        return records.add_record(DjangoRegistryUnitOfWork(), actor, person_id, data, today)

    def add_term(self, actor: Actor, data: TermData, today: dt.date) -> int:
        return records.add_term(DjangoRegistryUnitOfWork(), actor, data, today)


class DjangoElectionsUnitOfWork(AtomicWork):
    """One database transaction; ``commit()`` must be called or everything is rolled back."""

    def __init__(self) -> None:
        super().__init__()
        self.tree = DjangoTreeReader()
        self.elections = DjangoElectionRepository()
        self.congresses = DjangoCongressReader(self.tree)
        self.ballots = DjangoBallotEngine(self.congresses)
        self.registry = DjangoRegistryWriter()
        self.audit = DjangoAuditLog()
        self._queue = SqliteWriteQueue()

    def _before_begin(self) -> None:
        self._queue.acquire()

    def _after_end(self) -> None:
        self._queue.release()
