"""On SQLite, vote transactions wait in line for a writer of another process, then proceed.

The other process is stood in for by a second descriptor holding the ``flock`` of the lock
file beside the database; a cast started meanwhile waits (rather than failing or polling) and
completes as soon as the lock is released. Stored ballots keep the compact marks encoding.
"""

from __future__ import annotations

import fcntl
import os
import threading

import pytest
from django.db import connection

from canbo.services.voting import sessions as vote_svc
from canbo.voting import models
from canbo.voting.uow import DjangoVotingUnitOfWork as U
from canbo.voting.uow import SqliteWriteQueue

from .voting_builders import check_in, close_and_count, hall, open_vote

pytestmark = pytest.mark.django_db(transaction=True)
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the queue is for SQLite writers"
)


@sqlite_only
def test_a_cast_waits_for_a_writer_of_another_process_and_then_succeeds() -> None:
    h = hall()
    codes = check_in(h, h.persons[:7])
    open_vote(h)
    marks = {int(p): "high" for p in h.subjects}
    other = os.open(str(connection.settings_dict["NAME"]) + ".write-lock", os.O_RDWR)
    fcntl.flock(other, fcntl.LOCK_EX)
    receipts: list[str] = []

    def cast() -> None:
        try:
            receipts.append(vote_svc.cast_ballot(U(), h.session, codes[0], marks))
        finally:
            connection.close()

    thread = threading.Thread(target=cast)
    thread.start()
    thread.join(timeout=0.5)
    assert thread.is_alive() and receipts == []
    fcntl.flock(other, fcntl.LOCK_UN)
    os.close(other)
    thread.join(timeout=30)
    assert len(receipts) == 1
    assert close_and_count(h) == receipts


@sqlite_only
def test_the_lock_is_free_again_after_a_refused_cast() -> None:
    h = hall()
    check_in(h, h.persons[:7])
    open_vote(h)
    with pytest.raises(Exception, match="code_unknown"):
        vote_svc.cast_ballot(U(), h.session, "AAAABBBBCCCC", {})
    probe = os.open(str(connection.settings_dict["NAME"]) + ".write-lock", os.O_RDWR)
    try:
        fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises if still held
    finally:
        os.close(probe)
    queue = SqliteWriteQueue()
    queue.acquire()
    queue.release()


def test_a_stored_ballot_holds_one_symbol_per_person_in_person_id_order() -> None:
    h = hall()
    codes = check_in(h, h.persons[:7])
    open_vote(h)
    ordered = sorted(int(p) for p in h.subjects)
    marks = {ordered[0]: "low", ordered[-1]: "mid"}
    vote_svc.cast_ballot(U(), h.session, codes[0], marks)
    close_and_count(h)
    stored = models.Ballot.objects.get().marks
    assert len(stored) == len(ordered)
    assert stored[0] == "L" and stored[-1] == "M" and set(stored[1:-1]) <= {"-"}
