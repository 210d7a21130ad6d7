"""Smoke test of the reading's accuracy on the generated corpus (full run: bench/bench_paper.py).

A few sheets of a printed confidence ballot and of a strike-out ballot, filled by the corpus
generator (scans with every difficult style often, photos with the usual mix), degraded as
scans and as phone photos, read from their files: no mark may be
accepted with a value other than the ground truth (sending it to review is allowed).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

from canbo.paper.corpus import (
    REALISTIC,
    STRESS,
    Mix,
    Profile,
    degrade,
    fill,
    rasterize,
    write_corpus,
)
from canbo.paper.layout import BallotKind
from canbo.paper.reading import SheetStatus, read_image, read_images
from tests.unit.paper.printed import printed


def misreads(
    tmp_path: Path, kind: BallotKind, profile: Profile, count: int, seed: int, mix: Mix
) -> list:
    pdf, layout = printed(kind, names=20, copies=count)
    truths = write_corpus(layout, pdf, tmp_path, profile, count, seed, dpi=200, mix=mix)
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
    ("kind", "profile", "count", "mix"),
    [
        (BallotKind.CONFIDENCE, Profile.SCANNER, 4, STRESS),
        (BallotKind.STRIKE_OUT, Profile.SCANNER, 2, STRESS),
        (BallotKind.CONFIDENCE, Profile.PHONE, 2, REALISTIC),
    ],
)
def test_generated_sheets_are_read_with_no_wrong_value_accepted(
    tmp_path, kind, profile, count, mix
):
    """The stress mix: corrected marks, pencil, filled boxes, several marks, strays often."""
    assert misreads(tmp_path, kind, profile, count, seed=11, mix=mix) == []


def test_corrected_marks_are_never_accepted_as_another_value():
    """Every row with one box scribbled over and another marked: review or the second box."""
    pdf, layout = printed(BallotKind.CONFIDENCE, names=20, copies=2)
    doc = pdfium.PdfDocument(pdf)
    try:
        pages = [rasterize(doc, i, 200) for i in range(2)]
    finally:
        doc.close()
    wrong = []
    for index, clean in enumerate(pages):
        rng = np.random.default_rng([5, index])
        choices = {r.order: str(rng.choice(["high", "mid", "low"])) for r in layout.rows}
        image = fill(layout, clean, choices, "corrected", rng)
        sheet = read_image(layout, degrade(image, Profile.SCANNER, rng).image())
        assert sheet.status is not SheetStatus.REFUSED, sheet.reason
        wrong += [
            (m.order, choices[m.order], m.value)
            for m in sheet.marks
            if m.order not in sheet.review and m.value != choices[m.order]
        ]
    assert wrong == []
