"""End to end: ``python -m canbo.cli paper print`` in a subprocess: the PDF and its layout
beside it, the names with their diacritics in the PDF's text, a bad names file refused with exit
2 naming the row and column, and nothing written then."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from pypdf import PdfReader

from canbo.paper.layout import Layout

pytestmark = pytest.mark.e2e

NAMES = [
    ("1", "Nguyễn Thị Ánh Nguyệt", "Bí thư Tỉnh ủy"),
    ("2", "Trần Văn Ỷ", "Phó Chủ tịch Ủy ban nhân dân tỉnh"),
    ("3", "Đặng Quốc Ước", ""),
    ("4", "Lê Hữu Đạt", "Trưởng Ban Tổ chức"),
]


def run(tmp_path, rows, *args):
    names = tmp_path / "names.csv"
    names.write_text(
        "order,name,position\n" + "".join(",".join(r) + "\n" for r in rows), encoding="utf-8"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "canbo.settings.test",
        "CANBO_DATA_DIR": str(tmp_path / "data"),
    }
    cmd = [sys.executable, "-m", "canbo.cli", "paper", "print", "--names", str(names)]
    return subprocess.run(
        [*cmd, *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_print_writes_the_pdf_and_the_layout_with_the_names_in_its_text(tmp_path):
    out = tmp_path / "ballots.pdf"
    done = run(tmp_path, NAMES, "--kind", "confidence", "--copies", "3", "--paper", "a5",
               "--title", "Lấy phiếu tín nhiệm năm 2026", "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    layout = Layout.from_json((tmp_path / "ballots.layout.json").read_text(encoding="utf-8"))
    assert summary["layout_id"] == layout.layout_id
    assert summary["fingerprint"] == layout.fingerprint()
    assert summary["ballots"] == 3 and len(set(summary["serials"])) == 3
    assert layout.paper == "a5" and layout.session.startswith("offline:")
    assert [(str(r.order), r.name, r.position) for r in layout.rows] == NAMES
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) == 3 * len(layout.pages)
    text = reader.pages[0].extract_text()
    for _, name, position in NAMES:
        assert name in text
        assert position in text
    assert "PHIẾU LẤY PHIẾU TÍN NHIỆM" in text and "Tín nhiệm cao" in text.replace("\n", " ")
    assert text.index("Nguyễn Thị Ánh Nguyệt") < text.index("Trần Văn Ỷ") < text.index("Lê Hữu")


def test_a_strike_out_ballot_prints_the_number_to_elect(tmp_path):
    out = tmp_path / "bau.pdf"
    done = run(tmp_path, NAMES, "--kind", "strike-out", "--seats", "3", "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert "PHIẾU BẦU CỬ" in text and "Số lượng cần bầu: 3 đồng chí" in text
    assert "gạch ngang cả họ" in text.replace("\n", " ")
    layout = Layout.from_json((tmp_path / "bau.layout.json").read_text(encoding="utf-8"))
    assert layout.kind == "strike-out" and layout.seats == 3


def test_a_bad_names_row_exits_2_naming_row_and_column_and_writes_nothing(tmp_path):
    out = tmp_path / "ballots.pdf"
    rows = [*NAMES[:2], ("x", "Phạm Văn Bình", ""), ("5", "", "Chánh Văn phòng")]
    done = run(tmp_path, rows, "--kind", "confidence", "--out", str(out))
    assert done.returncode == 2
    assert done.stdout == ""
    assert "row 4, cột/column order" in done.stderr
    assert "row 5, cột/column name" in done.stderr
    assert not out.exists() and not (tmp_path / "ballots.layout.json").exists()


def test_a_strike_out_ballot_without_the_number_to_elect_is_refused(tmp_path):
    done = run(tmp_path, NAMES, "--kind", "strike-out", "--out", str(tmp_path / "b.pdf"))
    assert done.returncode == 2
    assert "--seats" in done.stderr
