"""Tamper-evident audit chain (principle 4; QĐ 114-QĐ/TW: a record nobody can silently edit).

Each entry's hash is an HMAC-SHA256, under a key kept outside the database, of the entry's
canonical content together with the previous entry's hash. Altering, deleting, inserting or
reordering any entry breaks the chain at that point, and someone with write access to the
database alone cannot recompute a valid chain. A separate head record (last sequence and hash)
catches truncation of the newest entries.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    """Stable JSON: sorted keys, no spaces, dates as ISO strings, non-ASCII kept."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def digest(value: Mapping[str, Any] | None) -> str:
    """SHA-256 of an object's canonical JSON; the empty string stands for "no object"."""
    if value is None:
        return ""
    return hashlib.sha256(canonical_json(value).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """The content of one audit entry, as stored (times are UTC, microsecond precision)."""

    seq: int
    at: dt.datetime
    actor_id: int | None
    actor_label: str
    action: str
    object_type: str
    object_id: str
    before_digest: str
    after_digest: str
    details: str
    prev_hash: str
    entry_hash: str = ""

    def content(self) -> list[Any]:
        return [
            self.seq,
            self.at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
            self.actor_id,
            self.actor_label,
            self.action,
            self.object_type,
            self.object_id,
            self.before_digest,
            self.after_digest,
            self.details,
            self.prev_hash,
        ]


def entry_hash(key: bytes, record: AuditRecord) -> str:
    """HMAC-SHA256 of the record's canonical content (which includes ``prev_hash``)."""
    return hmac.new(key, canonical_json(record.content()).encode(), hashlib.sha256).hexdigest()


def seal(key: bytes, record: AuditRecord) -> AuditRecord:
    """Return the record with its ``entry_hash`` set."""
    return AuditRecord(**{**_fields(record), "entry_hash": entry_hash(key, record)})


def _fields(record: AuditRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in AuditRecord.__slots__}


@dataclass(frozen=True, slots=True)
class ChainProblem:
    """The first bad entry found by :func:`verify_chain`, with what is wrong with it."""

    seq: int
    problem: str

    def __str__(self) -> str:
        return f"entry {self.seq}: {self.problem}"


def verify_chain(
    key: bytes,
    records: Iterable[AuditRecord],
    *,
    head_seq: int | None = None,
    head_hash: str | None = None,
) -> ChainProblem | None:
    """Check the chain in stored order; answer the first bad entry, or None when intact.

    Detects: an altered entry (hash mismatch), a deleted or inserted entry (sequence gap or
    previous-hash mismatch), reordering (sequence not increasing by one), and truncation of
    the newest entries (head record disagrees with the last entry).
    """
    prev_hash = GENESIS
    expected_seq = 1
    last_seq = 0
    for record in records:
        if record.seq != expected_seq:
            return ChainProblem(record.seq, f"sequence {record.seq}, expected {expected_seq}")
        if record.prev_hash != prev_hash:
            return ChainProblem(record.seq, "previous-hash link broken")
        if not hmac.compare_digest(record.entry_hash, entry_hash(key, record)):
            return ChainProblem(record.seq, "content does not match its hash")
        prev_hash = record.entry_hash
        last_seq = record.seq
        expected_seq += 1
    if head_seq is not None and head_seq != last_seq:
        return ChainProblem(last_seq + 1, f"head says {head_seq} entries, chain has {last_seq}")
    if head_hash is not None and head_seq and head_hash != prev_hash:
        return ChainProblem(last_seq, "head hash does not match the last entry")
    return None
