"""The election list: the convening committee's names, nominations from the floor and
self-nominations, withdrawals, and the opinion ballot that trims an over-long list.

- The convening committee's list is the official nomination list; a floor or self nominee is
  added only with more than 30% of those attending agreeing (EL-10), the agreement and the
  attendance recorded; the convener nomination bar (EL-12) is the core's.
- A person on the not-convened list (EL-35) or on the counting committee (EL-06) is refused;
  for the new committee's own elections the candidates come from the elected body (EL-26).
- A withdrawal is recorded with the congress's decision. When the list exceeds the cap, an
  opinion ballot (EL-28) is recorded as its counts (agreement per name): the names are kept
  from the highest count down to the cap of EL-10, the others marked as trimmed; a tie at the
  cut is refused, for the presidium to settle.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from canbo.core.collation import sort_key
from canbo.core.elections.model import ElectionStatus
from canbo.core.errors import Citation, Conflict, NotFound, RuleViolation, ValidationError
from canbo.core.types import PersonId
from canbo.services.elections import rules
from canbo.services.elections.guard import require_election, rulebook_of
from canbo.services.elections.ports import (
    CandidateData,
    CandidateId,
    CandidateSource,
    CongressId,
    ElectionId,
    ElectionsUnitOfWork,
)
from canbo.services.ports import Actor

OPINION = Citation("HD 04-HD/TW", rule_id="EL-28")
WITHDRAWN_BY_OPINION = "trimmed_by_opinion_ballot"


def add_candidate(
    uow: ElectionsUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    election_id: ElectionId,
    person_id: PersonId,
    source: CandidateSource,
    *,
    agree: int | None = None,
    attending: int | None = None,
    proposer_id: PersonId | None = None,
    first_time: bool = True,
) -> CandidateId:
    """Put a person on the list of a draft election (see the module's rules)."""
    with uow:
        info, election = require_election(uow, actor, congress_id, election_id, write=True)
        if election.status != ElectionStatus.DRAFT:
            raise Conflict("election_list_not_draft", status=str(election.status))
        facts = uow.congresses.person(person_id)
        if facts is None:
            raise NotFound("person_not_found", person_id=person_id)
        existing = uow.elections.candidates(election_id)
        if any(c.person_id == person_id and not c.withdrawn for c in existing):
            raise Conflict("election_candidate_twice", name=facts.full_name)
        if person_id in uow.congresses.not_convened_ids(congress_id):
            raise RuleViolation(
                "election_candidate_not_convened", citation=rules.NOT_CONVENED,
                name=facts.full_name,
            )  # fmt: skip
        pool = rules.pool_ids(uow, election)
        if pool is not None and person_id not in pool:
            raise RuleViolation(
                "election_candidate_not_in_body", citation=rules.POOL, name=facts.full_name
            )
        committee = {m.person_id for m in uow.congresses.counting_committee(congress_id)}
        if rules.clash(frozenset(committee), frozenset({person_id})):
            raise RuleViolation(
                "election_counting_clash", citation=rules.CLASH, names=facts.full_name
            )
        if source != CandidateSource.CONVENER:
            _check_nomination(uow, info.congress_id, person_id, proposer_id, agree, attending,
                              rulebook_of(info))  # fmt: skip
        data = CandidateData(
            election_id=election_id,
            person_id=person_id,
            full_name=facts.full_name,
            source=source,
            sort_key=sort_key(facts.full_name),
            agree=agree if source != CandidateSource.CONVENER else None,
            attending=attending if source != CandidateSource.CONVENER else None,
            proposer_id=proposer_id,
            first_time=first_time,
        )
        candidate_id = uow.elections.add_candidate(data)
        uow.audit.append(
            actor,
            "election.candidate.add",
            "candidate",
            str(candidate_id),
            None,
            {"person_id": person_id, "source": str(source), "agree": agree},
            {"election_id": election_id, "attending": attending},
        )
        uow.commit()
    return candidate_id


def _check_nomination(
    uow: ElectionsUnitOfWork,
    congress_id: CongressId,
    person_id: PersonId,
    proposer_id: PersonId | None,
    agree: int | None,
    attending: int | None,
    rulebook: object,
) -> None:
    """A floor or self nominee: the convener bar (EL-12), then more than 30% agreeing (EL-10)."""
    if agree is None or attending is None or agree < 0 or attending < 1 or agree > attending:
        raise ValidationError("election_agreement_required", field="agree")
    conveners = uow.congresses.convening_committee_ids(congress_id)
    bar = rules.convener_may_nominate(
        rulebook,  # type: ignore[arg-type]
        proposer_is_convener=proposer_id is not None and proposer_id in conveners,
        nominee_is_convener=person_id in conveners,
    )
    if not bar.allowed:
        raise RuleViolation(bar.code, citation=bar.citation, field="proposer")
    admitted = rules.admit_nominee(agree, attending, rulebook)  # type: ignore[arg-type]
    if not admitted.allowed:
        raise RuleViolation(
            admitted.code,
            citation=admitted.citation,
            field="agree",
            agree=agree,
            attending=attending,
        )


def withdraw(
    uow: ElectionsUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    election_id: ElectionId,
    candidate_id: CandidateId,
    decision: str,
) -> None:
    """Take a name off the list by the congress's decision (EL-27 step 4); the name stays
    recorded as withdrawn, with the decision."""
    with uow:
        _, election = require_election(uow, actor, congress_id, election_id, write=True)
        if election.status != ElectionStatus.DRAFT:
            raise Conflict("election_list_not_draft", status=str(election.status))
        if not decision.strip():
            raise ValidationError("election_withdrawal_decision_required", field="decision")
        row = _candidate(uow, election_id, candidate_id)
        uow.elections.update_candidate(
            dataclasses.replace(row, withdrawn=True, withdrawal_decision=decision.strip())
        )
        uow.audit.append(
            actor,
            "election.candidate.withdraw",
            "candidate",
            str(candidate_id),
            {"withdrawn": False},
            {"withdrawn": True},
            {"decision": decision.strip()},
        )
        uow.commit()


def _candidate(
    uow: ElectionsUnitOfWork, election_id: ElectionId, candidate_id: CandidateId
) -> CandidateData:
    for c in uow.elections.candidates(election_id):
        if c.candidate_id == candidate_id and not c.withdrawn:
            return c
    raise NotFound("election_candidate_not_found", candidate_id=candidate_id)


def record_opinion_ballot(
    uow: ElectionsUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    election_id: ElectionId,
    counts: Mapping[int, int],
    ballots: int,
) -> list[str]:
    """Record an opinion ballot's counts (EL-28) and trim the list to the cap (EL-10).

    ``counts`` maps each candidate id on the list to the ballots agreeing to keep the name;
    every name must have a count between 0 and ``ballots``. Returns the names trimmed.
    """
    with uow:
        _, election = require_election(uow, actor, congress_id, election_id, write=True)
        if election.status != ElectionStatus.DRAFT:
            raise Conflict("election_list_not_draft", status=str(election.status))
        rows = rules.live(uow.elections.candidates(election_id))
        cap = rules.trim_cap(election.seats)
        if len(rows) <= cap:
            raise Conflict("election_list_within_cap", names=len(rows), cap=cap)
        if ballots < 1 or {c.candidate_id for c in rows} != set(counts):
            raise ValidationError("election_opinion_counts_incomplete", field="counts")
        if any(not 0 <= v <= ballots for v in counts.values()):
            raise ValidationError("election_opinion_count_invalid", field="counts")
        ranked = sorted(rows, key=lambda c: -counts[int(c.candidate_id or 0)])
        cut = counts[int(ranked[cap - 1].candidate_id or 0)]
        if counts[int(ranked[cap].candidate_id or 0)] == cut:
            raise RuleViolation("election_opinion_tie_at_cut", citation=OPINION, votes=cut)
        trimmed = ranked[cap:]
        for c in rows:
            votes = counts[int(c.candidate_id or 0)]
            out = c in trimmed
            uow.elections.update_candidate(
                dataclasses.replace(
                    c,
                    opinion_votes=votes,
                    withdrawn=out,
                    withdrawal_decision=WITHDRAWN_BY_OPINION if out else "",
                )
            )
        uow.audit.append(
            actor,
            "election.opinion_ballot",
            "election",
            str(election_id),
            None,
            {"trimmed": [c.full_name for c in trimmed], "ballots": ballots},
            {"counts": {str(k): v for k, v in counts.items()}},
        )
        uow.commit()
    return [c.full_name for c in trimmed]
