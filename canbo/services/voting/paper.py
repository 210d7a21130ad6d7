"""Paper ballots read by machine: print, read a batch of scans, adjudicate, reconcile, certify.

The counting committee's flow (docs/voting.md, "Paper ballots: the counting committee's
screens"). Ballots are printed with a random serial per ballot, in shuffled order, and no
serial is recorded per voter: a print run keeps its layout, fingerprint and count only. A batch
of scans is read by the reader port (never a guess: what is not certain goes to review); the
committee decides each line in review (EL-07), a second independent reading is typed by serial,
every disagreement is decided, and certification writes the readings as the session's paper
readings, so the count, results and minutes are those of typed paper ballots. Validity is
applied by the count from the readings (CV-14, EL-14), never here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from canbo.core.ballots.lifecycle import VoteStep, next_status
from canbo.core.errors import Citation, Conflict, ValidationError
from canbo.core.types import PersonId
from canbo.services.ports import Actor
from canbo.services.voting import election
from canbo.services.voting.count import require_counter
from canbo.services.voting.ports import (
    BallotPrinter,
    ElectionBallotKind,
    LineReading,
    Medium,
    PaperMode,
    PaperReading,
    PaperUnitOfWork,
    PrintRunData,
    SessionData,
    SessionId,
    SheetRead,
    SheetReader,
    SheetRecord,
)
from canbo.services.voting.sessions import EL07, load

CV14 = Citation("QĐ 96-QĐ/TW", rule_id="CV-14")
EL14 = Citation("QĐ 190-QĐ/TW", rule_id="EL-14")

REVIEW = "review"  # a line the reader was not certain of, decided by the committee
RECONCILE = "reconcile"  # a line where the machine and the second reading differ
MAX_COPIES = 5000
PAPERS = ("a4", "a5")

# The reader's words for a line, as the count's line readings.
_FROM_READER = {
    "high": LineReading.HIGH,
    "mid": LineReading.MID,
    "low": LineReading.LOW,
    "blank": LineReading.NONE,
    "several": LineReading.SEVERAL,
    "kept": LineReading.KEPT,
    "struck": LineReading.STRUCK,
    "agree": LineReading.AGREE,
    "disagree": LineReading.DISAGREE,
}

CHOICES = {
    "confidence": (
        LineReading.HIGH,
        LineReading.MID,
        LineReading.LOW,
        LineReading.NONE,
        LineReading.SEVERAL,
        LineReading.STRUCK,
    ),
    "strike-out": (LineReading.KEPT, LineReading.STRUCK),
    "approval": (LineReading.AGREE, LineReading.DISAGREE, LineReading.NONE, LineReading.SEVERAL),
}


def ballot_kind(session: SessionData) -> str:
    """The printed ballot's kind: confidence, strike-out or approval (EL-14)."""
    spec = election.spec_of(session)
    if spec is None:
        return "confidence"
    return "strike-out" if spec.kind is ElectionBallotKind.STRIKE_OUT else "approval"


def validity_citation(session: SessionData) -> Citation:
    return CV14 if ballot_kind(session) == "confidence" else EL14


# --- printing ---------------------------------------------------------------------------


def print_ballots(
    uow: PaperUnitOfWork,
    printer: BallotPrinter,
    actor: Actor,
    session_id: SessionId,
    *,
    copies: int,
    paper: str,
    organization: str,
) -> bytes:
    """The session's ballots as a PDF; the print run (count, paper, layout and fingerprint,
    who, when) is recorded and audited, never a serial per voter."""
    if not 1 <= copies <= MAX_COPIES:
        raise ValidationError("paper_copies_invalid", field="copies", copies=copies)
    if paper not in PAPERS:
        raise ValidationError("paper_size_invalid", field="paper", paper=paper)
    with uow:
        session = load(uow, session_id, lock=True)
        require_counter(uow, actor, session_id)
        subjects = uow.votes.subjects(session_id)
        if not subjects:
            raise Conflict("paper_no_subjects")
        spec = election.spec_of(session)
        rows = [(i, s.full_name, s.position) for i, s in enumerate(subjects, start=1)]
        # An appointment step's ballot heads the sheet with its own title (in capitals);
        # an election's prints "PHIẾU BẦU CỬ" with the session's title under it.
        heading = str(session.parameters.get("ballot_title") or "")
        title = session.title
        previous = uow.paper.latest_print_run(session_id)
        printed = printer.render(
            session_ref=f"S{int(session_id)}",
            kind=ballot_kind(session),
            title=title,
            heading=heading,
            organization=organization,
            rows=rows,
            seats=spec.seats if spec is not None else None,
            copies=copies,
            paper=paper,
            reprint_of=previous.layout_json if previous else None,
        )
        persons = [s.person_id for s in subjects]
        run = uow.paper.add_print_run(session_id, printed, persons, copies, paper, actor.account_id)
        uow.audit.append(
            actor,
            "vote.paper_print",
            "vote",
            str(session_id),
            None,
            None,
            {
                "run": run,
                "copies": copies,
                "paper": paper,
                "fingerprint": printed.fingerprint,
                "reprint_of": previous.run_id if previous else None,
            },
        )
        uow.commit()
    return printed.pdf


# --- reading ----------------------------------------------------------------------------


def _layout(uow: PaperUnitOfWork, session_id: SessionId) -> PrintRunData:
    run = uow.paper.latest_print_run(session_id)
    if run is None:
        raise Conflict("paper_not_printed", session_id=session_id)
    return run


def read_batch(
    uow: PaperUnitOfWork,
    reader: SheetReader,
    actor: Actor,
    session_id: SessionId,
    images: Sequence[str],
) -> int:
    """Read a batch of scans of the session's ballots; each sheet is stored with its status
    and reason, the batch goes on past a bad sheet. A sheet of another session or layout, and
    a serial already read (in this batch or an earlier one), are refused (CV-14, EL-14: a
    ballot not issued by the committee is invalid; one ballot counts once)."""
    if not images:
        raise ValidationError("paper_batch_empty", field="files")
    with uow:
        session = load(uow, session_id, lock=True)
        require_counter(uow, actor, session_id)
        next_status(session.status, VoteStep.ENTER_PAPER)
        if _certified(uow, session_id):
            raise Conflict("paper_scans_certified", citation=EL07)
        run = _layout(uow, session_id)
        taken: set[tuple[str, int | None]] = {
            (r.read.serial, r.read.layout_page)
            for r in uow.paper.sheets(session_id)
            if r.read.status != "refused" and r.read.serial
        }
        batch = uow.paper.add_batch(session_id, actor.account_id, len(images))
        counts = {"read": 0, "review": 0, "refused": 0}
        for sheet in reader.read(run.layout_json, images, set(taken)):
            stored = sheet
            key = (sheet.serial or "", sheet.layout_page)
            if sheet.status != "refused" and key in taken:
                stored = _refused(sheet, "duplicate_serial")
            if stored.status != "refused":
                taken.add(key)
            counts[stored.status] = counts.get(stored.status, 0) + 1
            uow.paper.add_sheet(batch, stored)
        uow.paper.finish_batch(batch, counts)
        uow.audit.append(
            actor,
            "vote.paper_scan",
            "vote",
            str(session_id),
            None,
            None,
            {"batch": batch, "files": len(images), **counts},
        )
        uow.commit()
    return batch


def _refused(sheet: SheetRead, reason: str) -> SheetRead:
    return SheetRead(
        sheet.file,
        sheet.page,
        sheet.serial,
        sheet.layout_page,
        "refused",
        reason,
        sheet.marks,
        (),
        sheet.image,
    )


# --- adjudication -----------------------------------------------------------------------


def _sheet(uow: PaperUnitOfWork, session_id: SessionId, sheet_id: int) -> SheetRecord:
    for record in uow.paper.sheets(session_id):
        if record.sheet_id == sheet_id:
            return record
    raise ValidationError("paper_sheet_not_of_session", field="sheet", sheet=sheet_id)


def _check_value(session: SessionData, value: str) -> LineReading:
    allowed = CHOICES[ballot_kind(session)]
    if value not in {str(v) for v in allowed}:
        raise ValidationError(
            "paper_value_not_on_ballot",
            field="value",
            value=value,
            citation=validity_citation(session),
        )
    return LineReading(value)


def adjudicate(
    uow: PaperUnitOfWork,
    actor: Actor,
    session_id: SessionId,
    sheet_id: int,
    order: int,
    value: str,
    reason: str = "",
) -> None:
    """The committee's value for a line the reader sent to review (EL-07); audited."""
    with uow:
        session = load(uow, session_id, lock=True)
        require_counter(uow, actor, session_id)
        next_status(session.status, VoteStep.ENTER_PAPER)
        if _certified(uow, session_id):
            raise Conflict("paper_scans_certified", citation=EL07)
        record = _sheet(uow, session_id, sheet_id)
        if record.read.status == "refused" or order not in record.read.review:
            raise Conflict("paper_line_not_in_review", sheet=sheet_id, order=order)
        decided = _check_value(session, value)
        if not uow.paper.add_decision(
            sheet_id, REVIEW, order, str(decided), actor.account_id, reason.strip()
        ):
            raise Conflict("paper_line_decided", sheet=sheet_id, order=order)
        uow.audit.append(
            actor,
            "vote.paper_adjudicate",
            "vote",
            str(session_id),
            None,
            None,
            {"sheet": sheet_id, "order": order, "value": str(decided), "reason": reason.strip()},
        )
        uow.commit()


# --- ballots, second reading, reconciliation --------------------------------------------


@dataclass(frozen=True, slots=True)
class ScannedBallot:
    """One ballot (a serial, over its pages) as the machine and the committee read it."""

    serial: str
    sheet_ids: tuple[int, ...]
    machine: dict[int, str]  # order -> line reading after the committee's review decisions
    open_review: tuple[tuple[int, int], ...]  # (sheet, order) still to decide
    missing: tuple[int, ...]  # orders no page of this ballot carries


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A line where the machine reading and the second reading differ."""

    serial: str
    sheet_id: int
    order: int
    person_id: PersonId
    machine: str | None
    second: str | None
    decided: str | None


@dataclass(frozen=True, slots=True)
class Reconciliation:
    ballots: list[ScannedBallot]
    disagreements: list[Disagreement]
    not_typed: list[str]  # serials scanned but not read a second time
    not_scanned: list[str]  # serials typed but with no accepted scan
    open_review: int
    certified: bool

    @property
    def open_items(self) -> int:
        undecided = sum(1 for d in self.disagreements if d.decided is None)
        missing = sum(1 for b in self.ballots if b.missing)
        return self.open_review + undecided + len(self.not_typed) + len(self.not_scanned) + missing


def _certified(uow: PaperUnitOfWork, session_id: SessionId) -> bool:
    return bool(uow.votes.paper_readings(session_id)) and any(
        True for _ in uow.paper.sheets(session_id)
    )


def ballots(uow: PaperUnitOfWork, session_id: SessionId, lines: int) -> list[ScannedBallot]:
    """The accepted sheets grouped by serial, with the review decisions applied."""
    decisions = uow.paper.decisions(session_id)
    grouped: dict[str, list[SheetRecord]] = {}
    for record in uow.paper.sheets(session_id):
        if record.read.status != "refused" and record.read.serial:
            grouped.setdefault(record.read.serial, []).append(record)
    out = []
    for serial, records in sorted(grouped.items()):
        machine: dict[int, str] = {}
        open_review: list[tuple[int, int]] = []
        for record in records:
            for mark in record.read.marks:
                if mark.order in record.read.review:
                    value = decisions.get((REVIEW, serial, mark.order))
                    if value is None:
                        open_review.append((record.sheet_id, mark.order))
                        continue
                    machine[mark.order] = value
                elif mark.value in _FROM_READER:
                    machine[mark.order] = str(_FROM_READER[mark.value])
                else:  # a value the reader could not settle and did not send to review
                    open_review.append((record.sheet_id, mark.order))
        seen = set(machine) | {o for _s, o in open_review}
        missing = tuple(o for o in range(1, lines + 1) if o not in seen)
        out.append(
            ScannedBallot(
                serial,
                tuple(r.sheet_id for r in records),
                machine,
                tuple(open_review),
                missing,
            )
        )
    return out


def enter_second_reading(
    uow: PaperUnitOfWork,
    actor: Actor,
    session_id: SessionId,
    serial: str,
    lines: Mapping[PersonId, str],
) -> None:
    """A person's independent reading of one paper ballot, typed by the serial printed on it."""
    serial = serial.strip().upper()
    if not serial:
        raise ValidationError("paper_serial_required", field="serial")
    with uow:
        session = load(uow, session_id, lock=True)
        require_counter(uow, actor, session_id)
        next_status(session.status, VoteStep.ENTER_PAPER)
        if _certified(uow, session_id):
            raise Conflict("paper_scans_certified", citation=EL07)
        run = _layout(uow, session_id)
        if set(lines) != set(run.persons):
            raise ValidationError("reading_lines_mismatch", serial=serial)
        by_order = {
            i: str(_check_value(session, lines[p])) for i, p in enumerate(run.persons, start=1)
        }
        if not uow.paper.add_second_reading(session_id, serial, by_order, actor.account_id):
            raise Conflict("paper_second_reading_exists", field="serial", serial=serial)
        uow.audit.append(
            actor,
            "vote.paper_second_reading",
            "vote",
            str(session_id),
            None,
            None,
            {"serial": serial},
        )
        uow.commit()


def reconciliation(uow: PaperUnitOfWork, session_id: SessionId) -> Reconciliation:
    """The machine reading against the second reading, every disagreement listed."""
    with uow:
        run = uow.paper.latest_print_run(session_id)
        persons = run.persons if run else ()
        scanned = ballots(uow, session_id, len(persons))
        typed = uow.paper.second_readings(session_id)
        decisions = uow.paper.decisions(session_id)
        certified = _certified(uow, session_id)
    disagreements = []
    for ballot in scanned:
        second = typed.get(ballot.serial)
        if second is None or ballot.open_review:
            continue
        for order in sorted(set(ballot.machine) | set(second)):
            mine, theirs = ballot.machine.get(order), second.get(order)
            if mine != theirs:
                disagreements.append(
                    Disagreement(
                        ballot.serial,
                        ballot.sheet_ids[0],
                        order,
                        persons[order - 1],
                        mine,
                        theirs,
                        decisions.get((RECONCILE, ballot.serial, order)),
                    )
                )
    serials = {b.serial for b in scanned}
    return Reconciliation(
        scanned,
        disagreements,
        [b.serial for b in scanned if b.serial not in typed],
        sorted(s for s in typed if s not in serials),
        sum(len(b.open_review) for b in scanned),
        certified,
    )


def decide_disagreement(
    uow: PaperUnitOfWork,
    actor: Actor,
    session_id: SessionId,
    serial: str,
    order: int,
    value: str,
    reason: str = "",
) -> None:
    """The committee's value for a line the two readings read differently (EL-07); audited."""
    found = [
        d
        for d in reconciliation(uow, session_id).disagreements
        if d.serial == serial and d.order == order
    ]
    with uow:
        session = load(uow, session_id, lock=True)
        require_counter(uow, actor, session_id)
        next_status(session.status, VoteStep.ENTER_PAPER)
        if _certified(uow, session_id):
            raise Conflict("paper_scans_certified", citation=EL07)
        if not found:
            raise Conflict("paper_no_disagreement", serial=serial, order=order)
        decided = _check_value(session, value)
        if not uow.paper.add_decision(
            found[0].sheet_id, RECONCILE, order, str(decided), actor.account_id, reason.strip()
        ):
            raise Conflict("paper_line_decided", sheet=found[0].sheet_id, order=order)
        uow.audit.append(
            actor,
            "vote.paper_reconcile",
            "vote",
            str(session_id),
            None,
            None,
            {"serial": serial, "order": order, "value": str(decided), "reason": reason.strip()},
        )
        uow.commit()


def certify(uow: PaperUnitOfWork, actor: Actor, session_id: SessionId) -> int:
    """The reconciled readings become the session's paper readings (numbered 1..n in serial
    order, which follows no voter), so the count, results and minutes are those of typed paper
    ballots. Refused while a line is in review, a ballot lacks its second reading or a page,
    or a disagreement is undecided (EL-07). Returns the number of ballots."""
    state = reconciliation(uow, session_id)
    with uow:
        session = load(uow, session_id, lock=True)
        require_counter(uow, actor, session_id)
        next_status(session.status, VoteStep.ENTER_PAPER)
        if session.paper_mode is not PaperMode.PER_BALLOT:
            raise Conflict("paper_mode_totals")
        if uow.votes.paper_readings(session_id) or uow.votes.paper_entries(session_id):
            raise Conflict("paper_readings_exist", citation=EL07)
        run = _layout(uow, session_id)
        if not state.ballots:
            raise Conflict("paper_no_ballots_scanned")
        if state.open_items:
            raise Conflict(
                "paper_open_items",
                citation=EL07,
                review=state.open_review,
                undecided=sum(1 for d in state.disagreements if d.decided is None),
                not_typed=len(state.not_typed),
                not_scanned=len(state.not_scanned),
                open=state.open_items,
            )
        issued = uow.votes.participation_counts(session_id).get(Medium.PAPER, 0)
        if len(state.ballots) > issued:
            raise ValidationError(
                "collected_exceeds_issued",
                issued=issued,
                collected=len(state.ballots),
                citation=validity_citation(session),
            )
        decided = {(d.serial, d.order): d.decided for d in state.disagreements}
        for number, ballot in enumerate(state.ballots, start=1):
            lines = {
                int(person): LineReading(decided.get((ballot.serial, i)) or ballot.machine[i])
                for i, person in enumerate(run.persons, start=1)
            }
            uow.votes.add_paper_reading(session_id, PaperReading(number, lines), 1, "scan")
        uow.audit.append(
            actor,
            "vote.paper_certify",
            "vote",
            str(session_id),
            None,
            None,
            {"ballots": len(state.ballots), "fingerprint": run.fingerprint},
        )
        uow.commit()
    return len(state.ballots)
