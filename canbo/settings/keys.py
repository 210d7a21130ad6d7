"""Secret keys by purpose, loaded once with the settings; every consumer asks this module.

Two keys protect what the database alone must not be able to forge or test:

* the audit key (``CANBO_AUDIT_KEY``) seals the audit chain, its head and its anchors;
* the voter-code key (``CANBO_VOTER_CODE_KEY``) hashes voter codes, so the stored hashes
  cannot be tested against guessed codes.

Each comes from the environment variable itself or from a key file named by ``<NAME>_FILE``.
A key file must be readable by its owner only. Production (``load_keys(..., derive_from=None)``)
refuses to start without both keys, refuses a key file inside the data folder (whoever can
copy or write the database there could then read the key and reseal the chain), and refuses
the same key for both purposes. Development, the demo and the tests may derive both keys from
the secret key in the data folder; :data:`KeySet.sources` says where each key came from, and
the demo prints it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

MIN_KEY_CHARS = 32
AUDIT = "CANBO_AUDIT_KEY"
VOTER_CODE = "CANBO_VOTER_CODE_KEY"
# The derivation labels keep development keys identical to those of earlier versions, so a
# demo data folder made before keeps verifying.
_LABELS = {AUDIT: b"canbo-audit-chain", VOTER_CODE: b"canbo-voter-code"}


@dataclass(frozen=True)
class KeySet:
    """The keys of one process and, for each variable, a sentence saying where it came from."""

    audit: bytes
    voter_code: bytes
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def is_derived(self) -> bool:
        """True when a key was derived from the data folder's secret (not for production)."""
        return any(s.startswith("derived") for s in self.sources.values())


def load_keys(env: Mapping[str, str], *, data_dir: Path, derive_from: str | None) -> KeySet:
    """Load both keys; ``derive_from`` is the development secret, ``None`` in production."""
    audit, audit_src = _load(AUDIT, env, data_dir, derive_from)
    code, code_src = _load(VOTER_CODE, env, data_dir, derive_from)
    if derive_from is None and hmac.compare_digest(audit, code):
        raise ImproperlyConfigured(f"{AUDIT} and {VOTER_CODE} must be different keys")
    return KeySet(audit, code, {AUDIT: audit_src, VOTER_CODE: code_src})


def _load(
    name: str, env: Mapping[str, str], data_dir: Path, derive_from: str | None
) -> tuple[bytes, str]:
    value, path = env.get(name, ""), env.get(f"{name}_FILE", "")
    if value and path:
        raise ImproperlyConfigured(f"set {name} or {name}_FILE, not both")
    if value:
        return _checked(name, value, "the environment"), f"{name} from the environment"
    if path:
        text = read_key_file(name, Path(path), data_dir, production=derive_from is None)
        return _checked(name, text, path), f"{name}_FILE {path}"
    if derive_from is None:
        raise ImproperlyConfigured(
            f"{name} (or {name}_FILE, a key file outside the data folder) must be set for"
            " production"
        )
    derived = hmac.new(derive_from.encode(), _LABELS[name], hashlib.sha256).digest()
    return derived, f"derived from the secret key in {data_dir} (development and demo only)"


def _checked(name: str, value: str, where: str) -> bytes:
    if len(value) < MIN_KEY_CHARS:
        raise ImproperlyConfigured(
            f"{name} from {where} is too short: at least {MIN_KEY_CHARS} characters"
            " (python -c 'import secrets; print(secrets.token_urlsafe(32))')"
        )
    return value.encode()


def read_key_file(name: str, path: Path, data_dir: Path, *, production: bool) -> str:
    """The key in ``path``, refused when group or others may read it, or, in production,
    when it lies inside the data folder."""
    try:
        info = path.stat()
    except OSError as exc:
        raise ImproperlyConfigured(f"{name}_FILE {path}: cannot read ({exc.strerror})") from exc
    if not stat.S_ISREG(info.st_mode):
        raise ImproperlyConfigured(f"{name}_FILE {path}: not a regular file")
    if os.name == "posix" and info.st_mode & 0o077:
        raise ImproperlyConfigured(
            f"{name}_FILE {path}: readable by group or others; allow its owner only"
            f" (chmod 600 {path})"
        )
    if production and path.resolve().is_relative_to(data_dir.resolve()):
        raise ImproperlyConfigured(
            f"{name}_FILE {path} is inside the data folder {data_dir}: keep keys apart from"
            " the database, or whoever copies the database gets the key too"
        )
    return path.read_text(encoding="utf-8").strip()


def audit_key() -> bytes:
    """The key of the audit chain, its head and its anchors."""
    return bytes(settings.CANBO_AUDIT_KEY)


def voter_code_key() -> bytes:
    """The key of the voter-code hashes."""
    return bytes(settings.CANBO_VOTER_CODE_KEY)


def key_sources() -> dict[str, str]:
    """Where each key of this process came from (for the demo and ``canbo audit verify``)."""
    return dict(getattr(settings, "CANBO_KEY_SOURCES", {}))
