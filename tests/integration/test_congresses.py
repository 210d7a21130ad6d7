"""Congresses on the database (SQLite and PostgreSQL): the roll read from the registry on the
opening date, the registry's proposals of people not convened, fixing the roll into the
conference, the pages and the higher committee's overview scoped to its subtree."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from canbo.accounts.models import RoleGrant
from canbo.audit.models import AuditEntry
from canbo.conferences.models import Convocation
from canbo.congresses import models
from canbo.congresses.uow import DjangoCongressUnitOfWork
from canbo.core.elections.model import CongressKind, NotConvenedReason
from canbo.core.errors import RuleViolation
from canbo.core.types import PersonId, Role, Sex
from canbo.registry import models as reg
from canbo.services.congresses import base, congress
from canbo.services.congresses.ports import CongressData, CongressId
from canbo.services.ports import SYSTEM
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)
OPENS = dt.date(2025, 5, 10)


def login(username: str, role: Role, unit: int) -> Client:
    user = get_user_model().objects.create_user(username, password="mat-khau-dai-1")
    RoleGrant.objects.create(user=user, role=role, unit_id=unit, valid_from=dt.date(2020, 1, 1))
    client = Client()
    client.force_login(user)
    return client


@dataclass
class World:
    tree: f.SmallTree
    people: dict[str, PersonId]


@pytest.fixture
def world() -> World:
    tree = f.small_tree()
    people = {
        "an": f.person("Nguyễn Văn An", tree.cell_a),
        "binh": f.person("Trần Thị Bình", tree.cell_a, sex=Sex.FEMALE),
        "cuong": f.person("Lê Văn Cường", tree.cell_a),
        "dung": f.person("Phạm Văn Dũng", tree.cell_a),
        "later": f.person("Hoàng Văn Em", tree.cell_a, since=dt.date(2025, 6, 1)),
        "other": f.person("Vũ Văn Giang", tree.cell_b),
    }
    reg.Person.objects.filter(pk=people["dung"]).update(official_membership_date=None)
    reg.LeavePeriod.objects.create(
        person_id=people["cuong"], kind="suspended", starts=dt.date(2025, 3, 1),
        ends=dt.date(2025, 9, 1),
    )  # fmt: skip
    return World(tree, people)


def cell_congress(w: World) -> CongressId:
    data = CongressData(
        w.tree.cell_a, "", "2025–2030", CongressKind.CELL, OPENS, OPENS, "Nhà văn hóa thôn", ""
    )
    return congress.create_congress(DjangoCongressUnitOfWork(), SYSTEM, data)


def test_the_roll_is_read_from_the_registry_on_the_opening_date(world: World) -> None:
    cid = cell_congress(world)
    assert congress.build_roll(DjangoCongressUnitOfWork(), SYSTEM, cid) == 4
    roll = {e.person_id: e for e in DjangoCongressUnitOfWork().congresses.roll(cid)}
    p = world.people
    assert set(roll) == {p["an"], p["binh"], p["cuong"], p["dung"]}
    assert not roll[p["dung"]].official
    assert [e.full_name for e in roll.values()][:2] == ["Nguyễn Văn An", "Trần Thị Bình"]


def test_the_registry_proposes_the_suspended_member_and_fixing_convenes_the_rest(
    world: World,
) -> None:
    cid = cell_congress(world)
    congress.build_roll(DjangoCongressUnitOfWork(), SYSTEM, cid)
    proposals = congress.propose_not_convened(DjangoCongressUnitOfWork(), SYSTEM, cid)
    assert [(p.person_id, p.reason, p.fact_date) for p in proposals] == [
        (world.people["cuong"], NotConvenedReason.SUSPENDED, dt.date(2025, 3, 1))
    ]
    congress.mark_not_convened(DjangoCongressUnitOfWork(), SYSTEM, cid, proposals)
    assert congress.fix_roll(DjangoCongressUnitOfWork(), SYSTEM, cid) == 3
    conference = models.Congress.objects.get(pk=cid).conference_id
    convened = set(
        Convocation.objects.filter(conference_id=conference).values_list("person_id", flat=True)
    )
    assert world.people["cuong"] not in convened
    d = base.congress_denominator(DjangoCongressUnitOfWork(), cid)
    assert (d.convened, d.value) == (2, 2)
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert {"congress.create", "congress.not_convened", "congress.roll_fixed"} <= set(actions)


def test_the_pages_create_and_show_a_congress_and_the_overview_keeps_to_the_subtree(
    world: World,
) -> None:
    staff = login("bantochuc", Role.ORG_STAFF, world.tree.commune)
    form = {
        "unit": f"id:{world.tree.cell_a}",
        "term_label": "2025–2030",
        "kind": "",
        "opens_on": OPENS.isoformat(),
        "closes_on": OPENS.isoformat(),
        "place": "Nhà văn hóa thôn",
    }
    response = staff.post("/dai-hoi/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    cid = int(re.search(r"/dai-hoi/(\d+)/", response["Location"]).group(1))
    assert models.Congress.objects.get(pk=cid).kind == "cell"
    assert staff.post(f"/dai-hoi/{cid}/danh-sach/").status_code == 302
    page = staff.get(f"/dai-hoi/{cid}/").content.decode()
    assert "Nguyễn Văn An" in page and "Bị đình chỉ sinh hoạt đảng" in page
    overview = staff.get("/dai-hoi/").content.decode()
    assert "Đại hội Chi bộ thôn Na Pô nhiệm kỳ 2025–2030" in overview
    assert 'href="?trang-thai=preparing"' in overview
    title = "Đại hội Chi bộ thôn Na Pô nhiệm kỳ 2025–2030"
    assert title in staff.get("/dai-hoi/?trang-thai=preparing").content.decode()
    assert title not in staff.get("/dai-hoi/?trang-thai=open").content.decode()
    outsider = login("tuyenquang", Role.ORG_STAFF, world.tree.tuyen_quang_old)
    assert "Chi bộ thôn Na Pô" not in outsider.get("/dai-hoi/").content.decode()
    assert outsider.get(f"/dai-hoi/{cid}/").status_code == 404


def test_a_commune_with_members_holds_a_members_congress_by_the_proposed_kind(
    world: World,
) -> None:
    kind = congress.proposed_kind(DjangoCongressUnitOfWork(), world.tree.commune, OPENS)
    assert kind is CongressKind.MEMBERS
    data = CongressData(
        world.tree.commune, "", "2025–2030", CongressKind.DELEGATES, OPENS, OPENS, "", ""
    )
    with pytest.raises(RuleViolation) as refused:  # 3 official members: no delegates' congress
        congress.create_congress(DjangoCongressUnitOfWork(), SYSTEM, data)
    assert refused.value.code == "congress_kind_not_for_size"
    assert not models.Congress.objects.exists()


def test_the_overview_shows_the_composition_of_those_elected_and_approvals_pending(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from canbo.congresses import selectors
    from canbo.elections.selectors import ElectedRow

    cid = cell_congress(world)
    born_young, born_old = dt.date(1992, 1, 1), dt.date(1970, 1, 1)
    rows = [
        ElectedRow(cid, world.people["an"], "M", born_old, "Kinh", False, True),
        ElectedRow(cid, world.people["binh"], "F", born_young, "Tày", True, False),
        ElectedRow(cid, world.people["dung"], "F", born_old, "", True, False),
    ]
    asked: list[list[int]] = []

    def elected(ids: list[int]) -> list[ElectedRow]:
        asked.append(list(ids))
        return [r for r in rows if r.congress_id in ids]

    monkeypatch.setattr(selectors, "elected_people", elected)
    staff = login("bantochuc", Role.ORG_STAFF, world.tree.commune)
    view = selectors.overview(actor_for(staff), 1, "")
    row = view.rows[0]
    c = row.composition
    assert (c.elected, c.women, c.young, c.minority) == (3, 2, 1, 1)
    assert (c.re_elected, c.first_time, c.pending) == (1, 2, 2)
    assert (c.women_pct, c.young_pct) == ("66,7", "33,3")
    assert asked == [[cid]]
    page = staff.get("/dai-hoi/").content.decode()
    assert "66,7" in page


def actor_for(client: Client) -> object:
    from canbo.accounts.actors import actor_for as actor

    return actor(get_user_model().objects.get(pk=client.session["_auth_user_id"]))


def test_committee_members_who_left_or_retire_before_the_opening_are_proposed(
    world: World,
) -> None:
    commune = world.tree.commune
    data = CongressData(commune, "", "2025–2030", CongressKind.MEMBERS, OPENS, OPENS, "", "")
    cid = congress.create_congress(DjangoCongressUnitOfWork(), SYSTEM, data)
    p = world.people
    reg.Membership.objects.filter(person_id=p["binh"]).update(valid_to=dt.date(2025, 3, 31))
    reg.RetirementNotice.objects.create(
        person_id=p["an"], notice_date=dt.date(2024, 10, 1), retirement_date=dt.date(2025, 4, 30)
    )
    committee = [p["an"], p["binh"], p["other"]]
    congress.set_convening_committee(DjangoCongressUnitOfWork(), SYSTEM, cid, committee)
    found = congress.propose_not_convened(DjangoCongressUnitOfWork(), SYSTEM, cid)
    assert {(n.person_id, n.reason, n.fact_date) for n in found} == {
        (p["an"], NotConvenedReason.RETIRED_BEFORE_OPENING, dt.date(2025, 4, 30)),
        (p["binh"], NotConvenedReason.TRANSFERRED_OUT, dt.date(2025, 4, 1)),
    }
