"""Raw rates of a cast's rows and the count of sealed ballots, inside Django.

Both use a scratch vote session (a copy of the benchmark's session row and its printed lines,
status *closed*, with a committee key of its own) so that the benchmark's own ballots are left
as they were. Rows are written with the storage encoding of the models: the random UUID as the
database adapter prepares it, the keyed hash of a spent code (:class:`SpentCode`), the sealed
box of a 10-symbol receipt and the compact marks (:class:`SealedBallot`, sealed with
:func:`canbo.services.voting.ballot_box.seal`), and at counting the opened :class:`Ballot` rows.
"""

from __future__ import annotations

import itertools
import json
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from nacl.public import SealedBox

from canbo.services.voting import ballot_box
from canbo.services.voting.ports import SessionId, Status
from canbo.services.voting.voter_codes import ALPHABET, CODE_LENGTH, RECEIPT_LENGTH, spent_digest
from canbo.voting import models

LEVELS = bytes(b"HML"[b % 3] for b in range(255)) + b"H"  # byte → level, near uniform
SYMBOLS = bytes(ALPHABET.encode()[b % 32] for b in range(256))
SEAL = "INSERT INTO voting_sealedballot (id, session_id, box) VALUES (%s, %s, %s)"
SPEND = (
    "INSERT INTO voting_spentcode (id, session_id, code_hash) VALUES (%s, %s, %s) "
    "ON CONFLICT (code_hash) DO NOTHING"
)


def _sql(model: Any, sql: str) -> str:
    assert f"INTO {model._meta.db_table} " in sql
    return sql


def scratch_session(data_dir: str) -> tuple[int, int, ballot_box.CommitteeKey]:
    """A closed copy of the benchmark's session with the same printed lines and a committee
    key of its own (2 shares, threshold 2); (id, width, key)."""
    fx = json.loads((Path(data_dir) / "fixture.json").read_text())
    source = models.VoteSession.objects.get(pk=fx["session"])
    subjects = list(models.VoteSubject.objects.filter(session=source))
    key = ballot_box.new_committee_key(2)
    source.pk = None
    source.status = str(Status.CLOSED)
    source.title = "scratch (bench)"
    source.ballot_key, source.key_threshold, source.key_shares = key.public_key, key.threshold, 2
    source.save()
    models.VoteSubject.objects.bulk_create(
        models.VoteSubject(session=source, person_id=s.person_id, position=s.position)
        for s in subjects
    )
    return source.pk, len(subjects), key


def random_symbols(count: int, length: int) -> list[str]:
    """``count`` distinct strings of ``length`` symbols of the voter-code alphabet."""
    out: set[str] = set()
    while len(out) < count:
        need = count - len(out)
        text = os.urandom(need * length).translate(SYMBOLS).decode()
        out.update(text[i : i + length] for i in range(0, len(text), length))
    return list(out)[:count]


def ballots(width: int, count: int) -> Iterator[tuple[str, str]]:
    """(receipt, marks) of ``count`` random ballots, marks encoded as a cast encodes them."""
    marks = os.urandom(count * width).translate(LEVELS).decode()
    for i, receipt in enumerate(random_symbols(count, RECEIPT_LENGTH)):
        yield receipt, marks[i * width : (i + 1) * width]


def _pk() -> Any:
    return models.SealedBallot._meta.get_field("id").get_db_prep_value(uuid.uuid4(), connection)


def _box(box: bytes) -> Any:
    return models.SealedBallot._meta.get_field("box").get_db_prep_value(box, connection)


def sealed_rows(session_id: int, boxes: list[bytes]) -> list[tuple[Any, ...]]:
    return [(_pk(), session_id, _box(b)) for b in boxes]


def spent_rows(session_id: int, count: int) -> list[tuple[Any, ...]]:
    """Spent-code rows: the keyed hash of ``count`` random codes, as a cast stores it."""
    key = os.urandom(32)
    codes = random_symbols(count, CODE_LENGTH)
    return [(_pk(), session_id, spent_digest(key, session_id, c)) for c in codes]


def _clear(session_id: int) -> None:
    models.SealedBallot.objects.filter(session_id=session_id).delete()
    models.SpentCode.objects.filter(session_id=session_id).delete()


def raw_inserts(data_dir: str, count: int) -> dict[str, Any]:
    """The cost of sealing a ballot alone (µs), then ballots/s of: sealed rows by one
    executemany in one transaction; one transaction per ballot (sealed INSERT); one
    transaction per ballot with the spent code's INSERT … ON CONFLICT DO NOTHING and the
    sealed INSERT, as a cast needs (boxes sealed beforehand); the same with the sealing
    inside the loop."""
    sid, width, key = scratch_session(data_dir)
    plain = list(ballots(width, count))
    start = time.perf_counter()
    boxes = [ballot_box.seal(key.public_key, r, m) for r, m in plain]
    out: dict[str, Any] = {
        "ballots": count,
        "seal_us": round((time.perf_counter() - start) / count * 1e6, 1),
        "box_bytes": len(boxes[0]),
    }
    rows, spent = sealed_rows(sid, boxes), spent_rows(sid, count)
    with transaction.atomic(), connection.cursor() as cur:
        start = time.perf_counter()
        cur.executemany(_sql(models.SealedBallot, SEAL), rows)
    out["executemany_one_tx"] = round(count / (time.perf_counter() - start))
    _clear(sid)
    start = time.perf_counter()
    for row in rows:
        with transaction.atomic(), connection.cursor() as cur:
            cur.execute(_sql(models.SealedBallot, SEAL), row)
    out["tx_per_ballot_insert"] = round(count / (time.perf_counter() - start))
    _clear(sid)
    start = time.perf_counter()
    for code_row, row in zip(spent, rows, strict=True):
        with transaction.atomic(), connection.cursor() as cur:
            cur.execute(_sql(models.SpentCode, SPEND), code_row)
            assert cur.rowcount == 1
            cur.execute(_sql(models.SealedBallot, SEAL), row)
    out["tx_per_ballot_spend_insert"] = round(count / (time.perf_counter() - start))
    _clear(sid)
    start = time.perf_counter()
    for code_row, (receipt, marks) in zip(spent, plain, strict=True):
        with transaction.atomic(), connection.cursor() as cur:
            cur.execute(_sql(models.SpentCode, SPEND), code_row)
            assert cur.rowcount == 1
            box = ballot_box.seal(key.public_key, receipt, marks)
            cur.execute(_sql(models.SealedBallot, SEAL), (_pk(), sid, _box(box)))
    out["tx_per_ballot_seal_spend_insert"] = round(count / (time.perf_counter() - start))
    _clear(sid)
    out["code_length"] = CODE_LENGTH
    return out


class _NoSeal:
    """Stands in for libsodium's ``SealedBox`` so that ``open_boxes`` only loops and shuffles."""

    def __init__(self, _key: Any) -> None:
        pass

    def decrypt(self, _raw: bytes) -> bytes:
        return b"RECEIPT000:HML"


def shuffle_alone(private: Any, boxes: list[bytes]) -> float:
    """Seconds of the product's ``open_boxes`` over these boxes without the cryptography: its
    loop and its shuffle (``SealedBox`` replaced by :class:`_NoSeal` for this call only)."""
    real = ballot_box.SealedBox
    ballot_box.SealedBox = _NoSeal  # type: ignore[assignment,misc]
    try:
        start = time.perf_counter()
        ballot_box.open_boxes(private, boxes)
        return time.perf_counter() - start
    finally:
        ballot_box.SealedBox = real  # type: ignore[misc]


def tally(data_dir: str, count: int) -> dict[str, Any]:
    """Seal and write ``count`` ballots and their spent codes, then time the count step's
    ballot work with the product's functions, in one transaction as ``count`` does: read the
    sealed boxes, rebuild the key from the two shares, open and shuffle the boxes
    (``open_boxes``), store the opened ballots and delete the sealed ones and the spent codes
    (``store_opened``), read the opened marks and compute the result. Then, apart: the cost of
    opening one box alone (a sample of the same boxes) and of ``open_boxes``'s loop and
    shuffle alone (:func:`shuffle_alone`) over all of them."""
    from canbo.services.voting.results import CountInputs, compute
    from canbo.services.voting.sessions import rulebook_of
    from canbo.voting.repository import DjangoVoteRepository, session_to_domain

    sid, width, key = scratch_session(data_dir)
    batch = 50_000
    seal_s = write_s = 0.0
    for first in range(0, count, batch):
        plain = list(ballots(width, min(batch, count - first)))
        start = time.perf_counter()
        boxes = [ballot_box.seal(key.public_key, r, m) for r, m in plain]
        sealed = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cur:
            cur.executemany(_sql(models.SealedBallot, SEAL), sealed_rows(sid, boxes))
            cur.executemany(_sql(models.SpentCode, SPEND), spent_rows(sid, len(boxes)))
        seal_s += sealed - start
        write_s += time.perf_counter() - sealed
    repo = DjangoVoteRepository()
    session = session_to_domain(models.VoteSession.objects.get(pk=sid))
    assert session.ballot_key and session.key_threshold
    t: dict[str, float] = {"start": time.perf_counter()}
    with transaction.atomic():
        boxes = repo.sealed_boxes(SessionId(sid))
        t["read_sealed"] = time.perf_counter()
        private = ballot_box.recover_private_key(
            session.ballot_key, session.key_threshold, key.shares
        )
        t["rebuild_key"] = time.perf_counter()
        opened = ballot_box.open_boxes(private, boxes)
        t["open_boxes"] = time.perf_counter()
        repo.store_opened(SessionId(sid), opened)
        t["store_opened"] = time.perf_counter()
        marks = repo.electronic_marks(SessionId(sid))
        t["read_opened"] = time.perf_counter()
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
        t["compute"] = time.perf_counter()
    assert data["figures"]["collected"] == count
    assert all(p["high"] + p["mid"] + p["low"] + p["invalid"] == count for p in data["persons"])
    assert not models.SealedBallot.objects.filter(session_id=sid).exists()
    assert not models.SpentCode.objects.filter(session_id=sid).exists()
    sample = boxes[: min(count, 20_000)]
    opener, start = SealedBox(private), time.perf_counter()
    for raw in sample:
        opener.decrypt(raw)
    open_us = (time.perf_counter() - start) / len(sample) * 1e6
    shuffle_s = shuffle_alone(private, boxes)
    names = list(t)
    parts = {b: round(t[b] - t[a], 2) for a, b in itertools.pairwise(names)}
    return {
        "ballots": count,
        "seal_s": round(seal_s, 1),
        "write_s": round(write_s, 1),
        "parts_s": parts,
        "open_us": round(open_us, 1),
        "shuffle_s": round(shuffle_s, 2),
        "count_s": round(t["compute"] - t["start"], 2),
    }
