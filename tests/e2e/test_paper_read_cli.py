"""End to end: ``python -m canbo.cli paper read`` in a subprocess, with no database: printed
ballots rasterized and marked, the printed PDF itself, a corrupt file and a copy, read as one batch
from a folder; one JSON entry per sheet and the summary; a bad layout file exits with 2."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import cv2
import numpy as np
import pypdfium2 as pdfium
import pytest

from canbo.paper import printing
from canbo.paper.layout import BallotKind

pytestmark = pytest.mark.e2e

DPI = 200


def run(tmp_path, *args):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "canbo.settings.test",
        "CANBO_DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": "postgres://nowhere:1/none",  # no database is ever opened
    }
    cmd = [sys.executable, "-m", "canbo.cli", "paper", "read", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=False)


@pytest.fixture
def batch(tmp_path):
    names = tuple(printing.Candidate(i, f"Trần Thị Ước {i}", "Phó Bí thư") for i in range(1, 5))
    spec = printing.BallotSpec(kind=BallotKind.CONFIDENCE, candidates=names, title="Thử")
    job = printing.render(spec, 2, random.Random(5))
    (tmp_path / "ballots.layout.json").write_text(job.layout.to_json(), encoding="utf-8")
    scans = tmp_path / "scans"
    scans.mkdir()
    pdf = pdfium.PdfDocument(job.pdf)
    page = np.array(pdf[0].render(scale=DPI / 72, grayscale=True).to_numpy(), copy=True)
    pdf.close()
    s = DPI / 25.4
    box = job.layout.pages[0].rows[1].boxes["mid"]  # person 2: trust
    pts = np.array([[box.x + 1, box.y + 3.5], [box.x + 2.7, box.y + 5.2], [box.x + 5.4, box.y + 1]])
    cv2.polylines(page, [(pts * s).astype(np.int32)], False, 20, 4, cv2.LINE_AA)
    cv2.imwrite(str(scans / "a-marked.png"), page)
    cv2.imwrite(str(scans / "b-copy.jpg"), page)  # the same sheet again: refused
    (scans / "c-broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    (scans / "d-printed.pdf").write_bytes(job.pdf)  # both blank ballots: sheet 1 is a duplicate
    return tmp_path, job


def test_a_folder_is_read_as_one_batch_with_one_entry_per_sheet_and_a_summary(batch):
    tmp_path, job = batch
    done = run(tmp_path, "--layout", str(tmp_path / "ballots.layout.json"),
               str(tmp_path / "scans"), "--format", "json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    by_file = [
        (os.path.basename(s["file"]), s["page"], s["status"], s["reason"]) for s in out["sheets"]
    ]
    assert by_file == [
        ("a-marked.png", None, "read", "ok"),
        ("b-copy.jpg", None, "refused", "duplicate_serial"),
        ("c-broken.pdf", None, "refused", "corrupt_file"),
        ("d-printed.pdf", 1, "refused", "duplicate_serial"),
        ("d-printed.pdf", 2, "read", "ok"),
    ]
    first = out["sheets"][0]
    assert [m["value"] for m in first["marks"]] == ["blank", "mid", "blank", "blank"]
    assert first["marks"][1]["name"] == "Trần Thị Ước 2" and first["serial"] in job.serials
    assert out["summary"] == {"sheets": 5, "read": 2, "review": 0, "refused": 3}
    assert "5 sheets read" in done.stderr  # the progress line


def test_the_text_output_and_a_refused_layout_file(batch):
    tmp_path, _ = batch
    done = run(tmp_path, "--layout", str(tmp_path / "ballots.layout.json"),
               str(tmp_path / "scans" / "a-marked.png"))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "read\tok" in done.stdout and "2:mid" in done.stdout
    assert done.stdout.strip().endswith("sheets=1 read=1 review=0 refused=0")
    bad = tmp_path / "bad.layout.json"
    bad.write_text('{"version": 99}', encoding="utf-8")
    refused = run(tmp_path, "--layout", str(bad), str(tmp_path / "scans"))
    assert refused.returncode == 2 and refused.stdout == ""
    assert "paper_layout_version" in refused.stderr
