"""Rounds of an election, their results, ties and shortfalls, and the signed minutes.

- Each round is a vote session of the voting engine (strike-out ballots on phones and paper);
  the names are printed in Vietnamese alphabetical order, by given name.
- After the count, the result is the core's :func:`compute_election` on the congress's base
  (EL-19, EL-20; EL-21 for the new committee's own elections), every subtraction named.
- A tie across the last seat stops the fill (EL-25) and a shortfall leaves seats unfilled
  (EL-24): a further round needs a recorded congress decision, among the tied names only for a
  tie, and the cell-secretary limit of EL-24 is the core's ``round_allowed``.
- The minutes are signed only when every EL-30 check passes; a failed one names itself.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from canbo.core.ballots.rulebooks import Rulebook
from canbo.core.collation import sort_key
from canbo.core.elections.denominator import Denominator, denominator
from canbo.core.elections.model import CongressKind, ElectionStatus
from canbo.core.elections.results import (
    BallotFigures,
    CandidateVotes,
    ElectionResult,
    compute_election,
)
from canbo.core.errors import Citation, Conflict, RuleViolation
from canbo.services.elections import rules
from canbo.services.elections.elections import FINISHED
from canbo.services.elections.guard import require_election, rulebook_of
from canbo.services.elections.ports import (
    BallotKind,
    BallotName,
    CandidateData,
    CongressId,
    CongressInfo,
    ElectionData,
    ElectionId,
    ElectionsUnitOfWork,
    RoundData,
    RoundId,
)
from canbo.services.ports import Actor

TIE = Citation("QĐ 190-QĐ/TW", rule_id="EL-25")
SHORTFALL = Citation("QĐ 190-QĐ/TW", rule_id="EL-24")
MINUTES = Citation("QĐ 190-QĐ/TW", rule_id="EL-30")


def ballot_names(rows: list[CandidateData]) -> list[BallotName]:
    """The ballot's names in Vietnamese alphabetical order, by given name (EL-13)."""
    ordered = sorted(rows, key=lambda c: (c.sort_key or sort_key(c.full_name), c.person_id))
    return [BallotName(c.person_id, c.full_name, c.position_label) for c in ordered]


def _title(election: ElectionData, number: int) -> str:
    from canbo.core.elections.model import ELECTION_KIND_LABELS_VI

    label = ELECTION_KIND_LABELS_VI[election.kind]
    return f"Bầu {label.lower()} - vòng {number}" if number > 1 else f"Bầu {label.lower()}"


def start_round(
    uow: ElectionsUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    election_id: ElectionId,
    *,
    decision: str = "",
) -> RoundId:
    """Open the next round as a vote session of the congress's conference.

    The first round needs the list voted (EL-04). A further round needs the congress's
    decision recorded (EL-24, EL-25); after a tie only the tied names are on the ballot; the
    core decides whether a further round is allowed at all (the cell secretary's three rounds).
    """
    with uow:
        info, election = require_election(uow, actor, congress_id, election_id, write=True)
        rounds = uow.elections.rounds(election_id)
        rows = rules.live(uow.elections.candidates(election_id))
        restricted: tuple[int, ...] = ()
        seats = election.seats
        if not rounds:
            if election.status != ElectionStatus.LIST_APPROVED:
                raise Conflict("election_list_not_approved", status=str(election.status))
        else:
            seats, restricted = _further(info, election, rounds, decision.strip())
            if restricted:
                rows = [c for c in rows if c.person_id in restricted]
            else:
                elected = set(rules.elected_ids(uow, election_id))
                rows = [c for c in rows if c.person_id not in elected]
        if info.conference_id is None:
            raise Conflict("congress_has_no_conference", congress_id=congress_id)
        number = len(rounds) + 1
        names = ballot_names(rows)
        alternates = election.alternate_seats if number == 1 else 0
        session_id = uow.ballots.create_session(
            actor,
            info.conference_id,
            _title(election, number),
            info.rulebook_id,
            seats,
            alternates,
            BallotKind.STRIKE_OUT if len(names) > seats + alternates else BallotKind.APPROVAL,
            names,
            _electorate(uow, info, election),
        )
        data = RoundData(election_id, number, session_id, seats, decision.strip(), restricted)
        round_id = uow.elections.add_round(data)
        uow.elections.update(dataclasses.replace(election, status=ElectionStatus.VOTING))
        uow.audit.append(
            actor,
            "election.round",
            "election",
            str(election_id),
            {"status": str(election.status)},
            {"status": str(ElectionStatus.VOTING), "round": number, "session_id": session_id},
            {"decision": decision.strip(), "restricted_to": list(restricted)},
        )
        uow.commit()
    return round_id


def _further(
    info: CongressInfo, election: ElectionData, rounds: list[RoundData], decision: str
) -> tuple[int, tuple[int, ...]]:
    """Seats and names of a further round after a tie or a shortfall."""
    if election.status not in (ElectionStatus.TIE, ElectionStatus.SHORTFALL):
        raise Conflict("election_no_further_round", status=str(election.status))
    cite = TIE if election.status == ElectionStatus.TIE else SHORTFALL
    if not decision:
        raise RuleViolation("election_decision_required", citation=cite, field="decision")
    allowed = rules.round_allowed(info, election.kind, len(rounds) + 1, True, rulebook_of(info))
    if not allowed.allowed:
        raise RuleViolation(allowed.code, citation=allowed.citation, round=len(rounds) + 1)
    last = rounds[-1].result or {}
    by_name = {c["name"]: c.get("person_id") for c in last.get("candidates", [])}
    unfilled = int(last.get("seats_unfilled", 0))
    if election.status == ElectionStatus.TIE:
        tied = tuple(int(by_name[n]) for n in last.get("tie", []) if by_name.get(n))
        return unfilled, tied
    return unfilled, ()


def _body_members(
    uow: ElectionsUnitOfWork, info: CongressInfo, election: ElectionData
) -> list[int] | None:
    """The members of the body that elects at its first conference (EL-21), or ``None`` when
    the congress itself elects."""
    body = rules.electing_body(election.kind, info.kind)
    if body is None:
        return None
    found = [
        e for e in uow.elections.of_congress(info.congress_id)
        if e.kind == body and e.status in FINISHED and e.election_id is not None
    ]  # fmt: skip
    if not found:
        raise Conflict("election_body_not_elected", body=str(body))
    election_id = found[-1].election_id
    assert election_id is not None  # noqa: S101 - filtered above
    return [int(p) for p in rules.elected_ids(uow, election_id)]


def _electorate(
    uow: ElectionsUnitOfWork, info: CongressInfo, election: ElectionData
) -> tuple[int, ...]:
    """Who receives a code or ballot for a round, named on its vote session: the electing
    body's members at its first conference (EL-21), or, when the whole congress elects, those
    who elect at it: the official members convened (probationary members attend without a
    vote, EL-19) or the official delegates and the alternates seated (EL-20, EL-36). Never
    the whole hall: a code for someone without a vote would make more ballots issued than
    voters convened, and the minutes refuse that (EL-30)."""
    members = _body_members(uow, info, election)
    if members is None:
        members = [int(p) for p in uow.congresses.electorate(info.congress_id)]
    return tuple(sorted(members))


def base_for(uow: ElectionsUnitOfWork, info: CongressInfo, election: ElectionData) -> Denominator:
    """The base of the majority test: the congress's (EL-19, EL-20) or, at the new committee's
    first conference, the members of the electing body (EL-21)."""
    members = _body_members(uow, info, election)
    if members is None:
        return uow.congresses.denominator(info.congress_id)
    return denominator(CongressKind.CONFERENCE, len(members), (), rulebook=rulebook_of(info))


def compute(
    uow: ElectionsUnitOfWork,
    info: CongressInfo,
    election: ElectionData,
    rnd: RoundData,
    rulebook: Rulebook,
) -> ElectionResult:
    """The core's result of one round from the voting engine's tally."""
    tally = uow.ballots.tally(rnd.session_id)
    if tally is None:
        raise Conflict("election_not_counted", session_id=rnd.session_id)
    rows = rules.live(uow.elections.candidates(election.election_id))  # type: ignore[arg-type]
    on_ballot = ballot_names(
        [c for c in rows if not rnd.restricted_to or c.person_id in rnd.restricted_to]
    )
    if rnd.number > 1 and not rnd.restricted_to:
        elected = set(rules.elected_ids(uow, election.election_id))
        on_ballot = [n for n in on_ballot if n.person_id not in elected]
    votes = [
        CandidateVotes(n.full_name, int(tally.votes.get(n.person_id, 0)), n.person_id)
        for n in on_ballot
    ]
    figures = BallotFigures(tally.issued, tally.collected, tally.valid, tally.invalid)
    return compute_election(
        rulebook,
        election.kind,
        rnd.seats,
        base_for(uow, info, election),
        figures,
        votes,
        alternate_seats=election.alternate_seats if rnd.number == 1 else 0,
    )


def record_result(
    uow: ElectionsUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    election_id: ElectionId,
    now: dt.datetime,
) -> dict[str, Any]:
    """Store the result of the open round from its certified count.

    Results that do not reconcile (EL-30) are refused, naming the failing check, and nothing
    is stored. The election goes to COUNTED, TIE (EL-25) or SHORTFALL (EL-24).
    """
    with uow:
        info, election = require_election(uow, actor, congress_id, election_id, write=True)
        if election.status != ElectionStatus.VOTING:
            raise Conflict("election_not_voting", status=str(election.status))
        rnd = uow.elections.rounds(election_id)[-1]
        result = compute(uow, info, election, rnd, rulebook_of(info))
        if result.blocking:
            first = result.blocking[0]
            raise RuleViolation(
                first.message,
                citation=first.citation,
                check=first.rule,
                **dict(first.fields),
            )
        data = result.as_dict()
        data["invalid_reasons"] = list(_reasons(uow, rnd.session_id))
        status = _status_after(result)
        uow.elections.update_round(dataclasses.replace(rnd, result=data, counted_at=now))
        uow.elections.update(dataclasses.replace(election, status=status))
        uow.audit.append(
            actor,
            "election.result",
            "election",
            str(election_id),
            {"status": str(election.status)},
            {"status": str(status), "elected": list(result.elected), "tie": list(result.tie)},
            {"round": rnd.number, "denominator": result.denominator.value},
        )
        uow.commit()
    return data


def _reasons(uow: ElectionsUnitOfWork, session_id: int) -> tuple[Any, ...]:
    tally = uow.ballots.tally(session_id)
    return tuple(dict(r) for r in tally.invalid_reasons) if tally else ()


def _status_after(result: ElectionResult) -> ElectionStatus:
    if result.tie:
        return ElectionStatus.TIE
    if result.seats_unfilled > 0:
        return ElectionStatus.SHORTFALL
    return ElectionStatus.COUNTED


def sign_minutes(
    uow: ElectionsUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    election_id: ElectionId,
    round_id: RoundId,
    now: dt.datetime,
) -> None:
    """The counting committee signs a round's minutes; refused while an EL-30 check fails.

    When the last round filled every seat, the results become PROVISIONAL until the higher
    committee approves them (EL-29).
    """
    with uow:
        _, election = require_election(uow, actor, congress_id, election_id, write=True)
        rnd = next((r for r in uow.elections.rounds(election_id) if r.round_id == round_id), None)
        if rnd is None or rnd.result is None:
            raise Conflict("election_not_counted", round_id=round_id)
        if rnd.minutes_signed_at is not None:
            raise Conflict("election_minutes_signed", round_id=round_id)
        failed = [c for c in rnd.result.get("checks", []) if not c.get("ok")]
        if failed:
            raise RuleViolation(
                str(failed[0]["message"]),
                citation=MINUTES,
                check=failed[0]["rule"],
                **dict(failed[0].get("fields", {})),
            )
        uow.elections.update_round(dataclasses.replace(rnd, minutes_signed_at=now))
        after = election.status
        if election.status == ElectionStatus.COUNTED:
            after = ElectionStatus.PROVISIONAL
            uow.elections.update(dataclasses.replace(election, status=after))
        uow.audit.append(
            actor,
            "election.minutes_signed",
            "election",
            str(election_id),
            {"status": str(election.status)},
            {"status": str(after), "round": rnd.number},
        )
        uow.commit()


def close_unfilled(
    uow: ElectionsUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    election_id: ElectionId,
    decision: str,
) -> ElectionStatus:
    """The congress decides to hold no further round (EL-24): the elected so far stand
    (PROVISIONAL) or, with nobody elected, the election closes unfilled (the higher committee
    appoints a cell secretary)."""
    with uow:
        _, election = require_election(uow, actor, congress_id, election_id, write=True)
        if election.status not in (ElectionStatus.TIE, ElectionStatus.SHORTFALL):
            raise Conflict("election_no_further_round", status=str(election.status))
        if not decision.strip():
            raise RuleViolation("election_decision_required", citation=SHORTFALL, field="decision")
        rounds = uow.elections.rounds(election_id)
        if any(r.minutes_signed_at is None for r in rounds):
            raise Conflict("election_minutes_unsigned")
        elected = rules.elected_ids(uow, election_id)
        status = ElectionStatus.PROVISIONAL if elected else ElectionStatus.CLOSED_UNFILLED
        uow.elections.update(
            dataclasses.replace(election, status=status, closing_decision=decision.strip())
        )
        uow.audit.append(
            actor,
            "election.closed",
            "election",
            str(election_id),
            {"status": str(election.status)},
            {"status": str(status)},
            {"decision": decision.strip()},
        )
        uow.commit()
    return status
