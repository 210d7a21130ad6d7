"""One-time voter codes and receipts: drawn from a cryptographic RNG, easy to read aloud.

A voter code is 20 symbols: 12 random symbols (60 bits) and an 8-symbol tag (40 bits), a keyed
HMAC of the session and the random part. The tag lets the server recognise a code it issued
without storing it: check-in and slip printing write no code row, so no record, row order or
transaction in the database can tie a person to a code (docs/security.md). A guess is genuine
with probability 2^-40, and wrong guesses are throttled (:mod:`canbo.services.voting.guard`).

Only a *spent* code is stored, as ``HMAC(key, "spent:" session ":" code)``, so that it
cannot cast twice. The key comes from outside the database.

The alphabet leaves out I, O, 0 and 1 so that a printed slip cannot be misread. A receipt has
50 bits (10 symbols) and carries nothing about the voter, the check-in or the time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
RANDOM_LENGTH = 12
TAG_LENGTH = 8
CODE_LENGTH = RANDOM_LENGTH + TAG_LENGTH
RECEIPT_LENGTH = 10
_SYMBOL = {ch: i for i, ch in enumerate(ALPHABET)}


def _draw(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def _tag(key: bytes, session_id: int, random_part: str) -> str:
    """The 40-bit tag: the first 5 bytes of HMAC-SHA256, in 8 symbols of 5 bits."""
    mac = hmac.new(key, f"code:{int(session_id)}:{random_part}".encode(), hashlib.sha256)
    value = int.from_bytes(mac.digest()[:5], "big")
    return "".join(ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(TAG_LENGTH)))


def mint_code(key: bytes, session_id: int) -> str:
    """A fresh voter code for the session, e.g. ``K7QM-X2RB-PN4D-A7KW-Q3TZ`` once grouped."""
    random_part = _draw(RANDOM_LENGTH)
    return random_part + _tag(key, session_id, random_part)


def is_genuine(key: bytes, session_id: int, code: str) -> bool:
    """True when the code was minted for this session with this key (constant-time compare)."""
    if len(code) != CODE_LENGTH or any(ch not in _SYMBOL for ch in code):
        return False
    random_part, tag = code[:RANDOM_LENGTH], code[RANDOM_LENGTH:]
    return hmac.compare_digest(_tag(key, session_id, random_part), tag)


def spent_digest(key: bytes, session_id: int, code: str) -> str:
    """The keyed hash stored when a code casts its ballot (hex, 64 characters)."""
    message = f"spent:{int(session_id)}:{code}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def new_receipt() -> str:
    """A fresh receipt code shown to the voter and listed when the ballots are published."""
    return _draw(RECEIPT_LENGTH)


def normalize(text: str) -> str:
    """Upper case, without spaces or dashes: what the voter typed, as it was issued."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def grouped(code: str, size: int = 4) -> str:
    """``K7QMX2RBPN4D`` → ``K7QM-X2RB-PN4D`` for print and display."""
    return "-".join(code[i : i + size] for i in range(0, len(code), size))
