"""End to end: ``python -m canbo.cli rules ...`` in a subprocess."""

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.e2e


def run(tmp_path, *args):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "canbo.settings.test",
        "CANBO_DATA_DIR": str(tmp_path / "data"),
    }
    cmd = [sys.executable, "-m", "canbo.cli", "rules", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=False)


def test_rules_diff_prints_the_change_from_nq85_to_nq96(tmp_path):
    done = run(tmp_path, "diff", "NQ85_2014", "NQ96_2023")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "NQ85_2014 -> NQ96_2023"
    assert "Văn bản / Documents: NQ 85/2014/QH13 -> NQ 96/2023/QH15" in lines
    assert (
        "  band_c: >= 2/3 total_deputies => no_confidence_vote, may_resign"
        " -> >= 2/3 na_nq96_denominator => submit_dismissal"
    ) in lines
    added = lines[
        lines.index("Quy tắc thêm / Rules added:") + 1 : lines.index("Quy tắc bỏ / Rules removed:")
    ]
    assert [line.split(":")[0].strip() for line in added] == [
        "NA-02",
        "NA-04",
        "NA-06",
        "NA-10",
        "NA-11",
        "NA-15",
        "NA-16",
    ]
    # Each rule says where it sits in the text, not just its ID.
    assert "  NA-11: NQ 96/2023/QH15, Điều 13." in "\n".join(added)
    removed = lines[lines.index("Quy tắc bỏ / Rules removed:") + 1 :]
    assert [line.split(":")[0].strip() for line in removed] == ["NA-03", "NA-09"]
    assert removed[0].startswith("  NA-03: NQ 85/2014/QH13, Điều 1")
    again = run(tmp_path, "diff", "NQ85_2014", "NQ96_2023")
    assert again.stdout == done.stdout  # deterministic


def test_rules_diff_json_for_qd124_to_qd366(tmp_path):
    done = run(tmp_path, "diff", "qd124_hd25", "QD366_HD43", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["old"] == "QD124_HD25" and data["new"] == "QD366_HD43"
    assert data["parameters"]["removed"] == ["cl124_ht_individual", "cl124_htt_individual"]
    assert {"key": "led_units_tasks", "old": "< 1/2 tasks_total => KHT",
            "new": "< 7/10 tasks_total => KHT"} in data["thresholds"]["changed"]  # fmt: skip
    assert "CL124-06" in data["rules"]["removed"]


def test_rules_list_and_show_and_an_unknown_id(tmp_path):
    listed = run(tmp_path, "list")
    assert listed.returncode == 0, listed.stderr
    assert "confidence_vote\tQD96_2023\tQĐ 96-QĐ/TW\t2023-02-02 …" in listed.stdout.splitlines()
    shown = run(tmp_path, "show", "NQ96_2023", "--json")
    assert json.loads(shown.stdout)["thresholds"][0]["key"] == "band_c"
    unknown = run(tmp_path, "diff", "NQ85_2014", "NQ99_2099")
    assert unknown.returncode == 2
    assert "NQ99_2099" in unknown.stderr


def test_rules_diff_of_the_appointment_rulebooks_qd80_to_qd377(tmp_path):
    listed = run(tmp_path, "list")
    assert "appointment\tQD377_2025\tQĐ 377-QĐ/TW\t2025-10-08 …" in listed.stdout.splitlines()
    done = run(tmp_path, "diff", "QD80_2022", "QD377_2025", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert "ap_discipline_windows_377" in data["parameters"]["added"]
    assert data["parameters"]["removed"] == ["ap_discipline_windows_80"]
    assert "PL-11" in data["rules"]["added"] and "PL-09" in data["rules"]["removed"]
