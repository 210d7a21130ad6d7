"""Who may see and run the elections of a congress, and the loaders every use case starts with.

The congress's unit names the scope: those who run its conference (``RUN_CONFERENCE``) run its
elections; those who see its conference see them. The approval (chuẩn y, EL-29) is the higher
committee's: an actor who may write records over the congress unit's parent.
"""

from __future__ import annotations

from canbo.core.ballots.catalog import default_registry
from canbo.core.ballots.rulebooks import Rulebook
from canbo.core.errors import NotFound, PermissionDenied
from canbo.core.permissions import Action, roles_for
from canbo.services.access import can_reach
from canbo.services.elections.ports import (
    CongressId,
    CongressInfo,
    ElectionData,
    ElectionId,
    ElectionsUnitOfWork,
)
from canbo.services.ports import Actor

RUN_ROLES = roles_for(Action.RUN_CONFERENCE)
SEE_ROLES = roles_for(Action.SEE_CONFERENCE)
APPROVE_ROLES = roles_for(Action.WRITE_RECORDS)


def require_congress(
    uow: ElectionsUnitOfWork, actor: Actor, congress_id: CongressId, *, write: bool = False
) -> CongressInfo:
    """The congress, if the actor may see it (``NotFound`` alike for missing and hidden) and,
    with ``write``, run it (``PermissionDenied``)."""
    info = uow.congresses.get(congress_id)
    if info is None or not can_reach(actor, info.unit_id, uow.tree, info.opens_on, SEE_ROLES):
        raise NotFound("congress_not_found", congress_id=congress_id)
    if write and not can_reach(actor, info.unit_id, uow.tree, info.opens_on, RUN_ROLES):
        raise PermissionDenied("action_denied", congress_id=congress_id)
    return info


def require_election(
    uow: ElectionsUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    election_id: ElectionId,
    *,
    write: bool = False,
) -> tuple[CongressInfo, ElectionData]:
    """The congress and one of its elections (an election of another congress is not found)."""
    info = require_congress(uow, actor, congress_id, write=write)
    election = uow.elections.get(election_id)
    if election is None or election.congress_id != congress_id:
        raise NotFound("election_not_found", election_id=election_id)
    return info, election


def require_approver(uow: ElectionsUnitOfWork, actor: Actor, info: CongressInfo) -> None:
    """The higher committee: write access over the unit above the congress's unit (EL-02)."""
    above = info.parent_unit_id
    if above is None or not can_reach(actor, above, uow.tree, info.opens_on, APPROVE_ROLES):
        raise PermissionDenied("election_approval_denied", congress_id=info.congress_id)


def rulebook_of(info: CongressInfo) -> Rulebook:
    """The congress's PARTY_ELECTION rulebook (GEN-01: chosen by D from the opening date)."""
    return default_registry().get(info.rulebook_id)
