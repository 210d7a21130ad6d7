"""Secrecy by construction: after a vote, nothing stored or logged links a voter to a ballot.

The test knows which delegate received which code (it checked them in), casts in a known
order, then dumps every table with ``dumpdata`` (while the vote runs and after the count) and
captures every log record, and shows that no value ties a person, a convocation, a check-in or
a participation to a code, a sealed ballot, an opened ballot or a receipt: no shared ids, no
time, no cast order, no clear marks before the count. The attack on the storage itself (the
write-ahead log, PostgreSQL's transaction ids and pages) is ``tests/e2e/test_secrecy_attack.py``.
"""

from __future__ import annotations

import io
import json
import logging
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db import models as dj

from canbo.audit.models import AuditEntry
from canbo.core.errors import Conflict, ValidationError
from canbo.services.ports import SYSTEM
from canbo.services.voting import conferences as conf_svc
from canbo.services.voting import sessions as vote_svc
from canbo.voting import models
from canbo.voting.uow import DjangoVotingUnitOfWork as U

from .voting_builders import check_in, close_and_count, hall, open_vote

pytestmark = pytest.mark.django_db(transaction=True)

LEVELS = ("high", "mid", "low")


def dump() -> list[dict[str, Any]]:
    """Every table of every installed app (models whose app has no migration yet are skipped)."""
    tables = set(connection.introspection.table_names())
    missing = [m._meta.label for m in apps.get_models() if m._meta.db_table not in tables]
    out = io.StringIO()
    call_command("dumpdata", format="json", exclude=missing, stdout=out)
    return list(json.loads(out.getvalue()))


def values(record: dict[str, Any]) -> set[str]:
    """Every scalar in a dumped record, as text (ids, hashes, receipts, dates)."""
    found = {str(record["pk"])}
    stack: list[Any] = [record["fields"]]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif item is not None:
            found.add(str(item))
    return found


def test_the_database_dump_and_the_logs_hold_no_link_between_voters_and_ballots(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    h = hall(convened=12)
    voters = h.persons[:10]
    codes = check_in(h, voters[:6], site=0) + check_in(h, voters[6:], site=1)
    open_vote(h)
    cast_order: list[str] = []
    for i, code in enumerate(codes):
        marks = {int(p): LEVELS[(i + j) % 3] for j, p in enumerate(h.subjects)}
        cast_order.append(vote_svc.cast_ballot(U(), h.session, code, marks))
    vote_svc.close_vote(U(), SYSTEM, h.session)

    running = dump()
    sealed = [r for r in running if r["model"] == "voting.sealedballot"]
    spent = [r for r in running if r["model"] == "voting.spentcode"]
    assert len(sealed) == len(codes) == len(spent)
    assert not [r for r in running if r["model"] == "voting.ballot"]
    # 1. While the vote runs a ballot is a sealed box: no receipt and no marks in clear.
    assert {frozenset(b["fields"]) for b in sealed} == {frozenset({"session", "box"})}
    running_text = json.dumps(running, ensure_ascii=False)
    assert not any(receipt in running_text for receipt in cast_order)
    # 2. A spent code is session + keyed hash with a random id; a code never cast leaves
    #    nothing, and check-in stored no code at all.
    assert {frozenset(c["fields"]) for c in spent} == {frozenset({"session", "code_hash"})}
    for code in codes:
        assert code not in running_text
    close_and_count(h)
    records = dump()
    logs = "\n".join(r.getMessage() for r in caplog.records)
    ballots = [r for r in records if r["model"] == "voting.ballot"]
    assert len(ballots) == len(codes)
    assert not [r for r in records if r["model"] in ("voting.sealedballot", "voting.spentcode")]
    # 3. An opened ballot row is session + random id + random receipt + marks; nothing else.
    assert {frozenset(b["fields"]) for b in ballots} == {frozenset({"session", "receipt", "marks"})}
    # 4. No model that a voter touches has a timestamp; no voting table stores a time at all.
    for model in (models.Ballot, models.SealedBallot, models.SpentCode, models.Participation):
        assert not [f for f in model._meta.get_fields() if isinstance(f, dj.DateTimeField)]
    # 5. Ballot ids and receipts are not in cast order (dumpdata orders by primary key).
    dumped_receipts = [b["fields"]["receipt"] for b in ballots]
    assert dumped_receipts != cast_order
    assert sorted(dumped_receipts) != cast_order or len(cast_order) < 2
    # 6. No ballot value (id, receipt) appears anywhere else in the dump or in the logs, and no
    #    clear code is stored or logged.
    session_id = str(h.session)
    for ballot in ballots:
        own = {str(ballot["pk"]), ballot["fields"]["receipt"]}
        others = [r for r in records if r is not ballot]
        for value in own:
            assert not any(value in values(r) for r in others), value
            assert value not in logs
    text = json.dumps(records, ensure_ascii=False)
    for code in codes:
        assert code not in text and code not in logs
    # 7. Participation says who received a code (attendance), and shares nothing with ballots.
    participations = [r for r in records if r["model"] == "voting.participation"]
    assert len(participations) == len(voters)
    shared = set().union(*(values(p) for p in participations)) & set().union(
        *(values(b) for b in ballots)
    )
    assert shared == {session_id}
    # 8. Casting wrote nothing to the audit log.
    actions = [r["fields"]["action"] for r in records if r["model"] == "audit.auditentry"]
    assert "vote.cast" not in actions and actions.count("conference.check_in") == len(voters)
    assert actions[-3:] == ["vote.open", "vote.close", "vote.count"]


def test_no_code_is_stored_at_check_in_or_slip_printing_in_either_mode() -> None:
    h = hall(convened=9)
    slips = vote_svc.print_slips(U(), SYSTEM, h.session, 6)
    for i, person in enumerate(h.persons[:7]):
        result = conf_svc.check_in(U(), SYSTEM, h.sites[0], person_id=person, preprinted=i < 4)
        assert bool(result.codes) is (i >= 4)
    assert not models.SpentCode.objects.exists() and not models.SealedBallot.objects.exists()
    assert models.Participation.objects.filter(medium="electronic").count() == 7
    assert models.VoteSession.objects.get(pk=h.session).slips_printed == 6
    open_vote(h)
    marks = {int(p): "mid" for p in h.subjects}
    receipts = [vote_svc.cast_ballot(U(), h.session, code, marks) for code in slips[:4]]
    assert models.SealedBallot.objects.count() == models.SpentCode.objects.count() == 4
    assert sorted(close_and_count(h)) == sorted(receipts)


def test_more_electronic_ballots_than_delegates_given_a_code_are_refused() -> None:
    h = hall(convened=9)
    slips = vote_svc.print_slips(U(), SYSTEM, h.session, 9)
    for person in h.persons[:6]:
        conf_svc.check_in(U(), SYSTEM, h.sites[0], person_id=person, preprinted=True)
    open_vote(h)
    marks = {int(p): "high" for p in h.subjects}
    for code in slips[:6]:
        vote_svc.cast_ballot(U(), h.session, code, marks)
    with pytest.raises(Conflict) as refused:
        vote_svc.cast_ballot(U(), h.session, slips[6], marks)  # a slip nobody was handed
    assert refused.value.code == "ballots_exceed_recipients"
    assert refused.value.citation is not None and refused.value.citation.rule_id == "CV-15"
    assert models.SealedBallot.objects.count() == 6


def test_slips_are_capped_by_the_number_convened_unless_a_reason_is_audited() -> None:
    h = hall(convened=9)
    vote_svc.print_slips(U(), SYSTEM, h.session, 8)
    with pytest.raises(ValidationError) as refused:
        vote_svc.print_slips(U(), SYSTEM, h.session, 2)
    assert refused.value.code == "slips_exceed_convened"
    assert refused.value.fields["convened"] == 9 and refused.value.fields["printed"] == 8
    assert models.VoteSession.objects.get(pk=h.session).slips_printed == 8
    extra = vote_svc.print_slips(U(), SYSTEM, h.session, 2, reason="Hai phiếu mã bị rách")
    assert len(extra) == 2
    entry = AuditEntry.objects.filter(action="vote.slips").order_by("-seq").first()
    assert entry is not None
    details = json.loads(entry.details)
    assert details["over_cap"] == 1 and details["reason"] == "Hai phiếu mã bị rách"


def test_an_election_round_keeps_the_same_secrecy(caplog: pytest.LogCaptureFixture) -> None:
    """The same checks for strike-out ballots cast on phones in an election session."""
    from canbo.services.voting import count as count_svc
    from canbo.services.voting.ports import Medium

    from .voting_election_builders import codes as election_codes
    from .voting_election_builders import election, open_election

    caplog.set_level(logging.DEBUG)
    h = hall(convened=12)
    candidates = h.persons[:5]
    sid = election(h, candidates, 3)
    voters = h.persons[:10]
    codes = election_codes(h, sid, voters, Medium.ELECTRONIC)
    shares = open_election(h, sid)
    cast_order = [
        vote_svc.cast_ballot(U(), sid, code, {int(candidates[i % 5]): "struck"})
        for i, code in enumerate(codes)
    ]
    vote_svc.close_vote(U(), SYSTEM, sid)
    running = dump()
    sealed = [r for r in running if r["model"] == "voting.sealedballot"]
    assert len(sealed) == len(codes)
    assert {frozenset(b["fields"]) for b in sealed} == {frozenset({"session", "box"})}
    running_text = json.dumps(running, ensure_ascii=False)
    assert not any(receipt in running_text for receipt in cast_order)
    assert not any(code in running_text for code in codes)
    count_svc.count(U(), h.counters[0], sid, shares)
    records = dump()
    logs = "\n".join(r.getMessage() for r in caplog.records)
    ballots = [r for r in records if r["model"] == "voting.ballot"]
    assert len(ballots) == len(codes)
    assert {frozenset(b["fields"]) for b in ballots} == {frozenset({"session", "receipt", "marks"})}
    assert [b["fields"]["receipt"] for b in ballots] != cast_order
    for ballot in ballots:
        own = {str(ballot["pk"]), ballot["fields"]["receipt"]}
        for value in own:
            assert not any(value in values(r) for r in records if r is not ballot), value
            assert value not in logs
    participations = [r for r in records if r["model"] == "voting.participation"]
    mine = [p for p in participations if p["fields"]["session"] == sid]
    shared = set().union(*(values(p) for p in mine)) & set().union(*(values(b) for b in ballots))
    assert shared == {str(sid)}
    actions = [r["fields"]["action"] for r in records if r["model"] == "audit.auditentry"]
    assert "vote.cast" not in actions and actions[-1] == "vote.count"


def test_a_round_handed_out_after_check_in_keeps_the_same_secrecy(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A session created while the delegates are in the hall gets its codes from the hand-out:
    nothing stored or logged ties a person to a code, a receipt or a ballot, and the audit
    entry of the hand-out holds counts only."""
    from canbo.services.voting import count as count_svc
    from canbo.services.voting.ports import Medium

    from .voting_election_builders import election, open_election

    caplog.set_level(logging.DEBUG)
    h = hall(convened=12)
    check_in(h, h.persons[:6], site=0)
    check_in(h, h.persons[6:10], site=1)
    candidates = h.persons[:5]
    sid = election(h, candidates, 3)
    given = conf_svc.hand_out(U(), SYSTEM, sid, medium=Medium.ELECTRONIC, preprinted=False)
    codes = list(given.codes)
    assert len(codes) == 10
    handed = dump()
    handed_text = json.dumps(handed, ensure_ascii=False)
    assert not any(code in handed_text for code in codes)  # nothing minted is stored
    shares = open_election(h, sid)
    cast_order = [
        vote_svc.cast_ballot(U(), sid, code, {int(candidates[i % 5]): "struck"})
        for i, code in enumerate(codes)
    ]
    vote_svc.close_vote(U(), SYSTEM, sid)
    count_svc.count(U(), h.counters[0], sid, shares)
    records = dump()
    logs = "\n".join(r.getMessage() for r in caplog.records)
    text = json.dumps(records, ensure_ascii=False)
    assert not any(code in text or code in logs for code in codes)
    ballots = [
        r for r in records if r["model"] == "voting.ballot" and r["fields"]["session"] == sid
    ]
    assert len(ballots) == len(codes)
    assert [b["fields"]["receipt"] for b in ballots] != cast_order
    for ballot in ballots:
        for value in (str(ballot["pk"]), ballot["fields"]["receipt"]):
            assert not any(value in values(r) for r in records if r is not ballot), value
            assert value not in logs
    mine = [
        p for p in records
        if p["model"] == "voting.participation" and p["fields"]["session"] == sid
    ]  # fmt: skip
    assert len(mine) == 10
    shared = set().union(*(values(p) for p in mine)) & set().union(*(values(b) for b in ballots))
    assert shared == {str(sid)}
    entry = next(
        r for r in records
        if r["model"] == "audit.auditentry" and r["fields"]["action"] == "vote.hand_out"
    )  # fmt: skip
    details = entry["fields"]["details"]
    details = json.loads(details) if isinstance(details, str) else details
    assert details == {  # counts only: no person, convocation or code
        "medium": "electronic",
        "preprinted": False,
        "listed": False,
        "handed": 10,
        "already": 0,
        "present": 10,
    }
    assert not any(str(entry["fields"].get(k)) in codes for k in entry["fields"])
