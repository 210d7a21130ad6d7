"""``canbo classification template``: the calculator's input table for a cycle's regime.

Writes the header (required columns, then optional ones) and example rows, as CSV (standard
output or ``.csv``) or XLSX (``.xlsx``). The regime follows ``--year`` (GEN-01): points for
QĐ 366 (2025 onward), criteria grades for QĐ 124 (2023, 2024).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from canbo.classification.io import write_csv, write_xlsx
from canbo.core.classification.columns import OPTIONAL
from canbo.core.errors import DomainError
from canbo.refusals import cli_text
from canbo.services.classification.calculator import template

TEXT_COLUMNS = frozenset(
    {"id", "name", "kind", "group", "head_of", "discipline", "grade_results", "grade_other_min"}
)


class Command(BaseCommand):
    help = "Mẫu bảng nhập cho máy tính xếp loại / input template of the classification calculator."
    requires_system_checks: tuple[str, ...] = ()

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", required=True, type=int, help="evaluation cycle, e.g. 2025")
        parser.add_argument("--output", help="FILE.xlsx or FILE.csv (default: CSV on stdout)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            header, rows = template(options["year"])
        except DomainError as exc:
            raise CommandError(cli_text(exc), returncode=2) from exc
        output = Path(options["output"]) if options["output"] else None
        if output is not None and output.suffix.lower() == ".xlsx":
            numeric = frozenset(header) - TEXT_COLUMNS - frozenset(OPTIONAL)
            write_xlsx(output, [("input", header, rows)], numeric, labelled=True)
            return
        buffer = io.StringIO()
        write_csv(buffer, header, rows)
        if output is None:
            sys.stdout.write(buffer.getvalue())
        else:
            output.write_text(buffer.getvalue(), encoding="utf-8-sig")
