"""``canbo classification propose``: the offline classification calculator.

Reads a CSV or XLSX table, proposes a level per row under the rulebook of ``--year`` and writes
JSON (default), CSV or XLSX. Bad input is refused as a whole, with one message per problem in
Vietnamese and English naming row and column, nothing written, exit code 2.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from canbo.classification.io import read_table, write_csv, write_json, write_xlsx
from canbo.core.errors import DomainError, ImportRejected
from canbo.refusals import cli_text
from canbo.services.classification.calculator import (
    CalculatorResult,
    ProposeCommand,
    propose,
    quota_table,
    quota_warnings,
    subject_table,
    to_document,
)

FORMATS = ("json", "csv", "xlsx")
NUMERIC = frozenset({"score", "group_over_by", "htxs", "htt", "max_htxs", "over_by"})


def parse_overrides(items: list[str]) -> dict[str, str]:
    """``NAME=VALUE`` pairs of ``--param`` into a mapping; a pair without ``=`` is refused."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep:
            raise CommandError(
                f"--param cần dạng TÊN=GIÁ_TRỊ / --param needs NAME=VALUE: {item!r}", returncode=2
            )
        out[name.strip()] = value
    return out


class Command(BaseCommand):
    help = "Đề xuất mức xếp loại chất lượng / propose quality classification levels."
    requires_system_checks: tuple[str, ...] = ()  # offline: needs no database or URL setup

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True, help="FILE.csv or FILE.xlsx")
        parser.add_argument("--year", required=True, type=int, help="evaluation cycle, e.g. 2025")
        parser.add_argument("--format", choices=FORMATS, help="json (default), csv or xlsx")
        parser.add_argument("--output", help="output file (default: standard output)")
        parser.add_argument(
            "--param",
            action="append",
            default=[],
            metavar="NAME=VALUE",
            help="override a rulebook parameter, e.g. cl_quota_pct=20 (repeatable)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        output = Path(options["output"]) if options["output"] else None
        fmt = options["format"] or _format_of(output)
        if fmt == "xlsx" and output is None:
            raise CommandError("--format xlsx cần --output / needs --output", returncode=2)
        overrides = parse_overrides(options["param"])
        try:
            header, rows = read_table(Path(options["input"]))
            result = propose(ProposeCommand(options["year"], header, rows, overrides))
        except ImportRejected as exc:
            for problem in exc.errors:
                self.stderr.write(problem.message_vi)
                self.stderr.write(problem.message_en)
            n = len(exc.errors)
            raise CommandError(
                f"{n} lỗi, không xuất kết quả. / {n} problem(s); nothing was output.", returncode=2
            ) from exc
        except DomainError as exc:
            raise CommandError(cli_text(exc), returncode=2) from exc
        _write(result, fmt, output, self)
        for line in quota_warnings(result):
            self.stderr.write(line)


def _format_of(output: Path | None) -> str:
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    return suffix if suffix in FORMATS else "json"


def _write(result: CalculatorResult, fmt: str, output: Path | None, cmd: BaseCommand) -> None:
    if fmt == "xlsx" and output is not None:
        sheets = [("subjects", *subject_table(result)), ("quota", *quota_table(result))]
        write_xlsx(output, sheets, NUMERIC)
        return
    buffer = io.StringIO()
    if fmt == "csv":
        write_csv(buffer, *subject_table(result))
    else:
        write_json(buffer, to_document(result))
    if output is None:
        sys.stdout.write(buffer.getvalue())
        sys.stdout.flush()
    else:
        encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
        output.write_text(buffer.getvalue(), encoding=encoding)
