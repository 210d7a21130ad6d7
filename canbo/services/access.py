"""Access control: roles scoped to a subtree of the organization tree.

A province's organization commission sees and changes only its subtree. Every protected read
goes through a loader that answers ``NotFound`` alike for missing and for forbidden objects, so
that an actor cannot learn that something exists outside their scope (zulip's access_* loaders).
"""

from __future__ import annotations

import datetime as dt

from canbo.core.errors import NotFound, PermissionDenied
from canbo.core.types import READ_ROLES, WRITE_ROLES, Role, UnitId

from .ports import Actor, TreeReader


def roots_for(actor: Actor, roles: frozenset[Role]) -> list[UnitId | None]:
    """The subtree roots over which the actor holds one of ``roles`` (None: whole tree)."""
    return [g.root for g in actor.grants if g.role in roles]


def can_reach(
    actor: Actor, unit_id: UnitId, tree: TreeReader, as_of: dt.date, roles: frozenset[Role]
) -> bool:
    """True when ``unit_id`` lies in a subtree the actor holds one of ``roles`` over.

    The tree is read as of ``as_of`` (OR-19); a unit that no longer exists is checked on its
    last day of existence by the caller passing that date.
    """
    roots = roots_for(actor, roles)
    if not roots:
        return False
    if None in roots:
        return tree.unit_exists(unit_id)
    chain = tree.ancestors(unit_id, as_of)
    return any(root in chain for root in roots)


def access_unit(
    actor: Actor, unit_id: UnitId, tree: TreeReader, as_of: dt.date, *, write: bool = False
) -> UnitId:
    """Load guard for a unit: NotFound when missing or outside every readable scope.

    When the actor can read but not write, a write answers PermissionDenied.
    """
    if not can_reach(actor, unit_id, tree, as_of, READ_ROLES):
        raise NotFound("unit_not_found", unit_id=unit_id)
    if write and not can_reach(actor, unit_id, tree, as_of, WRITE_ROLES):
        raise PermissionDenied("unit_write_denied", unit_id=unit_id)
    return unit_id


def require_admin(actor: Actor) -> None:
    """Reference data and accounts are changed by administrators of the whole tree only."""
    if not any(g.role == Role.ADMIN and g.root is None for g in actor.grants):
        raise PermissionDenied("admin_required")
