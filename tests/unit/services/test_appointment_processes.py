"""Appointment processes' use cases on the in-memory unit of work: the steps of the procedure
in force, a step out of order, a ballot without quorum, a sealed step, an unconfirmed case that
stops the process until the competent level's decision, scope, and the reappointment timer's
idempotence."""

from __future__ import annotations

import datetime as dt

import pytest

from canbo.core.errors import Conflict, NotFound, RuleViolation
from canbo.core.types import AccountId, PersonId, Role, UnitId
from canbo.services.appointments import processes, reappointment
from canbo.services.appointments.ports import (
    HoldingDue,
    ProcessId,
    ProcessKind,
    ProcessStatus,
    StepStatus,
    Tally,
    TitleInfo,
)
from canbo.services.appointments.ports import (
    StepKindValue as K,
)
from canbo.services.ports import Actor, Grant
from tests.fakes.power import FakeMeetings, FakePowerUnitOfWork, FakeProcesses

PROVINCE, COMMUNE, OTHER = UnitId(1), UnitId(2), UnitId(9)
STAFF = Actor(AccountId(1), "tochuc", (Grant(Role.ORG_STAFF, PROVINCE),))
OUTSIDER = Actor(AccountId(4), "ngoai", (Grant(Role.ORG_STAFF, OTHER),))
A_, B_, C_ = PersonId(10), PersonId(11), PersonId(12)
LEADERS = [PersonId(i) for i in range(20, 26)]
START = dt.date(2026, 3, 2)


class Meetings(FakeMeetings):
    """Meetings whose attendance and tally the test sets."""

    def __init__(self) -> None:
        self.present: dict[int, int] = {}
        self.convened: dict[int, int] = {}
        self.tallies: dict[int, Tally] = {}
        self.sessions = 0
        self.conferences = 0
        self.ballot_titles: list[str] = []

    def open_meeting(self, actor, unit_id, title, held_on, persons):  # type: ignore[no-untyped-def]
        self.conferences += 1
        self.convened[self.conferences] = len(persons)
        self.present[self.conferences] = len(persons)
        return self.conferences

    def attendance(self, conference_id: int) -> tuple[int, int]:
        return self.convened[conference_id], self.present[conference_id]

    def create_session(
        self, actor, conference_id, title, names, seats, ballot_kind, electorate, committee=(),
        ballot_title="",
    ):  # type: ignore[no-untyped-def]  # fmt: skip
        self.sessions += 1
        self.ballot_titles.append(ballot_title)
        return self.sessions

    def tally(self, session_id: int) -> Tally | None:
        return self.tallies.get(session_id)


class Holdings(FakeProcesses):
    def __init__(self) -> None:
        super().__init__()
        self.due: list[HoldingDue] = []

    def holdings_due(self, ends_by: dt.date, today: dt.date) -> list[HoldingDue]:
        taken = {p.holding_id for p in self.rows.values()}
        return [h for h in self.due if h.term_ends <= ends_by and h.holding_id not in taken]


def _world() -> tuple[FakePowerUnitOfWork, Meetings]:
    uow = FakePowerUnitOfWork({PROVINCE: None, COMMUNE: PROVINCE, OTHER: None})
    uow.processes = Holdings()
    uow.power._processes = uow.processes
    uow.processes.titles[7] = TitleInfo(
        7, "PCT_UBND_XA", "Phó Chủ tịch Ủy ban nhân dân xã", "commune"
    )
    uow.processes.names.update({int(p): f"Người {int(p)}" for p in [A_, B_, C_, *LEADERS]})
    meetings = Meetings()
    uow.meetings = meetings
    return uow, meetings


def _open(uow: FakePowerUnitOfWork, kind: ProcessKind = ProcessKind.IN_PLACE) -> ProcessId:
    new = processes.NewProcess(kind, 7, COMMUNE, START, [A_, B_, C_], proposer_id=LEADERS[0])
    return processes.open_process(uow, STAFF, new)


def test_open_lays_out_the_five_steps_of_the_procedure_in_force() -> None:
    uow, _ = _world()
    pid = _open(uow)
    steps = uow.processes.steps(pid)
    assert [str(s.kind) for s in steps] == [
        "leadership_first", "wider", "leadership_nominate", "key_cadres", "leadership_decide",
    ]  # fmt: skip
    assert [s.sealed for s in steps] == [False, True, False, False, False]
    assert uow.processes.get(pid).rulebook_id == "QD377_2025"  # type: ignore[union-attr]
    assert [e.action for e in uow.audit.entries] == ["appointment.open"]


def test_a_unit_outside_the_scope_is_not_found() -> None:
    uow, _ = _world()
    with pytest.raises(NotFound):
        processes.open_process(
            uow, OUTSIDER, processes.NewProcess(ProcessKind.IN_PLACE, 7, COMMUNE, START, [A_])
        )


def test_a_step_out_of_order_is_refused_and_convenes_nothing() -> None:
    uow, meetings = _world()
    pid = _open(uow)
    with pytest.raises(RuleViolation) as err:
        processes.convene_step(uow, STAFF, pid, K.KEY_CADRES, LEADERS, START)
    assert err.value.code == "step_out_of_order"
    assert meetings.conferences == 0
    assert all(s.status is StepStatus.PENDING for s in uow.processes.steps(pid))


def _through_step_1(uow: FakePowerUnitOfWork, pid: ProcessId) -> None:
    processes.convene_step(uow, STAFF, pid, K.LEADERSHIP_FIRST, LEADERS, START)
    processes.close_step(uow, STAFF, pid, K.LEADERSHIP_FIRST, START)


def test_no_ballot_without_two_thirds_present() -> None:
    uow, meetings = _world()
    pid = _open(uow)
    _through_step_1(uow, pid)
    cid = processes.convene_step(uow, STAFF, pid, K.WIDER, LEADERS, START)
    meetings.present[cid] = 3  # 3 of 6 is under two thirds
    with pytest.raises(RuleViolation) as err:
        processes.open_ballot(uow, STAFF, pid, K.WIDER)
    assert err.value.code == "appointment_no_quorum"
    assert meetings.sessions == 0
    meetings.present[cid] = 4
    assert processes.open_ballot(uow, STAFF, pid, K.WIDER) == 1
    assert meetings.ballot_titles == ["Phiếu giới thiệu nhân sự"]  # the wider meeting nominates


def test_the_wider_meetings_result_is_sealed_until_step_3_is_convened() -> None:
    uow, meetings = _world()
    pid = _open(uow)
    _through_step_1(uow, pid)
    processes.convene_step(uow, STAFF, pid, K.WIDER, LEADERS, START)
    sid = processes.open_ballot(uow, STAFF, pid, K.WIDER)
    with pytest.raises(Conflict):
        processes.close_step(uow, STAFF, pid, K.WIDER, START)  # not counted yet
    meetings.tallies[sid] = Tally(6, 6, {int(A_): 4, int(B_): 2})
    processes.close_step(uow, STAFF, pid, K.WIDER, START)
    rows = uow.processes.steps(pid)
    assert rows[1].outcome is not None and processes.visible_outcome(rows, rows[1]) is None
    assert processes.sealed_session_ids(rows) == {sid}
    assert {c.person_id for c in uow.processes.candidates(pid) if c.active} == {A_, B_}
    processes.convene_step(uow, STAFF, pid, K.LEADERSHIP_NOMINATE, LEADERS, START)
    rows = uow.processes.steps(pid)
    assert processes.visible_outcome(rows, rows[1]) is not None
    assert processes.sealed_session_ids(rows) == set()


def test_nobody_nominated_stops_the_process_until_the_competent_level_decides() -> None:
    uow, meetings = _world()
    pid = _open(uow)
    _through_step_1(uow, pid)
    processes.convene_step(uow, STAFF, pid, K.WIDER, LEADERS, START)
    sid = processes.open_ballot(uow, STAFF, pid, K.WIDER)
    meetings.tallies[sid] = Tally(6, 6, {int(A_): 2, int(B_): 2, int(C_): 2})
    processes.close_step(uow, STAFF, pid, K.WIDER, START)
    processes.convene_step(uow, STAFF, pid, K.LEADERSHIP_NOMINATE, LEADERS, START)
    sid = processes.open_ballot(uow, STAFF, pid, K.LEADERSHIP_NOMINATE)
    meetings.tallies[sid] = Tally(6, 0, {})  # every ballot invalid: nobody nominated
    out = processes.close_step(uow, STAFF, pid, K.LEADERSHIP_NOMINATE, START)
    assert out["needs_decision"] is True
    assert uow.processes.get(pid).status is ProcessStatus.STOPPED  # type: ignore[union-attr]
    with pytest.raises(RuleViolation) as err:
        processes.convene_step(uow, STAFF, pid, K.KEY_CADRES, LEADERS, START)
    assert err.value.code == "appointment_process_stopped"
    processes.record_referral(
        uow, STAFF, pid, K.LEADERSHIP_NOMINATE, "Giới thiệu hai người có số phiếu cao nhất",
        "Ban Thường vụ Tỉnh ủy", START, [A_, B_],
    )  # fmt: skip
    assert uow.processes.get(pid).status is ProcessStatus.OPEN  # type: ignore[union-attr]
    assert {c.person_id for c in uow.processes.candidates(pid) if c.active} == {A_, B_}
    processes.convene_step(uow, STAFF, pid, K.KEY_CADRES, LEADERS, START)


def test_the_decision_is_refused_before_every_step_is_done() -> None:
    uow, _ = _world()
    pid = _open(uow)
    decision = processes.DecisionData(A_, "1-QĐ", START, START, START, LEADERS[1], "commune")
    with pytest.raises(RuleViolation) as err:
        processes.decide(uow, STAFF, pid, decision, START)
    assert err.value.code == "appointment_steps_not_done"
    assert uow.processes.get(pid).status is ProcessStatus.OPEN  # type: ignore[union-attr]


def test_the_timer_opens_each_due_post_once_and_only_when_due() -> None:
    uow, _ = _world()
    assert isinstance(uow.processes, Holdings)
    due = HoldingDue(5, A_, 7, COMMUNE, dt.date(2026, 12, 1), dt.date(1970, 1, 1), "M", "A")
    later = HoldingDue(6, B_, 7, COMMUNE, dt.date(2029, 1, 1), dt.date(1980, 1, 1), "F", "B")
    uow.processes.due = [due, later]
    today = dt.date(2026, 10, 1)
    opened = reappointment.open_due_cases(uow, STAFF, today)
    assert len(opened) == 1
    row = uow.processes.get(opened[0])
    assert row is not None and row.kind is ProcessKind.REAPPOINTMENT and row.holding_id == 5
    assert reappointment.open_due_cases(uow, STAFF, today) == []
    assert reappointment.open_due_cases(uow, OUTSIDER, dt.date(2028, 11, 1)) == []
