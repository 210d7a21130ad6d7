"""The citation table: each handbook rule ID resolved to the text a clerk can open.

A stored result or a refusal names a rule by its stable ID (``CV-17``); a person reads
"QĐ 96-QĐ/TW, Điều 11, khoản 2". This module is the table between the two, shipped with the
product so that an ID never has to be looked up outside it.

Each :class:`RuleText` names the rule's primary document with its article and clause, a short
statement in Vietnamese and English, the address of the text it was checked against and a
confidence mark:

- ``text``: the article was checked against the regulation's own wording (or a faithful
  reproduction of the article);
- ``secondary``: known from a secondary source (official press, a legal Q&A portal, a guide);
- ``unconfirmed``: the article has not been found; ``article`` stays empty and nothing is
  guessed.

One rule can sit at a different article in another document (the same NA rule in NQ 35/2012,
NQ 85/2014 and NQ 96/2023; a classification rule in QĐ 124 and QĐ 366): ``elsewhere`` holds a
:class:`Provision` per further document, and :meth:`RuleText.in_document` picks the one a
citation names. Pure data and functions: no I/O.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from canbo.core.citations import (
    appointments,
    assembly_votes,
    classification,
    classification_earlier,
    classification_process,
    election_results,
    elections,
    forms,
    general,
    organization,
    party_votes,
    power_control,
    programme,
    statistics,
    surveys,
)
from canbo.core.citations.model import (
    BARE_RULE_ID,
    Confidence,
    Provision,
    RuleText,
    table,
)

__all__ = [
    "BARE_RULE_ID",
    "RULES",
    "Confidence",
    "Provision",
    "RuleText",
    "lookup",
    "resolve",
]

RULES: Mapping[str, RuleText] = table(
    (
        *general.RULES,
        *appointments.RULES,
        *forms.RULES,
        *organization.RULES,
        *party_votes.RULES,
        *assembly_votes.RULES,
        *elections.RULES,
        *election_results.RULES,
        *classification.RULES,
        *classification_process.RULES,
        *classification_earlier.RULES,
        *power_control.RULES,
        *programme.RULES,
        *statistics.RULES,
        *surveys.RULES,
    )
)


@functools.lru_cache(maxsize=4096)
def lookup(rule_id: str, document: str | None = None) -> RuleText | None:
    """The rule ``rule_id``, as it sits in ``document`` when given and known; else ``None``."""
    found = RULES.get(rule_id)
    if found is None or document is None:
        return found
    return found.for_document(document)


@functools.lru_cache(maxsize=4096)
def resolve(rule_id: str, document: str) -> Provision | None:
    """The article and clause of ``rule_id`` in ``document``, or ``None`` if not known there.

    Cached: the table never changes, and citations are built in loops (a reason per subject).
    """
    found = RULES.get(rule_id)
    return None if found is None else found.in_document(document)
