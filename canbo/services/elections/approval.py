"""The higher committee's approval (chuẩn y) of a congress's results, and the registry update.

Results stay PROVISIONAL until the competent committee records its approval: approving unit,
decision number and date (EL-02, EL-29). Only approved results change the registry: the new
committee's term (``records.add_term``) and each elected person's post (``records.add_record``
with a position record, filled "elected"), through the registry's own use cases.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from canbo.core.elections.model import CongressKind, ElectionKind, ElectionStatus
from canbo.core.errors import Citation, Conflict, ValidationError
from canbo.core.records import PositionData, TermData
from canbo.core.types import Interval, PersonId
from canbo.services.elections import rules
from canbo.services.elections.guard import require_approver, require_congress
from canbo.services.elections.ports import (
    ApprovalData,
    CongressId,
    CongressInfo,
    ElectionData,
    ElectionId,
    ElectionsUnitOfWork,
)
from canbo.services.ports import Actor

APPROVAL = Citation("QĐ 190-QĐ/TW", rule_id="EL-29")

TITLES: dict[str, tuple[str, str]] = {
    "BT_CU": ("Bí thư", "grassroots"),
    "PBT_CU": ("Phó Bí thư", "grassroots"),
    "UV_BCH": ("Ủy viên Ban Chấp hành", "grassroots"),
    "UV_BTV": ("Ủy viên Ban Thường vụ", "grassroots"),
    "UV_UBKT": ("Ủy viên Ủy ban Kiểm tra", "grassroots"),
    "CN_UBKT": ("Chủ nhiệm Ủy ban Kiểm tra", "grassroots"),
    "CUV": ("Chi ủy viên", "grassroots"),
    "BT_CB": ("Bí thư chi bộ", "grassroots"),
    "PBT_CB": ("Phó Bí thư chi bộ", "grassroots"),
}
"""Titles the approved results write (code: name, level); created when missing."""

POSTS: dict[ElectionKind, str] = {
    ElectionKind.COMMITTEE: "UV_BCH",
    ElectionKind.CELL_COMMITTEE: "CUV",
    ElectionKind.STANDING_COMMITTEE: "UV_BTV",
    ElectionKind.SECRETARY: "BT_CU",
    ElectionKind.DEPUTY_SECRETARY: "PBT_CU",
    ElectionKind.INSPECTION_COMMISSION: "UV_UBKT",
    ElectionKind.INSPECTION_CHAIR: "CN_UBKT",
}
"""The post each election fills; delegates to the higher congress hold no post."""

CELL_POSTS = {ElectionKind.SECRETARY: "BT_CB", ElectionKind.DEPUTY_SECRETARY: "PBT_CB"}
TERM_KINDS = frozenset(
    {ElectionKind.COMMITTEE, ElectionKind.CELL_COMMITTEE, ElectionKind.SECRETARY}
)


def title_for(kind: ElectionKind, congress_kind: CongressKind) -> str | None:
    if congress_kind == CongressKind.CELL and kind in CELL_POSTS:
        return CELL_POSTS[kind]
    return POSTS.get(kind)


def term_end(info: CongressInfo) -> dt.date:
    """The term's end from its label ("2025–2030": five years from the opening)."""
    years = [int(y) for y in re.findall(r"\d{4}", info.term_label)]
    span = years[1] - years[0] if len(years) == 2 and years[1] > years[0] else 5
    try:
        return info.opens_on.replace(year=info.opens_on.year + span)
    except ValueError:  # 29 February
        return info.opens_on.replace(year=info.opens_on.year + span, day=28)


def approve(
    uow: ElectionsUnitOfWork,
    actor: Actor,
    congress_id: CongressId,
    *,
    decision_number: str,
    decided_on: dt.date,
    today: dt.date,
) -> list[ElectionId]:
    """Record the higher committee's approval of every PROVISIONAL election of the congress,
    then write the new posts and the term to the registry. All or nothing."""
    number = decision_number.strip()
    if not number or len(number) > 64:
        raise ValidationError("election_decision_number_required", field="decision_number")
    if decided_on > today:
        raise ValidationError("date_in_future", field="decided_on")
    with uow:
        info = require_congress(uow, actor, congress_id)
        require_approver(uow, actor, info)
        found = uow.elections.of_congress(congress_id)
        pending = [e for e in found if e.status == ElectionStatus.PROVISIONAL]
        term_recorded = any(
            e.status == ElectionStatus.APPROVED and e.kind in TERM_KINDS for e in found
        )
        if not pending:
            raise Conflict("election_nothing_to_approve", congress_id=congress_id)
        if decided_on < info.opens_on:
            raise ValidationError("dates_out_of_order", field="decided_on")
        approved: list[ElectionId] = []
        for election in pending:
            _approve_one(uow, actor, info, election, number, decided_on, today)
            approved.append(election.election_id)  # type: ignore[arg-type]
        new_body = any(e.kind in TERM_KINDS for e in pending) and not term_recorded
        if new_body and info.kind != CongressKind.CONFERENCE:
            term = TermData(info.unit_id, info.term_label or "-", info.opens_on, term_end(info))
            uow.registry.add_term(actor, term, today)
        uow.audit.append(
            actor,
            "election.approved",
            "congress",
            str(congress_id),
            None,
            {"elections": approved, "decision_number": number},
            {"decided_on": decided_on.isoformat(), "approving_unit": info.parent_unit_id},
        )
        uow.commit()
    return approved


def _approve_one(
    uow: ElectionsUnitOfWork,
    actor: Actor,
    info: CongressInfo,
    election: ElectionData,
    number: str,
    decided_on: dt.date,
    today: dt.date,
) -> None:
    assert election.election_id is not None and info.parent_unit_id is not None  # noqa: S101
    uow.elections.add_approval(
        ApprovalData(election.election_id, info.parent_unit_id, number, decided_on, actor.label)
    )
    uow.elections.update(dataclasses.replace(election, status=ElectionStatus.APPROVED))
    code = title_for(election.kind, info.kind)
    if code is None:
        return
    name, level = TITLES[code]
    uow.registry.ensure_title(code, name, level)
    ends = term_end(info)
    for person_id in rules.elected_ids(uow, election.election_id):
        post = PositionData(
            title_code=code,
            unit_id=info.unit_id,
            how="elected",
            valid=Interval(decided_on, None),
            decision_ref=number,
            term_ends=ends,
        )
        uow.registry.add_position(actor, PersonId(person_id), post, today)
