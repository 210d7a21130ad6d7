"""Citation table entries (see canbo.core.citations)."""

from __future__ import annotations

from canbo.core.citations.model import RuleText

RULES: tuple[RuleText, ...] = ()
