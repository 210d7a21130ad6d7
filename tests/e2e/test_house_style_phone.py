"""The house stylesheet on a phone (390 px): a choice list whose choices are long (a report
form's title, a project's name) shrinks to the screen instead of pushing the page sideways,
and is as tall as the other fields, so a finger can open it; a wide table inside a form's
fieldset (a report's table field) scrolls on its own, the page does not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

CSS = Path(__file__).resolve().parents[2] / "canbo" / "web" / "static" / "web" / "canbo.css"
LONG = "Khảo sát tình hình thi hành Điều lệ Đảng của các đảng bộ xã, phường, đặc khu năm 2026"

PAGE = f"""<!doctype html><html lang="vi"><head><meta name="viewport"
content="width=device-width, initial-scale=1"></head><body><main><form class="card">
<p><label for="f">Biểu mẫu:</label> <select id="f"><option>{LONG} (phiên bản 1)</option>
</select></p><p><label for="n">Năm:</label> <input type="number" id="n" value="2026"></p>
<p><label for="t">Ghi chú:</label> <textarea id="t" cols="80"></textarea></p>
</form></main></body></html>"""


def test_a_long_choice_list_stays_inside_a_phone_screen(phone_page: Any) -> None:
    phone_page.set_content(PAGE)
    phone_page.add_style_tag(path=str(CSS))
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    box = phone_page.locator("select").bounding_box()
    assert box["x"] + box["width"] <= 390
    assert box["height"] >= 40  # the fields' touch height (2.75rem)
    assert phone_page.locator("input[type=number]").bounding_box()["height"] >= 40


TABLE_FIELD = """<!doctype html><html lang="vi"><head><meta name="viewport"
content="width=device-width, initial-scale=1"></head><body><main><form class="card">
<fieldset><legend>7. Vi phạm Điều lệ đã xử lý</legend><div class="scroll"><table><thead><tr>
<th>#</th><th>Nội dung vi phạm</th><th>Số đảng viên</th><th>Hình thức kỷ luật</th></tr></thead>
<tbody><tr><td>1</td><td><input type="text" size="40"></td><td><input type="text" size="20">
</td><td><input type="text" size="30"></td></tr></tbody></table></div></fieldset>
</form></main></body></html>"""


def test_a_table_field_scrolls_inside_its_fieldset_not_the_page(phone_page: Any) -> None:
    phone_page.set_content(TABLE_FIELD)
    phone_page.add_style_tag(path=str(CSS))
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    wrapper = phone_page.locator(".scroll")
    assert wrapper.evaluate("e => e.scrollWidth > e.clientWidth")  # the table scrolls itself
