"""The forced-KHT cases of QĐ 124-QĐ/TW (handbook CL124-06), defined once.

QĐ 124 applies them for the 2023 and 2024 cycles; QĐ 366 applies its collective and individual
lists by default until its own lists are confirmed (CL-11, ``cl_kht_triggers_collective`` and
``cl_kht_triggers_individual``, whose allowed names are the keys below). Each rulebook wraps
a case in its own :class:`~canbo.core.classification.model.Reason` (its rule ID and citation);
the test and the plain wording live here. Thresholds are integer tests (GEN-05).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter

from canbo.core.classification.model import PCT_SCALE, Grade, Reason, Subject
from canbo.core.rulebook import Comparison, Threshold

FULL_PCT = 100 * PCT_SCALE

# CL124-06: less than 50% of targets and tasks done with key targets missed; more than 20% of
# affiliated units disciplined; (leaders) the unit led directly did less than 50%.
TASKS_BELOW_HALF = Threshold(
    "tasks_below_half", 1, 2, Comparison.LESS_THAN, "tasks_total", "CL124-06", outcome=("KHT",)
)
UNITS_DISCIPLINED = Threshold(
    "units_disciplined", 1, 5, Comparison.MORE_THAN, "units_total", "CL124-06", outcome=("KHT",)
)
LED_TASKS_BELOW_HALF = Threshold(
    "led_units_tasks", 1, 2, Comparison.LESS_THAN, "tasks_total", "CL124-06", outcome=("KHT",)
)
QD124_THRESHOLDS = (TASKS_BELOW_HALF, UNITS_DISCIPLINED, LED_TASKS_BELOW_HALF)

_UNITS_MIN = UNITS_DISCIPLINED.least_count(FULL_PCT)  # more than 20%: from 20.01%
_LED_MAX = LED_TASKS_BELOW_HALF.least_count(FULL_PCT)  # less than 50%: below 50.00%
_HALF_NUM, _HALF_DEN = TASKS_BELOW_HALF.numerator, TASKS_BELOW_HALF.denominator  # strict <


@dataclass(frozen=True, slots=True)
class ForcedCase:
    """One forced-KHT fact: its trigger name, its test and its wording."""

    key: str
    applies: Callable[[Subject], bool]
    message_vi: str
    message_en: str


def counted_discipline(s: Subject) -> bool:
    """CL-19 / CL124-06: discipline in the year counts unless self-detected and remedied."""
    return s.discipline is not None and not s.discipline_self_remedied


def _tasks_below_half(s: Subject) -> bool:
    done = s.tasks_on_time + s.tasks_late
    return s.key_targets_missed and _HALF_DEN * done < _HALF_NUM * s.tasks_total


def _units_disciplined(s: Subject) -> bool:
    return s.units_disciplined is not None and s.units_disciplined >= _UNITS_MIN


def _led_tasks_below_half(s: Subject) -> bool:
    return s.key_targets_missed and s.led_units_tasks is not None and s.led_units_tasks < _LED_MAX


def _any_kem(s: Subject) -> bool:
    results = s.grade_results if s.grade_results is not None else Grade.KEM
    other = s.grade_other_min if s.grade_other_min is not None else Grade.KEM
    return other is Grade.KEM or results is Grade.KEM


ANY_KEM = ForcedCase("any_kem", _any_kem, "Có tiêu chí xếp mức Kém.", "A criterion is graded Kém.")
DISCIPLINE = ForcedCase(
    "discipline",
    counted_discipline,
    "Có kỷ luật trong năm chưa được tự phát hiện, khắc phục.",
    "Discipline in the year that was not self-detected and remedied.",
)
TASKS = ForcedCase(
    "tasks_below_half",
    _tasks_below_half,
    "Hoàn thành dưới 50% chỉ tiêu, nhiệm vụ; chỉ tiêu chủ yếu không đạt.",
    "Less than 50% of targets and tasks done, key targets missed.",
)
UNITS = ForcedCase(
    "units_disciplined_over_20pct",
    _units_disciplined,
    "Trên 20% đơn vị trực thuộc bị kỷ luật trong năm.",
    "More than 20% of affiliated units disciplined in the year.",
)
DISUNITY = ForcedCase(
    "disunity_or_degradation",
    attrgetter("degradation_concluded"),
    "Được kết luận mất đoàn kết nội bộ hoặc có thành viên suy thoái.",
    "Internal disunity or a degenerated member concluded.",
)
LED_TASKS = ForcedCase(
    "led_tasks_below_half",
    _led_tasks_below_half,
    "Đơn vị trực tiếp lãnh đạo hoàn thành dưới 50% chỉ tiêu, nhiệm vụ; chỉ tiêu chủ yếu không đạt.",
    "The unit led directly did less than 50% of its targets and tasks, key targets missed.",
)
DEGRADATION = ForcedCase(
    "degradation",
    attrgetter("degradation_concluded"),
    "Được kết luận suy thoái, tự diễn biến, tự chuyển hóa.",
    "Concluded to show degradation, self-evolution or self-transformation.",
)
BREACH = ForcedCase(
    "breach",
    attrgetter("breach_concluded"),
    "Vi phạm điều đảng viên không được làm hoặc trách nhiệm nêu gương.",
    "Breach of what Party members must not do or of the duty to set an example.",
)

COLLECTIVE_CASES: tuple[ForcedCase, ...] = (DISCIPLINE, TASKS, UNITS, DISUNITY)
"""CL124-06, collectives; under QĐ 366 the default of ``cl_kht_triggers_collective`` (CL-11)."""
INDIVIDUAL_CASES: tuple[ForcedCase, ...] = (DISCIPLINE, DEGRADATION, BREACH)
"""CL124-06, individuals; under QĐ 366 the default of ``cl_kht_triggers_individual`` (CL-11)."""
LEADER_CASES: tuple[ForcedCase, ...] = (DISCIPLINE, LED_TASKS, DEGRADATION, BREACH)
"""CL124-06, leaders (QĐ 124 only: QĐ 366 has its own leader list, CL-09)."""


def check_cases(pairs: Sequence[tuple[ForcedCase, Reason]]) -> Callable[[Subject], list[Reason]]:
    """The per-subject check: the reason of every case that applies, in the order given."""
    bound = tuple((case.applies, reason) for case, reason in pairs)

    def check(s: Subject) -> list[Reason]:
        out = []  # a plain loop: no comprehension frame per subject on the hot path
        for applies, reason in bound:
            if applies(s):
                out.append(reason)
        return out

    return check
