"""Conference use cases on the in-memory fakes: create, convene, check in, quorum."""

from __future__ import annotations

import pytest

from canbo.core.errors import Conflict, NotFound, PermissionDenied, ValidationError
from canbo.core.types import PersonId, Role
from canbo.services.ports import SYSTEM
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting.ports import ConferenceData, Medium
from tests.unit.services.hall import HELD_ON, check_in, hall
from tests.unit.services.world import staff


def test_a_conference_is_created_convened_and_audited() -> None:
    h = hall()
    attendance = h.uow.conferences.attendance(h.conference)
    assert (attendance.convened, attendance.present) == (9, 0)
    assert [s.name for s in attendance.sites] == ["Hội trường Đảng ủy xã", "Điểm cầu thôn Na Pô"]
    assert h.uow.audit.actions[:4] == [
        "conference.create",
        "conference.site",
        "conference.site",
        "conference.convene",
    ]


def test_a_conference_of_a_unit_outside_the_actors_subtree_is_not_found() -> None:
    h = hall()
    outsider = staff("tochuc.tuyenquang", Role.ORG_STAFF, h.tree.tuyen_quang_old)
    data = ConferenceData(h.unit, "Hội nghị Đảng bộ xã Yên Minh mở rộng", "party", HELD_ON)
    with pytest.raises(NotFound):
        conf_svc.create_conference(h.uow, outsider, data)
    with pytest.raises(NotFound):  # the counting committee does not run conferences
        conf_svc.create_conference(h.uow, h.counters[0], data)
    assert list(h.uow.conferences.conferences) == [h.conference]


def test_staff_who_may_see_but_not_run_a_conference_are_refused() -> None:
    h = hall()
    with pytest.raises(PermissionDenied):
        conf_svc.add_site(h.uow, h.counters[0], h.conference, "Điểm cầu thôn Bản Lý")
    assert len(h.uow.conferences.sites) == 2


def test_unknown_persons_are_refused_all_at_once_and_nobody_is_convened() -> None:
    h = hall()
    with pytest.raises(ValidationError) as refused:
        conf_svc.convene(h.uow, SYSTEM, h.conference, [PersonId(901), PersonId(902)])
    assert refused.value.fields["person_ids"] == [901, 902]
    assert h.uow.conferences.attendance(h.conference).convened == 9


def test_convening_twice_adds_nobody() -> None:
    h = hall()
    assert conf_svc.convene(h.uow, SYSTEM, h.conference, h.persons[:2]) == 0


def test_a_delegate_checked_in_receives_one_code_per_session_not_closed() -> None:
    h = hall()
    codes = check_in(h, h.persons[:1])
    assert len(codes) == 1
    assert h.uow.codes.is_genuine(h.session, codes[0])
    assert h.uow.votes.sessions[h.session].codes_issued == 1
    assert codes[0] not in repr(vars(h.uow.votes))  # the code itself is not stored


def test_a_delegate_cannot_check_in_twice_even_at_another_site() -> None:
    h = hall()
    check_in(h, h.persons[:1])
    with pytest.raises(Conflict):
        conf_svc.check_in(h.uow, SYSTEM, h.sites[1], person_id=h.persons[0])
    assert h.uow.conferences.attendance(h.conference).present == 1


def test_a_person_not_convened_is_not_found_at_check_in() -> None:
    h = hall(convened=5)
    with pytest.raises(NotFound):
        conf_svc.check_in(h.uow, SYSTEM, h.sites[0], person_id=PersonId(999))


def test_a_paper_delegate_gets_a_ballot_and_no_code() -> None:
    h = hall()
    result = conf_svc.check_in(
        h.uow, SYSTEM, h.sites[0], person_id=h.persons[0], medium=Medium.PAPER
    )
    assert result.codes == ()
    assert result.paper_sessions == ("Lấy phiếu tín nhiệm giữa nhiệm kỳ 2025-2030",)
    assert h.uow.votes.participation_counts(h.session)[Medium.PAPER] == 1


def test_quorum_needs_two_thirds_of_those_convened() -> None:
    h = hall()
    check_in(h, h.persons[:5])
    _, attendance, check, _ = conf_svc.live_status(h.uow, SYSTEM, h.conference)
    assert check is not None and not check.met
    assert conf_svc.needed_for_quorum(check) == 6
    check_in(h, h.persons[5:6])
    _, attendance, check, _ = conf_svc.live_status(h.uow, SYSTEM, h.conference)
    assert check is not None and check.met
    assert attendance.present == 6


def test_the_projector_moves_only_to_an_item_on_the_agenda() -> None:
    h = hall()
    conf_svc.set_agenda(h.uow, SYSTEM, h.conference, ["Khai mạc", "Lấy phiếu tín nhiệm"])
    conf_svc.show_item(h.uow, h.counters[0], h.conference, 2)
    conference = h.uow.conferences.get(h.conference)
    assert conference is not None and conference.current_item == 2
    with pytest.raises(ValidationError):
        conf_svc.show_item(h.uow, SYSTEM, h.conference, 3)
