"""Django adapter of the audit port: appends chained entries inside the caller's transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Iterator, Mapping
from typing import Any

from django.conf import settings
from django.db import transaction

from canbo.core.audit_chain import (
    GENESIS,
    AuditRecord,
    ChainProblem,
    canonical_json,
    digest,
    seal,
    verify_chain,
)
from canbo.services.ports import Actor

from .models import AuditEntry, AuditHead


def audit_key() -> bytes:
    """The chain key: ``CANBO_AUDIT_KEY`` if set, else derived from the secret key.

    It lives outside the database, so write access to the database alone cannot re-forge
    the chain after altering an entry.
    """
    explicit = getattr(settings, "CANBO_AUDIT_KEY", "")
    if explicit:
        return str(explicit).encode()
    return hmac.new(settings.SECRET_KEY.encode(), b"canbo-audit-chain", hashlib.sha256).digest()


def _head() -> AuditHead:
    head = AuditHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        AuditHead.objects.get_or_create(pk=1, defaults={"last_seq": 0, "last_hash": GENESIS})
        head = AuditHead.objects.select_for_update().get(pk=1)
    return head


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
            head = _head()
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
            head.last_seq = record.seq
            head.last_hash = record.entry_hash
            head.save(update_fields=["last_seq", "last_hash"])


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


def verify() -> ChainProblem | None:
    """Verify the whole chain and the head record; the first bad entry, or None."""
    head = AuditHead.objects.filter(pk=1).first()
    return verify_chain(
        audit_key(),
        _records(),
        head_seq=head.last_seq if head else 0,
        head_hash=head.last_hash if head else None,
    )
