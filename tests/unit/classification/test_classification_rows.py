"""Reading calculator rows: bad input is refused naming row and column, in vi and en."""

from __future__ import annotations

import pytest

from canbo.core.classification import Parameters
from canbo.core.classification.columns import required_columns, template_columns
from canbo.core.classification.model import Grade, Level, SubjectKind
from canbo.core.classification.rows import ParsedTable, parse_table
from canbo.core.classification.rulebook import Regime
from canbo.core.types import DisciplineForm

HEADER = list(required_columns(Regime.POINTS))
GOOD = {
    "id": "dv-01",
    "name": "Trần Thị Bình",
    "kind": "individual",
    "group": "chi-bo-1",
    "score_general": "27,5",
    "score_results": "60",
    "tasks_total": "10",
    "tasks_on_time": "9",
    "tasks_exceeded": "3",
    "tasks_late": "1",
    "discipline": "none",
    "discipline_self_remedied": "không",
    "led_units_tasks_pct": "",
    "led_units_kht_pct": "",
    "confidence_low_pct": "",
    "head_of": "",
}
UNIT = {**GOOD, "id": "cb-01", "kind": "collective", "name": "Chi bộ 1"}
HEAD = {
    **GOOD,
    "id": "ld-01",
    "kind": "leader",
    "head_of": "cb-01",
    "led_units_tasks_pct": "99.5",
    "led_units_kht_pct": "0",
    "confidence_low_pct": "12.34",
}


def parse(*rows: dict[str, str], header: list[str] = HEADER, **kw: object) -> ParsedTable:
    regime = kw.pop("regime", Regime.POINTS)
    return parse_table(header, list(rows), regime, Parameters(**kw))


def only_error(table: ParsedTable) -> tuple[int, str, str]:
    assert table.subjects == ()
    assert len(table.errors) == 1, table.errors
    e = table.errors[0]
    return e.row, e.column, e.code


def test_a_good_table_becomes_subjects_with_exact_integer_values() -> None:
    table = parse(UNIT, GOOD, HEAD)
    assert table.errors == ()
    unit, person, head = table.subjects
    assert person.score == 875  # 27.5 + 60 in tenths
    assert person.kind is SubjectKind.INDIVIDUAL and unit.kind is SubjectKind.COLLECTIVE
    assert head.led_units_tasks == 9950 and head.confidence_low == 1234
    assert head.head_of == "cb-01"
    assert table.names == ("Chi bộ 1", "Trần Thị Bình", "Trần Thị Bình")


@pytest.mark.parametrize(
    ("column", "value", "code"),
    [
        ("score_general", "30.5", "out_of_range"),
        ("score_results", "70.5", "out_of_range"),
        ("score_results", "-1", "not_a_number"),
        ("score_results", "abc", "not_a_number"),
        ("score_results", "60.3", "bad_precision"),
        ("kind", "cadre", "unknown_kind"),
        ("discipline", "bai_nhiem", "bad_discipline"),
        ("discipline_self_remedied", "maybe", "bad_boolean"),
        ("tasks_total", "2.5", "not_an_integer"),
        ("tasks_on_time", "10", "tasks_inconsistent"),
        ("tasks_exceeded", "11", "tasks_inconsistent"),
        ("led_units_tasks_pct", "80", "not_applicable"),
        ("confidence_low_pct", "10", "not_applicable"),
        ("id", "", "required"),
        ("score_general", "", "required"),
    ],
)
def test_a_bad_value_is_refused_naming_row_and_column(column: str, value: str, code: str) -> None:
    table = parse(UNIT, {**GOOD, column: value})
    row, named, got = only_error(table)
    assert (row, got) == (3, code)
    assert named == column
    message = table.errors[0]
    assert message.message_vi.startswith(f"Dòng 3, cột {column}")
    assert message.message_en.startswith(f"Row 3, column {column}")


def test_a_finer_precision_parameter_accepts_tenths() -> None:
    table = parse({**GOOD, "score_results": "60.3"}, cl_score_precision=1)
    assert table.subjects[0].score == 878


def test_a_leader_must_give_the_task_share_of_the_units_led() -> None:
    assert only_error(parse(UNIT, {**HEAD, "led_units_tasks_pct": ""})) == (
        3,
        "led_units_tasks_pct",
        "required",
    )


def test_head_of_must_name_an_existing_collective() -> None:
    assert only_error(parse(GOOD, {**HEAD, "head_of": "cb-99"})) == (
        3,
        "head_of",
        "unknown_head_of",
    )
    assert only_error(parse(GOOD, {**HEAD, "head_of": "dv-01"})) == (
        3,
        "head_of",
        "head_of_not_collective",
    )
    assert only_error(parse({**UNIT, "head_of": "cb-01"})) == (2, "head_of", "not_applicable")


def test_duplicate_ids_are_refused_naming_both_rows() -> None:
    table = parse(GOOD, UNIT, GOOD)
    assert only_error(table) == (4, "id", "duplicate_id")
    assert "row 2" in table.errors[0].message_en and "dòng 2" in table.errors[0].message_vi


def test_a_missing_required_column_is_refused_on_the_header_row() -> None:
    header = [h for h in HEADER if h != "tasks_late"]
    assert only_error(parse(GOOD, header=header)) == (1, "tasks_late", "missing_column")


def test_every_problem_is_reported_not_only_the_first() -> None:
    table = parse(
        {**GOOD, "kind": "x", "discipline": "y"}, {**GOOD, "id": "b", "score_general": "99"}
    )
    assert {(e.row, e.column) for e in table.errors} == {
        (2, "kind"),
        (2, "discipline"),
        (3, "score_general"),
    }


def test_grades_are_read_under_qd124_and_scores_are_not_required() -> None:
    header = list(required_columns(Regime.GRADES))
    row = {**GOOD, "grade_results": "xuat_sac", "grade_other_min": "Tot"}
    del row["score_general"], row["score_results"]
    table = parse(row, header=header, regime=Regime.GRADES)
    assert table.subjects[0].grade_results is Grade.XUAT_SAC
    assert table.subjects[0].grade_other_min is Grade.TOT
    assert table.subjects[0].score is None
    bad = parse({**row, "grade_results": "gioi"}, header=header, regime=Regime.GRADES)
    assert only_error(bad) == (2, "grade_results", "bad_grade")


def test_optional_columns_are_read_when_present() -> None:
    header = list(template_columns(Regime.POINTS))
    row = {
        **GOOD,
        "discipline": "canh_cao",
        "sick_leave_months": "3",
        "civil_service_level": "htt",
        "exempt": "admitted_lt_6_months",
        "breach_concluded": "có",
    }
    [s] = parse(row, header=header).subjects
    assert s.discipline is DisciplineForm.CANH_CAO
    assert s.sick_leave_months == 3
    assert s.civil_service_level is Level.HTT
    assert s.breach_concluded is True
