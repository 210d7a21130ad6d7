"""Ed25519 keys and signatures of bundle manifests (RFC 8032, the ``cryptography`` package).

Keys travel as raw 32-byte values written in base64; a key's id is its fingerprint, the
first 32 hex digits of the SHA-256 of the raw public key, so that two installations read
the same id off the same key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from canbo.core.errors import ValidationError

KEY_BYTES = 32


def new_private_key() -> bytes:
    """A fresh private key (raw 32 bytes)."""
    return Ed25519PrivateKey.generate().private_bytes(
        Encoding.Raw, PrivateFormat.Raw, NoEncryption()
    )


def public_key_of(private: bytes) -> bytes:
    """The raw public key of a raw private key."""
    key = Ed25519PrivateKey.from_private_bytes(private)
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id(public: bytes) -> str:
    """The key's fingerprint: 32 hex digits of SHA-256 over the raw public key."""
    return hashlib.sha256(public).hexdigest()[:32]


def sign(private: bytes, data: bytes) -> bytes:
    """The 64-byte Ed25519 signature of ``data``."""
    return Ed25519PrivateKey.from_private_bytes(private).sign(data)


def is_valid_signature(public: bytes, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` is the signature of ``data`` by the holder of ``public``."""
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def encode_key(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def decode_key(text: str) -> bytes:
    """A raw key from its base64 text; refuses anything but 32 bytes."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != KEY_BYTES:
        raise ValidationError("bundle_key_malformed", field="public_key")
    return raw
