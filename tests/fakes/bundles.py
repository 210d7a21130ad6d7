"""In-memory unit of work of the bundle use cases: installations, keys, receipts and received
records, over a fixed tree of unit codes (the same on every date)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from canbo.core.types import UnitId
from canbo.services.bundles import ports as p

from .classification import FakeTree
from .kernel import FakeAuditLog, FakeTransaction


class FakeBundleRepository:
    def __init__(self, units: Mapping[str, tuple[int, str | None]]) -> None:
        self.units = dict(units)  # code -> (id, parent code)
        self.installations: dict[int, p.InstallationView] = {}
        self.keys: dict[str, p.KeyView] = {}
        self.receipts: dict[int, p.NewReceipt] = {}
        self.records: list[tuple[int, str, int, str, dict[str, Any]]] = []

    def _code(self, unit_id: int) -> str:
        return next(c for c, (i, _) in self.units.items() if i == unit_id)

    def own_installation(self) -> p.InstallationView | None:
        return next((i for i in self.installations.values() if i.relation == p.Relation.SELF), None)

    def installation(self, name: str) -> p.InstallationView | None:
        return next((i for i in self.installations.values() if i.name == name), None)

    def add_installation(self, name: str, relation: p.Relation, root_unit_id: int) -> int:
        new = len(self.installations) + 1
        self.installations[new] = p.InstallationView(
            new, name, relation, root_unit_id, self._code(root_unit_id)
        )
        return new

    def key(self, key_id: str) -> p.KeyView | None:
        return self.keys.get(key_id)

    def add_key(
        self, installation_id: int, key_id: str, public: bytes, valid_from: dt.datetime
    ) -> None:
        inst = self.installations[installation_id]
        self.keys[key_id] = p.KeyView(key_id, public, inst, valid_from)

    def revoke_key(self, key_id: str, at: dt.datetime, reason: str) -> None:
        self.keys[key_id] = replace(self.keys[key_id], revoked_at=at, revoked_reason=reason)

    def unit_id(self, code: str) -> int | None:
        found = self.units.get(code)
        return found[0] if found else None

    def units_in_subtree(self, root_unit_id: int, as_of: dt.date) -> dict[str, int]:
        root = self._code(root_unit_id)
        found = {root: root_unit_id}
        grew = True
        while grew:
            grew = False
            for code, (uid, parent) in self.units.items():
                if parent in found and code not in found:
                    found[code] = uid
                    grew = True
        return found

    def _view(self, rid: int) -> p.ReceiptView:
        r = self.receipts[rid]
        sender = self.installations[r.sender_id].name
        return p.ReceiptView(
            rid, r.sha256, sender, r.scope, r.period_start, r.period_end, r.kinds, r.created,
            r.status,
        )  # fmt: skip

    def receipt_by_hash(self, sha256: str) -> p.ReceiptView | None:
        found = next((rid for rid, r in self.receipts.items() if r.sha256 == sha256), None)
        return self._view(found) if found is not None else None

    def current_receipt(
        self, sender: str, scope: str, start: dt.date, end: dt.date, kinds: tuple[str, ...]
    ) -> p.ReceiptView | None:
        for rid in self.receipts:
            v = self._view(rid)
            same = (v.sender, v.scope, v.period_start, v.period_end) == (sender, scope, start, end)
            if same and sorted(v.kinds) == sorted(kinds) and v.status == p.ReceiptStatus.CURRENT:
                return v
        return None

    def add_receipt(self, receipt: p.NewReceipt) -> int:
        rid = len(self.receipts) + 1
        self.receipts[rid] = receipt
        return rid

    def mark_superseded(self, receipt_id: int, by_id: int) -> None:
        self.receipts[receipt_id] = replace(
            self.receipts[receipt_id], status=p.ReceiptStatus.SUPERSEDED, superseded_by=by_id
        )

    def add_records(
        self, receipt_id: int, kind: str, rows: Iterable[tuple[int, str, dict[str, Any]]]
    ) -> int:
        before = len(self.records)
        self.records += [(receipt_id, kind, u, k, d) for u, k, d in rows]
        return len(self.records) - before


class FakeBundleUnitOfWork(FakeTransaction):
    def __init__(self, units: Mapping[str, tuple[int, str | None]]) -> None:
        super().__init__()
        self.bundles = FakeBundleRepository(units)
        ids = {code: uid for code, (uid, _) in units.items()}
        self.tree = FakeTree(
            {
                UnitId(uid): (UnitId(ids[parent]) if parent else None)
                for uid, parent in units.values()
            }
        )
        self.audit = FakeAuditLog()

    def _repositories(self) -> list[object]:
        return [self.bundles, self.audit]


class FakeKeyStore:
    def __init__(self) -> None:
        self.saved: list[bytes] = []

    def current(self) -> bytes | None:
        return self.saved[-1] if self.saved else None

    def save(self, private: bytes) -> None:
        self.saved.append(private)
