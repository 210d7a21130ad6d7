"""A small commune with two cells for the classification use cases on the in-memory fakes:
the same people and facts as the integration tests' commune (tests/integration/
classification_fixtures.py), given to the fake registry instead of written to a database."""

from __future__ import annotations

import datetime as dt

from canbo.core.classification.model import Level
from canbo.core.types import AccountId, DisciplineForm, PersonId, Role, UnitId, UnitKind
from canbo.services.classification import cycle as cycle_svc
from canbo.services.classification import steps
from canbo.services.classification.ports import CycleId, PersonFacts, SubjectPk, UnitFacts
from canbo.services.ports import Actor, Grant
from tests.fakes.classification import FakeClassificationUnitOfWork, FakeRegistryFacts, FakeTree

AS_OF = dt.date(2025, 12, 31)
NOW = dt.datetime(2025, 12, 20, 8, 0, tzinfo=dt.UTC)
LONG_AGO = dt.date(2010, 1, 1)
GOOD = {
    "score_general": "28",
    "score_results": "65",
    "tasks_total": "10",
    "tasks_on_time": "10",
    "tasks_exceeded": "4",
    "tasks_late": "0",
}
FAIR = {**GOOD, "score_general": "25", "score_results": "55", "tasks_exceeded": "1"}
HEAD = {**GOOD, "led_units_tasks_pct": "100", "led_units_exceeded_pct": "40"}

CENTRAL, PROVINCE, COMMUNE, CELL_A, CELL_B = (UnitId(n) for n in (1, 2, 3, 4, 5))
SECRETARY = PersonId(101)
MEMBERS_A = tuple(PersonId(n) for n in (102, 103, 104, 105, 106))
MEMBER_B, NEWCOMER, EXCUSED, DISCIPLINED = (PersonId(n) for n in (107, 108, 109, 110))

UNITS = (
    (CENTRAL, None, UnitKind.CENTRAL_COMMITTEE, "Ban Chấp hành Trung ương"),
    (PROVINCE, CENTRAL, UnitKind.PROVINCIAL_PARTY_COMMITTEE, "Đảng bộ tỉnh Lào Cai"),
    (COMMUNE, PROVINCE, UnitKind.COMMUNE_PARTY_COMMITTEE, "Đảng bộ xã Bát Xát"),
    (CELL_A, COMMUNE, UnitKind.CELL, "Chi bộ thôn Trung Chải"),
    (CELL_B, COMMUNE, UnitKind.CELL, "Chi bộ thôn Phìn Ngan"),
)
NAMES: dict[int, str] = {
    **{int(u): name for u, _p, _k, name in UNITS},
    SECRETARY: "Vàng Seo Chử",
    **dict(
        zip(
            MEMBERS_A,
            ("Lý Thị Mai", "Giàng A Páo", "Hoàng Văn Dũng", "Sần Thị Hoa", "Tẩn Văn Lả"),
            strict=True,
        )
    ),
    MEMBER_B: "Lù Văn Sáng",
    NEWCOMER: "Phàn Thị Dung",
    EXCUSED: "Chảo Văn Lở",
    DISCIPLINED: "Ma Văn Khoa",
}


def people() -> list[PersonFacts]:
    """The registry's facts: a cell secretary (leader), members, a newcomer admitted in
    September, a member excused from Party work, one reprimanded (khiển trách) in June."""
    old = LONG_AGO
    return [
        PersonFacts(SECRETARY, CELL_A, old, leads_unit=CELL_A, heads_unit=CELL_A),
        *(PersonFacts(p, CELL_A, old) for p in MEMBERS_A),
        PersonFacts(MEMBER_B, CELL_B, old),
        PersonFacts(NEWCOMER, CELL_B, dt.date(2025, 9, 1)),
        PersonFacts(EXCUSED, CELL_B, old, excused=True),
        PersonFacts(DISCIPLINED, CELL_B, old, discipline=DisciplineForm.KHIEN_TRACH),
    ]


def unit_of_work() -> FakeClassificationUnitOfWork:
    tree = FakeTree({u: p for u, p, _k, _n in UNITS})
    units = [UnitFacts(u, p, str(k), LONG_AGO) for u, p, k, _n in UNITS]
    return FakeClassificationUnitOfWork(tree, FakeRegistryFacts(units, people()), NAMES)


def actor(label: str, role: Role, root: UnitId | None, account: int = 1) -> Actor:
    return Actor(AccountId(account), label, (Grant(role, root),))


COMMISSION = actor("ban-to-chuc-tinh", Role.ORG_STAFF, PROVINCE)


def open_cycle(uow: FakeClassificationUnitOfWork) -> CycleId:
    return cycle_svc.open_cycle(uow, COMMISSION, 2025, PROVINCE, AS_OF, "Xếp loại 2025", now=NOW)


def subject_of(
    uow: FakeClassificationUnitOfWork, *, person: int | None = None, unit: int | None = None
) -> SubjectPk:
    for pk, s in uow.subjects.states.items():
        if person is not None and s.person_id == person:
            return pk
        if unit is not None and s.person_id is None and s.unit_id == unit:
            return pk
    raise LookupError(person or unit)


def through_appraisal(
    uow: FakeClassificationUnitOfWork, pk: SubjectPk, values: dict[str, str]
) -> None:
    """Self-assessment, comment and appraisal (at the proposal) by the people whose role it is."""
    state = uow.subjects.states[pk]
    unit = state.unit_id
    sec = actor("bi-thu", Role.CELL_SECRETARY if unit != PROVINCE else Role.ORG_STAFF, unit, 2)
    staff = actor("ban-to-chuc", Role.ORG_STAFF, state.decider_id, 3)
    proposal = steps.submit_self_assessment(uow, sec, pk, values, "Minh chứng", NOW)
    steps.comment(uow, sec, pk, "Chi bộ nhất trí.", NOW)
    assert proposal.level is not None
    steps.appraise(uow, staff, pk, proposal.level, "", NOW)


def decide(uow: FakeClassificationUnitOfWork, pk: SubjectPk, values: dict[str, str]) -> None:
    """Through the appraisal, then decided at the appraised level by the competent level."""
    through_appraisal(uow, pk, values)
    state = uow.subjects.states[pk]
    sc = actor("thuong-truc", Role.STANDING_COMMITTEE, state.decider_id, 4)
    assert state.appraised_level is not None
    steps.decide(uow, sc, pk, Level(state.appraised_level), "", NOW)


def decide_everyone(uow: FakeClassificationUnitOfWork) -> None:
    """Cells, then members (two HTXS, four HTT, one KHT), the head, the commune, the province."""
    for unit in (CELL_A, CELL_B):
        decide(uow, subject_of(uow, unit=unit), FAIR)
    for i, person in enumerate((*MEMBERS_A, MEMBER_B, DISCIPLINED)):
        decide(uow, subject_of(uow, person=person), GOOD if i < 2 else FAIR)
    decide(uow, subject_of(uow, person=SECRETARY), HEAD)
    decide(uow, subject_of(uow, unit=COMMUNE), FAIR)
    decide(uow, subject_of(uow, unit=PROVINCE), FAIR)
