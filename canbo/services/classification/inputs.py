"""Reading self-assessed scores, one form or a whole cell's XLSX, refusing bad input.

One validator serves the web form, the API and the bulk upload: scores within the 100-point
framework (CL-05: general 0–30, results 0–70, in steps of ``cl_score_precision``) or the
criteria grades of QĐ 124 (CL124-02), task counts that add up, percentages within 0–100. Each
problem names the row (header = row 1), the column and the rule, in Vietnamese and English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from canbo.core.classification.model import GRADE_CODES, PCT_SCALE, SubjectKind
from canbo.core.classification.params import Parameters
from canbo.core.classification.rows import error, tasks_consistent
from canbo.core.classification.rulebook import Regime
from canbo.core.errors import Citation, RowError, ValidationError
from canbo.services.classification.ports import Scores

_NUMBER = re.compile(r"^\d{1,7}(?:[.,]\d{1,2})?$")
MAX_TASKS = 30_000
CL05 = Citation("QĐ 366-QĐ/TW, Phụ lục; HD 43-HD/BTCTW", rule_id="CL-05")
POINT_COLUMNS = ("score_general", "score_results")
GRADE_COLUMNS = ("grade_results", "grade_other_min")
TASK_COLUMNS = ("tasks_total", "tasks_on_time", "tasks_exceeded", "tasks_late")
LEADER_COLUMNS = ("led_units_tasks_pct", "led_units_exceeded_pct")


def input_columns(regime: Regime) -> tuple[str, ...]:
    """The score columns of the regime, then tasks and the leader-only percentages."""
    grading = POINT_COLUMNS if regime is Regime.POINTS else GRADE_COLUMNS
    return (*grading, *TASK_COLUMNS, *LEADER_COLUMNS)


@dataclass
class _Reader:
    row: int
    values: Mapping[str, str]
    errors: list[RowError]

    def text(self, name: str) -> str:
        return str(self.values.get(name) or "").strip()

    def fail(self, name: str, code: str, vi: str, en: str) -> None:
        self.errors.append(error(self.row, name, code, self.text(name), vi, en))

    def hundredths(self, name: str, hi: int, *, required: bool) -> int | None:
        raw = self.text(name)
        if not raw:
            if required:
                self.fail(name, "required", "bắt buộc, đang để trống", "required, but empty")
            return None
        if not _NUMBER.match(raw):
            self.fail(name, "not_a_number", "không phải số", "not a number")
            return None
        whole, _, frac = raw.replace(",", ".").partition(".")
        value = int(whole) * 100 + int((frac + "00")[:2])
        if value > hi:
            self.fail(
                name,
                "out_of_range",
                f"ngoài khoảng 0–{hi / 100:g}",
                f"outside 0–{hi / 100:g}",
            )
            return None
        return value

    def score(self, name: str, max_points: int, precision: int) -> int | None:
        value = self.hundredths(name, max_points * 100, required=True)
        if value is not None and value % (precision * 10):
            step = f"{precision / 10:g}"
            self.fail(name, "bad_precision", f"không theo bước {step}", f"not a multiple of {step}")
            return None
        return None if value is None else value // 10

    def count(self, name: str) -> int | None:
        value = self.hundredths(name, MAX_TASKS * 100, required=True)
        if value is not None and value % 100:
            self.fail(name, "not_an_integer", "phải là số nguyên", "must be a whole number")
            return None
        return None if value is None else value // 100

    def grade(self, name: str) -> int | None:
        raw = self.text(name).lower()
        if raw in GRADE_CODES:
            return int(GRADE_CODES[raw])
        allowed = ", ".join(GRADE_CODES)
        self.fail(name, "bad_grade", f"dùng một trong: {allowed}", f"must be one of {allowed}")
        return None


def _tasks(r: _Reader) -> tuple[int, int, int, int] | None:
    values = [r.count(n) for n in TASK_COLUMNS]
    if None in values:
        return None
    total, on_time, exceeded, late = (v or 0 for v in values)
    if not tasks_consistent(total, on_time, exceeded, late, r.fail):
        return None
    return total, on_time, exceeded, late


def _leader(r: _Reader, kind: SubjectKind) -> tuple[int | None, int | None]:
    if kind is not SubjectKind.LEADER:
        for name in LEADER_COLUMNS:
            if r.text(name):
                r.fail(name, "not_applicable", "chỉ áp dụng cho lãnh đạo", "leaders only")
        return None, None
    full = 100 * PCT_SCALE
    tasks = r.hundredths("led_units_tasks_pct", full, required=True)
    return tasks, r.hundredths("led_units_exceeded_pct", full, required=False)


def read_scores(
    values: Mapping[str, str],
    regime: Regime,
    params: Parameters,
    kind: SubjectKind,
    row: int = 2,
) -> tuple[Scores | None, list[RowError]]:
    """Validate one subject's input (CL-05, CL124-02); Scores only when there is no error."""
    errors: list[RowError] = []
    r = _Reader(row, values, errors)
    if regime is Regime.POINTS:
        general = r.score("score_general", 30, params.cl_score_precision)
        results = r.score("score_results", 70, params.cl_score_precision)
        grades: tuple[int | None, int | None] = (None, None)
    else:
        general = results = None
        grades = (r.grade("grade_results"), r.grade("grade_other_min"))
    tasks = _tasks(r)
    led_tasks, led_exceeded = _leader(r, kind)
    if errors or tasks is None:
        return None, errors
    return (
        Scores(general, results, *grades, *tasks, led_tasks, led_exceeded),
        errors,
    )


def refuse(errors: Sequence[RowError]) -> ValidationError:
    """A single form's problems as one refusal naming the first field and the rule (CL-05)."""
    first = errors[0]
    return ValidationError(
        first.code,
        f"{first.message_vi} / {first.message_en}",
        citation=CL05,
        field=first.column,
        errors=[e.as_dict() for e in errors],
    )
