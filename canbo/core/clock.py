"""The clock is injected: the core never reads the time itself (house style)."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """Timezone-aware UTC now."""
        ...

    def today(self) -> dt.date:
        """Today's date in Vietnam (UTC+7), the date every regulation counts in."""
        ...


VN_TZ = dt.timezone(dt.timedelta(hours=7), "ICT")


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        return dt.datetime.now(VN_TZ).date()


class FixedClock:
    """A clock for tests and recomputation: always answers the instant it was given."""

    def __init__(self, instant: dt.datetime) -> None:
        if instant.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware instant")
        self._instant = instant.astimezone(dt.UTC)

    def now(self) -> dt.datetime:
        return self._instant

    def today(self) -> dt.date:
        return self._instant.astimezone(VN_TZ).date()
