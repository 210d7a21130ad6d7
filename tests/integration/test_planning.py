"""Cadre planning on the database (SQLite and PostgreSQL): the facts assembler reads the
registry, certified votes and published classification; the pages create a plan, add and
remove people (a refusal names the rule's citation), run and apply the yearly review with
its mandatory band-B removal, and show the structure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

import pytest
from django.test import Client

from canbo.audit.models import AuditEntry
from canbo.conferences.models import Conference
from canbo.core.types import AccountId, PersonId, Role, Sex, UnitId, UnitKind
from canbo.planning import models
from canbo.planning.uow import DjangoPlanningUnitOfWork
from canbo.registry.models import DisciplineRecord, PositionHolding, Title
from canbo.services.planning import facts, plans, review
from canbo.services.planning.ports import PlanId, PlanningUnitOfWork
from canbo.services.ports import Actor, Grant
from canbo.voting.models import ResultLine, ResultVersion, VoteSession
from tests import factories as f
from tests.integration.record_builders import client_as

pytestmark = pytest.mark.django_db

ON = dt.date(2026, 6, 1)


def uow() -> PlanningUnitOfWork:
    return cast(PlanningUnitOfWork, DjangoPlanningUnitOfWork())


@dataclass
class World:
    province: UnitId
    dept: UnitId
    cell: UnitId
    an: PersonId
    binh: PersonId
    cuong: PersonId
    dung: PersonId
    pgd: int
    clerk: Actor


def title(code: str, name: str) -> Title:
    row, _ = Title.objects.get_or_create(code=code, defaults={"name": name, "level": "provincial"})
    return row


def hold(pid: PersonId, row: Title, unit: UnitId) -> None:
    PositionHolding.objects.create(
        person_id=pid, title=row, unit_id=unit, how="appointed", valid_from=dt.date(2020, 1, 1)
    )


def band(pid: PersonId, unit: UnitId, value: str, held: dt.date, *, certified: bool = True) -> None:
    conf = Conference.objects.create(unit_id=unit, title="Hội nghị", body="party", held_on=held)
    session = VoteSession.objects.create(
        conference=conf, title="Lấy phiếu", rulebook_id="QD96_2023"
    )
    version = ResultVersion.objects.create(session=session, number=1, data={}, certified=certified)
    ResultLine.objects.create(
        version=version, person_id=pid, position="TP", high=1, mid=0, low=5, invalid=0, band=value
    )


@pytest.fixture
def world() -> World:
    province = f.unit("Đảng bộ tỉnh Tuyên Quang", UnitKind.PROVINCIAL_PARTY_COMMITTEE, level=None)
    dept = f.unit("Đảng bộ Sở Tài chính", UnitKind.COMMUNE_PARTY_COMMITTEE, province)
    cell = f.unit("Chi bộ Phòng Ngân sách", UnitKind.CELL, dept)
    an = f.person("Nguyễn Văn An", cell)
    binh = f.person("Trần Thị Bình", cell, sex=Sex.FEMALE)
    cuong = f.person("Lê Văn Cường", cell)
    dung = f.person("Phạm Thị Dung", cell, sex=Sex.FEMALE, birth=dt.date(1990, 1, 1))
    tp = title("TP", "Trưởng phòng")
    for pid in (an, binh, dung):
        hold(pid, tp, dept)
    hold(cuong, title("GD_SO", "Giám đốc Sở"), dept)
    pgd = title("PGD_SO", "Phó Giám đốc Sở").pk
    clerk = Actor(AccountId(900), "tochuc", (Grant(Role.ORG_STAFF, province),))
    return World(province, dept, cell, an, binh, cuong, dung, pgd, clerk)


def make_plan(w: World) -> PlanId:
    return plans.create_plan(
        uow(), w.clerk, title_id=w.pgd, unit_id=w.dept, term_label="2026-2031",
        term_start=dt.date(2026, 7, 1), term_end=dt.date(2031, 6, 30),
        approved_on=dt.date(2026, 1, 15), approved_by_ref="QĐ 12-QĐ/TU",
    )  # fmt: skip


def test_the_assembler_reads_the_registry_votes_and_classification(world: World) -> None:
    band(world.binh, world.dept, "B", dt.date(2026, 3, 1))
    band(world.an, world.dept, "B", dt.date(2026, 3, 2), certified=False)  # not certified
    DisciplineRecord.objects.create(
        person_id=world.an, form="khien_trach", decision_date=dt.date(2026, 2, 1), authority="x"
    )
    plan = make_plan(world)
    plans.add_to_plan(uow(), world.clerk, plan, world.dung, on=ON, decision="QĐ 1")
    got = facts.candidate_facts_many(uow(), [world.an, world.binh, world.dung], ON)
    assert got[world.binh].confidence_bands == (("B", dt.date(2026, 3, 1)),)
    assert got[world.an].confidence_bands == ()
    assert got[world.an].disciplines[0].form == "khien_trach" and got[world.an].disciplines[0].party
    assert got[world.an].current_post is not None and got[world.an].current_post.code == "TP"
    assert got[world.an].post_since == dt.date(2020, 1, 1)
    assert [p.code for p in got[world.dung].planned_for] == ["PGD_SO"]
    whole = facts.unit_candidate_facts(uow(), world.province, ON)
    assert set(whole) == {world.an, world.binh, world.cuong, world.dung}


def test_add_refusals_name_the_rule_and_every_change_is_audited(world: World) -> None:
    band(world.binh, world.dept, "B", dt.date(2026, 3, 1))
    plan = make_plan(world)
    before = AuditEntry.objects.count()
    entry = plans.add_to_plan(uow(), world.clerk, plan, world.an, on=ON, decision="QĐ 1")
    with pytest.raises(plans.RuleViolation) as err:
        plans.add_to_plan(uow(), world.clerk, plan, world.binh, on=ON, decision="QĐ 2")
    assert err.value.fields["rules"] == ["PL-10"]
    with pytest.raises(plans.RuleViolation) as err:
        plans.add_to_plan(uow(), world.clerk, plan, world.cuong, on=ON, decision="QĐ 3")
    assert "PL-02" in err.value.fields["rules"]
    plans.remove_from_plan(
        uow(), world.clerk, entry, on=ON, reason=plans.RemovalReason.OTHER, decision="QĐ 4"
    )
    assert AuditEntry.objects.count() - before == 2
    row = models.PlanEntry.objects.get(pk=entry)
    assert (row.removed_on, row.removal_decision) == (ON, "QĐ 4")


def test_pages_create_add_refuse_remove(world: World) -> None:
    client = client_as(Role.ORG_STAFF, world.province)
    page = client.get("/quy-hoach/")
    assert page.status_code == 200 and "Lập quy hoạch" in page.content.decode()
    made = client.post(
        "/quy-hoach/lap/",
        {
            "title": world.pgd, "unit": f"id:{world.dept}", "term_label": "2026-2031",
            "term_start": "2026-07-01", "term_end": "2031-06-30", "approved_on": "2026-01-15",
            "approved_by_ref": "QĐ 12-QĐ/TU",
        },
    )  # fmt: skip
    plan = models.Plan.objects.get()
    assert made.status_code == 302 and made["Location"] == f"/quy-hoach/{plan.pk}/"
    added = client.post(
        f"/quy-hoach/{plan.pk}/them/",
        {"person": f"id:{world.an}", "on": "2026-06-01", "decision": "QĐ 20"},
        follow=True,
    )
    assert "Đã đưa vào quy hoạch" in added.content.decode()
    refused = client.post(
        f"/quy-hoach/{plan.pk}/them/",
        {"person": f"id:{world.cuong}", "on": "2026-06-01", "decision": "QĐ 21"},
        follow=True,
    ).content.decode()
    assert "Không đủ điều kiện đưa vào quy hoạch" in refused
    assert "PL-02" not in refused  # the citation, never the bare rule ID
    entry = models.PlanEntry.objects.get()
    removed = client.post(
        f"/quy-hoach/{plan.pk}/dua-ra/{entry.pk}/",
        {"reason": "other", "on": "2026-06-02", "decision": "QĐ 22"},
        follow=True,
    ).content.decode()
    assert "Đã đưa ra khỏi quy hoạch" in removed
    assert "Lý do khác" in removed
    detail = client.get(f"/quy-hoach/{plan.pk}/?ngay=2026-06-03")
    assert detail.status_code == 200
    assert client.get("/quy-hoach/co-cau/").status_code == 200
    assert client.get("/quy-hoach/bac-chuc-vu/").status_code == 200


def test_a_reader_elsewhere_does_not_see_the_plan(world: World) -> None:
    plan = make_plan(world)
    other = f.unit("Đảng bộ tỉnh Cao Bằng", UnitKind.PROVINCIAL_PARTY_COMMITTEE)
    client = client_as(Role.ORG_STAFF, other, "caobang")
    assert client.get(f"/quy-hoach/{plan}/").status_code == 404
    assert f"/quy-hoach/{plan}/" not in client.get("/quy-hoach/").content.decode()
    mine = client_as(Role.VIEWER, world.province, "doc")
    assert f"/quy-hoach/{plan}/" in mine.get(f"/quy-hoach/?don_vi=id:{world.dept}").content.decode()
    assert mine.get(f"/quy-hoach/?don_vi={other}").status_code == 200  # ignored: not in scope
    assert f"/quy-hoach/{plan}/" not in mine.get("/quy-hoach/?ngay=2025-01-01").content.decode()


def test_yearly_review_page_band_b_task_and_apply(world: World) -> None:
    plan = make_plan(world)
    entry = plans.add_to_plan(uow(), world.clerk, plan, world.binh, on=ON, decision="QĐ 1")
    band(world.binh, world.dept, "B", dt.date(2026, 9, 1))  # certified after the planning
    client = client_as(Role.ORG_STAFF, world.province)
    url = f"/quy-hoach/ra-soat/{world.dept}/2026/?ngay=2026-12-01"
    page = client.get(url).content.decode()
    assert "Tín nhiệm thấp trên một nửa (mức B hoặc C)" in page and "bắt buộc" in page
    task = models.RemovalTask.objects.get()
    assert (task.entry_id, task.mandatory, task.rule) == (entry, True, "PL-10")
    assert "Nguyễn Văn An" in page  # who could be added
    post_url = f"/quy-hoach/ra-soat/{world.dept}/2026/"
    skipped = client.post(post_url, {"on": "2026-12-01"}, follow=True).content.decode()
    assert "kết quả tín nhiệm mức B buộc đưa ra" in skipped
    assert models.PlanEntry.objects.get(pk=entry).removed_on is None
    done = client.post(
        post_url,
        {"on": "2026-12-01", f"remove_{entry}": "QĐ 90", f"add_{plan}_{world.an}": "QĐ 91"},
        follow=True,
    ).content.decode()
    assert "Đã áp dụng kết quả rà soát" in done
    removed = models.PlanEntry.objects.get(pk=entry)
    assert (removed.removal_reason, removed.removal_decision) == ("band_b", "QĐ 90")
    assert models.RemovalTask.objects.get().done_on == dt.date(2026, 12, 1)
    assert models.PlanEntry.objects.filter(person_id=world.an, removed_on=None).exists()
    structure = client.get("/quy-hoach/co-cau/?ngay=2026-12-02").content.decode()
    assert "Đảng bộ Sở Tài chính" in structure and "dưới chỉ tiêu" in structure  # no woman left


def test_review_service_counts_few_queries(
    world: World, django_assert_max_num_queries: object
) -> None:
    plan = make_plan(world)
    for pid in (world.an, world.dung):
        plans.add_to_plan(uow(), world.clerk, plan, pid, on=ON, decision="QĐ")
    with django_assert_max_num_queries(30):  # type: ignore[operator]
        found = review.yearly_review(
            uow(), world.clerk, world.province, 2026, ON, record_tasks=False
        )
    assert len(found.plans) == 1 and found.people_checked == 4


def client_for(world: World) -> Client:
    return client_as(Role.ORG_STAFF, world.province)
