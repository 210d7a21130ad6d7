"""Columns of the calculator's input table, per regime (docs/classification-calculator.md).

The required columns are those every row fills; the optional ones carry the further facts the rules
read (CL-04, CL-07, CL-09, CL-17, CL-18, CL124-06). An absent optional column means "empty" in
every row.
"""

from __future__ import annotations

from canbo.core.classification.rulebook import Regime

HEAD = ("id", "name", "kind", "group")
POINTS = ("score_general", "score_results")
GRADES = ("grade_results", "grade_other_min")
TAIL = (
    "tasks_total",
    "tasks_on_time",
    "tasks_exceeded",
    "tasks_late",
    "discipline",
    "discipline_self_remedied",
    "led_units_tasks_pct",
    "led_units_kht_pct",
    "confidence_low_pct",
    "head_of",
)
OPTIONAL = (
    "led_units_exceeded_pct",
    "units_disciplined_pct",
    "discipline_duty_related",
    "degradation_concluded",
    "breach_concluded",
    "key_targets_missed",
    "basic_targets_missed",
    "shortcomings_remedied",
    "exempt",
    "months_in_operation",
    "sick_leave_months",
    "civil_service_level",
)

LEADER_ONLY = (
    "led_units_tasks_pct",
    "led_units_kht_pct",
    "confidence_low_pct",
    "led_units_exceeded_pct",
    "basic_targets_missed",
)
COLLECTIVE_ONLY = ("units_disciplined_pct", "months_in_operation")
PERSON_ONLY = (
    "head_of",
    "breach_concluded",
    "exempt",
    "sick_leave_months",
    "civil_service_level",
)


def required_columns(regime: Regime) -> tuple[str, ...]:
    """The columns every input of ``regime`` must have, in template order."""
    middle = POINTS if regime is Regime.POINTS else GRADES
    return (*HEAD, *middle, *TAIL)


def template_columns(regime: Regime) -> tuple[str, ...]:
    """Required then optional columns: the header of ``canbo classification template``."""
    return (*required_columns(regime), *OPTIONAL)
