"""The offline calculator through the real console script, in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.e2e

PYTHON = sys.executable  # /tmp/v/bin/python when run with /tmp/v/bin/pytest


def canbo(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "canbo.settings.test",
        "CANBO_DATA_DIR": str(tmp_path / "data"),
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(
        [PYTHON, "-m", "canbo.cli", "classification", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def template_rows(tmp_path: Path, year: int) -> list[list[str]]:
    done = canbo(tmp_path, "template", "--year", str(year))
    assert done.returncode == 0, done.stderr
    return list(csv.reader(io.StringIO(done.stdout)))


def test_template_then_propose_gives_the_json_document(tmp_path: Path) -> None:
    target = tmp_path / "mau.csv"
    assert canbo(tmp_path, "template", "--year", "2025", "--output", str(target)).returncode == 0
    done = canbo(tmp_path, "propose", "--input", str(target), "--year", "2025")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["rulebook"] == "QD366_HD43"
    levels = {s["id"]: s["proposed_level"] for s in doc["subjects"]}
    assert levels == {"cb-01": "HTXS", "ld-01": "HTT", "dv-01": "HTT", "dv-02": "HT"}
    assert all(r["rule"] and r["citation"]["text"] for s in doc["subjects"] for r in s["reasons"])
    assert {"group", "htxs", "htt", "max_htxs", "over_by"} <= set(doc["quota"][0])


def test_xlsx_in_and_xlsx_out_with_a_quota_sheet(tmp_path: Path) -> None:
    source, result = tmp_path / "mau.xlsx", tmp_path / "ket-qua.xlsx"
    assert canbo(tmp_path, "template", "--year", "2024", "--output", str(source)).returncode == 0
    done = canbo(
        tmp_path, "propose", "--input", str(source), "--year", "2024", "--output", str(result)
    )
    assert done.returncode == 0, done.stderr
    book = load_workbook(result)
    assert book.sheetnames == ["subjects", "quota"]
    header = [c.value for c in book["subjects"][1]]
    assert header[:6] == ["id", "name", "kind", "group", "score", "proposed_level"]
    assert book["subjects"]["F2"].value == "HTXS"


def test_csv_output_and_an_over_quota_warning_naming_the_group(tmp_path: Path) -> None:
    header, *examples = template_rows(tmp_path, 2025)
    member = examples[2]
    rows = [header] + [
        [f"xs-{i}", *member[1:4], "30", "65", "12", "12", "6", *member[9:]] for i in range(3)
    ]
    rows += [[f"t-{i}", *member[1:]] for i in range(5)]
    out = tmp_path / "ket-qua.csv"
    done = canbo(
        tmp_path,
        "propose",
        "--input",
        str(write_csv(tmp_path / "in.csv", rows)),
        "--year",
        "2025",
        "--format",
        "csv",
        "--output",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    assert "dang-vien-cb-01" in done.stderr and "over by 2" in done.stderr
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["proposed_level"] for r in table].count("HTXS") == 3
    assert {r["group_over_by"] for r in table} == {"2"}


def test_bad_input_is_refused_with_row_and_column_in_both_languages(tmp_path: Path) -> None:
    header, *examples = template_rows(tmp_path, 2025)
    bad = [
        header,
        examples[0],
        examples[0],
        [examples[1][0], examples[1][1], "robot", *examples[1][3:]],
    ]
    out = tmp_path / "ket-qua.json"
    done = canbo(
        tmp_path,
        "propose",
        "--input",
        str(write_csv(tmp_path / "in.csv", bad)),
        "--year",
        "2025",
        "--output",
        str(out),
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert not out.exists()
    assert "Dòng 3, cột id" in done.stderr and "Row 3, column id" in done.stderr
    assert "Dòng 4, cột kind" in done.stderr and "Row 4, column kind" in done.stderr


def test_a_score_out_of_range_and_a_missing_head_are_refused(tmp_path: Path) -> None:
    header, *examples = template_rows(tmp_path, 2025)
    leader = list(examples[1])
    leader[header.index("head_of")] = "cb-99"
    leader[header.index("score_general")] = "31"
    done = canbo(
        tmp_path,
        "propose",
        "--input",
        str(write_csv(tmp_path / "in.csv", [header, leader])),
        "--year",
        "2025",
    )
    assert done.returncode == 2
    assert "Row 2, column score_general" in done.stderr
    assert "Row 2, column head_of" in done.stderr


def test_a_cycle_without_an_encoded_rulebook_exits_2(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", template_rows(tmp_path, 2025))
    done = canbo(tmp_path, "propose", "--input", str(path), "--year", "2020")
    assert done.returncode == 2
    assert "QD132_HD21" in done.stderr
