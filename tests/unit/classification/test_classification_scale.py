"""The pieces a national cycle is computed with: quota merging and the facts memo."""

from __future__ import annotations

import itertools
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from canbo.core.classification import Parameters, QuotaAggregator, engine_for_cycle
from canbo.core.classification.common import head_cap
from canbo.core.classification.memo import FACT_FIELDS, ProposalMemo, facts_key
from canbo.core.classification.model import Level, Proposal, SubjectId, SubjectKind
from canbo.core.classification.params import QuotaRounding
from canbo.services.classification.compute import Runner, row_key, row_subject, rules_of
from canbo.services.classification.ports import NEW_ORG, ComputeRow
from tests.unit.classification.test_classification_properties import subjects

QD366 = engine_for_cycle(2025)
levels = st.one_of(st.none(), st.sampled_from(list(Level)))
counted = st.lists(st.tuples(st.sampled_from(["g1", "g2", "g3", "g4"]), levels), max_size=60)


def _aggregate(items: list[tuple[str, Level | None]], params: Parameters) -> QuotaAggregator:
    aggregator = QuotaAggregator(params)
    for group, level in items:
        aggregator.add(Proposal(SubjectId("x"), group, level, ()))
    return aggregator


@given(
    counted,
    st.lists(st.integers(0, 60), max_size=4),
    st.sampled_from([10, 20, 35, None]),
    st.sampled_from(list(QuotaRounding)),
)
def test_merging_the_counts_of_parts_gives_the_counts_of_the_whole(
    items: list[tuple[str, Level | None]],
    cuts: list[int],
    pct: int | None,
    rounding: QuotaRounding,
) -> None:
    params = replace(Parameters(), cl_quota_pct=pct, cl_quota_rounding=rounding)
    edges = sorted({0, len(items), *(min(c, len(items)) for c in cuts)})
    parts = [items[a:b] for a, b in itertools.pairwise(edges)]
    merged = QuotaAggregator(params)
    for i, part in enumerate(reversed(parts)):
        piece = _aggregate(part, params)
        merged.merge(piece if i % 2 else piece.counts())
    assert merged.lines() == _aggregate(items, params).lines()


def test_counting_a_plain_level_is_adding_a_proposal_at_that_level() -> None:
    by_count, by_add = QuotaAggregator(Parameters()), QuotaAggregator(Parameters())
    for level in (Level.HTXS, Level.HTT, Level.HTT, Level.HT, None, 3):
        by_count.count("g", level)
        by_add.add(Proposal(SubjectId("x"), "g", None if level is None else Level(level), ()))
    assert by_count.counts() == by_add.counts() == {"g": (2, 2)}


def test_the_facts_key_leaves_out_who_the_subject_is_and_nothing_else() -> None:
    assert set(FACT_FIELDS).isdisjoint({"id", "group", "head_of"})
    assert {"kind", "score", "discipline", "exemption", "sick_leave_months"} <= set(FACT_FIELDS)


@given(subjects(), st.text(max_size=3), st.text(max_size=3), st.text(max_size=3))
def test_equal_facts_give_an_equal_level_and_reasons_whoever_the_subject_is(
    subject: object, new_id: str, new_group: str, head: str
) -> None:
    other = replace(subject, id=SubjectId(new_id), group=new_group, head_of=SubjectId(head))  # type: ignore[type-var]
    assert facts_key(other) == facts_key(subject)  # type: ignore[arg-type]
    first, second = QD366.evaluate(subject), QD366.evaluate(other)  # type: ignore[arg-type]
    assert (first.level, first.reasons) == (second.level, second.reasons)


@given(st.lists(subjects(), max_size=20))
def test_the_memo_gives_what_evaluating_each_subject_gives(batch: list[object]) -> None:
    memo = ProposalMemo(QD366.evaluate, limit=3)
    for subject in batch * 2:
        assert memo.evaluate(subject) == QD366.evaluate(subject)  # type: ignore[arg-type]
    assert memo.evaluations <= 2 * len(batch)


@st.composite
def rows(draw: st.DrawFn) -> ComputeRow:
    """A compact row of a self-assessed subject."""
    kind = draw(st.sampled_from(list(SubjectKind)))
    total = draw(st.integers(0, 20))
    on_time = draw(st.integers(0, total))
    late = draw(st.integers(0, total - on_time))
    leader = kind is SubjectKind.LEADER
    pct = st.one_of(st.none(), st.integers(0, 10000))
    exemption = draw(st.sampled_from(["", "admitted_lt_6_months", "excused_from_party_work"]))
    return ComputeRow(
        draw(st.integers(1, 10**6)), str(kind), draw(st.sampled_from(["g1", "g2"])),
        draw(st.integers(1, 4)), 1, None, None,
        draw(st.integers(0, 300)), draw(st.integers(0, 700)), None, None,
        total, on_time, draw(st.integers(0, on_time)), late,
        draw(st.integers(0, 10000)) if leader else None,
        draw(pct) if leader else None, draw(pct) if leader else None, draw(pct) if leader else None,
        draw(st.sampled_from(["", "khien_trach", "canh_cao"])), draw(st.booleans()),
        draw(st.integers(0, 12)),
        draw(st.integers(0, 120)) if kind is SubjectKind.COLLECTIVE else None,
        NEW_ORG if kind is SubjectKind.COLLECTIVE and exemption else exemption,
        draw(st.sampled_from([None, 5, 7])) if leader else None,
    )  # fmt: skip


@given(rows(), st.integers(0, 300), st.integers(1, 10**6), st.sampled_from(["g1", "g9"]))
def test_rows_with_equal_keys_have_equal_facts(
    row: ComputeRow, moved: int, pk: int, group: str
) -> None:
    general, results = row.score_general, row.score_results
    assert isinstance(general, int) and isinstance(results, int)
    shift = min(moved, general, 700 - results)
    other = row._replace(
        pk=pk,
        group=group,
        unit_id=row.unit_id + 1,
        score_general=general - shift,
        score_results=results + shift,
    )
    assert row_key(other) == row_key(row)
    assert facts_key(row_subject(other)) == facts_key(row_subject(row))


@given(st.lists(rows(), min_size=1, max_size=30))
def test_the_runner_gives_each_row_the_level_and_rules_of_its_own_evaluation(
    batch: list[ComputeRow],
) -> None:
    unit_levels = {SubjectId("5"): Level.HT, SubjectId("7"): None}
    runner = Runner(QD366, dict(unit_levels))
    out = runner.run(batch * 2)
    for row, (level, rules, pk) in zip(batch * 2, out.rows(), strict=True):
        proposal = QD366.evaluate(row_subject(row))
        if row.head_unit_id and proposal.level is not None:
            unit = SubjectId(str(row.head_unit_id))
            proposal = head_cap(proposal, unit_levels.get(unit), unit in unit_levels)
        assert (level, rules, pk) == (
            None if proposal.level is None else int(proposal.level),
            rules_of(proposal),
            row.pk,
        )
