"""Every rulebook canbo knows, in one registry (GEN-01): ballots and classification.

Selecting for a vote or a cycle stays with each domain (:func:`canbo.core.ballots.catalog.
default_registry`, :func:`canbo.core.classification.rulebook.rulebook_for_cycle`); this registry
answers "which rulebooks are there" for the rules page and ``canbo rules``.
"""

from __future__ import annotations

from canbo.core.appointments.rulebooks import APPOINTMENT_RULEBOOKS
from canbo.core.ballots.catalog import ALL_RULEBOOKS as BALLOT_RULEBOOKS
from canbo.core.classification.rulebook import CLASSIFICATION_RULEBOOKS
from canbo.core.power.rulebooks import POWER_RULEBOOKS
from canbo.core.rulebook import RulebookRegistry

ALL_RULEBOOKS = (
    *BALLOT_RULEBOOKS,
    *CLASSIFICATION_RULEBOOKS,
    *POWER_RULEBOOKS,
    *APPOINTMENT_RULEBOOKS,
)


def rulebook_registry() -> RulebookRegistry:
    """The registry of every rulebook, validated (no overlaps per domain and body)."""
    return RulebookRegistry(ALL_RULEBOOKS)
