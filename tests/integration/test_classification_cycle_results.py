"""Quota conflicts, publication, complaints, bulk entry and page costs of the cycle."""

from __future__ import annotations

import pytest

from canbo.classification import selectors
from canbo.classification.models import Complaint, CycleSubject, Proposal, StepRecord
from canbo.classification.store import DjangoClassificationUnitOfWork as UnitOfWork
from canbo.core.classification.model import Level
from canbo.core.errors import (
    Conflict,
    ImportRejected,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from canbo.core.types import Role
from canbo.services.classification import bulk, results
from tests.integration import classification_fixtures as fx

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def c() -> fx.Commune:
    return fx.commune()


def _group(c: fx.Commune) -> str:
    return f"dang-vien@{c.commune}"


def test_the_competent_level_sees_which_group_is_over_and_by_how_many(c: fx.Commune) -> None:
    cycle_id = fx.open_cycle(c)
    fx.decide_everyone(cycle_id, c)
    over = [q for q in results.quota_lines(UnitOfWork(), cycle_id) if q.over_by]
    assert [(q.group, q.htxs, q.htt, q.max_htxs, q.over_by) for q in over] == [
        (_group(c), 2, 4, 0, 2)
    ]
    sc = fx.actor("tt-tinh", Role.STANDING_COMMITTEE, c.province)
    with pytest.raises(Conflict) as err:
        results.publish(UnitOfWork(), sc, cycle_id, fx.NOW)
    assert err.value.code == "quota_exceeded"
    assert err.value.fields["groups"] == [{"group": _group(c), "over_by": 2}]


def test_a_quota_resolution_needs_a_reason_and_must_end_the_excess(c: fx.Commune) -> None:
    cycle_id = fx.open_cycle(c)
    fx.decide_everyone(cycle_id, c)
    sc = fx.actor("tt-xa", Role.STANDING_COMMITTEE, c.commune)
    first = fx.subject_of(cycle_id, person=c.members_a[0])
    with pytest.raises(ValidationError) as err:
        results.resolve_quota(UnitOfWork(), sc, cycle_id, _group(c), [first], "  ", fx.NOW)
    assert err.value.code == "quota_reason_required"
    assert err.value.citation is not None and err.value.citation.rule_id == "CL-13"
    line = results.resolve_quota(
        UnitOfWork(), sc, cycle_id, _group(c), [first], "Điểm thấp hơn", fx.NOW
    )
    assert (line.htxs, line.htt, line.max_htxs, line.over_by) == (1, 5, 1, 0)
    assert CycleSubject.objects.get(pk=first).final_level == Level.HTT
    kinds = list(
        StepRecord.objects.filter(subject_id=first, kind="decision").values_list("level", flat=True)
    )
    assert kinds == [Level.HTXS, Level.HTT]


def test_lowering_too_few_leaves_the_group_over_and_is_refused(c: fx.Commune) -> None:
    cycle_id = fx.open_cycle(c)
    fx.decide_everyone(cycle_id, c)
    sc = fx.actor("tt-xa", Role.STANDING_COMMITTEE, c.commune)
    with pytest.raises(RuleViolation) as err:
        results.resolve_quota(UnitOfWork(), sc, cycle_id, _group(c), [], "Giữ nguyên", fx.NOW)
    assert (err.value.code, err.value.fields["over_by"]) == ("quota_still_over", 2)


def _publish(cycle_id: int, c: fx.Commune) -> None:
    fx.decide_everyone(cycle_id, c)
    commune_sc = fx.actor("tt-xa", Role.STANDING_COMMITTEE, c.commune)
    first = fx.subject_of(cycle_id, person=c.members_a[0])
    results.resolve_quota(UnitOfWork(), commune_sc, cycle_id, _group(c), [first], "Lý do", fx.NOW)
    province_sc = fx.actor("tt-tinh", Role.STANDING_COMMITTEE, c.province)
    results.publish(UnitOfWork(), province_sc, cycle_id, fx.NOW)


def test_levels_are_shown_to_readers_only_after_publication(c: fx.Commune) -> None:
    cycle_id = fx.open_cycle(c)
    viewer = fx.actor("xem", Role.VIEWER, c.cell_a)
    secretary = fx.actor("bt", Role.CELL_SECRETARY, c.cell_a)
    assert not selectors.unit_review(viewer, cycle_id, c.cell_a).show_levels
    assert selectors.unit_review(secretary, cycle_id, c.cell_a).show_levels
    _publish(cycle_id, c)
    assert selectors.unit_review(viewer, cycle_id, c.cell_a).show_levels


def test_a_complaint_leads_to_reclassification_by_the_superior_keeping_both_versions(
    c: fx.Commune,
) -> None:
    cycle_id = fx.open_cycle(c)
    pk = fx.subject_of(cycle_id, person=c.member_b)
    with pytest.raises(Conflict):
        results.complain(
            UnitOfWork(), fx.actor("xem", Role.VIEWER, c.cell_b), pk, "Chưa đúng", fx.NOW
        )
    _publish(cycle_id, c)
    commune_sc = fx.actor("tt-xa", Role.STANDING_COMMITTEE, c.commune)
    province_sc = fx.actor("tt-tinh", Role.STANDING_COMMITTEE, c.province)
    with pytest.raises(Conflict) as err:
        results.reclassify(UnitOfWork(), province_sc, pk, Level.HT, "Xem xét", fx.NOW)
    assert err.value.code == "no_complaint"
    results.complain(UnitOfWork(), fx.actor("xem", Role.VIEWER, c.cell_b), pk, "Chưa đúng", fx.NOW)
    with pytest.raises(PermissionDenied):
        results.reclassify(UnitOfWork(), commune_sc, pk, Level.HT, "Xem xét", fx.NOW)
    results.reclassify(UnitOfWork(), province_sc, pk, Level.HT, "Kết quả xác minh", fx.NOW)
    row = CycleSubject.objects.get(pk=pk)
    assert (row.final_level, row.version) == (Level.HT, 2)
    versions = StepRecord.objects.filter(subject_id=pk, kind__in=["decision", "reclassification"])
    assert sorted(versions.values_list("kind", "level")) == [
        ("decision", Level.HTT),
        ("reclassification", Level.HT),
    ]
    assert Complaint.objects.get(subject_id=pk).resolution_id is not None


def test_a_bulk_upload_with_a_bad_row_imports_nothing_and_reports_every_row(c: fx.Commune) -> None:
    cycle_id = fx.open_cycle(c)
    sec = fx.actor("bt", Role.CELL_SECRETARY, c.cell_a)
    header, rows = bulk.template(UnitOfWork(), sec, cycle_id, c.cell_a)
    assert header[:5] == ("id", "name", "kind", "score_general", "score_results")
    filled = [dict(zip(header, r, strict=True)) for r in rows]
    for row in filled:
        row.update(fx.FAIR)
        if row["kind"] == "leader":
            row["led_units_tasks_pct"] = "100"
    filled[1]["score_results"] = "71"
    filled[2]["tasks_on_time"] = "12"
    with pytest.raises(ImportRejected) as err:
        bulk.import_scores(UnitOfWork(), sec, cycle_id, c.cell_a, header, filled, fx.NOW)
    assert [(e.row, e.column, e.code) for e in err.value.errors] == [
        (3, "score_results", "out_of_range"),
        (4, "tasks_on_time", "tasks_inconsistent"),
    ]
    assert not StepRecord.objects.exists()
    filled[1]["score_results"], filled[2]["tasks_on_time"] = "55", "10"
    count = bulk.import_scores(UnitOfWork(), sec, cycle_id, c.cell_a, header, filled, fx.NOW)
    assert count == len(filled) == StepRecord.objects.filter(kind="self").count()


def test_the_review_and_statistics_pages_run_a_fixed_number_of_queries(
    c: fx.Commune, django_assert_max_num_queries: object
) -> None:
    cycle_id = fx.open_cycle(c)
    sec = fx.actor("bt", Role.CELL_SECRETARY, c.cell_a)
    with django_assert_max_num_queries(8):  # type: ignore[operator]
        review = selectors.unit_review(sec, cycle_id, c.cell_a)
    assert len(review.subjects) == 7
    staff = fx.actor("btc", Role.ORG_STAFF, c.province)
    with django_assert_max_num_queries(8):  # type: ignore[operator]
        stats = selectors.statistics(staff, cycle_id, c.commune)
    assert sum(r["total"] for r in stats.rows) == 13


def test_computing_the_cycle_stores_every_proposal_and_reports_groups_over(c: fx.Commune) -> None:
    from canbo.services.classification import cycle as cycles

    cycle_id = fx.open_cycle(c)
    fx.decide_everyone(cycle_id, c)
    Proposal.objects.filter(subject__cycle_id=cycle_id).update(level=None)
    report = cycles.compute_proposals(
        UnitOfWork(), fx.actor("btc", Role.ORG_STAFF, c.province), cycle_id
    )
    assert report.evaluated == CycleSubject.objects.filter(cycle_id=cycle_id).count()
    assert report.not_classified == 2
    assert report.over == ((_group(c), 2, 4, 0, 2),)
    member = CycleSubject.objects.get(cycle_id=cycle_id, person_id=c.disciplined)
    assert (member.proposal.level, member.proposal.rules) == (Level.KHT, "CL-11")
    head = CycleSubject.objects.get(cycle_id=cycle_id, person_id=c.secretary)
    assert (head.proposal.level, head.proposal.rules) == (Level.HTT, "CL-15")
