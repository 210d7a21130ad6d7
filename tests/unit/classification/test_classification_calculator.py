"""The calculator use case: rows in, the documented JSON document and tables out."""

from __future__ import annotations

import json

import pytest

from canbo.core.errors import ImportRejected, RuleViolation, ValidationError
from canbo.services.classification.calculator import (
    ProposeCommand,
    propose,
    quota_table,
    quota_warnings,
    subject_table,
    template,
    to_document,
)

HEADER, EXAMPLES = template(2025)


def row(**values: str) -> dict[str, str]:
    base = dict(zip(HEADER, EXAMPLES[2], strict=True))  # Trần Thị Bình, individual, HTT
    return {**base, **values}


def excellent(i: int, group: str = "chi-bo-1") -> dict[str, str]:
    return row(
        id=f"xs-{i}", group=group, score_general="30", score_results="65", tasks_exceeded="4"
    )


def good(i: int, group: str = "chi-bo-1") -> dict[str, str]:
    return row(id=f"t-{i}", group=group)


def run(rows: list[dict[str, str]], year: int = 2025, **overrides: str) -> dict[str, object]:
    return to_document(propose(ProposeCommand(year, HEADER, rows, overrides)))


def test_the_template_rows_are_valid_input_for_both_regimes() -> None:
    for year in (2025, 2024):
        header, rows = template(year)
        result = propose(
            ProposeCommand(year, header, [dict(zip(header, r, strict=True)) for r in rows])
        )
        assert len(result.outcomes) == len(rows)
    assert "score_general" in template(2025)[0] and "grade_results" in template(2023)[0]


def test_the_json_document_has_the_documented_shape() -> None:
    doc = run([excellent(1), *(good(i) for i in range(5))])
    json.dumps(doc)  # serializable as is
    assert doc["schema"] == "canbo.classification.proposals/1"
    assert doc["rulebook"] == "QD366_HD43"
    assert doc["parameters"]["cl_quota_pct"] == 20
    subject = doc["subjects"][0]
    assert subject["id"] == "xs-1" and subject["proposed_level"] == "HTXS"
    assert subject["score"] == 95.0
    reason = subject["reasons"][0]
    assert reason["rule"] == "CL-06"
    assert reason["citation"]["rule_id"] == "CL-06"
    assert "QĐ 366-QĐ/TW" in reason["citation"]["text"]
    [line] = doc["quota"]
    assert {k: line[k] for k in ("group", "htxs", "htt", "max_htxs", "over_by")} == {
        "group": "chi-bo-1",
        "htxs": 1,
        "htt": 5,
        "max_htxs": 1,
        "over_by": 0,
    }
    assert doc["quota_exceeded"] is False


def test_an_over_quota_group_is_reported_exactly_and_nothing_is_cut() -> None:
    rows = [*(excellent(i) for i in range(6)), *(good(i) for i in range(10))]
    rows += [excellent(9, "chi-bo-2"), *(good(i + 20, "chi-bo-2") for i in range(5))]
    result = propose(ProposeCommand(2025, HEADER, rows))
    doc = to_document(result)
    levels = [s["proposed_level"] for s in doc["subjects"]]
    assert levels.count("HTXS") == 7
    over = {q["group"]: q["over_by"] for q in doc["quota"]}
    assert over == {"chi-bo-1": 4, "chi-bo-2": 0}
    [warning] = quota_warnings(result)
    assert "'chi-bo-1'" in warning and "vượt 4" in warning and "over by 4" in warning
    _, table = quota_table(result)
    assert table[0] == ["chi-bo-1", "6", "10", "2", "4"]
    subject_rows = subject_table(result)[1]
    assert subject_rows[0][-1] == "4"  # group_over_by


def test_the_quota_percentage_is_a_per_cycle_parameter() -> None:
    rows = [*(excellent(i) for i in range(3)), *(good(i) for i in range(10))]
    doc = run(rows, cl_quota_pct="30")
    assert doc["quota"][0]["over_by"] == 0
    assert run(rows, cl_quota_pct="none")["quota"][0]["max_htxs"] is None


def test_a_bad_parameter_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        run([good(1)], cl_quota_pct="lots")
    assert caught.value.code == "bad_parameter"
    with pytest.raises(ValidationError):
        run([good(1)], cl_no_such_thing="1")


def test_a_head_is_capped_by_the_unit_through_the_use_case() -> None:
    unit = row(id="cb-1", kind="collective", group="chi-bo", score_results="40")
    head = row(
        id="ld-1",
        kind="leader",
        group="lanh-dao",
        head_of="cb-1",
        led_units_tasks_pct="100",
        led_units_kht_pct="0",
        confidence_low_pct="0",
        led_units_exceeded_pct="35",
        score_general="30",
        score_results="65",
    )
    levels = {s["id"]: s["proposed_level"] for s in run([head, unit])["subjects"]}
    assert levels == {"ld-1": "HT", "cb-1": "HT"}


def test_not_classified_subjects_are_none_and_outside_the_quota() -> None:
    doc = run([row(exempt="party_activity_suspended")])
    assert doc["subjects"][0]["proposed_level"] == "none"
    assert doc["quota"][0]["htt"] == 0


def test_bad_rows_refuse_the_whole_file() -> None:
    with pytest.raises(ImportRejected) as caught:
        propose(ProposeCommand(2025, HEADER, [good(1), good(1), row(id="z", kind="robot")]))
    assert {(e.row, e.column, e.code) for e in caught.value.errors} == {
        (3, "id", "duplicate_id"),
        (4, "kind", "unknown_kind"),
    }


def test_an_unencoded_cycle_is_refused_before_reading_rows() -> None:
    with pytest.raises(RuleViolation):
        propose(ProposeCommand(2020, HEADER, [good(1)]))
