"""Ports the services depend on; the Django apps provide the adapters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Protocol, Self

from canbo.core.records import RecordData, TermData
from canbo.core.registry import MembershipData, PersonData, UnitVersionData
from canbo.core.types import AccountId, PersonId, Role, UnitId, UnitKind


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


class UnitRepository(Protocol):
    def get_version(self, unit_id: UnitId, as_of: dt.date) -> UnitVersionData | None: ...

    def id_for_code(self, code: str) -> UnitId | None: ...

    def add(self, data: UnitVersionData) -> UnitId: ...

    def close_version(self, unit_id: UnitId, last_day: dt.date) -> None:
        """End the version valid on ``last_day`` at that day (and the unit if ``dissolve``)."""
        ...

    def add_version(self, unit_id: UnitId, data: UnitVersionData) -> None: ...

    def end_unit(self, unit_id: UnitId, last_day: dt.date) -> None: ...

    def children(self, unit_id: UnitId, as_of: dt.date) -> list[UnitVersionData]:
        """Versions of the units whose parent is ``unit_id`` on ``as_of``."""
        ...

    def add_lineage(
        self,
        kind: str,
        date: dt.date,
        legal_basis: str,
        links: Sequence[tuple[UnitId, UnitId, str]],
    ) -> int: ...


class PersonRepository(Protocol):
    def get(self, person_id: PersonId) -> PersonData | None: ...

    def id_for_code(self, code: str) -> PersonId | None: ...

    def add(self, data: PersonData) -> PersonId: ...

    def update(self, person_id: PersonId, data: PersonData) -> None: ...

    def memberships(self, person_id: PersonId) -> list[MembershipData]: ...

    def add_membership(self, data: MembershipData) -> None: ...

    def end_membership(self, person_id: PersonId, last_day: dt.date, reason: str) -> None: ...

    def current_unit(self, person_id: PersonId, as_of: dt.date) -> UnitId | None: ...

    def unit_kind(self, unit_id: UnitId, as_of: dt.date) -> UnitKind | None: ...


class RecordRepository(Protocol):
    def add(self, person_id: PersonId, data: RecordData) -> int: ...

    def end_position(self, person_id: PersonId, record_id: int, last_day: dt.date) -> bool: ...

    def add_term(self, data: TermData) -> int: ...


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


class UnitOfWork(Transaction, Protocol):
    # Read-only members, so adapters may expose their concrete repository types.
    @property
    def units(self) -> UnitRepository: ...

    @property
    def people(self) -> PersonRepository: ...

    @property
    def records(self) -> RecordRepository: ...

    @property
    def tree(self) -> TreeReader: ...

    @property
    def audit(self) -> AuditLog: ...
