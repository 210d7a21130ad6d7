"""What the election pages and documents read, behind the same scope checks as the changes.

Each reader loads the congress through :func:`require_congress` (``NotFound`` alike for a
missing congress and one outside the actor's scope) and returns plain values: the elections of
a congress, and one election with its list, the rules' answers on it (surplus, the draft band,
committee sizes, the age of each candidate), its rounds and the approval.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from canbo.core.elections.model import Decision, ElectionStatus
from canbo.core.errors import Citation, NotFound, RuleViolation
from canbo.services.elections import rules
from canbo.services.elections.guard import (
    require_congress,
    require_election,
    rulebook_of,
)
from canbo.services.elections.ports import (
    ApprovalData,
    Attendance,
    CandidateData,
    CandidateSource,
    CommitteeMember,
    CongressId,
    CongressInfo,
    ElectionData,
    ElectionId,
    ElectionsUnitOfWork,
    RoundData,
)
from canbo.services.ports import Actor

MINUTES_RULE = Citation("QĐ 190-QĐ/TW", rule_id="EL-30")


@dataclass(frozen=True, slots=True)
class CandidateLine:
    candidate: CandidateData
    age: rules.AgeLine | None


@dataclass(frozen=True, slots=True)
class ElectionView:
    info: CongressInfo
    election: ElectionData
    candidates: tuple[CandidateLine, ...]  # on the list, in ballot order
    withdrawn: tuple[CandidateData, ...]
    rounds: tuple[RoundData, ...]
    surplus: Any
    draft: Decision | None
    size: Decision
    opinion_needed: Decision
    counting: tuple[CommitteeMember, ...]
    approval: ApprovalData | None
    elected_ids: tuple[int, ...]


def congress_elections(
    uow: ElectionsUnitOfWork, actor: Actor, congress_id: CongressId
) -> tuple[CongressInfo, list[ElectionData], dict[int, ApprovalData]]:
    """The congress and its elections in order, with the approvals recorded."""
    with uow:
        info = require_congress(uow, actor, congress_id)
        found = sorted(uow.elections.of_congress(congress_id), key=lambda e: e.order)
        approvals = {
            int(e.election_id): a
            for e in found
            if e.election_id is not None and (a := uow.elections.approval(e.election_id))
        }
        return info, found, approvals


def election_view(
    uow: ElectionsUnitOfWork, actor: Actor, congress_id: CongressId, election_id: ElectionId
) -> ElectionView:
    """One election with its list, the rules' answers, its rounds and approval."""
    with uow:
        info, election = require_election(uow, actor, congress_id, election_id)
        rulebook = rulebook_of(info)
        rows = uow.elections.candidates(election_id)
        live = sorted(rules.live(rows), key=lambda c: (c.sort_key, c.person_id))
        facts = uow.congresses.people([c.person_id for c in live])
        lines = tuple(
            CandidateLine(
                c, rules.age_line(info, election.kind, c, facts.get(c.person_id), rulebook)
            )
            for c in live
        )
        conveners = [c for c in live if c.source == CandidateSource.CONVENER]
        n, k = len(live), election.seats
        return ElectionView(
            info=info,
            election=election,
            candidates=lines,
            withdrawn=tuple(c for c in rows if c.withdrawn),
            rounds=tuple(uow.elections.rounds(election_id)),
            surplus=rules.surplus(election.kind, k, n, rulebook) if n else None,
            draft=rules.draft_warning(k, len(conveners), rulebook) if conveners else None,
            size=rules.size_warning(info, election.kind, k, rulebook),
            opinion_needed=rules.after_nominations(election.kind, k, n, rulebook),
            counting=tuple(uow.congresses.counting_committee(congress_id)),
            approval=uow.elections.approval(election_id),
            elected_ids=tuple(rules.elected_ids(uow, election_id)),
        )


def attendance(uow: ElectionsUnitOfWork, congress_id: CongressId) -> Attendance:
    """Convened and present (the minutes); the caller has loaded the congress."""
    with uow:
        return uow.congresses.attendance(congress_id)


def announced(
    uow: ElectionsUnitOfWork, actor: Actor, congress_id: CongressId
) -> tuple[CongressInfo, list[tuple[ElectionData, list[Mapping[str, Any]]]]]:
    """Every election with a counted round, with each round's result, for the projector and
    the report to the higher committee."""
    with uow:
        info = require_congress(uow, actor, congress_id)
        out: list[tuple[ElectionData, list[Mapping[str, Any]]]] = []
        for e in sorted(uow.elections.of_congress(congress_id), key=lambda x: x.order):
            if e.election_id is None or e.status == ElectionStatus.DRAFT:
                continue
            counted = [r.result for r in uow.elections.rounds(e.election_id) if r.result]
            if counted:
                out.append((e, counted))
        return info, out


@dataclass(frozen=True, slots=True)
class MinutesData:
    """Everything the counting minutes print (FRM-01, EL-30), from stored data only."""

    info: CongressInfo
    election: ElectionData
    round: RoundData
    result: Mapping[str, Any]
    listed: tuple[str, ...]  # the election list in alphabetical order (by given name)
    committee: tuple[CommitteeMember, ...]
    attendance: Attendance


def minutes(
    uow: ElectionsUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    election_id: ElectionId,
    round_id: int,
) -> MinutesData:
    """The data of one round's counting minutes; refused while an EL-30 check fails, the
    message naming the check (the minutes are never drawn from unreconciled figures)."""
    with uow:
        info, election = require_election(uow, actor, congress_id, election_id)
        rnd = next((r for r in uow.elections.rounds(election_id) if r.round_id == round_id), None)
        if rnd is None or rnd.result is None:
            raise NotFound("election_not_counted", round_id=round_id)
        failed = [c for c in rnd.result.get("checks", []) if not c.get("ok")]
        if failed:
            raise RuleViolation(
                str(failed[0]["message"]),
                citation=MINUTES_RULE,
                check=failed[0]["rule"],
                **dict(failed[0].get("fields", {})),
            )
        names = tuple(c["name"] for c in rnd.result.get("candidates", []))
        return MinutesData(
            info=info,
            election=election,
            round=rnd,
            result=rnd.result,
            listed=names,
            committee=tuple(uow.congresses.counting_committee(congress_id)),
            attendance=uow.congresses.attendance(congress_id),
        )
