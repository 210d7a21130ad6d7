"""The elections of a congress: created in order, the number to elect and the list voted.

- Order (EL-26, EL-27, EL-37): :func:`canbo.core.elections.order.may_start` decides whether an
  election may be created given the elections the congress has finished; the standing
  committee, secretary, deputy secretaries and inspection commission are elected by the new
  committee at its first conference, the inspection chair by the commission.
- The number to elect is voted by show of hands and recorded for and against (EL-04); the
  committee sizes of Chỉ thị 45 are warnings (EL-38).
- The list is voted the same way once it passes the surplus cap (EL-09, EL-11), the age rules
  (EL-33) and the counting committee clash (EL-06); see :mod:`.candidates`.
- A supplementary election (bầu bổ sung) records its six steps in order (EL-27).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from canbo.core.elections.model import ElectionKind, ElectionStatus
from canbo.core.errors import Citation, Conflict, RuleViolation, ValidationError
from canbo.services.elections import rules
from canbo.services.elections.guard import require_congress, require_election, rulebook_of
from canbo.services.elections.ports import (
    SUPPLEMENTARY_STEPS,
    CongressId,
    ElectionData,
    ElectionId,
    ElectionsUnitOfWork,
)
from canbo.services.ports import Actor

FINISHED = frozenset({ElectionStatus.PROVISIONAL, ElectionStatus.APPROVED})
CLOSED = FINISHED | {ElectionStatus.CLOSED_UNFILLED}
SHOW_OF_HANDS = Citation("QĐ 190-QĐ/TW", rule_id="EL-04")
SUPPLEMENTARY = Citation("QĐ 190-QĐ/TW", rule_id="EL-27")


def _check_hands(prefix: str, agree: int, against: int, attending: int) -> None:
    """A show of hands (EL-04): figures that add up, adopted by more than half of those
    attending (EL-02)."""
    if min(agree, against, attending) < 0 or agree + against > attending or attending == 0:
        raise ValidationError("election_hands_inconsistent", field=f"{prefix}_for")
    if 2 * agree <= attending:
        raise RuleViolation(
            "election_hands_not_adopted",
            citation=SHOW_OF_HANDS,
            field=f"{prefix}_for",
            agree=agree,
            attending=attending,
        )


def create_election(
    uow: ElectionsUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    kind: ElectionKind,
    seats: int,
    *,
    seats_for: int,
    seats_against: int,
    attending: int,
    alternate_seats: int = 0,
    supplementary: bool = False,
) -> ElectionId:
    """Create one election of the congress with the number to elect as voted (EL-04).

    Refused when the order of elections does not allow it yet (EL-26, EL-27, EL-37), when the
    vote on the number was not adopted, or when the kind is elected twice (a supplementary
    election is the way to add members later).
    """
    with uow:
        info = require_congress(uow, actor, congress_id, write=True)
        if seats < 1 or alternate_seats < 0:
            raise ValidationError("election_seats_invalid", field="seats", seats=seats)
        if alternate_seats and kind != ElectionKind.DELEGATES:
            raise ValidationError("election_alternates_only_delegates", field="alternate_seats")
        _check_hands("seats", seats_for, seats_against, attending)
        existing = uow.elections.of_congress(congress_id)
        if not supplementary and any(e.kind == kind for e in existing):
            raise Conflict("election_kind_exists", kind=str(kind))
        rulebook = rulebook_of(info)
        done = frozenset(e.kind for e in existing if e.status in FINISHED)
        for decision in (
            rules.may_start(info, kind, existing, done, rulebook),
            rules.seats_decision(info, kind, seats, rulebook),
        ):
            if not decision.allowed:
                raise RuleViolation(
                    decision.code, citation=decision.citation, **_plain(decision.fields)
                )
        parent = _parent(existing, rules.pool_kind(info, kind, existing, rulebook))
        data = ElectionData(
            congress_id=congress_id,
            kind=kind,
            seats=seats,
            alternate_seats=alternate_seats,
            parent_id=parent,
            supplementary=supplementary,
            order=len(existing) + 1,
            seats_for=seats_for,
            seats_against=seats_against,
            seats_attending=attending,
        )
        election_id = uow.elections.add(data)
        uow.audit.append(
            actor,
            "election.create",
            "election",
            str(election_id),
            None,
            {"kind": str(kind), "seats": seats, "alternate_seats": alternate_seats},
            {"congress_id": congress_id, "seats_for": seats_for, "seats_against": seats_against},
        )
        uow.commit()
    return election_id


def _plain(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: (", ".join(map(str, v)) if isinstance(v, list) else v) for k, v in fields.items()}


def _parent(existing: Sequence[ElectionData], pool: ElectionKind | None) -> ElectionId | None:
    """The finished election of the body the candidates must come from (EL-26), if any."""
    for e in reversed(existing):
        if pool is not None and e.kind == pool and e.status in FINISHED:
            return e.election_id
    return None


def approve_list(
    uow: ElectionsUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    election_id: ElectionId,
    *,
    agree: int,
    against: int,
    attending: int,
) -> None:
    """The congress votes the election list by show of hands (EL-04).

    Every blocking check of the list runs first (surplus cap EL-09/EL-11, counting committee
    clash EL-06, blocking age rules EL-33); the first that fails refuses, citing its rule.
    """
    with uow:
        info, election = require_election(uow, actor, congress_id, election_id, write=True)
        if election.status != ElectionStatus.DRAFT:
            raise Conflict("election_list_not_draft", status=str(election.status))
        _check_hands("list", agree, against, attending)
        for problem in rules.list_problems(uow, info, election):
            raise problem
        updated = dataclasses.replace(
            election,
            status=ElectionStatus.LIST_APPROVED,
            list_for=agree,
            list_against=against,
            list_attending=attending,
        )
        uow.elections.update(updated)
        uow.audit.append(
            actor,
            "election.list_approved",
            "election",
            str(election_id),
            {"status": str(election.status)},
            {"status": str(updated.status), "list_for": agree, "list_against": against},
        )
        uow.commit()


def record_step(
    uow: ElectionsUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    election_id: ElectionId,
    step: str,
) -> None:
    """Record the next step of a supplementary election; the six steps go in order (EL-27)."""
    with uow:
        _, election = require_election(uow, actor, congress_id, election_id, write=True)
        if not election.supplementary:
            raise Conflict("election_not_supplementary")
        expected = SUPPLEMENTARY_STEPS[len(election.steps) : len(election.steps) + 1]
        if step not in SUPPLEMENTARY_STEPS:
            raise ValidationError("invalid_choice", field="step", value=step)
        if not expected or step != expected[0]:
            raise RuleViolation(
                "election_step_out_of_order",
                citation=SUPPLEMENTARY,
                step=step,
                expected=expected[0] if expected else "",
            )
        uow.elections.update(dataclasses.replace(election, steps=(*election.steps, step)))
        uow.audit.append(actor, "election.step", "election", str(election_id), None, {"step": step})
        uow.commit()
