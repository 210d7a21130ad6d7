"""Adapters of the paper-ballot flow: the store of print runs, scans and decisions, the unit of
work that carries it, and the printer and reader over :mod:`canbo.paper`."""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from django.conf import settings

from canbo.core.types import AccountId, PersonId
from canbo.services.voting.ports import (
    MarkRead,
    PrintedBallots,
    PrintRunData,
    SessionId,
    SheetRead,
    SheetRecord,
)

from . import models
from .uow import DjangoVotingUnitOfWork

log = logging.getLogger(__name__)


def _sheet_read(row: models.ScannedSheet) -> SheetRead:
    marks = tuple(
        MarkRead(int(m["order"]), str(m["value"]), float(m["certainty"])) for m in row.marks
    )
    return SheetRead(
        row.file,
        row.page,
        row.serial or None,
        row.layout_page,
        row.status,
        row.reason,
        marks,
        tuple(int(o) for o in row.review),
        row.image,
    )


class DjangoPaperScanRepository:
    def add_print_run(
        self,
        session_id: SessionId,
        printed: PrintedBallots,
        persons: Sequence[PersonId],
        copies: int,
        paper: str,
        printed_by: AccountId | None,
    ) -> int:
        previous = models.PrintRun.objects.filter(session_id=session_id).order_by("-pk").first()
        row = models.PrintRun.objects.create(
            session_id=session_id,
            layout=json.loads(printed.layout_json),
            fingerprint=printed.fingerprint,
            persons=[int(p) for p in persons],
            copies=copies,
            paper=paper,
            printed_by_id=printed_by,
            reprint_of=previous,
        )
        return int(row.pk)

    def latest_print_run(self, session_id: SessionId) -> PrintRunData | None:
        row = models.PrintRun.objects.filter(session_id=session_id).order_by("-pk").first()
        if row is None:
            return None
        return PrintRunData(
            row.pk,
            json.dumps(row.layout, ensure_ascii=False),
            row.fingerprint,
            tuple(PersonId(p) for p in row.persons),
            row.copies,
            row.paper,
        )

    def add_batch(self, session_id: SessionId, uploaded_by: AccountId | None, files: int) -> int:
        row = models.ScanBatch.objects.create(
            session_id=session_id, uploaded_by_id=uploaded_by, files=files
        )
        return int(row.pk)

    def finish_batch(self, batch_id: int, counts: Mapping[str, int]) -> None:
        models.ScanBatch.objects.filter(pk=batch_id).update(status="done", counts=dict(counts))

    def add_sheet(self, batch_id: int, sheet: SheetRead) -> int:
        row = models.ScannedSheet.objects.create(
            batch_id=batch_id,
            file=sheet.file[:255],
            page=sheet.page,
            serial=sheet.serial or "",
            layout_page=sheet.layout_page,
            status=sheet.status,
            reason=sheet.reason,
            marks=[
                {"order": m.order, "value": m.value, "certainty": round(m.certainty, 3)}
                for m in sheet.marks
            ],
            review=list(sheet.review),
            image=sheet.image,
        )
        return int(row.pk)

    def sheets(self, session_id: SessionId) -> list[SheetRecord]:
        rows = models.ScannedSheet.objects.filter(batch__session_id=session_id).order_by("pk")
        return [SheetRecord(r.pk, r.batch_id, _sheet_read(r)) for r in rows]

    def add_decision(
        self,
        sheet_id: int,
        stage: str,
        order: int,
        value: str,
        decided_by: AccountId | None,
        reason: str,
    ) -> bool:
        if models.Adjudication.objects.filter(sheet_id=sheet_id, stage=stage, order=order).exists():
            return False
        models.Adjudication.objects.create(
            sheet_id=sheet_id,
            stage=stage,
            order=order,
            value=value,
            decided_by_id=decided_by,
            reason=reason,
        )
        return True

    def decisions(self, session_id: SessionId) -> dict[tuple[str, str, int], str]:
        rows = models.Adjudication.objects.filter(sheet__batch__session_id=session_id)
        return {
            (stage, serial, order): value
            for stage, serial, order, value in rows.values_list(
                "stage", "sheet__serial", "order", "value"
            )
        }

    def add_second_reading(
        self,
        session_id: SessionId,
        serial: str,
        lines: Mapping[int, str],
        entered_by: AccountId | None,
    ) -> bool:
        if models.SecondReading.objects.filter(session_id=session_id, serial=serial).exists():
            return False
        models.SecondReading.objects.create(
            session_id=session_id,
            serial=serial,
            lines={str(k): v for k, v in lines.items()},
            entered_by_id=entered_by,
        )
        return True

    def second_readings(self, session_id: SessionId) -> dict[str, dict[int, str]]:
        rows = models.SecondReading.objects.filter(session_id=session_id)
        return {r.serial: {int(k): str(v) for k, v in r.lines.items()} for r in rows}


class DjangoPaperUnitOfWork(DjangoVotingUnitOfWork):
    """The voting unit of work with the store of print runs and scans."""

    def __init__(self) -> None:
        super().__init__()
        self.paper = DjangoPaperScanRepository()


# --- scans on disk -----------------------------------------------------------------------


def scan_folder(session_id: int) -> Path:
    """Where the scans of a session are kept (the data folder), for overlays and crops."""
    folder = Path(settings.MEDIA_ROOT) / "paper-scans" / str(int(session_id))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def keep_upload(session_id: int, name: str, chunks: Iterator[bytes]) -> str:
    """Store one uploaded file under a random name (the original name is kept on the sheet)."""
    suffix = Path(name).suffix.lower()[:6]
    path = scan_folder(session_id) / f"{secrets.token_hex(8)}{suffix}"
    with path.open("wb") as out:
        for chunk in chunks:
            out.write(chunk)
    return str(path)


# --- the printer and the reader over canbo.paper ------------------------------------------


class PaperPrinter:
    """Renders the ballots with :mod:`canbo.paper.printing`."""

    def render(
        self,
        *,
        session_ref: str,
        kind: str,
        title: str,
        organization: str,
        rows: Sequence[tuple[int, str, str]],
        seats: int | None,
        copies: int,
        paper: str,
        reprint_of: str | None = None,
        heading: str = "",
    ) -> PrintedBallots:
        from canbo.paper import printing
        from canbo.paper.layout import BallotKind, Layout

        spec = printing.BallotSpec(
            kind=BallotKind(kind),
            candidates=tuple(printing.Candidate(o, n, p) for o, n, p in rows),
            title=title,
            organization=organization,
            seats=seats,
            paper=paper,
            session=session_ref,
            heading=heading,
        )
        kept = Layout.from_json(reprint_of) if reprint_of else None
        if kept is not None and (
            kept.paper != paper
            or kept.kind != spec.kind
            or [(r.order, r.name, r.position) for r in kept.rows]
            != [
                (c.order, printing.clean(c.name), printing.clean(c.position))
                for c in spec.candidates
            ]
        ):
            kept = None  # the ballot changed: a new layout (sheets of the old one are refused)
        # The serials the job lists are not kept: nothing records which went to whom.
        job = printing.render(spec, copies, layout=kept)
        return PrintedBallots(job.pdf, job.layout.to_json(), job.layout.fingerprint())


class PaperReader:
    """Reads scans with :mod:`canbo.paper.reading`; ``names`` maps each kept file to the
    name it was uploaded under, shown on the batch page."""

    def __init__(self, names: Mapping[str, str] | None = None) -> None:
        self.names = dict(names or {})

    def read(
        self, layout_json: str, images: Sequence[str], seen: set[tuple[str, int | None]]
    ) -> Iterator[SheetRead]:
        from canbo.paper import reading
        from canbo.paper.layout import Layout

        layout = Layout.from_json(layout_json)
        keys = {reading.serial_key(s, p) for s, p in seen if s and p is not None}
        for path in images:  # one file at a time: a file the reader fails on is one refusal
            try:
                for sheet in reading.read_images(layout, [path], seen_serials=keys):
                    if sheet.serial and sheet.layout_page and str(sheet.status) != "refused":
                        keys.add(reading.serial_key(sheet.serial, sheet.layout_page))
                    yield self._sheet(sheet)
            except Exception:  # the batch goes on; the error is logged
                log.exception("paper scan %s could not be read", Path(path).name)
                name = self.names.get(path, Path(path).name)
                yield SheetRead(name, None, None, None, "refused", "read_error", (), (), path)

    def _sheet(self, sheet: Any) -> SheetRead:
        return SheetRead(
            self.names.get(sheet.file, Path(sheet.file).name),
            sheet.page,
            sheet.serial,
            sheet.layout_page,
            str(sheet.status),
            sheet.reason,
            tuple(MarkRead(m.order, m.value, m.certainty) for m in sheet.marks),
            tuple(sheet.review),
            sheet.file,
        )


def sheet_image(row: models.ScannedSheet) -> Any:
    """The scanned page of a sheet as an image array (PDF pages rasterized)."""
    from canbo.paper import images

    for item in images.iter_pages([row.image]):
        if isinstance(item, images.PageImage) and (row.page is None or item.page == row.page):
            return item.image
    return None
