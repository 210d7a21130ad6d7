"""Turn domain values into plain JSON-ready data (for audit digests and API payloads)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import Any


def to_plain(value: Any) -> Any:
    """Dataclasses → dicts, dates → ISO strings, enums → values, recursively."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


def plain_dict(value: Any) -> dict[str, Any]:
    """:func:`to_plain` of a dataclass, typed as a dict."""
    result = to_plain(value)
    if not isinstance(result, dict):
        raise TypeError("plain_dict needs a dataclass or a mapping")
    return result
