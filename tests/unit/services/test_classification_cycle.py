"""A classification cycle from opening to publication, run on the in-memory unit of work:
open → self-assess → comment → appraise → decide → compute → quota → publish → complaint →
re-classification, with no Django and no database."""

from __future__ import annotations

import pytest

from canbo.core.classification.model import Level
from canbo.core.errors import Conflict
from canbo.core.types import Role
from canbo.services.classification import compute, results, steps
from canbo.services.classification.ports import (
    CycleStatus,
    QuotaOver,
    RecordKind,
    Step,
)
from tests.unit.services import classification_world as w

GROUP = f"dang-vien@{w.COMMUNE}"


def test_opening_derives_every_collective_and_member_with_their_exemptions() -> None:
    uow = w.unit_of_work()
    cycle_id = w.open_cycle(uow)
    states = {s.name: s for s in uow.subjects.states.values()}
    assert len(states) == 14  # province, commune, two cells; ten people
    assert states["Vàng Seo Chử"].kind == "leader"
    assert states["Vàng Seo Chử"].head_unit_id == w.CELL_A
    assert states["Phàn Thị Dung"].exemption == "admitted_lt_6_months"
    assert states["Chảo Văn Lở"].exemption == "excused_from_party_work"
    assert states["Ma Văn Khoa"].discipline == "khien_trach"
    assert states["Lù Văn Sáng"].group == GROUP and states["Lù Văn Sáng"].decider_id == w.COMMUNE
    assert states["Chi bộ thôn Trung Chải"].group == f"cell@{w.COMMUNE}"
    assert "Ban Chấp hành Trung ương" not in states  # above the cycle's root
    cycle = uow.cycles.get(cycle_id)
    assert cycle is not None and cycle.rulebook == "QD366_HD43"
    assert cycle.status is CycleStatus.OPEN and cycle.opened_by == w.COMMISSION.label
    assert uow.audit.actions == ["classification.open"] and uow.commits == 1


def test_each_step_is_a_versioned_record_with_its_actor_and_moves_the_subject_on() -> None:
    uow = w.unit_of_work()
    w.open_cycle(uow)
    cell = w.subject_of(uow, unit=w.CELL_A)
    w.decide(uow, cell, w.FAIR)
    pk = w.subject_of(uow, person=w.MEMBERS_A[0])
    secretary = w.actor("bi-thu", Role.CELL_SECRETARY, w.CELL_A, 7)
    first = steps.submit_self_assessment(uow, secretary, pk, w.FAIR, "Lần đầu", w.NOW)
    again = steps.submit_self_assessment(uow, secretary, pk, w.GOOD, "Bổ sung", w.NOW)
    assert (first.level, again.level) == (Level.HTT, Level.HTXS)
    state = uow.subjects.states[pk]
    assert (state.step, state.proposed_level, state.scores.score_general) == (
        Step.SELF,
        Level.HTXS,
        280,
    )
    w.through_appraisal(uow, pk, w.GOOD)
    sc = w.actor("thuong-truc", Role.STANDING_COMMITTEE, w.COMMUNE, 8)
    steps.decide(uow, sc, pk, Level.HTT, "Chưa tiêu biểu", w.NOW)
    records = uow.records.of_subject(pk)
    kinds = [(r.kind, r.version) for r in records]
    assert kinds == [
        (RecordKind.SELF, 1),
        (RecordKind.SELF, 2),
        (RecordKind.SELF, 3),
        (RecordKind.COMMENT, 1),
        (RecordKind.APPRAISAL, 1),
        (RecordKind.DECISION, 1),
    ]
    assert records[-1].actor_id == 8 and records[-1].text == "Chưa tiêu biểu"
    state = uow.subjects.states[pk]
    assert (state.step, state.appraised_level, state.final_level) == (
        Step.DECISION,
        Level.HTXS,
        Level.HTT,
    )


def test_computing_writes_every_proposal_page_by_page_and_reports_the_groups_over() -> None:
    uow = w.unit_of_work()
    cycle_id = w.open_cycle(uow)
    w.decide_everyone(uow)
    expected = {pk: s.proposed_level for pk, s in uow.subjects.states.items()}
    for pk in list(uow.subjects.states):
        uow.subjects.update(pk, proposed_level=None, proposed_rules="")
    report = compute.compute_proposals(uow, w.COMMISSION, cycle_id, workers=2)
    assert report.over == (QuotaOver(GROUP, 2, 4, 0, 2),)
    assert (report.evaluated, report.not_classified, report.skipped) == (14, 2, 0)
    assert uow.proposals.pages_saved > 2  # small pages: the paging is exercised
    assert {pk: s.proposed_level for pk, s in uow.subjects.states.items()} == expected
    disciplined = w.subject_of(uow, person=w.DISCIPLINED)
    assert uow.subjects.rules[disciplined] == "CL-11"  # reprimanded: at most HT, not KHT
    head = w.subject_of(uow, person=w.SECRETARY)
    assert uow.subjects.rules[head] == "CL-15"  # capped by the cell's level
    assert uow.audit.actions[-1] == "classification.compute"


def test_a_group_over_the_quota_is_published_once_the_competent_level_lowers_a_subject() -> None:
    uow = w.unit_of_work()
    cycle_id = w.open_cycle(uow)
    w.decide_everyone(uow)
    province_sc = w.actor("tt-tinh", Role.STANDING_COMMITTEE, w.PROVINCE, 5)
    with pytest.raises(Conflict) as refused:
        results.publish(uow, province_sc, cycle_id, w.NOW)
    assert refused.value.code == "quota_exceeded"
    assert refused.value.fields["groups"] == [{"group": GROUP, "over_by": 2}]
    commune_sc = w.actor("tt-xa", Role.STANDING_COMMITTEE, w.COMMUNE, 6)
    first = w.subject_of(uow, person=w.MEMBERS_A[0])
    line = results.resolve_quota(uow, commune_sc, cycle_id, GROUP, [first], "Lý do", w.NOW)
    assert (line.htxs, line.htt, line.is_blocking) == (1, 5, False)
    assert uow.subjects.states[first].final_level is Level.HTT
    results.publish(uow, province_sc, cycle_id, w.NOW)
    cycle = uow.cycles.get(cycle_id)
    assert cycle is not None and cycle.status is CycleStatus.PUBLISHED
    assert cycle.published_at == w.NOW
    assert uow.audit.actions[-1] == "classification.publish"


def test_a_complaint_after_publication_leads_to_a_new_version_of_the_result() -> None:
    uow = w.unit_of_work()
    cycle_id = w.open_cycle(uow)
    w.decide_everyone(uow)
    commune_sc = w.actor("tt-xa", Role.STANDING_COMMITTEE, w.COMMUNE, 6)
    first, second = (w.subject_of(uow, person=p) for p in w.MEMBERS_A[:2])
    results.resolve_quota(uow, commune_sc, cycle_id, GROUP, [first, second], "Lý do", w.NOW)
    results.publish(uow, w.actor("tt", Role.STANDING_COMMITTEE, w.PROVINCE, 5), cycle_id, w.NOW)
    member = w.actor("dang-vien", Role.VIEWER, w.CELL_A, 9)
    complaint_id = results.complain(uow, member, second, "Đề nghị xem lại", w.NOW)
    province_sc = w.actor("tt-tinh", Role.STANDING_COMMITTEE, w.PROVINCE, 5)
    record_id = results.reclassify(uow, province_sc, second, Level.HTXS, "Có thành tích", w.NOW)
    state = uow.subjects.states[second]
    assert (state.final_level, state.version) == (Level.HTXS, 2)
    assert uow.complaints.resolutions == {complaint_id: record_id}
    assert uow.complaints.open_for(second) is None
    kinds = [r.kind for r in uow.records.of_subject(second)]
    assert kinds[-3:] == [RecordKind.DECISION, RecordKind.DECISION, RecordKind.RECLASSIFICATION]
