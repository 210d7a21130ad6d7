"""Relatives and close acquaintances in a cadre process (QĐ 114-QĐ/TW; handbook PC-10, PC-11,
PC-21).

:func:`conflicts` lists every participant related to a candidate, read in both directions of
the declared relationship. A family relationship whose kind is in ``pc_recuse_set`` (the family
members of the Law on Marriage and Family 2014, Art. 3) requires recusal; a close acquaintance
follows ``pc_acquaintance_policy``. A voter in a secret ballot cannot be checked per ballot, so
``pc_related_voter_policy`` decides: asked to recuse before ballots are issued (default),
recorded only, or left off the voter list. :func:`unresolved` keeps the conflicts that still
need a recorded recusal or override; :func:`hard_block` is the Law on Anti-Corruption 2018,
Art. 20 rule (PC-11): a head may not place a spouse, parent, child or sibling in the unit's
personnel, accounting, cashier, storekeeper or procurement posts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from canbo.core.appointments.model import Check, Severity
from canbo.core.errors import Citation
from canbo.core.power.model import (
    Conflict,
    ConflictAction,
    Participant,
    Relationship,
    RelationshipClass,
    Role,
)
from canbo.core.rulebook import Rulebook

ANTI_CORRUPTION_2018 = "Luật Phòng, chống tham nhũng 2018"
RECUSED = "recused"
OVERRIDDEN = "overridden:"
_STRENGTH = {ConflictAction.RECORD: 0, ConflictAction.ASK_RECUSAL: 1, ConflictAction.RECUSE: 2}
_VOTER_ACTION = {
    "ask_recusal_before_issue": ConflictAction.ASK_RECUSAL,
    "record_only": ConflictAction.RECORD,
    "exclude_from_voter_list": ConflictAction.RECUSE,
}
_MESSAGES = {
    ConflictAction.RECUSE: (
        "Người tham gia có quan hệ với người được xem xét: phải tránh, không được thực hiện"
        " phần việc của mình ở bước này.",
        "The participant is related to the person considered and must recuse from this step.",
    ),
    ConflictAction.ASK_RECUSAL: (
        "Người bỏ phiếu có quan hệ với người được xem xét: đề nghị tránh trước khi phát phiếu"
        " (không kiểm tra theo từng phiếu).",
        "The voter is related to the person considered and is asked to recuse before ballots "
        "are issued (never checked per ballot).",
    ),
    ConflictAction.RECORD: (
        "Người tham gia có quan hệ với người được xem xét: được ghi nhận để kiểm tra, giám sát.",
        "The participant is related to the person considered: recorded for inspection.",
    ),
}


def _action(rel: Relationship, role: Role, rulebook: Rulebook) -> ConflictAction:
    """What one relationship requires of one participant (PC-10, PC-21)."""
    if rel.cls is RelationshipClass.CLOSE_ACQUAINTANCE:
        like_family = rulebook.param_str("pc_acquaintance_policy") == "recuse_like_family"
    else:
        recuse_set = rulebook.param("pc_recuse_set")
        like_family = isinstance(recuse_set, tuple) and rel.relation in recuse_set
    if not like_family:
        return ConflictAction.RECORD
    if role is Role.VOTER:
        return _VOTER_ACTION[rulebook.param_str("pc_related_voter_policy")]
    return ConflictAction.RECUSE


def _conflict(
    p: Participant, candidate: str, rel: Relationship, action: ConflictAction, rulebook: Rulebook
) -> Conflict:
    rule = "PC-21" if rel.cls is RelationshipClass.CLOSE_ACQUAINTANCE else "PC-10"
    vi, en = _MESSAGES[action]
    return Conflict(
        p, candidate, rel, action, rule, Citation(rulebook.document, rule_id=rule), vi, en
    )


def conflicts(
    candidates: Sequence[str],
    participants: Sequence[Participant],
    relationships: Sequence[Relationship],
    rulebook: Rulebook,
) -> tuple[Conflict, ...]:
    """Every participant related to a candidate, one conflict per participation and candidate
    with the strongest action its relationships require (PC-10, PC-11, PC-21). A relationship
    is read in both directions; a participant who is the candidate is not in conflict."""
    by_pair: dict[frozenset[str], list[Relationship]] = {}
    for rel in relationships:
        if rel.person_id != rel.other_id:
            by_pair.setdefault(frozenset((rel.person_id, rel.other_id)), []).append(rel)
    found: list[Conflict] = []
    for participant in participants:
        for candidate in dict.fromkeys(candidates):
            rels = by_pair.get(frozenset((participant.person_id, candidate)), [])
            if not rels or participant.person_id == candidate:
                continue
            best = max(rels, key=lambda r: _STRENGTH[_action(r, participant.role, rulebook)])
            action = _action(best, participant.role, rulebook)
            found.append(_conflict(participant, candidate, best, action, rulebook))
    return tuple(found)


def is_resolution(value: str) -> bool:
    """``recused``, or ``overridden:<reason>`` with a reason (PC-10, PC-12)."""
    return value == RECUSED or (
        value.startswith(OVERRIDDEN) and bool(value[len(OVERRIDDEN) :].strip())
    )


def unresolved(
    found: Sequence[Conflict], resolved: Mapping[tuple[str, str, str], str]
) -> tuple[Conflict, ...]:
    """The conflicts that still need a recusal or an override with its reason before the step
    can go on (PC-10). ``resolved`` is keyed ``(person_id, role, step)``; a resolution recorded
    with step ``""`` covers every step of the process. Recorded-only conflicts never block."""
    left = []
    for conflict in found:
        if not conflict.blocking:
            continue
        person, role, step = conflict.participant.key
        values = (resolved.get((person, role, step), ""), resolved.get((person, role, ""), ""))
        if not any(is_resolution(v) for v in values):
            left.append(conflict)
    return tuple(left)


def hard_block(
    head_id: str,
    appointee_id: str,
    post_kind: str,
    relationships: Sequence[Relationship],
    rulebook: Rulebook,
) -> Check | None:
    """The Art. 20 check (PC-11): ``None`` when ``post_kind`` is not one of
    ``pc_hard_block_posts``; else a blocking check that fails when the head and the appointee
    have a declared family relationship of a kind in ``pc_hard_block_set``."""
    posts = rulebook.param("pc_hard_block_posts")
    if not isinstance(posts, tuple) or post_kind not in posts:
        return None
    kinds = rulebook.param("pc_hard_block_set")
    related = any(
        r.cls is RelationshipClass.FAMILY
        and isinstance(kinds, tuple)
        and r.relation in kinds
        and r.links(head_id, appointee_id)
        for r in relationships
    )
    citation = Citation(ANTI_CORRUPTION_2018, rule_id="PC-11")
    if related:
        return Check(
            "hard_block_relative",
            "PC-11",
            False,
            citation,
            "Người đứng đầu không được bố trí vợ, chồng, cha, mẹ, con, anh, chị, em ruột giữ"
            " vị trí tổ chức nhân sự, kế toán, thủ quỹ, thủ kho, mua sắm của đơn vị.",
            "A head may not place a spouse, parent, child or sibling in the unit's personnel, "
            "accounting, cashier, storekeeper or procurement posts.",
            Severity.BLOCK,
        )
    return Check(
        "hard_block_relative",
        "PC-11",
        True,
        citation,
        "Người được bổ nhiệm không phải người thân thuộc diện cấm của người đứng đầu.",
        "The appointee is not a relative the head may not place in this post.",
        Severity.BLOCK,
    )
