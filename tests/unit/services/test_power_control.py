"""Power control's use cases on the in-memory unit of work (QĐ 114-QĐ/TW; PC-09 to PC-21):
conflicts from declared relationships, recusals and overrides (one audit entry each, never a
ballot), declared acquaintances, the checks the decision and the ballots call, the Art. 20 hard
block, flags, and the control report with the decision record read back from the audit log."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canbo.core.errors import Conflict, NotFound, PermissionDenied, RuleViolation, ValidationError
from canbo.core.power.model import ACQUAINTANCE, ConflictAction, Relationship, RelationshipClass
from canbo.core.types import AccountId, PersonId, Role, UnitId
from canbo.services.appointments import control, power
from canbo.services.appointments.ports import (
    CandidateRow,
    OverrideData,
    ParticipantData,
    ProcessData,
    ProcessId,
    ProcessKind,
    ProcessStatus,
    StepData,
    StepKindValue,
    StepStatus,
    TitleInfo,
)
from canbo.services.ports import Actor, Grant
from tests.fakes.power import FakePowerUnitOfWork

PROVINCE, COMMUNE, OTHER = UnitId(1), UnitId(2), UnitId(9)
HOA, BINH, DUC, CUONG, DUNG = PersonId(10), PersonId(11), PersonId(12), PersonId(13), PersonId(14)
NAMES = {10: "Lê Thị Hoa", 11: "Trần Văn Bình", 12: "Phạm Minh Đức", 13: "Hoàng Văn Cường",
         14: "Vũ Thị Dung"}  # fmt: skip
STAFF = Actor(AccountId(1), "tochuc", (Grant(Role.ORG_STAFF, PROVINCE),))
INSPECTOR = Actor(AccountId(2), "kiemtra", (Grant(Role.INSPECTOR, PROVINCE),))
VIEWER = Actor(AccountId(3), "xem", (Grant(Role.VIEWER, PROVINCE),))
OUTSIDER = Actor(AccountId(4), "ngoai", (Grant(Role.ORG_STAFF, OTHER),))
STARTED, TODAY = dt.date(2026, 9, 1), dt.date(2026, 11, 20)
STEP = str(StepKindValue.LEADERSHIP_FIRST)


def _world(title: str = "Phó Chủ tịch Ủy ban nhân dân xã") -> tuple[FakePowerUnitOfWork, ProcessId]:
    uow = FakePowerUnitOfWork({PROVINCE: None, COMMUNE: PROVINCE, OTHER: None})
    uow.processes.titles[7] = TitleInfo(7, "PCT_UBND_XA", title, "commune")
    uow.processes.names.update(NAMES)
    uow.control.unit_names.update(
        {PROVINCE: "Đảng bộ tỉnh Tuyên Quang", COMMUNE: "Đảng bộ xã Yên Minh"}
    )
    uow.control.subtrees[PROVINCE] = {PROVINCE, COMMUNE}
    for person in (HOA, BINH, DUC, CUONG, DUNG):
        uow.power.units[person] = COMMUNE
    pid = uow.processes.add(
        ProcessData(
            kind=ProcessKind.IN_PLACE, title_id=7, unit_id=COMMUNE, started_on=STARTED,
            rulebook_id="QD377_2025", power_rulebook_id="QD114_2023", proposer_id=BINH,
            decider_id=DUC, policy_approved_on=STARTED,
        )
    )  # fmt: skip
    uow.processes.add_candidate(CandidateRow(pid, HOA, "Lê Thị Hoa"))
    sid = uow.processes.add_step(
        StepData(
            pid, StepKindValue.LEADERSHIP_FIRST, 1, status=StepStatus.CONVENED, opened_on=STARTED
        )
    )
    uow.processes.add_participants(sid, [ParticipantData(p, "voter") for p in (CUONG, DUNG, BINH)])
    return uow, pid


def _family(uow: FakePowerUnitOfWork, a: PersonId, relation: str, b: PersonId) -> None:
    uow.relations.known.append(Relationship(str(a), str(b), RelationshipClass.FAMILY, relation))


def test_post_kinds_of_art_20_are_read_from_the_title_name() -> None:
    assert power.post_kind("Trưởng Ban Tổ chức Huyện ủy") == "personnel"
    assert power.post_kind("Kế toán trưởng") == "accounting"
    assert power.post_kind("Thủ quỹ") == "cashier"
    assert power.post_kind("Phó Chủ tịch Ủy ban nhân dân xã") == ""


def test_a_related_voter_is_asked_before_ballots_then_recorded_without_any_ballot() -> None:
    uow, pid = _world()
    _family(uow, HOA, "sibling", CUONG)
    (c,) = power.process_conflicts(uow, pid, TODAY)
    assert (c.participant.person_id, c.action) == (str(CUONG), ConflictAction.ASK_RECUSAL)
    with pytest.raises(RuleViolation) as refused:
        power.check_before_ballots(uow, pid, STEP, TODAY)
    assert refused.value.code == "related_voter_not_asked"
    assert refused.value.fields["person"] == "Hoàng Văn Cường"
    power.record_recusal(uow, STAFF, pid, STEP, CUONG, "recused", "", TODAY)
    power.check_before_ballots(uow, pid, STEP, TODAY)
    (entry,) = uow.audit.entries
    assert entry.action == "appointment.recusal" and entry.details is not None
    assert set(entry.details) == {
        "recusal_id", "person_id", "role", "step", "outcome", "reason", "recorded_on"
    }  # fmt: skip


def test_refused_recusals_write_nothing() -> None:
    uow, pid = _world()
    _family(uow, HOA, "sibling", CUONG)
    cases = [
        (STAFF, STEP, CUONG, "overridden", " ", ValidationError, "recusal_reason_required"),
        (STAFF, STEP, HOA, "recused", "", ValidationError, "recusal_not_participant"),
        (STAFF, STEP, CUONG, "maybe", "", ValidationError, "recusal_outcome_invalid"),
        (VIEWER, STEP, CUONG, "recused", "", PermissionDenied, "unit_write_denied"),
        (OUTSIDER, STEP, CUONG, "recused", "", NotFound, "appointment_process_not_found"),
    ]
    for actor, step, person, outcome, reason, error, code in cases:
        with pytest.raises(error) as refused:
            power.record_recusal(uow, actor, pid, step, person, outcome, reason, TODAY)
        assert refused.value.code == code
    assert not uow.processes.recusal_rows and not uow.audit.entries


def test_after_ballots_a_voter_can_only_be_overridden_with_a_reason() -> None:
    uow, pid = _world()
    _family(uow, HOA, "sibling", CUONG)
    (sid,) = uow.processes.step_rows
    voting = dataclasses.replace(uow.processes.step_rows[sid], status=StepStatus.VOTING)
    uow.processes.step_rows[sid] = voting
    with pytest.raises(Conflict) as refused:
        power.record_recusal(uow, STAFF, pid, STEP, CUONG, "recused", "", TODAY)
    assert refused.value.code == "recusal_after_ballots"
    assert control.process_control(uow, STAFF, pid, TODAY).ballots_out == (STEP,)
    power.record_recusal(uow, STAFF, pid, STEP, CUONG, "overridden", "Đã bỏ phiếu", TODAY)
    assert not power.open_conflicts(uow, pid, TODAY)


def test_a_related_decider_blocks_the_decision_until_recusal() -> None:
    uow, pid = _world()
    _family(uow, DUC, "spouse", HOA)
    with pytest.raises(RuleViolation) as refused:
        power.check_before_decision(uow, pid, TODAY)
    assert refused.value.code == "conflict_unresolved"
    assert (refused.value.fields["person"], refused.value.fields["role"]) == (
        "Phạm Minh Đức",
        "decider",
    )
    power.record_recusal(uow, STAFF, pid, "", DUC, "recused", "", TODAY)
    power.check_before_decision(uow, pid, TODAY)


def test_the_art_20_hard_block_holds_after_recusal() -> None:
    uow, pid = _world("Trưởng Ban Tổ chức Đảng ủy xã")
    _family(uow, DUC, "spouse", HOA)
    power.record_recusal(uow, STAFF, pid, "", DUC, "recused", "", TODAY)
    with pytest.raises(RuleViolation) as refused:
        power.check_before_decision(uow, pid, TODAY)
    assert refused.value.code == "relative_hard_block"


def test_a_declared_acquaintance_is_recorded_and_only_flagged_by_default() -> None:
    uow, pid = _world()
    power.declare_acquaintance(uow, INSPECTOR, DUC, HOA, "Kết luận kiểm tra số 5", TODAY)
    (c,) = power.process_conflicts(uow, pid, TODAY)
    assert c.relationship.relation == ACQUAINTANCE and c.action == ConflictAction.RECORD
    power.check_before_decision(uow, pid, TODAY)  # record_and_flag: not a blocking conflict
    for args, code in [
        ((DUC, DUC, "x"), "acquaintance_self"),
        ((DUC, HOA, " "), "acquaintance_source_required"),
        ((HOA, DUC, "Tự kê khai"), "acquaintance_exists"),
    ]:
        with pytest.raises((ValidationError, Conflict)) as refused:
            power.declare_acquaintance(uow, INSPECTOR, *args, TODAY)
        assert refused.value.code == code
    with pytest.raises(PermissionDenied):
        power.declare_acquaintance(uow, VIEWER, BINH, HOA, "Tự kê khai", TODAY)
    assert uow.audit.actions == ["appointment.acquaintance"]


def test_flags_are_computed_on_read_and_frozen_once() -> None:
    uow, pid = _world()
    uow.power.notices[DUC] = dt.date(2026, 8, 1)
    keys = {f.key for f in power.process_flags(uow, pid, TODAY)}
    assert "outgoing_head" in keys
    assert power.freeze_flags(uow, STAFF, pid, TODAY) == len(keys)
    assert power.freeze_flags(uow, STAFF, pid, TODAY) == 0
    assert uow.audit.actions == ["appointment.flags"]


def _decided(uow: FakePowerUnitOfWork, pid: ProcessId) -> None:
    _family(uow, HOA, "sibling", CUONG)
    power.record_recusal(uow, STAFF, pid, STEP, CUONG, "recused", "", TODAY)
    uow.processes.add_override(
        OverrideData(pid, HOA, "planning", "AP-02", "15-QĐ/TU", "Ban Thường vụ", "Đặc biệt", TODAY)
    )
    decided = dataclasses.replace(
        uow.processes.rows[pid], status=ProcessStatus.DECIDED, decided_on=dt.date(2026, 10, 20)
    )
    uow.processes.update(decided)
    uow.audit.append(
        STAFF, "appointment.decide", "appointment", str(pid), None, None,
        {"proposer": int(BINH), "appraiser": None, "voters": 3, "decider": int(DUC),
         "decided_on": "2026-10-20"},
    )  # fmt: skip


def test_the_control_report_per_process_and_unit_with_the_decision_record() -> None:
    uow, pid = _world()
    _decided(uow, pid)
    with pytest.raises(PermissionDenied):
        control.control_report(uow, STAFF, PROVINCE, STARTED, TODAY, TODAY)
    r = control.control_report(uow, INSPECTOR, PROVINCE, STARTED, TODAY, TODAY)
    (p,) = r.processes
    assert [(x.person, x.outcome) for x in p.recusals] == [("Hoàng Văn Cường", "recused")]
    assert "QĐ 114-QĐ/TW" in str(p.recusals[0].citation)
    assert p.overrides[0].citation.rule_id == "AP-02"
    assert p.decision is not None
    assert (p.decision.proposer, p.decision.voters, p.decision.decider) == (
        "Trần Văn Bình", 3, "Phạm Minh Đức"
    )  # fmt: skip
    (u,) = r.units
    assert (u.unit_name, u.processes, u.recusals, u.overrides, u.open_conflicts) == (
        "Đảng bộ xã Yên Minh", 1, 1, 1, 0
    )  # fmt: skip
    with pytest.raises(ValidationError):
        control.control_report(uow, INSPECTOR, PROVINCE, TODAY, STARTED, TODAY)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([HOA]),
            st.sampled_from(["spouse", "parent", "child", "sibling", "grandparent", "other"]),
            st.sampled_from([BINH, DUC, CUONG, DUNG]),
            st.booleans(),
        ),
        max_size=6,
    )
)
def test_once_every_open_conflict_is_answered_the_decision_is_not_held_by_conflicts(
    declared: list[tuple[PersonId, str, PersonId, bool]],
) -> None:
    uow, pid = _world()
    for a, relation, b, reverse in declared:
        _family(uow, b, relation, a) if reverse else _family(uow, a, relation, b)
    for c in power.open_conflicts(uow, pid, TODAY):
        person, role, step = c.participant.key
        outcome = "recused" if role != "voter" else "overridden"
        power.record_recusal(
            uow, STAFF, pid, step, PersonId(int(person)), outcome, "Đã xem xét", TODAY, role=role
        )
    power.check_before_decision(uow, pid, TODAY)
    assert all("ballot" not in k for e in uow.audit.entries for k in (e.details or {}))
