"""Django adapter of the audit port: appends chained entries inside the caller's transaction,
keeps the authenticated head, verifies the chain and takes anchors.

The key comes from ``canbo.settings.keys.audit_key()`` (outside the database)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from django.db import connections, transaction

from canbo.core.audit_chain import (
    Anchor,
    AuditRecord,
    ChainHead,
    ChainProblem,
    advance_head,
    canonical_json,
    digest,
    genesis_head,
    is_head_authentic,
    seal,
    sign_anchor,
    verify_chain,
)
from canbo.services.ports import Actor
from canbo.settings.keys import audit_key

from .models import AuditEntry, AuditHead


class AuditChainTampered(RuntimeError):
    """The head is missing or not authentic: appending would extend (and reseal) a chain
    that someone has cut, so no write goes through until ``canbo audit verify`` is run."""


def ensure_genesis(using: str = "default") -> bool:
    """Create the authenticated genesis head if both audit tables are empty; True if made."""
    tables = connections[using].introspection.table_names()
    if AuditHead._meta.db_table not in tables or AuditEntry._meta.db_table not in tables:
        return False  # a partial migrate that has not reached the audit app yet
    with transaction.atomic(using=using):
        if AuditHead.objects.using(using).exists():
            return False
        if AuditEntry.objects.using(using).exists():
            return False
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        head = genesis_head(audit_key(), uuid.uuid4().hex, now)
        AuditHead.objects.using(using).create(pk=1, **_head_row(head))
        return True


def _head_row(head: ChainHead) -> dict[str, Any]:
    return {name: getattr(head, name) for name in ChainHead.__slots__}


def _to_head(row: AuditHead) -> ChainHead:
    created = row.created_at or dt.datetime.fromtimestamp(0, dt.UTC)
    return ChainHead(row.installation_id, created, row.last_seq, row.last_hash, row.mac)


def _locked_head() -> tuple[AuditHead, ChainHead]:
    row = AuditHead.objects.select_for_update().filter(pk=1).first()
    if row is None:
        raise AuditChainTampered("audit head missing: the audit tables were wiped")
    head = _to_head(row)
    if not is_head_authentic(audit_key(), head):
        raise AuditChainTampered("audit head not authentic: the chain was cut or resealed")
    return row, head


class DjangoAuditLog:
    """Appends under a row lock on the head, so concurrent writers serialize on PostgreSQL
    (SQLite serializes writers already)."""

    def append(
        self,
        actor: Actor,
        action: str,
        object_type: str,
        object_id: str,
        before: Mapping[str, Any] | None,
        after: Mapping[str, Any] | None,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        with transaction.atomic():
            row, head = _locked_head()
            record = seal(
                audit_key(),
                AuditRecord(
                    seq=head.last_seq + 1,
                    at=dt.datetime.now(dt.UTC).replace(microsecond=0),
                    actor_id=actor.account_id,
                    actor_label=actor.label[:150],
                    action=action,
                    object_type=object_type,
                    object_id=object_id,
                    before_digest=digest(before),
                    after_digest=digest(after),
                    details=canonical_json(details) if details else "",
                    prev_hash=head.last_hash,
                ),
            )
            AuditEntry.objects.create(**_row(record))
            moved = advance_head(audit_key(), head, record)
            row.last_seq, row.last_hash, row.mac = moved.last_seq, moved.last_hash, moved.mac
            row.save(update_fields=["last_seq", "last_hash", "mac"])


def _row(record: AuditRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in AuditRecord.__slots__}


def _records(batch: int = 5000) -> Iterator[AuditRecord]:
    # Stored order is by primary key (insertion); reordering shows up as a sequence break.
    fields = list(AuditRecord.__slots__)
    last_pk = 0
    while True:
        rows = list(
            AuditEntry.objects.filter(pk__gt=last_pk)
            .order_by("pk")
            .values_list("pk", *fields)[:batch]
        )
        if not rows:
            return
        for row in rows:
            last_pk = row[0]
            yield AuditRecord(**dict(zip(fields, row[1:], strict=True)))


def current_head() -> ChainHead | None:
    """The head as stored (authentic or not), or None when it is missing."""
    row = AuditHead.objects.filter(pk=1).first()
    return _to_head(row) if row is not None else None


def verify(anchors: Sequence[Anchor] = ()) -> ChainProblem | None:
    """Verify the whole chain, its head and the given anchors; the first problem, or None."""
    return verify_chain(audit_key(), _records(), current_head(), anchors)


def take_anchor(now: dt.datetime) -> Anchor:
    """A signed checkpoint of the current head; refused when the chain does not verify, so
    that a cut chain is never vouched for."""
    problem = verify()
    head = current_head()
    if problem is not None or head is None:
        raise AuditChainTampered(f"audit chain broken at {problem}")
    return sign_anchor(audit_key(), head, now)
