"""What the offline result calculators (``canbo confidence results``, ``canbo election
results``) share: argument types, reading the counts file, the PDF font, writing the output,
and refusals in Vietnamese and English with exit code 2 (nothing goes to stdout then).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import sys
from argparse import ArgumentTypeError
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from canbo.core.ballots.params import ParamValue
from canbo.core.errors import DomainError, ImportRejected
from canbo.pdf_fonts import font_path
from canbo.refusals import bilingual

EXIT_REFUSED = 2
PDF_FONT = str(font_path("sans"))  # bundled: full Vietnamese glyphs, offline


def count_arg(text: str) -> int:
    """A count typed on the command line: ASCII digits only."""
    if not (text.isdigit() and text.isascii()):
        raise ArgumentTypeError(f"not a non-negative whole number: {text!r}")
    return int(text)


def date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def param_arg(text: str) -> tuple[str, ParamValue]:
    """``NAME=VALUE`` for a rulebook parameter: true/false, a whole number, a comma list,
    or text."""
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


def refusal_text(exc: DomainError, file_words: str) -> str:
    """A refusal in both languages; a refused counts file lists every bad row and column."""
    if isinstance(exc, ImportRejected):
        lines = [file_words]
        for err in exc.errors:
            where = f"dòng/row {err.row}, cột/column {err.column or '-'}"
            lines.append(f"  {where}: {err.message_vi} / {err.message_en}")
        return "\n".join(lines)
    vi, en = bilingual(exc)
    return f"{vi}\n{en}" if vi != en else f"{exc.code}: {en}"


def require_reportlab(fmt: str, words: str = "") -> None:
    if fmt == "pdf" and not importlib.util.find_spec("reportlab"):
        raise CommandError(
            words or "Xuất PDF cần cài gói reportlab.\nPDF output needs the reportlab package.",
            returncode=EXIT_REFUSED,
        )


def read_counts(path: Path) -> str:
    """The counts file as text (UTF-8, a byte-order mark tolerated), or a refusal."""
    try:
        return path.read_bytes().decode("utf-8-sig")
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


def write_output(
    command: BaseCommand,
    fmt: str,
    output: str | None,
    result: Any,
    texts: Mapping[str, Callable[[Any], str]],
    pdf: Callable[[Any], bytes],
) -> None:
    """Write ``result`` as ``fmt`` (``texts`` by format name, or ``pdf``) to ``output`` or
    stdout."""
    if fmt == "pdf":
        data = pdf(result)
        if output:
            Path(output).write_bytes(data)
        else:
            command.stdout.flush()
            sys.stdout.buffer.write(data)
        return
    text = texts[fmt](result)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        command.stdout.write(text, ending="")


def register_pdf_font() -> None:
    """The bundled sans font (or ``CANBO_PDF_FONT``) as ``CanboSans`` for reportlab."""
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
