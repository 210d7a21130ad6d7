"""The electronic ballot box: ballots sealed to the counting committee, opened only together.

Before the vote opens, the counting committee makes its key (:func:`new_committee_key`): an
X25519 key pair whose public half is stored with the vote and whose private half is split
among the members with Shamir's secret sharing (any ``threshold`` of the ``members`` shares
rebuild it) and then forgotten. Each member keeps one printed share. A cast ballot is sealed to
the public key (libsodium sealed box: an ephemeral key per ballot, so two equal ballots give
unrelated boxes) and only the box is stored. At counting the members enter their shares; the
key is rebuilt in memory, every box is opened, and the key is dropped again
(:func:`open_boxes`). So the database, its write-ahead log or a copy taken while the vote runs
holds no ballot content that anybody can read, and the counting committee acts together
(EL-06, EL-07: the committee counts; docs/security.md).

A share prints as 60 symbols of the code alphabet in groups of four; it carries its number, a
fingerprint of the vote's key (a share of another vote is refused by name) and a checksum (a
typing mistake is refused by name, before anything is opened).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from Crypto.Protocol.SecretSharing import Shamir
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox

from canbo.core.errors import ValidationError
from canbo.services.voting.voter_codes import ALPHABET, grouped

SHARE_BYTES = 37  # index (1) + share (32) + key fingerprint (2) + checksum (2)
SHARE_SYMBOLS = 60  # 296 bits in 5-bit symbols, 4 bits of padding
MAX_MEMBERS = 15


@dataclass(frozen=True, slots=True)
class CommitteeKey:
    """The public key to store, and the shares to hand out once (never stored)."""

    public_key: str
    threshold: int
    shares: tuple[str, ...]


def default_threshold(members: int) -> int:
    """More than half of the committee (a member may be absent at counting)."""
    return members // 2 + 1


def _fingerprint(public_key: bytes) -> bytes:
    return hashlib.sha256(b"canbo-ballot-key:" + public_key).digest()[:2]


def key_fingerprint(public_key_hex: str) -> str:
    """A short fingerprint of the committee key, printed on the shares and the minutes."""
    digest = hashlib.sha256(b"canbo-ballot-key:" + bytes.fromhex(public_key_hex)).digest()
    return grouped(_to_symbols(digest[:5], 8))


def _to_symbols(data: bytes, length: int) -> str:
    value = int.from_bytes(data, "big") << (5 * length - 8 * len(data))
    return "".join(ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(length)))


def _from_symbols(text: str, size: int) -> bytes | None:
    value = 0
    for ch in text:
        idx = ALPHABET.find(ch)
        if idx < 0:
            return None
        value = (value << 5) | idx
    pad = 5 * len(text) - 8 * size
    if value & ((1 << pad) - 1):
        return None
    return (value >> pad).to_bytes(size, "big")


def _encode_share(index: int, share: bytes, public_key: bytes) -> str:
    payload = bytes([index]) + share + _fingerprint(public_key)
    checksum = hashlib.sha256(payload).digest()[:2]
    return grouped(_to_symbols(payload + checksum, SHARE_SYMBOLS))


def new_committee_key(members: int, threshold: int | None = None) -> CommitteeKey:
    """A fresh key pair for a vote: the public key, and one share per committee member."""
    threshold = default_threshold(members) if threshold is None else threshold
    if not 1 <= members <= MAX_MEMBERS or not 1 <= threshold <= members:
        raise ValidationError(
            "key_threshold_invalid", members=members, threshold=threshold, maximum=MAX_MEMBERS
        )
    private = PrivateKey.generate()
    secret, public = bytes(private), bytes(private.public_key)
    if threshold == 1:
        halves = [[(i, secret[:16]) for i in range(1, members + 1)]]
        halves.append([(i, secret[16:]) for i in range(1, members + 1)])
    else:
        halves = [Shamir.split(threshold, members, part) for part in (secret[:16], secret[16:])]
    shares = tuple(
        _encode_share(idx, first + second, public)
        for (idx, first), (_, second) in zip(halves[0], halves[1], strict=True)
    )
    return CommitteeKey(public.hex(), threshold, shares)


def _decode_share(text: str, position: int, public_key: bytes) -> tuple[int, bytes]:
    clean = "".join(ch for ch in text.upper() if ch.isalnum())
    data = _from_symbols(clean, SHARE_BYTES) if len(clean) == SHARE_SYMBOLS else None
    if data is None or hashlib.sha256(data[:35]).digest()[:2] != data[35:]:
        raise ValidationError("key_share_malformed", position=position)
    if data[33:35] != _fingerprint(public_key):
        raise ValidationError("key_share_other_vote", position=position)
    return data[0], data[1:33]


def recover_private_key(public_key_hex: str, threshold: int, shares: Iterable[str]) -> PrivateKey:
    """The committee's private key from at least ``threshold`` shares, checked against the
    stored public key. Refused, naming the share, when a share is mistyped, belongs to another
    vote or is entered twice; refused when too few shares are given."""
    public = bytes.fromhex(public_key_hex)
    decoded: dict[int, bytes] = {}
    for position, text in enumerate((s for s in shares if s.strip()), start=1):
        index, share = _decode_share(text, position, public)
        if index in decoded:
            raise ValidationError("key_share_repeated", position=position)
        decoded[index] = share
    if len(decoded) < threshold:
        raise ValidationError("key_shares_too_few", given=len(decoded), needed=threshold)
    chosen = sorted(decoded.items())[:threshold]
    if threshold == 1:
        secret = chosen[0][1]
    else:
        first = Shamir.combine([(i, s[:16]) for i, s in chosen])
        second = Shamir.combine([(i, s[16:]) for i, s in chosen])
        secret = first + second
    private = PrivateKey(secret)
    if bytes(private.public_key) != public:
        raise ValidationError("key_shares_mismatch")
    return private


def seal(public_key_hex: str, receipt: str, marks: str) -> bytes:
    """Seal a ballot (its receipt and compact marks) to the committee's public key."""
    box = SealedBox(PublicKey(bytes.fromhex(public_key_hex)))
    return bytes(box.encrypt(f"{receipt}:{marks}".encode("ascii")))


def open_boxes(private: PrivateKey, boxes: Sequence[bytes]) -> list[tuple[str, str]]:
    """Open every sealed ballot and return ``(receipt, marks)`` pairs in a random order.

    The order is drawn from the operating system's generator (``secrets``), so the stored
    opened ballots follow neither the order of casting nor the order of the boxes. A box that
    does not open (altered in the database) refuses the whole count.
    """
    opener = SealedBox(private)
    opened: list[tuple[str, str]] = []
    for number, raw in enumerate(boxes, start=1):
        try:
            receipt, _, marks = opener.decrypt(bytes(raw)).decode("ascii").partition(":")
        except (CryptoError, UnicodeDecodeError) as exc:
            raise ValidationError("sealed_ballot_damaged", number=number) from exc
        opened.append((receipt, marks))
    secrets.SystemRandom().shuffle(opened)  # Fisher-Yates on os.urandom: linear time
    return opened
