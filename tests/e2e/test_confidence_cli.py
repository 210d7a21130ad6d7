"""End to end: ``python -m canbo.cli confidence results`` in a subprocess."""

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.e2e

PYTHON = (
    sys.executable
)  # the project virtualenv (/tmp/v/bin/python) when run with /tmp/v/bin/pytest
HEADER = "order,name,position,high,mid,low,invalid\n"


def run(tmp_path, *args, counts=None):
    path = tmp_path / "counts.csv"
    if counts is not None:
        path.write_bytes(counts.encode("utf-8"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "canbo.settings.test",
        "CANBO_DATA_DIR": str(tmp_path / "data"),
    }
    cmd = [PYTHON, "-m", "canbo.cli", "confidence", "results", "--counts", str(path), *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=False)


def test_na14_published_figure_example_prints_band_c_and_band_b(tmp_path):
    counts = (
        "\ufeff" + HEADER + "1,Người A,Bộ trưởng,100,60,321,0\n2,Người B,Bộ trưởng,100,61,320,0\n"
    )
    done = run(
        tmp_path, "--body", "national-assembly", "--date", "2023-10-25",
        "--issued", "481", "--collected", "481", counts=counts,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["rulebook"]["id"] == "NQ96_2023"
    first, second = data["persons"]
    assert (first["band"], first["percent_text"]["low"], first["percent"]["low"]) == (
        "C",
        "66,74%",
        66.74,
    )
    assert (second["band"], second["percent_text"]["low"]) == ("B", "66,53%")
    assert first["consequences"][0]["code"] == "submit_dismissal"


def test_exactly_half_and_exactly_two_thirds_under_qd96(tmp_path):
    counts = HEADER + "1,Người C,Giám đốc,10,5,15,0\n2,Người D,Phó Giám đốc,5,5,20,0\n"
    done = run(tmp_path, "--rulebook", "QD96_2023", "--collected", "30", counts=counts)
    assert done.returncode == 0, done.stderr
    assert [p["band"] for p in json.loads(done.stdout)["persons"]] == ["none", "C"]


def test_csv_output_has_one_row_per_person(tmp_path):
    counts = HEADER + "1,Nguyễn Văn An,Bí thư,8,6,15,2\n"
    done = run(tmp_path, "--rulebook", "qd96_2023", "--collected", "31", "--format", "csv",
               counts=counts)  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 2 and "48,39%" in lines[1]


def test_missing_members_under_nq85_is_refused_in_both_languages(tmp_path):
    done = run(tmp_path, "--rulebook", "NQ85_2014", counts=HEADER + "1,A,B,1,1,1,0\n")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "--members" in done.stderr
    assert "tổng số đại biểu" in done.stderr and "total deputies" in done.stderr


def test_counts_exceeding_collected_are_refused_naming_row_and_column(tmp_path):
    counts = HEADER + "1,A,B,10,10,10,2\n"
    done = run(tmp_path, "--rulebook", "QD96_2023", "--collected", "31", counts=counts)
    assert done.returncode == 2 and done.stdout == ""
    assert "row 2" in done.stderr and "high+mid+low+invalid" in done.stderr


def test_a_negative_count_is_refused(tmp_path):
    done = run(tmp_path, "--rulebook", "QD96_2023", "--collected", "31",
               counts=HEADER + "1,A,B,-1,1,1,0\n")  # fmt: skip
    assert done.returncode == 2 and done.stdout == ""
    assert "column high" in done.stderr


def test_pdf_is_written_when_reportlab_is_installed(tmp_path):
    pytest.importorskip("reportlab")
    out = tmp_path / "results.pdf"
    counts = HEADER + "1,Nguyễn Văn An,Bí thư,8,6,15,2\n"
    done = run(tmp_path, "--rulebook", "QD96_2023", "--collected", "31", "--format", "pdf",
               "--output", str(out), counts=counts)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_pdf_without_reportlab_says_which_package_is_needed(tmp_path, monkeypatch):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from canbo import results_cli

    monkeypatch.setattr(results_cli.importlib.util, "find_spec", lambda name: None)
    path = tmp_path / "counts.csv"
    path.write_text(HEADER + "1,A,B,1,1,1,0\n", encoding="utf-8")
    with pytest.raises(CommandError) as err:
        call_command("confidence_results", "--counts", str(path), "--rulebook", "QD96_2023",
                     "--collected", "31", "--format", "pdf")  # fmt: skip
    assert err.value.returncode == 2
    assert "reportlab" in str(err.value)
