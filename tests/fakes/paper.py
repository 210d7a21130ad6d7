"""In-memory adapters of the paper-ballot flow: the store of print runs, scans and decisions, a
printer that returns a fixed layout, and a reader that returns the sheets it is given."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from canbo.core.types import AccountId, PersonId
from canbo.services.voting.ports import (
    PrintedBallots,
    PrintRunData,
    SessionId,
    SheetRead,
    SheetRecord,
)
from tests.fakes.voting import FakeVotingUnitOfWork


@dataclass
class FakePaperScanRepository:
    runs: list[tuple[SessionId, PrintRunData]] = field(default_factory=list)
    batches: dict[int, SessionId] = field(default_factory=dict)
    stored: list[SheetRecord] = field(default_factory=list)
    decided: dict[tuple[int, str, int], str] = field(default_factory=dict)
    typed: dict[tuple[SessionId, str], dict[int, str]] = field(default_factory=dict)

    def add_print_run(
        self,
        session_id: SessionId,
        printed: PrintedBallots,
        persons: Sequence[PersonId],
        copies: int,
        paper: str,
        printed_by: AccountId | None,
    ) -> int:
        run = PrintRunData(
            len(self.runs) + 1,
            printed.layout_json,
            printed.fingerprint,
            tuple(persons),
            copies,
            paper,
        )
        self.runs.append((session_id, run))
        return run.run_id

    def latest_print_run(self, session_id: SessionId) -> PrintRunData | None:
        mine = [r for s, r in self.runs if s == session_id]
        return mine[-1] if mine else None

    def add_batch(self, session_id: SessionId, uploaded_by: AccountId | None, files: int) -> int:
        batch = len(self.batches) + 1
        self.batches[batch] = session_id
        return batch

    def finish_batch(self, batch_id: int, counts: Mapping[str, int]) -> None:
        return None

    def add_sheet(self, batch_id: int, sheet: SheetRead) -> int:
        record = SheetRecord(len(self.stored) + 1, batch_id, sheet)
        self.stored.append(record)
        return record.sheet_id

    def sheets(self, session_id: SessionId) -> list[SheetRecord]:
        return [r for r in self.stored if self.batches[r.batch_id] == session_id]

    def add_decision(
        self,
        sheet_id: int,
        stage: str,
        order: int,
        value: str,
        decided_by: AccountId | None,
        reason: str,
    ) -> bool:
        if (sheet_id, stage, order) in self.decided:
            return False
        self.decided[(sheet_id, stage, order)] = value
        return True

    def decisions(self, session_id: SessionId) -> dict[tuple[str, str, int], str]:
        serial = {r.sheet_id: r.read.serial or "" for r in self.sheets(session_id)}
        return {
            (stage, serial[sheet], order): value
            for (sheet, stage, order), value in self.decided.items()
            if sheet in serial
        }

    def add_second_reading(
        self,
        session_id: SessionId,
        serial: str,
        lines: Mapping[int, str],
        entered_by: AccountId | None,
    ) -> bool:
        if (session_id, serial) in self.typed:
            return False
        self.typed[(session_id, serial)] = dict(lines)
        return True

    def second_readings(self, session_id: SessionId) -> dict[str, dict[int, str]]:
        return {s: dict(v) for (sid, s), v in self.typed.items() if sid == session_id}


class FakePaperUnitOfWork(FakeVotingUnitOfWork):
    """The voting fake with the paper store (rolled back with the rest)."""

    paper: FakePaperScanRepository

    def _repositories(self) -> list[object]:
        return [*super()._repositories(), self.paper]


def with_paper(uow: FakeVotingUnitOfWork) -> FakePaperUnitOfWork:
    """The same fake unit of work, carrying a paper store."""
    uow.__class__ = FakePaperUnitOfWork
    paper_uow = uow if isinstance(uow, FakePaperUnitOfWork) else None
    assert paper_uow is not None
    paper_uow.paper = FakePaperScanRepository()
    return paper_uow


class FakePrinter:
    """Prints nothing: a PDF stub and a layout naming the rows."""

    def __init__(self) -> None:
        self.calls: list[dict[str, object]] = []

    def render(self, **kw: object) -> PrintedBallots:
        self.calls.append(kw)
        layout = json.dumps({"rows": kw["rows"], "kind": kw["kind"]}, ensure_ascii=False)
        return PrintedBallots(b"%PDF-stub", layout, hashlib.sha256(layout.encode()).hexdigest())


class FakeReader:
    """Returns the sheets it was given, one per image name."""

    def __init__(self, sheets: Mapping[str, SheetRead]) -> None:
        self.sheets = dict(sheets)

    def read(
        self, layout_json: str, images: Sequence[str], seen: set[tuple[str, int | None]]
    ) -> Iterator[SheetRead]:
        for name in images:
            yield self.sheets[name]
