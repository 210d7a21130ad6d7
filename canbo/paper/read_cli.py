"""``canbo paper read --layout X.layout.json SCANS... [--format json]``: read a batch of scanned
ballots on a laptop, with no database.

SCANS are PDF, TIFF, PNG or JPEG files, or folders of them. Each sheet is one entry ``{file,
page, serial, layout_page, status, reason, review, marks: [{order, name, value, certainty}]}``,
written as soon as it is read (a batch of thousands streams), then the summary ``{sheets, read,
review, refused}``. Progress goes to stderr. A missing or unreadable layout file exits with 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from canbo.core.errors import DomainError
from canbo.paper.layout import Layout
from canbo.paper.reading import Sheet, SheetStatus, read_images

EXIT_REFUSED = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="canbo paper read", description="Read scanned paper ballots (no database)."
    )
    parser.add_argument("--layout", required=True, help="the .layout.json written by paper print")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("scans", nargs="+", help="PDF/TIFF/PNG/JPEG files or folders")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    args = _parser().parse_args(argv)
    out = out or sys.stdout
    try:
        layout = Layout.from_json(Path(args.layout).read_bytes())
    except OSError as exc:
        print(
            f"canbo paper read: không đọc được tệp bố cục / cannot read the layout file: {exc}",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    except DomainError as exc:
        print(f"canbo paper read: {_words(exc)}", file=sys.stderr)
        return EXIT_REFUSED
    missing = [s for s in args.scans if not Path(s).exists()]
    if missing:
        print(
            f"canbo paper read: không có tệp / no such file: {', '.join(missing)}", file=sys.stderr
        )
        return EXIT_REFUSED
    counts: Counter[str] = Counter()
    as_json = args.format == "json"
    if as_json:
        out.write('{"sheets": [\n')
    for sheet in read_images(layout, args.scans, progress=_progress):
        counts[str(sheet.status)] += 1
        if as_json:
            prefix = ",\n" if sum(counts.values()) > 1 else ""
            out.write(prefix + json.dumps(sheet.as_dict(), ensure_ascii=False))
        else:
            out.write(_line(sheet) + "\n")
        out.flush()
    print(file=sys.stderr)
    summary = {
        "sheets": sum(counts.values()),
        "read": counts[SheetStatus.READ],
        "review": counts[SheetStatus.REVIEW],
        "refused": counts[SheetStatus.REFUSED],
    }
    if as_json:
        out.write('\n],\n"summary": ' + json.dumps(summary) + "}\n")
    else:
        out.write(" ".join(f"{k}={v}" for k, v in summary.items()) + "\n")
    return 0


def _words(exc: DomainError) -> str:
    """The refusal in both languages; the catalogue of refusal words needs Django's translation
    set up (settings only, never a database)."""
    import django

    django.setup()
    from canbo.refusals import cli_text

    return cli_text(exc)


def _line(sheet: Sheet) -> str:
    where = sheet.file if sheet.page is None else f"{sheet.file}#{sheet.page}"
    values = " ".join(f"{m.order}:{m.value}" for m in sheet.marks)
    return "\t".join([where, str(sheet.status), sheet.reason, sheet.serial or "-", values])


def _progress(count: int, sheet: Sheet) -> None:
    print(
        f"\r{count} sheets read ({sheet.status}: {sheet.file})"[:120].ljust(120),
        end="",
        file=sys.stderr,
    )


if __name__ == "__main__":
    raise SystemExit(main())
