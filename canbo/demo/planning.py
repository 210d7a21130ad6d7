"""Cadre planning in the demo province and its demo commune, done through the planning services
as the province's organization commission would: group IV grades for the commune's own posts
(AP-20), plans for the 2025–2030 (Party) and 2026–2031 (State) terms with at most three people
per post (PL-03), a QĐ 96 confidence vote whose band B result reaches one planned person (cast,
counted, signed and published through the voting engine), and the year's review applied: the
band B removal (PL-10, mandatory) and the removals the review proposes, each by a decision.

Every date is counted back from the demo's today, so a demo built on another day holds the same
story. Nothing is built before the 2025 round of congresses (the commune's committee is then in
the registry).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

from django.db.models import Q

from canbo.core.errors import DomainError
from canbo.core.types import PersonId, Role, UnitId
from canbo.planning.uow import DjangoPlanningUnitOfWork
from canbo.registry.models import PositionHolding, Title, UnitVersion
from canbo.services.planning import catalogue, plans, review
from canbo.services.planning.ports import EntryId, PlanId, PlanningUnitOfWork
from canbo.services.ports import Actor, Grant
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as vote_svc
from canbo.voting.uow import DjangoVotingUnitOfWork as VotingUoW

from . import activity

READY_BY = dt.date(2025, 10, 1)
PARTY_TERM = ("2025–2030", dt.date(2025, 10, 1), dt.date(2030, 9, 30))
STATE_TERM = ("2026–2031", dt.date(2026, 7, 1), dt.date(2031, 6, 30))
PLANNED_DAYS_AGO = 150
BAND_B_DAYS_AGO = 45
REVIEW_DAYS_AGO = 20

COMMUNE_POSTS: tuple[tuple[str, str, int, int], ...] = (
    ("CVP_DU", "Chánh Văn phòng Đảng ủy xã, phường", 3, 35),
    ("TB_XDD", "Trưởng Ban Xây dựng Đảng Đảng ủy xã, phường", 3, 35),
)
"""Posts of a commune's Party committee that the default catalogue lacks: (code, name, tier,
grade). The province enters their grades (AP-20, group IV); the commune manages them."""


@dataclass
class Planning:
    """Ids of what was planned, for the appointment demo, the tests and the summary."""

    commune: UnitId
    province: UnitId
    plans: dict[str, PlanId] = field(default_factory=dict)
    planned: dict[str, list[PersonId]] = field(default_factory=dict)
    band_b: PersonId | None = None
    removed: int = 0
    head_unit: UnitId | None = None


def PlanningUoW() -> PlanningUnitOfWork:
    return cast(PlanningUnitOfWork, DjangoPlanningUnitOfWork())


def _version(unit: int, day: dt.date) -> UnitVersion | None:
    return UnitVersion.objects.filter(unit_id=unit, valid_from__lte=day, valid_to__gte=day).first()


def _titles() -> dict[str, int]:
    """The commune posts' titles (reference data, like the demo's catalogue)."""
    out = {}
    for code, name, _tier, _grade in COMMUNE_POSTS:
        row, _ = Title.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "level": "commune",
                "managing_authority": "Ban Thường vụ Đảng ủy xã, phường",
                "is_leadership": True,
                "rank": 68,
            },
        )
        out[code] = row.pk
    for code in ("BT_DUX", "THU_TRUONG", "PCT_UBND_T"):
        out[code] = Title.objects.get(code=code).pk
    return out


def _holders(unit: int, codes: Sequence[str], day: dt.date) -> list[PersonId]:
    rows = PositionHolding.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        unit_id=unit,
        title__code__in=codes,
        valid_from__lte=day,
    ).order_by("person__birth_date", "pk")
    return [PersonId(p) for p in dict.fromkeys(rows.values_list("person_id", flat=True))]


def head_unit(province: int, day: dt.date) -> tuple[UnitId, list[PersonId]] | None:
    """A unit of the province whose head (THU_TRUONG) heads departments (TP) in its cells:
    the department heads are the pool planned for the head's post."""
    heads = PositionHolding.objects.filter(
        title__code="THU_TRUONG", valid_from__lte=day, valid_to__gte=day
    ).order_by("unit_id")
    for unit in heads.values_list("unit_id", flat=True):
        version = _version(unit, day)
        parent = version.parent_id if version else None
        grand = _version(parent, day) if parent else None
        if parent is None or (
            parent != province and (grand is None or grand.parent_id != province)
        ):
            continue
        cells = UnitVersion.objects.filter(parent_id=unit, valid_from__lte=day, valid_to__gte=day)
        pool: list[PersonId] = []
        for cell in cells.order_by("unit_id").values_list("unit_id", flat=True):
            pool += _holders(cell, ["TP"], day)
        if len(pool) >= 3:
            return UnitId(unit), pool
    return None


def _plan(
    staff: Actor, planning: Planning, key: str, title: int, unit: UnitId,
    term: tuple[str, dt.date, dt.date], on: dt.date, number: str,
) -> PlanId:  # fmt: skip
    label, start, end = term
    pid = plans.create_plan(
        PlanningUoW(), staff, title_id=title, unit_id=unit, term_label=label,
        term_start=start, term_end=end, approved_on=on, approved_by_ref=number,
    )  # fmt: skip
    planning.plans[key] = pid
    planning.planned[key] = []
    return pid


def _add(
    staff: Actor, planning: Planning, key: str, people: Sequence[PersonId], on: dt.date,
    number: str, want: int = 3,
) -> None:  # fmt: skip
    """Add the first ``want`` eligible people (the services refuse the others, naming the
    rule: those are simply not proposed)."""
    pid = planning.plans[key]
    for person in people:
        if len(planning.planned[key]) >= want:
            return
        if any(person in v for v in planning.planned.values()):
            continue
        try:
            plans.add_to_plan(PlanningUoW(), staff, pid, person, on=on, decision=number)
        except DomainError:
            continue
        planning.planned[key].append(person)


def _band_b_vote(
    commune: UnitId, subject: PersonId, others: Sequence[PersonId], day: dt.date
) -> None:
    """A QĐ 96 confidence vote in the commune's committee where more than half mark the
    subject low (band B) and the others mostly high: cast, counted, signed, published."""
    staff = Actor(None, "demo", (Grant(Role.ORG_STAFF, commune),))
    counters = activity._counters(commune, day)
    people = [subject, *[p for p in others if p != subject]]
    title = "Hội nghị Ban Chấp hành Đảng bộ lấy phiếu tín nhiệm (bổ sung)"
    cid, _ = activity._conference(staff, commune, day, title, people)
    sid = activity._session(staff, cid, day, [subject], counters)
    codes, shares = activity._vote(staff, cid, sid, people, counters, len(people))
    for i, code in enumerate(codes):
        mark = "low" if i % 5 < 3 else ("mid" if i % 5 == 3 else "high")
        vote_svc.cast_ballot(VotingUoW(), sid, code, {int(subject): mark})
    vote_svc.close_vote(VotingUoW(), staff, sid)
    count_svc.count(VotingUoW(), counters[0], sid, shares)
    for counter in counters:
        count_svc.sign(VotingUoW(), counter, sid)
    count_svc.publish(VotingUoW(), counters[0], sid)


def build_planning(cell: int, today: dt.date) -> Planning | None:
    """Plans of the demo commune and province, the band B vote and the year's review applied;
    None when the demo's today is before the 2025 round or the commune is too small."""
    if today < READY_BY + dt.timedelta(days=PLANNED_DAYS_AGO):
        return None
    on = today - dt.timedelta(days=PLANNED_DAYS_AGO)
    cell_version = _version(cell, today)
    commune_id = cell_version.parent_id if cell_version else None
    commune_version = _version(commune_id, today) if commune_id else None
    if commune_id is None or commune_version is None or commune_version.parent_id is None:
        return None
    commune, province = UnitId(commune_id), UnitId(commune_version.parent_id)
    committee = _holders(commune, ["UV_BCH", "BT_CU"], on)
    if len(committee) < 6:
        return None
    admin = Actor(None, "demo", (Grant(Role.ADMIN, None),))
    staff = Actor(None, "demo.tinh", (Grant(Role.ORG_STAFF, province),))
    titles = _titles()
    for code, _name, tier, grade in COMMUNE_POSTS:
        catalogue.add_group_iv_grade(
            PlanningUoW(), admin, title_code=code, tier=tier, grade=grade,
            valid_from=on - dt.timedelta(days=10), managing_unit_id=province,
        )  # fmt: skip
    planning = Planning(commune, province)
    youngest = sorted(committee, key=lambda p: committee.index(p), reverse=True)
    _plan(staff, planning, "CVP_DU", titles["CVP_DU"], commune, PARTY_TERM, on, "215-QĐ/TU")
    _plan(staff, planning, "TB_XDD", titles["TB_XDD"], commune, PARTY_TERM, on, "215-QĐ/TU")
    _plan(staff, planning, "BT_DUX", titles["BT_DUX"], commune, PARTY_TERM, on, "215-QĐ/TU")
    _add(staff, planning, "CVP_DU", youngest, on, "215-QĐ/TU")
    _add(staff, planning, "TB_XDD", youngest, on, "215-QĐ/TU")
    _add(staff, planning, "BT_DUX", youngest, on, "215-QĐ/TU", want=2)
    found = head_unit(province, on)
    if found is not None:
        unit, pool = found
        planning.head_unit = unit
        _plan(
            staff, planning, "THU_TRUONG", titles["THU_TRUONG"], unit, STATE_TERM, on, "216-QĐ/TU"
        )
        _add(staff, planning, "THU_TRUONG", pool, on, "216-QĐ/TU")
    heads = _holders(province, ["PBT_TU"], on) + [
        PersonId(p)
        for p in PositionHolding.objects.filter(
            title__code="GD_SO", valid_from__lte=on, valid_to__gte=on
        ).values_list("person_id", flat=True)
    ]
    _plan(
        staff, planning, "PCT_UBND_T", titles["PCT_UBND_T"], province, STATE_TERM, on, "217-QĐ/TU"
    )
    _add(staff, planning, "PCT_UBND_T", heads, on, "217-QĐ/TU", want=2)
    if planning.planned["BT_DUX"]:
        subject = planning.planned["BT_DUX"][0]
        voters = [p for p in committee if p != subject]
        _band_b_vote(commune, subject, voters, today - dt.timedelta(days=BAND_B_DAYS_AGO))
        planning.band_b = subject
    return planning


def apply_yearly_review(planning: Planning, today: dt.date) -> int:
    """The year's review of the commune's plans on its day: the removals it proposes (the band
    B one is mandatory, PL-10) each by a decision of the province's standing committee."""
    on = today - dt.timedelta(days=REVIEW_DAYS_AGO)
    staff = Actor(None, "demo.tinh", (Grant(Role.ORG_STAFF, planning.province),))
    found = review.yearly_review(PlanningUoW(), staff, planning.commune, on.year, on, suggest=False)
    removals: dict[EntryId, str] = {r.entry_id: "402-QĐ/TU" for r in found.removals}
    if removals:
        removed, _added = review.apply_review(
            PlanningUoW(), staff, planning.commune, on.year, on, removals=removals
        )
        planning.removed = removed
    return planning.removed
