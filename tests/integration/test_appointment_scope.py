"""Reading scope of the appointment, planning and control pages on the database (SQLite and
PostgreSQL): with two sibling communes, each commune's clerk sees the reappointment cases
(due and opened), the processes and the plans of her own commune only, and neither the yearly
review nor the structure of the other; an inspector's control report holds his own commune's
processes only; an account without the inspector role is refused the report with a
permission refusal (not a missing value)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model

from canbo.accounts.actors import actor_for
from canbo.appointments import pages
from canbo.appointments.uow import DjangoAppointmentsUnitOfWork as A
from canbo.core.types import LevelClass, Role, UnitId, UnitKind
from canbo.planning.uow import DjangoPlanningUnitOfWork
from canbo.registry import models as reg
from canbo.services.appointments import processes, reappointment
from canbo.services.appointments.ports import ProcessId, ProcessKind
from canbo.services.planning import plans
from canbo.services.ports import SYSTEM
from tests import factories as f
from tests.integration.record_builders import client_as

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 10, 1)
START = dt.date(2026, 3, 2)


@dataclass
class Commune:
    unit: UnitId
    name: str
    opened_name: str  # holds a post whose reappointment case is opened
    due_name: str  # holds a post that is due, no case yet
    process: ProcessId
    plan: int


def _commune(province: UnitId, name: str, names: list[str], title: reg.Title) -> Commune:
    unit = f.unit(name, UnitKind.COMMUNE_PARTY_COMMITTEE, province)
    cell = f.unit(f"Chi bộ thôn của {name}", UnitKind.CELL, unit)
    people = [f.person(n, cell) for n in names]
    reg.PositionHolding.objects.create(
        person_id=people[0], title=title, unit_id=unit, how="appointed",
        valid_from=dt.date(2021, 12, 1), term_ends=dt.date(2026, 12, 1),
    )  # fmt: skip
    process = processes.open_process(
        A(),
        SYSTEM,
        processes.NewProcess(
            kind=ProcessKind.IN_PLACE, title_id=title.pk, unit_id=unit, started_on=START,
            candidates=[people[2]], proposer_id=people[3], appraiser_id=people[3],
        ),
    )  # fmt: skip
    plan = plans.create_plan(
        DjangoPlanningUnitOfWork(), SYSTEM, title_id=title.pk, unit_id=unit,
        term_label="2026-2031", term_start=dt.date(2026, 7, 1), term_end=dt.date(2031, 6, 30),
        approved_on=dt.date(2026, 1, 15), approved_by_ref="QĐ 12-QĐ/TU",
    )  # fmt: skip
    return Commune(unit, name, names[0], names[1], process, int(plan))


def _world() -> tuple[Commune, Commune]:
    central = f.unit(
        "Ban Chấp hành Trung ương", UnitKind.CENTRAL_COMMITTEE, level=LevelClass.CENTRAL
    )
    province = f.unit("Đảng bộ tỉnh Tuyên Quang", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central)
    title = reg.Title.objects.create(
        code="CT_UBND_X", name="Chủ tịch Ủy ban nhân dân xã", level="commune"
    )
    a = _commune(
        province,
        "Đảng bộ xã Yên Minh",
        ["Hoàng Văn Khải", "Lục Thị Mai", "Sùng Văn Páo", "Vàng Thị Dợ"],
        title,
    )
    b = _commune(
        province,
        "Đảng bộ xã Mậu Duệ",
        ["Nông Văn Thắng", "Lý Thị Xuân", "Giàng Văn Sử", "Hầu Thị Chứ"],
        title,
    )
    # The cases of both communes are opened, then a second post of each falls due.
    reappointment.open_due_cases(A(), SYSTEM, TODAY)
    for c in (a, b):
        person = reg.Person.objects.get(full_name=c.due_name)
        reg.PositionHolding.objects.create(
            person=person, title=title, unit_id=c.unit, how="appointed",
            valid_from=dt.date(2021, 12, 20), term_ends=dt.date(2026, 12, 20),
        )  # fmt: skip
    return a, b


def _actor(role: Role, unit: UnitId, name: str):  # type: ignore[no-untyped-def]
    client = client_as(role, unit, name)
    return client, actor_for(get_user_model().objects.get(username=name))


def test_each_clerk_sees_the_reappointments_processes_and_plans_of_her_commune_only() -> None:
    a, b = _world()
    for mine, other, login in ((a, b, "tochuc_yenminh"), (b, a, "tochuc_mauue")):
        client, actor = _actor(Role.ORG_STAFF, mine.unit, login)

        context = pages.reappointment_context(actor, TODAY)
        assert [r["name"] for r in context["opened"]] == [mine.opened_name]
        assert [r["name"] for r in context["due"]] == [mine.due_name]
        # The due list names the post: its title and its unit.
        assert context["due"][0]["title"] == "Chủ tịch Ủy ban nhân dân xã"
        assert context["due"][0]["unit"] == mine.name
        page = client.get("/bo-nhiem/bo-nhiem-lai/").content.decode()
        assert mine.opened_name in page and other.opened_name not in page

        listing = client.get("/bo-nhiem/").content.decode()
        assert f"/bo-nhiem/{mine.process}/" in listing
        assert f"/bo-nhiem/{other.process}/" not in listing and other.name not in listing
        assert client.get(f"/bo-nhiem/{other.process}/").status_code == 404

        planning = client.get("/quy-hoach/?ngay=2026-06-01").content.decode()
        assert f"/quy-hoach/{mine.plan}/" in planning
        assert f"/quy-hoach/{other.plan}/" not in planning
        assert client.get(f"/quy-hoach/ra-soat/{other.unit}/2026/").status_code == 404
        assert client.get(f"/quy-hoach/ra-soat/{mine.unit}/2026/").status_code == 200
        assert client.get(f"/quy-hoach/co-cau/?don_vi=id:{other.unit}").status_code == 404
        structure = client.get("/quy-hoach/co-cau/").content.decode()
        assert mine.name in structure and other.name not in structure


def test_each_inspector_reads_the_control_report_of_his_commune_only() -> None:
    a, b = _world()
    for mine, other, login in ((a, b, "kiemtra_yenminh"), (b, a, "kiemtra_mauue")):
        client = client_as(Role.INSPECTOR, mine.unit, login)
        period = "start=2026-01-01&end=2026-10-01"
        report = client.get(f"/bo-nhiem/kiem-soat/?unit=id:{mine.unit}&{period}")
        body = report.content.decode()
        assert report.status_code == 200
        assert f"/bo-nhiem/{mine.process}/" in body
        assert f"/bo-nhiem/{other.process}/" not in body and other.name not in body
        refused = client.get(f"/bo-nhiem/kiem-soat/?unit=id:{other.unit}&{period}")
        assert refused.status_code in (400, 404)  # the picker or the scope refuses it
        assert f"/bo-nhiem/{other.process}/" not in refused.content.decode()


def test_an_account_without_the_inspector_role_is_refused_the_control_report() -> None:
    a, _b = _world()
    client = client_as(Role.ORG_STAFF, a.unit, "tochuc_yenminh")
    for url in ("/bo-nhiem/kiem-soat/", "/bo-nhiem/kiem-soat.pdf", "/bo-nhiem/kiem-soat.xlsx"):
        response = client.get(url)
        body = response.content.decode()
        assert response.status_code == 403, url
        assert "Thiếu giá trị bắt buộc" not in body
        assert "Ủy ban Kiểm tra" in body
