"""What the statistics pages show, assembled from the services' answers: the tables in the
page's language, numbers written the Vietnamese way, the download links."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.core.stats.model import StatsComparison, StatsReport, StatsTable, Value
from canbo.core.stats.params import REORGANIZATION_DAY
from canbo.services.ports import Actor

from .outputs import is_english, period_line, words

BEFORE_DEFAULT = dt.date(2024, 12, 31)


def number(value: Value) -> str:
    """1.234 and 12,5 in Vietnamese; 1,234 and 12.5 in English; blank when not applicable."""
    if value is None:
        return ""
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")
    if is_english():
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def _root(actor: Actor) -> int | None:
    return next((int(g.root) for g in actor.grants if g.root is not None), None)


def initial(actor: Actor, today: dt.date) -> dict[str, str]:
    """The form's first state: the actor's own unit (if any), today; nothing counted yet."""
    root = _root(actor)
    return {"ngay": today.isoformat(), **({"don_vi": f"id:{root}"} if root else {})}


def own_url(request: HttpRequest, data: Any) -> str:
    """Before anything is asked: the link to the actor's own unit as of today."""
    if "don_vi" in request.GET or "don_vi" not in data:
        return ""
    return f"{reverse('stats:index')}?{urlencode(dict(data))}"


def compare_initial(actor: Actor, today: dt.date) -> dict[str, str]:
    root = _root(actor)
    days = {"truoc": BEFORE_DEFAULT.isoformat(), "sau": today.isoformat()}
    return {**days, **({"don_vi": f"id:{root}"} if root else {})}


def _table(table: StatsTable) -> dict[str, Any]:
    columns = [words(vi, en) for vi, en in table.columns]
    return {
        "code": table.code,
        "title": words(table.title_vi, table.title_en),
        "columns": columns,
        "span": len(columns) + 1,
        "rows": [
            {
                "label": words(r.label_vi, r.label_en),
                "depth": r.depth,
                "heading": all(v is None for v in r.values),
                "cells": [(c, number(v)) for c, v in zip(columns, r.values, strict=True)],
            }
            for r in table.rows
        ],
        "citation": table.citation,
    }


def export_url(report: StatsReport, code: str, fmt: str) -> str:
    path = reverse("stats:export", args=[report.unit_id, code, fmt])
    return f"{path}?{urlencode({'ngay': report.as_of.isoformat()})}"


def report_context(report: StatsReport, code: str) -> dict[str, Any]:
    tables = [t for t in report.tables if not code or t.code == code]
    shown = [
        _table(t)
        | {"xlsx": export_url(report, t.code, "xlsx"), "pdf": export_url(report, t.code, "pdf")}
        for t in tables
    ]
    context: dict[str, Any] = {
        "report": report,
        "period": period_line(report),
        "tables": shown,
        "all_xlsx": export_url(report, "tat-ca", "xlsx"),
        "all_pdf": export_url(report, "tat-ca", "pdf"),
        "notes": [_note(n) for n in report.notes],
    }
    if report.as_of >= REORGANIZATION_DAY:
        query = {"don_vi": f"id:{report.unit_id}", "truoc": BEFORE_DEFAULT.isoformat()}
        query["sau"] = report.as_of.isoformat()
        context["compare_url"] = f"{reverse('stats:compare')}?{urlencode(query)}"
    return context


def _note(code: str) -> str:
    notes = {
        "hd11_before_its_date": _(
            "Ngày báo cáo trước ngày ban hành HD 11-HD/BTCTW (13/12/2021): số liệu vẫn lập theo "
            "các biểu của hướng dẫn này."
        ),
        "restated_partial": _(
            "Có đơn vị bị chia tách chưa ghi tỷ trọng: số liệu trước sắp xếp chưa tính phần đó."
        ),
    }
    return notes.get(code, code)


def compare_context(found: StatsComparison) -> dict[str, Any]:
    """Each table's rows: before (restated), after, difference; the units counted."""
    tables = []
    for after in found.after.tables:
        before = found.before.table(after.code) if found.before else None
        rows = []
        for r in after.rows:
            then = _value(before, r.key)
            now = r.values[0]
            diff = (
                now - then
                if isinstance(now, int | float) and isinstance(then, int | float)
                else None
            )
            rows.append(
                {
                    "label": words(r.label_vi, r.label_en),
                    "depth": r.depth,
                    "heading": now is None,
                    "values": [number(then), number(now), number(diff)],
                }
            )
        tables.append(
            {"code": after.code, "title": words(after.title_vi, after.title_en), "rows": rows}
        )
    return {
        "found": found,
        "tables": tables,
        "counted": [
            {
                "name": c.unit_name,
                "code": c.unit_code,
                "share": number(round(100 * c.weight, 1)),
                "whole": c.whole,
            }
            for c in found.contributions
        ],
        "lost": [c.unit_name or c.unit_code for c in found.not_comparable],
        "before_period": period_line(found.before) if found.before else "",
        "after_period": period_line(found.after),
    }


def _value(table: StatsTable | None, key: str) -> Value:
    if table is None:
        return None
    try:
        return table.row(key).values[0]
    except KeyError:
        return None
