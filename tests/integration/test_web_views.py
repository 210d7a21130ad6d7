"""The web shell: login with throttling and TOTP for admins, scoped pages, the tree as of a date,
search over old names, the person record, members in Vietnamese order, the language switch."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from canbo.accounts.models import LoginFailure, RoleGrant
from canbo.core.records import (
    DisciplineData,
    LeaveData,
    PositionData,
    RelativeData,
    RetirementNoticeData,
    TermData,
)
from canbo.core.types import (
    DisciplineForm,
    Interval,
    LeaveKind,
    LineageKind,
    RelationKind,
    Role,
    UnitKind,
)
from canbo.registry import models
from canbo.registry.uow import DjangoRegistryUnitOfWork
from canbo.services.registry import changes as svc
from canbo.services.registry import records
from tests import factories as f

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-rat-dai-2026"
MERGE = dt.date(2025, 7, 1)


@dataclass(frozen=True)
class World:
    tree: f.SmallTree
    cao_bang_cell: int
    an: int
    outsider: int


def _user(username: str, *, staff: bool = False, root: int | None = None) -> User:
    user = User.objects.create_user(username, password=PASSWORD, is_staff=staff)
    if not staff:
        RoleGrant.objects.create(
            user=user, role=Role.ORG_STAFF, unit_id=root, valid_from=dt.date(2025, 7, 1)
        )
    return user


@pytest.fixture
def world() -> World:
    """Hà Giang and old Tuyên Quang merge into new Tuyên Quang on 01/07/2025 (OR-16); Cao Bằng
    stays; six members in Na Pô cell; the Bản Lý cell was renamed on 01/01/2020."""
    tree = f.small_tree()
    an = f.person("Nguyễn Văn An", tree.cell_a)
    for name in ("Trần Thị Bình", "Lê Văn Ánh", "Phạm Thị Anh", "Hoàng Văn Đức", "Vũ Thị Dung"):
        f.person(name, tree.cell_a)
    svc.reorganize(
        DjangoRegistryUnitOfWork(),
        f.SYSTEM,
        kind=LineageKind.MERGE,
        date=MERGE,
        legal_basis="NQ 202/2025/QH15",
        predecessors=[tree.ha_giang, tree.tuyen_quang_old],
        successors=[tree.tuyen_quang_new],
    )
    version = DjangoRegistryUnitOfWork().units.get_version(tree.cell_b, dt.date(2019, 1, 1))
    assert version is not None
    renamed = _renamed(version, "Chi bộ thôn Bản Lý Một", dt.date(2020, 1, 1))
    svc.change_unit(DjangoRegistryUnitOfWork(), f.SYSTEM, tree.cell_b, renamed)
    cao_bang = f.unit("Đảng bộ tỉnh Cao Bằng", UnitKind.PROVINCIAL_PARTY_COMMITTEE, tree.central)
    commune = f.unit("Đảng bộ xã Hà Quảng", UnitKind.COMMUNE_PARTY_COMMITTEE, cao_bang)
    cell = f.unit("Chi bộ thôn Nà Giàng", UnitKind.CELL, commune)
    outsider = f.person("Bế Văn Đàm", cell)
    return World(tree, cell, an, outsider)


def _renamed(version, name, since):  # type: ignore[no-untyped-def]
    return dataclasses.replace(version, name=name, valid=Interval(since))


def _login(client: Client, username: str, password: str = PASSWORD, **extra: str):  # type: ignore[no-untyped-def]
    return client.post("/login/", {"username": username, "password": password}, **extra)


# Login and throttling


def test_a_user_signs_in_with_the_login_page_and_lands_on_the_tree(world: World) -> None:
    _user("tq", root=world.tree.tuyen_quang_new)
    client = Client()
    assert client.get("/").status_code == 302
    response = _login(client, "tq")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "Đảng bộ tỉnh Tuyên Quang" in client.get("/").content.decode()


def test_logins_are_throttled_after_the_maximum_failures_even_with_the_right_password(
    settings,  # type: ignore[no-untyped-def]
) -> None:
    settings.CANBO_LOGIN_MAX_FAILURES = 3
    _user("tq")
    client = Client()
    for _ in range(3):
        assert _login(client, "tq", "sai").status_code == 200
    throttled = _login(client, "tq")
    assert throttled.status_code == 429
    assert "_auth_user_id" not in client.session
    assert _login(Client(), "tq", REMOTE_ADDR="10.1.2.3").status_code == 302
    stored = set(LoginFailure.objects.values_list("address_hash", flat=True))
    assert len(stored) == 1
    assert "127.0.0.1" not in next(iter(stored))
    assert len(next(iter(stored))) == 64


def test_a_successful_login_clears_earlier_failures(settings) -> None:  # type: ignore[no-untyped-def]
    settings.CANBO_LOGIN_MAX_FAILURES = 3
    _user("tq")
    client = Client()
    _login(client, "tq", "sai")
    _login(client, "tq", "sai")
    assert _login(client, "tq").status_code == 302
    assert not LoginFailure.objects.exists()


# Two-factor login for administrators


def test_an_admin_must_pass_totp_before_any_page_and_before_the_admin_site(
    world: World,
    settings,  # type: ignore[no-untyped-def]
) -> None:
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    admin = _user("quantri", staff=True)
    admin.is_superuser = True
    admin.save()
    device = TOTPDevice.objects.create(user=admin, name="TOTP", confirmed=True)
    client = Client()
    response = _login(client, "quantri")
    assert response["Location"].startswith("/login/totp/")
    assert client.get("/").headers["Location"].startswith("/login/totp/")
    admin_redirect = client.get("/admin/registry/title/")
    assert admin_redirect.status_code == 302
    assert admin_redirect["Location"].startswith("/admin/login/")
    assert client.get(admin_redirect["Location"])["Location"].startswith("/login/totp/")
    wrong = client.post("/login/totp/", {"token": "000000", "next": "/admin/"})
    assert wrong.status_code == 200
    right = client.post("/login/totp/", {"token": f"{totp(device.bin_key):06d}", "next": "/admin/"})
    assert right["Location"] == "/admin/"
    assert client.get("/admin/registry/title/").status_code == 200
    assert client.get("/").status_code == 200


def test_a_right_code_just_after_a_wrong_one_is_refused_by_the_device_throttle() -> None:
    admin = _user("quantri", staff=True)
    device = TOTPDevice.objects.create(user=admin, name="TOTP", confirmed=True)
    client = Client()
    _login(client, "quantri")
    client.post("/login/totp/", {"token": "000000"})
    refused = client.post("/login/totp/", {"token": f"{totp(device.bin_key):06d}"})
    assert refused.status_code == 200
    assert client.get("/").status_code == 302


def test_an_admin_without_a_device_enrols_with_a_qr_code_drawn_on_the_server(
    world: World,
) -> None:
    _user("quantri", staff=True)
    client = Client()
    assert _login(client, "quantri")["Location"].startswith("/login/totp/setup/")
    page = client.get("/login/totp/setup/")
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user__username="quantri")
    assert not device.confirmed
    response = client.post("/login/totp/setup/", {"token": f"{totp(device.bin_key):06d}"})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/").status_code == 200


def test_an_htmx_request_without_a_session_asks_htmx_to_open_the_login_page(
    world: World,
) -> None:
    response = Client().get(f"/units/{world.tree.central}/children/", HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith("/login/?next=")


def test_the_django_admin_login_form_is_replaced_by_the_throttled_login() -> None:
    response = Client().get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


# Scope


def test_a_scoped_actor_gets_the_same_not_found_for_a_person_outside_scope_and_a_missing_one(
    world: World,
) -> None:
    client = Client()
    client.force_login(_user("tq", root=world.tree.tuyen_quang_new))
    inside = client.get(f"/people/{world.an}/")
    outside = client.get(f"/people/{world.outsider}/")
    missing = client.get("/people/987654/")
    assert inside.status_code == 200
    assert outside.status_code == missing.status_code == 404
    assert "Không tìm thấy cán bộ, đảng viên." in outside.content.decode()
    assert _error_section(outside) == _error_section(missing)


def _error_section(response) -> str:  # type: ignore[no-untyped-def]
    text = response.content.decode()
    return text[text.index('<section class="error"') : text.index("</section>")]


def test_units_outside_the_scope_are_not_found_on_every_page(world: World) -> None:
    client = Client()
    client.force_login(_user("tq", root=world.tree.tuyen_quang_new))
    assert client.get(f"/units/{world.cao_bang_cell}/").status_code == 404
    assert client.get(f"/units/{world.cao_bang_cell}/children/").status_code == 404
    assert client.get(f"/units/{world.tree.cell_a}/").status_code == 200


# Tree as of a date


def _viewer(client: Client) -> None:
    user = User.objects.create_user("xem", password=PASSWORD)
    RoleGrant.objects.create(user=user, role=Role.VIEWER, unit=None, valid_from=dt.date(2020, 1, 1))
    client.force_login(user)


def test_the_tree_as_of_2024_shows_the_old_provinces_and_as_of_2026_the_merged_one(
    world: World,
    django_assert_max_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    client = Client()
    _viewer(client)
    with django_assert_max_num_queries(6):
        roots = client.get("/tree/?as_of=2024-12-31").content.decode()
    assert "Ban Chấp hành Trung ương" in roots
    url = f"/units/{world.tree.central}/children/"
    with django_assert_max_num_queries(6):
        before = client.get(url, {"as_of": "2024-12-31"}, HTTP_HX_REQUEST="true").content.decode()
    after = client.get(url, {"as_of": "2026-01-15"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Đảng bộ tỉnh Hà Giang" in before
    assert "Đảng bộ tỉnh Hà Giang" not in after
    assert f"/units/{world.tree.tuyen_quang_old}/" in before
    assert f"/units/{world.tree.tuyen_quang_new}/" in after
    assert f"/units/{world.tree.tuyen_quang_old}/" not in after


def test_a_scoped_user_sees_their_province_as_the_root_of_the_tree(world: World) -> None:
    client = Client()
    client.force_login(_user("tq", root=world.tree.tuyen_quang_new))
    page = client.get("/tree/?as_of=2026-01-15").content.decode()
    assert "Đảng bộ tỉnh Tuyên Quang" in page
    assert "Ban Chấp hành Trung ương" not in page
    assert "Cao Bằng" not in page


# Search


def test_search_finds_a_former_name_without_tones_or_capitals(world: World) -> None:
    client = Client()
    _viewer(client)
    page = client.get("/search/", {"q": "ha giang"}).content.decode()
    assert "Đảng bộ tỉnh Hà Giang" in page
    assert "tên cũ" in page
    renamed = client.get("/search/", {"q": "Bản Lý"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Chi bộ thôn Bản Lý" in renamed
    assert "Chi bộ thôn Bản Lý Một" in renamed
    assert "<html" not in renamed


def test_search_shows_parent_and_dates_when_a_name_is_ambiguous(world: World) -> None:
    client = Client()
    _viewer(client)
    page = client.get("/search/", {"q": "Tuyên Quang"}).content.decode()
    assert "(Ban Chấp hành Trung ương, 01/01/2010–30/06/2025)" in page
    assert "(Ban Chấp hành Trung ương, 01/07/2025–nay)" in page


def test_search_returns_only_units_in_the_actors_scope(world: World) -> None:
    client = Client()
    client.force_login(_user("tq", root=world.tree.tuyen_quang_new))
    assert "Yên Minh" in client.get("/search/", {"q": "yen minh"}).content.decode()
    assert "Tuyên Quang" in client.get("/search/", {"q": "TUYEN quang"}).content.decode()
    assert "Cao Bằng" not in client.get("/search/", {"q": "cao bang"}).content.decode()
    assert "Nà Giàng" not in client.get("/search/", {"q": "na giang"}).content.decode()


# Person record and members


def test_the_person_page_shows_every_record_section(world: World) -> None:
    models.Title.objects.create(code="BT-CB", name="Bí thư chi bộ", level="grassroots")
    uow, pid, cell = DjangoRegistryUnitOfWork(), world.an, world.tree.cell_a
    today = f.TODAY
    records.add_term(
        uow, f.SYSTEM, TermData(cell, "2020–2025", dt.date(2020, 9, 1), dt.date(2025, 8, 31)), today
    )
    for item in (
        PositionData("BT-CB", cell, "elected", Interval(dt.date(2020, 9, 15)), "NQ 01"),
        DisciplineData(DisciplineForm.KHIEN_TRACH, dt.date(2024, 3, 4), "Đảng ủy xã Yên Minh"),
        LeaveData(LeaveKind.SICK, dt.date(2025, 1, 6), dt.date(2025, 2, 28)),
        RetirementNoticeData(dt.date(2026, 6, 1), dt.date(2026, 12, 1)),
        RelativeData(RelationKind.SPOUSE, dt.date(2025, 1, 2), full_name="Đặng Thị Thu"),
    ):
        records.add_record(uow, f.SYSTEM, pid, item, today)
    client = Client()
    _viewer(client)
    page = client.get(f"/people/{pid}/").content.decode()
    for text in (
        "Nguyễn Văn An",
        "Ngày vào Đảng",
        "19/05/2010",
        "Chi bộ thôn Na Pô",
        "Bí thư chi bộ",
        "2020–2025",
        "Khiển trách",
        "Nghỉ ốm",
        "01/12/2026",
        "Đặng Thị Thu",
        "Vợ, chồng",
    ):
        assert text in page, text


def test_membership_history_shows_the_cell_name_as_of_those_dates(world: World) -> None:
    pid = f.person("Lò Thị Mai", world.tree.cell_b, since=dt.date(2015, 3, 2))
    client = Client()
    _viewer(client)
    page = client.get(f"/people/{pid}/").content.decode()
    assert "Chi bộ thôn Bản Lý<" in page


def test_members_are_listed_by_given_name_in_vietnamese_order(
    world: World,
    django_assert_max_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    client = Client()
    _viewer(client)
    with django_assert_max_num_queries(12):
        page = client.get(f"/units/{world.tree.cell_a}/", {"as_of": "2026-01-15"})
    text = page.content.decode()
    order = [
        "Nguyễn Văn An",
        "Phạm Thị Anh",
        "Lê Văn Ánh",
        "Trần Thị Bình",
        "Vũ Thị Dung",
        "Hoàng Văn Đức",
    ]
    positions = [text.index(name) for name in order]
    assert positions == sorted(positions)


# Language


def test_switching_to_english_changes_the_text_of_the_pages(world: World) -> None:
    client = Client()
    _viewer(client)
    assert "Cây tổ chức" in client.get("/tree/").content.decode()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/tree/"})
    assert response.status_code == 302
    page = client.get("/tree/").content.decode()
    assert "Organization tree" in page
    assert 'lang="en"' in page
    assert "Cây tổ chức" not in page


def test_signing_out_ends_the_session_and_returns_to_the_login_page(world: World) -> None:
    client = Client()
    client.force_login(_user("tq", root=world.tree.tuyen_quang_new))
    response = client.post("/logout/")
    assert response["Location"] == "/login/"
    assert client.get("/").status_code == 302


def test_the_demo_login_page_says_that_admin_two_factor_is_relaxed(settings) -> None:  # type: ignore[no-untyped-def]
    settings.CANBO_REQUIRE_ADMIN_2FA = False
    assert "Bản trình diễn" in Client().get("/login/").content.decode()
    settings.CANBO_REQUIRE_ADMIN_2FA = True
    assert "Bản trình diễn" not in Client().get("/login/").content.decode()
