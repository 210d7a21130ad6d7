"""Congress use cases on the in-memory fakes: create with its conference, the roll from the
registry, the people not convened, fixing the roll, working bodies, credentials, the base."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from canbo.core.elections.model import (
    CongressKind,
    DelegateStatus,
    NotConvenedReason,
    Subtraction,
)
from canbo.core.errors import Conflict, NotFound, RuleViolation, ValidationError
from canbo.core.types import PersonId, Role
from canbo.services.congresses import base, bodies, congress
from canbo.services.congresses.ports import (
    CongressData,
    CongressId,
    CongressStatus,
    NotConvenedData,
    PersonFacts,
    SubtractionData,
    WorkingBody,
)
from canbo.services.ports import SYSTEM
from canbo.services.voting import conferences
from tests.fakes.congresses import FakeCongressUnitOfWork, FakeRoster
from tests.fakes.registry import FakeRegistryUnitOfWork
from tests.unit.services.hall import Names
from tests.unit.services.world import Tree, person, small_tree, staff

OPENS = dt.date(2025, 5, 10)
NAMES = (
    "Nguyễn Thị Hoa",
    "Trần Văn Bình",
    "Lê Minh Châu",
    "Phạm Quốc Dũng",
    "Hoàng Thị Lan",
    "Vũ Đức Minh",
)


@dataclass
class World:
    uow: FakeCongressUnitOfWork
    tree: Tree
    people: list[PersonId]
    roster: FakeRoster


def world() -> World:
    registry = FakeRegistryUnitOfWork()
    tree = small_tree(registry)
    people = [person(registry, n, tree.cell_a) for n in NAMES]
    roster = FakeRoster(registry.tree, {tree.cell_a: "Chi bộ thôn Na Pô"}, frozenset({tree.cell_a}))
    for i, p in enumerate(people):
        roster.add(PersonFacts(p, NAMES[i], official=i != 5), tree.cell_a)
    return World(
        FakeCongressUnitOfWork(registry.tree, Names(registry), roster), tree, people, roster
    )


def create(w: World, kind: CongressKind = CongressKind.CELL) -> CongressId:
    """A cell congress of Na Pô, or a delegates' congress of the commune (below 200 members,
    so held with the higher committee's consent, EL-31)."""
    delegates = kind is CongressKind.DELEGATES
    unit = w.tree.commune if delegates else w.tree.cell_a
    data = CongressData(
        unit, "", "2025–2030", kind, OPENS, OPENS + dt.timedelta(days=1), "Na Pô", "",
        parameters={"higher_consent": True} if delegates else {},
    )  # fmt: skip
    return congress.create_congress(w.uow, SYSTEM, data)


def test_a_delegates_congress_below_the_line_needs_the_higher_committees_consent() -> None:
    w = world()
    data = CongressData(
        w.tree.commune, "", "2025–2030", CongressKind.DELEGATES, OPENS, OPENS, "", ""
    )
    with pytest.raises(RuleViolation) as refused:
        congress.create_congress(w.uow, SYSTEM, data)
    assert refused.value.code == "congress_kind_not_for_size"
    assert w.uow.congresses.congresses == {} and w.uow.conferences.conferences == {}


def test_a_congress_is_created_with_its_conference_and_the_rulebook_of_its_opening_date() -> None:
    w = world()
    cid = create(w)
    data = w.uow.congresses.get(cid)
    assert data is not None
    assert data.rulebook_id == "QD190_2024"
    assert data.title == "Đại hội Chi bộ thôn Na Pô nhiệm kỳ 2025–2030"
    assert data.parameters == {"official_members": 5, "cell_committee": False}
    assert data.conference_id in w.uow.conferences.conferences
    assert w.uow.audit.actions == ["conference.create", "congress.create"]


def test_a_congress_outside_the_actors_subtree_is_not_found() -> None:
    w = world()
    outsider = staff("tochuc.tuyenquang", Role.ORG_STAFF, w.tree.tuyen_quang_old)
    with pytest.raises(NotFound):
        congress.create_congress(
            w.uow,
            outsider,
            CongressData(w.tree.cell_a, "", "2025–2030", CongressKind.CELL, OPENS, OPENS, "", ""),
        )
    cid = create(w)
    with pytest.raises(NotFound):
        congress.build_roll(w.uow, outsider, cid)
    assert not w.uow.congresses.congresses.get(CongressId(2))


def test_the_roll_holds_official_and_probationary_members_and_only_officials_make_the_base() -> (
    None
):
    w = world()
    cid = create(w)
    assert congress.build_roll(w.uow, SYSTEM, cid) == 6
    congress.fix_roll(w.uow, SYSTEM, cid)
    d = base.congress_denominator(w.uow, cid)
    assert (d.convened, d.value) == (5, 5)


def test_people_not_convened_are_proposed_listed_and_never_convened() -> None:
    w = world()
    suspended = w.people[0]
    w.roster.people[suspended] = PersonFacts(
        suspended, NAMES[0], suspended_on=OPENS - dt.timedelta(days=30)
    )
    cid = create(w)
    congress.build_roll(w.uow, SYSTEM, cid)
    proposals = congress.propose_not_convened(w.uow, SYSTEM, cid)
    assert [(p.person_id, p.reason) for p in proposals] == [
        (suspended, NotConvenedReason.SUSPENDED)
    ]
    congress.mark_not_convened(w.uow, SYSTEM, cid, proposals)
    assert suspended not in {e.person_id for e in w.uow.congresses.roll(cid)}
    congress.fix_roll(w.uow, SYSTEM, cid)
    conf = w.uow.congresses.get(cid)
    assert conf is not None and conf.conference_id is not None
    assert suspended not in w.uow.conferences.attendance(conf.conference_id).convened_person_ids
    with pytest.raises(RuleViolation) as refused:
        base.set_subtractions(
            w.uow, SYSTEM, cid, [SubtractionData(suspended, "", Subtraction.SUSPENDED)]
        )
    assert refused.value.code == "subtracted_not_convened"


def test_a_person_put_on_the_not_convened_list_by_mistake_is_taken_off_before_the_fix() -> None:
    w = world()
    cid = create(w)
    congress.build_roll(w.uow, SYSTEM, cid)
    wrong = NotConvenedData(w.people[1], "", NotConvenedReason.PROSECUTED, OPENS)
    congress.mark_not_convened(w.uow, SYSTEM, cid, [wrong])
    congress.unmark_not_convened(w.uow, SYSTEM, cid, w.people[1])
    assert w.uow.congresses.not_convened(cid) == []
    with pytest.raises(NotFound):
        congress.unmark_not_convened(w.uow, SYSTEM, cid, w.people[1])
    congress.build_roll(w.uow, SYSTEM, cid)
    assert w.people[1] in {e.person_id for e in w.uow.congresses.roll(cid)}
    congress.fix_roll(w.uow, SYSTEM, cid)
    with pytest.raises(Conflict):
        congress.unmark_not_convened(w.uow, SYSTEM, cid, w.people[0])


def test_a_not_convened_fact_after_the_opening_is_refused_and_nothing_is_stored() -> None:
    w = world()
    cid = create(w)
    late = NotConvenedData(w.people[1], "", NotConvenedReason.PROSECUTED, OPENS + dt.timedelta(1))
    with pytest.raises(ValidationError):
        congress.mark_not_convened(w.uow, SYSTEM, cid, [late])
    assert w.uow.congresses.not_convened(cid) == []


def test_a_convening_committee_member_who_retires_before_the_opening_is_proposed() -> None:
    w = world()
    retired = w.people[2]
    w.roster.people[retired] = PersonFacts(retired, NAMES[2], retires_on=OPENS - dt.timedelta(1))
    cid = create(w)
    congress.set_convening_committee(w.uow, SYSTEM, cid, [retired])
    found = congress.propose_not_convened(w.uow, SYSTEM, cid)
    assert [(p.person_id, p.reason) for p in found] == [
        (retired, NotConvenedReason.RETIRED_BEFORE_OPENING)
    ]


def test_the_roll_is_fixed_once_and_then_closed_to_changes() -> None:
    w = world()
    cid = create(w)
    congress.build_roll(w.uow, SYSTEM, cid)
    assert congress.fix_roll(w.uow, SYSTEM, cid) == 6
    with pytest.raises(Conflict):
        congress.build_roll(w.uow, SYSTEM, cid)
    congress.open_congress(w.uow, SYSTEM, cid)
    congress.close_congress(w.uow, SYSTEM, cid)
    data = w.uow.congresses.get(cid)
    assert data is not None and data.status is CongressStatus.CLOSED


def _present(w: World, cid: CongressId, people: list[PersonId]) -> None:
    data = w.uow.congresses.get(cid)
    assert data is not None and data.conference_id is not None
    site = conferences.add_site(w.uow, SYSTEM, data.conference_id, "Hội trường")
    for p in people:
        conferences.check_in(w.uow, SYSTEM, site, person_id=p)


def test_working_bodies_come_from_people_present_and_need_a_majority_of_hands() -> None:
    w = world()
    cid = create(w)
    congress.build_roll(w.uow, SYSTEM, cid)
    congress.fix_roll(w.uow, SYSTEM, cid)
    _present(w, cid, w.people[:5])
    hands = bodies.HandCount(5)
    with pytest.raises(ValidationError) as absent:
        bodies.set_working_body(
            w.uow, SYSTEM, cid, WorkingBody.PRESIDIUM, [w.people[5]], w.people[5], hands
        )
    assert absent.value.code == "body_member_not_present"
    with pytest.raises(RuleViolation):
        bodies.set_working_body(
            w.uow, SYSTEM, cid, WorkingBody.PRESIDIUM, [w.people[0]], w.people[0],
            bodies.HandCount(2, 3),
        )  # fmt: skip
    bodies.set_working_body(
        w.uow, SYSTEM, cid, WorkingBody.COUNTING, w.people[1:3], w.people[2], hands
    )
    members = bodies.counting_committee(w.uow, cid)
    assert [m.person_id for m in members] == [w.people[2], w.people[1]]
    assert members[0].is_head


def test_a_probationary_member_may_not_sit_on_the_counting_committee() -> None:
    w = world()
    cid = create(w)
    congress.build_roll(w.uow, SYSTEM, cid)
    congress.fix_roll(w.uow, SYSTEM, cid)
    _present(w, cid, w.people)
    with pytest.raises(RuleViolation) as refused:
        bodies.set_working_body(
            w.uow, SYSTEM, cid, WorkingBody.COUNTING, [w.people[5]], w.people[5],
            bodies.HandCount(6),
        )  # fmt: skip
    assert refused.value.code == "counting_member_not_official"


def test_members_subtracted_once_each_with_reasons_of_the_members_congress() -> None:
    w = world()
    cid = create(w)
    congress.build_roll(w.uow, SYSTEM, cid)
    congress.fix_roll(w.uow, SYSTEM, cid)
    line = SubtractionData(w.people[0], "", Subtraction.ABSENT_ACCEPTED)
    with pytest.raises(RuleViolation) as twice:
        base.set_subtractions(w.uow, SYSTEM, cid, [line, line])
    assert twice.value.code == "subtracted_twice"
    with pytest.raises(RuleViolation):
        base.set_subtractions(
            w.uow, SYSTEM, cid, [SubtractionData(w.people[0], "", Subtraction.COMMITTEE_ABSENT)]
        )
    with pytest.raises(ValidationError):  # a probationary member is not in the base
        base.set_subtractions(
            w.uow, SYSTEM, cid, [SubtractionData(w.people[5], "", Subtraction.ABSENT_ACCEPTED)]
        )
    base.set_subtractions(w.uow, SYSTEM, cid, [line])
    d = base.congress_denominator(w.uow, cid)
    assert (d.convened, d.value) == (5, 4)
    assert w.uow.audit.actions[-1] == "congress.subtractions"


def _delegates(w: World) -> CongressId:
    cid = create(w, CongressKind.DELEGATES)
    congress.set_convening_committee(w.uow, SYSTEM, cid, [w.people[0]])
    congress.build_roll(w.uow, SYSTEM, cid)
    congress.add_delegates(w.uow, SYSTEM, cid, w.people[1:4])
    congress.add_delegates(w.uow, SYSTEM, cid, w.people[4:6], alternate=True)
    congress.fix_roll(w.uow, SYSTEM, cid)
    _present(w, cid, [w.people[i] for i in (0, 1, 2, 4)])
    bodies.set_working_body(
        w.uow, SYSTEM, cid, WorkingBody.CREDENTIALS, [w.people[1]], w.people[1],
        bodies.HandCount(4),
    )  # fmt: skip
    return cid


def test_an_alternate_is_seated_only_for_an_official_absent_for_the_whole_congress() -> None:
    w = world()
    cid = _delegates(w)
    absent, alternate = w.people[3], w.people[4]
    seated = {alternate: DelegateStatus.ALTERNATE_SEATED}
    with pytest.raises(RuleViolation) as refused:
        bodies.credentials_report(w.uow, SYSTEM, cid, seated, {alternate: absent}, "BC 01")
    assert refused.value.code == "seated_for_not_absent"
    statuses = {absent: DelegateStatus.ABSENT_WHOLE_CONGRESS, **seated}
    bodies.credentials_report(w.uow, SYSTEM, cid, statuses, {alternate: absent}, "BC 01")
    roll = {e.person_id: e for e in w.uow.congresses.roll(cid)}
    assert roll[alternate].seated_for == absent
    assert base.propose_subtractions(w.uow, SYSTEM, cid) == []
    d = base.congress_denominator(w.uow, cid)
    assert (d.convened, d.value) == (4, 4)


def test_an_official_delegate_absent_without_alternate_is_proposed_and_subtracted() -> None:
    w = world()
    cid = _delegates(w)
    absent = w.people[3]
    report = {absent: DelegateStatus.ABSENT_WHOLE_CONGRESS}
    bodies.credentials_report(w.uow, SYSTEM, cid, report, {}, "BC 01")
    proposals = base.propose_subtractions(w.uow, SYSTEM, cid)
    assert [(p.person_id, p.reason) for p in proposals] == [
        (absent, Subtraction.ABSENT_NO_ALTERNATE)
    ]
    base.set_subtractions(w.uow, SYSTEM, cid, proposals)
    assert base.congress_denominator(w.uow, cid).value == 3


def test_the_credentials_report_needs_its_committee_and_a_delegates_congress() -> None:
    w = world()
    cid = create(w)
    congress.build_roll(w.uow, SYSTEM, cid)
    congress.fix_roll(w.uow, SYSTEM, cid)
    with pytest.raises(ValidationError):
        bodies.credentials_report(
            w.uow, SYSTEM, cid, {w.people[0]: DelegateStatus.DISQUALIFIED}, {}, ""
        )
