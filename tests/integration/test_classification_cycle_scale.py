"""What the national scale needs stays correct on a small cycle (performance).

Computing with worker processes gives what one process gives; the statistics summary
(``LevelCount``) always equals a count of the subjects, whatever steps changed the levels.
"""

from __future__ import annotations

import pytest
from django.db import connection

from canbo.classification import selectors
from canbo.classification.level_counts import REBUILD_COUNTS, rebuild_level_counts
from canbo.classification.models import CycleSubject, LevelCount, Proposal
from canbo.classification.store import DjangoClassificationUnitOfWork as UnitOfWork
from canbo.core.classification.model import Level
from canbo.core.types import Role
from canbo.services.classification import compute, results
from canbo.services.classification.ports import ComputeRow, CycleId, ProposalPage
from tests.integration import classification_fixtures as fx

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def c() -> fx.Commune:
    return fx.commune()


def _summary(cycle_id: CycleId) -> dict[tuple[int, str, str], int]:
    rows = LevelCount.objects.filter(cycle_id=cycle_id).values_list(
        "top_id", "kind", "state", "subjects"
    )
    return {(t, k, s): n for t, k, s, n in rows if n}


def _recount(cycle_id: CycleId) -> dict[tuple[int, str, str], int]:
    select = REBUILD_COUNTS.split("SELECT", 1)[1]
    with connection.cursor() as cur:
        cur.execute("SELECT" + select, [cycle_id])
        return {(t, k, s): n for _c, t, k, s, n in cur.fetchall()}


def _computed(cycle_id: CycleId) -> list[tuple[int, int | None, str]]:
    rows = CycleSubject.objects.filter(cycle_id=cycle_id).order_by("pk")
    return list(rows.values_list("pk", "proposal__level", "proposal__rules"))


def test_two_worker_processes_compute_the_same_levels_and_quota_as_one(
    c: fx.Commune, monkeypatch: pytest.MonkeyPatch
) -> None:
    cycle_id = fx.open_cycle(c)
    fx.decide_everyone(cycle_id, c)
    staff = fx.actor("btc", Role.ORG_STAFF, c.province)
    Proposal.objects.filter(subject__cycle_id=cycle_id).delete()
    alone = compute.compute_proposals(UnitOfWork(), staff, cycle_id, workers=1)
    expected = _computed(cycle_id)
    Proposal.objects.filter(subject__cycle_id=cycle_id).delete()
    forked: list[compute.Workers] = []

    class Spy(compute.Workers):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)  # type: ignore[arg-type]
            forked.append(self)

    monkeypatch.setattr(compute, "MIN_PARALLEL_ROWS", 0)
    monkeypatch.setattr(compute, "Workers", Spy)
    together = compute.compute_proposals(UnitOfWork(), staff, cycle_id, workers=2)
    assert len(forked) == 1 and len(forked[0].procs) == 2
    assert together == alone
    assert _computed(cycle_id) == expected
    assert alone.over == ((f"dang-vien@{c.commune}", 2, 4, 0, 2),)


class _Failing(compute.Runner):
    def run(self, chunk: list[ComputeRow]) -> ProposalPage:
        raise ValueError("hỏng")


def test_a_worker_that_fails_fails_the_whole_compute_and_writes_nothing(
    c: fx.Commune, monkeypatch: pytest.MonkeyPatch
) -> None:
    cycle_id = fx.open_cycle(c)
    fx.decide_everyone(cycle_id, c)
    Proposal.objects.filter(subject__cycle_id=cycle_id).update(level=None)
    monkeypatch.setattr(compute, "MIN_PARALLEL_ROWS", 0)
    monkeypatch.setattr(
        compute.Runner, "fresh", lambda self: _Failing(self.engine, self.unit_levels)
    )
    staff = fx.actor("btc", Role.ORG_STAFF, c.province)
    with pytest.raises(RuntimeError, match="ValueError: hỏng"):
        compute.compute_proposals(UnitOfWork(), staff, cycle_id, workers=2)
    assert not CycleSubject.objects.filter(proposal__level__isnull=False).exists()


def test_the_statistics_summary_equals_a_count_of_the_subjects_after_every_step(
    c: fx.Commune,
) -> None:
    cycle_id = fx.open_cycle(c)
    assert _summary(cycle_id) == _recount(cycle_id)
    assert sum(_summary(cycle_id).values()) == CycleSubject.objects.count()
    fx.decide_everyone(cycle_id, c)
    assert _summary(cycle_id) == _recount(cycle_id)
    assert _summary(cycle_id)[(c.commune, "individual", "HTXS")] == 2
    group = f"dang-vien@{c.commune}"
    lowered = list(
        CycleSubject.objects.filter(group=group, final_level=Level.HTXS).values_list(
            "pk", flat=True
        )
    )
    commune_sc = fx.actor("tt-xa", Role.STANDING_COMMITTEE, c.commune)
    results.resolve_quota(
        UnitOfWork(), commune_sc, cycle_id, group, lowered, "Hạ theo tỷ lệ", fx.NOW
    )
    assert _summary(cycle_id) == _recount(cycle_id)
    assert (c.commune, "individual", "HTXS") not in _summary(cycle_id)
    province_sc = fx.actor("tt-tinh", Role.STANDING_COMMITTEE, c.province)
    results.publish(UnitOfWork(), province_sc, cycle_id, fx.NOW)
    pk = fx.subject_of(cycle_id, person=c.member_b)
    results.complain(UnitOfWork(), fx.actor("xem", Role.VIEWER, c.cell_b), pk, "Chưa đúng", fx.NOW)
    results.reclassify(UnitOfWork(), province_sc, pk, Level.HT, "Kết quả xác minh", fx.NOW)
    assert _summary(cycle_id) == _recount(cycle_id)
    assert _summary(cycle_id)[(c.commune, "individual", "HT")] == 1


def test_a_top_units_statistics_from_the_summary_equal_a_count_of_its_subtree(
    c: fx.Commune,
) -> None:
    cycle_id = fx.open_cycle(c)
    fx.decide_everyone(cycle_id, c)
    staff = fx.actor("btc", Role.ORG_STAFF, c.province)
    cycle = selectors.access_cycle_unit(staff, cycle_id, c.commune)
    assert selectors._is_top(cycle, c.commune)
    from_summary = selectors.statistics(staff, cycle_id, c.commune).rows
    counted = sorted(selectors._subtree_counts(cycle, c.commune))
    states = ("HTXS", "HTT", "HT", "KHT", "pending", "exempt")
    shown = sorted((r["kind"], s, r[s]) for r in from_summary for s in states if r[s])
    assert shown == sorted((k, s, n) for k, s, n in counted if n)
    whole = selectors.statistics(staff, cycle_id, c.province).rows
    assert sum(r["total"] for r in whole) == CycleSubject.objects.filter(cycle_id=cycle_id).count()


def test_rebuilding_the_summary_gives_the_counts_kept_step_by_step(c: fx.Commune) -> None:
    cycle_id = fx.open_cycle(c)
    fx.decide_everyone(cycle_id, c)
    kept = _summary(cycle_id)
    rebuild_level_counts(cycle_id)
    assert _summary(cycle_id) == kept


def test_the_compute_command_fills_every_proposal_and_reports_the_groups(
    c: fx.Commune, capsys: pytest.CaptureFixture[str]
) -> None:
    from django.core.management import call_command

    cycle_id = fx.open_cycle(c)
    fx.decide_everyone(cycle_id, c)
    Proposal.objects.filter(subject__cycle_id=cycle_id).delete()
    call_command("classification_compute", cycle=int(cycle_id), workers=1)
    out = capsys.readouterr().out
    assert "computed" in out and "groups" in out
    classified = CycleSubject.objects.filter(cycle_id=cycle_id, exemption="")
    assert classified.exists()
    assert not classified.filter(proposal__level__isnull=True).exists()
