"""Smoke test of the reading's accuracy on the generated corpus (full run: bench/bench_paper.py).

A few sheets of a printed confidence ballot and of a strike-out ballot, filled by the corpus
generator and degraded as scans and as phone photos, read from their files: no mark may be
accepted with a value other than the ground truth (sending it to review is allowed).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from canbo.paper.corpus import Profile, write_corpus
from canbo.paper.layout import BallotKind
from canbo.paper.reading import SheetStatus, read_images
from tests.unit.paper.printed import printed


def misreads(tmp_path: Path, kind: BallotKind, profile: Profile, count: int, seed: int) -> list:
    pdf, layout = printed(kind, names=20, copies=count)
    truths = write_corpus(layout, pdf, tmp_path, profile, count, seed, dpi=200)
    by_file = {t.file: t for t in truths}
    wrong = []
    sheets = list(read_images(layout, [tmp_path / t.file for t in truths]))
    assert len(sheets) == count
    for sheet in sheets:
        assert sheet.status is not SheetStatus.REFUSED, sheet.reason
        read = {m.order: m.value for m in sheet.marks}
        for row in by_file[Path(sheet.file).name].rows:
            if row.order not in sheet.review and read.get(row.order) != row.value:
                wrong.append((sheet.file, row, read.get(row.order)))
    return wrong


@pytest.mark.parametrize(
    ("kind", "profile", "count"),
    [
        (BallotKind.CONFIDENCE, Profile.SCANNER, 4),
        (BallotKind.STRIKE_OUT, Profile.SCANNER, 2),
        (BallotKind.CONFIDENCE, Profile.PHONE, 2),
    ],
)
def test_generated_sheets_are_read_with_no_wrong_value_accepted(tmp_path, kind, profile, count):
    assert misreads(tmp_path, kind, profile, count, seed=11) == []
