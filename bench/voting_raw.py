"""Raw insert rates of ballot rows and the count of a million ballots, inside Django.

Both use a scratch vote session (a copy of the benchmark's session row and its 50 printed
lines, status *closed*) so that the benchmark's own ballots are left as they were. Rows are
written with the storage encoding of :class:`canbo.voting.models.Ballot`: the random UUID as
the database adapter prepares it, a 10-symbol receipt, the compact marks of
:func:`canbo.core.ballots.tally.encode_confidence_marks`.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.db import connection, transaction

from canbo.services.voter_codes import ALPHABET, CODE_LENGTH, RECEIPT_LENGTH
from canbo.services.voting_ports import SessionId, Status
from canbo.voting import models

LEVELS = bytes(b"HML"[b % 3] for b in range(255)) + b"H"  # byte → level, near uniform
SYMBOLS = bytes(ALPHABET.encode()[b % 32] for b in range(256))


def scratch_session(data_dir: str) -> tuple[int, int]:
    """A closed copy of the benchmark's session with the same printed lines; (id, width)."""
    fx = json.loads((Path(data_dir) / "fixture.json").read_text())
    source = models.VoteSession.objects.get(pk=fx["session"])
    subjects = list(models.VoteSubject.objects.filter(session=source))
    source.pk = None
    source.status = str(Status.CLOSED)
    source.title = "scratch (bench)"
    source.save()
    models.VoteSubject.objects.bulk_create(
        models.VoteSubject(session=source, person_id=s.person_id, position=s.position)
        for s in subjects
    )
    return source.pk, len(subjects)


def random_symbols(count: int, length: int) -> list[str]:
    """``count`` distinct strings of ``length`` symbols of the voter-code alphabet."""
    out: set[str] = set()
    while len(out) < count:
        need = count - len(out)
        text = os.urandom(need * length).translate(SYMBOLS).decode()
        out.update(text[i : i + length] for i in range(0, len(text), length))
    return list(out)[:count]


def ballot_rows(session_id: int, width: int, count: int) -> Iterator[tuple[Any, ...]]:
    """Rows (id, session, receipt, marks) as the ORM would write them."""
    field = models.Ballot._meta.get_field("id")
    marks = os.urandom(count * width).translate(LEVELS).decode()
    for i, receipt in enumerate(random_symbols(count, RECEIPT_LENGTH)):
        pk = field.get_db_prep_value(uuid.uuid4(), connection)
        yield pk, session_id, receipt, marks[i * width : (i + 1) * width]


INSERT = "INSERT INTO voting_ballot (id, session_id, receipt, marks) VALUES (%s, %s, %s, %s)"
USE_CODE = (
    "UPDATE voting_votercode SET used = %s WHERE session_id = %s AND code_hash = %s AND used = %s"
)


def _insert_sql() -> str:
    assert models.Ballot._meta.db_table == "voting_ballot"
    return INSERT


def _use_code_sql() -> str:
    assert models.VoterCode._meta.db_table == "voting_votercode"
    return USE_CODE


def _clear(session_id: int) -> None:
    models.Ballot.objects.filter(session_id=session_id).delete()


def raw_inserts(data_dir: str, count: int) -> dict[str, Any]:
    """Ballots/s of: one executemany in one transaction; one transaction per ballot (INSERT);
    one transaction per ballot with the code's conditional UPDATE, as a cast does."""
    sid, width = scratch_session(data_dir)
    rows = list(ballot_rows(sid, width, count))
    codes = [(f"{i:064x}",) for i in range(count)]
    out: dict[str, Any] = {"ballots": count}
    with transaction.atomic(), connection.cursor() as cur:
        start = time.perf_counter()
        cur.executemany(_insert_sql(), rows)
    out["executemany_one_tx"] = round(count / (time.perf_counter() - start))
    _clear(sid)
    start = time.perf_counter()
    for row in rows:
        with transaction.atomic(), connection.cursor() as cur:
            cur.execute(_insert_sql(), row)
    out["tx_per_ballot_insert"] = round(count / (time.perf_counter() - start))
    _clear(sid)
    models.VoterCode.objects.bulk_create(
        models.VoterCode(session_id=sid, code_hash=h) for (h,) in codes
    )
    start = time.perf_counter()
    for (code_hash,), row in zip(codes, rows, strict=True):
        with transaction.atomic(), connection.cursor() as cur:
            cur.execute(_use_code_sql(), [True, sid, code_hash, False])
            assert cur.rowcount == 1
            cur.execute(_insert_sql(), row)
    out["tx_per_ballot_update_insert"] = round(count / (time.perf_counter() - start))
    out["code_length"] = CODE_LENGTH
    return out


def tally(data_dir: str, count: int) -> dict[str, Any]:
    """Write ``count`` ballots, then time the count step's ballot work: reading the marks
    (repository) and computing the result (services, core tally, percentages and bands)."""
    from canbo.services.voting import rulebook_of
    from canbo.services.voting_results import CountInputs, compute
    from canbo.voting.repository import DjangoVoteRepository, session_to_domain

    sid, width = scratch_session(data_dir)
    start = time.perf_counter()
    batch = 50_000
    for first in range(0, count, batch):
        rows = list(ballot_rows(sid, width, min(batch, count - first)))
        with transaction.atomic(), connection.cursor() as cur:
            cur.executemany(_insert_sql(), rows)
    written = time.perf_counter() - start
    repo = DjangoVoteRepository()
    session = session_to_domain(models.VoteSession.objects.get(pk=sid))
    start = time.perf_counter()
    with transaction.atomic():
        marks = repo.electronic_marks(SessionId(sid))
        read = time.perf_counter()
        inputs = CountInputs(
            subjects=repo.subjects(SessionId(sid)),
            electronic=(),
            paper={},
            totals=None,
            issued_electronic=count,
            issued_paper=0,
            quorum=None,
            marks=marks,
        )
        data = compute(rulebook_of(session), inputs)
    done = time.perf_counter()
    assert data["figures"]["collected"] == count
    assert all(p["high"] + p["mid"] + p["low"] + p["invalid"] == count for p in data["persons"])
    return {
        "ballots": count,
        "write_s": round(written, 1),
        "read_s": round(read - start, 2),
        "compute_s": round(done - read, 2),
        "count_s": round(done - start, 2),
    }
