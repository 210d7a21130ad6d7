"""Proposals live in their narrow table: a write replaces the subject's earlier proposal, and
the migration that moved them off the subject row keeps them, both ways."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from canbo.classification import proposal_writes
from canbo.classification.models import CycleSubject, Proposal
from tests.integration import classification_fixtures as fx

BEFORE = ("classification", "0003_subjects_without_duplicate_key_indexes")


def _proposals(cycle_id: int) -> list[tuple[int, int | None, str]]:
    rows = Proposal.objects.filter(subject__cycle_id=cycle_id).order_by("pk")
    return list(rows.values_list("pk", "level", "rules"))


@pytest.mark.django_db
def test_a_page_written_again_replaces_the_proposals_and_leaves_the_others() -> None:
    c = fx.commune()
    cycle_id = fx.open_cycle(c)
    pks = list(
        CycleSubject.objects.filter(cycle_id=cycle_id).order_by("pk").values_list("pk", flat=True)
    )
    Proposal.objects.filter(subject__cycle_id=cycle_id).delete()
    proposal_writes.save_proposals([(2, "CL-12", pks[0]), (None, "CL-04", pks[1])])
    proposal_writes.save_proposals([(3, "CL-13", pks[1]), (0, "CL-11", pks[2])])
    proposal_writes.save_proposals([])
    assert _proposals(cycle_id) == [
        (pks[0], 2, "CL-12"),
        (pks[1], 3, "CL-13"),
        (pks[2], 0, "CL-11"),
    ]
    # A page whose id range holds a subject outside the page leaves that one alone.
    proposal_writes.save_proposals([(1, "CL-14", pks[0]), (1, "CL-14", pks[2])])
    assert _proposals(cycle_id) == [
        (pks[0], 1, "CL-14"),
        (pks[1], 3, "CL-13"),
        (pks[2], 1, "CL-14"),
    ]
    levels = CycleSubject.objects.filter(pk__in=pks[:4]).order_by("pk")
    assert list(levels.values_list("proposal__level", flat=True)) == [1, 3, 1, None]


def _columns(cycle_id: int) -> list[tuple[int, int | None, str]]:
    with connection.cursor() as cur:
        cur.execute(
            "SELECT id, proposed_level, proposed_rules FROM classification_cyclesubject "
            "WHERE cycle_id = %s AND (proposed_level IS NOT NULL OR proposed_rules <> '') "
            "ORDER BY id",
            [cycle_id],
        )
        return [tuple(r) for r in cur.fetchall()]


def _migrate(target: tuple[str, str] | None) -> None:
    """To ``target``, or to the latest migrations when None."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target] if target else executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_every_proposal_backwards_and_forwards() -> None:
    c = fx.commune()
    cycle_id = fx.open_cycle(c)
    fx.decide_everyone(cycle_id, c)
    kept = _proposals(cycle_id)
    assert kept and any(level is not None for _pk, level, _rules in kept)
    try:
        _migrate(BEFORE)
        assert _columns(cycle_id) == kept
        with connection.cursor() as cur:  # a proposal written under the old schema
            cur.execute(
                "UPDATE classification_cyclesubject SET proposed_level = 1, "
                "proposed_rules = 'CL-99' WHERE id = %s",
                [kept[0][0]],
            )
    finally:
        _migrate(None)
    assert _proposals(cycle_id) == [(kept[0][0], 1, "CL-99"), *kept[1:]]
