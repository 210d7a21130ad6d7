"""The unit of work of conferences and votes: one transaction, the adapters, the voter codes."""

from __future__ import annotations

import os
import threading

from django.db import connection

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: threads of one process still queue
    fcntl = None  # type: ignore[assignment]

from canbo.audit.log import DjangoAuditLog
from canbo.conferences.repository import DjangoConferenceRepository
from canbo.db.transactions import AtomicWork
from canbo.db.unit_tree import DjangoTreeReader
from canbo.services.voting import voter_codes
from canbo.services.voting.ports import SessionId
from canbo.settings.keys import voter_code_key

from .repository import DjangoVoteRepository


def code_key() -> bytes:
    """The voter-code key, from ``canbo.settings.keys`` (``CANBO_VOTER_CODE_KEY``).

    It is never stored in the database, so the hashes in the database alone cannot be tested
    against guessed codes.
    """
    return voter_code_key()


class KeyedCodes:
    """Voter codes minted and recognised under the voter-code key (never in the database)."""

    def mint(self, session_id: SessionId) -> str:
        return voter_codes.mint_code(code_key(), int(session_id))

    def is_genuine(self, session_id: SessionId, code: str) -> bool:
        return voter_codes.is_genuine(code_key(), int(session_id), code)

    def spent_digest(self, session_id: SessionId, code: str) -> str:
        return voter_codes.spent_digest(code_key(), int(session_id), code)


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


class DjangoVotingUnitOfWork(AtomicWork):
    """One database transaction; ``commit()`` must be called or everything is rolled back.

    On SQLite the block is held inside the write queue (:class:`SqliteWriteQueue`)."""

    def __init__(self) -> None:
        super().__init__()
        self.conferences = DjangoConferenceRepository()
        self.votes = DjangoVoteRepository()
        self.tree = DjangoTreeReader()
        self.audit = DjangoAuditLog()
        self.codes = KeyedCodes()
        self._queue = SqliteWriteQueue()

    def _before_begin(self) -> None:
        self._queue.acquire()

    def _after_end(self) -> None:
        self._queue.release()
