"""Reading the calculator's rows into subjects, refusing bad input row by row.

Every problem is a :class:`RowError` naming the row (header = row 1) and the column, worded in
Vietnamese and English; all problems are collected, none is skipped, and no subject is returned
when there is any (the caller refuses the whole file).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from canbo.core.classification import columns as col
from canbo.core.classification.model import (
    GRADE_CODES,
    PCT_SCALE,
    SCORE_SCALE,
    BasicTargets,
    Exemption,
    Grade,
    Level,
    Subject,
    SubjectId,
    SubjectKind,
)
from canbo.core.classification.params import Parameters
from canbo.core.classification.rulebook import Regime
from canbo.core.errors import RowError
from canbo.core.types import DisciplineForm

_NUMBER = re.compile(r"^\d{1,7}(?:[.,]\d{1,2})?$")
_TRUE = frozenset({"yes", "true", "1", "x", "có", "co"})
_FALSE = frozenset({"no", "false", "0", "không", "khong"})
MAX_TASKS = 1_000_000
DISCIPLINE_CODES: dict[str, DisciplineForm | None] = {"none": None, "": None} | {
    form.value: form for form in DisciplineForm
}
LEVEL_CODES: dict[str, Level | None] = {"": None} | {level.name: level for level in Level}
KIND_CODES = {kind.value: kind for kind in SubjectKind}
GRADE_OPTIONS: dict[str, Grade] = GRADE_CODES
EXEMPT_CODES: dict[str, Exemption | None] = {"": None} | {e.value: e for e in Exemption}
BASIC_CODES = {"": BasicTargets.NONE} | {b.value: b for b in BasicTargets}
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ParsedTable:
    """The subjects and their display names, in input order, or the errors that refuse them."""

    subjects: tuple[Subject, ...]
    names: tuple[str, ...]
    errors: tuple[RowError, ...]


def error(row: int, column: str, code: str, value: str, vi: str, en: str) -> RowError:
    """A row problem worded in both languages, each naming the row and the column."""
    return RowError(
        row,
        column,
        code,
        f"Dòng {row}, cột {column}: {vi} (giá trị: {value!r}).",
        f"Row {row}, column {column}: {en} (value: {value!r}).",
        value,
    )


class _Row:
    """One data row: typed readers that record a RowError instead of raising."""

    def __init__(self, number: int, values: Mapping[str, str], errors: list[RowError]) -> None:
        self.number = number
        self.values = values
        self.errors = errors

    def text(self, name: str) -> str:
        return (self.values.get(name) or "").strip()

    def fail(self, name: str, code: str, vi: str, en: str) -> None:
        self.errors.append(error(self.number, name, code, self.text(name), vi, en))

    def hundredths(self, name: str, lo: int, hi: int) -> int | None:
        """A decimal with up to 2 places (``.`` or ``,``) as an integer in hundredths."""
        raw = self.text(name)
        if not raw:
            return None
        if not _NUMBER.match(raw):
            self.fail(name, "not_a_number", "không phải số", "not a number")
            return None
        whole, _, frac = raw.replace(",", ".").partition(".")
        value = int(whole) * 100 + int((frac + "00")[:2])
        if not lo <= value <= hi:
            self.fail(
                name,
                "out_of_range",
                f"ngoài khoảng {lo / 100:g}–{hi / 100:g}",
                f"outside {lo / 100:g}–{hi / 100:g}",
            )
            return None
        return value

    def integer(self, name: str, hi: int) -> int | None:
        value = self.hundredths(name, 0, hi * 100)
        if value is not None and value % 100:
            self.fail(name, "not_an_integer", "phải là số nguyên", "must be a whole number")
            return None
        return None if value is None else value // 100

    def required(self, name: str) -> bool:
        if self.text(name):
            return True
        self.fail(name, "required", "bắt buộc, đang để trống", "required, but empty")
        return False

    def score(self, name: str, max_points: int, precision: int) -> int | None:
        """A score in tenths (CL-05 range, ``cl_score_precision`` granularity)."""
        if not self.required(name):
            return None
        value = self.hundredths(name, 0, max_points * 100)
        if value is None:
            return None
        if value % (precision * 10):
            step = f"{precision / SCORE_SCALE:g}"
            self.fail(name, "bad_precision", f"không theo bước {step}", f"not a multiple of {step}")
            return None
        return value // 10

    def pct(self, name: str) -> int | None:
        return self.hundredths(name, 0, 100 * PCT_SCALE)

    def flag(self, name: str, default: bool) -> bool:
        raw = self.text(name).lower()
        if not raw:
            return default
        if raw in _TRUE:
            return True
        if raw not in _FALSE:
            self.fail(name, "bad_boolean", "phải là có/không (yes/no)", "must be yes or no")
        return False

    def choice(self, name: str, options: Mapping[str, T], code: str) -> T | None:
        raw = self.text(name)
        for key in (raw, raw.lower(), raw.upper()):
            if key in options:
                return options[key]
        allowed = ", ".join(k for k in options if k)
        self.fail(name, code, f"giá trị không hợp lệ; dùng: {allowed}", f"must be one of {allowed}")
        return None


def _tasks(row: _Row) -> tuple[int, int, int, int] | None:
    """Task counts of a row, checked by :func:`tasks_consistent`."""
    values = [row.integer(n, MAX_TASKS) for n in col.TAIL[:4]]
    if not all(row.required(n) for n in col.TAIL[:4]) or None in values:
        return None
    total, on_time, exceeded, late = (v or 0 for v in values)
    if not tasks_consistent(total, on_time, exceeded, late, row.fail):
        return None
    return total, on_time, exceeded, late


def tasks_consistent(
    total: int, on_time: int, exceeded: int, late: int, fail: Callable[[str, str, str, str], None]
) -> bool:
    """Done = on time + late must not exceed the total, and the tasks exceeded are among the
    done ones, not added to them; ``fail(field, code, vi, en)`` names the first count that
    breaks this. One check for the spreadsheet rows and the entry of one subject's scores."""
    if on_time + late > total:
        fail(
            "tasks_on_time",
            "tasks_inconsistent",
            "đúng hạn + chậm vượt quá tổng số nhiệm vụ",
            "on time + late exceeds tasks_total",
        )
        return False
    if exceeded > on_time + late:
        fail(
            "tasks_exceeded",
            "tasks_inconsistent",
            "số nhiệm vụ vượt mức lớn hơn số đã hoàn thành",
            "more tasks exceeded than done",
        )
        return False
    return True


def _applicability(row: _Row, kind: SubjectKind) -> None:
    """Columns that apply to one kind only must be empty for the others."""
    for name in col.LEADER_ONLY:
        if kind is not SubjectKind.LEADER and row.text(name) and row.text(name) != "none":
            row.fail(name, "not_applicable", "chỉ áp dụng cho lãnh đạo", "applies to leaders only")
    for name in col.COLLECTIVE_ONLY:
        if kind is not SubjectKind.COLLECTIVE and row.text(name):
            row.fail(name, "not_applicable", "chỉ áp dụng cho tập thể", "collectives only")
    for name in col.PERSON_ONLY:
        if kind is SubjectKind.COLLECTIVE and row.text(name):
            row.fail(name, "not_applicable", "không áp dụng cho tập thể", "not for collectives")
    if kind is SubjectKind.LEADER:
        row.required("led_units_tasks_pct")


Grading = tuple[int | None, Grade | None, Grade | None]


def _grading(row: _Row, regime: Regime, params: Parameters) -> Grading | None:
    """Points (QĐ 366, CL-05: general 0–30, results 0–70) or grades (QĐ 124, CL124-02)."""
    if regime is Regime.POINTS:
        general = row.score("score_general", 30, params.cl_score_precision)
        results = row.score("score_results", 70, params.cl_score_precision)
        if general is None or results is None:
            return None
        return general + results, None, None
    grades = [
        row.choice(name, GRADE_OPTIONS, "bad_grade") if row.required(name) else None
        for name in col.GRADES
    ]
    if grades[0] is None or grades[1] is None:
        return None
    return None, grades[0], grades[1]


def _facts(row: _Row) -> Subject:
    """The optional facts of a row, on a placeholder subject completed by :func:`_subject`."""
    return Subject(
        SubjectId(""),
        SubjectKind.INDIVIDUAL,
        "",
        0,
        0,
        0,
        0,
        discipline=row.choice("discipline", DISCIPLINE_CODES, "bad_discipline"),
        discipline_self_remedied=row.flag("discipline_self_remedied", False),
        discipline_duty_related=row.flag("discipline_duty_related", True),
        led_units_tasks=row.pct("led_units_tasks_pct"),
        led_units_exceeded=row.pct("led_units_exceeded_pct"),
        led_units_kht=row.pct("led_units_kht_pct"),
        confidence_low=row.pct("confidence_low_pct"),
        units_disciplined=row.pct("units_disciplined_pct"),
        head_of=SubjectId(row.text("head_of")) if row.text("head_of") else None,
        exemption=row.choice("exempt", EXEMPT_CODES, "bad_exemption"),
        months_in_operation=row.integer("months_in_operation", 1200),
        sick_leave_months=row.integer("sick_leave_months", 12) or 0,
        degradation_concluded=row.flag("degradation_concluded", False),
        breach_concluded=row.flag("breach_concluded", False),
        key_targets_missed=row.flag("key_targets_missed", False),
        basic_targets_missed=row.choice("basic_targets_missed", BASIC_CODES, "bad_value")
        or BasicTargets.NONE,
        shortcomings_remedied=row.flag("shortcomings_remedied", True),
        civil_service_level=row.choice("civil_service_level", LEVEL_CODES, "bad_level"),
    )


def _subject(row: _Row, regime: Regime, params: Parameters) -> Subject | None:
    """Build one subject from a row, or None after recording all of its errors."""
    before = len(row.errors)
    sid = row.text("id") if row.required("id") else ""
    kind = row.choice("kind", KIND_CODES, "unknown_kind") if row.required("kind") else None
    if kind is not None:
        _applicability(row, kind)
    grading = _grading(row, regime, params)
    tasks = _tasks(row)
    facts = _facts(row)
    if len(row.errors) > before or kind is None or grading is None or tasks is None:
        return None
    score, grade_results, grade_other_min = grading
    total, on_time, exceeded, late = tasks
    return replace(
        facts,
        id=SubjectId(sid),
        kind=kind,
        group=row.text("group"),
        tasks_total=total,
        tasks_on_time=on_time,
        tasks_exceeded=exceeded,
        tasks_late=late,
        score=score,
        grade_results=grade_results,
        grade_other_min=grade_other_min,
    )


def _cross_checks(rows: Sequence[Mapping[str, str]], errors: list[RowError]) -> None:
    """Duplicate ids, and ``head_of`` naming a collective that exists (rows start at 2).

    Runs on the raw cells, so these problems are reported even beside other bad rows.
    """
    kinds = _unique_ids(rows, errors)
    for number, values in enumerate(rows, start=2):
        head = (values.get("head_of") or "").strip()
        if not head or (values.get("kind") or "").strip().lower() == SubjectKind.COLLECTIVE:
            continue
        if head not in kinds:
            errors.append(
                error(
                    number,
                    "head_of",
                    "unknown_head_of",
                    head,
                    "không có dòng nào mang mã này",
                    "no row has this id",
                )
            )
        elif kinds[head] != SubjectKind.COLLECTIVE:
            errors.append(
                error(
                    number,
                    "head_of",
                    "head_of_not_collective",
                    head,
                    "phải là mã của một tập thể",
                    "must be the id of a collective",
                )
            )


def _unique_ids(rows: Sequence[Mapping[str, str]], errors: list[RowError]) -> dict[str, str]:
    """Record each repeated id against its first row; return the kind written for each id."""
    first_row: dict[str, int] = {}
    kinds: dict[str, str] = {}
    for number, values in enumerate(rows, start=2):
        sid = (values.get("id") or "").strip()
        if not sid:
            continue
        if sid in first_row:
            errors.append(
                error(
                    number,
                    "id",
                    "duplicate_id",
                    sid,
                    f"mã trùng với dòng {first_row[sid]}",
                    f"duplicate of row {first_row[sid]}",
                )
            )
        else:
            first_row[sid] = number
            kinds[sid] = (values.get("kind") or "").strip().lower()
    return kinds


def parse_table(
    header: Sequence[str],
    rows: Sequence[Mapping[str, str]],
    regime: Regime,
    params: Parameters,
) -> ParsedTable:
    """Validate the whole table; subjects only when there is no error at all (all or nothing)."""
    errors: list[RowError] = []
    present = {h.strip() for h in header}
    for name in col.required_columns(regime):
        if name not in present:
            errors.append(error(1, name, "missing_column", "", "thiếu cột", "column is missing"))
    if errors:
        return ParsedTable((), (), tuple(errors))
    subjects: list[Subject] = []
    names: list[str] = []
    for number, values in enumerate(rows, start=2):
        subject = _subject(_Row(number, values, errors), regime, params)
        if subject is not None:
            subjects.append(subject)
            names.append((values.get("name") or "").strip())
    _cross_checks(rows, errors)
    errors.sort(key=lambda e: e.row)
    if errors:
        return ParsedTable((), (), tuple(errors))
    return ParsedTable(tuple(subjects), tuple(names), ())
