"""The unit of work of conferences and votes: one transaction, the adapters, the code hasher."""

from __future__ import annotations

import hashlib
import hmac
from types import TracebackType

from django.conf import settings
from django.db import transaction

from canbo.audit.log import DjangoAuditLog
from canbo.conferences.repository import DjangoConferenceRepository
from canbo.registry.uow import DjangoTreeReader
from canbo.services.voting_ports import SessionId

from .repository import DjangoVoteRepository


def code_key() -> bytes:
    """The voter-code key: ``CANBO_VOTER_CODE_KEY`` if set, else derived from the secret key.

    It is never stored in the database, so the hashes in the database alone cannot be tested
    against guessed codes.
    """
    explicit = getattr(settings, "CANBO_VOTER_CODE_KEY", "")
    if explicit:
        return str(explicit).encode()
    return hmac.new(settings.SECRET_KEY.encode(), b"canbo-voter-code", hashlib.sha256).digest()


class HmacCodeHasher:
    """HMAC-SHA256 over the session id and the code: the same code in two sessions differs."""

    def digest(self, session_id: SessionId, code: str) -> str:
        message = f"{int(session_id)}:{code}".encode()
        return hmac.new(code_key(), message, hashlib.sha256).hexdigest()


class VotingUnitOfWork:
    """One database transaction; ``commit()`` must be called or everything is rolled back."""

    def __init__(self) -> None:
        self.conferences = DjangoConferenceRepository()
        self.votes = DjangoVoteRepository()
        self.tree = DjangoTreeReader()
        self.audit = DjangoAuditLog()
        self.hasher = HmacCodeHasher()
        self._atomic: transaction.Atomic | None = None
        self._committed = False
        self._depth = 0

    def __enter__(self) -> VotingUnitOfWork:
        self._depth += 1
        if self._depth == 1:
            self._committed = False
            self._atomic = transaction.atomic()
            self._atomic.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._depth -= 1
        if self._depth > 0:
            return
        assert self._atomic is not None  # noqa: S101
        if exc_type is None and not self._committed:
            transaction.set_rollback(True)
        self._atomic.__exit__(exc_type, exc, tb)
        self._atomic = None

    def commit(self) -> None:
        self._committed = True
