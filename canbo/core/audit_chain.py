"""Tamper-evident audit chain (principle 4; QĐ 114-QĐ/TW: a record nobody can silently edit).

Each entry's hash is an HMAC-SHA256, under a key kept outside the database, of the entry's
canonical content together with the previous entry's hash. Altering, deleting, inserting or
reordering any entry breaks the chain at that point, and someone with write access to the
database alone cannot recompute a valid chain.

The head (installation id, genesis time, newest sequence and hash) is authenticated with its
own MAC under the same key, so truncating the newest entries and copying the new last
``(seq, hash)`` into the head is caught, and so is wiping both tables (an installation always
has an authenticated head from its first migration on). What a MAC cannot stop is a replay of
an older authentic state (a backup, the SQLite WAL, dead PostgreSQL tuples): anchors do.
An :class:`Anchor` is a signed checkpoint kept outside the server (printed in the minutes,
sent up in a report); verifying against it detects truncation or wiping past it, alteration
of the anchored entry, a restarted chain, and a forged anchor.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64
HEAD_LABEL = "canbo-audit-head"
ANCHOR_LABEL = "canbo-audit-anchor"
ANCHOR_BEGIN = "-----BEGIN CANBO AUDIT ANCHOR-----"
ANCHOR_END = "-----END CANBO AUDIT ANCHOR-----"


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


def _utc_iso(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="seconds")


def _mac(key: bytes, content: list[Any]) -> str:
    return hmac.new(key, canonical_json(content).encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class ChainHead:
    """The head record: which installation, since when, the newest sequence and hash, and a
    MAC over all of them (``mac`` is empty until :func:`seal_head`)."""

    installation_id: str
    created_at: dt.datetime
    last_seq: int
    last_hash: str
    mac: str = ""

    def content(self) -> list[Any]:
        return [
            HEAD_LABEL,
            self.installation_id,
            _utc_iso(self.created_at),
            self.last_seq,
            self.last_hash,
        ]


def seal_head(key: bytes, head: ChainHead) -> ChainHead:
    """Return the head with its MAC set."""
    return ChainHead(
        head.installation_id,
        head.created_at,
        head.last_seq,
        head.last_hash,
        _mac(key, head.content()),
    )


def is_head_authentic(key: bytes, head: ChainHead) -> bool:
    """True when the head's MAC was made with ``key`` over exactly these values."""
    return bool(head.mac) and hmac.compare_digest(head.mac, _mac(key, head.content()))


def genesis_head(key: bytes, installation_id: str, created_at: dt.datetime) -> ChainHead:
    """The authenticated head of an installation that has not written any entry yet."""
    return seal_head(key, ChainHead(installation_id, created_at, 0, GENESIS))


def advance_head(key: bytes, head: ChainHead, record: AuditRecord) -> ChainHead:
    """The head after appending ``record`` (which must follow it), sealed again."""
    if record.seq != head.last_seq + 1 or record.prev_hash != head.last_hash:
        raise ValueError("the record does not follow the head")
    moved = ChainHead(head.installation_id, head.created_at, record.seq, record.entry_hash)
    return seal_head(key, moved)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A signed checkpoint of the chain, to keep outside the server: the chain of
    ``installation_id`` had reached entry ``seq`` with hash ``entry_hash`` at time ``at``."""

    installation_id: str
    seq: int
    entry_hash: str
    at: dt.datetime
    signature: str = ""

    def content(self) -> list[Any]:
        return [ANCHOR_LABEL, self.installation_id, self.seq, self.entry_hash, _utc_iso(self.at)]


def sign_anchor(key: bytes, head: ChainHead, at: dt.datetime) -> Anchor:
    """A checkpoint of ``head`` taken at ``at``, signed with an HMAC under the audit key."""
    anchor = Anchor(head.installation_id, head.last_seq, head.last_hash, at)
    return Anchor(
        anchor.installation_id, anchor.seq, anchor.entry_hash, at, _mac(key, anchor.content())
    )


def is_anchor_authentic(key: bytes, anchor: Anchor) -> bool:
    """True when the anchor's signature was made with ``key`` over exactly these values."""
    return bool(anchor.signature) and hmac.compare_digest(
        anchor.signature, _mac(key, anchor.content())
    )


def format_anchor(anchor: Anchor) -> str:
    """The anchor as a short text block that survives printing, e-mail and copy-paste."""
    return "\n".join(
        [
            ANCHOR_BEGIN,
            f"installation: {anchor.installation_id}",
            f"seq: {anchor.seq}",
            f"hash: {anchor.entry_hash}",
            f"time: {_utc_iso(anchor.at)}",
            f"signature: {anchor.signature}",
            ANCHOR_END,
        ]
    )


class AnchorFormatError(ValueError):
    """The text holds no anchor, or an anchor block is incomplete or malformed."""


def parse_anchors(text: str) -> list[Anchor]:
    """Every anchor block in ``text`` (text around the blocks is ignored, as are indents)."""
    anchors: list[Anchor] = []
    fields: dict[str, str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if line == ANCHOR_BEGIN:
            fields = {}
        elif line == ANCHOR_END and fields is not None:
            anchors.append(_anchor_from(fields))
            fields = None
        elif fields is not None and ":" in line:
            name, _, value = line.partition(":")
            fields[name.strip()] = value.strip()
    if fields is not None:
        raise AnchorFormatError("anchor block without its END line")
    if not anchors:
        raise AnchorFormatError("no anchor block found")
    return anchors


def _anchor_from(fields: Mapping[str, str]) -> Anchor:
    try:
        at = dt.datetime.fromisoformat(fields["time"])
        seq = int(fields["seq"])
        anchor = Anchor(fields["installation"], seq, fields["hash"], at, fields["signature"])
    except (KeyError, ValueError) as exc:
        raise AnchorFormatError(f"malformed anchor block: {exc}") from exc
    if at.tzinfo is None or seq < 0:
        raise AnchorFormatError("malformed anchor block: time without zone or negative seq")
    return anchor


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
    head: ChainHead | None,
    anchors: Sequence[Anchor] = (),
) -> ChainProblem | None:
    """Check the chain in stored order against its head and any anchors; answer the first
    problem, or None when intact.

    Detects: a forged or altered anchor, a missing head (both tables wiped), a head not sealed
    with the key (copied or resealed), an anchor of another installation (chain restarted),
    an altered entry (hash mismatch), a deleted or inserted entry (sequence gap or
    previous-hash mismatch), reordering (sequence not increasing by one), truncation of the
    newest entries (head disagrees with the last entry), truncation or rewriting past an
    anchor (the anchored entry is missing or has another hash).
    """
    problem = _check_head_and_anchors(key, head, anchors)
    if problem is not None or head is None:
        return problem
    anchored = {a.seq: a for a in anchors}
    prev_hash = GENESIS
    expected_seq = 1
    for record in records:
        problem = _check_record(key, record, expected_seq, prev_hash)
        if problem is None and record.seq in anchored:
            if not hmac.compare_digest(record.entry_hash, anchored[record.seq].entry_hash):
                problem = ChainProblem(record.seq, "differs from the anchored entry (rewritten)")
        if problem is not None:
            return problem
        prev_hash = record.entry_hash
        expected_seq += 1
    return _check_end(head, anchors, expected_seq - 1, prev_hash)


def _check_head_and_anchors(
    key: bytes, head: ChainHead | None, anchors: Sequence[Anchor]
) -> ChainProblem | None:
    for anchor in anchors:
        if not is_anchor_authentic(key, anchor):
            return ChainProblem(anchor.seq, "anchor signature invalid (forged or altered anchor)")
    if head is None:
        return ChainProblem(0, "no chain head: the audit tables were wiped or never initialized")
    if not is_head_authentic(key, head):
        return ChainProblem(head.last_seq, "head record is not authentic (copied or resealed)")
    for anchor in anchors:
        if anchor.installation_id != head.installation_id:
            return ChainProblem(
                anchor.seq,
                f"anchor of installation {anchor.installation_id}, chain of"
                f" {head.installation_id}: the chain was wiped and restarted or replaced",
            )
    return None


def _check_record(
    key: bytes, record: AuditRecord, expected_seq: int, prev_hash: str
) -> ChainProblem | None:
    if record.seq != expected_seq:
        return ChainProblem(record.seq, f"sequence {record.seq}, expected {expected_seq}")
    if record.prev_hash != prev_hash:
        return ChainProblem(record.seq, "previous-hash link broken")
    if not hmac.compare_digest(record.entry_hash, entry_hash(key, record)):
        return ChainProblem(record.seq, "content does not match its hash")
    return None


def _check_end(
    head: ChainHead, anchors: Sequence[Anchor], last_seq: int, last_hash: str
) -> ChainProblem | None:
    if head.last_seq != last_seq:
        return ChainProblem(
            last_seq + 1, f"head says {head.last_seq} entries, chain has {last_seq}"
        )
    if not hmac.compare_digest(head.last_hash, last_hash):
        return ChainProblem(last_seq, "head hash does not match the last entry")
    for anchor in sorted(anchors, key=lambda a: a.seq, reverse=True):
        if anchor.seq > last_seq:
            return ChainProblem(
                anchor.seq,
                f"missing: the anchor of {_utc_iso(anchor.at)} saw entry {anchor.seq},"
                f" the chain ends at {last_seq} (truncated or wiped past the anchor)",
            )
    return None
