"""The requester's aggregate reads for a clerk: a share answered in per cent is averaged, never
added up (three communes at 95 % are not 285 %), counts are summed, and the figures sit in
right-aligned cells that do not break inside a number ("1.78 5")."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string

from canbo.core.surveys.forms import FieldKind, FieldSpec, FormSpec
from canbo.core.surveys.progress import aggregate
from canbo.surveys.pages import aggregate_lines, is_share

SPEC = FormSpec(
    "khao_sat",
    1,
    "Khảo sát tình hình thi hành Điều lệ Đảng",
    (
        FieldSpec("so_dang_vien", "Tổng số đảng viên của đảng bộ", FieldKind.NUMBER,
                  unit="đảng viên", integer=True),
        FieldSpec("ty_le", "Tỷ lệ chi bộ sinh hoạt định kỳ đúng Điều lệ", FieldKind.NUMBER,
                  unit="%", minimum=0, maximum=100),
    ),
)  # fmt: skip
ANSWERS = [
    (1, {"so_dang_vien": 845, "ty_le": 95.8}),
    (2, {"so_dang_vien": 623, "ty_le": 94.3}),
    (3, {"so_dang_vien": 317, "ty_le": 95.1}),
]


@pytest.mark.parametrize(("unit", "share"), [("%", True), (" % ", True), ("đảng viên", False)])
def test_a_field_in_per_cent_is_a_share(unit: str, share: bool) -> None:
    assert is_share(unit) is share


def test_shares_are_averaged_and_counts_summed() -> None:
    lines = {line.label: line for line in aggregate_lines(SPEC, aggregate(SPEC, ANSWERS), {})}
    members = lines["Tổng số đảng viên của đảng bộ"]
    share = lines["Tỷ lệ chi bộ sinh hoạt định kỳ đúng Điều lệ"]
    assert members.total == 1785
    assert share.total is None and share.mean == pytest.approx(95.07, abs=0.01)


def test_the_figures_sit_in_cells_that_do_not_break_inside_a_number() -> None:
    lines = aggregate_lines(SPEC, aggregate(SPEC, ANSWERS), {})
    html = render_to_string("surveys/_lines.html", {"lines": lines})
    assert '<td data-label="Tổng" class="num">1.785</td>' in html
    assert "285" not in html  # the shares' sum is not printed
