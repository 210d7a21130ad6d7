"""Evaluate equal facts once: the memo key of the per-subject function (CL-12 steps 1–5).

The proposal of a subject depends on its facts — kind, total score (CL-05: general plus
results, not the parts), grades, task counts, discipline, leadership figures, exemption,
months in operation, sick leave — never on who the subject is (``id``), the peer group it is
counted in (``group``) or the unit it heads (``head_of``: the head cap, CL-15, is applied after
the per-subject function, with the unit's level). A national cycle has millions of subjects
and far fewer distinct facts, so the cycle evaluates each distinct set of facts once.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import fields

from canbo.core.classification.common import Evaluator
from canbo.core.classification.model import Proposal, Subject

IDENTITY_FIELDS = frozenset({"id", "group", "head_of"})
"""Fields of ``Subject`` that say who the subject is, not how it did: not in the key."""

FACT_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(Subject) if f.name not in IDENTITY_FIELDS
)
"""Fields of ``Subject`` the per-subject function reads, in declaration order."""

FactsKey = tuple[Hashable, ...]

DEFAULT_LIMIT = 500_000
"""Distinct keys kept before the memo starts afresh (bounds memory, GEN-05 scale)."""


def facts_key(subject: Subject) -> FactsKey:
    """The key under which equal facts give an equal proposal (level and reasons).

    Two subjects with the same key get the same level and the same trail of reasons from
    the rulebook's per-subject function; only ``subject_id`` and ``group`` differ.
    """
    return tuple(getattr(subject, name) for name in FACT_FIELDS)


class ProposalMemo:
    """Remembers the proposal of each distinct key (at most ``limit`` keys at a time).

    A caller streaming compact rows may key them itself (without building a ``Subject``) as
    long as equal row keys imply equal :func:`facts_key`; :meth:`proposal` builds the subject
    only when the key is new. The stored proposal carries the first subject's id and group:
    callers read its level and reasons, or use :meth:`evaluate` to get it re-labelled.
    """

    __slots__ = ("_evaluate", "_limit", "_seen", "evaluations")

    def __init__(self, evaluate: Evaluator, limit: int = DEFAULT_LIMIT) -> None:
        self._evaluate = evaluate
        self._limit = limit
        self._seen: dict[Hashable, Proposal] = {}
        self.evaluations = 0

    def proposal(self, key: Hashable, build: Callable[[], Subject]) -> Proposal:
        """The proposal stored under ``key``, evaluating ``build()`` the first time."""
        hit = self._seen.get(key)
        if hit is None:
            if len(self._seen) >= self._limit:
                self._seen.clear()
            hit = self._seen[key] = self._evaluate(build())
            self.evaluations += 1
        return hit

    def evaluate(self, subject: Subject) -> Proposal:
        """The rulebook's proposal for ``subject``, evaluated once per :func:`facts_key`."""
        hit = self.proposal(facts_key(subject), lambda: subject)
        if hit.subject_id == subject.id and hit.group == subject.group:
            return hit
        return Proposal(subject.id, subject.group, hit.level, hit.reasons)
