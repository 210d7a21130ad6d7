"""The unit of work of appointment processes and its adapters to the neighbouring contexts.

One transaction (``AtomicWork``, behind the voting app's SQLite write queue) holds the process
rows and everything the use cases ask of their neighbours: the voting context (a step's
meeting is a conference convened with ``conferences.create_conference`` and ``convene``, its
ballot a session of ``sessions.create_election_session``; the tally is
``count.election_tally``), the planning facts assembler (``facts.candidate_facts``), the
registry's declared relatives and the declared acquaintances, and the registry's own record use
case (``records.add_record``). Their units of work join this transaction (nested blocks are
savepoints), so a refused decision leaves no post in the registry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import cast

from django.db.models import Q

from canbo.audit.log import DjangoAuditLog
from canbo.core.appointments.model import CandidateFacts
from canbo.core.appointments.posts import PostGrade
from canbo.core.power.model import Relationship, RelationshipClass
from canbo.core.records import PositionData
from canbo.core.rulebook import Body
from canbo.core.types import AccountId, PersonId, UnitId
from canbo.db.transactions import AtomicWork
from canbo.db.unit_tree import DjangoTreeReader
from canbo.planning.uow import DjangoPlanningUnitOfWork
from canbo.registry import models as reg
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.appointments.complaints import anonymous_blocks
from canbo.services.appointments.ports import ComplaintStatus, ProcessStatus, Tally
from canbo.services.planning import catalogue as planning_catalogue
from canbo.services.planning import facts as planning_facts
from canbo.services.planning.ports import PlanningUnitOfWork
from canbo.services.ports import Actor
from canbo.services.registry import records
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as session_svc
from canbo.services.voting.ports import (
    CommitteeMember,
    ConferenceData,
    ConferenceId,
    SessionId,
)
from canbo.voting.uow import DjangoVotingUnitOfWork, SqliteWriteQueue

from . import models as m
from .repository import DjangoAppointmentRepository

QD190 = "QD190_2024"
"""The Party election rulebook that judges the validity of a step's ballots."""

MEETING_SITE = "Phòng họp"


class DjangoMeetingEngine:
    """The voting context's own use cases: conferences, check-in and election sessions."""

    def open_meeting(
        self,
        actor: Actor,
        unit_id: UnitId,
        title: str,
        held_on: dt.date,
        persons: Sequence[PersonId],
    ) -> int:
        data = ConferenceData(unit_id, title, str(Body.PARTY), held_on)
        cid = conf_svc.create_conference(DjangoVotingUnitOfWork(), actor, data)
        conf_svc.add_site(DjangoVotingUnitOfWork(), actor, cid, MEETING_SITE)
        conf_svc.convene(DjangoVotingUnitOfWork(), actor, cid, list(persons))
        return int(cid)

    def attendance(self, conference_id: int) -> tuple[int, int]:
        seen = DjangoVotingUnitOfWork().conferences.attendance(ConferenceId(conference_id))
        return seen.convened, seen.present

    def create_session(
        self,
        actor: Actor,
        conference_id: int,
        title: str,
        names: Sequence[PersonId],
        seats: int,
        ballot_kind: str,
        electorate: Sequence[PersonId],
        committee: Sequence[int] = (),
        ballot_title: str = "",
    ) -> int:
        members = [CommitteeMember(account_id=AccountId(a)) for a in dict.fromkeys(committee)]
        return int(
            session_svc.create_election_session(
                DjangoVotingUnitOfWork(),
                actor,
                ConferenceId(conference_id),
                title,
                QD190,
                list(names),
                seats,
                0,
                ballot_kind,
                electorate=list(electorate),
                committee=members,
                ballot_title=ballot_title,
            )
        )

    def tally(self, session_id: int) -> Tally | None:
        found = count_svc.election_tally(DjangoVotingUnitOfWork(), SessionId(session_id))
        if found is None:
            return None
        return Tally(
            issued=found.issued,
            valid=found.valid,
            votes={int(c.person_id): c.votes for c in found.candidates},
            certified=found.certified,
        )


def _planning() -> PlanningUnitOfWork:
    # The planning port declares plain attributes; its adapter is cast as planning's views do.
    return cast(PlanningUnitOfWork, DjangoPlanningUnitOfWork())


class DjangoFactsReader:
    """The planning context's facts assembler and post catalogue."""

    def candidate(self, person_id: PersonId, on: dt.date) -> CandidateFacts:
        return planning_facts.candidate_facts(_planning(), person_id, on)

    def grade(self, title_code: str, on: dt.date) -> PostGrade | None:
        cat = planning_catalogue.catalogue(_planning(), on)
        return planning_catalogue.grade_or_none(cat, title_code)


class DjangoRelationsReader:
    """Declared relatives linked to a person in the registry (family) and declared close
    acquaintances (PC-10, PC-21), among the given persons."""

    def among(self, person_ids: Sequence[int], on: dt.date) -> list[Relationship]:
        ids = list(person_ids)
        found: list[Relationship] = []
        rel = reg.Relative.objects.filter(
            person_id__in=ids, linked_person_id__in=ids, declared_on__lte=on
        ).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
        for person, other, relation in rel.values_list("person_id", "linked_person_id", "relation"):
            found.append(
                Relationship(
                    str(person), str(other), RelationshipClass.FAMILY, relation, "registry"
                )
            )
        acq = m.Acquaintance.objects.filter(
            person_id__in=ids, other_id__in=ids, declared_on__lte=on
        )
        for person, other, source in acq.values_list("person_id", "other_id", "source"):
            found.append(
                Relationship(
                    str(person),
                    str(other),
                    RelationshipClass.CLOSE_ACQUAINTANCE,
                    "acquaintance",
                    source,
                )
            )
        return found


class DjangoRegistryWriter:
    def add_position(
        self, actor: Actor, person_id: PersonId, data: PositionData, today: dt.date
    ) -> int:
        return records.add_record(DjangoRegistryUnitOfWork(), actor, person_id, data, today)

    def end_position(
        self, actor: Actor, person_id: PersonId, record_id: int, last_day: dt.date
    ) -> None:
        records.end_position(DjangoRegistryUnitOfWork(), actor, person_id, record_id, last_day)


class DjangoAppointmentFacts:
    """What planning reads of the appointment context: the open complaints that block (AP-19;
    an anonymous one only under ``pc_anonymous_complaints`` = ``block_like_named``, PC-06) and
    persons in an open appointment process (PL-05)."""

    def open_complaints(self, person_ids: Iterable[PersonId], on: dt.date) -> dict[PersonId, int]:
        rows = m.Complaint.objects.filter(
            person_id__in=list(person_ids), received_on__lte=on
        ).filter(Q(status=str(ComplaintStatus.OPEN)) | Q(closed_on__gt=on))
        if not anonymous_blocks(on):  # pc_anonymous_complaints: recorded, routed, no block
            rows = rows.filter(anonymous=False)
        out: dict[PersonId, int] = {}
        for pid in rows.values_list("person_id", flat=True):
            out[PersonId(pid)] = out.get(PersonId(pid), 0) + 1
        return out

    def in_open_process(self, person_ids: Iterable[PersonId], on: dt.date) -> set[PersonId]:
        live = (str(ProcessStatus.OPEN), str(ProcessStatus.STOPPED), str(ProcessStatus.READY))
        rows = m.ProcessCandidate.objects.filter(
            person_id__in=list(person_ids),
            active=True,
            process__status__in=live,
            process__started_on__lte=on,
        )
        return {PersonId(p) for p in rows.values_list("person_id", flat=True)}


class DjangoAppointmentsUnitOfWork(AtomicWork):
    """One database transaction; ``commit()`` must be called or everything is rolled back."""

    def __init__(self) -> None:
        super().__init__()
        self.tree = DjangoTreeReader()
        self.processes = DjangoAppointmentRepository()
        self.meetings = DjangoMeetingEngine()
        self.facts = DjangoFactsReader()
        self.relations = DjangoRelationsReader()
        self.registry = DjangoRegistryWriter()
        self.audit = DjangoAuditLog()
        self._queue = SqliteWriteQueue()

    def _before_begin(self) -> None:
        self._queue.acquire()

    def _after_end(self) -> None:
        self._queue.release()
