"""Ports and values of the import use cases (:mod:`canbo.services.imports`).

The bulk port is separate from the unit of work: an import of a million rows cannot go through
per-object repositories, so the adapter writes whole chunks and answers lookups in batches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from canbo.core import importing as imp
from canbo.core.types import UnitId, UnitKind

from .ports import AuditLog, Transaction, TreeReader

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


class BulkRegistry(Transaction, Protocol):
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
