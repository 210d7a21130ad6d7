"""Ports of the bundle exchange between installations.

A *kind* is one sort of data a bundle carries (congress results, the unit tree, ...).
Each kind has one codec: it reads what to send (``export``) and, for downward kinds,
writes what was received (``apply``). Upward kinds are stored as received records by
the bundle framework itself; their ``apply`` is never called.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable

from canbo.services.ports import AuditLog, Transaction, TreeReader


class Direction(StrEnum):
    """Which way a kind travels: up to the higher installation, or down to the lower ones."""

    UP = "up"
    DOWN = "down"


@runtime_checkable
class KindCodec(Protocol):
    """One kind of data a bundle carries.

    ``export`` yields JSON-safe records, each at least ``{"unit": <unit code>, "key": <stable
    key within the kind>, ...payload}``; the unit must lie inside the scope unit's subtree on
    ``period_end``. ``apply`` writes received records of a downward kind and returns the
    number of rows it changed (0 when they were already there).
    """

    kind: str
    direction: Direction
    schema_version: int

    def export(
        self, scope_unit_id: int, period_start: dt.date, period_end: dt.date
    ) -> Iterable[dict[str, Any]]: ...

    def apply(self, records: Sequence[dict[str, Any]], receipt_id: int) -> int: ...


# --- What the bundle use cases read and write (the Django adapter is canbo.bundles.uow) ---


class Relation(StrEnum):
    """How a registered installation stands to this one."""

    SELF = "self"
    UPPER = "upper"  # sends downward bundles to us, receives our upward ones
    LOWER = "lower"  # sends upward bundles to us


@dataclass(frozen=True, slots=True)
class InstallationView:
    id: int
    name: str
    relation: Relation
    root_unit_id: int
    root_code: str


@dataclass(frozen=True, slots=True)
class KeyView:
    key_id: str
    public_key: bytes
    installation: InstallationView
    valid_from: dt.datetime
    revoked_at: dt.datetime | None = None
    revoked_reason: str = ""


class ReceiptStatus(StrEnum):
    CURRENT = "current"
    SUPERSEDED = "superseded"


@dataclass(frozen=True, slots=True)
class ReceiptView:
    id: int
    sha256: str
    sender: str
    scope: str
    period_start: dt.date
    period_end: dt.date
    kinds: tuple[str, ...]
    created: dt.datetime
    status: ReceiptStatus


@dataclass(frozen=True, slots=True)
class NewReceipt:
    sha256: str
    manifest: dict[str, Any]
    sender_id: int
    key_id: str
    direction: Direction
    scope_unit_id: int | None
    scope: str
    period_start: dt.date
    period_end: dt.date
    kinds: tuple[str, ...]
    counts: dict[str, int]
    created: dt.datetime
    received_at: dt.datetime
    status: ReceiptStatus
    superseded_by: int | None
    received_by: str


class BundleRepository(Protocol):
    def own_installation(self) -> InstallationView | None: ...

    def installation(self, name: str) -> InstallationView | None: ...

    def add_installation(self, name: str, relation: Relation, root_unit_id: int) -> int: ...

    def key(self, key_id: str) -> KeyView | None: ...

    def add_key(
        self, installation_id: int, key_id: str, public: bytes, valid_from: dt.datetime
    ) -> None: ...

    def revoke_key(self, key_id: str, at: dt.datetime, reason: str) -> None: ...

    def unit_id(self, code: str) -> int | None:
        """The unit with this code (any date), or None."""
        ...

    def units_in_subtree(self, root_unit_id: int, as_of: dt.date) -> dict[str, int]:
        """Code → id of every unit in the subtree of ``root_unit_id`` valid on ``as_of``."""
        ...

    def receipt_by_hash(self, sha256: str) -> ReceiptView | None: ...

    def current_receipt(
        self, sender: str, scope: str, start: dt.date, end: dt.date, kinds: tuple[str, ...]
    ) -> ReceiptView | None:
        """The current receipt of the same sender, scope, period and kinds, if any."""
        ...

    def add_receipt(self, receipt: NewReceipt) -> int: ...

    def mark_superseded(self, receipt_id: int, by_id: int) -> None: ...

    def add_records(
        self, receipt_id: int, kind: str, rows: Iterable[tuple[int, str, dict[str, Any]]]
    ) -> int:
        """Store received records (unit id, key, payload) of an upward kind; returns how many."""
        ...


class BundleUnitOfWork(Transaction, Protocol):
    """One transaction over the adapters (members are read-only so adapters may narrow them)."""

    @property
    def bundles(self) -> BundleRepository: ...

    @property
    def audit(self) -> AuditLog: ...

    @property
    def tree(self) -> TreeReader: ...


class KeyStore(Protocol):
    """This installation's private keys, kept in the data folder (never in the database)."""

    def current(self) -> bytes | None:
        """The raw private key bundles are signed with now, or None before ``keys init``."""
        ...

    def save(self, private: bytes) -> None:
        """Keep a new private key and make it the current one."""
        ...
