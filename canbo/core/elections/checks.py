"""The reconciliation checks of the counting minutes (EL-30), each one named and cited.

Every check is a :class:`Check`: a stable key (``rule``), whether it holds, the message code
worded in :mod:`canbo.refusals`, the figures the message needs, and the clause. A failed check
blocks the minutes; the message names the check. Pure: no Django, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from canbo.core.errors import Citation

ISSUED_WITHIN_CONVENED = "issued_within_convened"
COLLECTED_WITHIN_ISSUED = "collected_within_issued"
VALID_PLUS_INVALID = "valid_plus_invalid_is_collected"
VOTES_WITHIN_VALID = "votes_within_valid"
VOTES_WITHIN_SEATS = "votes_within_seats_times_valid"
ELECTED_OVER_HALF = "elected_over_half"
SUBTRACTIONS_LISTED = "subtractions_listed"

MESSAGES = {
    ISSUED_WITHIN_CONVENED: "election_issued_exceeds_convened",
    COLLECTED_WITHIN_ISSUED: "election_collected_exceeds_issued",
    VALID_PLUS_INVALID: "election_valid_invalid_not_collected",
    VOTES_WITHIN_VALID: "election_votes_exceed_valid",
    VOTES_WITHIN_SEATS: "election_votes_exceed_seats_times_valid",
    ELECTED_OVER_HALF: "election_elected_not_over_half",
    SUBTRACTIONS_LISTED: "election_subtractions_not_listed",
}
"""Check key -> message code of the failed check (the passed check reads ``"ok"``)."""


@dataclass(frozen=True, slots=True)
class BallotFigures:
    """The ballot figures of one round: issued, collected, valid and invalid ballots."""

    issued: int
    collected: int
    valid: int
    invalid: int

    def as_dict(self) -> dict[str, int]:
        return {
            "issued": self.issued,
            "collected": self.collected,
            "valid": self.valid,
            "invalid": self.invalid,
        }


@dataclass(frozen=True, slots=True)
class CandidateVotes:
    """One name on the ballot with the votes it got (``person_id`` None offline)."""

    name: str
    votes: int
    person_id: int | None = None


@dataclass(frozen=True, slots=True)
class Check:
    """One EL-30 check: ``rule`` is the check's key, ``message`` its message code."""

    rule: str
    ok: bool
    message: str
    citation: Citation
    fields: Mapping[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "ok": self.ok,
            "message": self.message,
            "fields": dict(self.fields),
            "citation": self.citation.as_dict(),
        }


def el30(document: str, rule_id: str = "EL-30") -> Citation:
    return Citation(document, rule_id=rule_id)


def check(rule: str, ok: bool, cite: Citation, **fields: Any) -> Check:
    """A check with the message code of its key (``"ok"`` when it holds)."""
    return Check(rule, ok, "ok" if ok else MESSAGES[rule], cite, fields)


def issued_check(figures: BallotFigures, convened: int, document: str) -> Check:
    """Ballots go only to those who elect: the official members or delegates convened (EL-19,
    EL-20), or the members of the electing body (EL-21). More ballots issued than people
    convened means someone voted who may not (an alternate not seated, a guest, the whole
    congress voting where only the new committee elects): the minutes are refused (EL-30)."""
    return check(
        ISSUED_WITHIN_CONVENED,
        figures.issued <= convened,
        el30(document),
        issued=figures.issued,
        convened=convened,
    )


def reconcile(
    figures: BallotFigures,
    candidates: Sequence[CandidateVotes],
    seats: int,
    *,
    document: str = "QĐ 190-QĐ/TW",
) -> tuple[Check, ...]:
    """The arithmetic checks of EL-30 on the figures and the candidates in ballot order.

    ``collected <= issued``; ``valid + invalid == collected``; every candidate's votes
    ``<= valid``; on a strike-out ballot ``sum(votes) <= seats * valid`` (``seats`` is the
    number of names a valid ballot may keep).
    """
    cite = el30(document)
    over = [c.name for c in candidates if c.votes > figures.valid]
    total = sum(c.votes for c in candidates)
    return (
        check(
            COLLECTED_WITHIN_ISSUED,
            figures.collected <= figures.issued,
            cite,
            issued=figures.issued,
            collected=figures.collected,
        ),
        check(
            VALID_PLUS_INVALID,
            figures.valid + figures.invalid == figures.collected,
            cite,
            valid=figures.valid,
            invalid=figures.invalid,
            collected=figures.collected,
        ),
        check(VOTES_WITHIN_VALID, not over, cite, names=over, valid=figures.valid),
        check(
            VOTES_WITHIN_SEATS,
            total <= seats * figures.valid,
            cite,
            total=total,
            seats=seats,
            valid=figures.valid,
            limit=seats * figures.valid,
        ),
    )


CHECK_LABELS_VI: dict[str, str] = {
    ISSUED_WITHIN_CONVENED: "Số phiếu phát ra không vượt số người có quyền bầu được triệu tập",
    COLLECTED_WITHIN_ISSUED: "Số phiếu thu vào không vượt số phiếu phát ra",
    VALID_PLUS_INVALID: "Phiếu hợp lệ cộng phiếu không hợp lệ bằng số phiếu thu vào",
    VOTES_WITHIN_VALID: "Số phiếu của mỗi người không vượt số phiếu hợp lệ",
    VOTES_WITHIN_SEATS: "Tổng số phiếu bầu không vượt số lượng cần bầu nhân số phiếu hợp lệ",
    ELECTED_OVER_HALF: "Mỗi người trúng cử được quá một nửa so với căn cứ tính",
    SUBTRACTIONS_LISTED: "Danh sách người bị trừ khỏi căn cứ tính kèm theo biên bản",
}
CHECK_LABELS_EN: dict[str, str] = {
    ISSUED_WITHIN_CONVENED: "Ballots issued do not exceed the voters convened",
    COLLECTED_WITHIN_ISSUED: "Ballots collected do not exceed ballots issued",
    VALID_PLUS_INVALID: "Valid plus invalid ballots equal the ballots collected",
    VOTES_WITHIN_VALID: "No candidate has more votes than there are valid ballots",
    VOTES_WITHIN_SEATS: "The votes add up to at most the number to elect times the valid ballots",
    ELECTED_OVER_HALF: "Everyone elected has more than half of the base",
    SUBTRACTIONS_LISTED: "The people taken out of the base are listed with the minutes",
}
"""What each check verifies, for documents and pages (Vietnamese first)."""
