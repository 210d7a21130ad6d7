"""A printed ballot that is the same PDF on every run (fixed layout id and serials), for the
corpus's tests."""

from __future__ import annotations

import itertools
import random

from canbo.paper import printing
from canbo.paper.layout import SERIAL_ALPHABET, BallotKind, Layout


def _serial(number: int) -> str:
    return "A" * 10 + SERIAL_ALPHABET[number // 32 % 32] + SERIAL_ALPHABET[number % 32]


def printed(kind: BallotKind, names: int = 12, copies: int = 2) -> tuple[bytes, Layout]:
    """A ballot printed with a fixed layout id and serials, so the PDF is the same every run."""
    counter = itertools.count()
    serial = printing.new_serial
    printing.new_serial = lambda: _serial(next(counter))
    try:
        candidates = tuple(
            printing.Candidate(i, f"Nguyễn Văn Thành {i}", "Ủy viên") for i in range(1, names + 1)
        )
        spec = printing.BallotSpec(
            kind,
            candidates,
            title="Thử",
            seats=names // 2 if kind is BallotKind.STRIKE_OUT else None,
        )
        layout = printing.plan(spec, layout_id="00112233aabbccdd")
        job = printing.render(spec, copies, random.Random(1), layout=layout)
    finally:
        printing.new_serial = serial
    return job.pdf, job.layout
