"""The system clock, read by the adapters (views, commands); the core never reads the time
itself: callers pass it dates and instants."""

from __future__ import annotations

import datetime as dt

VN_TZ = dt.timezone(dt.timedelta(hours=7), "ICT")


class SystemClock:
    def now(self) -> dt.datetime:
        """Timezone-aware UTC now."""
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        """Today's date in Vietnam (UTC+7), the date every regulation counts in."""
        return dt.datetime.now(VN_TZ).date()
