"""The elections' use of the core rules (``canbo.core.elections``): one place that feeds them
the congress's facts and turns their answers into refusals. No rule is decided here."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from canbo.core.ballots.rulebooks import Rulebook
from canbo.core.elections import age, candidates, congress, order
from canbo.core.elections.model import CongressKind, Decision, ElectionKind
from canbo.core.errors import Citation, DomainError, RuleViolation
from canbo.core.types import Sex
from canbo.services.elections.ports import (
    CandidateData,
    CongressInfo,
    ElectionData,
    ElectionsUnitOfWork,
    PersonFacts,
)

CLASH = Citation("QĐ 190-QĐ/TW", rule_id="EL-06")
NOT_CONVENED = Citation("HD 04-HD/TW", rule_id="EL-35")
POOL = Citation("QĐ 190-QĐ/TW", rule_id="EL-26")
SUPPLEMENTARY = Citation("QĐ 190-QĐ/TW", rule_id="EL-27")

CONFERENCE_KINDS = frozenset(
    {
        ElectionKind.STANDING_COMMITTEE,
        ElectionKind.SECRETARY,
        ElectionKind.DEPUTY_SECRETARY,
        ElectionKind.INSPECTION_COMMISSION,
    }
)
COMMITTEES = frozenset({ElectionKind.COMMITTEE, ElectionKind.CELL_COMMITTEE})
AGE_KINDS = frozenset(
    {
        ElectionKind.COMMITTEE,
        ElectionKind.CELL_COMMITTEE,
        ElectionKind.STANDING_COMMITTEE,
        ElectionKind.SECRETARY,
        ElectionKind.DEPUTY_SECRETARY,
        ElectionKind.INSPECTION_COMMISSION,
        ElectionKind.INSPECTION_CHAIR,
    }
)
"""The elections whose candidates the age rules of Chỉ thị 45 apply to (EL-33): committee
posts; delegates to the higher congress are not a post."""


@dataclass(frozen=True, slots=True)
class AgeLine:
    """The age rule's answer for one candidate, for the page (blocking or warning, cited)."""

    ok: bool
    blocking: bool
    months_left: int | None
    months_needed: int | None
    citation: Citation


def cell_has_committee(info: CongressInfo, rulebook: Rulebook) -> bool:
    """A cell with enough official members elects a cell committee (EL-37)."""
    if info.kind != CongressKind.CELL:
        return False
    return congress.cell_committee_required(info.official_members, info.opens_on, rulebook)


def has_standing(existing: Sequence[ElectionData]) -> bool:
    """Whether this congress's committee elects a standing committee: the congress says so by
    holding that election (the secretary then comes from it, EL-26)."""
    return any(e.kind == ElectionKind.STANDING_COMMITTEE for e in existing)


def may_start(
    info: CongressInfo,
    kind: ElectionKind,
    existing: Sequence[ElectionData],
    done: frozenset[ElectionKind],
    rulebook: Rulebook,
) -> Decision:
    """The order of elections (EL-26, EL-27, EL-37), decided by the core."""
    return order.may_start(
        kind,
        done,
        info.kind,
        cell_has_committee(info, rulebook),
        has_standing_committee=has_standing(existing) or kind == ElectionKind.STANDING_COMMITTEE,
        document=rulebook.document,
    )


def seats_decision(
    info: CongressInfo, kind: ElectionKind, seats: int, rulebook: Rulebook
) -> Decision:
    """Seats at a cell congress (EL-37): refusals of the core."""
    if info.kind != CongressKind.CELL:
        return Decision(True, "ok", Citation(rulebook.document, rule_id="EL-04"), {})
    return congress.cell_seats_check(kind, seats, info.official_members, info.opens_on, rulebook)


def pool_kind(
    info: CongressInfo, kind: ElectionKind, existing: Sequence[ElectionData], rulebook: Rulebook
) -> ElectionKind | None:
    """The election whose elected form the pool of candidates for ``kind`` (EL-26)."""
    return order.eligible_pool(
        kind,
        info.kind,
        has_standing_committee=has_standing(existing),
        cell_has_committee=cell_has_committee(info, rulebook),
    )


def size_warning(
    info: CongressInfo, kind: ElectionKind, seats: int, rulebook: Rulebook
) -> Decision:
    """Committee sizes of Chỉ thị 45 (EL-38): a warning, never a refusal."""
    return congress.committee_size_check(kind, seats, info.merge_class, rulebook)


def surplus(
    kind: ElectionKind, seats: int, names: int, rulebook: Rulebook
) -> candidates.SurplusCheck:
    """The surplus check of the list (EL-09, EL-11)."""
    return candidates.surplus_check(kind, seats, names, rulebook)


def after_nominations(kind: ElectionKind, seats: int, names: int, rulebook: Rulebook) -> Decision:
    """Over the cap, an opinion ballot trims the list (EL-10, EL-28)."""
    return candidates.after_nominations(kind, seats, names, rulebook)


def draft_warning(seats: int, names: int, rulebook: Rulebook) -> Decision:
    """The convening committee's 10–15% surplus band on its draft (EL-09): a warning."""
    return candidates.draft_surplus_warning(seats, names, rulebook)


def trim_cap(seats: int) -> int:
    return candidates.trim_cap(seats)


def admit_nominee(agree: int, attending: int, rulebook: Rulebook) -> Decision:
    """More than 30% of those attending agree (EL-10)."""
    return candidates.admit_nominee(agree, attending, rulebook)


def clash(committee_ids: frozenset[int], candidate_ids: frozenset[int]) -> frozenset[int]:
    """Counting committee members on the list (EL-06)."""
    return candidates.counting_committee_clash(committee_ids, candidate_ids)


def convener_may_nominate(
    rulebook: Rulebook, *, proposer_is_convener: bool, nominee_is_convener: bool
) -> Decision:
    """The convener nomination bar (EL-12), decided by the core; a floor or self nominee is
    by definition not on the convening committee's list."""
    return candidates.convener_may_nominate(
        nominator_is_convener=proposer_is_convener,
        nominee_is_convener=nominee_is_convener,
        nominee_on_convener_list=False,
        rulebook=rulebook,
    )


def age_line(
    info: CongressInfo,
    kind: ElectionKind,
    candidate: CandidateData,
    facts: PersonFacts | None,
    rulebook: Rulebook,
) -> AgeLine | None:
    """The age rule for one candidate (EL-33), or None where it does not apply."""
    if kind not in AGE_KINDS or facts is None or facts.birth_date is None:
        return None
    provincial = info.level == "directly_under_central"
    post = (
        "provincial_deputy_secretary"
        if provincial and kind == ElectionKind.DEPUTY_SECRETARY
        else None
    )
    check = age.age_check(
        facts.birth_date,
        Sex(facts.sex),
        info.level,
        candidate.first_time,
        post,
        rulebook,
        congress_date=info.opens_on,
    )
    return AgeLine(check.ok, check.blocking, check.months_left, check.months_needed, check.citation)


def round_allowed(
    info: CongressInfo, kind: ElectionKind, number: int, decision: bool, rulebook: Rulebook
) -> Decision:
    """Whether a further round may be held (EL-24), decided by the core."""
    return congress.round_allowed(
        kind, number, info.opens_on, decision, rulebook, congress_kind=info.kind
    )


def live(rows: Sequence[CandidateData]) -> list[CandidateData]:
    """The names still on the list (withdrawn and trimmed names are kept, marked)."""
    return [c for c in rows if not c.withdrawn]


def pool_ids(uow: ElectionsUnitOfWork, election: ElectionData) -> frozenset[int] | None:
    """The person ids the candidates must come from (the elected of the parent election)."""
    if election.parent_id is None:
        return None
    return frozenset(elected_ids(uow, election.parent_id))


def electing_body(kind: ElectionKind, congress_kind: CongressKind) -> ElectionKind | None:
    """The body that holds election ``kind`` at its first conference, whose members are the
    base of the majority test there (EL-21); None when the congress itself elects."""
    if congress_kind not in (CongressKind.MEMBERS, CongressKind.DELEGATES):
        return None
    if kind == ElectionKind.INSPECTION_CHAIR:
        return ElectionKind.INSPECTION_COMMISSION
    if kind in CONFERENCE_KINDS:
        return ElectionKind.COMMITTEE
    return None


def elected_ids(uow: ElectionsUnitOfWork, election_id: Any) -> list[int]:
    """Person ids elected over every round of an election, in order of election."""
    out: list[int] = []
    for r in uow.elections.rounds(election_id):
        if r.result is None:
            continue
        by_name = {c["name"]: c.get("person_id") for c in r.result.get("candidates", [])}
        out += [int(by_name[n]) for n in r.result.get("elected", []) if by_name.get(n)]
    return out


def list_problems(
    uow: ElectionsUnitOfWork, info: CongressInfo, election: ElectionData
) -> Iterator[DomainError]:
    """Every blocking problem of the list, in the order the regulation checks them."""
    rulebook = rulebook_of_info(info)
    assert election.election_id is not None  # noqa: S101
    rows = live(uow.elections.candidates(election.election_id))
    if election.supplementary and len(election.steps) < 5:
        yield RuleViolation(
            "election_steps_missing", citation=SUPPLEMENTARY, steps=len(election.steps)
        )
    if not rows:
        yield RuleViolation("election_list_empty", citation=POOL)
        return
    check = surplus(election.kind, election.seats, len(rows), rulebook)
    if check.blocking:
        yield RuleViolation(
            check.message_code,
            citation=check.citation,
            names=len(rows),
            seats=election.seats,
            max_names=check.max_names,
        )
    committee = {m.person_id for m in uow.congresses.counting_committee(info.congress_id)}
    both = clash(frozenset(committee), frozenset(c.person_id for c in rows))
    if both:
        names = [c.full_name for c in rows if c.person_id in both]
        yield RuleViolation("election_counting_clash", citation=CLASH, names=", ".join(names))
    facts = uow.congresses.people([c.person_id for c in rows])
    for c in rows:
        line = age_line(info, election.kind, c, facts.get(c.person_id), rulebook)
        if line is not None and line.blocking:
            yield RuleViolation(
                "election_candidate_age",
                citation=line.citation,
                name=c.full_name,
                months_left=line.months_left,
                months_needed=line.months_needed,
            )


def rulebook_of_info(info: CongressInfo) -> Rulebook:
    from canbo.services.elections.guard import rulebook_of

    return rulebook_of(info)
