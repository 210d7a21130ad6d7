"""An empty dashboard chart says what it counts, so a clerk knows why it is empty (only
published classification levels, certified confidence votes, congresses held in the period),
instead of a bare "no data"."""

from __future__ import annotations

import re

import pytest

from tests.integration.test_results_reports import client, world

pytestmark = pytest.mark.django_db


def test_an_empty_chart_says_what_it_counts() -> None:
    p = world()
    html = client(p).get(
        f"/bao-cao/tong-quan/?unit=id:{p.province}&start=2024-01-01&end=2024-12-31"
    )
    assert html.status_code == 200
    notes = re.findall(r"<p class=\"empty\" data-empty>(.*?)</p>", html.content.decode(), re.S)
    assert any("Chỉ tính kết quả xếp loại đã công bố" in n for n in notes), notes
    assert any("Chỉ tính các đại hội đã tổ chức trong kỳ" in n for n in notes), notes
    assert all(n.startswith("Chưa có số liệu trong kỳ này.") for n in notes)
