"""Ports of the registry: units, people and records (:mod:`canbo.services.registry.changes`,
:mod:`canbo.services.registry.records`) and the bulk import
(:mod:`canbo.services.registry.imports`).

The bulk port is separate from the unit of work: an import of a million rows cannot go through
per-object repositories, so the adapter writes whole chunks and answers lookups in batches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from canbo.core import importing as imp
from canbo.core.records import PartyEventData, RecordData, RelativeData, TermData
from canbo.core.registry import MembershipData, PersonData, UnitVersionData
from canbo.core.types import PersonId, UnitId, UnitKind
from canbo.services.ports import AuditLog, Transaction, TreeReader

Progress = Callable[[int], None]


class UnitRef(NamedTuple):
    """What an import needs to know of a stored unit: id, kind and life span."""

    unit_id: UnitId
    kind: UnitKind
    valid_from: dt.date
    valid_to: dt.date | None


@dataclass(frozen=True, slots=True)
class FileInfo:
    """The imported file as the audit log records it."""

    name: str
    sha256: str


@dataclass(frozen=True, slots=True)
class ImportResult:
    kind: str
    rows: int
    written: int
    sha256: str


class RowSource(Protocol):
    """A file being read: its header row, then ``(row_number, cells)`` pairs, streaming.

    Readers raise :class:`canbo.core.errors.ValidationError` made by
    :func:`canbo.core.importing.file_problem` when the file itself is broken.
    """

    def header(self) -> Sequence[imp.Cell]: ...

    def rows(self) -> Iterator[tuple[int, Sequence[imp.Cell]]]: ...


class BulkImportUnitOfWork(Transaction, Protocol):
    """Bulk reads and writes of the registry inside one transaction (adapter: registry.bulk).

    Used as a context manager; leaving it without :meth:`commit` rolls everything back.
    """

    @property
    def tree(self) -> TreeReader: ...

    @property
    def audit(self) -> AuditLog: ...

    def unit_refs(self, as_of: dt.date) -> dict[str, UnitRef]:
        """Every stored unit by code, with the kind of the version valid ``as_of`` (else the
        latest version)."""
        ...

    def existing_person_codes(self, codes: Sequence[str]) -> set[str]: ...

    def insert_people(self, rows: Sequence[imp.PersonRow], unit_ids: Sequence[UnitId]) -> None:
        """Insert people with their current cell membership from ``member_since``."""
        ...

    def insert_units(
        self, rows: Sequence[imp.UnitRow], parent_ids: Sequence[UnitId | None]
    ) -> list[UnitId]: ...


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

    def version_start(self, person_id: PersonId) -> dt.date | None:
        """The first day of the person's open identity version (None: no version stored)."""
        ...

    def add_version(self, person_id: PersonId, data: PersonData, valid_from: dt.date) -> None:
        """Close the open identity version the day before ``valid_from`` and open ``data``
        (a version opened on ``valid_from`` already is replaced: a same-day correction)."""
        ...

    def memberships(self, person_id: PersonId) -> list[MembershipData]: ...

    def add_membership(self, data: MembershipData) -> None: ...

    def end_membership(self, person_id: PersonId, last_day: dt.date, reason: str) -> None: ...

    def current_unit(self, person_id: PersonId, as_of: dt.date) -> UnitId | None: ...

    def unit_kind(self, unit_id: UnitId, as_of: dt.date) -> UnitKind | None: ...


class RecordRepository(Protocol):
    def add(self, person_id: PersonId, data: RecordData) -> int: ...

    def end_position(self, person_id: PersonId, record_id: int, last_day: dt.date) -> bool: ...

    def add_term(self, data: TermData) -> int: ...

    def add_event(self, person_id: PersonId, data: PartyEventData) -> int: ...

    def events(self, person_id: PersonId) -> list[PartyEventData]:
        """The person's membership events, oldest first."""
        ...

    def relatives(self, person_id: PersonId) -> list[RelativeData]: ...

    def end_relative(self, person_id: PersonId, record_id: int, ended_on: dt.date) -> bool:
        """Mark a declared relation ended (death, divorce); False if not the person's."""
        ...


class RegistryUnitOfWork(Transaction, Protocol):
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
