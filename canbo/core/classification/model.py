"""Values of the classification engine: levels, subject kinds, grades, subjects, reasons.

Levels are an ``IntEnum`` on purpose: the engine takes minima of levels (caps, the head–unit
link) millions of times per national cycle, and an ordered integer makes ``min`` and ``<``
free. The four level names are the same in every regime (handbook, classification.md, table of
levels): HTXS, HTT, HT, KHT. "Not classified" is ``None``, never a fifth level.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import NewType

from canbo.core.errors import Citation
from canbo.core.types import DisciplineForm

SubjectId = NewType("SubjectId", str)

SCORE_SCALE = 10
"""Scores are held as integers in tenths of a point (92.5 -> 925): ``cl_score_precision`` allows
1, 0.5 and 0.1, and tenths represent all three exactly, so no Decimal is needed (GEN-05)."""

PCT_SCALE = 100
"""Percentages are held as integers in hundredths of a percent (66.67% -> 6667), compared
exactly against the thresholds of the text, never rounded further (GEN-05)."""


class Level(IntEnum):
    """Mức xếp loại chất lượng, lowest first so that ``min`` caps a level."""

    KHT = 0  # Không hoàn thành nhiệm vụ
    HT = 1  # Hoàn thành nhiệm vụ
    HTT = 2  # Hoàn thành tốt nhiệm vụ
    HTXS = 3  # Hoàn thành xuất sắc nhiệm vụ

    @property
    def code(self) -> str:
        return self.name


class SubjectKind(StrEnum):
    """CL-03: who is evaluated, by the framework (appendix) that applies."""

    COLLECTIVE = "collective"  # tập thể
    LEADER = "leader"  # cá nhân giữ chức vụ lãnh đạo, quản lý
    INDIVIDUAL = "individual"  # cá nhân không giữ chức vụ lãnh đạo, quản lý
    MEMBER_OUTSIDE = "member_outside"  # đảng viên không làm việc trong hệ thống chính trị


class Grade(IntEnum):
    """CL124-02: mức đánh giá tiêu chí under QĐ 124 (no points), lowest first."""

    KEM = 0  # Kém
    TRUNG_BINH = 1  # Trung bình
    TOT = 2  # Tốt
    XUAT_SAC = 3  # Xuất sắc


GRADE_CODES: dict[str, Grade] = {
    "kem": Grade.KEM,
    "trung_binh": Grade.TRUNG_BINH,
    "tot": Grade.TOT,
    "xuat_sac": Grade.XUAT_SAC,
}


class BasicTargets(StrEnum):
    """CL-09: how many of the five basic socio-economic targets that apply were missed."""

    NONE = "none"
    SOME = "some"
    ALL = "all"


class Exemption(StrEnum):
    """CL-04: Party members who are not reviewed (the QĐ 124 list, default for QĐ 366)."""

    EXCUSED = "excused_from_party_work"  # miễn công tác và sinh hoạt đảng
    SUSPENDED = "party_activity_suspended"  # đình chỉ sinh hoạt đảng
    ADMITTED_LT_6_MONTHS = "admitted_lt_6_months"  # vào Đảng chưa đủ 6 tháng


class Effect(StrEnum):
    """What a step of CL-12 did to the proposal."""

    BAND = "band"  # the score band gave the highest reachable level (CL-06)
    MET = "met"  # the conditions of the proposed level hold
    NOT_MET = "not_met"  # a condition of a level failed; the level dropped
    FORCED_KHT = "forced_kht"  # a fact forces KHT whatever the score
    CAP = "cap"  # a cap lowered the level
    NOT_CLASSIFIED = "not_classified"  # exempt or not classified: no level
    FLAG = "flag"  # no effect on the level; for the competent level to decide


@dataclass(frozen=True, slots=True)
class Reason:
    """One step of the explanation trail: the rule, its citation and plain wording in vi and en.

    Reasons are built once per rulebook and shared between subjects, so that the per-subject
    function allocates nothing but the trail tuple.
    """

    rule: str
    effect: Effect
    citation: Citation
    message_vi: str
    message_en: str
    level: Level | None = None


@dataclass(frozen=True, slots=True)
class Subject:
    """The facts of one collective or individual for one cycle, already validated.

    Scores are in tenths (``SCORE_SCALE``), percentages in hundredths (``PCT_SCALE``); ``None``
    means "not applicable" (for example no confidence vote in the year, CV-23).
    ``discipline`` is the heaviest form decided in the year (for a collective: against the
    collective, a member of its leadership collective or an affiliated unit).
    """

    id: SubjectId
    kind: SubjectKind
    group: str
    tasks_total: int
    tasks_on_time: int
    tasks_exceeded: int
    tasks_late: int
    score: int | None = None
    grade_results: Grade | None = None
    grade_other_min: Grade | None = None
    discipline: DisciplineForm | None = None
    discipline_self_remedied: bool = False
    discipline_duty_related: bool = True
    led_units_tasks: int | None = None
    led_units_exceeded: int | None = None
    led_units_kht: int | None = None
    confidence_low: int | None = None
    units_disciplined: int | None = None
    head_of: SubjectId | None = None
    exemption: Exemption | None = None
    months_in_operation: int | None = None
    sick_leave_months: int = 0
    degradation_concluded: bool = False
    breach_concluded: bool = False
    key_targets_missed: bool = False
    basic_targets_missed: BasicTargets = BasicTargets.NONE
    shortcomings_remedied: bool = True
    civil_service_level: Level | None = None


@dataclass(frozen=True, slots=True)
class Proposal:
    """The proposed level (``None``: not classified) and the trail of reasons that produced it."""

    subject_id: SubjectId
    group: str
    level: Level | None
    reasons: tuple[Reason, ...]

    @property
    def unconfirmed(self) -> tuple[str, ...]:
        """Named parameters whose documented default this outcome depended on (handbook README)."""
        seen: dict[str, None] = {}
        for reason in self.reasons:
            for name in reason.citation.unconfirmed:
                seen[name] = None
        return tuple(seen)
