"""An election round in the conference hall of :mod:`tests.integration.voting_builders`: a
strike-out (or agree/disagree) session on some of the persons convened, the hall's two
counting accounts as the counting committee."""

from __future__ import annotations

from collections.abc import Sequence

from canbo.core.types import PersonId
from canbo.services.ports import SYSTEM
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import sessions as vote_svc
from canbo.services.voting.ports import (
    CommitteeMember,
    ElectionBallotKind,
    Medium,
    PaperMode,
    SessionId,
)
from canbo.voting.uow import DjangoVotingUnitOfWork as U

from .voting_builders import Hall

TITLE = "Bầu Ban Chấp hành Đảng bộ xã nhiệm kỳ 2025-2030"


def election(
    h: Hall,
    candidates: Sequence[PersonId],
    seats: int,
    kind: ElectionBallotKind = ElectionBallotKind.STRIKE_OUT,
    paper_mode: PaperMode = PaperMode.PER_BALLOT,
) -> SessionId:
    committee = [CommitteeMember(account_id=c.account_id) for c in h.counters]
    return vote_svc.create_election_session(
        U(), SYSTEM, h.conference, TITLE, "QD190_2024", candidates, seats, 0, kind,
        committee=committee, paper_mode=paper_mode,
    )  # fmt: skip


def codes(h: Hall, sid: SessionId, people: Sequence[PersonId], medium: Medium) -> list[str]:
    out: list[str] = []
    for p in people:
        result = conf_svc.check_in(U(), SYSTEM, h.sites[0], person_id=p, medium=medium)
        out.extend(c.code for c in result.codes if c.session_id == sid)
    return out


def open_election(h: Hall, sid: SessionId) -> tuple[str, ...]:
    vote_svc.mark_ready(U(), SYSTEM, sid)
    shares = vote_svc.make_ballot_key(U(), h.counters[0], sid).shares
    vote_svc.open_vote(U(), SYSTEM, sid)
    return shares
