"""A small commune with two cells for the classification cycle tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from canbo.classification.store import DjangoClassificationUnitOfWork
from canbo.core.classification.model import Level
from canbo.core.types import AccountId, LeaveKind, PersonId, Role, UnitId, UnitKind
from canbo.registry import models as reg
from canbo.services.classification import cycle as cycle_svc
from canbo.services.classification import steps
from canbo.services.classification.ports import CycleId, SubjectPk
from canbo.services.ports import Actor, Grant
from tests import factories as f

AS_OF = dt.date(2025, 12, 31)
NOW = dt.datetime(2025, 12, 20, 8, 0, tzinfo=dt.UTC)
GOOD = {
    "score_general": "28",
    "score_results": "65",
    "tasks_total": "10",
    "tasks_on_time": "10",
    "tasks_exceeded": "4",
    "tasks_late": "0",
}
FAIR = {**GOOD, "score_general": "25", "score_results": "55", "tasks_exceeded": "1"}


@dataclass(frozen=True)
class Commune:
    province: UnitId
    commune: UnitId
    cell_a: UnitId
    cell_b: UnitId
    secretary: PersonId
    members_a: tuple[PersonId, ...]
    member_b: PersonId
    newcomer: PersonId
    excused: PersonId
    disciplined: PersonId


def actor(label: str, role: Role, root: UnitId | None, account: int = 1) -> Actor:
    return Actor(AccountId(account), label, (Grant(role, root),))


def commune() -> Commune:
    central = f.unit("Ban Chấp hành Trung ương", UnitKind.CENTRAL_COMMITTEE)
    province = f.unit("Đảng bộ tỉnh Lào Cai", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central)
    com = f.unit("Đảng bộ xã Bát Xát", UnitKind.COMMUNE_PARTY_COMMITTEE, province)
    cell_a = f.unit("Chi bộ thôn Trung Chải", UnitKind.CELL, com)
    cell_b = f.unit("Chi bộ thôn Phìn Ngan", UnitKind.CELL, com)
    secretary = f.person("Vàng Seo Chử", cell_a)
    members = tuple(
        f.person(name, cell_a)
        for name in ("Lý Thị Mai", "Giàng A Páo", "Hoàng Văn Dũng", "Sần Thị Hoa", "Tẩn Văn Lả")
    )
    member_b = f.person("Lù Văn Sáng", cell_b)
    newcomer = f.person("Phàn Thị Dung", cell_b, since=dt.date(2025, 9, 1))
    reg.Person.objects.filter(pk=newcomer).update(party_admission_date=dt.date(2025, 9, 1))
    excused = f.person("Chảo Văn Lở", cell_b)
    reg.LeavePeriod.objects.create(
        person_id=excused, kind=LeaveKind.EXCUSED_FROM_PARTY_WORK,
        starts=dt.date(2025, 1, 1), ends=dt.date(2026, 12, 31),
    )  # fmt: skip
    disciplined = f.person("Ma Văn Khoa", cell_b)
    reg.DisciplineRecord.objects.create(
        person_id=disciplined, form="khien_trach", decision_date=dt.date(2025, 6, 3),
        authority="Ủy ban Kiểm tra Đảng ủy xã",
    )  # fmt: skip
    title = reg.Title.objects.create(code="BT", name="Bí thư chi bộ", level="grassroots", rank=1)
    reg.PositionHolding.objects.create(
        person_id=secretary, title=title, unit_id=cell_a, how="elected",
        valid_from=dt.date(2020, 9, 1),
    )  # fmt: skip
    return Commune(
        province, com, cell_a, cell_b, secretary, members, member_b, newcomer, excused, disciplined
    )


def open_cycle(c: Commune) -> CycleId:
    staff = actor("ban-to-chuc-tinh", Role.ORG_STAFF, c.province)
    return cycle_svc.open_cycle(
        DjangoClassificationUnitOfWork(), staff, 2025, c.province, AS_OF, "Xếp loại 2025", now=NOW
    )


def subject_of(
    cycle_id: CycleId, *, person: int | None = None, unit: int | None = None
) -> SubjectPk:
    from canbo.classification.models import CycleSubject

    qs = CycleSubject.objects.filter(cycle_id=cycle_id)
    if person is not None:
        return SubjectPk(qs.get(person_id=person).pk)
    return SubjectPk(qs.get(unit_id=unit, kind="collective").pk)


def through_appraisal(
    cycle_id: CycleId, pk: SubjectPk, c: Commune, values: dict[str, str], level: object = None
) -> None:
    """Self-assessment, comment and appraisal by the people whose role each step is."""
    from canbo.classification.models import CycleSubject

    uow = DjangoClassificationUnitOfWork
    row = CycleSubject.objects.get(pk=pk)
    unit = UnitId(row.unit_id)
    sec = actor("bi-thu", Role.CELL_SECRETARY if unit != c.province else Role.ORG_STAFF, unit, 2)
    staff = actor("ban-to-chuc", Role.ORG_STAFF, UnitId(row.decider_id), 3)
    proposal = steps.submit_self_assessment(uow(), sec, pk, values, "Minh chứng", NOW)
    steps.comment(uow(), sec, pk, "Chi bộ nhất trí.", NOW)
    chosen = level if level is not None else proposal.level
    steps.appraise(uow(), staff, pk, chosen, "" if chosen == proposal.level else "Thẩm định", NOW)  # type: ignore[arg-type]


def decide(cycle_id: CycleId, pk: SubjectPk, c: Commune, values: dict[str, str]) -> None:
    """Appraise at the proposal and decide it, by the competent level of the subject."""
    from canbo.classification.models import CycleSubject

    through_appraisal(cycle_id, pk, c, values)
    row = CycleSubject.objects.get(pk=pk)
    sc = actor("thuong-truc", Role.STANDING_COMMITTEE, UnitId(row.decider_id), 4)
    steps.decide(DjangoClassificationUnitOfWork(), sc, pk, Level(row.appraised_level), "", NOW)


def decide_everyone(cycle_id: CycleId, c: Commune) -> None:
    """Cells, then members (two HTXS, four HTT, one KHT), the head, the commune, the province."""
    for unit in (c.cell_a, c.cell_b):
        decide(cycle_id, subject_of(cycle_id, unit=unit), c, FAIR)
    for i, person in enumerate((*c.members_a, c.member_b, c.disciplined)):
        decide(cycle_id, subject_of(cycle_id, person=person), c, GOOD if i < 2 else FAIR)
    head = {**GOOD, "led_units_tasks_pct": "100", "led_units_exceeded_pct": "40"}
    decide(cycle_id, subject_of(cycle_id, person=c.secretary), c, head)
    decide(cycle_id, subject_of(cycle_id, unit=c.commune), c, FAIR)
    decide(cycle_id, subject_of(cycle_id, unit=c.province), c, FAIR)


def users(c: Commune) -> dict[str, object]:
    """Accounts with role grants for a cycle over the commune (pages and API)."""
    from django.contrib.auth import get_user_model

    from canbo.accounts.models import RoleGrant

    grants = {
        "btc-tinh": ("org_staff", c.province),
        "bi-thu": ("cell_secretary", c.commune),
        "tt-xa": ("standing_committee", c.commune),
        "tt-tinh": ("standing_committee", c.province),
        "dang-vien": ("viewer", c.cell_b),
    }
    out: dict[str, object] = {}
    for name, (role, unit) in grants.items():
        user = get_user_model().objects.create_user(name, password="mat-khau-thu-nghiem")
        RoleGrant.objects.create(user=user, role=role, unit_id=unit, valid_from=dt.date(2020, 1, 1))
        out[name] = user
    return out
