"""The paper-ballot flow's use cases over fakes: printing records counts only, a serial counts
once across batches, the committee decides what the reader was not sure of, certification
waits for every open item and then writes the session's paper readings."""

from __future__ import annotations

import pytest

from canbo.core.errors import Conflict, PermissionDenied, ValidationError
from canbo.core.types import Role
from canbo.services.ports import SYSTEM
from canbo.services.voting import paper as svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import LineReading, MarkRead, Medium, SheetRead
from tests.fakes.paper import FakePaperUnitOfWork, FakePrinter, FakeReader, with_paper
from tests.unit.services.hall import Hall, check_in, hall, open_vote
from tests.unit.services.world import staff


def sheet(
    serial: str, values: tuple[str, ...], review: tuple[int, ...] = (), status: str = ""
) -> SheetRead:
    marks = tuple(MarkRead(i, v, 0.3 if i in review else 1.0) for i, v in enumerate(values, 1))
    state = status or ("review" if review else "read")
    return SheetRead(f"{serial}.png", None, serial, 1, state, "", marks, review, "")


def closed(paper: int = 3) -> tuple[Hall, FakePaperUnitOfWork]:
    h = hall()
    check_in(h, h.persons[:paper], Medium.PAPER)
    check_in(h, h.persons[paper:])
    open_vote(h)
    vote_svc.close_vote(h.uow, SYSTEM, h.session)
    uow = with_paper(h.uow)
    svc.print_ballots(
        uow, FakePrinter(), h.counters[0], h.session, copies=3, paper="a4", organization="X"
    )
    return h, uow


def read(h: Hall, uow: FakePaperUnitOfWork, *sheets: SheetRead) -> int:
    reader = FakeReader({s.file: s for s in sheets})
    return svc.read_batch(uow, reader, h.counters[0], h.session, [s.file for s in sheets])


def test_a_print_run_records_the_count_and_the_layout_never_a_serial() -> None:
    h, uow = closed()
    ((_sid, run),) = uow.paper.runs
    assert run.copies == 3 and len(run.fingerprint) == 64
    assert list(run.persons) == [s.person_id for s in uow.votes.subjects(h.session)]
    assert [e.action for e in uow.audit.entries][-1] == "vote.paper_print"


def test_only_the_counting_committee_prints_and_reads() -> None:
    h, uow = closed()
    clerk = staff("kiemphieu.khac", Role.COUNTING_COMMITTEE, h.unit)
    with pytest.raises(PermissionDenied):
        svc.print_ballots(
            uow, FakePrinter(), clerk, h.session, copies=1, paper="a4", organization=""
        )
    with pytest.raises(PermissionDenied):
        svc.read_batch(uow, FakeReader({}), clerk, h.session, ["a.png"])


def test_a_serial_counts_once_across_batches() -> None:
    h, uow = closed()
    read(h, uow, sheet("AAAA", ("high", "mid", "low")))
    read(h, uow, sheet("AAAA", ("low", "low", "low")), sheet("BBBB", ("high", "high", "high")))
    stored = [(r.read.serial, r.read.status, r.read.reason) for r in uow.paper.sheets(h.session)]
    assert stored == [
        ("AAAA", "read", ""),
        ("AAAA", "refused", "duplicate_serial"),
        ("BBBB", "read", ""),
    ]
    assert [b.serial for b in svc.ballots(uow, h.session, 3)] == ["AAAA", "BBBB"]


def test_the_committee_decides_only_lines_in_review_with_values_on_the_ballot() -> None:
    h, uow = closed()
    read(h, uow, sheet("AAAA", ("high", "unclear", "low"), review=(2,)))
    (record,) = uow.paper.sheets(h.session)
    with pytest.raises(Conflict) as not_in_review:
        svc.adjudicate(uow, h.counters[0], h.session, record.sheet_id, 1, "mid")
    assert not_in_review.value.code == "paper_line_not_in_review"
    with pytest.raises(ValidationError) as off_ballot:
        svc.adjudicate(uow, h.counters[0], h.session, record.sheet_id, 2, "agree")
    assert off_ballot.value.citation is not None and off_ballot.value.citation.rule_id == "CV-14"
    with pytest.raises(ValidationError):
        svc.adjudicate(uow, h.counters[0], h.session, 999, 2, "mid")
    svc.adjudicate(uow, h.counters[0], h.session, record.sheet_id, 2, "mid", "dấu mờ")
    with pytest.raises(Conflict) as twice:
        svc.adjudicate(uow, h.counters[1], h.session, record.sheet_id, 2, "low")
    assert twice.value.code == "paper_line_decided"
    (ballot,) = svc.ballots(uow, h.session, 3)
    assert ballot.machine == {1: "high", 2: "mid", 3: "low"} and not ballot.open_review


def test_certification_waits_for_every_open_item_then_writes_the_paper_readings() -> None:
    h, uow = closed()
    c1, c2 = h.counters
    read(
        h,
        uow,
        sheet("AAAA", ("high", "unclear", "low"), review=(2,)),
        sheet("BBBB", ("mid", "mid", "blank")),
    )
    persons = [s.person_id for s in uow.votes.subjects(h.session)]
    with pytest.raises(Conflict) as open_items:
        svc.certify(uow, c1, h.session)
    assert open_items.value.code == "paper_open_items"
    assert open_items.value.fields["review"] == 1 and open_items.value.fields["not_typed"] == 2
    svc.adjudicate(uow, c1, h.session, uow.paper.sheets(h.session)[0].sheet_id, 2, "mid")
    svc.enter_second_reading(
        uow, c2, h.session, "aaaa", dict(zip(persons, ("high", "mid", "low"), strict=True))
    )
    svc.enter_second_reading(
        uow, c2, h.session, "BBBB", dict(zip(persons, ("mid", "low", "none"), strict=True))
    )
    with pytest.raises(Conflict):
        svc.enter_second_reading(uow, c1, h.session, "BBBB", dict.fromkeys(persons, "mid"))
    state = svc.reconciliation(uow, h.session)
    assert [(d.serial, d.order, d.machine, d.second) for d in state.disagreements] == [
        ("BBBB", 2, "mid", "low")
    ]
    with pytest.raises(Conflict):
        svc.certify(uow, c1, h.session)
    with pytest.raises(Conflict) as no_such:
        svc.decide_disagreement(uow, c1, h.session, "BBBB", 1, "mid")
    assert no_such.value.code == "paper_no_disagreement"
    svc.decide_disagreement(uow, c1, h.session, "BBBB", 2, "mid", "xem phiếu gốc")
    assert svc.certify(uow, c1, h.session) == 2
    readings = uow.votes.paper_readings(h.session)
    assert sorted(readings) == [1, 2]
    assert [readings[n].lines[persons[1]] for n in (1, 2)] == [LineReading.MID, LineReading.MID]
    assert readings[2].lines[persons[2]] is LineReading.NONE
    with pytest.raises(Conflict) as again:
        svc.certify(uow, c1, h.session)
    assert again.value.code == "paper_readings_exist"
    with pytest.raises(Conflict):
        read(h, uow, sheet("CCCC", ("high", "high", "high")))


def test_more_ballots_read_than_paper_ballots_issued_are_refused() -> None:
    h, uow = closed(paper=1)
    c1, c2 = h.counters
    persons = [s.person_id for s in uow.votes.subjects(h.session)]
    read(h, uow, sheet("AAAA", ("high",) * 3), sheet("BBBB", ("high",) * 3))
    for serial in ("AAAA", "BBBB"):
        svc.enter_second_reading(uow, c2, h.session, serial, dict.fromkeys(persons, "high"))
    with pytest.raises(ValidationError) as refused:
        svc.certify(uow, c1, h.session)
    assert refused.value.code == "collected_exceeds_issued"
    assert not uow.votes.paper_readings(h.session)
