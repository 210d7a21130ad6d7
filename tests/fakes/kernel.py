"""Fakes of the shared kernel: the audit log and the transaction of a unit of work."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

from canbo.services.ports import Actor


@dataclass(frozen=True, slots=True)
class AuditEntry:
    actor: Actor
    action: str
    object_type: str
    object_id: str
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None
    details: Mapping[str, Any] | None


class FakeAuditLog:
    def __init__(self) -> None:
        self.entries: list[AuditEntry] = []

    def append(
        self,
        actor: Actor,
        action: str,
        object_type: str,
        object_id: str,
        before: Mapping[str, Any] | None,
        after: Mapping[str, Any] | None,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        self.entries.append(
            AuditEntry(actor, action, object_type, object_id, before, after, details)
        )

    @property
    def actions(self) -> list[str]:
        return [e.action for e in self.entries]


class FakeTransaction:
    """``with uow: ...; uow.commit()`` as the Django ``AtomicWork`` does it: the outermost
    block saves every repository's state and puts it back when the block is left without
    ``commit`` or by an exception; nested blocks join the outer one."""

    def __init__(self) -> None:
        self.commits = 0
        self._depth = 0
        self._committed = False
        self._saved: list[dict[str, Any]] = []

    def _repositories(self) -> list[object]:
        """What a rollback puts back."""
        return []

    def _shared(self) -> list[object]:
        """What the repositories only refer to (kept as is by a rollback)."""
        return []

    def __enter__(self) -> Self:
        self._depth += 1
        if self._depth == 1:
            self._committed = False
            repositories = self._repositories()
            keep = {id(r): r for r in [*repositories, *self._shared()]}
            self._saved = [copy.deepcopy(vars(r), dict(keep)) for r in repositories]
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
        if exc_type is not None or not self._committed:
            for repository, saved in zip(self._repositories(), self._saved, strict=True):
                vars(repository).clear()
                vars(repository).update(saved)
        self._saved = []

    def commit(self) -> None:
        self._committed = True
        self.commits += 1
