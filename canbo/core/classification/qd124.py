"""Rulebook QD124_HD25: QĐ 124-QĐ/TW (04/10/2023) and HD 25-HD/BTCTW, cycles 2023 and 2024.

No points: each criterion is graded Xuất sắc, Tốt, Trung bình or Kém (CL124-02). The input
gives the task-results grade and the lowest grade among the other criteria. The level is the
highest one whose conditions, and those of the levels below, hold (CL124-03 to CL124-05); the
forced-KHT list (CL124-06, text) overrides; then the caps of the 2019 guidance (CL-17, CL-18).
"""

from __future__ import annotations

from collections.abc import Callable

from canbo.core.classification import kht_cases as kc
from canbo.core.classification.common import (
    Evaluator,
    caps_step,
    make_common_reasons,
    not_classified_step,
)
from canbo.core.classification.model import (
    PCT_SCALE,
    Effect,
    Grade,
    Level,
    Proposal,
    Reason,
    Subject,
    SubjectKind,
)
from canbo.core.classification.params import Cl124Individual, Parameters
from canbo.core.errors import Citation
from canbo.core.rulebook import Comparison, Threshold

DOCS = "QĐ 124-QĐ/TW; HD 25-HD/BTCTW"
# CL124-03: at least 50% of tasks exceeded for HTXS; CV-23 under QĐ 124: more than half "low"
# is one input for the decision (a flag), not a forced KHT.
HTXS_EXCEEDED = Threshold(
    "htxs_tasks_exceeded", 1, 2, Comparison.AT_LEAST, "tasks_total", "CL124-03", outcome=("HTXS",)
)
LOW_CONFIDENCE = Threshold(
    "confidence_low", 1, 2, Comparison.MORE_THAN, "ballots", "CV-23", outcome=("flag",)
)
QD124_OWN_THRESHOLDS = (HTXS_EXCEEDED, LOW_CONFIDENCE)
_LOW_MIN = LOW_CONFIDENCE.least_count(100 * PCT_SCALE)
_EX_NUM, _EX_DEN = HTXS_EXCEEDED.numerator, HTXS_EXCEEDED.denominator  # 1/2, inclusive
Check = Callable[[Subject], list[Reason]]
LEVELS_UP = (Level.HT, Level.HTT, Level.HTXS)


def _r(rule: str, effect: Effect, vi: str, en: str, level: Level | None, *unconf: str) -> Reason:
    return Reason(rule, effect, Citation(DOCS, "", "", rule, unconf), vi, en, level)


K, NM, KHT = Effect.FORCED_KHT, Effect.NOT_MET, Level.KHT
_HTT_IND, _HT_IND = "cl124_htt_individual", "cl124_ht_individual"

MET = {
    Level.HTXS: _r(
        "CL124-03", Effect.MET, "Đủ điều kiện mức HTXS.", "HTXS conditions hold.", Level.HTXS
    ),
    Level.HTT: _r(
        "CL124-04", Effect.MET, "Đủ điều kiện mức HTT.", "HTT conditions hold.", Level.HTT
    ),
    Level.HT: _r("CL124-05", Effect.MET, "Đủ điều kiện mức HT.", "HT conditions hold.", Level.HT),
}
MET_PERSON = {
    **MET,
    Level.HTT: _r(
        "CL124-04", Effect.MET, "Đủ điều kiện mức HTT.", "HTT conditions hold.", Level.HTT, _HTT_IND
    ),
    Level.HT: _r(
        "CL124-05", Effect.MET, "Đủ điều kiện mức HT.", "HT conditions hold.", Level.HT, _HT_IND
    ),
}
_TB_VI, _TB_EN = "Có tiêu chí dưới mức Trung bình.", "A criterion is below Trung bình."
_DISC_VI, _DISC_EN = kc.DISCIPLINE.message_vi, kc.DISCIPLINE.message_en
HT_GRADES = _r("CL124-05", NM, _TB_VI, _TB_EN, Level.HT)
HT_DISCIPLINE = _r("CL124-05", NM, _DISC_VI, _DISC_EN, Level.HT)
HT_GRADES_IND = _r("CL124-05", NM, _TB_VI, _TB_EN, Level.HT, _HT_IND)
HT_DISCIPLINE_IND = _r("CL124-05", NM, _DISC_VI, _DISC_EN, Level.HT, _HT_IND)
_RES_VI, _RES_EN = "Tiêu chí kết quả thực hiện nhiệm vụ dưới mức Tốt.", "Task results below Tốt."
HTT_GRADES = _r("CL124-04", NM, _RES_VI, _RES_EN, Level.HTT)
HTT_DISCIPLINE = _r("CL124-04", NM, _DISC_VI, _DISC_EN, Level.HTT)
HTT_GRADES_IND = _r("CL124-04", NM, _RES_VI, _RES_EN, Level.HTT, _HTT_IND)
HTT_DISCIPLINE_IND = _r("CL124-04", NM, _DISC_VI, _DISC_EN, Level.HTT, _HTT_IND)
HTXS_GRADES = _r(
    "CL124-03",
    NM,
    "Chưa đạt: mọi tiêu chí từ Tốt, kết quả nhiệm vụ Xuất sắc.",
    "Not all criteria Tốt or above with task results Xuất sắc.",
    Level.HTXS,
)
HTXS_DISCIPLINE = _r(
    "CL124-03",
    NM,
    "Có tổ chức trực thuộc hoặc thành viên tập thể lãnh đạo bị kỷ luật.",
    "An affiliated organization or leadership member was disciplined.",
    Level.HTXS,
)
HTXS_TASKS = _r(
    "CL124-03",
    NM,
    "Chưa hoàn thành 100% nhiệm vụ đúng hạn, vượt mức từ 50%.",
    "Not 100% of tasks on time with at least 50% exceeded.",
    Level.HTXS,
)
LEADER_UNITS_FLAG = _r(
    "CL124-03",
    Effect.FLAG,
    "Điều kiện về đơn vị do lãnh đạo phụ trách chưa xác định: cấp có thẩm quyền xem xét.",
    "The condition on the units led is not confirmed: for the competent level to decide.",
    None,
    "cl124_leader_unit_condition",
)
CONFIDENCE_FLAG = _r(
    "CV-23",
    Effect.FLAG,
    "Trên 50% phiếu tín nhiệm thấp: theo QĐ 124 không tự động KHT, là căn cứ xem xét.",
    "More than 50% 'low confidence': no automatic KHT under QĐ 124; one input for the decision.",
    None,
)


def _case(case: kc.ForcedCase) -> Reason:
    return _r("CL124-06", K, case.message_vi, case.message_en, KHT)


# CL124-06: the forced-KHT cases (kht_cases) cited as QĐ 124, in the order they are reported.
_FORCED_COLLECTIVE = kc.check_cases([(c, _case(c)) for c in (kc.ANY_KEM, *kc.COLLECTIVE_CASES)])
_FORCED_LEADER = kc.check_cases([(c, _case(c)) for c in (kc.ANY_KEM, *kc.LEADER_CASES)])
_FORCED_PERSON = kc.check_cases([(c, _case(c)) for c in (kc.ANY_KEM, *kc.INDIVIDUAL_CASES)])
_FORCED = {
    SubjectKind.COLLECTIVE: _FORCED_COLLECTIVE,
    SubjectKind.LEADER: _FORCED_LEADER,
    SubjectKind.INDIVIDUAL: _FORCED_PERSON,
    SubjectKind.MEMBER_OUTSIDE: _FORCED_PERSON,
}


def _other(s: Subject) -> Grade:
    return s.grade_other_min if s.grade_other_min is not None else Grade.KEM


def _results(s: Subject) -> Grade:
    return s.grade_results if s.grade_results is not None else Grade.KEM


_counted_discipline = kc.counted_discipline


def _none(s: Subject) -> list[Reason]:
    return []


def _ht(grades: Reason, discipline: Reason) -> Check:
    """CL124-05: all criteria Trung bình or above, no discipline that counts."""

    def check(s: Subject) -> list[Reason]:
        out = []
        if _other(s) < Grade.TRUNG_BINH or _results(s) < Grade.TRUNG_BINH:
            out.append(grades)
        if _counted_discipline(s):
            out.append(discipline)
        return out

    return check


def _htt(grades: Reason, discipline: Reason) -> Check:
    """CL124-04: criteria Trung bình or above, task results Tốt or above, no counted discipline."""

    def check(s: Subject) -> list[Reason]:
        out = []
        if _results(s) < Grade.TOT:
            out.append(grades)
        if _counted_discipline(s):
            out.append(discipline)
        return out

    return check


def _htxs_collective(s: Subject) -> list[Reason]:
    """CL124-03: all criteria Tốt or above, results Xuất sắc, no discipline in scope at all."""
    out = []
    if _other(s) < Grade.TOT or _results(s) is not Grade.XUAT_SAC:
        out.append(HTXS_GRADES)
    if s.discipline is not None:
        out.append(HTXS_DISCIPLINE)
    return out


def _htxs_person(s: Subject) -> list[Reason]:
    """CL124-03: grades as for collectives; all on time, ≥ 50% exceeded (``2·exceeded ≥ total``)."""
    out = []
    if _other(s) < Grade.TOT or _results(s) is not Grade.XUAT_SAC:
        out.append(HTXS_GRADES)
    if s.tasks_on_time < s.tasks_total or _EX_DEN * s.tasks_exceeded < _EX_NUM * s.tasks_total:
        out.append(HTXS_TASKS)
    return out


def _forced(s: Subject) -> list[Reason]:
    """CL124-06 (text): any criterion Kém; discipline, degradation and the kind's own cases."""
    return _FORCED[s.kind](s)


def _kind_rules(
    params: Parameters,
) -> dict[SubjectKind, tuple[tuple[Check, ...], dict[Level, Reason]]]:
    """Bind each kind's checks, with the individual defaults ``cl124_ht/htt_individual``."""
    ht_ind = (
        _ht(HT_GRADES_IND, HT_DISCIPLINE_IND)
        if params.cl124_ht_individual is Cl124Individual.DEFAULT
        else _none
    )
    htt_ind = (
        _htt(HTT_GRADES_IND, HTT_DISCIPLINE_IND)
        if params.cl124_htt_individual is Cl124Individual.DEFAULT
        else _none
    )
    person = ((ht_ind, htt_ind, _htxs_person), MET_PERSON)
    return {
        SubjectKind.COLLECTIVE: (
            (_ht(HT_GRADES, HT_DISCIPLINE), _htt(HTT_GRADES, HTT_DISCIPLINE), _htxs_collective),
            MET,
        ),
        SubjectKind.LEADER: person,
        SubjectKind.INDIVIDUAL: person,
        SubjectKind.MEMBER_OUTSIDE: person,
    }


def build_qd124(params: Parameters) -> Evaluator:
    """Return the per-subject function of QĐ 124 / HD 25 with ``params`` bound once."""
    cr = make_common_reasons(DOCS, ())
    rules = _kind_rules(params)

    def evaluate(s: Subject) -> Proposal:
        trail: list[Reason] = []
        stop = not_classified_step(s, params, cr)
        if stop is not None:
            if stop.effect is Effect.NOT_CLASSIFIED:
                return Proposal(s.id, s.group, None, (stop,))
            trail.append(stop)
        checks, met_reasons = rules[s.kind]
        level = Level.KHT
        for candidate, check in zip(LEVELS_UP, checks, strict=True):
            failures = check(s)
            if failures:
                trail.extend(failures)
                break
            level = candidate
        if level > Level.KHT:
            trail.append(met_reasons[level])
        if s.kind is SubjectKind.LEADER:
            _leader_flags(s, level, trail)
        facts = _forced(s)
        if facts:
            trail.extend(facts)
            level = Level.KHT
        else:
            level = caps_step(s, level, trail, params, cr) if level > Level.KHT else level
        return Proposal(s.id, s.group, level, tuple(trail))

    return evaluate


def _leader_flags(s: Subject, level: Level, trail: list[Reason]) -> None:
    """CL124-03 unit condition (``cl124_leader_unit_condition``) and CV-23 under QĐ 124: flags."""
    if level is Level.HTXS:
        trail.append(LEADER_UNITS_FLAG)
    if s.confidence_low is not None and s.confidence_low >= _LOW_MIN:
        trail.append(CONFIDENCE_FLAG)
