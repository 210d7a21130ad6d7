"""A confidence vote from draft to published, with electronic and paper ballots."""

from __future__ import annotations

import pytest

from canbo.audit.models import AuditEntry
from canbo.core.errors import Conflict, PermissionDenied, RuleViolation, ValidationError
from canbo.core.types import AccountId, Role
from canbo.services.ports import SYSTEM, Actor, Grant
from canbo.services.voting import count as count_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import (
    LineReading,
    Medium,
    PaperMode,
    PaperReading,
    PaperTotals,
    PersonTotals,
    Status,
)
from canbo.voting import models
from canbo.voting.uow import DjangoVotingUnitOfWork as U
from canbo.voting.uow import KeyedCodes

from .voting_builders import Hall, check_in, hall, make_key, open_vote, plan

pytestmark = pytest.mark.django_db(transaction=True)

H, M, L = "high", "mid", "low"


def reading(h: Hall, serial: int, *levels: LineReading) -> PaperReading:
    return PaperReading(serial, dict(zip((int(p) for p in h.subjects), levels, strict=True)))


def marks(h: Hall, *levels: str) -> dict[int, str]:
    return dict(zip((int(p) for p in h.subjects), levels, strict=True))


def status(h: Hall) -> Status:
    return Status(models.VoteSession.objects.get(pk=h.session).status)


def test_a_vote_runs_from_draft_to_published_with_electronic_and_paper_ballots() -> None:
    h = hall()
    codes = check_in(h, h.persons[:4], site=0) + check_in(h, h.persons[4:5], site=1)
    check_in(h, h.persons[5:7], Medium.PAPER, site=1)
    open_vote(h)
    for code, choice in zip(
        codes, [(H, H, L), (H, M, L), (M, M, L), (H, L, L), (H, H, M)], strict=True
    ):
        vote_svc.cast_ballot(U(), h.session, code, marks(h, *choice))
    vote_svc.close_vote(U(), SYSTEM, h.session)
    c1, c2 = h.counters
    hi, mi, lo, st = LineReading.HIGH, LineReading.MID, LineReading.LOW, LineReading.STRUCK
    assert count_svc.enter_paper_ballot(U(), c1, h.session, 1, reading(h, 1, hi, mi, lo)) is False
    assert count_svc.enter_paper_ballot(U(), c2, h.session, 2, reading(h, 1, hi, mi, lo)) is True
    count_svc.enter_paper_ballot(U(), c1, h.session, 1, reading(h, 2, hi, hi, lo))
    count_svc.enter_paper_ballot(U(), c2, h.session, 2, reading(h, 2, hi, st, lo))
    assert [d.serial for d in count_svc.discrepancies(U(), h.session)] == [2]
    with pytest.raises(Conflict) as refused:
        count_svc.count(U(), c1, h.session, h.shares)
    assert refused.value.code == "paper_discrepancies"
    count_svc.resolve(U(), c1, h.session, reading(h, 2, hi, st, lo))
    data = count_svc.count(U(), c1, h.session, h.shares)
    assert data["figures"]["issued"] == 7 and data["figures"]["collected"] == 7
    by_id = {p["person_id"]: p for p in data["persons"]}
    first, second, third = (by_id[int(p)] for p in h.subjects)
    assert [p["full_name"] for p in data["persons"]] == [
        "Trần Văn Bình",
        "Lê Minh Châu",
        "Nguyễn Thị Hoa",
    ]  # official order: by given name
    assert (first["high"], first["mid"], first["low"], first["invalid"]) == (6, 1, 0, 0)
    assert (second["high"], second["mid"], second["low"], second["invalid"]) == (2, 3, 1, 1)
    assert (third["low"], third["band"]) == (6, "C")
    assert third["percent"]["low"] == "85,71%"
    assert count_svc.sign(U(), c1, h.session) is False
    assert status(h) is Status.COUNTED
    assert count_svc.sign(U(), c2, h.session) is True
    count_svc.publish(U(), c1, h.session)
    assert status(h) is Status.PUBLISHED
    assert len(models.Ballot.objects.filter(session_id=h.session)) == 5


def test_readiness_lists_every_blocking_issue_at_once() -> None:
    h = hall()
    empty = vote_svc.SessionPlan(title="Phiếu thử", subjects=[], counters=[])
    sid = vote_svc.create_session(U(), SYSTEM, h.conference, empty)
    with pytest.raises(Conflict) as refused:
        vote_svc.mark_ready(U(), SYSTEM, sid)
    codes = {i["code"] for i in refused.value.fields["issues"]}
    assert codes == {
        "no_subjects",
        "no_counting_committee",
        "dossier_date_missing",
        "questions_date_missing",
    }
    assert models.VoteSession.objects.get(pk=sid).status == Status.DRAFT


def test_a_vote_cannot_open_without_two_thirds_present_and_the_reason_is_given() -> None:
    h = hall(convened=9)
    check_in(h, h.persons[:5])
    vote_svc.mark_ready(U(), SYSTEM, h.session)
    with pytest.raises(RuleViolation) as refused:
        vote_svc.open_vote(U(), SYSTEM, h.session)
    err = refused.value
    assert (err.code, err.fields["present"], err.fields["convened"], err.fields["needed"]) == (
        "quorum_not_met",
        5,
        9,
        6,
    )
    assert err.citation is not None and err.citation.rule_id == "CV-07"
    assert status(h) is Status.READY
    check_in(h, h.persons[5:6])
    with pytest.raises(Conflict) as keyless:
        vote_svc.open_vote(U(), SYSTEM, h.session)
    assert keyless.value.code == "ballot_key_missing"
    make_key(h)
    vote_svc.open_vote(U(), SYSTEM, h.session)
    assert status(h) is Status.OPEN


def test_reused_unknown_and_late_codes_are_refused_and_change_nothing() -> None:
    h = hall()
    codes = check_in(h, h.persons[:7])
    open_vote(h)
    vote_svc.cast_ballot(U(), h.session, codes[0], marks(h, H, H, H))
    with pytest.raises(Conflict) as reused:
        vote_svc.cast_ballot(U(), h.session, codes[0].lower(), marks(h, L, L, L))
    assert reused.value.code == "code_already_used"
    with pytest.raises(ValidationError) as unknown:
        vote_svc.cast_ballot(U(), h.session, "AAAA-BBBB-CCCC", marks(h, L, L, L))
    assert unknown.value.code == "code_unknown"
    with pytest.raises(ValidationError):
        vote_svc.cast_ballot(U(), h.session, codes[1], {999: "low"})
    forged = codes[1][:-1] + ("A" if codes[1][-1] != "A" else "B")
    with pytest.raises(ValidationError) as tampered:
        vote_svc.cast_ballot(U(), h.session, forged, marks(h, L, L, L))
    assert tampered.value.code == "code_unknown"
    other_vote = vote_svc.create_session(
        U(), SYSTEM, h.conference, plan(h.subjects, h.counters, title="Phiếu khác")
    )
    assert not KeyedCodes().is_genuine(other_vote, codes[1])  # a code works for its vote only
    assert models.SpentCode.objects.count() == 1
    assert models.SealedBallot.objects.count() == 1
    vote_svc.close_vote(U(), SYSTEM, h.session)
    with pytest.raises(Conflict) as late:
        vote_svc.cast_ballot(U(), h.session, codes[1], marks(h, L, L, L))
    assert late.value.code == "vote_not_open"
    assert models.SealedBallot.objects.count() == 1
    assert models.SpentCode.objects.count() == 1


def test_totals_that_exceed_the_ballots_collected_are_refused() -> None:
    h = hall(paper_mode=PaperMode.TOTALS)
    check_in(h, h.persons[:4])
    check_in(h, h.persons[4:7], Medium.PAPER)
    open_vote(h)
    vote_svc.close_vote(U(), SYSTEM, h.session)
    ok = PersonTotals(2, 1, 0, 0)
    too_many = PaperTotals(
        3,
        {
            int(h.subjects[0]): PersonTotals(2, 1, 1, 0),
            int(h.subjects[1]): ok,
            int(h.subjects[2]): ok,
        },
    )
    with pytest.raises(ValidationError) as refused:
        count_svc.enter_totals(U(), h.counters[0], h.session, too_many)
    assert refused.value.code == "counts_exceed_collected"
    over_issued = PaperTotals(4, {int(p): ok for p in h.subjects})
    with pytest.raises(ValidationError) as refused:
        count_svc.enter_totals(U(), h.counters[0], h.session, over_issued)
    assert refused.value.code == "collected_exceeds_issued"
    assert models.PaperTotals.objects.count() == 0
    count_svc.enter_totals(
        U(), h.counters[0], h.session, PaperTotals(3, {int(p): ok for p in h.subjects})
    )
    data = count_svc.count(U(), h.counters[0], h.session, h.shares)
    assert data["figures"] == {
        "issued": 7,
        "collected": 3,
        "electronic": 0,
        "paper": 3,
        "convened": 9,
        "members": None,
    }


def test_only_counting_members_sign_and_a_correction_is_a_new_version_with_its_reason() -> None:
    h = hall(paper_mode=PaperMode.TOTALS)
    codes = check_in(h, h.persons[:3])
    check_in(h, h.persons[3:7], Medium.PAPER)
    open_vote(h)
    for code in codes:
        vote_svc.cast_ballot(U(), h.session, code, marks(h, H, M, L))
    vote_svc.close_vote(U(), SYSTEM, h.session)
    first = PaperTotals(4, {int(p): PersonTotals(4, 0, 0, 0) for p in h.subjects})
    count_svc.enter_totals(U(), h.counters[0], h.session, first)
    count_svc.count(U(), h.counters[0], h.session, h.shares)
    staff = SYSTEM.__class__(999_999, "khach", ())
    with pytest.raises(PermissionDenied):
        count_svc.sign(U(), staff, h.session)
    for c in h.counters:
        count_svc.sign(U(), c, h.session)
    fixed = PaperTotals(4, {**first.counts, int(h.subjects[2]): PersonTotals(1, 0, 3, 0)})
    number = count_svc.correct(
        U(), h.counters[0], h.session, "Cộng nhầm phiếu của người thứ ba", totals=fixed
    )
    assert number == 2 and status(h) is Status.COUNTED
    versions = list(models.ResultVersion.objects.filter(session_id=h.session))
    assert [(v.number, v.certified) for v in versions] == [(1, True), (2, False)]
    third = str(int(h.subjects[2]))
    low = {v.number: {str(p["person_id"]): p["low"] for p in v.data["persons"]} for v in versions}
    assert (low[1][third], low[2][third]) == (3, 6)
    entry = AuditEntry.objects.get(action="vote.correct")
    assert "Cộng nhầm" in entry.details
    for c in h.counters:
        count_svc.sign(U(), c, h.session)
    assert status(h) is Status.CERTIFIED
    assert models.Ballot.objects.count() == 3


def test_a_new_counting_committee_voids_the_key_and_must_make_its_own() -> None:
    h = hall()
    check_in(h, h.persons[:7])
    make_key(h)
    vote_svc.update_session(U(), SYSTEM, h.session, plan(h.subjects, h.counters[:1]))
    assert models.VoteSession.objects.get(pk=h.session).ballot_key == ""
    vote_svc.mark_ready(U(), SYSTEM, h.session)
    with pytest.raises(Conflict) as refused:
        vote_svc.open_vote(U(), SYSTEM, h.session)
    assert refused.value.code == "ballot_key_missing"
    key = vote_svc.make_ballot_key(U(), h.counters[0], h.session)
    assert len(key.shares) == 1 and key.threshold == 1
    vote_svc.open_vote(U(), SYSTEM, h.session)


def test_only_a_member_of_the_counting_committee_makes_the_key_and_only_before_opening() -> None:
    h = hall()
    check_in(h, h.persons[:7])
    staff = Actor(None, "bantochuc", (Grant(Role.ORG_STAFF, h.unit),))
    with pytest.raises(PermissionDenied):
        vote_svc.make_ballot_key(U(), Actor(AccountId(10**6), "x", staff.grants), h.session)
    open_vote(h)
    with pytest.raises(Conflict) as refused:
        vote_svc.make_ballot_key(U(), h.counters[0], h.session)
    assert refused.value.code == "vote_wrong_status"
