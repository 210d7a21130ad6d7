"""Rulebook QD366_HD43: QĐ 366-QĐ/TW (30/08/2025) and HD 43-HD/BTCTW, cycles 2025 onward.

Decides a level as in CL-12: the score band (CL-06) gives the highest reachable level; the
conditions of each level (CL-10, CL-08, CL-07) are tested from HT upwards, so a level's
conditions include those of the levels below; forced-KHT facts (CL-09 for leaders, CL-11 for the
others) override; then the caps (CL-17, CL-18). The head–unit cap (CL-15) and the quota (CL-13)
need other subjects and live in :mod:`engine` and :mod:`quota`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from canbo.core.classification import kht_cases as kc
from canbo.core.classification import qd366_reasons as r
from canbo.core.classification.common import (
    Evaluator,
    caps_step,
    make_common_reasons,
    not_classified_step,
)
from canbo.core.classification.model import (
    PCT_SCALE,
    SCORE_SCALE,
    BasicTargets,
    Effect,
    Level,
    Proposal,
    Reason,
    Subject,
    SubjectKind,
)
from canbo.core.classification.params import (
    BasicTargetsPolicy,
    ConditionFailurePolicy,
    HtConditionIndividual,
    HttConditionOutside,
    Parameters,
)
from canbo.core.rulebook import Comparison, Threshold

Check = Callable[[Subject], list[Reason]]

FULL = 100 * PCT_SCALE
FULL_SCORE = 100 * SCORE_SCALE
_AT_LEAST, _MORE, _LESS = Comparison.AT_LEAST, Comparison.MORE_THAN, Comparison.LESS_THAN
_KHT = ("KHT",)
BAND_HTXS = Threshold("band_htxs", 90, 100, _AT_LEAST, "score_100", "CL-06", outcome=("HTXS",))
BAND_HTT = Threshold("band_htt", 70, 100, _AT_LEAST, "score_100", "CL-06", outcome=("HTT",))
BAND_HT = Threshold("band_ht", 50, 100, _AT_LEAST, "score_100", "CL-06", outcome=("HT",))
HTXS_EXCEEDED = Threshold(
    "htxs_tasks_exceeded", 3, 10, _AT_LEAST, "tasks_total", "CL-07", outcome=("HTXS",)
)
LED_TASKS = Threshold("led_units_tasks", 7, 10, _LESS, "tasks_total", "CL-09", outcome=_KHT)
LED_KHT = Threshold("led_units_kht", 1, 2, _MORE, "units_responsible", "CL-09", outcome=_KHT)
LOW_CONFIDENCE = Threshold("confidence_low", 1, 2, _MORE, "ballots", "CL-09", outcome=_KHT)
QD366_THRESHOLDS = (
    BAND_HTXS,
    BAND_HTT,
    BAND_HT,
    HTXS_EXCEEDED,
    LED_TASKS,
    LED_KHT,
    LOW_CONFIDENCE,
    replace(kc.TASKS_BELOW_HALF, rule_id="CL-11"),
    replace(kc.UNITS_DISCIPLINED, rule_id="CL-11"),
)
"""QĐ 366's thresholds as values (CL-06, CL-09; CL-11 takes QĐ 124's by default), bound to
integer cutoffs once below."""
HTXS_MIN = BAND_HTXS.least_count(FULL_SCORE)
HTT_MIN = BAND_HTT.least_count(FULL_SCORE)
HT_MIN = BAND_HT.least_count(FULL_SCORE)
_LED_TASKS_MAX = LED_TASKS.least_count(FULL)
_LED_KHT_MIN = LED_KHT.least_count(FULL)
_LOW_MIN = LOW_CONFIDENCE.least_count(FULL)
_EX_NUM, _EX_DEN = HTXS_EXCEEDED.numerator, HTXS_EXCEEDED.denominator  # 3/10, inclusive
_LED_EXCEEDED_MIN = HTXS_EXCEEDED.least_count(FULL)  # the units led: 30% exceeded too (CL-07)
LEVELS_UP = (Level.HT, Level.HTT, Level.HTXS)


def band(score: int) -> Level:
    """CL-06: ≥ 90 HTXS band, 70 to under 90 HTT, 50 to under 70 HT, under 50 KHT (tenths)."""
    if score >= HTXS_MIN:
        return Level.HTXS
    if score >= HTT_MIN:
        return Level.HTT
    if score >= HT_MIN:
        return Level.HT
    return Level.KHT


def _none(s: Subject) -> list[Reason]:
    return []


def _ht_tasks(done_reason: Reason, late_reason: Reason) -> Check:
    """CL-10: 100% of tasks done, no more than 20% late (``5·late ≤ total``)."""

    def check(s: Subject) -> list[Reason]:
        out = []
        if s.tasks_on_time + s.tasks_late < s.tasks_total:
            out.append(done_reason)
        if 5 * s.tasks_late > s.tasks_total:
            out.append(late_reason)
        return out

    return check


def _htt_own(s: Subject) -> list[Reason]:
    """CL-08: 100% of assigned tasks done on time."""
    return [r.HTT_NOT_ON_TIME] if s.tasks_on_time < s.tasks_total else []


def _htt_leader(s: Subject) -> list[Reason]:
    """CL-08: the leader's own tasks, and the units led complete 100% of their tasks."""
    out = _htt_own(s)
    if s.led_units_tasks is None or s.led_units_tasks < FULL:
        out.append(r.HTT_UNITS)
    return out


def _htxs_person(s: Subject) -> list[Reason]:
    """CL-07: all on time, at least 30% exceeded (``10·exceeded ≥ 3·total``), shortcomings fixed."""
    out = []
    if s.tasks_on_time < s.tasks_total:
        out.append(r.HTXS_NOT_ON_TIME)
    if _EX_DEN * s.tasks_exceeded < _EX_NUM * s.tasks_total:
        out.append(r.HTXS_EXCEEDED)
    if not s.shortcomings_remedied:
        out.append(r.HTXS_SHORTCOMINGS)
    return out


def _htxs_collective(s: Subject) -> list[Reason]:
    """CL-07 (Art. 11(1)): as a person, and no discipline in the collective's scope."""
    out = _htxs_person(s)
    if s.discipline is not None:
        out.append(r.HTXS_DISCIPLINE)
    return out


def _htxs_leader(s: Subject) -> list[Reason]:
    """CL-07: as a person, and the units led do 100% of tasks with at least 30% exceeded."""
    out = _htxs_person(s)
    if s.led_units_tasks is None or s.led_units_tasks < FULL:
        out.append(r.HTXS_UNITS)
    elif s.led_units_exceeded is None:
        out.append(r.HTXS_UNITS_UNKNOWN)
    elif s.led_units_exceeded < _LED_EXCEEDED_MIN:
        out.append(r.HTXS_UNITS)
    return out


def _forced_leader(policy: BasicTargetsPolicy) -> Check:
    """CL-09 (Art. 11(4), point 4.2): the forced-KHT list for leaders and managers."""

    def check(s: Subject) -> list[Reason]:
        out = []
        if s.led_units_tasks is not None and s.led_units_tasks < _LED_TASKS_MAX:
            out.append(r.LEADER_UNITS_TASKS)
        if s.led_units_kht is not None and s.led_units_kht >= _LED_KHT_MIN:
            out.append(r.LEADER_UNITS_KHT)
        if s.confidence_low is not None and s.confidence_low >= _LOW_MIN:
            out.append(r.LEADER_CONFIDENCE)
        if s.discipline is not None and s.discipline_duty_related:
            out.append(r.LEADER_DISCIPLINE)
        if s.degradation_concluded:
            out.append(r.LEADER_DEGRADATION)
        missed = s.basic_targets_missed
        if missed is not BasicTargets.NONE:
            out.append(_basic_targets(policy, missed))
        return out

    return check


def _basic_targets(policy: BasicTargetsPolicy, missed: BasicTargets) -> Reason:
    """CL-09, ``cl_basic_targets_policy``: force KHT, or flag for the competent level."""
    if policy is BasicTargetsPolicy.ANY_APPLICABLE_MISSED:
        return r.LEADER_BASIC_FORCED
    if policy is BasicTargetsPolicy.ALL_APPLICABLE_MISSED and missed is BasicTargets.ALL:
        return r.LEADER_BASIC_FORCED
    return r.LEADER_BASIC_FLAG


def _forced_collective(triggers: frozenset[str]) -> Check:
    """CL-11 default: the QĐ 124 collective list (CL124-06) as ``cl_kht_triggers_collective``."""
    reasons = (r.COLL_DISCIPLINE, r.COLL_TASKS, r.COLL_UNITS, r.COLL_DISUNITY)
    pairs = zip(kc.COLLECTIVE_CASES, reasons, strict=True)
    return kc.check_cases([(case, reason) for case, reason in pairs if case.key in triggers])


def _forced_person(triggers: frozenset[str]) -> Check:
    """CL-11 default: the QĐ 124 individual list (CL124-06) as ``cl_kht_triggers_individual``."""
    reasons = (r.IND_DISCIPLINE, r.IND_DEGRADATION, r.IND_BREACH)
    pairs = zip(kc.INDIVIDUAL_CASES, reasons, strict=True)
    return kc.check_cases([(case, reason) for case, reason in pairs if case.key in triggers])


KindRules = tuple[tuple[Check, Check, Check], dict[Level, Reason], Check]


def _kind_rules(params: Parameters) -> dict[SubjectKind, KindRules]:
    """Bind the level checks, the "conditions hold" reasons and the forced list of each kind."""
    individual_ht = (
        _ht_tasks(r.HT_NOT_DONE_IND, r.HT_LATE_IND)
        if params.cl_ht_condition_individual is HtConditionIndividual.ALL_TASKS_DONE_LATE_LE_20PCT
        else _none
    )
    person_met = {**r.MET, Level.HT: r.MET_HT_INDIVIDUAL}
    outside_same = (
        params.cl_htt_condition_outside_members is HttConditionOutside.SAME_AS_NON_LEADERS
    )
    outside_met = {**person_met, Level.HTT: r.MET_HTT_OUTSIDE}
    person_forced = _forced_person(params.cl_kht_triggers_individual)
    return {
        SubjectKind.COLLECTIVE: (
            (_ht_tasks(r.HT_NOT_DONE, r.HT_LATE), _htt_own, _htxs_collective),
            r.MET,
            _forced_collective(params.cl_kht_triggers_collective),
        ),
        SubjectKind.LEADER: (
            (individual_ht, _htt_leader, _htxs_leader),
            person_met,
            _forced_leader(params.cl_basic_targets_policy),
        ),
        SubjectKind.INDIVIDUAL: (
            (individual_ht, _htt_own, _htxs_person),
            person_met,
            person_forced,
        ),
        SubjectKind.MEMBER_OUTSIDE: (
            (individual_ht, _htt_own if outside_same else _none, _htxs_person),
            outside_met,
            person_forced,
        ),
    }


def build_qd366(params: Parameters) -> Evaluator:
    """Return the per-subject function of QĐ 366 / HD 43 with ``params`` bound once (CL-12)."""
    cr = make_common_reasons(r.DOCS, ("cl_exempt_categories",))
    rules = _kind_rules(params)
    drop_to_highest = (
        params.cl_condition_failure_policy is ConditionFailurePolicy.DROP_TO_HIGHEST_LEVEL_MET
    )
    forced_kht = Effect.FORCED_KHT

    def evaluate(s: Subject) -> Proposal:
        trail: list[Reason] = []
        stop = not_classified_step(s, params, cr)
        if stop is not None:
            if stop.effect is Effect.NOT_CLASSIFIED:
                return Proposal(s.id, s.group, None, (stop,))
            trail.append(stop)
        checks, met_reasons, forced = rules[s.kind]
        top = band(s.score if s.score is not None else -1)
        trail.append(r.BAND[top])
        level = _climb(s, top, checks, trail)
        if level < top and not drop_to_highest:
            trail.append(r.DROP_TO_KHT)
            level = Level.KHT
        elif level > Level.KHT:
            trail.append(met_reasons[level])
        facts = forced(s)
        if facts:
            trail.extend(facts)
            if any(f.effect is forced_kht for f in facts):
                level = Level.KHT
        if level > Level.KHT:
            level = caps_step(s, level, trail, params, cr)
        return Proposal(s.id, s.group, level, tuple(trail))

    return evaluate


def _climb(
    s: Subject, top: Level, checks: tuple[Check, Check, Check], trail: list[Reason]
) -> Level:
    """CL-12 step 3: the highest level up to ``top`` whose conditions, and those below, hold."""
    met = Level.KHT
    for level, check in zip(LEVELS_UP, checks, strict=True):
        if level > top:
            break
        failures = check(s)
        if failures:
            trail.extend(failures)
            break
        met = level
    return met
