"""Django adapter of the vote port (canbo.services.voting.ports.VoteRepository).

``spend_code`` is one ``INSERT … ON CONFLICT DO NOTHING`` under the unique code hash: under
concurrency exactly one transaction inserts the row (PostgreSQL makes the others wait for it
and then skip; SQLite serializes writers), and no savepoint is needed.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import connection
from django.db.models import Count, F, QuerySet

from canbo.core.types import AccountId, PersonId
from canbo.services.voting.ports import (
    CastState,
    CommitteeMember,
    ConferenceId,
    ElectionTotals,
    ElectronicMarks,
    Medium,
    PaperMode,
    PaperReading,
    PaperTotals,
    PersonTotals,
    ResultVersionData,
    SessionData,
    SessionId,
    Status,
    SubjectData,
)

from . import certifications, compiled, models

_SESSION_FIELDS = (
    "title",
    "rulebook_id",
    "parameters",
    "paper_mode",
    "dossier_sent_on",
    "questions_sent_on",
    "members_in_office",
)


def session_to_domain(s: models.VoteSession) -> SessionData:
    return SessionData(
        conference_id=ConferenceId(s.conference_id),
        title=s.title,
        rulebook_id=s.rulebook_id,
        parameters=dict(s.parameters),
        status=Status(s.status),
        paper_mode=PaperMode(s.paper_mode),
        dossier_sent_on=s.dossier_sent_on,
        questions_sent_on=s.questions_sent_on,
        members_in_office=s.members_in_office,
        opened_present=s.opened_present,
        opened_base=s.opened_base,
        session_id=SessionId(s.pk),
        ballot_key=s.ballot_key,
        key_threshold=s.key_threshold,
        key_shares=s.key_shares,
        slips_printed=s.slips_printed,
        guessing_alerts=s.guessing_alerts,
        codes_issued=s.codes_issued,
    )


def _fields(data: SessionData) -> dict[str, Any]:
    values = {name: getattr(data, name) for name in _SESSION_FIELDS}
    values["paper_mode"] = str(data.paper_mode)
    return values


_SHARED = "SELECT * FROM voting_votesession WHERE id = %s FOR SHARE"
_CAST_STATE = (
    "SELECT status, ballot_key, codes_issued, parameters FROM voting_votesession WHERE id = %s"
)


def _insert(model: type[Any], *columns: str) -> str:
    """A prepared INSERT of a secret-ballot row (random id, session, ``columns``): on the
    cast's path the ORM's building of a statement cost more than running it."""
    names = ", ".join(("id", "session_id", *columns))
    places = ", ".join(["%s"] * (2 + len(columns)))
    return f"INSERT INTO {model._meta.db_table} ({names}) VALUES ({places})"  # noqa: S608


def _random_id(model: type[Any]) -> Any:
    """A fresh random UUID primary key, in the database's own form."""
    return model._meta.pk.get_db_prep_value(uuid.uuid4(), connection)


class DjangoVoteRepository:
    def add_session(self, data: SessionData) -> SessionId:
        row = models.VoteSession.objects.create(
            conference_id=data.conference_id, status=str(data.status), **_fields(data)
        )
        return SessionId(row.pk)

    def update_session(self, session_id: SessionId, data: SessionData) -> None:
        models.VoteSession.objects.filter(pk=session_id).update(**_fields(data))

    def get(
        self, session_id: SessionId, *, lock: bool = False, shared: bool = False
    ) -> SessionData | None:
        if shared and connection.vendor == "postgresql":
            # FOR SHARE: casts do not wait for each other, a close (FOR UPDATE) waits for them.
            rows = list(models.VoteSession.objects.raw(_SHARED, [session_id]))
            return session_to_domain(rows[0]) if rows else None
        qs = models.VoteSession.objects.filter(pk=session_id)
        if lock or shared:
            qs = qs.select_for_update()
        row = qs.first()
        return session_to_domain(row) if row else None

    def cast_state(self, session_id: SessionId) -> CastState | None:
        # Three columns by a prepared statement: the ORM's compiling cost more than the query.
        # FOR SHARE on PostgreSQL as in get(shared=True); SQLite's writers are serialized.
        sql = _CAST_STATE + (" FOR SHARE" if connection.vendor == "postgresql" else "")
        with connection.cursor() as cursor:
            cursor.execute(sql, [session_id])
            row = cursor.fetchone()
        if not row:
            return None
        params = json.loads(row[3]) if isinstance(row[3], str | bytes) else row[3]
        kind = str(params.get("ballot_kind", "")) if isinstance(params, dict) else ""
        return CastState(Status(row[0]), row[1], int(row[2]), kind)

    def sessions_of(self, conference_id: ConferenceId) -> list[SessionData]:
        rows = models.VoteSession.objects.filter(conference_id=conference_id).order_by("pk")
        return [session_to_domain(r) for r in rows]

    def set_status(self, session_id: SessionId, status: Status, **fields: Any) -> None:
        models.VoteSession.objects.filter(pk=session_id).update(status=str(status), **fields)

    def set_subjects(self, session_id: SessionId, subjects: Sequence[tuple[PersonId, str]]) -> None:
        models.VoteSubject.objects.filter(session_id=session_id).delete()
        models.VoteSubject.objects.bulk_create(
            models.VoteSubject(session_id=session_id, person_id=p, position=pos)
            for p, pos in subjects
        )

    def subjects(self, session_id: SessionId) -> list[SubjectData]:
        rows = (
            models.VoteSubject.objects.filter(session_id=session_id)
            .select_related("person")
            .order_by("person__sort_key", "person_id")
        )
        return [SubjectData(PersonId(r.person_id), r.person.full_name, r.position) for r in rows]

    def set_committee(self, session_id: SessionId, members: Sequence[CommitteeMember]) -> None:
        models.CountingMember.objects.filter(session_id=session_id).delete()
        models.CountingMember.objects.bulk_create(
            models.CountingMember(
                session_id=session_id, user_id=m.account_id, person_id=m.person_id, is_head=i == 0
            )
            for i, m in enumerate(members)
        )

    def committee(self, session_id: SessionId) -> list[CommitteeMember]:
        rows = models.CountingMember.objects.filter(session_id=session_id).order_by("pk")
        return [
            CommitteeMember(
                PersonId(p) if p is not None else None, AccountId(u) if u is not None else None
            )
            for p, u in rows.values_list("person_id", "user_id")
        ]

    def counters(self, session_id: SessionId) -> list[AccountId]:
        ids = models.CountingMember.objects.filter(session_id=session_id, user__isnull=False)
        return [AccountId(u) for u in ids.order_by("pk").values_list("user_id", flat=True)]

    def spend_code(self, session_id: SessionId, code_hash: str) -> bool:
        sql = _insert(models.SpentCode, "code_hash") + " ON CONFLICT (code_hash) DO NOTHING"
        with connection.cursor() as cursor:
            cursor.execute(sql, [_random_id(models.SpentCode), session_id, code_hash])
            return bool(cursor.rowcount == 1)

    def code_spent(self, session_id: SessionId, code_hash: str) -> bool:
        return models.SpentCode.objects.filter(session_id=session_id, code_hash=code_hash).exists()

    def add_participation(self, session_id: SessionId, convocation_id: int, medium: Medium) -> bool:
        _, created = models.Participation.objects.get_or_create(
            session_id=session_id,
            convocation_id=convocation_id,
            defaults={"medium": str(medium)},
        )
        if created and medium is Medium.ELECTRONIC:
            models.VoteSession.objects.filter(pk=session_id).update(
                codes_issued=F("codes_issued") + 1
            )
        return created

    def participation_counts(self, session_id: SessionId) -> dict[Medium, int]:
        counts = {m: 0 for m in Medium}
        rows = models.Participation.objects.filter(session_id=session_id).values_list("medium")
        for medium, n in rows.annotate(n=Count("pk")).order_by():
            counts[Medium(medium)] = n
        return counts

    def handed(self, session_id: SessionId) -> frozenset[int]:
        rows = models.Participation.objects.filter(session_id=session_id)
        return frozenset(rows.values_list("convocation_id", flat=True))

    def subject_ids(self, session_id: SessionId) -> tuple[PersonId, ...]:
        rows = compiled.rows("subject_ids", _subject_ids_query, (0,), session_id)
        return tuple(PersonId(p) for (p,) in rows)

    def add_sealed_ballot(self, session_id: SessionId, box: bytes) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                _insert(models.SealedBallot, "box"),
                [_random_id(models.SealedBallot), session_id, box],
            )

    def sealed_count(self, session_id: SessionId) -> int:
        table = models.SealedBallot._meta.db_table
        with connection.cursor() as cursor:  # on every cast: no ORM compiling
            cursor.execute(f"SELECT COUNT(*) FROM {table} WHERE session_id = %s", [session_id])  # noqa: S608
            return int(cursor.fetchone()[0])

    def sealed_boxes(self, session_id: SessionId) -> list[bytes]:
        rows = models.SealedBallot.objects.filter(session_id=session_id).values_list("box")
        return [bytes(box) for (box,) in rows.iterator(chunk_size=20000)]

    def store_opened(self, session_id: SessionId, ballots: Sequence[tuple[str, str]]) -> None:
        # One prepared INSERT for every row, in the order given (the ORM's bulk_create built
        # an object per ballot: a minute for a million).
        sql = _insert(models.Ballot, "receipt", "marks")
        with connection.cursor() as cursor:
            for start in range(0, len(ballots), 5000):
                cursor.executemany(
                    sql,
                    [
                        (_random_id(models.Ballot), session_id, r, m)
                        for r, m in ballots[start : start + 5000]
                    ],
                )
        models.SealedBallot.objects.filter(session_id=session_id).delete()
        models.SpentCode.objects.filter(session_id=session_id).delete()

    def set_ballot_key(
        self, session_id: SessionId, public_key: str, threshold: int, shares: int
    ) -> None:
        models.VoteSession.objects.filter(pk=session_id).update(
            ballot_key=public_key, key_threshold=threshold, key_shares=shares
        )

    def add_slips(self, session_id: SessionId, count: int) -> None:
        models.VoteSession.objects.filter(pk=session_id).update(
            slips_printed=F("slips_printed") + count
        )

    def add_guessing_alert(self, session_id: SessionId) -> None:
        models.VoteSession.objects.filter(pk=session_id).update(
            guessing_alerts=F("guessing_alerts") + 1
        )

    def electronic_marks(self, session_id: SessionId) -> ElectronicMarks:
        rows = models.Ballot.objects.filter(session_id=session_id).values_list("marks", flat=True)
        return ElectronicMarks(self.subject_ids(session_id), list(rows.iterator(chunk_size=20000)))

    def add_paper_entry(
        self,
        session_id: SessionId,
        operator: int,
        reading: PaperReading,
        account: AccountId | None,
    ) -> bool:
        _, created = models.PaperEntry.objects.get_or_create(
            session_id=session_id,
            serial=reading.serial,
            operator=operator,
            defaults={"reading": reading.as_json(), "entered_by_id": account},
        )
        return created

    def paper_entries(self, session_id: SessionId) -> dict[int, dict[int, PaperReading]]:
        out: dict[int, dict[int, PaperReading]] = {}
        for row in models.PaperEntry.objects.filter(session_id=session_id).order_by("serial"):
            out.setdefault(row.serial, {})[row.operator] = PaperReading.from_json(
                row.serial, row.reading
            )
        return out

    def paper_entry_accounts(
        self, session_id: SessionId, serial: int
    ) -> dict[int, AccountId | None]:
        rows = models.PaperEntry.objects.filter(session_id=session_id, serial=serial)
        return {
            op: AccountId(by) if by is not None else None
            for op, by in rows.values_list("operator", "entered_by_id")
        }

    def add_paper_reading(
        self, session_id: SessionId, reading: PaperReading, revision: int, source: str
    ) -> None:
        models.PaperReading.objects.create(
            session_id=session_id,
            serial=reading.serial,
            revision=revision,
            reading=reading.as_json(),
            source=source,
        )

    def paper_readings(self, session_id: SessionId) -> dict[int, PaperReading]:
        out: dict[int, PaperReading] = {}
        rows = models.PaperReading.objects.filter(session_id=session_id).order_by("revision")
        for row in rows:
            out[row.serial] = PaperReading.from_json(row.serial, row.reading)
        return dict(sorted(out.items()))

    def add_paper_totals(self, session_id: SessionId, totals: PaperTotals, revision: int) -> None:
        counts = {str(k): [c.high, c.mid, c.low, c.invalid] for k, c in totals.counts.items()}
        models.PaperTotals.objects.create(
            session_id=session_id, revision=revision, collected=totals.collected, counts=counts
        )

    def paper_totals(self, session_id: SessionId) -> PaperTotals | None:
        row = models.PaperTotals.objects.filter(session_id=session_id).order_by("-revision").first()
        if row is None:
            return None
        counts = {int(k): PersonTotals(*v) for k, v in row.counts.items()}
        return PaperTotals(row.collected, counts)

    def add_election_totals(
        self, session_id: SessionId, totals: ElectionTotals, revision: int
    ) -> None:
        # The same table as a confidence count; ``counts`` holds valid, invalid and votes.
        models.PaperTotals.objects.create(
            session_id=session_id,
            revision=revision,
            collected=totals.collected,
            counts=totals.as_json(),
        )

    def election_totals(self, session_id: SessionId) -> ElectionTotals | None:
        row = models.PaperTotals.objects.filter(session_id=session_id).order_by("-revision").first()
        return ElectionTotals.from_json(row.counts) if row is not None else None

    def add_result(
        self, session_id: SessionId, number: int, reason: str, data: Mapping[str, Any]
    ) -> None:
        version = models.ResultVersion.objects.create(
            session_id=session_id, number=number, reason=reason, data=dict(data)
        )
        models.ResultLine.objects.bulk_create(
            models.ResultLine(
                version=version,
                person_id=p["person_id"],
                position=p["position"],
                high=p["high"],
                mid=p["mid"],
                low=p["low"],
                invalid=p["invalid"],
                band=p["band"],
            )
            for p in data.get("persons", ())  # an election tally has no person lines
        )

    def results(self, session_id: SessionId) -> list[ResultVersionData]:
        rows = models.ResultVersion.objects.filter(session_id=session_id).prefetch_related(
            "signoffs"
        )
        return [
            ResultVersionData(
                r.number,
                r.reason,
                r.data,
                r.certified,
                tuple(AccountId(s.user_id) for s in r.signoffs.all()),
            )
            for r in rows.order_by("number")
        ]

    def sign(self, session_id: SessionId, number: int, account: AccountId) -> bool:
        version = models.ResultVersion.objects.get(session_id=session_id, number=number)
        _, created = models.Signoff.objects.get_or_create(version=version, user_id=account)
        return created

    def mark_certified(self, session_id: SessionId, number: int) -> None:
        models.ResultVersion.objects.filter(session_id=session_id, number=number).update(
            certified=True
        )
        certifications.certified(int(session_id), number)  # contexts above voting act on it


def _subject_ids_query(session_id: int) -> QuerySet[Any]:
    rows = models.VoteSubject.objects.filter(session_id=session_id).order_by("person_id")
    return rows.values_list("person_id")
