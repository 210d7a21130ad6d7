"""End to end: ``python -m canbo.cli election results`` in a subprocess."""

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.e2e

PYTHON = sys.executable
# The worked example of the handbook (EL-34): 48 convened, 2 elsewhere, 1 suspended, 3 absent
# with an accepted reason: D = 42, at least 22 votes; 41 ballots, 1 invalid.
EL34 = (
    "\ufeffname,votes\n"
    "Vũ Thị Phương,40\nĐặng Văn Giang,38\nBùi Thị Hà,36\nNguyễn Văn An,30\n"
    "Lê Văn Cường,28\nTrần Thị Bình,21\nHoàng Văn Em,22\nĐỗ Văn Ích,15\nPhạm Thị Dung,10\n"
)
EL34_ARGS = (
    "--seats", "7", "--congress", "members", "--convened", "48", "--temp-elsewhere", "2",
    "--suspended", "1", "--absent-accepted", "3", "--issued", "41", "--collected", "41",
    "--invalid", "1", "--date", "2025-05-01",
)  # fmt: skip


def run(tmp_path, *args, counts=EL34):
    path = tmp_path / "counts.csv"
    path.write_bytes(counts.encode("utf-8"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "canbo.settings.test",
        "CANBO_DATA_DIR": str(tmp_path / "data"),
    }
    cmd = [PYTHON, "-m", "canbo.cli", "election", "results", "--counts", str(path), *args]
    return subprocess.run(cmd, capture_output=True, env=env, timeout=120, check=False)


def test_json_has_the_documented_shape_and_the_worked_example(tmp_path):
    done = run(tmp_path, *EL34_ARGS)
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads(done.stdout.decode("utf-8"))
    for key in (
        "rulebook", "denominator", "min_votes", "surplus", "candidates", "elected", "tie",
        "seats_unfilled", "checks", "alternates",
    ):  # fmt: skip
        assert key in data
    assert data["rulebook"]["id"] == "QD190_2024"
    assert data["denominator"]["value"] == 42
    assert [(s["reason"], s["count"]) for s in data["denominator"]["subtractions"]] == [
        ("temp_elsewhere", 2),
        ("suspended", 1),
        ("absent_accepted", 3),
    ]
    assert all("citation" in s for s in data["denominator"]["subtractions"])
    assert data["min_votes"] == 22
    by_name = {c["name"]: c for c in data["candidates"]}
    assert data["candidates"][0]["name"] == "Vũ Thị Phương"  # ballot order kept
    assert by_name["Trần Thị Bình"]["over_half"] is False
    assert by_name["Trần Thị Bình"]["elected"] is False
    assert by_name["Hoàng Văn Em"]["elected"] is True
    assert by_name["Hoàng Văn Em"]["percent"] == "52.38"
    assert data["elected"] == [
        "Vũ Thị Phương", "Đặng Văn Giang", "Bùi Thị Hà", "Nguyễn Văn An", "Lê Văn Cường",
        "Hoàng Văn Em",
    ]  # fmt: skip
    assert data["seats_unfilled"] == 1 and data["tie"] == []
    assert all({"rule", "ok", "message"} <= set(c) for c in data["checks"])
    assert all(c["ok"] for c in data["checks"])
    assert data["figures"]["valid"] == 40


def test_tie_at_the_last_seat_is_reported(tmp_path):
    counts = "name,votes\nA Một,20\nB Hai,16\nC Ba,16\nD Bốn,4\n"
    done = run(
        tmp_path, "--seats", "2", "--congress", "delegates", "--convened", "32",
        "--committee-absent", "1", "--absent-no-alternate", "1", "--issued", "30",
        "--collected", "30", "--invalid", "0", "--date", "2025-05-01", counts=counts,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads(done.stdout)
    assert data["denominator"]["value"] == 30
    assert data["elected"] == ["A Một"] and data["tie"] == ["B Hai", "C Ba"]
    assert data["seats_unfilled"] == 1


def test_csv_one_row_per_candidate(tmp_path):
    done = run(tmp_path, *EL34_ARGS, "--format", "csv")
    assert done.returncode == 0, done.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8"))))
    assert len(rows) == 9
    assert rows[5]["name"] == "Trần Thị Bình" and rows[5]["elected"] == "false"
    assert rows[6]["percent_text"] == "52,38%" and rows[6]["elected"] == "true"
    assert rows[0]["denominator"] == "42" and rows[0]["min_votes"] == "22"


def test_pdf_is_one_page_in_vietnamese(tmp_path):
    out = tmp_path / "ket-qua.pdf"
    done = run(tmp_path, *EL34_ARGS, "--format", "pdf", "--output", str(out))
    assert done.returncode == 0, done.stderr.decode()
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "KẾT QUẢ BẦU CỬ" in text
    assert "Căn cứ tính kết quả: 42" in text
    assert "Vắng mặt cả đại hội có lý do được chấp nhận: 3" in text
    assert "Hoàng Văn Em" in text and "52,38%" in text
    assert "Trúng cử (6/7)" in text


@pytest.mark.parametrize(
    ("change", "check"),
    [
        ({"--collected": "42", "--issued": "41"}, "collected_within_issued"),
        ({"--invalid": "45"}, "valid_plus_invalid_is_collected"),
    ],
)
def test_inconsistent_figures_exit_2_naming_the_check(tmp_path, change, check):
    args = list(EL34_ARGS)
    for flag, value in change.items():
        args[args.index(flag) + 1] = value
    done = run(tmp_path, *args)
    assert done.returncode == 2
    assert done.stdout == b""
    err = done.stderr.decode()
    assert f"[{check}]" in err
    assert "Số liệu kiểm phiếu không khớp" in err


def test_a_candidate_above_the_valid_ballots_exits_2(tmp_path):
    counts = "name,votes\nA Một,41\nB Hai,10\n"
    done = run(tmp_path, *EL34_ARGS, counts=counts)
    assert done.returncode == 2
    err = done.stderr.decode()
    assert "[votes_within_valid]" in err and "A Một" in err


def test_votes_above_seats_times_valid_exit_2(tmp_path):
    counts = "name,votes\nA Một,40\nB Hai,40\nC Ba,1\n"
    args = list(EL34_ARGS)
    args[args.index("--seats") + 1] = "2"
    done = run(tmp_path, *args, counts=counts)
    assert done.returncode == 2
    assert "[votes_within_seats_times_valid]" in done.stderr.decode()


def test_bad_rows_are_named_by_row(tmp_path):
    counts = "name,votes\nA Một,12\n,3\nB Hai,-1\nC Ba,x\nA Một,4\n"
    done = run(tmp_path, *EL34_ARGS, counts=counts)
    assert done.returncode == 2
    err = done.stderr.decode()
    assert "dòng/row 3, cột/column name" in err
    assert "dòng/row 4, cột/column votes" in err
    assert "dòng/row 5, cột/column votes" in err
    assert "dòng/row 6, cột/column name" in err


def test_a_reason_the_congress_does_not_have_is_refused(tmp_path):
    args = [a if a != "members" else "delegates" for a in EL34_ARGS]
    done = run(tmp_path, *args)
    assert done.returncode == 2
    assert "--temp-elsewhere" in done.stderr.decode()


def test_missing_option_exits_like_the_twin(tmp_path):
    done = run(tmp_path, "--seats", "7", "--congress", "members")
    assert done.returncode != 0
    assert done.stdout == b""
