"""The shared kernel of the services' ports: who acts, the audit log, the transaction and the
tree reader. Each context has its own ``ports.py`` (registry, voting, classification); the
Django apps provide the adapters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Protocol, Self

from canbo.core.types import AccountId, Role, UnitId


@dataclass(frozen=True, slots=True)
class Grant:
    """A role over the subtree rooted at ``root`` (``None``: the whole tree)."""

    role: Role
    root: UnitId | None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: an account with its grants, or a system process (``account_id=None``)."""

    account_id: AccountId | None
    label: str
    grants: tuple[Grant, ...] = ()

    @property
    def is_system(self) -> bool:
        return self.account_id is None


SYSTEM = Actor(None, "system", (Grant(Role.ADMIN, None),))


class AuditLog(Protocol):
    def append(
        self,
        actor: Actor,
        action: str,
        object_type: str,
        object_id: str,
        before: Mapping[str, Any] | None,
        after: Mapping[str, Any] | None,
        details: Mapping[str, Any] | None = None,
    ) -> None: ...


class TreeReader(Protocol):
    def ancestors(self, unit_id: UnitId, as_of: dt.date) -> list[UnitId]:
        """The unit and its ancestors as of the date, nearest first (empty if not valid)."""
        ...

    def unit_exists(self, unit_id: UnitId) -> bool: ...

    def predecessors(self, unit_id: UnitId) -> set[UnitId]:
        """Every unit that went, whole or in part, into ``unit_id`` (transitively, OR-16)."""
        ...


class Transaction(Protocol):
    """A unit of work's transaction: ``with uow: ...; uow.commit()``. Leaving the block without
    ``commit`` rolls everything back (nothing half-done, principle 5); nested blocks join."""

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def commit(self) -> None: ...
