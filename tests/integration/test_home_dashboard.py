"""The home page's selectors and page: members counted exactly by sex, age band, ethnicity and
status; reminders that list the right records; each role sees its own scope and only the
forms it may use; the chart's data and the table agree."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client

from canbo.accounts.models import RoleGrant
from canbo.core import member_stats as ms
from canbo.core.registry import PersonData
from canbo.core.retirement import retirement
from canbo.core.types import AccountId, PersonId, Role, Sex, UnitId, UnitKind
from canbo.registry import models as reg
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.ports import SYSTEM, Actor, Grant
from canbo.services.registry import changes as svc
from canbo.web import dashboard
from canbo.web import dashboard_counting as counting
from canbo.web.dashboard_reminders import Scope, probation_due, retiring, reviews_due, terms_ending
from tests import factories as f

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 28)
PASSWORD = "mat-khau-rat-dai-2026"


D = dt.date


@dataclass(frozen=True)
class Spec:
    name: str
    cell: str
    sex: Sex
    birth: dt.date
    ethnicity: str
    admitted: dt.date
    official: dt.date | None


SPECS = (
    # Cell Trung Chải (Lào Cai)
    Spec("Vàng Seo Chử", "a", Sex.MALE, D(1990, 3, 1), "Mông", D(2012, 1, 5), D(2013, 1, 5)),
    Spec("Lý Thị Mai", "a", Sex.FEMALE, D(2000, 1, 1), "Dao", D(2025, 12, 10), None),
    Spec("Giàng A Páo", "a", Sex.MALE, D(1995, 11, 28), "Mông", D(2018, 2, 1), D(2019, 2, 1)),
    Spec("Hoàng Văn Dũng", "a", Sex.MALE, D(1995, 11, 29), "Kinh", D(2018, 2, 1), D(2019, 2, 1)),
    Spec("Sần Thị Hoa", "a", Sex.FEMALE, D(1960, 6, 1), "Kinh", D(1990, 6, 1), D(1991, 6, 1)),
    # Cell Phìn Ngan (Lào Cai)
    Spec("Tẩn Văn Lả", "b", Sex.MALE, D(1965, 6, 10), "Dao", D(1995, 3, 3), D(1996, 3, 3)),
    Spec("Lù Văn Sáng", "b", Sex.MALE, D(1998, 7, 7), "", D(2024, 1, 2), None),
    Spec("Phàn Thị Dung", "b", Sex.FEMALE, D(1970, 8, 15), "Kinh", D(2001, 1, 1), D(2002, 1, 1)),
    # Cell Nà Giàng (Cao Bằng): outside the Lào Cai clerk's scope
    Spec("Bế Văn Đàm", "c", Sex.MALE, D(1966, 1, 20), "Tày", D(2025, 12, 1), None),
)  # fmt: skip


@dataclass(frozen=True)
class World:
    province: UnitId
    commune: UnitId
    cells: dict[str, UnitId]
    people: dict[str, PersonId]


def _person(spec: Spec, cell: UnitId, n: int) -> PersonId:
    data = PersonData(
        code=f"HD{n:05d}",
        full_name=spec.name,
        birth_date=spec.birth,
        sex=spec.sex,
        ethnicity=spec.ethnicity,
        party_admission_date=spec.admitted,
        official_membership_date=spec.official,
    )
    since = max(spec.admitted, dt.date(2015, 1, 1))
    return svc.create_person(DjangoRegistryUnitOfWork(), SYSTEM, data, cell, since, TODAY)


@pytest.fixture
def world() -> World:
    central = f.unit("Ban Chấp hành Trung ương", UnitKind.CENTRAL_COMMITTEE)
    province = f.unit("Đảng bộ tỉnh Lào Cai", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central)
    commune = f.unit("Đảng bộ xã Bát Xát", UnitKind.COMMUNE_PARTY_COMMITTEE, province)
    cao_bang = f.unit("Đảng bộ tỉnh Cao Bằng", UnitKind.PROVINCIAL_PARTY_COMMITTEE, central)
    other = f.unit("Đảng bộ xã Hà Quảng", UnitKind.COMMUNE_PARTY_COMMITTEE, cao_bang)
    cells = {
        "a": f.unit("Chi bộ thôn Trung Chải", UnitKind.CELL, commune),
        "b": f.unit("Chi bộ thôn Phìn Ngan", UnitKind.CELL, commune),
        "c": f.unit("Chi bộ thôn Nà Giàng", UnitKind.CELL, other),
    }
    people = {s.name: _person(s, cells[s.cell], i) for i, s in enumerate(SPECS)}
    return World(province, commune, cells, people)


def _actor(role: Role, root: UnitId | None) -> Actor:
    return Actor(AccountId(99), "test", (Grant(role, root),))


def _expected(cells: set[str]) -> dict[str, Counter[str]]:
    """The counts worked out in Python from the specs, with the core's bands."""
    chosen = [s for s in SPECS if s.cell in cells]
    return {
        "sex": Counter(s.sex.value for s in chosen),
        "age": Counter(str(ms.band_index(s.birth, TODAY)) for s in chosen),
        "ethnicity": Counter(s.ethnicity or "?" for s in chosen),
        "status": Counter("1" if s.official else "0" for s in chosen),
    }


def _grouped(where: Scope) -> dict[str, Counter[str]]:
    found: dict[str, Counter[str]] = {k: Counter() for k in ("sex", "age", "ethnicity", "status")}
    for sex, band, ethnicity, official, n in dashboard.composition_counts(where, TODAY):
        found["sex"][sex] += n
        found["age"][str(band)] += n
        found["ethnicity"][ethnicity or "?"] += n
        found["status"][str(official)] += n
    return found


# Aggregation selectors


def test_the_whole_tree_counts_every_member_once_by_sex_age_band_ethnicity_and_status(
    world: World,
) -> None:
    where = Scope.of(_actor(Role.ADMIN, None), TODAY)
    assert where.whole
    found = _grouped(where)
    assert found == _expected({"a", "b", "c"})
    assert found["sex"] == Counter({"M": 6, "F": 3})
    assert found["status"] == Counter({"1": 6, "0": 3})


def test_age_bands_turn_on_the_birthday(world: World) -> None:
    """Born 28/11/1995: 31 today (band 31-35); born a day later: still 30 (band up to 30)."""
    found = _grouped(Scope.of(_actor(Role.CELL_SECRETARY, world.cells["a"]), TODAY))
    assert found["age"] == Counter({"0": 2, "1": 1, "2": 1, "7": 1})


def test_a_province_clerk_counts_the_province_only(world: World) -> None:
    where = Scope.of(_actor(Role.ORG_STAFF, world.province), TODAY)
    assert _grouped(where) == _expected({"a", "b"})


def test_a_cell_secretary_counts_the_cell_only(world: World) -> None:
    where = Scope.of(_actor(Role.CELL_SECRETARY, world.cells["b"]), TODAY)
    assert _grouped(where) == _expected({"b"})
    home = counting.home(_actor(Role.CELL_SECRETARY, world.cells["b"]), TODAY)
    assert home.members == 3
    assert home.scope_names == ("Chi bộ thôn Phìn Ngan",)


def test_the_tallies_label_every_value_and_sum_small_ethnic_groups(world: World) -> None:
    home = counting.home(_actor(Role.ADMIN, None), TODAY)
    by_key = {t.key: t for t in home.tallies}
    assert [(r.label, r.count) for r in by_key["sex"].rows] == [("Nam", 6), ("Nữ", 3)]
    assert [(r.label, r.count) for r in by_key["status"].rows] == [
        ("Chính thức", 6),
        ("Dự bị", 3),
    ]
    ethnic = dict((r.label, r.count) for r in by_key["ethnicity"].rows)
    assert ethnic == {"Kinh": 3, "Mông": 2, "Dao": 2, "Tày": 1, "Chưa khai báo": 1}
    assert by_key["age"].rows[0].label == "Đến 30 tuổi"
    assert by_key["age"].rows[-1].label == "Trên 60 tuổi"
    assert all(t.total == 9 for t in home.tallies)
    assert sum(r.share for r in by_key["sex"].rows) == pytest.approx(100)


@pytest.mark.parametrize("key", ["sex", "age", "ethnicity", "status"])
def test_each_chart_draws_exactly_the_rows_of_its_table(world: World, key: str) -> None:
    tally = next(t for t in counting.home(_actor(Role.ADMIN, None), TODAY).tallies if t.key == key)
    assert _chart_rows(tally.chart_option()) == [(r.label, r.count) for r in tally.rows]


def _chart_rows(option: dict) -> list[tuple[str, int]]:  # type: ignore[type-arg]
    series = option["series"][0]
    if series["type"] == "pie":
        return [(d["name"], d["value"]) for d in series["data"]]
    axis = option["xAxis"] if option["xAxis"]["type"] == "category" else option["yAxis"]
    return list(zip(axis["data"], series["data"], strict=True))


# Reminders


def test_probation_ending_lists_the_probationary_members_due_and_overdue_in_scope(
    world: World,
) -> None:
    where = Scope.of(_actor(Role.ORG_STAFF, world.province), TODAY)
    found = probation_due(where, TODAY)
    assert [(r.label, r.day, r.note) for r in found.rows] == [
        ("Lù Văn Sáng", dt.date(2025, 1, 2), "Quá hạn"),
        ("Lý Thị Mai", dt.date(2026, 12, 10), ""),
    ]
    assert found.total == 2
    assert found.rows[0].url == f"/people/{world.people['Lù Văn Sáng']}/"
    assert found.rows[0].place == "Chi bộ thôn Phìn Ngan"
    everyone = probation_due(Scope.of(_actor(Role.ADMIN, None), TODAY), TODAY)
    assert "Bế Văn Đàm" in [r.label for r in everyone.rows]


def test_probation_ending_later_than_the_horizon_is_not_listed_yet(
    world: World,
    settings,  # type: ignore[no-untyped-def]
) -> None:
    settings.CANBO_HOME_PROBATION_DAYS = 5
    where = Scope.of(_actor(Role.ORG_STAFF, world.province), TODAY)
    assert [r.label for r in probation_due(where, TODAY).rows] == ["Lù Văn Sáng"]


def test_retirement_lists_exactly_the_members_whose_retirement_month_is_within_the_horizon(
    world: World,
) -> None:
    horizon = ms.add_months(TODAY, 12)
    expected = sorted(
        (retirement(s.birth, s.sex).month_index, s.name)
        for s in SPECS
        if TODAY.year * 12 + TODAY.month - 1
        <= retirement(s.birth, s.sex).month_index
        <= horizon.year * 12 + horizon.month - 1
    )
    assert expected, "the fixture must hold someone retiring within the year"
    found = retiring(Scope.of(_actor(Role.ADMIN, None), TODAY), TODAY)
    assert [r.label for r in found.rows] == [name for _m, name in expected]
    assert found.total == len(expected)
    for row in found.rows:
        spec = next(s for s in SPECS if s.name == row.label)
        assert row.day == retirement(spec.birth, spec.sex).retirement_date


def test_terms_and_appointment_reviews_due_are_listed_in_scope(world: World) -> None:
    reg.Term.objects.create(
        unit_id=world.commune,
        name="2020–2025",
        starts=dt.date(2020, 9, 1),
        ends=dt.date(2027, 3, 31),
    )
    reg.Term.objects.create(
        unit_id=world.cells["c"],
        name="2022–2027",
        starts=dt.date(2022, 9, 1),
        ends=dt.date(2027, 1, 31),
    )
    reg.Term.objects.create(
        unit_id=world.province,
        name="2025–2030",
        starts=dt.date(2025, 10, 1),
        ends=dt.date(2030, 10, 1),
    )
    title = reg.Title.objects.create(code="PCT", name="Phó Chủ tịch UBND xã", level="commune")
    for who, ends in (("Vàng Seo Chử", dt.date(2027, 2, 1)), ("Tẩn Văn Lả", dt.date(2028, 1, 1))):
        reg.PositionHolding.objects.create(
            person_id=world.people[who], title=title, unit_id=world.commune, how="appointed",
            valid_from=dt.date(2022, 2, 1), term_ends=ends,
        )  # fmt: skip
    where = Scope.of(_actor(Role.ORG_STAFF, world.province), TODAY)
    terms = terms_ending(where, TODAY)
    assert [(r.label, r.place, r.day) for r in terms.rows] == [
        ("2020–2025", "Đảng bộ xã Bát Xát", dt.date(2027, 3, 31))
    ]
    reviews = reviews_due(where, TODAY)
    assert [(r.label, r.day) for r in reviews.rows] == [("Vàng Seo Chử", dt.date(2027, 2, 1))]
    assert reviews.rows[0].note == "Quá hạn thông báo từ ngày 28/09/2026"  # 18 five-day weeks
    assert reviews.rows[0].place == "Phó Chủ tịch UBND xã, Đảng bộ xã Bát Xát"


# Activity


def test_conferences_and_votes_are_listed_for_units_in_scope_only(world: World) -> None:
    from canbo.conferences.models import Conference
    from canbo.voting.models import VoteSession

    mine = Conference.objects.create(
        unit_id=world.commune, title="Hội nghị Ban Chấp hành xã", body="party_committee",
        held_on=dt.date(2026, 12, 15), place="Bát Xát",
    )  # fmt: skip
    Conference.objects.create(
        unit_id=world.cells["c"], title="Hội nghị chi bộ Nà Giàng", body="party_committee",
        held_on=dt.date(2026, 12, 1),
    )  # fmt: skip
    Conference.objects.create(
        unit_id=world.commune, title="Hội nghị đã họp", body="party_committee",
        held_on=dt.date(2026, 1, 15),
    )  # fmt: skip
    VoteSession.objects.create(conference=mine, title="Lấy phiếu tín nhiệm 2026", status="open")
    VoteSession.objects.create(conference=mine, title="Bản nháp", status="draft")
    home = counting.home(_actor(Role.ORG_STAFF, world.province), TODAY)
    assert [(c.label, c.place, c.day) for c in home.conferences] == [
        ("Hội nghị Ban Chấp hành xã", "Đảng bộ xã Bát Xát", dt.date(2026, 12, 15))
    ]
    assert [(v.label, v.note) for v in home.votes] == [
        ("Lấy phiếu tín nhiệm 2026", "Đang bỏ phiếu")
    ]
    everyone = counting.home(_actor(Role.ADMIN, None), TODAY)
    assert len(everyone.conferences) == 2


# The page, per role


def _client(username: str, role: Role | None, root: UnitId | None) -> Client:
    user = User.objects.create_user(username, password=PASSWORD)
    if role is not None:
        RoleGrant.objects.create(user=user, role=role, unit_id=root, valid_from=dt.date(2020, 1, 1))
    client = Client()
    client.force_login(user)
    return client


def test_the_page_shows_each_chart_with_a_table_of_the_same_numbers(world: World) -> None:
    page = _client("bantochuc", Role.ORG_STAFF, world.province).get("/")
    assert page.status_code == 200
    html = page.content.decode()
    for key in ("sex", "age", "ethnicity", "status"):
        option = json.loads(
            re.search(
                rf'<script id="option-{key}" type="application/json">(.*?)</script>', html, re.S
            )[1]  # type: ignore[index]
        )
        table = re.search(rf'<table class="figures" data-tally="{key}">(.*?)</table>', html, re.S)[
            1
        ]  # type: ignore[index]
        counts = [int(n) for n in re.findall(r'data-count="(\d+)"', table)]
        assert [v for _label, v in _chart_rows(option)] == counts
    assert "Bế Văn Đàm" not in html
    assert "Tổng số: <strong>8</strong>" in html


def test_numbers_are_grouped_the_vietnamese_way(world: World) -> None:
    from django.utils import translation

    from canbo.web.templatetags.canbo import vn_number

    assert vn_number(1234567) == "1.234.567"
    assert vn_number(45.25, 1) == "45,2"
    assert vn_number(None) == ""
    with translation.override("en"):
        assert vn_number(1234567) == "1,234,567"
        assert vn_number(45.25, 1) == "45.2"


def test_each_role_is_offered_only_the_forms_it_may_use(world: World) -> None:
    secretary = _client("bithu", Role.CELL_SECRETARY, world.cells["a"]).get("/").content.decode()
    clerk = _client("bantochuc", Role.ORG_STAFF, world.province).get("/").content.decode()
    viewer = _client("xem", Role.VIEWER, world.province).get("/").content.decode()
    assert 'href="/danh-gia/mo-dot/"' not in secretary
    assert 'href="/hoi-nghi/"' not in secretary.split("<main")[1]
    assert "Nhập tự đánh giá" in secretary
    assert 'href="/danh-gia/mo-dot/"' in clerk
    assert "Tạo hội nghị, lấy phiếu" in clerk
    assert "Tạo hội nghị" not in viewer and "Nhập tự đánh giá" not in viewer
    assert "Chi bộ thôn Trung Chải" in secretary and "Lù Văn Sáng" not in secretary


def test_an_account_without_a_readable_unit_sees_no_figures_and_no_whole_tree(
    world: World,
) -> None:
    page = _client("kiemphieu", Role.COUNTING_COMMITTEE, world.commune).get("/").content.decode()
    assert "Phạm vi: không có đơn vị nào" in page
    assert "toàn hệ thống" not in page
    assert "Tổng số: <strong>0</strong>" in page


def test_the_tree_stays_at_its_own_address(world: World) -> None:
    client = _client("quantri", Role.ADMIN, None)
    assert "Cây tổ chức" in client.get("/tree/").content.decode()
    assert "Tổng quan" in client.get("/").content.decode()


def test_the_figures_are_kept_in_the_cache_for_the_configured_time(
    world: World,
    settings,  # type: ignore[no-untyped-def]
) -> None:
    from canbo.web.dashboard_reminders import store

    store().clear()
    settings.CANBO_HOME_CACHE_SECONDS = 60
    clerk = _actor(Role.ORG_STAFF, world.province)
    first = counting.home(clerk, TODAY)
    assert first is not None and first.members == 8
    f.person("Người Mới", world.cells["a"])
    assert counting.home(clerk, TODAY).members == 8  # type: ignore[union-attr]
    settings.CANBO_HOME_CACHE_SECONDS = 0
    assert counting.home(clerk, TODAY).members == 9  # type: ignore[union-attr]
    store().clear()


def test_classification_progress_is_shown_by_unit_for_the_open_cycle() -> None:
    from tests.integration import classification_fixtures as cf

    c = cf.commune()
    cycle_id = cf.open_cycle(c)
    cf.decide(cycle_id, cf.subject_of(cycle_id, unit=c.cell_a), c, cf.FAIR)
    clerk = counting.home(_actor(Role.ORG_STAFF, c.province), TODAY)
    rows = {p.unit: (p.to_rank, p.decided) for p in clerk.progress}
    secretary = counting.home(_actor(Role.CELL_SECRETARY, c.cell_a), TODAY)
    admin = counting.home(_actor(Role.ADMIN, None), TODAY)
    assert rows["Đảng bộ xã Bát Xát"][1] == 1
    assert sum(n for n, _d in rows.values()) == sum(p.to_rank for p in admin.progress)
    assert [(p.unit, p.decided) for p in secretary.progress] == [("Chi bộ thôn Trung Chải", 1)]
    assert secretary.progress[0].to_rank == 7  # the cell and its six members
    assert clerk.progress[0].url.startswith(f"/danh-gia/{cycle_id}/don-vi/")


def test_figures_counted_ahead_by_the_command_are_served_until_counted_again(
    world: World,
    settings,  # type: ignore[no-untyped-def]
) -> None:
    import io

    from django.core.management import call_command

    from canbo.core.clock import SystemClock
    from canbo.web.dashboard_reminders import store

    store().clear()
    settings.CANBO_HOME_CACHE_SECONDS = 60
    out = io.StringIO()
    call_command("home_figures", seconds=600, stdout=out)
    assert "9 đảng viên" in out.getvalue()
    f.person("Người Mới", world.cells["a"])
    today = SystemClock().today()
    admin = _actor(Role.ADMIN, None)
    assert counting.home(admin, today).members == 9
    call_command("home_figures", seconds=600, stdout=io.StringIO())
    assert counting.home(admin, today).members == 10
    store().clear()


@pytest.mark.django_db(transaction=True)
def test_the_whole_tree_is_counted_in_the_background_while_the_page_says_so(
    world: World,
    settings,  # type: ignore[no-untyped-def]
) -> None:
    from canbo.web.dashboard_reminders import store

    store().clear()
    settings.CANBO_HOME_CACHE_SECONDS = 60
    admin = _actor(Role.ADMIN, None)
    assert counting.home(admin, TODAY) is None
    assert counting.home(admin, TODAY) is None  # one count at a time
    assert len([t for t in counting.RUNNING if t.is_alive()]) <= 1
    page = _client("quantri", Role.ADMIN, None).get("/").content.decode()
    assert "đang được tính" in page
    for thread in counting.RUNNING:
        thread.join(60)
    found = counting.home(admin, TODAY)
    assert found is not None and found.members == 9
    assert (
        "Tổng số: <strong>9</strong>"
        in _client("quantri2", Role.ADMIN, None).get("/").content.decode()
    )
    store().clear()


def test_the_console_verb_counts_the_figures_ahead() -> None:
    from canbo.cli import USAGE, resolve

    assert resolve(["home", "figures", "--seconds", "60"]) == ["home_figures", "--seconds", "60"]
    assert "home figures" in USAGE
