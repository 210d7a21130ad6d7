"""The forms that choose people and units with the type-ahead picker, through Django's test
client: a conference's unit, convening a whole unit (its members on the conference date) or a
unit's committee (the holders of its posts), the people voted on from a unit's posts, the
counting committee chosen by name among the people convened, the check-in list ticked in
bulk; and the picker's scope (the options offered, and an id posted by hand)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from canbo.accounts.models import RoleGrant
from canbo.audit.models import AuditEntry
from canbo.conferences.models import CheckIn, Convocation, Site
from canbo.core.types import PersonId, Role, Sex, UnitId, UnitKind
from canbo.registry import models as reg
from canbo.voting import conference_views, models
from canbo.voting import selectors as vote_sel
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)
HELD_ON = dt.date(2026, 11, 20)


def login(username: str, role: Role, unit: int) -> Client:
    user = get_user_model().objects.create_user(username, password="mat-khau-dai-1")
    RoleGrant.objects.create(user=user, role=role, unit_id=unit, valid_from=dt.date(2020, 1, 1))
    client = Client()
    client.force_login(user)
    return client


def post(client: Client, url: str, data: dict[str, object], status: int = 302) -> str:
    response = client.post(url, data)
    body = response.content.decode()
    assert response.status_code == status, body[:3000]
    return body if status != 302 else str(response["Location"])


def conference(staff: Client, unit: int) -> int:
    where = post(
        staff,
        "/hoi-nghi/",
        {
            "unit_code": f"id:{unit}",
            "title": "Hội nghị Ban Chấp hành",
            "body": "party",
            "held_on": HELD_ON.isoformat(),
            "place": "Yên Minh",
        },
    )
    return int(re.search(r"/hoi-nghi/(\d+)/", where).group(1))


def convened(cid: int) -> set[int]:
    return set(Convocation.objects.filter(conference_id=cid).values_list("person_id", flat=True))


def hold(person: int, unit: int, code: str, name: str, rank: int, **dates: dt.date) -> None:
    title, _ = reg.Title.objects.get_or_create(
        code=code, defaults={"name": name, "level": "commune", "rank": rank}
    )
    reg.PositionHolding.objects.create(
        person_id=person,
        title=title,
        unit_id=unit,
        how="elected",
        valid_from=dates.get("since", dt.date(2020, 10, 1)),
        valid_to=dates.get("until", dt.date(9999, 12, 31)),
    )


def end_membership(person: int, on: dt.date) -> None:
    reg.Membership.objects.filter(person_id=person).update(valid_to=on)


@dataclass
class World:
    tree: f.SmallTree
    people: dict[str, PersonId]
    staff: Client
    other: UnitId


@pytest.fixture
def world() -> World:
    tree = f.small_tree()
    other = f.unit("Đảng bộ xã Mậu Duệ", UnitKind.COMMUNE_PARTY_COMMITTEE, tree.ha_giang)
    other_cell = f.unit("Chi bộ thôn Mậu Duệ", UnitKind.CELL, other)
    people = {
        "an": f.person("Nguyễn Văn An", tree.cell_a),
        "binh": f.person("Trần Thị Bình", tree.cell_a, sex=Sex.FEMALE),
        "cuong": f.person("Lê Văn Cường", tree.cell_b),
        "left": f.person("Phạm Văn Dũng", tree.cell_a),
        "later": f.person("Hoàng Văn Em", tree.cell_b, since=dt.date(2026, 12, 1)),
        "outside": f.person("Vũ Văn Giang", other_cell),
    }
    end_membership(people["left"], dt.date(2026, 6, 30))
    staff = login("bantochuc", Role.ORG_STAFF, tree.commune)
    return World(tree, people, staff, other)


def test_convening_a_whole_unit_gives_exactly_its_members_on_the_conference_date(
    world: World,
) -> None:
    tree, people, staff = world.tree, world.people, world.staff
    cid = conference(staff, tree.commune)
    post(staff, f"/hoi-nghi/{cid}/trieu-tap/", {"unit_members": f"id:{tree.commune}"})
    assert convened(cid) == {people[k] for k in ("an", "binh", "cuong")}
    # one cell only, and a person chosen by name on top: each convened once
    cid2 = conference(staff, tree.commune)
    post(
        staff,
        f"/hoi-nghi/{cid2}/trieu-tap/",
        {"unit_members": f"id:{tree.cell_b}", "people": [f"id:{people['an']}"]},
    )
    assert convened(cid2) == {people["cuong"], people["an"]}


def test_convening_a_units_committee_takes_the_holders_of_its_posts(
    world: World,
) -> None:
    tree, people, staff = world.tree, world.people, world.staff
    p = people
    hold(p["an"], tree.commune, "BT_DUX", "Bí thư Đảng ủy xã", 10)
    hold(p["cuong"], tree.commune, "PBT_DUX", "Phó Bí thư Đảng ủy xã", 20)
    hold(p["binh"], tree.commune, "UV_DUX", "Ủy viên Ban Chấp hành", 30, until=dt.date(2025, 1, 1))
    hold(p["binh"], tree.cell_a, "BT_CB", "Bí thư chi bộ", 40)
    cid = conference(staff, tree.commune)
    post(staff, f"/hoi-nghi/{cid}/trieu-tap/", {"unit_committee": f"id:{tree.commune}"})
    assert convened(cid) == {p["an"], p["cuong"]}
    # a unit without posts held that day is refused next to the field, nothing convened
    cid2 = conference(staff, tree.commune)
    page = post(staff, f"/hoi-nghi/{cid2}/trieu-tap/", {"unit_committee": f"id:{tree.cell_b}"}, 400)
    assert "Không ai giữ chức vụ trong đơn vị vào ngày họp." in page
    assert convened(cid2) == set()


def test_subjects_from_a_units_posts_and_the_committee_chosen_by_name(
    world: World,
) -> None:
    tree, p, staff = world.tree, world.people, world.staff
    hold(p["an"], tree.commune, "BT_DUX", "Bí thư Đảng ủy xã", 10)
    hold(p["an"], tree.commune, "CT_HDND", "Chủ tịch HĐND xã", 15)
    hold(p["cuong"], tree.commune, "PBT_DUX", "Phó Bí thư Đảng ủy xã", 20)
    kp = login("kp1", Role.COUNTING_COMMITTEE, tree.commune)
    cid = conference(staff, tree.commune)
    post(staff, f"/hoi-nghi/{cid}/trieu-tap/", {"unit_members": f"id:{tree.commune}"})
    form = staff.get(f"/bo-phieu/hoi-nghi/{cid}/tao/").content.decode()
    assert "Trần Thị Bình (1980)" in form and "Vũ Văn Giang" not in form
    binh_code = reg.Person.objects.get(pk=p["binh"]).code
    data = {
        "title": "Lấy phiếu tín nhiệm 2026",
        "subject_unit": f"id:{tree.commune}",
        "committee": [f"id:{p['an']}", f"id:{p['binh']}"],
        "committee_head": f"id:{p['binh']}",
        "counters": f"kp1 | {binh_code}",
        "paper_mode": "per_ballot",
        "dossier_sent_on": "2026-11-01",
        "questions_sent_on": "2026-11-05",
    }
    where = post(staff, f"/bo-phieu/hoi-nghi/{cid}/tao/", data)
    sid = int(re.search(r"/bo-phieu/(\d+)/", where).group(1))
    subjects = {s.person_id: s.position for s in vote_sel.subjects(sid)}
    assert subjects == {
        p["an"]: "Bí thư Đảng ủy xã; Chủ tịch HĐND xã",
        p["cuong"]: "Phó Bí thư Đảng ủy xã",
    }
    members = list(models.CountingMember.objects.filter(session_id=sid).order_by("pk"))
    assert [(m.person_id, m.is_head) for m in members] == [(p["binh"], True), (p["an"], False)]
    assert members[0].user_id == get_user_model().objects.get(username="kp1").pk
    assert members[1].user_id is None
    session = models.VoteSession.objects.get(pk=sid)
    names = [m["full_name"] for m in vote_sel.committee(session, set())]
    assert names == ["Trần Thị Bình", "Nguyễn Văn An"]
    page = staff.get(f"/bo-phieu/{sid}/").content.decode()
    assert "Trần Thị Bình, Nguyễn Văn An" in page
    # the account acts for its member: it makes the key (one share, for the one account)
    key_page = post(kp, f"/bo-phieu/{sid}/khoa-kiem-phieu/", {}, 200)
    assert len(re.findall(r'data-share="([A-Z0-9-]+)"', key_page)) == 1
    # the edit form shows the committee by name and keeps it when saved unchanged
    edit = staff.get(f"/bo-phieu/{sid}/sua/").content.decode()
    assert re.search(rf'value="id:{p["binh"]}"\s+checked', edit)


def test_a_committee_member_not_convened_is_refused(world: World) -> None:
    tree, p, staff = world.tree, world.people, world.staff
    cid = conference(staff, tree.commune)
    post(staff, f"/hoi-nghi/{cid}/trieu-tap/", {"people": [f"id:{p['an']}"]})
    data = {
        "title": "Lấy phiếu",
        "committee": [f"id:{p['an']}", f"id:{p['outside']}"],
        "paper_mode": "per_ballot",
    }
    page = post(staff, f"/bo-phieu/hoi-nghi/{cid}/tao/", data, 400)
    assert "Không có trong danh sách được chọn" in page
    assert not models.VoteSession.objects.exists()


def test_bulk_check_in_checks_each_delegate_in_with_an_audit_entry_each(
    world: World,
) -> None:
    tree, p, staff = world.tree, world.people, world.staff
    cid = conference(staff, tree.commune)
    post(staff, f"/hoi-nghi/{cid}/trieu-tap/", {"unit_members": f"id:{tree.commune}"})
    post(staff, f"/hoi-nghi/{cid}/diem-cau/", {"name": "Hội trường"})
    site_id = Site.objects.get(conference_id=cid).pk
    url = f"/hoi-nghi/diem-cau/{site_id}/"
    listing = staff.get(url).content.decode()
    assert listing.count('name="present"') == 3 and "data-picker-filter" in listing
    page = post(staff, url, {"present": [p["an"], p["cuong"]]}, 200)
    assert "Đã điểm danh: Nguyễn Văn An" in page and "Đã điểm danh: Lê Văn Cường" in page
    present = CheckIn.objects.filter(convocation__conference_id=cid)
    assert set(present.values_list("convocation__person_id", flat=True)) == {p["an"], p["cuong"]}
    assert AuditEntry.objects.filter(action="conference.check_in").count() == 2
    assert page.count('name="present"') == 1  # only Bình is left to tick
    # someone not convened (or already in) cannot be ticked: refused, nothing recorded
    post(staff, url, {"present": [p["an"], p["outside"]]}, 400)
    assert AuditEntry.objects.filter(action="conference.check_in").count() == 2


def test_a_long_check_in_list_is_filtered_on_the_server(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree, p, staff = world.tree, world.people, world.staff
    cid = conference(staff, tree.commune)
    post(staff, f"/hoi-nghi/{cid}/trieu-tap/", {"unit_members": f"id:{tree.commune}"})
    post(staff, f"/hoi-nghi/{cid}/diem-cau/", {"name": "Hội trường"})
    url = f"/hoi-nghi/diem-cau/{Site.objects.get(conference_id=cid).pk}/"
    monkeypatch.setattr(conference_views, "CLIENT_FILTER_MAX", 2)
    page = staff.get(url, {"q": "binh"}).content.decode()
    assert page.count('name="present"') == 1 and f'value="{p["binh"]}"' in page
    assert 'hx-get="' in page and "data-picker-filter" not in page
    assert "1 trên 1 người khớp (danh sách có 3 người)" in page
    monkeypatch.setattr(conference_views, "CLIENT_FILTER_MAX", 3000)
    assert staff.get(url, {"q": "binh"}).content.decode().count('name="present"') == 3


def test_the_picker_offers_only_the_actors_scope_and_a_posted_id_outside_is_refused(
    world: World,
) -> None:
    tree, p, staff, other = world.tree, world.people, world.staff, world.other
    found = staff.get("/tim/goi-y/", {"q": "van giang", "loai": "person"}).content.decode()
    assert "Vũ Văn Giang" not in found
    found = staff.get("/tim/goi-y/", {"q": "van an", "loai": "person"}).content.decode()
    assert f'data-id="{p["an"]}"' in found
    cid = conference(staff, tree.commune)
    page = post(staff, f"/hoi-nghi/{cid}/trieu-tap/", {"people": [f"id:{p['outside']}"]}, 400)
    assert "không thuộc phạm vi của bạn" in page and "Vũ Văn Giang" not in page
    page = post(staff, f"/hoi-nghi/{cid}/trieu-tap/", {"unit_members": f"id:{other}"}, 400)
    assert "không thuộc phạm vi của bạn" in page and "Mậu Duệ" not in page
    assert convened(cid) == set()
    # the conference's unit too: a unit outside the scope, by id or by code
    code = reg.OrgUnit.objects.get(pk=other).code
    for value in (f"id:{other}", code):
        data = {"unit_code": value, "title": "X", "body": "party", "held_on": "2026-11-20"}
        page = post(staff, "/hoi-nghi/", data, 200)
        assert "phạm vi của bạn" in page and "Mậu Duệ" not in page
    # without JavaScript a code is typed: resolved, and the chosen person shown by label
    code = reg.Person.objects.get(pk=p["an"]).code
    post(staff, f"/hoi-nghi/{cid}/trieu-tap/", {"people": code})
    assert convened(cid) == {p["an"]}


@pytest.mark.parametrize(
    "value", ["id:99999999999999999999999", "id:0", "id:-3", "id:²", "x" * 500]
)
def test_a_malformed_choice_is_refused_next_to_the_field(world: World, value: str) -> None:
    cid = conference(world.staff, world.tree.commune)
    page = post(world.staff, f"/hoi-nghi/{cid}/trieu-tap/", {"people": value}, 400)
    assert "phạm vi của bạn" in page
    assert convened(cid) == set()


@pytest.mark.parametrize("value", ["a\x00b", "<b>x</b>"])
def test_a_typed_code_that_is_no_code_is_named_back_and_never_queried(
    world: World, value: str
) -> None:
    """A NUL byte cannot even be sent to PostgreSQL (it answered 500): such text is refused as
    typed, with the invisible character spelled out, before any query."""
    cid = conference(world.staff, world.tree.commune)
    page = post(world.staff, f"/hoi-nghi/{cid}/trieu-tap/", {"people": value}, 400)
    assert ("a&lt;U+0000&gt;b" if "\x00" in value else "&lt;b&gt;x&lt;/b&gt;") in page
    assert convened(cid) == set()
