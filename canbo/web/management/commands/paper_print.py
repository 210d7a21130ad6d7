"""``canbo paper print --names FILE.csv --kind confidence|strike-out|approval [--title TEXT]
[--seats K] [--copies N] [--paper a4|a5] --out ballots.pdf``: print paper ballots offline.

A thin adapter like ``canbo election results``: read the names file (``order,name,position``;
UTF-8, BOM tolerated), call :func:`canbo.paper.printing.render`, write the PDF and the layout
beside it (``ballots.layout.json``), and print a JSON summary with the serials issued (sorted:
the order the sheets were printed in is shuffled and not kept). Reads no database. A refused
file (every bad row and column named) or refused options go to stderr in Vietnamese and English
with exit code 2, and nothing is written. See docs/voting.md, "Paper ballots: printing".
"""

from __future__ import annotations

import json
from argparse import ArgumentParser, ArgumentTypeError
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from canbo.core.errors import DomainError
from canbo.paper.layout import PAPERS, BallotKind
from canbo.paper.printing import BallotSpec, parse_names, render
from canbo.results_cli import EXIT_REFUSED, count_arg, read_counts, refusal_text


def _positive(text: str) -> int:
    value = count_arg(text)
    if value < 1:
        raise ArgumentTypeError(f"not a whole number above 0: {text!r}")
    return value


def layout_path(pdf: Path) -> Path:
    """``ballots.pdf`` -> ``ballots.layout.json`` (beside it)."""
    return pdf.with_name(f"{pdf.stem if pdf.suffix.lower() == '.pdf' else pdf.name}.layout.json")


class Command(BaseCommand):
    help = "Print paper ballots (PDF) and their layout from an order,name,position CSV."
    requires_system_checks: tuple[str, ...] = ()  # offline: reads no database

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--names", required=True, type=Path, help="order,name,position CSV")
        parser.add_argument("--kind", required=True, choices=[str(k) for k in BallotKind])
        parser.add_argument("--title", default="", help="the vote, or the body to elect")
        parser.add_argument("--organization", default="", help="issuing body (heading)")
        parser.add_argument("--superior", default="", help="the body above it (heading)")
        parser.add_argument("--seats", type=_positive, help="number to elect")
        parser.add_argument("--copies", type=_positive, default=1)
        parser.add_argument("--paper", choices=PAPERS, default="a4")
        parser.add_argument("--out", required=True, type=Path, help="the PDF to write")

    def handle(self, *args: Any, **options: Any) -> None:
        text = read_counts(options["names"])
        try:
            candidates = parse_names(text)
            spec = BallotSpec(
                kind=BallotKind(options["kind"]),
                candidates=candidates,
                title=options["title"],
                organization=options["organization"],
                superior=options["superior"],
                seats=options["seats"],
                paper=options["paper"],
            )
            job = render(spec, options["copies"])
        except DomainError as exc:
            words = "Tệp danh sách bị từ chối / The names file was refused:"
            raise CommandError(refusal_text(exc, words), returncode=EXIT_REFUSED) from exc
        out: Path = options["out"]
        beside = layout_path(out)
        try:
            out.write_bytes(job.pdf)
            beside.write_text(job.layout.to_json(), encoding="utf-8")
        except OSError as exc:
            raise CommandError(
                f"Không ghi được tệp {out}: {exc.strerror}\nCannot write {out}: {exc.strerror}",
                returncode=EXIT_REFUSED,
            ) from exc
        summary = {
            "pdf": str(out),
            "layout": str(beside),
            "layout_id": job.layout.layout_id,
            "session": job.layout.session,
            "fingerprint": job.layout.fingerprint(),
            "kind": str(job.layout.kind),
            "paper": job.layout.paper,
            "names": len(job.layout.rows),
            "pages_per_ballot": len(job.layout.pages),
            "ballots": len(job.serials),
            "serials": job.serials,
        }
        self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
