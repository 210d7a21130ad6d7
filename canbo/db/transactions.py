"""The Django side of the services' ``Transaction`` port, shared by every unit of work
(registry, voting, classification and the bulk import)."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from django.db import transaction


class AtomicWork:
    """One ``transaction.atomic`` block per outermost ``with``; ``commit()`` must be called
    before leaving it or everything is rolled back (principle 5). Nested ``with`` blocks join
    the outer one. Subclasses may hold a lock around the block with :meth:`_before_begin` and
    :meth:`_after_end` (the SQLite write queue of the voting adapter does), and finish work
    inside a committing block with :meth:`_before_commit` (the bulk import rebuilds the
    indexes it dropped).
    """

    def __init__(self) -> None:
        self._atomic: transaction.Atomic | None = None
        self._committed = False
        self._depth = 0

    def _before_begin(self) -> None:
        """Hook run before the outermost block opens."""

    def _after_end(self) -> None:
        """Hook run after the outermost block closed (or failed to open)."""

    def _before_commit(self) -> None:
        """Hook run inside the outermost block when it is about to commit; an error here
        rolls everything back."""

    def __enter__(self) -> Self:
        self._depth += 1
        if self._depth == 1:
            self._committed = False
            self._before_begin()
            try:
                self._atomic = transaction.atomic()
                self._atomic.__enter__()
            except BaseException:
                self._depth -= 1
                self._atomic = None
                self._after_end()
                raise
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
        atomic, self._atomic = self._atomic, None
        if atomic is None:
            return
        if exc_type is None and not self._committed:
            transaction.set_rollback(True)
        try:
            if exc_type is None and self._committed:
                try:
                    self._before_commit()
                except BaseException as error:
                    atomic.__exit__(type(error), error, error.__traceback__)
                    raise
            atomic.__exit__(exc_type, exc, tb)
        finally:
            self._after_end()

    def commit(self) -> None:
        self._committed = True

    @property
    def in_transaction(self) -> bool:
        return self._atomic is not None
