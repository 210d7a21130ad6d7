"""Invariants of the classification engine, checked with hypothesis."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from canbo.core.classification import Parameters, QuotaAggregator, engine_for_cycle
from canbo.core.classification.model import (
    BasicTargets,
    Effect,
    Grade,
    Level,
    Proposal,
    Subject,
    SubjectId,
    SubjectKind,
)
from canbo.core.classification.qd366 import band
from canbo.core.classification.quota import max_htxs
from canbo.core.types import DisciplineForm

QD366 = engine_for_cycle(2025)
QD124 = engine_for_cycle(2024)
pcts = st.one_of(st.none(), st.integers(0, 10000))


@st.composite
def subjects(draw: st.DrawFn) -> Subject:
    kind = draw(st.sampled_from(list(SubjectKind)))
    total = draw(st.integers(0, 20))
    on_time = draw(st.integers(0, total))
    late = draw(st.integers(0, total - on_time))
    leader = kind is SubjectKind.LEADER
    return Subject(
        SubjectId(draw(st.sampled_from(["a", "b", "c"]))),
        kind,
        draw(st.sampled_from(["g1", "g2"])),
        total,
        on_time,
        draw(st.integers(0, on_time + late)),
        late,
        score=draw(st.integers(0, 1000)),
        grade_results=draw(st.sampled_from(list(Grade))),
        grade_other_min=draw(st.sampled_from(list(Grade))),
        discipline=draw(st.one_of(st.none(), st.sampled_from(list(DisciplineForm)))),
        discipline_self_remedied=draw(st.booleans()),
        discipline_duty_related=draw(st.booleans()),
        led_units_tasks=draw(st.integers(0, 10000)) if leader else None,
        led_units_exceeded=draw(pcts) if leader else None,
        led_units_kht=draw(pcts) if leader else None,
        confidence_low=draw(pcts) if leader else None,
        units_disciplined=draw(pcts) if kind is SubjectKind.COLLECTIVE else None,
        sick_leave_months=draw(st.integers(0, 12)),
        degradation_concluded=draw(st.booleans()),
        breach_concluded=draw(st.booleans()),
        key_targets_missed=draw(st.booleans()),
        basic_targets_missed=draw(st.sampled_from(list(BasicTargets))),
        shortcomings_remedied=draw(st.booleans()),
        civil_service_level=draw(st.one_of(st.none(), st.sampled_from(list(Level)))),
    )


def forced(p: Proposal) -> bool:
    return any(r.effect is Effect.FORCED_KHT for r in p.reasons)


@given(subjects(), st.integers(0, 1000), st.integers(0, 1000))
def test_a_higher_score_never_yields_a_lower_level_all_else_equal(
    s: Subject, a: int, b: int
) -> None:
    low, high = sorted((a, b))
    lower = QD366.evaluate(replace(s, score=low)).level
    higher = QD366.evaluate(replace(s, score=high)).level
    assert lower is not None and higher is not None
    assert lower <= higher


@given(subjects(), st.sampled_from(list(Grade)), st.sampled_from(list(Grade)))
def test_a_better_grade_never_yields_a_lower_level_under_qd124(
    s: Subject, a: Grade, b: Grade
) -> None:
    worse, better = sorted((a, b))
    for name in ("grade_results", "grade_other_min"):
        lower = QD124.evaluate(replace(s, **{name: worse})).level
        higher = QD124.evaluate(replace(s, **{name: better})).level
        assert lower is not None and higher is not None
        assert lower <= higher


@given(subjects())
def test_forced_kht_always_wins(s: Subject) -> None:
    for engine in (QD366, QD124):
        p = engine.evaluate(s)
        if forced(p):
            assert p.level is Level.KHT
        concluded = engine.evaluate(replace(s, degradation_concluded=True))
        assert concluded.level is Level.KHT


@given(subjects())
def test_the_level_never_exceeds_the_score_band(s: Subject) -> None:
    p = QD366.evaluate(s)
    assert s.score is not None and p.level is not None
    assert p.level <= band(s.score)


@given(subjects())
def test_every_reason_names_its_rule_in_its_citation(s: Subject) -> None:
    for engine in (QD366, QD124):
        for reason in engine.evaluate(s).reasons:
            assert reason.citation.rule_id == reason.rule
            assert reason.citation.document
            assert reason.message_vi and reason.message_en


@given(st.lists(subjects(), max_size=30))
def test_streaming_gives_the_same_proposals_as_one_by_one(items: list[Subject]) -> None:
    assert list(QD366.propose(items)) == [QD366.evaluate(s) for s in items]


@given(
    st.lists(st.tuples(st.sampled_from(["g1", "g2", "g3"]), st.sampled_from(list(Level)))),
    st.integers(0, 100),
    st.sampled_from(["floor", "half_up"]),
)
def test_quota_over_by_is_the_excess_of_htxs_over_the_maximum(
    marks: list[tuple[str, Level]], pct: int, rounding: str
) -> None:
    aggregator = QuotaAggregator(Parameters(cl_quota_pct=pct, cl_quota_rounding=rounding))
    for group, level in marks:
        aggregator.add(Proposal(SubjectId("x"), group, level, ()))
    for line in aggregator.lines():
        assert line.htxs == sum(1 for g, lv in marks if g == line.group and lv is Level.HTXS)
        assert line.htt == sum(1 for g, lv in marks if g == line.group and lv is Level.HTT)
        assert line.max_htxs is not None
        assert line.over_by == max(0, line.htxs - line.max_htxs)


@given(st.integers(0, 10_000), st.integers(0, 100))
def test_floor_maximum_is_exactly_the_integer_test_of_the_text(htt: int, pct: int) -> None:
    limit = max_htxs(htt, pct, Parameters().cl_quota_rounding)
    assert 100 * limit <= pct * htt < 100 * (limit + 1)
