"""The Django adapter of :class:`canbo.services.elections.ports.ElectionRepository`."""

from __future__ import annotations

from typing import Any

from canbo.core.elections.model import ElectionKind, ElectionStatus
from canbo.core.types import PersonId, UnitId
from canbo.services.elections.ports import (
    ApprovalData,
    CandidateData,
    CandidateId,
    CandidateSource,
    CongressId,
    ElectionData,
    ElectionId,
    RoundData,
    RoundId,
)

from . import models


def _id(value: int | None) -> int:
    if value is None:
        raise ValueError("an update needs the row's id")
    return int(value)


def _election(row: models.Election) -> ElectionData:
    return ElectionData(
        congress_id=CongressId(row.congress_id),
        kind=ElectionKind(row.kind),
        seats=row.seats,
        alternate_seats=row.alternate_seats,
        status=ElectionStatus(row.status),
        parent_id=ElectionId(row.parent_id) if row.parent_id else None,
        supplementary=row.supplementary,
        order=row.order,
        seats_for=row.seats_for,
        seats_against=row.seats_against,
        seats_attending=row.seats_attending,
        list_for=row.list_for,
        list_against=row.list_against,
        list_attending=row.list_attending,
        steps=tuple(row.steps or ()),
        closing_decision=row.closing_decision,
        election_id=ElectionId(row.pk),
    )


_ELECTION_FIELDS = (
    "kind", "seats", "alternate_seats", "status", "supplementary", "order", "seats_for",
    "seats_against", "seats_attending", "list_for", "list_against", "list_attending",
    "closing_decision",
)  # fmt: skip


def _candidate(row: models.Candidate) -> CandidateData:
    return CandidateData(
        election_id=ElectionId(row.election_id),
        person_id=PersonId(row.person_id),
        full_name=row.full_name,
        source=CandidateSource(row.source),
        sort_key=row.sort_key,
        agree=row.agree,
        attending=row.attending,
        proposer_id=PersonId(row.proposer_id) if row.proposer_id else None,
        first_time=row.first_time,
        withdrawn=row.withdrawn,
        withdrawal_decision=row.withdrawal_decision,
        opinion_votes=row.opinion_votes,
        position_label=row.position_label,
        candidate_id=CandidateId(row.pk),
    )


def _round(row: models.Round) -> RoundData:
    return RoundData(
        election_id=ElectionId(row.election_id),
        number=row.number,
        session_id=row.vote_session_id,
        seats=row.seats,
        decision=row.decision,
        restricted_to=tuple(row.restricted_to or ()),
        result=row.result,
        counted_at=row.counted_at,
        minutes_signed_at=row.minutes_signed_at,
        round_id=RoundId(row.pk),
    )


class DjangoElectionRepository:
    def add(self, data: ElectionData) -> ElectionId:
        values: dict[str, Any] = {f: getattr(data, f) for f in _ELECTION_FIELDS}
        row = models.Election.objects.create(
            congress_id=data.congress_id, parent_id=data.parent_id, steps=list(data.steps), **values
        )
        return ElectionId(row.pk)

    def get(self, election_id: ElectionId) -> ElectionData | None:
        row = models.Election.objects.filter(pk=election_id).first()
        return _election(row) if row else None

    def of_congress(self, congress_id: CongressId) -> list[ElectionData]:
        return [_election(r) for r in models.Election.objects.filter(congress_id=congress_id)]

    def update(self, data: ElectionData) -> None:
        values: dict[str, Any] = {f: getattr(data, f) for f in _ELECTION_FIELDS}
        models.Election.objects.filter(pk=_id(data.election_id)).update(
            parent_id=data.parent_id, steps=list(data.steps), **values
        )

    def add_candidate(self, data: CandidateData) -> CandidateId:
        row = models.Candidate.objects.create(
            election_id=data.election_id,
            person_id=data.person_id,
            full_name=data.full_name,
            sort_key=data.sort_key,
            source=str(data.source),
            agree=data.agree,
            attending=data.attending,
            proposer_id=data.proposer_id,
            first_time=data.first_time,
            position_label=data.position_label,
        )
        return CandidateId(row.pk)

    def candidates(self, election_id: ElectionId) -> list[CandidateData]:
        return [_candidate(r) for r in models.Candidate.objects.filter(election_id=election_id)]

    def update_candidate(self, data: CandidateData) -> None:
        models.Candidate.objects.filter(pk=_id(data.candidate_id)).update(
            withdrawn=data.withdrawn,
            withdrawal_decision=data.withdrawal_decision,
            opinion_votes=data.opinion_votes,
            first_time=data.first_time,
        )

    def add_round(self, data: RoundData) -> RoundId:
        row = models.Round.objects.create(
            election_id=data.election_id,
            number=data.number,
            vote_session_id=data.session_id,
            seats=data.seats,
            decision=data.decision,
            restricted_to=list(data.restricted_to),
        )
        return RoundId(row.pk)

    def rounds(self, election_id: ElectionId) -> list[RoundData]:
        return [_round(r) for r in models.Round.objects.filter(election_id=election_id)]

    def update_round(self, data: RoundData) -> None:
        models.Round.objects.filter(pk=_id(data.round_id)).update(
            result=data.result,
            counted_at=data.counted_at,
            minutes_signed_at=data.minutes_signed_at,
        )
        if data.result is not None:
            self._elected(data)

    def _elected(self, data: RoundData) -> None:
        """The round's elected, one row each, for the overview's aggregates."""
        assert data.result is not None  # noqa: S101
        models.ElectedPerson.objects.filter(round_id=_id(data.round_id)).delete()
        by_name = {c["name"]: c.get("person_id") for c in data.result.get("candidates", [])}
        election = models.Election.objects.only("congress_id").get(pk=data.election_id)
        first = dict(
            models.Candidate.objects.filter(election_id=data.election_id).values_list(
                "person_id", "first_time"
            )
        )
        rows = [
            models.ElectedPerson(
                election_id=data.election_id,
                round_id=_id(data.round_id),
                person_id=by_name[name],
                congress_id=election.congress_id,
                alternate=alternate,
                first_time=first.get(by_name[name], True),
            )
            for key, alternate in (("elected", False), ("alternates", True))
            for name in data.result.get(key, [])
            if by_name.get(name)
        ]
        models.ElectedPerson.objects.bulk_create(rows)

    def add_approval(self, data: ApprovalData) -> None:
        models.Approval.objects.create(
            election_id=data.election_id,
            approving_unit_id=data.approving_unit_id,
            decision_number=data.decision_number,
            decided_on=data.decided_on,
            recorded_by=data.recorded_by[:150],
        )

    def approval(self, election_id: ElectionId) -> ApprovalData | None:
        row = models.Approval.objects.filter(election_id=election_id).first()
        if row is None:
            return None
        return ApprovalData(
            ElectionId(row.election_id),
            UnitId(row.approving_unit_id),
            row.decision_number,
            row.decided_on,
            row.recorded_by,
        )
