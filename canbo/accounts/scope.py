"""The Django side of access control: the actor's part of the tree as queries, and the loaders.

:mod:`canbo.services.access` decides (roles per action from :mod:`canbo.core.permissions`,
subtrees through the ``TreeReader`` port); this module is the one adapter that turns those
decisions into database reads for the pages, the API, the command line (``--as``), the
conference and vote staff pages and the classification cycle. No other module computes an
actor's scope: a list is cut with :func:`readable_scope` or :func:`readable_roots`, one
object is loaded with :func:`load_unit`, :func:`access_unit_on` or :func:`load_person`, and
an action is checked with :func:`can_do`. Each loader answers ``NotFound`` alike for a missing
object and for one the actor may not read.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from canbo.core.errors import NotFound
from canbo.core.permissions import Action, cycle_participants
from canbo.core.types import READ_ROLES, PersonId, Role, UnitId
from canbo.db import unit_tree
from canbo.db.unit_tree import DjangoTreeReader
from canbo.registry import models as m
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services import access
from canbo.services.ports import Actor, TreeReader
from canbo.services.registry.changes import access_person
from canbo.services.registry.ports import RegistryUnitOfWork


def tree() -> DjangoTreeReader:
    """The tree as the services' ``TreeReader`` port reads it."""
    return DjangoTreeReader()


def can_do(actor: Actor, action: Action, unit_id: int, as_of: dt.date) -> bool:
    """May the actor take ``action`` over ``unit_id`` on ``as_of`` (role and subtree)."""
    return access.can(actor, action, UnitId(unit_id), tree(), as_of)


def reaches(actor: Actor, unit_id: int, as_of: dt.date, roles: frozenset[Role]) -> bool:
    """The low-level test behind :func:`can_do`, for the few callers holding a role set."""
    return access.can_reach(actor, UnitId(unit_id), tree(), as_of, roles)


def readable_roots(actor: Actor, roles: frozenset[Role] = READ_ROLES) -> set[UnitId] | None:
    """Roots of the actor's readable subtrees with their predecessors (history of merged
    units, OR-16); ``None`` when the whole tree is readable."""
    roots = access.roots_for(actor, roles)
    if None in roots:
        return None
    found = {r for r in roots if r is not None}
    return found | access.history_roots(actor, tree(), roles)


def readable_scope(actor: Actor, as_of: dt.date) -> list[UnitId] | None:
    """Units the actor may read as of the date; ``None`` when the whole tree is readable."""
    starts = readable_roots(actor)
    if starts is None:
        return None
    ids: set[UnitId] = set()
    for root in starts:
        ids.update(unit_tree.subtree_ids(root, as_of))
    return sorted(ids)


def access_day(unit: m.OrgUnit, as_of: dt.date) -> dt.date:
    """The day access is checked on: ``as_of`` held within the unit's life, so that an ended
    unit is judged on its last day and a future one on its first."""
    return min(max(as_of, unit.valid_from), unit.valid_to)


def load_unit(actor: Actor, unit_id: int, as_of: dt.date, *, write: bool = False) -> m.OrgUnit:
    """The unit if the actor may read it (write it, with ``write``); ``NotFound`` alike when
    missing or out of scope, ``PermissionDenied`` when readable but not writable."""
    unit = m.OrgUnit.objects.filter(pk=unit_id).first()
    if unit is None:
        raise NotFound("unit_not_found", unit_id=unit_id)
    access.access_unit(actor, UnitId(unit.pk), tree(), access_day(unit, as_of), write=write)
    return unit


def access_unit_on(actor: Actor, unit_id: int, as_of: dt.date) -> UnitId:
    """The unit id if the actor may read the unit as it stood on ``as_of``; else NotFound."""
    return access.access_unit(actor, UnitId(unit_id), tree(), as_of)


def load_person(actor: Actor, person_id: int, as_of: dt.date, *, write: bool = False) -> PersonId:
    """The person if reachable through their cell on ``as_of`` (else their last cell);
    ``NotFound`` alike when missing or out of scope."""
    uow = cast(RegistryUnitOfWork, DjangoRegistryUnitOfWork())
    return access_person(uow, actor, PersonId(person_id), as_of, write=write)


def person_name(actor: Actor, person_id: int, as_of: dt.date) -> str:
    """The full name of a person the actor may read (NotFound alike otherwise)."""
    pid = load_person(actor, person_id, as_of)
    return str(m.Person.objects.filter(pk=pid).values_list("full_name", flat=True).get())


def sees_conference(actor: Actor, unit_id: int, held_on: dt.date) -> bool:
    """May the actor see a conference of ``unit_id`` held on ``held_on`` and its votes."""
    return can_do(actor, Action.SEE_CONFERENCE, unit_id, held_on)


def sees_cycle(
    actor: Actor, root_id: int, as_of: dt.date, reader: TreeReader | None = None
) -> bool:
    """May the actor see a classification cycle over ``root_id``: one of their subtrees
    meets the cycle's (a cell secretary takes part in the province's cycle). ``reader``
    lets a page share one cached tree among its checks."""
    found = access.meets_scope(
        actor, UnitId(root_id), reader or tree(), as_of, cycle_participants()
    )
    return found
