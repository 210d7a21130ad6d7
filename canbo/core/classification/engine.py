"""The classification engine: one cycle's rulebook bound once, proposals streamed (CL-12).

``Engine.propose`` takes any iterable of subjects and yields proposals one by one, so a
national cycle runs in constant memory apart from the head–unit map (collectives only) and the
quota counters (groups only). Collectives are evaluated before the persons who head them
(CL-21), and their levels are passed in as ``unit_levels`` for the head–unit cap (CL-15).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from canbo.core.classification.common import Evaluator, head_cap
from canbo.core.classification.model import Level, Proposal, Subject, SubjectId, SubjectKind
from canbo.core.classification.params import Parameters
from canbo.core.classification.quota import QuotaAggregator, QuotaLine
from canbo.core.classification.rulebook import make_evaluator, rulebook_for_cycle
from canbo.core.rulebook import Rulebook


@dataclass(frozen=True, slots=True)
class Engine:
    """A rulebook, its parameter values and its per-subject function, built once per cycle."""

    rulebook: Rulebook
    params: Parameters
    evaluate: Evaluator

    def propose(
        self,
        subjects: Iterable[Subject],
        unit_levels: Mapping[SubjectId, Level | None] | None = None,
    ) -> Iterator[Proposal]:
        """CL-12 steps 1–5 for each subject, streaming; the head cap reads ``unit_levels``.

        A head whose unit is missing from ``unit_levels`` is flagged (CL-15), not capped.
        """
        evaluate = self.evaluate
        capping = self.params.cl_head_cap
        units: Mapping[SubjectId, Level | None] = unit_levels or {}
        for subject in subjects:
            proposal = evaluate(subject)
            head = subject.head_of
            if capping and head is not None:
                proposal = head_cap(proposal, units.get(head), head in units)
            yield proposal

    def propose_all(self, subjects: Sequence[Subject]) -> list[Proposal]:
        """Evaluate collectives first, then everyone with the head cap; input order is kept.

        CL-21: the unit is evaluated before its head; CL-15: the head is capped by the unit.
        """
        collectives = [s for s in subjects if s.kind is SubjectKind.COLLECTIVE]
        by_id = {p.subject_id: p for p in self.propose(collectives)}
        unit_levels = {sid: p.level for sid, p in by_id.items()}
        persons = (s for s in subjects if s.kind is not SubjectKind.COLLECTIVE)
        person_props = iter(list(self.propose(persons, unit_levels)))
        return [
            by_id[s.id] if s.kind is SubjectKind.COLLECTIVE else next(person_props)
            for s in subjects
        ]

    def quota(self, proposals: Iterable[Proposal]) -> list[QuotaLine]:
        """CL-13: count HTXS and HTT per group and report the excess of each group."""
        aggregator = QuotaAggregator(self.params)
        for proposal in proposals:
            aggregator.add(proposal)
        return aggregator.lines()


def engine_for_cycle(year: int, params: Parameters | None = None) -> Engine:
    """GEN-01: select the rulebook of cycle ``year`` and bind ``params`` (defaults if None)."""
    info = rulebook_for_cycle(year)
    chosen = params or Parameters()
    return Engine(info, chosen, make_evaluator(info, chosen))
