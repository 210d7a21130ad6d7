"""``canbo confidence results``: print the official confidence-vote results table.

A thin adapter: read the counts file (UTF-8, BOM tolerated), call
:func:`canbo.services.voting.calculator.calculate`, print JSON or CSV. Any refusal is
printed to stderr in Vietnamese and English with exit code 2, and nothing goes to stdout.
See docs/confidence-results.md.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import os
import sys
from argparse import ArgumentParser, ArgumentTypeError
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from canbo.core.ballots.params import ParamValue
from canbo.core.ballots.results import SessionFigures
from canbo.core.errors import DomainError, ImportRejected
from canbo.pdf_fonts import font_path
from canbo.refusals import bilingual
from canbo.services.voting.calculator import (
    CalculatorRequest,
    CalculatorResult,
    calculate,
    render_csv,
    render_json,
    to_dict,
)

EXIT_REFUSED = 2
PDF_FONT = str(font_path("sans"))  # bundled: full Vietnamese glyphs, offline


def _count(text: str) -> int:
    if not text.isdigit():
        raise ArgumentTypeError(f"not a non-negative whole number: {text!r}")
    return int(text)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def _param(text: str) -> tuple[str, ParamValue]:
    name, sep, raw = text.partition("=")
    if not sep or not name:
        raise ArgumentTypeError(f"expected NAME=VALUE: {text!r}")
    value: ParamValue = raw
    if raw.lower() in {"true", "false"}:
        value = raw.lower() == "true"
    elif raw.isdigit():
        value = int(raw)
    elif "," in raw:
        value = tuple(part.strip() for part in raw.split(","))
    return name.strip(), value


def _refusal(exc: DomainError) -> str:
    if isinstance(exc, ImportRejected):
        lines = ["Tệp số liệu bị từ chối / The counts file was refused:"]
        for err in exc.errors:
            where = f"dòng/row {err.row}, cột/column {err.column or '-'}"
            lines.append(f"  {where}: {err.message_vi} / {err.message_en}")
        return "\n".join(lines)
    vi, en = bilingual(exc)
    return f"{vi}\n{en}" if vi != en else f"{exc.code}: {en}"


class Command(BaseCommand):
    help = "Official confidence-vote results from a per-person counts CSV."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--counts", required=True, type=Path, help="counts CSV file")
        parser.add_argument("--rulebook", help="rulebook id, e.g. QD96_2023, NQ96_2023")
        parser.add_argument("--body", help="party | national-assembly | peoples-council")
        parser.add_argument("--date", type=_date, help="date of the vote, YYYY-MM-DD")
        for name in ("issued", "collected", "convened", "members"):
            parser.add_argument(f"--{name}", type=_count)
        parser.add_argument("--param", action="append", type=_param, default=[])
        parser.add_argument("--format", choices=("json", "csv", "pdf"), default="json")
        parser.add_argument("--output", help="write to this file instead of stdout")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["format"] == "pdf" and not importlib.util.find_spec("reportlab"):
            raise CommandError(
                "Xuất PDF cần cài gói reportlab (weasyprint chưa được hỗ trợ).\n"
                "PDF output needs the reportlab package installed (weasyprint is not supported).",
                returncode=EXIT_REFUSED,
            )
        request = self._request(options)
        try:
            result = calculate(request)
        except DomainError as exc:
            raise CommandError(_refusal(exc), returncode=EXIT_REFUSED) from exc
        if options["format"] == "pdf":
            self._write_bytes(_render_pdf(result), options["output"])
            return
        render = render_csv if options["format"] == "csv" else render_json
        if options["output"]:
            Path(options["output"]).write_text(render(result), encoding="utf-8")
        else:
            self.stdout.write(render(result), ending="")

    def _write_bytes(self, data: bytes, output: str | None) -> None:
        if output:
            Path(output).write_bytes(data)
        else:
            self.stdout.flush()
            sys.stdout.buffer.write(data)

    def _request(self, options: dict[str, Any]) -> CalculatorRequest:
        path: Path = options["counts"]
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except OSError as exc:
            raise CommandError(
                f"Không đọc được tệp {path}: {exc.strerror}\nCannot read {path}: {exc.strerror}",
                returncode=EXIT_REFUSED,
            ) from exc
        except UnicodeDecodeError as exc:
            raise CommandError(
                f"Tệp {path} không phải UTF-8.\nThe file {path} is not UTF-8.",
                returncode=EXIT_REFUSED,
            ) from exc
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


def _register_pdf_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = os.environ.get("CANBO_PDF_FONT", PDF_FONT)
    if not os.path.exists(font):
        raise CommandError(
            f"Không tìm thấy phông chữ {font} (đặt CANBO_PDF_FONT).\n"
            f"Font {font} not found (set CANBO_PDF_FONT).",
            returncode=EXIT_REFUSED,
        )
    pdfmetrics.registerFont(TTFont("CanboSans", font))


BAND_TEXT = {"none": "—", "B": "Trên 1/2 thấp", "C": "Từ 2/3 thấp"}
"""The band as printed (CV-17 to CV-19): more than half, or two thirds or more, "thấp" ballots."""


def _render_pdf(result: CalculatorResult) -> bytes:
    """The results table as an A4 landscape PDF (reportlab, DejaVu Sans for Vietnamese)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import SimpleDocTemplate, TableStyle

    from canbo.pdf_text import lines, para, table

    _register_pdf_font()
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
