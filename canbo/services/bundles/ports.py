"""Ports of the bundle exchange between installations.

A *kind* is one sort of data a bundle carries (congress results, the unit tree, ...).
Each kind has one codec: it reads what to send (``export``) and, for downward kinds,
writes what was received (``apply``). Upward kinds are stored as received records by
the bundle framework itself; their ``apply`` is never called.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable


class Direction(StrEnum):
    """Which way a kind travels: up to the higher installation, or down to the lower ones."""

    UP = "up"
    DOWN = "down"


@runtime_checkable
class KindCodec(Protocol):
    """One kind of data a bundle carries.

    ``export`` yields JSON-safe records, each at least ``{"unit": <unit code>, "key": <stable
    key within the kind>, ...payload}``; the unit must lie inside the scope unit's subtree on
    ``period_end``. ``apply`` writes received records of a downward kind and returns the
    number of rows it changed (0 when they were already there).
    """

    kind: str
    direction: Direction
    schema_version: int

    def export(
        self, scope_unit_id: int, period_start: dt.date, period_end: dt.date
    ) -> Iterable[dict[str, Any]]: ...

    def apply(self, records: Sequence[dict[str, Any]], receipt_id: int) -> int: ...
