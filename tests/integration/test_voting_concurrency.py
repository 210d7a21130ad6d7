"""One ballot per code under concurrency: threads race to cast with the same code.

Runs on SQLite by default and on PostgreSQL when DATABASE_URL is set (tests/conftest.py). The
spent-code hash is inserted under a unique key (INSERT ... ON CONFLICT DO NOTHING): on
PostgreSQL the competing inserts wait for the first to commit and then insert nothing, so
exactly one thread wins; SQLite serializes writers.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection

from canbo.core.errors import Conflict
from canbo.services.ports import SYSTEM
from canbo.services.voting import sessions as vote_svc
from canbo.voting import models
from canbo.voting.uow import DjangoVotingUnitOfWork as U

from .voting_builders import check_in, close_and_count, hall, open_vote

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 8


def race(
    work: Callable[[int], str], threads: int = THREADS
) -> tuple[list[str], list[BaseException]]:
    """Start every thread at once behind a barrier; collect results and refusals."""
    barrier = threading.Barrier(threads)
    done: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run(i: int) -> None:
        try:
            barrier.wait()
            out = work(i)
            with lock:
                done.append(out)
        except BaseException as exc:
            with lock:
                errors.append(exc)
        finally:
            connection.close()

    started = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for t in started:
        t.start()
    for t in started:
        t.join(timeout=120)
    return done, errors


def test_one_code_cast_from_eight_threads_at_once_yields_exactly_one_ballot() -> None:
    h = hall()
    codes = check_in(h, h.persons[:7])
    open_vote(h)
    marks = {int(p): "high" for p in h.subjects}
    receipts, errors = race(lambda i: vote_svc.cast_ballot(U(), h.session, codes[0], marks))
    assert len(receipts) == 1
    assert len(errors) == THREADS - 1
    assert all(isinstance(e, Conflict) and e.code == "code_already_used" for e in errors), errors
    assert models.SpentCode.objects.count() == 1
    assert models.SealedBallot.objects.count() == 1
    assert close_and_count(h) == receipts


# PostgreSQL's default limit is 100 connections, one per thread here.
MANY = 200 if connection.vendor == "sqlite" else 80


def test_one_code_cast_from_many_threads_at_once_yields_exactly_one_ballot() -> None:
    h = hall()
    codes = check_in(h, h.persons[:7])
    open_vote(h)
    marks = {int(p): "low" for p in h.subjects}
    receipts, errors = race(lambda i: vote_svc.cast_ballot(U(), h.session, codes[3], marks), MANY)
    assert len(receipts) == 1 and len(errors) == MANY - 1
    assert all(isinstance(e, Conflict) and e.code == "code_already_used" for e in errors), errors
    assert models.SealedBallot.objects.count() == models.SpentCode.objects.count() == 1


def test_distinct_codes_cast_at_once_are_all_counted() -> None:
    h = hall(convened=12)
    codes = check_in(h, h.persons[:THREADS])
    open_vote(h)
    marks = {int(p): "mid" for p in h.subjects}
    receipts, errors = race(lambda i: vote_svc.cast_ballot(U(), h.session, codes[i], marks))
    assert errors == []
    assert sorted(receipts) == sorted(close_and_count(h))
    assert len(set(receipts)) == THREADS


def test_a_ballot_racing_the_close_is_either_counted_or_refused_never_lost() -> None:
    h = hall(convened=12)
    codes = check_in(h, h.persons[:THREADS])
    open_vote(h)
    marks = {int(p): "low" for p in h.subjects}

    def work(i: int) -> str:
        if i == 0:
            vote_svc.close_vote(U(), SYSTEM, h.session)
            return "closed"
        return vote_svc.cast_ballot(U(), h.session, codes[i], marks)

    done, errors = race(work)
    receipts = [r for r in done if r != "closed"]
    assert all(isinstance(e, Conflict) and e.code == "vote_not_open" for e in errors), errors
    assert models.SpentCode.objects.count() == len(receipts)
    assert models.SealedBallot.objects.count() == len(receipts)
    if receipts:  # the close may win before any cast: then there is nothing to count
        assert sorted(close_and_count(h)) == sorted(receipts)
