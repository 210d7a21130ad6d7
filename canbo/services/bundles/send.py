"""Export a signed bundle of this installation's data for one scope and period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import BinaryIO

from canbo.core.bundles import manifest as mf
from canbo.core.bundles import signing
from canbo.core.errors import NotFound, ValidationError
from canbo.core.permissions import Action
from canbo.core.types import UnitId
from canbo.services import access
from canbo.services.bundles import archive
from canbo.services.bundles.ports import BundleUnitOfWork, KeyStore, KindCodec
from canbo.services.ports import Actor

DEFAULT_VALID_DAYS = 30


@dataclass(frozen=True, slots=True)
class ExportRequest:
    kinds: tuple[str, ...]
    scope: str  # the scope unit's code
    period_start: dt.date
    period_end: dt.date
    valid_days: int = DEFAULT_VALID_DAYS


def _codecs(request: ExportRequest, codecs: Mapping[str, KindCodec]) -> list[KindCodec]:
    if not request.kinds:
        raise ValidationError("bundle_manifest_invalid", field="kinds")
    chosen = []
    for kind in sorted(set(request.kinds)):
        if kind not in codecs:
            raise ValidationError("bundle_kind_unknown", kind=kind)
        chosen.append(codecs[kind])
    if len({c.direction for c in chosen}) > 1:
        raise ValidationError("bundle_kinds_mixed", kinds=", ".join(c.kind for c in chosen))
    return chosen


def export_bundle(
    uow: BundleUnitOfWork,
    actor: Actor,
    keys: KeyStore,
    codecs: Mapping[str, KindCodec],
    request: ExportRequest,
    out: BinaryIO,
    now: dt.datetime,
) -> mf.Manifest:
    """Write a bundle of ``request.kinds`` for the scope and period to ``out``, signed with
    this installation's current key; the export is recorded in the audit chain."""
    if request.period_start > request.period_end:
        raise ValidationError("bundle_manifest_invalid", field="period")
    if not 1 <= request.valid_days <= 366:
        raise ValidationError("bundle_manifest_invalid", field="valid_days")
    chosen = _codecs(request, codecs)
    with uow:
        own = uow.bundles.own_installation()
        private = keys.current()
        if own is None or private is None:
            raise NotFound("bundle_no_installation")
        scope_id = uow.bundles.unit_id(request.scope)
        if scope_id is None:
            raise NotFound("bundle_unit_unknown", unit=request.scope)
        access.access_unit(actor, UnitId(scope_id), uow.tree, request.period_end)
        access.require(
            actor, Action.EXCHANGE_BUNDLES, UnitId(scope_id), uow.tree, request.period_end
        )
        encoded = [
            archive.encode_kind(
                c.kind,
                c.schema_version,
                c.export(scope_id, request.period_start, request.period_end),
            )
            for c in chosen
        ]
        manifest = mf.Manifest(
            sender=own.name, key_id=signing.key_id(signing.public_key_of(private)),
            direction=str(chosen[0].direction), scope=request.scope,
            period_start=request.period_start, period_end=request.period_end,
            created=now, expires=now + dt.timedelta(days=request.valid_days),
            kinds=tuple(mf.KindEntry(e.kind, e.schema_version, e.count, e.sha256) for e in encoded),
        )  # fmt: skip
        data = manifest.as_dict()
        archive.write(out, data, signing.sign(private, mf.canonical_bytes(data)), encoded)
        uow.audit.append(
            actor, "bundle.export", "bundle", request.scope, None,
            {"scope": request.scope, "kinds": manifest.counts,
             "period": [request.period_start.isoformat(), request.period_end.isoformat()]},
        )  # fmt: skip
        uow.commit()
    return manifest
