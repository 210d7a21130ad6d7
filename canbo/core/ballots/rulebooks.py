"""Rulebooks of ballots: the one core model (:mod:`canbo.core.rulebook`) under its ballot names.

A confidence vote or a Party election is evaluated with the rulebook in force on the date of
the vote or step (GEN-01, GEN-02), never with today's; the catalog is :mod:`.catalog`.
"""

from __future__ import annotations

from canbo.core.rulebook import (
    Body,
    Comparison,
    Domain,
    ParamSpec,
    ParamValue,
    Regime,
    Rulebook,
    RulebookRegistry,
    Threshold,
)

__all__ = [
    "Body",
    "Comparison",
    "Domain",
    "ParamSpec",
    "ParamValue",
    "Regime",
    "Rulebook",
    "RulebookRegistry",
    "Threshold",
]
