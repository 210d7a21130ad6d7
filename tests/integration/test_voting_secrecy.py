"""Secrecy by construction: after a vote, nothing stored or logged links a voter to a ballot.

The test knows which delegate received which code (it checked them in), casts in a known
order, then dumps every table with ``dumpdata`` and captures every log record, and shows that
no value ties a person, a convocation, a check-in, a participation or a voter code to a ballot
or a receipt: no shared ids, no time, no cast order.
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

from canbo.services import conferences as conf_svc
from canbo.services import voting as vote_svc
from canbo.services.ports import SYSTEM
from canbo.voting import models
from canbo.voting.uow import VotingUnitOfWork as U

from .voting_builders import check_in, hall, open_vote

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

    records = dump()
    logs = "\n".join(r.getMessage() for r in caplog.records)
    ballots = [r for r in records if r["model"] == "voting.ballot"]
    vcodes = [r for r in records if r["model"] == "voting.votercode"]
    assert len(ballots) == len(codes) == len(vcodes)

    # 1. A ballot row is session + random id + random receipt + marks; nothing else.
    assert {frozenset(b["fields"]) for b in ballots} == {frozenset({"session", "receipt", "marks"})}
    # 2. A voter-code row is session + hash + used flag, with a random id; no person.
    assert {frozenset(c["fields"]) for c in vcodes} == {frozenset({"session", "code_hash", "used"})}
    # 3. No model that a voter touches has a timestamp; no voting table stores a time at all.
    for model in (models.Ballot, models.VoterCode, models.Participation):
        assert not [f for f in model._meta.get_fields() if isinstance(f, dj.DateTimeField)]
    # 4. Ballot ids and receipts are not in cast order (dumpdata orders by primary key).
    dumped_receipts = [b["fields"]["receipt"] for b in ballots]
    assert dumped_receipts != cast_order
    assert sorted(dumped_receipts) != cast_order or len(cast_order) < 2
    # 5. No ballot value (id, receipt) appears anywhere else in the dump or in the logs.
    session_id = str(h.session)
    for ballot in ballots:
        own = {str(ballot["pk"]), ballot["fields"]["receipt"]}
        others = [r for r in records if r is not ballot]
        for value in own:
            assert not any(value in values(r) for r in others), value
            assert value not in logs
    # 6. No code value (id, hash) appears anywhere else, and no clear code is stored or logged.
    text = json.dumps(records, ensure_ascii=False)
    for vcode in vcodes:
        for value in (str(vcode["pk"]), vcode["fields"]["code_hash"]):
            assert text.count(value) == 1
            assert value not in logs
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
    assert actions[-2:] == ["vote.open", "vote.close"]


def test_with_preprinted_slips_check_in_creates_no_code_at_all() -> None:
    h = hall(convened=9)
    slips = vote_svc.print_slips(U(), SYSTEM, h.session, 10)
    before = set(models.VoterCode.objects.values_list("pk", flat=True))
    for person in h.persons[:7]:
        result = conf_svc.check_in(U(), SYSTEM, h.sites[0], person_id=person, preprinted=True)
        assert result.codes == () and result.slip_sessions
    assert set(models.VoterCode.objects.values_list("pk", flat=True)) == before
    assert models.Participation.objects.filter(medium="electronic").count() == 7
    open_vote(h)
    marks = {int(p): "mid" for p in h.subjects}
    receipts = [vote_svc.cast_ballot(U(), h.session, code, marks) for code in slips[3:10]]
    assert models.Ballot.objects.count() == len(receipts) == 7
