"""The congress at work: its working bodies (EL-04, EL-06) and the credentials committee's
report on the delegates (EL-05, EL-36).

Working bodies (presidium, secretariat, credentials committee, counting committee) are people
present at the congress (checked in at any bridge site), chosen by name with a head, never
login accounts; the congress approves each by show of hands, recorded as counts with the
number present at that moment. A delegate's status changes only through the credentials
committee's report, one form, audited.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from canbo.core.elections.model import CongressKind, DelegateStatus
from canbo.core.errors import Citation, NotFound, RuleViolation, ValidationError
from canbo.core.types import PersonId
from canbo.services.ports import Actor

from .congress import _require_status, load
from .ports import (
    OFFICIAL_ROLES,
    BodyApproval,
    BodyMember,
    CongressData,
    CongressId,
    CongressStatus,
    CongressUnitOfWork,
    RollEntryData,
    RollRole,
    WorkingBody,
)

SHOW_OF_HANDS = Citation("QĐ 190-QĐ/TW", rule_id="EL-04")
CREDENTIALS = Citation("QĐ 190-QĐ/TW", "Điều 7", rule_id="EL-05")
COUNTING = Citation("QĐ 190-QĐ/TW", "Điều 8", rule_id="EL-06")
ACTIVE = (CongressStatus.ROLL_FIXED, CongressStatus.OPEN)


@dataclass(frozen=True, slots=True)
class HandCount:
    """A show of hands: for, against, abstaining (EL-04)."""

    votes_for: int
    votes_against: int = 0
    abstained: int = 0


def set_working_body(
    uow: CongressUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    body: WorkingBody,
    person_ids: Sequence[PersonId],
    head: PersonId,
    hands: HandCount,
) -> None:
    """Record a working body approved by show of hands (EL-04): its members, chosen by name
    among the people present, and its head. The counting committee takes official members
    (members' congress) or official delegates (delegates' congress) only (EL-06). Refused when
    the hands add up to more than those present, or when the body is not approved by more than
    half of those present."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        raise ValidationError("body_members_required", field="persons", citation=SHOW_OF_HANDS)
    if head not in ids:
        raise ValidationError("body_head_not_member", field="head", citation=SHOW_OF_HANDS)
    if min(hands.votes_for, hands.votes_against, hands.abstained) < 0:
        raise ValidationError("hands_negative", field="votes_for", citation=SHOW_OF_HANDS)
    with uow:
        data = load(uow, actor, congress_id, write=True)
        _require_status(data, *ACTIVE)
        present = _present(uow, data)
        absent = [int(p) for p in ids if p not in present]
        if absent:
            raise ValidationError(
                "body_member_not_present", field="persons", citation=SHOW_OF_HANDS,
                person_ids=absent,
            )  # fmt: skip
        if body is WorkingBody.COUNTING:
            _check_counting(uow.congresses.roll(congress_id), ids)
        _check_hands(hands, len(present))
        roll = {e.person_id: e.full_name for e in uow.congresses.roll(congress_id)}
        members = tuple(BodyMember(p, roll.get(p, ""), p == head) for p in ids)
        approval = BodyApproval(
            body, hands.votes_for, hands.votes_against, hands.abstained, len(present), members
        )
        uow.congresses.set_working_body(congress_id, approval)
        uow.audit.append(
            actor,
            "congress.working_body",
            "congress",
            str(congress_id),
            None,
            {
                "body": str(body),
                "persons": [int(p) for p in ids],
                "head": int(head),
                "for": hands.votes_for,
                "against": hands.votes_against,
                "abstained": hands.abstained,
                "attending": len(present),
            },
        )
        uow.commit()


def _present(uow: CongressUnitOfWork, data: CongressData) -> frozenset[PersonId]:
    assert data.conference_id is not None  # noqa: S101 - created with the congress
    return uow.conferences.attendance(data.conference_id).present_person_ids


def _check_counting(roll: Sequence[RollEntryData], ids: Sequence[PersonId]) -> None:
    by_id = {e.person_id: e for e in roll}
    refused = [int(p) for p in ids if p not in by_id or not is_official(by_id[p])]
    if refused:
        raise RuleViolation("counting_member_not_official", citation=COUNTING, person_ids=refused)


def is_official(entry: RollEntryData) -> bool:
    """An official member (members' and cell congress) or an official delegate, including an
    alternate seated in an absent official's place (EL-06, EL-36)."""
    if entry.role is RollRole.MEMBER:
        return entry.official
    if entry.role is RollRole.ALTERNATE_DELEGATE:
        return entry.status is DelegateStatus.ALTERNATE_SEATED
    return entry.status is DelegateStatus.OFFICIAL


def electorate(uow: CongressUnitOfWork, congress_id: CongressId) -> frozenset[PersonId]:
    """Those who elect at the congress as a whole: the official members convened at a members'
    or cell congress (probationary members attend without a vote: Party Charter Art. 5, EL-19),
    or the official delegates and convening-committee members and the alternates seated in an
    absent official's place at a delegates' congress (EL-20, EL-36). No access check: the
    caller (an election use case) has loaded the congress already."""
    with uow:
        return frozenset(e.person_id for e in uow.congresses.roll(congress_id) if is_official(e))


def _check_hands(hands: HandCount, present: int) -> None:
    total = hands.votes_for + hands.votes_against + hands.abstained
    if total > present:
        raise ValidationError(
            "hands_above_present", field="votes_for", citation=SHOW_OF_HANDS,
            counted=total, present=present,
        )  # fmt: skip
    if 2 * hands.votes_for <= present:
        raise RuleViolation(
            "body_not_approved", field="votes_for", citation=SHOW_OF_HANDS,
            votes_for=hands.votes_for, present=present,
        )  # fmt: skip


def working_bodies(
    uow: CongressUnitOfWork, actor: Actor, congress_id: CongressId
) -> list[BodyApproval]:
    """The working bodies recorded, each with its members and approval."""
    with uow:
        load(uow, actor, congress_id)
        return uow.congresses.working_bodies(congress_id)


def counting_committee(uow: CongressUnitOfWork, congress_id: CongressId) -> list[BodyMember]:
    """The counting committee of the congress (EL-06), head first; empty until approved.
    No access check: the caller (an election use case) has loaded the congress already."""
    with uow:
        for approval in uow.congresses.working_bodies(congress_id):
            if approval.body is WorkingBody.COUNTING:
                return sorted(approval.members, key=lambda m: not m.is_head)
    return []


def credentials_report(
    uow: CongressUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    statuses: Mapping[PersonId, DelegateStatus],
    seated_for: Mapping[PersonId, PersonId],
    report_ref: str,
) -> None:
    """Record the credentials committee's report (EL-05): each delegate's status, and for an
    alternate seated, the absent official delegate whose place the alternate takes (EL-36).

    Only at a delegates' congress, after the roll is fixed and once the credentials committee
    is approved. An official status is for official delegates (and convening-committee
    members); ``ALTERNATE_SEATED`` only for an alternate, linked to an official delegate
    reported absent for the whole congress and taken by no other alternate."""
    with uow:
        data = load(uow, actor, congress_id, write=True)
        _require_status(data, *ACTIVE)
        if data.kind is not CongressKind.DELEGATES:
            raise ValidationError("credentials_delegates_only", citation=CREDENTIALS)
        bodies = {a.body for a in uow.congresses.working_bodies(congress_id)}
        if WorkingBody.CREDENTIALS not in bodies:
            raise RuleViolation("credentials_committee_missing", citation=CREDENTIALS)
        roll = {e.person_id: e for e in uow.congresses.roll(congress_id)}
        merged = {p: e.status for p, e in roll.items()}
        for person, status in statuses.items():
            if person not in roll:
                raise NotFound("roll_entry_not_found", person_id=person)
            merged[person] = status
        links = _check_statuses(roll, merged, seated_for)
        before = {int(p): str(roll[p].status) for p in statuses}
        uow.congresses.set_statuses(
            congress_id, {p: (merged[p], links.get(p)) for p in roll if p in statuses or p in links}
        )
        uow.audit.append(
            actor,
            "congress.credentials",
            "congress",
            str(congress_id),
            {"statuses": before},
            {
                "statuses": {int(p): str(s) for p, s in statuses.items()},
                "seated_for": {int(a): int(o) for a, o in links.items()},
            },
            {"report": report_ref.strip()},
        )
        uow.commit()


def _check_statuses(
    roll: Mapping[PersonId, RollEntryData],
    merged: Mapping[PersonId, DelegateStatus],
    seated_for: Mapping[PersonId, PersonId],
) -> dict[PersonId, PersonId]:
    alternate_only = {DelegateStatus.ALTERNATE, DelegateStatus.ALTERNATE_SEATED}
    for person, status in merged.items():
        is_alternate = roll[person].role is RollRole.ALTERNATE_DELEGATE
        if is_alternate and status is DelegateStatus.OFFICIAL:
            raise RuleViolation("status_not_for_role", citation=CREDENTIALS, person_id=person)
        if not is_alternate and status in alternate_only:
            raise RuleViolation("status_not_for_role", citation=CREDENTIALS, person_id=person)
    links: dict[PersonId, PersonId] = {}
    for alternate, official in seated_for.items():
        if merged.get(alternate) is not DelegateStatus.ALTERNATE_SEATED:
            continue
        links[alternate] = official
    for person, status in merged.items():
        if status is DelegateStatus.ALTERNATE_SEATED and person not in links:
            links[person] = roll[person].seated_for or PersonId(0)
    taken: set[PersonId] = set()
    for alternate, official in links.items():
        entry = roll.get(official)
        if entry is None or entry.role not in OFFICIAL_ROLES:
            raise RuleViolation(
                "seated_for_not_official", citation=CREDENTIALS, person_id=alternate
            )
        if merged[official] is not DelegateStatus.ABSENT_WHOLE_CONGRESS:
            raise RuleViolation("seated_for_not_absent", citation=CREDENTIALS, person_id=alternate)
        if official in taken:
            raise RuleViolation("seat_taken_twice", citation=CREDENTIALS, person_id=official)
        taken.add(official)
    return links
