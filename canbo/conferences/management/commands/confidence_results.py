"""``canbo confidence results``: print the official confidence-vote results table.

A thin adapter: read the counts file (UTF-8, BOM tolerated), call
:func:`canbo.services.confidence_calculator.calculate`, print JSON or CSV. Any refusal is
printed to stderr in Vietnamese and English with exit code 2, and nothing goes to stdout.
See docs/confidence-results.md.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from argparse import ArgumentParser, ArgumentTypeError
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from canbo.core.ballots.params import ParamValue
from canbo.core.ballots.results import SessionFigures
from canbo.core.errors import DomainError, ImportRejected
from canbo.services.confidence_calculator import (
    CalculatorRequest,
    calculate,
    render_csv,
    render_json,
)

EXIT_REFUSED = 2
PDF_PACKAGES = ("reportlab", "weasyprint")


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
    vi = exc.fields.get("message_vi")
    en = exc.fields.get("message_en", exc.message)
    return f"{vi}\n{en}" if vi else f"{exc.code}: {en}"


class Command(BaseCommand):
    help = "Official confidence-vote results from a per-person counts CSV (issue 3)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--counts", required=True, type=Path, help="counts CSV file")
        parser.add_argument("--rulebook", help="rulebook id, e.g. QD96_2023, NQ96_2023")
        parser.add_argument("--body", help="party | national-assembly | peoples-council")
        parser.add_argument("--date", type=_date, help="date of the vote, YYYY-MM-DD")
        for name in ("issued", "collected", "convened", "members"):
            parser.add_argument(f"--{name}", type=_count)
        parser.add_argument("--param", action="append", type=_param, default=[])
        parser.add_argument("--format", choices=("json", "csv", "pdf"), default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["format"] == "pdf" and not any(
            importlib.util.find_spec(p) for p in PDF_PACKAGES
        ):
            raise CommandError(
                "Xuất PDF cần cài gói reportlab hoặc weasyprint.\n"
                "PDF output needs the reportlab or weasyprint package installed.",
                returncode=EXIT_REFUSED,
            )
        request = self._request(options)
        try:
            result = calculate(request)
        except DomainError as exc:
            raise CommandError(_refusal(exc), returncode=EXIT_REFUSED) from exc
        if options["format"] == "pdf":
            raise CommandError(
                "Xuất PDF chưa được xây dựng. / PDF rendering is not implemented yet.",
                returncode=EXIT_REFUSED,
            )
        render = render_csv if options["format"] == "csv" else render_json
        self.stdout.write(render(result), ending="")

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
