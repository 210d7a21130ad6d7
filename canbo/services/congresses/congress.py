"""A Party congress (đại hội) from preparation to closing: create it with its conference, the
convening committee, the roll from the registry as of the opening date, the people not
convened (EL-35), fixing the roll (which convenes it into the conference), open and close.

Every use case checks the actor's scope on the congress's unit (the roles of running a
conference), writes through its unit of work and appends one audit entry per change. The
conference machinery (check-in, bridge sites, attendance, the vote sessions of the elections)
is :mod:`canbo.services.voting.conferences`, called here in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from canbo.core.ballots.catalog import default_registry
from canbo.core.elections.congress import (
    cell_committee_required,
    congress_kind,
    congress_kind_allowed,
)
from canbo.core.elections.model import (
    CongressKind,
    DelegateStatus,
    NotConvenedReason,
)
from canbo.core.errors import (
    Citation,
    Conflict,
    NotFound,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from canbo.core.rulebook import Body, Domain, Rulebook
from canbo.core.types import PersonId, UnitId
from canbo.services.access import can_reach
from canbo.services.ports import Actor
from canbo.services.voting import conferences
from canbo.services.voting.ports import ConferenceData

from .ports import (
    OFFICIAL_ROLES,
    CongressData,
    CongressId,
    CongressStatus,
    CongressUnitOfWork,
    NotConvenedData,
    PersonFacts,
    RollEntryData,
    RollRole,
)

SEE_ROLES = conferences.SEE_ROLES
WRITE_ROLES = conferences.WRITE_ROLES
NOT_CONVENED = Citation("HD 04-HD/TW", rule_id="EL-35")
ROLL = Citation("QĐ 190-QĐ/TW", rule_id="EL-19")
DELEGATES = Citation("QĐ 190-QĐ/TW", rule_id="EL-36")
KIND = Citation("QĐ 190-QĐ/TW", rule_id="EL-31")


def election_rulebook(opens_on: dt.date) -> Rulebook:
    """The Party election rulebook in force on the opening date (GEN-01): QĐ 190 from
    10/10/2024, QĐ 244 before."""
    return default_registry().select(Body.PARTY, opens_on, Domain.PARTY_ELECTION)


def load(
    uow: CongressUnitOfWork, actor: Actor, congress_id: CongressId, *, write: bool = False
) -> CongressData:
    """Load guard: ``NotFound`` alike for a missing congress and one outside the actor's
    scope; ``PermissionDenied`` for a write by an actor who may only see it."""
    data = uow.congresses.get(congress_id)
    if data is None or not can_reach(actor, data.unit_id, uow.tree, data.opens_on, SEE_ROLES):
        raise NotFound("congress_not_found", congress_id=congress_id)
    if write and not can_reach(actor, data.unit_id, uow.tree, data.opens_on, WRITE_ROLES):
        raise PermissionDenied("action_denied", congress_id=congress_id)
    return data


def _require_status(data: CongressData, *allowed: CongressStatus) -> None:
    if data.status not in allowed:
        raise Conflict(
            "congress_wrong_status",
            citation=NOT_CONVENED,
            status=str(data.status),
            allowed=[str(s) for s in allowed],
        )


def _size(uow: CongressUnitOfWork, unit: UnitId, opens_on: dt.date) -> tuple[int, bool]:
    official = sum(1 for m in uow.roster.members(unit, opens_on) if m.official)
    return official, uow.roster.is_cell(unit, opens_on)


def proposed_kind(uow: CongressUnitOfWork, unit_id: UnitId, opens_on: dt.date) -> CongressKind:
    """The kind proposed for the unit's congress from its official members on the opening date
    (EL-31: a cell holds a cell congress; an organization up to ``el_members_congress_max``
    official members a members' congress, above it a delegates' congress)."""
    with uow:
        official, is_cell = _size(uow, unit_id, opens_on)
    return congress_kind(official, is_cell, election_rulebook(opens_on))


def create_congress(uow: CongressUnitOfWork, actor: Actor, data: CongressData) -> CongressId:
    """Create a congress of a unit in the actor's scope for a term, with its conference.

    The kind must suit the organization's official members on the opening date (EL-31; a
    delegates' congress below the line needs ``parameters["higher_consent"]``); the parameters
    keep the official members counted and, for a cell, whether it elects a cell committee
    (EL-37). The rulebook is the Party election rulebook in force on the opening date; the
    conference (Party body, held on the opening date at the congress's place) gives check-in,
    bridge sites and attendance. A committee conference is not a congress and is not created
    here.
    """
    if not data.term_label.strip():
        raise ValidationError("term_required", field="term_label")
    if data.closes_on < data.opens_on:
        raise ValidationError("closing_before_opening", field="closes_on")
    if data.kind is CongressKind.CONFERENCE:
        raise ValidationError("congress_kind_not_allowed", field="kind", citation=KIND)
    rulebook = election_rulebook(data.opens_on)
    with uow:
        if not can_reach(actor, data.unit_id, uow.tree, data.opens_on, WRITE_ROLES):
            raise NotFound("unit_not_found", unit_id=data.unit_id)
        official, is_cell = _size(uow, data.unit_id, data.opens_on)
        consent = bool(data.parameters.get("higher_consent"))
        decision = congress_kind_allowed(
            data.kind, official, is_cell, rulebook, higher_consent=consent
        )
        if not decision.allowed:
            raise RuleViolation(decision.code, citation=decision.citation, **decision.fields)
        cell_committee = is_cell and cell_committee_required(official, data.opens_on, rulebook)
        name = uow.roster.unit_name(data.unit_id, data.opens_on)
        title = data.title.strip() or f"Đại hội {name} nhiệm kỳ {data.term_label.strip()}"
        conf = ConferenceData(data.unit_id, title, str(Body.PARTY), data.opens_on, data.place)
        conference_id = conferences.create_conference(uow, actor, conf)
        stored = replace(
            data,
            title=title,
            term_label=data.term_label.strip(),
            rulebook_id=rulebook.rulebook_id,
            conference_id=conference_id,
            status=CongressStatus.PREPARING,
            parameters={
                **data.parameters,
                "official_members": official,
                "cell_committee": cell_committee,
            },
        )
        scope = uow.tree.ancestors(data.unit_id, data.opens_on)
        cid = uow.congresses.add(stored, scope)
        uow.audit.append(
            actor,
            "congress.create",
            "congress",
            str(cid),
            None,
            {
                "unit": int(data.unit_id),
                "term": stored.term_label,
                "kind": str(data.kind),
                "opens_on": data.opens_on.isoformat(),
                "closes_on": data.closes_on.isoformat(),
                "rulebook": rulebook.rulebook_id,
                "conference": int(conference_id),
            },
        )
        uow.commit()
    return cid


def set_convening_committee(
    uow: CongressUnitOfWork, actor: Actor, congress_id: CongressId, person_ids: Sequence[PersonId]
) -> None:
    """The convening committee (cấp ủy triệu tập), chosen by name. At a delegates' congress
    its members are convened as delegates (EL-20 subtracts those absent)."""
    with uow:
        data = load(uow, actor, congress_id, write=True)
        _require_status(data, CongressStatus.PREPARING)
        unknown = uow.conferences.persons_exist(list(person_ids))
        if unknown:
            raise ValidationError("person_not_found", person_ids=[int(p) for p in unknown])
        before = uow.congresses.convening_committee(congress_id)
        ids = list(dict.fromkeys(person_ids))
        uow.congresses.set_convening_committee(congress_id, ids)
        uow.audit.append(
            actor,
            "congress.convening_committee",
            "congress",
            str(congress_id),
            {"persons": [int(p) for p in before]},
            {"persons": [int(p) for p in ids]},
        )
        uow.commit()


def build_roll(uow: CongressUnitOfWork, actor: Actor, congress_id: CongressId) -> int:
    """Add to the roll, from the registry as of the opening date, every official and
    probationary member of the organization's subtree (members' and cell congress; official
    members are the base, EL-18, EL-19), or the convening committee's members (delegates'
    congress: they are convened besides the delegates entered, EL-20). People on the
    not-convened list are left out (EL-35). Returns how many were added."""
    with uow:
        data = load(uow, actor, congress_id, write=True)
        _require_status(data, CongressStatus.PREPARING)
        excluded = {n.person_id for n in uow.congresses.not_convened(congress_id)}
        entries = [e for e in _registry_roll(uow, data, congress_id) if e.person_id not in excluded]
        added = uow.congresses.add_to_roll(congress_id, entries)
        uow.audit.append(
            actor,
            "congress.roll_build",
            "congress",
            str(congress_id),
            None,
            None,
            {"added": added, "as_of": data.opens_on.isoformat()},
        )
        uow.commit()
    return added


def _registry_roll(
    uow: CongressUnitOfWork, data: CongressData, congress_id: CongressId
) -> list[RollEntryData]:
    if data.kind is CongressKind.DELEGATES:
        committee = uow.congresses.convening_committee(congress_id)
        facts = uow.roster.facts(data.unit_id, committee, data.opens_on)
        return [
            RollEntryData(f.person_id, f.full_name, RollRole.CONVENING_COMMITTEE, f.official)
            for f in facts
        ]
    members = uow.roster.members(data.unit_id, data.opens_on)
    return [RollEntryData(m.person_id, m.full_name, RollRole.MEMBER, m.official) for m in members]


def add_delegates(
    uow: CongressUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    person_ids: Sequence[PersonId],
    *,
    alternate: bool = False,
) -> int:
    """Enter official or alternate delegates (elected by the lower congresses) by name, at a
    delegates' congress (EL-36). Persons already on the roll are skipped."""
    with uow:
        data = load(uow, actor, congress_id, write=True)
        _require_status(data, CongressStatus.PREPARING)
        if data.kind is not CongressKind.DELEGATES:
            raise ValidationError("delegates_only_at_delegates_congress", citation=DELEGATES)
        unknown = uow.conferences.persons_exist(list(person_ids))
        if unknown:
            raise ValidationError("person_not_found", person_ids=[int(p) for p in unknown])
        excluded = {n.person_id for n in uow.congresses.not_convened(congress_id)}
        refused = [int(p) for p in person_ids if p in excluded]
        if refused:
            raise ValidationError("person_not_convened", citation=NOT_CONVENED, person_ids=refused)
        role = RollRole.ALTERNATE_DELEGATE if alternate else RollRole.OFFICIAL_DELEGATE
        status = DelegateStatus.ALTERNATE if alternate else DelegateStatus.OFFICIAL
        facts = uow.roster.facts(data.unit_id, list(dict.fromkeys(person_ids)), data.opens_on)
        entries = [RollEntryData(f.person_id, f.full_name, role, f.official, status) for f in facts]
        added = uow.congresses.add_to_roll(congress_id, entries)
        uow.audit.append(
            actor,
            "congress.delegates",
            "congress",
            str(congress_id),
            None,
            {"persons": [int(e.person_id) for e in entries], "role": str(role)},
            {"added": added},
        )
        uow.commit()
    return added


def propose_not_convened(
    uow: CongressUnitOfWork, actor: Actor, congress_id: CongressId
) -> list[NotConvenedData]:
    """The people the registry says should not be convened (EL-35), not yet listed: members
    and delegates suspended before the opening, and convening-committee members who retire or
    left the organization before the opening. Nothing is written."""
    with uow:
        data = load(uow, actor, congress_id)
        listed = {n.person_id for n in uow.congresses.not_convened(congress_id)}
        roll = [e.person_id for e in uow.congresses.roll(congress_id)]
        committee = set(uow.congresses.convening_committee(congress_id))
        people = list(dict.fromkeys([*roll, *committee]))
        facts = uow.roster.facts(data.unit_id, people, data.opens_on)
    found = [_proposal(f, f.person_id in committee, data.opens_on) for f in facts]
    return [p for p in found if p is not None and p.person_id not in listed]


def _proposal(f: PersonFacts, in_committee: bool, opens_on: dt.date) -> NotConvenedData | None:
    if f.suspended_on is not None and f.suspended_on < opens_on:
        return NotConvenedData(
            f.person_id, f.full_name, NotConvenedReason.SUSPENDED, f.suspended_on
        )
    if not in_committee:
        return None
    if f.retires_on is not None and f.retires_on < opens_on:
        reason = NotConvenedReason.RETIRED_BEFORE_OPENING
        return NotConvenedData(f.person_id, f.full_name, reason, f.retires_on)
    if f.left_on is not None and f.left_on < opens_on:
        reason = NotConvenedReason.TRANSFERRED_OUT
        return NotConvenedData(f.person_id, f.full_name, reason, f.left_on)
    return None


def mark_not_convened(
    uow: CongressUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    entries: Sequence[NotConvenedData],
) -> None:
    """List people as not convened (EL-35), each with the reason and the date of the fact; they
    leave the roll and never enter the convened totals. Only before the roll is fixed; the date
    of the fact may not be after the opening."""
    with uow:
        data = load(uow, actor, congress_id, write=True)
        _require_status(data, CongressStatus.PREPARING)
        unknown = uow.conferences.persons_exist([e.person_id for e in entries])
        if unknown:
            raise ValidationError("person_not_found", person_ids=[int(p) for p in unknown])
        late = [int(e.person_id) for e in entries if e.fact_date > data.opens_on]
        if late:
            raise ValidationError(
                "not_convened_after_opening", citation=NOT_CONVENED, field="fact_date",
                person_ids=late,
            )  # fmt: skip
        for e in entries:
            uow.congresses.add_not_convened(congress_id, e)
        uow.congresses.remove_from_roll(congress_id, [e.person_id for e in entries])
        uow.audit.append(
            actor,
            "congress.not_convened",
            "congress",
            str(congress_id),
            None,
            {
                "persons": [
                    {"person": int(e.person_id), "reason": str(e.reason), "date": str(e.fact_date)}
                    for e in entries
                ]
            },
        )
        uow.commit()


def unmark_not_convened(
    uow: CongressUnitOfWork, actor: Actor, congress_id: CongressId, person_id: PersonId
) -> None:
    """Take a person off the not-convened list before the roll is fixed (they are not put back
    on the roll by this: building the roll again adds them)."""
    with uow:
        load(uow, actor, congress_id, write=True)
        _require_status(_fresh(uow, congress_id), CongressStatus.PREPARING)
        if not uow.congresses.remove_not_convened(congress_id, person_id):
            raise NotFound("not_convened_not_found", person_id=person_id)
        uow.audit.append(
            actor,
            "congress.not_convened_removed",
            "congress",
            str(congress_id),
            {"person": int(person_id)},
            None,
        )
        uow.commit()


def _fresh(uow: CongressUnitOfWork, congress_id: CongressId) -> CongressData:
    data = uow.congresses.get(congress_id)
    if data is None:
        raise NotFound("congress_not_found", congress_id=congress_id)
    return data


def fix_roll(uow: CongressUnitOfWork, actor: Actor, congress_id: CongressId) -> int:
    """Fix the roll before the opening and convene it into the congress's conference (its
    invitations, check-in and attendance). After this only the credentials review changes a
    delegate's status (EL-05). Returns how many were convened."""
    with uow:
        data = load(uow, actor, congress_id, write=True)
        _require_status(data, CongressStatus.PREPARING)
        roll = uow.congresses.roll(congress_id)
        if not roll:
            raise ValidationError("roll_empty", citation=ROLL)
        if data.kind is CongressKind.DELEGATES and not any(e.role in OFFICIAL_ROLES for e in roll):
            raise ValidationError("roll_empty", citation=DELEGATES)
        assert data.conference_id is not None  # noqa: S101 - created with the congress
        convened = conferences.convene(uow, actor, data.conference_id, [e.person_id for e in roll])
        uow.congresses.set_status(congress_id, CongressStatus.ROLL_FIXED)
        uow.audit.append(
            actor,
            "congress.roll_fixed",
            "congress",
            str(congress_id),
            {"status": str(data.status)},
            {"status": str(CongressStatus.ROLL_FIXED)},
            {"roll": len(roll), "convened": convened},
        )
        uow.commit()
    return convened


def open_congress(uow: CongressUnitOfWork, actor: Actor, congress_id: CongressId) -> None:
    """Open the congress (khai mạc): only once its roll is fixed."""
    _move(uow, actor, congress_id, CongressStatus.ROLL_FIXED, CongressStatus.OPEN, "congress.open")


def close_congress(uow: CongressUnitOfWork, actor: Actor, congress_id: CongressId) -> None:
    """Close the congress (bế mạc)."""
    _move(uow, actor, congress_id, CongressStatus.OPEN, CongressStatus.CLOSED, "congress.close")


def _move(
    uow: CongressUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    source: CongressStatus,
    target: CongressStatus,
    action: str,
) -> None:
    with uow:
        data = load(uow, actor, congress_id, write=True)
        _require_status(data, source)
        uow.congresses.set_status(congress_id, target)
        uow.audit.append(
            actor,
            action,
            "congress",
            str(congress_id),
            {"status": str(source)},
            {"status": str(target)},
        )
        uow.commit()
