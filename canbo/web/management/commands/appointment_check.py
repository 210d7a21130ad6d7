"""``canbo appointment check --people FILE.csv --date YYYY-MM-DD [--format json|csv]``: the
offline planning and appointment eligibility calculator.

A thin adapter like ``canbo election results``: read the people file (UTF-8, BOM tolerated),
call :func:`canbo.core.appointments.calculator.check_csv_text` under the rulebook in force on
``--date`` (GEN-01), print JSON or CSV. A refused file (every bad row and column named) or a
refused date is printed to stderr in Vietnamese and English with exit code 2, and nothing goes
to stdout. See docs/appointments.md, "Eligibility calculator".
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from canbo.core.appointments.calculator import check_csv_text, render_csv, render_json
from canbo.core.errors import DomainError
from canbo.results_cli import EXIT_REFUSED, date_arg, read_counts, refusal_text, write_output


def _refusal(exc: DomainError) -> str:
    text = refusal_text(exc, "Tệp danh sách bị từ chối / The people file was refused:")
    if exc.citation is not None:
        text += f"\n({exc.citation})"
    return text


def _no_pdf(result: Any) -> bytes:  # pragma: no cover - the format is not offered
    raise NotImplementedError


class Command(BaseCommand):
    help = "Planning and appointment eligibility of the people in a CSV file, on one date."
    requires_system_checks: tuple[str, ...] = ()  # offline: reads no database

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--people", required=True, type=Path, help="people CSV file")
        parser.add_argument(
            "--date", required=True, type=date_arg, help="date of the step, YYYY-MM-DD"
        )
        parser.add_argument("--format", choices=("json", "csv"), default="json")
        parser.add_argument("--english", action="store_true", help="messages in English")
        parser.add_argument("--output", help="write to this file instead of stdout")

    def handle(self, *args: Any, **options: Any) -> None:
        text = read_counts(options["people"])
        try:
            result = check_csv_text(text, options["date"], english=options["english"])
        except DomainError as exc:
            raise CommandError(_refusal(exc), returncode=EXIT_REFUSED) from exc
        texts = {"json": render_json, "csv": render_csv}
        write_output(self, options["format"], options["output"], result, texts, _no_pdf)
