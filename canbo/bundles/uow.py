"""The Django side of the bundle use cases: ``DjangoBundleUnitOfWork`` and its repository."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterable
from typing import Any

from django.db import connection

from canbo.audit.log import DjangoAuditLog
from canbo.core.bundles import signing
from canbo.db.transactions import AtomicWork
from canbo.db.unit_tree import SUBTREE, DjangoTreeReader
from canbo.registry.models import OrgUnit
from canbo.services.bundles import ports as p

from .models import BundleReceipt, Installation, InstallationKey, ReceivedRecord

BATCH = 5000


def installation_view(row: Installation) -> p.InstallationView:
    return p.InstallationView(
        row.id, row.name, p.Relation(row.relation), row.root_unit_id, row.root_unit.code
    )


def receipt_view(row: BundleReceipt) -> p.ReceiptView:
    return p.ReceiptView(
        row.id, row.sha256, row.sender.name, row.scope_code, row.period_start, row.period_end,
        tuple(row.kinds.split(",")), row.created, p.ReceiptStatus(row.status),
    )  # fmt: skip


class DjangoBundleRepository:
    def own_installation(self) -> p.InstallationView | None:
        row = Installation.objects.select_related("root_unit").filter(relation="self").first()
        return installation_view(row) if row else None

    def installation(self, name: str) -> p.InstallationView | None:
        row = Installation.objects.select_related("root_unit").filter(name=name).first()
        return installation_view(row) if row else None

    def add_installation(self, name: str, relation: p.Relation, root_unit_id: int) -> int:
        row = Installation.objects.create(
            name=name, relation=str(relation), root_unit_id=root_unit_id
        )
        return row.id

    def key(self, key_id: str) -> p.KeyView | None:
        row = (
            InstallationKey.objects.select_related("installation__root_unit")
            .filter(key_id=key_id)
            .first()
        )
        if row is None:
            return None
        return p.KeyView(
            row.key_id, signing.decode_key(row.public_key), installation_view(row.installation),
            row.valid_from, row.revoked_at, row.revoked_reason,
        )  # fmt: skip

    def add_key(
        self, installation_id: int, key_id: str, public: bytes, valid_from: dt.datetime
    ) -> None:
        InstallationKey.objects.create(
            installation_id=installation_id, key_id=key_id,
            public_key=signing.encode_key(public), valid_from=valid_from,
        )  # fmt: skip

    def revoke_key(self, key_id: str, at: dt.datetime, reason: str) -> None:
        InstallationKey.objects.filter(key_id=key_id).update(revoked_at=at, revoked_reason=reason)

    def unit_id(self, code: str) -> int | None:
        return OrgUnit.objects.filter(code=code).values_list("id", flat=True).first()

    def units_in_subtree(self, root_unit_id: int, as_of: dt.date) -> dict[str, int]:
        sql = SUBTREE + (  # noqa: S608 - constant fragments, values are bound
            "SELECT u.code, u.id FROM registry_orgunit u WHERE u.id IN (SELECT unit_id FROM down)"
        )
        with connection.cursor() as cur:
            cur.execute(sql, [root_unit_id, as_of, as_of])  # constant SQL, bound values
            return {code: uid for code, uid in cur.fetchall()}

    def receipt_by_hash(self, sha256: str) -> p.ReceiptView | None:
        row = BundleReceipt.objects.select_related("sender").filter(sha256=sha256).first()
        return receipt_view(row) if row else None

    def current_receipt(
        self, sender: str, scope: str, start: dt.date, end: dt.date, kinds: tuple[str, ...]
    ) -> p.ReceiptView | None:
        row = (
            BundleReceipt.objects.select_related("sender")
            .filter(
                sender__name=sender,
                scope_code=scope,
                period_start=start,
                period_end=end,
                kinds=",".join(sorted(kinds)),
                status=p.ReceiptStatus.CURRENT,
            )
            .select_for_update()
            .first()
        )
        return receipt_view(row) if row else None

    def add_receipt(self, receipt: p.NewReceipt) -> int:
        row = BundleReceipt.objects.create(
            sha256=receipt.sha256, manifest=receipt.manifest, sender_id=receipt.sender_id,
            key_id=receipt.key_id, direction=str(receipt.direction),
            scope_unit_id=receipt.scope_unit_id, scope_code=receipt.scope,
            period_start=receipt.period_start, period_end=receipt.period_end,
            kinds=",".join(sorted(receipt.kinds)), counts=receipt.counts,
            created=receipt.created, received_at=receipt.received_at,
            received_by=receipt.received_by, status=str(receipt.status),
            superseded_by_id=receipt.superseded_by,
        )  # fmt: skip
        return row.id

    def mark_superseded(self, receipt_id: int, by_id: int) -> None:
        BundleReceipt.objects.filter(id=receipt_id).update(
            status=p.ReceiptStatus.SUPERSEDED, superseded_by_id=by_id
        )

    def add_records(
        self, receipt_id: int, kind: str, rows: Iterable[tuple[int, str, dict[str, Any]]]
    ) -> int:
        """Straight into the table, in chunks: ``COPY`` on PostgreSQL, ``executemany`` on
        SQLite (a province's 300,000 records cannot go through the ORM one by one)."""
        total = 0
        iterator = iter(rows)
        while batch := list(itertools.islice(iterator, BATCH)):
            values = [(receipt_id, kind, unit, key, _json(payload)) for unit, key, payload in batch]
            _write(values)
            total += len(values)
        return total


RECORD_COLUMNS = ("receipt_id", "kind", "unit_id", '"key"', "payload")


def _json(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _write(values: list[tuple[Any, ...]]) -> None:
    table = ReceivedRecord._meta.db_table
    columns = ", ".join(RECORD_COLUMNS)
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        with connection.connection.cursor() as cur:
            with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
        return
    marks = ", ".join(["%s"] * len(RECORD_COLUMNS))
    with connection.cursor() as cur:
        cur.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)  # noqa: S608


class DjangoBundleUnitOfWork(AtomicWork):
    """One database transaction over the bundle tables, the tree and the audit chain."""

    def __init__(self) -> None:
        super().__init__()
        self.bundles = DjangoBundleRepository()
        self.tree = DjangoTreeReader()
        self.audit = DjangoAuditLog()
