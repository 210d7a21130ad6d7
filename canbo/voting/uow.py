"""The unit of work of conferences and votes: one transaction, the adapters, the code hasher."""

from __future__ import annotations

import hashlib
import hmac
import os
import threading

from django.conf import settings
from django.db import connection

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: threads of one process still queue
    fcntl = None  # type: ignore[assignment]

from canbo.audit.log import DjangoAuditLog
from canbo.conferences.repository import DjangoConferenceRepository
from canbo.registry.transactions import AtomicWork
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


_THREADS = threading.Lock()
_LOCK_FILES: dict[tuple[int, str], int] = {}


class SqliteWriteQueue:
    """Writers of a SQLite database wait in line instead of polling its busy handler.

    Every transaction is ``BEGIN IMMEDIATE``; a writer that finds the database locked sleeps
    in SQLite's busy handler for growing steps (up to 100 ms) even when the lock is released
    a moment later, which made casts under load slow at the tail. Here the writers of one
    process queue on a lock and the processes on an ``flock`` of a file beside the database,
    both woken as soon as the holder is done. Only taken by the outermost transaction.
    """

    def __init__(self) -> None:
        self._fd: int | None = None

    @staticmethod
    def _lock_file() -> int:
        path = str(connection.settings_dict["NAME"]) + ".write-lock"
        key = (os.getpid(), path)  # a descriptor inherited over fork shares the lock
        if key not in _LOCK_FILES:
            _LOCK_FILES[key] = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        return _LOCK_FILES[key]

    def acquire(self) -> None:
        if connection.vendor != "sqlite" or connection.in_atomic_block:
            return
        _THREADS.acquire()
        try:
            fd = self._lock_file()
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
        except BaseException:
            _THREADS.release()
            raise
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            _THREADS.release()


class VotingUnitOfWork(AtomicWork):
    """One database transaction; ``commit()`` must be called or everything is rolled back.

    On SQLite the block is held inside the write queue (:class:`SqliteWriteQueue`)."""

    def __init__(self) -> None:
        super().__init__()
        self.conferences = DjangoConferenceRepository()
        self.votes = DjangoVoteRepository()
        self.tree = DjangoTreeReader()
        self.audit = DjangoAuditLog()
        self.hasher = HmacCodeHasher()
        self._queue = SqliteWriteQueue()

    def _before_begin(self) -> None:
        self._queue.acquire()

    def _after_end(self) -> None:
        self._queue.release()
