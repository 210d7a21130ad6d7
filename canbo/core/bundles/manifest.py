"""The manifest of a bundle and its canonical bytes.

A bundle is one zip file: ``manifest.json``, ``manifest.sig`` (the Ed25519 signature, base64,
over :func:`canonical_bytes` of the manifest) and one ``data/<kind>.jsonl`` per kind. The
manifest names the sender (installation and key id), the scope unit's code, the period, when
it was made and until when it may be imported, and for each kind its schema version, number
of records and the SHA-256 of its data file. Because the signature covers the hashes and the
counts, changing one byte of any file breaks the bundle.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from canbo.core.errors import ValidationError

FORMAT = "canbo-bundle"
FORMAT_VERSION = 1
KNOWN_FORMAT_VERSIONS = frozenset({1})
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"


def data_name(kind: str) -> str:
    return f"data/{kind}.jsonl"


@dataclass(frozen=True, slots=True)
class KindEntry:
    """One kind in a bundle: schema version, how many records, the hash of its data file."""

    kind: str
    schema_version: int
    count: int
    sha256: str

    @property
    def file(self) -> str:
        return data_name(self.kind)


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a bundle says about itself; the signature covers all of it."""

    sender: str  # the sending installation's name, as the receiver registered it
    key_id: str
    direction: str  # "up" or "down"
    scope: str  # the scope unit's code
    period_start: dt.date
    period_end: dt.date
    created: dt.datetime
    expires: dt.datetime
    kinds: tuple[KindEntry, ...]
    format_version: int = FORMAT_VERSION

    def kind(self, name: str) -> KindEntry | None:
        return next((k for k in self.kinds if k.kind == name), None)

    @property
    def kind_names(self) -> tuple[str, ...]:
        return tuple(sorted(k.kind for k in self.kinds))

    @property
    def counts(self) -> dict[str, int]:
        return {k.kind: k.count for k in self.kinds}

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": self.format_version,
            "sender": {"installation": self.sender, "key_id": self.key_id},
            "direction": self.direction,
            "scope": self.scope,
            "period": {"start": self.period_start.isoformat(), "end": self.period_end.isoformat()},
            "created": self.created.isoformat(),
            "expires": self.expires.isoformat(),
            "kinds": [
                {"kind": k.kind, "schema_version": k.schema_version, "count": k.count,
                 "sha256": k.sha256, "file": k.file}
                for k in sorted(self.kinds, key=lambda k: k.kind)
            ],
        }  # fmt: skip


def canonical_bytes(manifest: dict[str, Any]) -> bytes:
    """The bytes the signature covers: JSON with sorted keys, no spaces, UTF-8."""
    text = json.dumps(manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


def _bad(field: str) -> ValidationError:
    return ValidationError("bundle_manifest_invalid", field=field)


def _text(data: dict[str, Any], field: str) -> str:
    value = data.get(field)
    if not isinstance(value, str) or not value:
        raise _bad(field)
    return value


def _date(text: Any, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise _bad(field) from None


def _moment(text: Any, field: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        raise _bad(field) from None
    if moment.tzinfo is None:
        raise _bad(field)
    return moment


def _kind(entry: Any) -> KindEntry:
    if not isinstance(entry, dict):
        raise _bad("kinds")
    kind = _text(entry, "kind")
    version, count, digest = entry.get("schema_version"), entry.get("count"), entry.get("sha256")
    if not isinstance(version, int) or not isinstance(count, int) or count < 0:
        raise _bad(f"kinds.{kind}")
    if not isinstance(digest, str) or len(digest) != 64:
        raise _bad(f"kinds.{kind}.sha256")
    return KindEntry(kind, version, count, digest)


def parse(data: Any) -> Manifest:
    """Read a manifest; a missing or malformed field is refused by name, an unknown format
    version as ``bundle_format_unknown``."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _bad("format")
    version = data.get("format_version")
    if version not in KNOWN_FORMAT_VERSIONS:
        raise ValidationError(
            "bundle_format_unknown", version=str(version), expected=FORMAT_VERSION
        )
    sender, period = data.get("sender"), data.get("period")
    if not isinstance(sender, dict):
        raise _bad("sender")
    if not isinstance(period, dict):
        raise _bad("period")
    if data.get("direction") not in ("up", "down"):
        raise _bad("direction")
    kinds = data.get("kinds")
    if not isinstance(kinds, list) or not kinds:
        raise _bad("kinds")
    entries = tuple(_kind(k) for k in kinds)
    if len({k.kind for k in entries}) != len(entries):
        raise _bad("kinds")
    start, end = _date(period.get("start"), "period.start"), _date(period.get("end"), "period.end")
    if start > end:
        raise _bad("period")
    return Manifest(
        sender=_text(sender, "installation"), key_id=_text(sender, "key_id"),
        direction=data["direction"], scope=_text(data, "scope"),
        period_start=start, period_end=end,
        created=_moment(data.get("created"), "created"),
        expires=_moment(data.get("expires"), "expires"),
        kinds=entries, format_version=version,
    )  # fmt: skip
