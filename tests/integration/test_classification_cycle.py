"""The classification cycle through the services: subjects, steps, order, roles, rules."""

from __future__ import annotations

import pytest

from canbo.classification.models import CycleSubject, StepRecord
from canbo.classification.store import DjangoClassificationUnitOfWork as UnitOfWork
from canbo.core.classification.model import Level
from canbo.core.errors import Conflict, NotFound, PermissionDenied, RuleViolation, ValidationError
from canbo.core.types import Role
from canbo.services.classification import steps
from tests.integration import classification_fixtures as fx

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def c() -> fx.Commune:
    return fx.commune()


def test_opening_derives_collectives_and_individuals_minus_the_exempt_with_reasons(
    c: fx.Commune,
) -> None:
    cycle_id = fx.open_cycle(c)
    rows = CycleSubject.objects.filter(cycle_id=cycle_id)
    collectives = set(rows.filter(kind="collective").values_list("unit_id", flat=True))
    assert {c.province, c.commune, c.cell_a, c.cell_b} <= collectives
    exempt = dict(rows.exclude(exemption="").values_list("person_id", "exemption"))
    assert exempt == {
        c.newcomer: "admitted_lt_6_months",
        c.excused: "excused_from_party_work",
    }
    secretary = rows.get(person_id=c.secretary)
    assert (secretary.kind, secretary.head_unit_id) == ("leader", c.cell_a)
    assert rows.get(person_id=c.disciplined).discipline == "khien_trach"
    assert rows.get(person_id=c.member_b).group == f"dang-vien@{c.commune}"


def test_an_exempt_subjects_reason_cites_the_rule(c: fx.Commune) -> None:
    cycle_id = fx.open_cycle(c)
    uow = UnitOfWork()
    state = uow.subjects.get(fx.subject_of(cycle_id, person=c.newcomer))
    assert state is not None
    cycle = uow.cycles.get(cycle_id)
    assert cycle is not None and cycle.rulebook == "QD366_HD43"
    proposal = steps.proposal_for(uow, cycle, state)
    assert proposal.level is None
    assert proposal.reasons[0].rule == "CL-04"
    assert "QĐ 366" in proposal.reasons[0].citation.document


def test_scores_out_of_range_are_refused_naming_the_field_and_rule(c: fx.Commune) -> None:
    cycle_id = fx.open_cycle(c)
    pk = fx.subject_of(cycle_id, person=c.member_b)
    sec = fx.actor("bt", Role.CELL_SECRETARY, c.cell_b)
    with pytest.raises(ValidationError) as err:
        steps.submit_self_assessment(
            UnitOfWork(), sec, pk, {**fx.GOOD, "score_general": "31"}, "", fx.NOW
        )
    assert err.value.code == "out_of_range"
    assert err.value.fields["field"] == "score_general"
    assert err.value.citation is not None and err.value.citation.rule_id == "CL-05"
    assert not StepRecord.objects.exists()


def test_a_step_out_of_order_is_refused_with_the_rule(c: fx.Commune) -> None:
    cycle_id = fx.open_cycle(c)
    pk = fx.subject_of(cycle_id, person=c.member_b)
    staff = fx.actor("btc", Role.ORG_STAFF, c.province)
    with pytest.raises(Conflict) as err:
        steps.appraise(UnitOfWork(), staff, pk, Level.HTT, "", fx.NOW)
    assert err.value.code == "step_out_of_order"
    assert err.value.citation is not None and err.value.citation.rule_id == "CL-20"


def test_a_decision_by_someone_without_the_role_is_refused(c: fx.Commune) -> None:
    cycle_id = fx.open_cycle(c)
    pk = fx.subject_of(cycle_id, unit=c.cell_b)
    fx.through_appraisal(cycle_id, pk, c, fx.FAIR)
    staff = fx.actor("btc", Role.ORG_STAFF, c.province)
    with pytest.raises(PermissionDenied) as err:
        steps.decide(UnitOfWork(), staff, pk, Level.HTT, "", fx.NOW)
    assert err.value.code == "step_role_required"
    outsider = fx.actor("tt-chi-bo-khac", Role.STANDING_COMMITTEE, c.cell_a)
    with pytest.raises(NotFound):
        steps.decide(UnitOfWork(), outsider, pk, Level.HTT, "", fx.NOW)


def test_a_subject_outside_the_actors_scope_is_not_found(c: fx.Commune) -> None:
    cycle_id = fx.open_cycle(c)
    pk = fx.subject_of(cycle_id, person=c.member_b)
    other = fx.actor("bt-a", Role.CELL_SECRETARY, c.cell_a)
    with pytest.raises(NotFound):
        steps.submit_self_assessment(UnitOfWork(), other, pk, fx.GOOD, "", fx.NOW)


def test_members_wait_for_their_collective_and_collectives_for_lower_ones(c: fx.Commune) -> None:
    cycle_id = fx.open_cycle(c)
    member = fx.subject_of(cycle_id, person=c.member_b)
    cell = fx.subject_of(cycle_id, unit=c.cell_b)
    commune = fx.subject_of(cycle_id, unit=c.commune)
    for pk in (member, cell, commune):
        fx.through_appraisal(cycle_id, pk, c, fx.FAIR)
    commune_sc = fx.actor("tt-xa", Role.STANDING_COMMITTEE, c.commune)
    province_sc = fx.actor("tt-tinh", Role.STANDING_COMMITTEE, c.province)
    with pytest.raises(RuleViolation) as err:
        steps.decide(UnitOfWork(), commune_sc, member, Level.HTT, "", fx.NOW)
    assert err.value.code == "order_violation"
    assert "Chi bộ thôn Phìn Ngan" in err.value.fields["waiting"]
    with pytest.raises(RuleViolation) as err:
        steps.decide(UnitOfWork(), province_sc, commune, Level.HTT, "", fx.NOW)
    assert err.value.fields["waiting_count"] == 2
    steps.decide(UnitOfWork(), commune_sc, cell, Level.HTT, "", fx.NOW)
    steps.decide(UnitOfWork(), commune_sc, member, Level.HTT, "", fx.NOW)
    assert CycleSubject.objects.get(pk=member).final_level == Level.HTT


def test_a_forced_failure_cannot_be_overridden_even_with_a_reason(c: fx.Commune) -> None:
    cycle_id = fx.open_cycle(c)
    cell = fx.subject_of(cycle_id, unit=c.cell_b)
    pk = fx.subject_of(cycle_id, person=c.disciplined)
    sec = fx.actor("bt", Role.CELL_SECRETARY, c.cell_b)
    proposal = steps.submit_self_assessment(UnitOfWork(), sec, pk, fx.GOOD, "", fx.NOW)
    assert proposal.level is Level.KHT
    assert any(r.rule == "CL-11" for r in proposal.reasons)
    steps.comment(UnitOfWork(), sec, pk, "Ý kiến", fx.NOW)
    staff = fx.actor("btc", Role.ORG_STAFF, c.province)
    with pytest.raises(RuleViolation) as err:
        steps.appraise(UnitOfWork(), staff, pk, Level.HTT, "Có công", fx.NOW)
    assert err.value.code == "level_forbidden_by_rule"
    assert err.value.fields["highest_allowed"] == "KHT"
    steps.appraise(UnitOfWork(), staff, pk, Level.KHT, "", fx.NOW)
    fx.through_appraisal(cycle_id, cell, c, fx.FAIR)
    sc = fx.actor("tt-xa", Role.STANDING_COMMITTEE, c.commune)
    steps.decide(UnitOfWork(), sc, cell, Level.HTT, "", fx.NOW)
    with pytest.raises(RuleViolation):
        steps.decide(UnitOfWork(), sc, pk, Level.HT, "Đã sửa chữa", fx.NOW)


def test_a_decision_that_differs_from_the_appraisal_needs_a_reason(c: fx.Commune) -> None:
    cycle_id = fx.open_cycle(c)
    cell = fx.subject_of(cycle_id, unit=c.cell_b)
    fx.through_appraisal(cycle_id, cell, c, fx.FAIR)
    sc = fx.actor("tt-xa", Role.STANDING_COMMITTEE, c.commune)
    with pytest.raises(ValidationError) as err:
        steps.decide(UnitOfWork(), sc, cell, Level.HT, "", fx.NOW)
    assert err.value.code == "reason_required"
    steps.decide(UnitOfWork(), sc, cell, Level.HT, "Còn hạn chế", fx.NOW)
    steps.decide(UnitOfWork(), sc, cell, Level.HTT, "", fx.NOW)
    versions = list(
        StepRecord.objects.filter(subject_id=cell, kind="decision").values_list("version", "level")
    )
    assert versions == [(1, Level.HT), (2, Level.HTT)]


def test_a_head_is_capped_by_the_unit_the_head_leads(c: fx.Commune) -> None:
    cycle_id = fx.open_cycle(c)
    cell = fx.subject_of(cycle_id, unit=c.cell_a)
    head = fx.subject_of(cycle_id, person=c.secretary)
    fx.through_appraisal(cycle_id, cell, c, fx.FAIR)
    sc = fx.actor("tt-xa", Role.STANDING_COMMITTEE, c.commune)
    steps.decide(UnitOfWork(), sc, cell, Level.HTT, "", fx.NOW)
    sec = fx.actor("bt", Role.CELL_SECRETARY, c.cell_a)
    values = {**fx.GOOD, "led_units_tasks_pct": "100", "led_units_exceeded_pct": "40"}
    proposal = steps.submit_self_assessment(UnitOfWork(), sec, head, values, "", fx.NOW)
    assert proposal.level is Level.HTT
    assert proposal.reasons[-1].rule == "CL-15"
