"""PDF table columns take their widths from the text: every header word fits whole in its
column (so a header wraps only at spaces), and the columns fill the table's width."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth

from canbo.pdf_text import column_widths

FONTS = (("Times-Bold", 8.5), ("Times-Roman", 9.0))
WORDS = st.sampled_from(
    ["Không", "hợp", "lệ", "Tín", "nhiệm", "cao", "thấp", "%", "STT", "Họ", "và", "tên",
     "Phiên", "bản", "xếp", "loại", "Chưa", "quyết", "định", "HTXS"]
)  # fmt: skip
HEADERS = st.lists(st.lists(WORDS, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=9)


@settings(max_examples=200, deadline=None)
@given(HEADERS, st.integers(min_value=0, max_value=999))
def test_every_header_word_fits_whole_and_the_columns_fill_the_width(
    header: list[str], value: int
) -> None:
    total = 480.0
    widths = column_widths(header, [[value] * len(header)], total, FONTS, padding=7)
    assert sum(widths) == pytest.approx(total)
    for title, width in zip(header, widths, strict=True):
        for word in title.split():
            assert stringWidth(word, *FONTS[0]) + 7 <= width + 1e-6, (word, width)


def test_a_long_value_cannot_squeeze_the_other_columns() -> None:
    header = ["STT", "Họ và tên", "Không hợp lệ"]
    widths = column_widths(header, [["1", "x" * 5000, "0"]], 480.0, FONTS, padding=7)
    assert widths[2] >= stringWidth("Không", *FONTS[0]) + 7
    assert widths[0] >= stringWidth("STT", *FONTS[0]) + 7 and sum(widths) == pytest.approx(480.0)
