"""QĐ 124's forced-KHT cases (CL124-06) are defined once and used by both rulebooks."""

from canbo.core.classification import kht_cases as kc
from canbo.core.classification import qd366_reasons as r
from canbo.core.classification.model import (
    PCT_SCALE,
    Grade,
    Level,
    Subject,
    SubjectId,
    SubjectKind,
)
from canbo.core.classification.params import TRIGGERS_COLLECTIVE, TRIGGERS_INDIVIDUAL, Parameters
from canbo.core.classification.qd124 import build_qd124
from canbo.core.classification.qd366 import build_qd366


def _collective(**kw):
    top = Grade.XUAT_SAC
    return Subject(
        SubjectId(1), SubjectKind.COLLECTIVE, "g", 10, 10, 3, 0,
        score=950, grade_results=top, grade_other_min=top, **kw,
    )  # fmt: skip


def test_qd366_default_triggers_are_the_keys_of_the_qd124_cases():
    assert {c.key for c in kc.COLLECTIVE_CASES} == TRIGGERS_COLLECTIVE
    assert {c.key for c in kc.INDIVIDUAL_CASES} == TRIGGERS_INDIVIDUAL


def test_more_than_20_percent_of_units_disciplined_forces_kht_under_both_rulebooks():
    exactly = _collective(units_disciplined=20 * PCT_SCALE)
    over = _collective(units_disciplined=20 * PCT_SCALE + 1)
    for evaluate in (build_qd124(Parameters()), build_qd366(Parameters())):
        assert evaluate(exactly).level is Level.HTXS
        forced = evaluate(over)
        assert forced.level is Level.KHT
        assert kc.UNITS.message_vi in {reason.message_vi for reason in forced.reasons}
    assert r.COLL_UNITS.message_vi == kc.UNITS.message_vi
    assert r.COLL_UNITS.citation.document.startswith("QĐ 124-QĐ/TW")


def test_a_trigger_left_out_of_the_qd366_list_no_longer_forces_kht():
    params = Parameters(cl_kht_triggers_collective=frozenset({"discipline"}))
    proposal = build_qd366(params)(_collective(units_disciplined=5000))
    assert r.COLL_UNITS not in proposal.reasons
    assert proposal.level is Level.HTXS
