"""``canbo confidence results``: print the official confidence-vote results table.

A thin adapter: read the counts file (UTF-8, BOM tolerated), call
:func:`canbo.services.voting.calculator.calculate`, print JSON or CSV. Any refusal is
printed to stderr in Vietnamese and English with exit code 2, and nothing goes to stdout.
See docs/confidence-results.md.
"""

from __future__ import annotations

import io
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from canbo.core.ballots.results import SessionFigures
from canbo.core.errors import DomainError
from canbo.results_cli import (
    EXIT_REFUSED,
    count_arg,
    date_arg,
    param_arg,
    read_counts,
    refusal_text,
    register_pdf_font,
    require_reportlab,
    write_output,
)
from canbo.services.voting.calculator import (
    CalculatorRequest,
    CalculatorResult,
    calculate,
    render_csv,
    render_json,
    to_dict,
)


def _refusal(exc: DomainError) -> str:
    return refusal_text(exc, "Tệp số liệu bị từ chối / The counts file was refused:")


class Command(BaseCommand):
    help = "Official confidence-vote results from a per-person counts CSV."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--counts", required=True, type=Path, help="counts CSV file")
        parser.add_argument("--rulebook", help="rulebook id, e.g. QD96_2023, NQ96_2023")
        parser.add_argument("--body", help="party | national-assembly | peoples-council")
        parser.add_argument("--date", type=date_arg, help="date of the vote, YYYY-MM-DD")
        for name in ("issued", "collected", "convened", "members"):
            parser.add_argument(f"--{name}", type=count_arg)
        parser.add_argument("--param", action="append", type=param_arg, default=[])
        parser.add_argument("--format", choices=("json", "csv", "pdf"), default="json")
        parser.add_argument("--output", help="write to this file instead of stdout")

    def handle(self, *args: Any, **options: Any) -> None:
        require_reportlab(
            options["format"],
            "Xuất PDF cần cài gói reportlab (weasyprint chưa được hỗ trợ).\n"
            "PDF output needs the reportlab package installed (weasyprint is not supported).",
        )
        request = self._request(options)
        try:
            result = calculate(request)
        except DomainError as exc:
            raise CommandError(_refusal(exc), returncode=EXIT_REFUSED) from exc
        texts = {"json": render_json, "csv": render_csv}
        write_output(self, options["format"], options["output"], result, texts, _render_pdf)

    def _request(self, options: dict[str, Any]) -> CalculatorRequest:
        text = read_counts(options["counts"])
        figures = SessionFigures(
            options["issued"], options["collected"], options["convened"], options["members"]
        )
        return CalculatorRequest(
            counts_text=text,
            rulebook_id=options["rulebook"],
            body=options["body"],
            vote_date=options["date"],
            figures=figures,
            parameters=dict(options["param"]),
        )


BAND_TEXT = {"none": "—", "B": "Trên 1/2 thấp", "C": "Từ 2/3 thấp"}
"""The band as printed (CV-17 to CV-19): more than half, or two thirds or more, "thấp" ballots."""


def _render_pdf(result: CalculatorResult) -> bytes:
    """The results table as an A4 landscape PDF (reportlab, DejaVu Sans for Vietnamese)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import SimpleDocTemplate, TableStyle

    from canbo.pdf_text import lines, para, table

    register_pdf_font()
    data = to_dict(result)
    style = getSampleStyleSheet()["Normal"].clone("canbo", fontName="CanboSans", fontSize=8)
    head = ["TT", "Họ và tên", "Chức vụ", "Cao", "Tín nhiệm", "Thấp", "KHL", "Mức", "Hệ quả"]
    rows: list[list[Any]] = [head]
    for p in data["persons"]:
        c, t = p["counts"], p["percent_text"]
        rows.append([
            p["order"], para(p["name"], style), para(p["position"], style),
            f"{c['high']} ({t['high']})", f"{c['mid']} ({t['mid']})", f"{c['low']} ({t['low']})",
            c["invalid"], para(BAND_TEXT.get(p["band"], p["band"]), style),
            lines([x["text_vi"] for x in p["consequences"]], style),
        ])  # fmt: skip
    grid = table(rows, repeatRows=1, colWidths=[25, 110, 110, 65, 65, 65, 35, 35, 250])
    grid.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), "CanboSans"), ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))  # fmt: skip
    book = data["rulebook"]
    title = f"Kết quả lấy phiếu tín nhiệm — {book['document']}"  # a document, not a rulebook id
    note = "Tham số chưa xác nhận: " + ", ".join(book["unconfirmed_parameters"])
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), title=title)
    doc.build([para(title, style), grid, para(note, style)])
    return out.getvalue()
