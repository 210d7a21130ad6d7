"""Translated messages for domain error codes: the pages' view of :mod:`canbo.refusals`."""

from __future__ import annotations

from canbo.core.errors import DomainError
from canbo.refusals import message


def translated_message(exc: DomainError) -> str:
    """The refusal's message in the active language, from the one catalogue."""
    return message(exc)
