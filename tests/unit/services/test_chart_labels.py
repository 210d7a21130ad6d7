"""Dashboard bars with long labels stay readable on a card and on a phone: the label wraps
beside its bar instead of running off the chart's left edge."""

from __future__ import annotations

from canbo.services.reports.charts import LABEL_WIDTH, Chart

ROWS = [("Số cấp ủy viên được bầu", 19), ("Nữ", 9), ("Trẻ (dưới 40 tuổi)", 11)]


def test_the_labels_of_horizontal_bars_wrap_within_a_set_width() -> None:
    option = Chart.of("congresses", "Cấp ủy viên được bầu tại đại hội", "hbar", ROWS).option()
    label = option["yAxis"]["axisLabel"]
    assert label["overflow"] == "break" and label["width"] == LABEL_WIDTH
    assert label["lineHeight"] > 0
    assert option["grid"]["containLabel"] and option["grid"]["left"] >= 16


def test_wrapping_leaves_the_rows_drawn_in_table_order() -> None:
    chart = Chart.of("k", "t", "hbar", ROWS)
    option = chart.option()
    assert option["yAxis"]["data"] == [label for label, _n in ROWS]
    assert option["series"][0]["data"] == [n for _label, n in ROWS]
