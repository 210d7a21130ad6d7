"""One-time voter codes and receipts: drawn from a cryptographic RNG, easy to read aloud.

The alphabet leaves out I, O, 0 and 1 so that a printed slip cannot be misread. A voter code has
60 bits (12 symbols), a receipt 50 bits (10 symbols): guessing one is hopeless, and neither
carries anything about the voter, the check-in or the time (docs/voting.md).
"""

from __future__ import annotations

import secrets

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12
RECEIPT_LENGTH = 10


def _draw(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def new_code() -> str:
    """A fresh voter code, e.g. ``K7QM-X2RB-PN4D`` once grouped for printing."""
    return _draw(CODE_LENGTH)


def new_receipt() -> str:
    """A fresh receipt code shown to the voter and listed when the ballots are published."""
    return _draw(RECEIPT_LENGTH)


def normalize(text: str) -> str:
    """Upper case, without spaces or dashes: what the voter typed, as it was issued."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def grouped(code: str, size: int = 4) -> str:
    """``K7QMX2RBPN4D`` → ``K7QM-X2RB-PN4D`` for print and display."""
    return "-".join(code[i : i + size] for i in range(0, len(code), size))
