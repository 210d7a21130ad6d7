"""The reappointments page keeps every date on one line (no "19/02/202 7"), on a desktop
and on a phone: date cells do not wrap (the ``nowrap`` house class)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest

from canbo.registry import models as reg
from tests.e2e.test_journey_appointment import DESKTOP, PHONE, TODAY, name_of, world
from tests.e2e.test_journey_congress import login

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each date's text: how many lines it takes on the page.
DATE_LINES = """() => {
  const out = [];
  for (const cell of document.querySelectorAll("main td")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      const re = /\\d{2}\\/\\d{2}\\/\\d{4}/g;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        out.push([m[0], tops.size]);
      }
    }
  }
  return out;
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_dates_on_the_reappointments_page_never_break(
    live_server: Any, browser: Any, screenshot_dir: Path, viewport: dict[str, int]
) -> None:
    w = world()
    base, people = live_server.url, w["people"]
    # A long title squeezes the other columns to their narrowest.
    reg.Title.objects.filter(pk=w["title"].pk).update(
        name="Phó Chủ tịch Ủy ban nhân dân xã phụ trách kinh tế, nông nghiệp, "
        "tài nguyên, môi trường, xây dựng, giao thông và chuyển đổi số "
        "kiêm Trưởng ban chỉ đạo các chương trình mục tiêu quốc gia của xã"
    )
    for i, holder in enumerate(people[4:7]):
        reg.PositionHolding.objects.create(
            person_id=holder,
            title=w["title"],
            unit_id=w["tree"].commune,
            how="appointed",
            valid_from=TODAY - dt.timedelta(days=5 * 365 - 40),
            term_ends=TODAY + dt.timedelta(days=40 + i),
            decision_ref=f"7{i}-QĐ/ĐU",
        )
    page = login(browser, base, "tochuc", viewport=viewport)
    page.goto(f"{base}/bo-nhiem/bo-nhiem-lai/")
    assert name_of(people[4]) in page.locator("main").inner_text()
    folder = Path(os.environ.get("CANBO_SHOTS_DIR") or screenshot_dir)
    page.screenshot(path=str(folder / f"reappointments_{viewport['width']}.png"), full_page=True)
    dates = page.evaluate(DATE_LINES)
    assert len(dates) >= 6  # the term's end and the opening day of each case
    assert [d for d, lines in dates if lines != 1] == []
