"""Verify and import a bundle from another installation.

Verification reads the file, checks the manifest against its Ed25519 signature and the
registered, unrevoked key of a lower (upward bundle) or upper (downward) installation, the
expiry, the kinds and their schema versions, each data file's hash and count, and that every
record's unit lies inside the sender's registered subtree on the period's end. The first
problem met refuses the bundle by name; nothing is written.

Import is idempotent by the file's SHA-256; a newer bundle of the same sender, scope, period
and kinds supersedes the older (both kept); one audit entry per import carries the hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from canbo.core.bundles import checks, signing
from canbo.core.bundles import manifest as mf
from canbo.core.errors import NotFound, PermissionDenied, ValidationError
from canbo.core.permissions import Action, roles_for
from canbo.core.types import UnitId
from canbo.services import access
from canbo.services.bundles import archive
from canbo.services.bundles.ports import (
    BundleRepository,
    BundleUnitOfWork,
    Direction,
    InstallationView,
    KindCodec,
    NewReceipt,
    ReceiptStatus,
    ReceiptView,
)
from canbo.services.ports import Actor


@dataclass(frozen=True, slots=True)
class Verified:
    """A bundle that passed every check."""

    sha256: str
    manifest: mf.Manifest
    raw_manifest: dict[str, Any]
    sender: InstallationView
    scope_unit_id: int | None
    records: dict[str, list[dict[str, Any]]]  # kind → its checked records (when kept)
    units: dict[str, int]  # unit code → id of the records' units (as allowed)


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    receipt: ReceiptView
    changed: bool  # False: this very file was already imported
    superseded: int | None = None  # the receipt this one replaced
    rows: int = 0


def _require_any(actor: Actor) -> None:
    if not access.roots_for(actor, roles_for(Action.EXCHANGE_BUNDLES)):
        raise PermissionDenied("action_denied", action=str(Action.EXCHANGE_BUNDLES))


def _signed_by(
    repo: BundleRepository, opened: archive.OpenedBundle, m: mf.Manifest
) -> InstallationView:
    key = repo.key(m.key_id)
    if key is None:
        raise ValidationError("bundle_key_unknown", key_id=m.key_id, sender=m.sender)
    if key.installation.name != m.sender:
        raise ValidationError(
            "bundle_sender_mismatch", sender=m.sender, installation=key.installation.name
        )
    if key.revoked_at is not None:
        raise ValidationError(
            "bundle_key_revoked", key_id=m.key_id, revoked=key.revoked_at.date().isoformat()
        )
    data = mf.canonical_bytes(opened.manifest)
    if not signing.is_valid_signature(key.public_key, data, opened.signature):
        raise ValidationError("bundle_signature_invalid", sender=m.sender, key_id=m.key_id)
    return key.installation


def _scope(
    repo: BundleRepository, m: mf.Manifest, sender: InstallationView
) -> tuple[int | None, dict[str, int], dict[str, int] | None]:
    """The scope unit, the units records may name, and (downward) every unit known here."""
    sender_units = repo.units_in_subtree(sender.root_unit_id, m.period_end)
    if m.direction == Direction.DOWN:
        return repo.unit_id(m.scope), sender_units, _all_known(repo, sender_units)
    scope_id = sender_units.get(m.scope)
    if scope_id is None:
        raise ValidationError(
            "bundle_scope_outside_sender", citation=checks.OR19, scope=m.scope,
            installation=sender.name, date=m.period_end.isoformat(),
        )  # fmt: skip
    return scope_id, repo.units_in_subtree(scope_id, m.period_end), None


class _Known(dict[str, int]):
    """Every unit code of the receiver, asked one at a time (downward bundles only)."""

    def __init__(self, repo: BundleRepository, seed: dict[str, int]) -> None:
        super().__init__(seed)
        self._repo = repo

    def __contains__(self, code: object) -> bool:
        if super().__contains__(code):
            return True
        found = self._repo.unit_id(code) if isinstance(code, str) else None
        if found is not None:
            self[code] = found  # type: ignore[index]
        return found is not None


def _all_known(repo: BundleRepository, seed: dict[str, int]) -> dict[str, int]:
    return _Known(repo, seed)


def _check_files(
    opened: archive.OpenedBundle,
    m: mf.Manifest,
    allowed: dict[str, int],
    known: dict[str, int] | None,
    *,
    keep: bool,
) -> dict[str, list[dict[str, Any]]]:
    """Each kind's records (with ``keep``, so that an import does not read them twice), once
    every file matched its hash and count and every record its scope."""
    kept: dict[str, list[dict[str, Any]]] = {}
    listed = {entry.file for entry in m.kinds}
    extra = sorted(set(opened.files) - listed)
    if extra:
        raise ValidationError("bundle_file_unlisted", file=extra[0])
    for entry in m.kinds:
        data = opened.files.get(entry.file)
        if data is None:
            raise ValidationError("bundle_file_missing", file=entry.file)
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            raise ValidationError("bundle_file_hash_mismatch", kind=entry.kind, file=entry.file)
        records = kept[entry.kind] = []
        found = 0
        for line, record in archive.records(entry.kind, data):
            checks.check_record_unit(entry.kind, line, record.get("unit"), allowed, known=known)
            found += 1
            if keep:
                records.append(record)
        checks.check_count(entry.kind, entry.count, found)
    return kept


def verify_bundle(
    uow: BundleUnitOfWork,
    actor: Actor,
    raw: bytes,
    codecs: Mapping[str, KindCodec],
    now: dt.datetime,
    *,
    keep: bool = False,
) -> Verified:
    """Every check of a bundle, in order; refuses with the first problem, writes nothing.
    With ``keep`` the checked records are returned (for the import)."""
    _require_any(actor)
    opened = archive.read(raw)
    m = mf.parse(opened.manifest)
    repo = uow.bundles
    sender = _signed_by(repo, opened, m)
    checks.check_direction(m.direction, sender.relation, sender.name)
    checks.check_expiry(m.expires, now)
    known_kinds = {k: (c.schema_version, str(c.direction)) for k, c in codecs.items()}
    for entry in m.kinds:
        checks.check_kind(entry.kind, entry.schema_version, m.direction, known_kinds)
    scope_id, allowed, known = _scope(repo, m, sender)
    own = repo.own_installation()
    guard = scope_id if m.direction == Direction.UP else (own.root_unit_id if own else None)
    if guard is None:
        raise NotFound("bundle_no_installation")
    access.require(actor, Action.EXCHANGE_BUNDLES, UnitId(guard), uow.tree, m.period_end)
    records = _check_files(opened, m, allowed, known, keep=keep)
    return Verified(opened.sha256, m, opened.manifest, sender, scope_id, records, allowed)


def import_bundle(
    uow: BundleUnitOfWork,
    actor: Actor,
    raw: bytes,
    codecs: Mapping[str, KindCodec],
    now: dt.datetime,
) -> ImportOutcome:
    """Import a verified bundle: once per file, superseding an older one of the same sender,
    scope, period and kinds; upward kinds are stored as received records, downward kinds are
    applied by their codec; one audit entry with the bundle's hash."""
    with uow:
        v = verify_bundle(uow, actor, raw, codecs, now, keep=True)
        repo = uow.bundles
        done = repo.receipt_by_hash(v.sha256)
        if done is not None:
            return ImportOutcome(done, changed=False)
        m = v.manifest
        current = repo.current_receipt(
            m.sender, m.scope, m.period_start, m.period_end, m.kind_names
        )
        late = current is not None and current.created > m.created
        status = ReceiptStatus.SUPERSEDED if late else ReceiptStatus.CURRENT
        new = NewReceipt(
            sha256=v.sha256, manifest=v.raw_manifest, sender_id=v.sender.id, key_id=m.key_id,
            direction=Direction(m.direction), scope_unit_id=v.scope_unit_id, scope=m.scope,
            period_start=m.period_start, period_end=m.period_end, kinds=m.kind_names,
            counts=m.counts, created=m.created, received_at=now, status=status,
            superseded_by=current.id if late and current else None, received_by=actor.label,
        )  # fmt: skip
        receipt_id = repo.add_receipt(new)
        replaced = None
        if current is not None and not late:
            repo.mark_superseded(current.id, receipt_id)
            replaced = current.id
        rows = _store(repo, v, codecs, receipt_id, apply=not late)
        uow.audit.append(
            actor, "bundle.import", "bundle_receipt", str(receipt_id), None,
            {"sha256": v.sha256, "sender": m.sender, "scope": m.scope,
             "period": [m.period_start.isoformat(), m.period_end.isoformat()],
             "kinds": m.counts, "status": str(status), "superseded": replaced},
            {"sha256": v.sha256, "rows": rows},
        )  # fmt: skip
        uow.commit()
    receipt = ReceiptView(
        receipt_id, v.sha256, m.sender, m.scope, m.period_start, m.period_end, m.kind_names,
        m.created, status,
    )  # fmt: skip
    return ImportOutcome(receipt, changed=True, superseded=replaced, rows=rows)


def _store(
    repo: BundleRepository,
    v: Verified,
    codecs: Mapping[str, KindCodec],
    receipt_id: int,
    *,
    apply: bool,
) -> int:
    rows = 0
    for entry in v.manifest.kinds:
        records = v.records[entry.kind]
        if v.manifest.direction == Direction.UP:
            rows += repo.add_records(receipt_id, entry.kind, (_row(v.units, r) for r in records))
        elif apply:
            rows += codecs[entry.kind].apply(records, receipt_id)
    return rows


def _row(units: dict[str, int], record: dict[str, Any]) -> tuple[int, str, dict[str, Any]]:
    """(unit id, key, payload) of an upward record; the payload is the rest of the record."""
    payload = dict(record)
    unit, key = payload.pop("unit"), payload.pop("key")
    return units[unit], key, payload
