"""The HTXS quota (CL-13, CL-14, CL132-02): HTXS at most ``cl_quota_pct``% of HTT per group.

The engine never cuts: it counts per peer group and reports, for each group, how many HTXS
proposals exceed the maximum, so the competent level decides whom to lower (CL-13: ties are
"resolved by a recorded human decision"). Counting is streaming: one pass, one small counter
per group, so a national cycle needs memory only in the number of groups. Counts of disjoint
parts of a cycle (for example the primary-key ranges of two worker processes) merge by group
into the counts of the whole (``QuotaAggregator.merge``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from canbo.core.classification.model import Level, Proposal
from canbo.core.classification.params import Parameters, QuotaRounding
from canbo.core.errors import Citation

QUOTA_CITATION = {
    "QD366_HD43": Citation(
        "QĐ 124-QĐ/TW (default for QĐ 366 — mặc định)",
        rule_id="CL-13",
        unconfirmed=("cl_quota_pct", "cl_quota_grouping_members", "cl_quota_rounding"),
    ),
    "QD124_HD25": Citation(
        "QĐ 124-QĐ/TW; HD 25-HD/BTCTW",
        rule_id="CL-13",
        unconfirmed=("cl_quota_grouping_members", "cl_quota_rounding"),
    ),
}


def max_htxs(htt: int, pct: int, rounding: QuotaRounding) -> int:
    """CL-13: the largest HTXS count allowed for ``htt`` HTT in a group, in integers (GEN-05).

    ``floor`` is ⌊pct·htt/100⌋, exactly the test ``100·htxs ≤ pct·htt``; ``half_up`` rounds the
    fraction half up (looser than the text; a named local choice, ``cl_quota_rounding``).
    """
    if rounding is QuotaRounding.HALF_UP:
        return (2 * pct * htt + 100) // 200
    return pct * htt // 100


@dataclass(frozen=True, slots=True)
class QuotaLine:
    """One peer group: counts, the maximum HTXS (``None`` when no quota) and the excess."""

    group: str
    htxs: int
    htt: int
    max_htxs: int | None
    over_by: int


class QuotaAggregator:
    """Counts HTXS and HTT proposals per group as proposals stream past (CL-13, CL-14).

    The basis is the final HTT count (``cl_quota_basis = final_htt_count``); nothing is demoted
    here, so the HTT count before and after demotion is the same.
    """

    __slots__ = ("_counts", "_pct", "_rounding")

    def __init__(self, params: Parameters) -> None:
        self._counts: dict[str, list[int]] = {}
        self._pct = params.cl_quota_pct
        self._rounding = params.cl_quota_rounding

    def add(self, proposal: Proposal) -> None:
        """Count one proposal in its group; not-classified subjects still open their group."""
        self.count(proposal.group, proposal.level)

    def count(self, group: str, level: Level | int | None) -> None:
        """Count one subject of ``group`` at ``level`` (CL-13: only HTXS and HTT are counted).

        The same as :meth:`add` without a ``Proposal``: callers that stream compact rows count
        the effective level (decided, else appraised, else proposed) as a plain integer.
        """
        counts = self._counts.get(group)
        if counts is None:
            counts = self._counts[group] = [0, 0]
        if level == Level.HTXS:
            counts[0] += 1
        elif level == Level.HTT:
            counts[1] += 1

    def counts(self) -> dict[str, tuple[int, int]]:
        """``{group: (htxs, htt)}``: compact, picklable, to send from a worker to be merged."""
        return {group: (c[0], c[1]) for group, c in self._counts.items()}

    def merge(self, other: QuotaAggregator | Mapping[str, tuple[int, int]]) -> None:
        """Add the counts of a disjoint part of the cycle, group by group (CL-13, CL-14).

        Counting is a sum per group, so aggregating the parts and merging them gives the same
        lines as aggregating every proposal at once, in any order of parts.
        """
        counts = other.counts() if isinstance(other, QuotaAggregator) else other
        for group, (htxs, htt) in counts.items():
            mine = self._counts.get(group)
            if mine is None:
                self._counts[group] = [htxs, htt]
            else:
                mine[0] += htxs
                mine[1] += htt

    def lines(self) -> list[QuotaLine]:
        """Every group, sorted by name, with ``over_by = max(0, htxs − max_htxs)``."""
        return [self._line(group, c[0], c[1]) for group, c in sorted(self._counts.items())]

    def _line(self, group: str, htxs: int, htt: int) -> QuotaLine:
        if self._pct is None:
            return QuotaLine(group, htxs, htt, None, 0)
        limit = max_htxs(htt, self._pct, self._rounding)
        return QuotaLine(group, htxs, htt, limit, max(0, htxs - limit))
