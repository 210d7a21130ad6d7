"""End to end: ``python -m canbo.cli appointment check`` in a subprocess: exit codes, the JSON
shape, the CSV output and a refused file naming its row and column."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.e2e

HEADER = (
    "id,name,sex,birth_date,kind,higher_post,first_time,in_planning,post_since,dossier_received,"
    "party_discipline,party_discipline_date,state_discipline,state_discipline_date,"
    "confidence_band,confidence_date"
)
ROWS = [
    "A1,Nguyễn Văn An,M,1965-02-10,appointment,yes,no,yes,2018-01-01,2021-08-15,,,,,none,",
    "A2,Trần Thị Bình,F,1972-05-03,appointment,yes,no,yes,2019-01-01,2026-10-01,,,,,none,",
    "A3,Lê Văn Cường,M,1980-01-01,appointment,yes,no,yes,2019-01-01,2026-10-01,"
    "khiển trách,2025-06-01,,,,",
    "A4,Phạm Thị Dung,F,1985-04-04,planning,yes,no,,,,,,giang chuc,2025-06-01,B,2026-05-01",
]


def run(tmp_path, rows, *args):
    people = tmp_path / "people.csv"
    people.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "canbo.settings.test",
        "CANBO_DATA_DIR": str(tmp_path / "data"),
    }
    cmd = [sys.executable, "-m", "canbo.cli", "appointment", "check", "--people", str(people)]
    return subprocess.run(
        [*cmd, *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_json_has_the_documented_shape_and_the_rulebook_of_the_date(tmp_path):
    done = run(tmp_path, ROWS, "--date", "2026-11-02")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"rulebook", "rulebook_document", "date", "persons"}
    assert data["rulebook"] == "QD377_2025"
    first = data["persons"][0]
    assert set(first) == {
        "id", "name", "kind", "eligible", "retirement_month", "months_left", "checks",
    }  # fmt: skip
    assert {"rule", "ok", "citation", "message"} <= set(first["checks"][0])
    verdicts = {p["id"]: (p["eligible"], p["retirement_month"]) for p in data["persons"]}
    assert verdicts["A2"] == (False, "2030-09")
    a2 = next(p for p in data["persons"] if p["id"] == "A2")
    assert a2["months_left"] == 47
    a3 = next(p for p in data["persons"] if p["id"] == "A3")
    failed = [c for c in a3["checks"] if not c["ok"] and c["severity"] == "block"]
    assert [c["rule"] for c in failed] == ["AP-08"]
    assert failed[0]["citation"].startswith("QĐ 377-QĐ/TW, Điều 20")
    a4 = next(p for p in data["persons"] if p["id"] == "A4")
    a4_failed = {c["rule"]: c for c in a4["checks"] if not c["ok"] and c["severity"] == "block"}
    assert set(a4_failed) == {"PL-10", "PL-11"}
    assert a4_failed["PL-11"]["citation"].endswith("Điều 82")  # the State window is longer


def test_the_hd06_man_qualifies_under_the_rulebook_of_2021(tmp_path):
    done = run(tmp_path, ROWS[:1], "--date", "2021-09-01", "--format", "csv")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "id,name,kind,eligible,retirement_month,months_left,failed"
    assert lines[1].startswith("A1,Nguyễn Văn An,appointment,")
    assert ",2026-08,60," in lines[1]


def test_a_bad_row_is_refused_naming_row_and_column_with_exit_code_2(tmp_path):
    bad = ROWS[0].replace("1965-02-10", "1965-02-30")
    done = run(tmp_path, [ROWS[1], bad], "--date", "2026-11-02")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "dòng/row 3, cột/column birth_date" in done.stderr
    assert "Ngày không hợp lệ" in done.stderr and "Not a date" in done.stderr


def test_planning_before_qd50_and_a_bad_date_are_refused(tmp_path):
    done = run(tmp_path, ROWS[3:], "--date", "2021-06-01")
    assert done.returncode == 2 and done.stdout == ""
    assert "QĐ 50-QĐ/TW" in done.stderr
    assert run(tmp_path, ROWS, "--date", "02/11/2026").returncode == 2
