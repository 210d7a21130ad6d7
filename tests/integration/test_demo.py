"""The demo dataset models the 2025 reorganization with history, lineage and complete records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

from canbo.accounts.models import RoleGrant
from canbo.audit.log import verify
from canbo.audit.models import AuditEntry
from canbo.core.names import split_name
from canbo.core.seed.provinces import PROVINCES_FROM_2025_07
from canbo.core.types import UnitKind
from canbo.db import unit_tree
from canbo.demo.accounts import demo_users, ensure_admin
from canbo.demo.generator import DemoResult, build_demo
from canbo.demo.scales import SCALES
from canbo.registry import models
from canbo.registry.uow import DjangoUnitRepository

TODAY = dt.date(2026, 3, 2)
BEFORE, AFTER = dt.date(2024, 12, 31), dt.date(2026, 1, 1)
EVE, REORG = dt.date(2025, 6, 30), dt.date(2025, 7, 1)


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> Iterator[DemoResult]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        result = build_demo(SCALES["small"], 11, TODAY)
        ensure_admin("admin", "demo-password-123")
        demo_users(result.named, TODAY, None)
        yield result
        call_command("flush", interactive=False, verbosity=0)


def _provinces(root: int, day: dt.date) -> list[str]:
    children = DjangoUnitRepository().children(root, day)  # type: ignore[arg-type]
    return [c.name for c in children if c.kind == UnitKind.PROVINCIAL_PARTY_COMMITTEE]


def _root() -> int:
    return models.OrgUnit.objects.get(code="TW").pk


@pytest.mark.django_db
def test_the_tree_has_63_provinces_before_and_34_after_the_reorganization(demo: DemoResult) -> None:
    assert len(_provinces(_root(), BEFORE)) == 63
    assert len(_provinces(_root(), AFTER)) == 34
    assert "Đảng bộ tỉnh Hà Giang" in _provinces(_root(), BEFORE)
    assert "Đảng bộ tỉnh Hà Giang" not in _provinces(_root(), AFTER)


@pytest.mark.django_db
def test_each_merged_province_links_whole_to_all_its_predecessors(demo: DemoResult) -> None:
    for new in (p for p in PROVINCES_FROM_2025_07 if p.is_merged):
        unit = models.OrgUnit.objects.get(code=f"DB-{new.code}-2025")
        links = models.LineageLink.objects.filter(successor=unit, event__kind="merge")
        assert sorted(link.predecessor.code for link in links) == sorted(
            f"DB-{code}" for code in new.predecessors
        )
        assert {link.share for link in links} == {"whole"}
        assert {link.event.date for link in links} == {REORG}


@pytest.mark.django_db
def test_district_committees_end_on_30_june_2025_with_a_dissolve_event(demo: DemoResult) -> None:
    districts = models.UnitVersion.objects.filter(kind=UnitKind.DISTRICT_PARTY_COMMITTEE)
    assert districts.exists()
    assert set(districts.values_list("valid_to", flat=True)) == {EVE}
    dissolved = models.LineageEvent.objects.filter(kind="dissolve", date=REORG).count()
    assert dissolved == districts.count()


@pytest.mark.django_db
def test_new_commune_committees_are_merged_from_former_commune_committees(demo: DemoResult) -> None:
    communes = models.UnitVersion.objects.filter(kind=UnitKind.COMMUNE_PARTY_COMMITTEE)
    assert communes.count() > 0
    for version in communes:
        preds = models.LineageLink.objects.filter(successor_id=version.unit_id)
        assert preds.count() >= 1
        assert all(p.predecessor.valid_to == EVE for p in preds)
    former = models.UnitVersion.objects.filter(
        kind=UnitKind.GRASSROOTS_COMMITTEE, short_name__startswith="Đảng ủy", valid_to=EVE
    ).count()
    assert former > 2 * communes.count()


@pytest.mark.django_db
def test_cells_are_transferred_without_a_gap_and_members_stay_in_their_cell(
    demo: DemoResult,
) -> None:
    ended = models.UnitVersion.objects.filter(kind=UnitKind.CELL, valid_to=EVE)
    assert ended.exists()
    for version in ended[:200]:
        follow = models.UnitVersion.objects.get(unit_id=version.unit_id, valid_from=REORG)
        assert follow.parent_id != version.parent_id
    moved = models.Membership.objects.filter(valid_from__lte=EVE, valid_to__gte=REORG).count()
    split = models.Membership.objects.filter(valid_to=EVE).count()
    assert moved > 1000
    assert split == 0


def _members(root_code: str, day: dt.date) -> set[int]:
    root = models.OrgUnit.objects.get(code=root_code).pk
    cells = unit_tree.subtree_ids(root, day)
    return set(
        models.Membership.objects.filter(
            unit_id__in=cells, valid_from__lte=day, valid_to__gte=day
        ).values_list("person_id", flat=True)
    )


@pytest.mark.django_db
def test_the_new_tuyen_quang_has_exactly_the_members_of_its_predecessors(demo: DemoResult) -> None:
    before = _members("DB-08", EVE) | _members("DB-02", EVE)
    after = _members("DB-08-2025", REORG)
    # Someone admitted on the day of the merger is a member after it and not before.
    admitted = set(
        models.Person.objects.filter(pk__in=after, party_admission_date=REORG).values_list(
            "pk", flat=True
        )
    )
    assert before and before == after - admitted
    root = models.OrgUnit.objects.get(code="DB-08-2025").pk
    assert unit_tree.count_members(root, REORG) == len(after)


@pytest.mark.django_db
def test_every_person_has_a_complete_record(demo: DemoResult) -> None:
    people = models.Person.objects.all()
    assert people.count() > 2000
    for p in people[:500]:
        assert p.birth_date and p.sex in {"M", "F"} and p.ethnicity and p.hometown
        assert len(p.national_id) == 12 and p.national_id.isdigit()
        assert split_name(p.full_name).given == p.given_name
        assert p.party_admission_date is not None
        if p.official_membership_date is not None:
            off, adm = p.official_membership_date, p.party_admission_date
            assert (off.year - adm.year, off.month) == (1, adm.month)
        assert p.memberships.exists()
    assert models.Person.objects.filter(memberships__isnull=True).count() == 0


@pytest.mark.django_db
def test_records_include_posts_discipline_leave_retirement_and_linked_relatives(
    demo: DemoResult,
) -> None:
    titles = set(models.PositionHolding.objects.values_list("title__code", flat=True))
    assert {"BT_TU", "BT_DUX", "BT_CB", "CT_UBND_T", "BT_HU"} <= titles
    assert models.Term.objects.filter(name="Nhiệm kỳ 2025–2030").exists()
    assert models.DisciplineRecord.objects.exists()
    assert models.LeavePeriod.objects.exists()
    assert models.RetirementNotice.objects.exists()
    assert models.Relative.objects.filter(linked_person__isnull=False).exists()
    transferred = models.Membership.objects.filter(end_reason="Chuyển sinh hoạt đảng")
    assert transferred.exists()


@pytest.mark.django_db
def test_a_cells_members_list_in_vietnamese_order_by_given_name(demo: DemoResult) -> None:
    icu = pytest.importorskip("icu")
    collator = icu.Collator.createInstance(icu.Locale("vi"))
    cell = demo.named["demo_cell"]
    names = list(
        models.Person.objects.filter(memberships__unit_id=cell)
        .order_by("sort_key", "id")
        .values_list("full_name", flat=True)
    )
    assert len(names) >= 3
    listed = [split_name(n).list_order for n in names]
    assert listed == sorted(listed, key=collator.getSortKey)


@pytest.mark.django_db
def test_admin_and_scoped_demo_accounts_exist(demo: DemoResult) -> None:
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("demo-password-123")
    grant = RoleGrant.objects.get(user__username="tinhuy.tuyenquang")
    assert grant.role == "org_staff" and grant.unit.code == "DB-08-2025"
    assert RoleGrant.objects.get(user__username="bithu.chibo").role == "cell_secretary"
    inspector = RoleGrant.objects.get(user__username="ubkt.tuyenquang")  # the control report
    assert inspector.role == "inspector" and inspector.unit.code == "DB-08-2025"


@pytest.mark.django_db
def test_the_load_is_one_audit_entry_and_the_chain_verifies(demo: DemoResult) -> None:
    assert AuditEntry.objects.filter(action="demo.load").count() == 1
    assert AuditEntry.objects.filter(action__startswith="unit.").count() == 0
    assert verify() is None


@pytest.mark.django_db
def test_the_bulk_load_restores_indexes_and_foreign_keys(demo: DemoResult) -> None:
    with connection.cursor() as cur:
        if connection.vendor == "sqlite":
            cur.execute("SELECT name FROM sqlite_master WHERE type='index'")
            names = {row[0] for row in cur.fetchall()}
            cur.execute("PRAGMA foreign_key_check")
            assert cur.fetchall() == []
        else:
            cur.execute("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
            names = {row[0] for row in cur.fetchall()}
            cur.execute(
                "SELECT count(*) FROM pg_constraint WHERE contype = 'f'"
                " AND conrelid = 'registry_membership'::regclass"
            )
            assert cur.fetchone()[0] >= 2
    assert {"member_unit_asof", "member_person_hist", "unitver_parent_asof"} <= names


@pytest.mark.django_db
def test_the_2025_round_of_congresses_is_held_and_approved_results_changed_the_registry(
    demo: DemoResult,
) -> None:
    from canbo.congresses.models import Congress
    from canbo.elections.models import ElectedPerson, Election

    congresses = list(Congress.objects.order_by("opens_on", "pk"))
    statuses = {c.status for c in congresses}
    assert {"closed", "open", "preparing"} <= statuses
    assert any(c.kind == "delegates" and c.status == "closed" for c in congresses)
    assert all(c.term_label == "2025–2030" and c.opens_on.year == 2025 for c in congresses)
    open_ = [c for c in congresses if c.status == "open"]
    assert open_ and all(
        Election.objects.filter(congress=c, status="provisional").exists() for c in open_
    )
    approved = Election.objects.filter(status="approved")
    assert approved.filter(kind="delegates").exists()
    for election in approved.exclude(kind="delegates"):
        unit = election.congress.unit_id
        for elected in ElectedPerson.objects.filter(election=election, alternate=False):
            assert models.PositionHolding.objects.filter(
                person_id=elected.person_id, unit_id=unit, valid_from__gte=dt.date(2025, 7, 1)
            ).exists()
        assert models.Term.objects.filter(unit_id=unit, name="2025–2030").exists()
    pending = ElectedPerson.objects.filter(election__status="provisional")
    assert pending.exists()
    for elected in pending:
        assert not models.PositionHolding.objects.filter(
            person_id=elected.person_id,
            unit_id=elected.congress.unit_id,
            valid_from__gte=dt.date(2025, 7, 1),
        ).exists()


@pytest.mark.django_db
def test_the_demo_plans_posts_and_removed_the_band_b_person_at_the_review(demo: DemoResult) -> None:
    from canbo.planning.models import Plan, PlanEntry, PostGradeEntry, RemovalTask

    assert PostGradeEntry.objects.filter(title__code__in=("CVP_DU", "TB_XDD")).count() == 2
    plans = Plan.objects.all()
    assert plans.count() >= 4
    assert {p.term_label for p in plans} == {"2025–2030", "2026–2031"}
    for plan in plans:
        assert PlanEntry.objects.filter(plan=plan, removed_on=None).count() <= 3  # PL-03
    removed = PlanEntry.objects.get(removal_reason="band_b")
    assert removed.removal_decision and removed.removed_on is not None
    task = RemovalTask.objects.get(entry=removed)
    assert task.mandatory and task.rule == "PL-10" and task.done_on == removed.removed_on


@pytest.mark.django_db
def test_the_demo_appointments_recusal_flag_and_reappointment_cases(demo: DemoResult) -> None:
    from canbo.appointments import models as am
    from canbo.appointments.control_repository import DjangoControlUnitOfWork
    from canbo.services.appointments import power

    processes = am.AppointmentProcess.objects
    done = processes.get(kind="in_place", status="decided")
    steps = list(done.steps.order_by("order").values_list("kind", "status"))
    assert [s for _k, s in steps] == ["closed"] * 5
    assert done.steps.get(kind="wider").sealed and done.steps.get(kind="wider").session_id
    holding = models.PositionHolding.objects.get(
        person_id=done.appointee_id, title=done.title, decision_ref=done.decision_ref
    )
    assert holding.term_ends == done.term_ends
    recusal = am.Recusal.objects.filter(process=done).first()
    assert recusal is not None and recusal.outcome == "recused" and recusal.role == "voter"
    assert models.Relative.objects.filter(
        person_id=recusal.person_id, linked_person_id=done.appointee_id, relation="sibling"
    ).exists()
    running = processes.get(kind="in_place", status="open")
    status = dict(running.steps.values_list("kind", "status"))
    assert status["wider"] == "closed" and status["leadership_nominate"] == "convened"
    outside = processes.get(kind="outside")
    assert outside.status == "decided"
    flags = power.process_flags(DjangoControlUnitOfWork(), outside.pk, TODAY)  # type: ignore[arg-type]
    assert "outgoing_head" in {f.key for f in flags}
    assert am.ProcessFlag.objects.filter(process=outside, key="outgoing_head").exists()  # kept
    cases = processes.filter(kind="reappointment")
    assert cases.exists() and all(c.holding_id for c in cases)


@pytest.mark.django_db
def test_the_charter_survey_went_to_the_communes_some_answered_one_late_one_corrected(
    demo: DemoResult,
) -> None:
    from canbo.surveys import selectors
    from canbo.surveys.models import Submission, SurveyRequest

    request = SurveyRequest.objects.get(form__code="ks_dieu_le_dang")
    assert request.requester_id == demo.named["province:08"]
    overview = selectors.overview(request.pk, TODAY)
    assert overview.assigned >= overview.total.units + 2 and overview.total.units >= 4
    assert [r.status for r in overview.rows].count("submitted_late") == 1
    assert Submission.objects.filter(version=2).exclude(reason="").count() == 1
    assert all(r.reminders == 1 for r in overview.rows if not r.versions)
    for key in ("survey_commune:submitted", "survey_commune:open"):
        grant = RoleGrant.objects.get(unit_id=demo.named[key], user__username__startswith="xa.")
        assert grant.role == "org_staff"


@pytest.mark.django_db
def test_the_commissions_programme_reads_21_of_21_in_2025_and_has_overdue_projects_in_2026(
    demo: DemoResult,
) -> None:
    from canbo.programme import selectors

    province = demo.named["province:08"]
    done = selectors.summary(province, 2025, today=TODAY)
    assert done.headline_numbers == (21, 21) and done.projects.completed_late == 0
    running = selectors.summary(province, 2026, today=TODAY)
    assert running.projects.total == 11 and running.projects.overdue == 3
    assert 0 < running.projects.completed < running.projects.total
    assert running.subtree_projects.total == 14 and running.subtree_projects.overdue == 4
