"""Planning use cases on the in-memory unit of work: the facts assembler, adding with the
core's checks and the plan's limits (refusals name the rule), the special case, removal,
the yearly review with its mandatory band-B task, the structure report."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canbo.core.errors import Conflict, NotFound, PermissionDenied, RuleViolation
from canbo.core.types import AccountId, PersonId, Role, UnitId
from canbo.services.planning import catalogue, facts, plans, review, structure
from canbo.services.planning.ports import (
    PersonRecord,
    PlanId,
    RemovalReason,
    TitleInfo,
)
from canbo.services.ports import Actor, Grant
from tests.fakes.planning import FakePlanningUnitOfWork

PROVINCE, DISTRICT, OTHER = UnitId(1), UnitId(2), UnitId(9)
ON = dt.date(2026, 6, 1)
CLERK = Actor(AccountId(1), "clerk", (Grant(Role.ORG_STAFF, PROVINCE),))
READER = Actor(AccountId(2), "reader", (Grant(Role.VIEWER, PROVINCE),))
STRANGER = Actor(AccountId(3), "stranger", (Grant(Role.ORG_STAFF, OTHER),))
ADMIN = Actor(AccountId(4), "admin", (Grant(Role.ADMIN, None),))

GD, PGD, TP, LOCAL = 1, 2, 3, 4


def person(
    pid: int,
    name: str,
    *,
    title: str = "TP",
    sex: str = "M",
    born: dt.date = dt.date(1985, 5, 1),
    ethnicity: str = "Kinh",
    **more: object,
) -> PersonRecord:
    holdings = ((title, dt.date(2020, 1, 1), DISTRICT),) if title else ()
    return PersonRecord(
        PersonId(pid),
        name,
        name.rsplit(" ", 1)[-1],
        sex,
        born,
        ethnicity,
        DISTRICT,
        holdings,
        **more,  # type: ignore[arg-type]
    )


@pytest.fixture
def uow() -> FakePlanningUnitOfWork:
    u = FakePlanningUnitOfWork({PROVINCE: None, DISTRICT: PROVINCE, OTHER: None})
    u.registry.titles = {
        GD: TitleInfo(GD, "GD_SO", "Giám đốc Sở", "provincial"),
        PGD: TitleInfo(PGD, "PGD_SO", "Phó Giám đốc Sở", "provincial"),
        TP: TitleInfo(TP, "TP", "Trưởng phòng", "provincial"),
        LOCAL: TitleInfo(LOCAL, "TRUONG_BQL", "Trưởng Ban quản lý", "provincial"),
    }
    for rec in (
        person(10, "Nguyễn Văn An"),
        person(11, "Trần Thị Bình", sex="F", bands=(("B", dt.date(2026, 3, 1)),)),
        person(12, "Lê Văn Cường", title="GD_SO"),
        person(13, "Phạm Thị Dung", sex="F"),
        person(14, "Hoàng Văn Em", ethnicity="Tày"),
        person(15, "Vũ Văn Giang"),
        person(16, "Đỗ Văn Hải", classifications=((2025, "kht"),)),
        person(17, "Bùi Văn Khoa", disciplines=(("canh_cao", dt.date(2026, 1, 10), True),)),
    ):
        u.registry.people[rec.person_id] = rec
    return u


def new_plan(uow: FakePlanningUnitOfWork, title: int = PGD) -> PlanId:
    return plans.create_plan(
        uow,
        CLERK,
        title_id=title,
        unit_id=DISTRICT,
        term_label="2026-2031",
        term_start=dt.date(2026, 7, 1),
        term_end=dt.date(2031, 6, 30),
        approved_on=dt.date(2026, 1, 15),
        approved_by_ref="QĐ 12-QĐ/TU",
    )


def add(uow: FakePlanningUnitOfWork, plan: PlanId, pid: int, **kw: object) -> object:
    return plans.add_to_plan(
        uow,
        CLERK,
        plan,
        PersonId(pid),
        on=ON,
        decision=f"QĐ {pid}",
        **kw,  # type: ignore[arg-type]
    )


def test_facts_assembler_reads_post_bands_and_classifications(uow: FakePlanningUnitOfWork) -> None:
    found = facts.candidate_facts(uow, PersonId(11), ON)
    assert found.current_post is not None and found.current_post.code == "TP"
    assert found.post_since == dt.date(2020, 1, 1)
    assert found.confidence_bands == (("B", dt.date(2026, 3, 1)),)
    assert facts.candidate_facts(uow, PersonId(16), ON).classifications == ((2025, "kht"),)
    many = facts.unit_candidate_facts(uow, PROVINCE, ON)
    assert set(many) == set(uow.registry.people)
    assert uow.registry.calls == 3  # one bulk read per call, not one per person
    with pytest.raises(NotFound):
        facts.candidate_facts(uow, PersonId(999), ON)


def test_group_iv_grade_makes_a_registry_title_comparable(uow: FakePlanningUnitOfWork) -> None:
    with pytest.raises(NotFound) as err:
        catalogue.grade_of(uow, "TRUONG_BQL", ON)
    assert err.value.code == "post_not_in_catalogue"
    with pytest.raises(PermissionDenied):
        catalogue.add_group_iv_grade(
            uow, CLERK, title_code="TRUONG_BQL", tier=3, grade=42,
            valid_from=dt.date(2026, 1, 1), managing_unit_id=PROVINCE,
        )  # fmt: skip
    catalogue.add_group_iv_grade(
        uow, ADMIN, title_code="TRUONG_BQL", tier=3, grade=42,
        valid_from=dt.date(2026, 1, 1), managing_unit_id=PROVINCE,
    )  # fmt: skip
    grade = catalogue.grade_of(uow, "TRUONG_BQL", ON)
    assert grade.grade == 42 and grade.group.value == "IV"
    assert uow.audit.actions == ["planning.grade.add"]


def test_create_plan_is_scoped_audited_and_unique(uow: FakePlanningUnitOfWork) -> None:
    plan = new_plan(uow)
    assert uow.audit.actions == ["planning.plan.create"]
    with pytest.raises(Conflict):
        new_plan(uow)
    with pytest.raises(NotFound):
        plans.create_plan(
            uow, STRANGER, title_id=GD, unit_id=DISTRICT, term_label="x",
            term_start=dt.date(2026, 7, 1), term_end=dt.date(2031, 6, 30),
            approved_on=dt.date(2026, 1, 15), approved_by_ref="QĐ 1",
        )  # fmt: skip
    with pytest.raises(RuleViolation) as err:
        plans.create_plan(
            uow, CLERK, title_id=GD, unit_id=DISTRICT, term_label="2021",
            term_start=dt.date(2021, 7, 1), term_end=dt.date(2026, 6, 30),
            approved_on=dt.date(2021, 1, 15), approved_by_ref="QĐ 1",
        )  # fmt: skip
    assert err.value.code == "planning_rulebook_not_covered"
    assert uow.plans.get(plan) is not None


def test_add_checks_the_core_rules_and_names_the_rule(uow: FakePlanningUnitOfWork) -> None:
    plan = new_plan(uow)
    add(uow, plan, 10)
    for pid, rule in ((11, "PL-10"), (12, "PL-02"), (16, "PL-06")):
        with pytest.raises(RuleViolation) as err:
            add(uow, plan, pid)
        assert err.value.code == "planning_ineligible"
        assert rule in err.value.fields["rules"]
        assert err.value.citation is not None and err.value.citation.rule_id
    with pytest.raises(Conflict):
        add(uow, plan, 10)
    assert uow.audit.actions == ["planning.plan.create", "planning.entry.add"]


def test_at_most_three_per_post_then_the_special_case(uow: FakePlanningUnitOfWork) -> None:
    plan = new_plan(uow)
    for pid in (10, 13, 14):
        add(uow, plan, pid)
    with pytest.raises(RuleViolation) as err:
        add(uow, plan, 15)
    assert err.value.fields["rules"] == ["PL-03"]
    with pytest.raises(RuleViolation):  # a special case needs its number, body and reason
        add(uow, plan, 15, special_case=plans.SpecialCase("QĐ 99", "", ""))
    entry = add(uow, plan, 15, special_case=plans.SpecialCase("QĐ 99", "BTV Tỉnh ủy", "cần"))
    saved = uow.plans.rows[entry]  # type: ignore[index]
    assert saved.special_case["checks"] == [{"key": "plan_per_post", "rule": "PL-03"}]
    assert uow.audit.entries[-1].after["special_case"]["decision"] == "QĐ 99"  # type: ignore[index]


def test_not_while_in_an_appointment_process(uow: FakePlanningUnitOfWork) -> None:
    plan = new_plan(uow)
    uow.appointments.in_process.add(PersonId(10))
    with pytest.raises(RuleViolation) as err:
        add(uow, plan, 10)
    assert err.value.fields["rules"] == ["PL-05"]


def test_posts_per_person_at_one_level(uow: FakePlanningUnitOfWork) -> None:
    uow.registry.titles.update(
        {
            5: TitleInfo(5, "CT_UBND_H", "Chủ tịch UBND huyện", "provincial"),
            6: TitleInfo(6, "BT_HU", "Bí thư Huyện ủy", "provincial"),
        }
    )
    for title in (PGD, GD, 5):
        add(uow, new_plan(uow, title), 10)
    with pytest.raises(RuleViolation) as err:
        add(uow, new_plan(uow, 6), 10)
    assert err.value.fields["rules"] == ["PL-04"]
    name = uow.registry.people[PersonId(10)].name
    assert f"Cán bộ {name} đã được quy hoạch" in err.value.fields["message_vi"]


def test_remove_needs_a_decision_and_is_audited(uow: FakePlanningUnitOfWork) -> None:
    plan = new_plan(uow)
    entry = add(uow, plan, 10)
    plans.remove_from_plan(
        uow,
        CLERK,
        entry,
        on=ON,
        reason=RemovalReason.OTHER,
        decision="QĐ 5",  # type: ignore[arg-type]
    )
    assert uow.plans.rows[entry].removed_on == ON  # type: ignore[index]
    with pytest.raises(Conflict):
        plans.remove_from_plan(
            uow,
            CLERK,
            entry,
            on=ON,
            reason=RemovalReason.OTHER,
            decision="QĐ 6",  # type: ignore[arg-type]
        )
    assert uow.audit.actions[-1] == "planning.entry.remove"


def test_yearly_review_band_b_is_a_mandatory_task(uow: FakePlanningUnitOfWork) -> None:
    plan = new_plan(uow)
    entry = add(uow, plan, 13)
    # A band B result certified after the person was planned.
    rec = uow.registry.people[PersonId(13)]
    uow.registry.people[PersonId(13)] = rec.__class__(
        **{**{f: getattr(rec, f) for f in rec.__slots__}, "bands": (("B", dt.date(2026, 9, 1)),)}
    )
    later = dt.date(2026, 12, 1)
    found = review.yearly_review(uow, CLERK, PROVINCE, 2026, later)
    [removal] = found.removals
    assert (removal.reason, removal.rule, removal.mandatory) == (
        RemovalReason.BAND_B,
        "PL-10",
        True,
    )
    assert found.tasks_created == 1
    assert review.yearly_review(uow, CLERK, PROVINCE, 2026, later).tasks_created == 0
    assert [a.person_id for a in found.additions] == [10, 14, 15]  # by given name: An, Em, Giang
    # A reader sees the review but records no task.
    assert review.yearly_review(uow, READER, PROVINCE, 2026, later).tasks_created == 0
    with pytest.raises(RuleViolation) as err:
        review.apply_review(uow, CLERK, PROVINCE, 2026, later, removals={})
    assert err.value.code == "mandatory_removal_skipped"
    assert uow.plans.rows[entry].removed_on is None  # type: ignore[index]
    removed, added = review.apply_review(
        uow, CLERK, PROVINCE, 2026, later,
        removals={entry: "QĐ 77"}, additions={(plan, PersonId(10)): "QĐ 78"},
    )  # fmt: skip
    assert (removed, added) == (1, 1)
    assert uow.plans.rows[entry].removal_reason == "band_b"  # type: ignore[index]
    assert all(t.done_on == later for t in uow.plans.task_rows.values())


def test_apply_review_is_all_or_nothing(uow: FakePlanningUnitOfWork) -> None:
    plan = new_plan(uow)
    later = dt.date(2026, 12, 1)
    before = len(uow.audit.entries)
    with pytest.raises(RuleViolation):
        review.apply_review(
            uow, CLERK, PROVINCE, 2026, later, removals={},
            additions={(plan, PersonId(10)): "QĐ 1", (plan, PersonId(11)): "QĐ 2"},
        )  # fmt: skip
    assert uow.plans.rows == {} and len(uow.audit.entries) == before


def test_structure_warns_below_targets(uow: FakePlanningUnitOfWork) -> None:
    plan = new_plan(uow)
    for pid in (10, 14):
        add(uow, plan, pid)
    [line] = structure.structure(uow, CLERK, PROVINCE, ON)
    shares = {s.key: s for s in line.shares}
    assert line.people == 2
    assert shares["women"].count == 0 and shares["women"].below
    assert shares["ethnic"].count == 1 and not shares["ethnic"].below
    assert shares["young"].count == 0  # born 1985: 41, not under 40 at provincial level
    assert {s.key for s in line.warnings} == {"women", "young"}


@given(
    bands=st.lists(
        st.tuples(
            st.sampled_from(["B", "C", "none"]),
            st.dates(dt.date(2025, 1, 1), dt.date(2026, 11, 30)),
        ),
        max_size=4,
        unique_by=lambda b: b[1],
    )
)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_review_removal_is_mandatory_exactly_when_the_latest_vote_is_b_or_c(
    uow: FakePlanningUnitOfWork, bands: list[tuple[str, dt.date]]
) -> None:
    """PL-10: whatever the earlier votes, the review's mandatory removal follows the latest."""
    uow.plans.plans.clear()
    uow.plans.rows.clear()
    uow.plans.task_rows.clear()
    rec = person(10, "Nguyễn Văn An")
    uow.registry.people[PersonId(10)] = rec
    plan = new_plan(uow)
    add(uow, plan, 10)
    uow.registry.people[PersonId(10)] = dataclasses.replace(rec, bands=tuple(bands))
    found = review.yearly_review(uow, CLERK, PROVINCE, 2026, dt.date(2026, 12, 1))
    latest = max(bands, key=lambda b: b[1])[0] if bands else "none"
    assert [r.mandatory for r in found.removals] == ([True] if latest in {"B", "C"} else [])
