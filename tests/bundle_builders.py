"""Builders of signed bundles for tests: a lower installation's key and bundle files made
byte for byte as ``export_bundle`` makes them, so that tests can tamper with any part."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from canbo.core.bundles import manifest as mf
from canbo.core.bundles import signing
from canbo.services.bundles import archive
from canbo.services.bundles.ports import Direction

NOW = dt.datetime(2026, 1, 10, 9, 0, tzinfo=dt.UTC)
PERIOD = dt.date(2025, 1, 1), dt.date(2025, 12, 31)


@dataclass
class EchoCodec:
    """A kind whose export yields the records it was given; ``apply`` keeps what it got."""

    kind: str
    direction: Direction
    schema_version: int = 1
    rows: list[dict[str, Any]] = field(default_factory=list)
    applied: list[tuple[int, list[dict[str, Any]]]] = field(default_factory=list)

    def export(
        self, scope_unit_id: int, period_start: dt.date, period_end: dt.date
    ) -> Iterable[dict[str, Any]]:
        return list(self.rows)

    def apply(self, records: Sequence[dict[str, Any]], receipt_id: int) -> int:
        self.applied.append((receipt_id, list(records)))
        return len(records)


@dataclass(frozen=True)
class Sender:
    name: str
    private: bytes

    @property
    def public_text(self) -> str:
        return signing.encode_key(signing.public_key_of(self.private))

    @property
    def key_id(self) -> str:
        return signing.key_id(signing.public_key_of(self.private))


def sender(name: str) -> Sender:
    return Sender(name, signing.new_private_key())


def bundle(
    who: Sender,
    scope: str,
    kinds: Mapping[str, list[dict[str, Any]]],
    *,
    direction: str = "up",
    created: dt.datetime = NOW,
    expires: dt.datetime | None = None,
    period: tuple[dt.date, dt.date] = PERIOD,
    schema: int = 1,
    edit_manifest: Any = None,
    edit_data: Any = None,
) -> bytes:
    """A signed bundle; ``edit_manifest(dict)`` changes the manifest after signing,
    ``edit_data(kind, bytes) -> bytes`` a data file after hashing (both: tampering)."""
    encoded = [archive.encode_kind(k, schema, rows) for k, rows in kinds.items()]
    m = mf.Manifest(
        sender=who.name, key_id=who.key_id, direction=direction, scope=scope,
        period_start=period[0], period_end=period[1], created=created,
        expires=expires or created + dt.timedelta(days=30),
        kinds=tuple(mf.KindEntry(e.kind, e.schema_version, e.count, e.sha256) for e in encoded),
    )  # fmt: skip
    data = m.as_dict()
    signature = signing.sign(who.private, mf.canonical_bytes(data))
    if edit_manifest is not None:
        edit_manifest(data)
    if edit_data is not None:
        encoded = [
            archive.EncodedKind(e.kind, e.schema_version, edit_data(e.kind, e.data), e.count)
            for e in encoded
        ]
    out = io.BytesIO()
    archive.write(out, data, signature, encoded)
    return out.getvalue()


def members(raw: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}
