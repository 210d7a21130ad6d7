"""Access control: roles scoped to a subtree of the organization tree.

The one place that decides "may this actor read it" and "may this actor do it". A province's
organization commission sees and changes only its subtree. Every protected read goes through a
loader that answers ``NotFound`` alike for missing and for forbidden objects, so that an actor
cannot learn that something exists outside their scope (zulip's access_* loaders); an action
on an object the actor may read but not act on answers ``PermissionDenied``. The roles of each
action are the table in :mod:`canbo.core.permissions`; the Django scope queries (subtrees as
recursive SQL) are :mod:`canbo.accounts.scope`, used by the pages, the API and the CLI.
"""

from __future__ import annotations

import datetime as dt

from canbo.core.errors import Citation, NotFound, PermissionDenied
from canbo.core.permissions import Action, roles_for
from canbo.core.types import READ_ROLES, WRITE_ROLES, Role, UnitId
from canbo.services.ports import Actor, TreeReader


def roots_for(actor: Actor, roles: frozenset[Role]) -> list[UnitId | None]:
    """The subtree roots over which the actor holds one of ``roles`` (None: whole tree)."""
    return [g.root for g in actor.grants if g.role in roles]


def can_reach(
    actor: Actor,
    unit_id: UnitId,
    tree: TreeReader,
    as_of: dt.date,
    roles: frozenset[Role],
    *,
    with_history: bool = False,
) -> bool:
    """True when ``unit_id`` lies in a subtree the actor holds one of ``roles`` over.

    The tree is read as of ``as_of`` (OR-19); a unit that no longer exists is checked on its
    last day of existence by the caller passing that date. With ``with_history`` the subtrees
    of the roots' predecessors count too (OR-16, OR-21): the commission of a merged province
    reads the records its predecessors left, but changes only its own subtree.
    """
    roots = roots_for(actor, roles)
    if not roots:
        return False
    if None in roots:
        return tree.unit_exists(unit_id)
    chain = tree.ancestors(unit_id, as_of)
    if any(root in chain for root in roots):
        return True
    if not with_history:
        return False
    history = history_roots(actor, tree, roles)
    return any(unit in history for unit in chain)


def history_roots(actor: Actor, tree: TreeReader, roles: frozenset[Role]) -> set[UnitId]:
    """The predecessors (transitively) of the actor's roots for ``roles``."""
    found: set[UnitId] = set()
    for root in roots_for(actor, roles):
        if root is not None:
            found |= tree.predecessors(root)
    return found


def access_unit(
    actor: Actor, unit_id: UnitId, tree: TreeReader, as_of: dt.date, *, write: bool = False
) -> UnitId:
    """Load guard for a unit: NotFound when missing or outside every readable scope.

    Reading reaches the history of the roots' predecessors; writing does not. When the actor
    can read but not write, a write answers PermissionDenied.
    """
    if not can_reach(actor, unit_id, tree, as_of, READ_ROLES, with_history=True):
        raise NotFound("unit_not_found", unit_id=unit_id)
    if write and not can_reach(actor, unit_id, tree, as_of, WRITE_ROLES):
        raise PermissionDenied("unit_write_denied", unit_id=unit_id)
    return unit_id


def require_admin(actor: Actor) -> None:
    """Reference data and accounts are changed by administrators of the whole tree only."""
    if not any(g.role == Role.ADMIN and g.root is None for g in actor.grants):
        raise PermissionDenied("admin_required")


def can(actor: Actor, action: Action, unit_id: UnitId, tree: TreeReader, as_of: dt.date) -> bool:
    """True when the actor holds a role of ``action`` over a subtree containing ``unit_id``."""
    return can_reach(actor, unit_id, tree, as_of, roles_for(action))


def require(
    actor: Actor,
    action: Action,
    unit_id: UnitId,
    tree: TreeReader,
    as_of: dt.date,
    *,
    citation: Citation | None = None,
) -> None:
    """Refuse with ``PermissionDenied`` (``action_denied``) unless :func:`can` allows it.

    Call it after the object's loader, so that an actor who may not even read the object
    has already been answered ``NotFound``.
    """
    if can(actor, action, unit_id, tree, as_of):
        return
    roles = sorted(str(r) for r in roles_for(action))
    raise PermissionDenied(
        "action_denied",
        f"Thao tác '{action}' cần vai trò {', '.join(roles)} trên đơn vị này. / Action "
        f"'{action}' needs the role {', '.join(roles)} over this unit.",
        citation=citation,
        action=str(action),
        roles=roles,
        unit_id=unit_id,
    )


def meets_scope(
    actor: Actor, root_id: UnitId, tree: TreeReader, as_of: dt.date, roles: frozenset[Role]
) -> bool:
    """True when one of the actor's subtrees for ``roles`` meets the subtree of ``root_id``:
    the root lies in a grant's subtree, or a grant's root lies under ``root_id`` (a cell
    secretary takes part in the province's classification cycle)."""
    grants = [g for g in actor.grants if g.role in roles]
    if any(g.root is None or g.root == root_id for g in grants):
        return True
    # The grant's own chain first: a page checks that unit next and reads it once.
    if any(g.root is not None and root_id in tree.ancestors(g.root, as_of) for g in grants):
        return True
    return can_reach(actor, root_id, tree, as_of, roles)


def access_scope(
    actor: Actor,
    root_id: UnitId,
    tree: TreeReader,
    as_of: dt.date,
    missing: NotFound,
    roles: frozenset[Role] = READ_ROLES,
) -> None:
    """Load guard of an object that covers a subtree (a classification cycle): ``missing``
    (a NotFound naming the object) unless the actor's scope meets it."""
    if not meets_scope(actor, root_id, tree, as_of, roles):
        raise missing
