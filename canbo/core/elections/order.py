"""The order of the elections at a congress and the body each is elected from (EL-26, EL-27,
EL-37).

At a members' or delegates' congress the congress elects the Party committee; at the new
committee's first conference the committee elects its standing committee, then the secretary
and the deputy secretaries from among the standing committee's members (from the committee's
where it has no standing committee), the inspection commission, and the commission's chair from
among its members. Delegates to the higher congress are elected by the congress on one list
(EL-36) and depend on no other election. At a cell congress the cell elects its committee
first where it has one (9 or more official members, EL-37), then the secretary and the deputy
from among the committee's members (EL-26); a smaller cell elects its secretary (and at most
one deputy) among all its members. A conference of an existing body (supplementary elections,
EL-27) elects from that body with no election before it in canbo. Pure: no Django, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable

from canbo.core.elections.model import CongressKind, Decision, ElectionKind
from canbo.core.errors import Citation

K = ElectionKind

ELECTION_ORDER: tuple[ElectionKind, ...] = (
    K.COMMITTEE,
    K.CELL_COMMITTEE,
    K.STANDING_COMMITTEE,
    K.SECRETARY,
    K.DEPUTY_SECRETARY,
    K.INSPECTION_COMMISSION,
    K.INSPECTION_CHAIR,
    K.DELEGATES,
)
"""Every election kind in the order a congress holds them (for lists and ballots)."""

ALLOWED: dict[CongressKind, frozenset[ElectionKind]] = {
    CongressKind.CELL: frozenset({K.CELL_COMMITTEE, K.SECRETARY, K.DEPUTY_SECRETARY, K.DELEGATES}),
    CongressKind.MEMBERS: frozenset(set(ELECTION_ORDER) - {K.CELL_COMMITTEE}),
    CongressKind.DELEGATES: frozenset(set(ELECTION_ORDER) - {K.CELL_COMMITTEE}),
    CongressKind.CONFERENCE: frozenset(
        {
            K.STANDING_COMMITTEE,
            K.SECRETARY,
            K.DEPUTY_SECRETARY,
            K.INSPECTION_COMMISSION,
            K.INSPECTION_CHAIR,
        }
    ),
}
"""The elections each kind of congress holds (EL-01, EL-26, EL-37)."""


def _rule(congress_kind: CongressKind) -> str:
    return "EL-26" if congress_kind == CongressKind.CELL else "EL-27"


def eligible_pool(
    kind: ElectionKind,
    congress_kind: CongressKind = CongressKind.MEMBERS,
    *,
    has_standing_committee: bool = True,
    cell_has_committee: bool = True,
) -> ElectionKind | None:
    """The elected body whose members alone may stand in election ``kind``, or ``None`` when the
    candidates are not limited to an elected body of this congress.

    Standing committee ← committee; secretary and deputies ← standing committee (committee
    where there is none); inspection chair ← inspection commission; at a cell congress the
    secretary and deputy ← the cell committee where the cell elects one (EL-26, EL-37). At a
    conference (CONFERENCE) the pool is the existing body, outside this congress: ``None``.
    """
    if congress_kind == CongressKind.CONFERENCE:
        return None
    if congress_kind == CongressKind.CELL:
        if kind in (K.SECRETARY, K.DEPUTY_SECRETARY) and cell_has_committee:
            return K.CELL_COMMITTEE
        return None
    if kind == K.STANDING_COMMITTEE:
        return K.COMMITTEE
    if kind in (K.SECRETARY, K.DEPUTY_SECRETARY):
        return K.STANDING_COMMITTEE if has_standing_committee else K.COMMITTEE
    if kind == K.INSPECTION_CHAIR:
        return K.INSPECTION_COMMISSION
    return None


def prerequisites(
    kind: ElectionKind,
    congress_kind: CongressKind,
    *,
    has_standing_committee: bool = True,
    cell_has_committee: bool = True,
) -> tuple[ElectionKind, ...]:
    """The elections that must be finished before ``kind`` may start at this congress, in
    :data:`ELECTION_ORDER` (EL-26, EL-27, EL-37): the pool of :func:`eligible_pool` and the
    elections the pool itself needs; deputies come after the secretary."""
    needed: set[ElectionKind] = set()
    pool = eligible_pool(
        kind,
        congress_kind,
        has_standing_committee=has_standing_committee,
        cell_has_committee=cell_has_committee,
    )
    while pool is not None:
        needed.add(pool)
        pool = eligible_pool(
            pool,
            congress_kind,
            has_standing_committee=has_standing_committee,
            cell_has_committee=cell_has_committee,
        )
    elected_by_committee = (K.INSPECTION_COMMISSION, K.INSPECTION_CHAIR)
    if kind in elected_by_committee and congress_kind in (
        CongressKind.MEMBERS,
        CongressKind.DELEGATES,
    ):
        needed.add(K.COMMITTEE)  # elected at the new committee's first conference
    if kind == K.DEPUTY_SECRETARY:
        needed.add(K.SECRETARY)
    return tuple(k for k in ELECTION_ORDER if k in needed)


def may_start(
    kind: ElectionKind,
    done: frozenset[ElectionKind],
    congress_kind: CongressKind,
    cell_has_committee: bool,
    *,
    has_standing_committee: bool = True,
    document: str = "QĐ 190-QĐ/TW",
) -> Decision:
    """Whether election ``kind`` may start, given the elections already ``done`` (finished with
    their result) at this congress (EL-26, EL-27, EL-37).

    Refusals: ``election_not_for_congress_kind`` (e.g. a standing committee at a cell
    congress), ``cell_committee_not_elected`` (a cell under 9 official members elects no
    committee, EL-37), ``election_out_of_order`` (``fields["missing"]`` lists the elections
    still to hold, in order).
    """
    rule_id = "EL-37" if kind == K.CELL_COMMITTEE else _rule(congress_kind)
    citation = Citation(document, rule_id=rule_id)
    fields: dict[str, object] = {"kind": str(kind), "congress_kind": str(congress_kind)}
    if kind not in ALLOWED[congress_kind]:
        return Decision(False, "election_not_for_congress_kind", citation, fields)
    if kind == K.CELL_COMMITTEE and not cell_has_committee:
        return Decision(False, "cell_committee_not_elected", citation, fields)
    missing = [
        k
        for k in prerequisites(
            kind,
            congress_kind,
            has_standing_committee=has_standing_committee,
            cell_has_committee=cell_has_committee,
        )
        if k not in done
    ]
    if missing:
        fields["missing"] = [str(k) for k in missing]
        return Decision(False, "election_out_of_order", citation, fields)
    return Decision(True, "ok", citation, fields)


def pool_check(
    kind: ElectionKind,
    candidate_ids: Iterable[int],
    pool_ids: Iterable[int] | None,
    congress_kind: CongressKind = CongressKind.MEMBERS,
    *,
    document: str = "QĐ 190-QĐ/TW",
) -> Decision:
    """Every candidate of ``kind`` is a member of its elected pool (``pool_ids``: the people
    elected in :func:`eligible_pool`'s election; ``None`` when unrestricted). Refusal
    ``candidate_not_in_elected_body`` with the ids outside (EL-26, EL-27)."""
    citation = Citation(document, rule_id=_rule(congress_kind))
    if pool_ids is None:
        return Decision(True, "ok", citation, {})
    outside = sorted(set(candidate_ids) - set(pool_ids))
    if outside:
        return Decision(False, "candidate_not_in_elected_body", citation, {"person_ids": outside})
    return Decision(True, "ok", citation, {})
