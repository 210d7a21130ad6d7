"""Load process of the voting benchmark: phones casting ballots over HTTP on loopback.

    python bench/voting_load.py PORT SESSION FIXTURE.json --clients 32 --out result.json

Each of ``--clients`` concurrent clients (asyncio, one keep-alive HTTP/1.1 connection each,
127.0.0.1 only) takes the next unused code and does what a phone does: GET the ballot page,
POST the code and one level per person with ``step=cast`` (no cookie and no CSRF token: the
voter pages need neither), and read the receipt from the answer. A cast counts as an error
unless the answer is 200 with a receipt.
The per-person sums of the marks of acknowledged ballots are written out, so the benchmark
can check the count against them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import time
import urllib.parse
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
LEVELS = ("high", "mid", "low")
RECEIPT = re.compile(rb'data-receipt="([A-Z0-9]+)"')


class Connection:
    """One keep-alive connection; reopened when the server closes it."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, head: bytes, body: bytes = b"") -> tuple[int, bytes, bytes]:
        for attempt in (1, 2):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
            try:
                self.writer.write(head + body)
                return await self._response()
            except (ConnectionError, asyncio.IncompleteReadError):
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    async def _response(self) -> tuple[int, bytes, bytes]:
        assert self.reader is not None
        raw = await self.reader.readuntil(b"\r\n\r\n")
        status = int(raw.split(b" ", 2)[1])
        headers = raw.lower()
        length = re.search(rb"content-length: *(\d+)", headers)
        if length:
            body = await self.reader.readexactly(int(length.group(1)))
        else:
            body = await self._chunked()
        if b"connection: close" in headers:
            self.close()
        return status, raw, body

    async def _chunked(self) -> bytes:
        assert self.reader is not None
        parts = []
        while True:
            size = int((await self.reader.readline()).strip() or b"0", 16)
            if size == 0:
                await self.reader.readline()
                return b"".join(parts)
            parts.append((await self.reader.readexactly(size + 2))[:-2])

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def _get(path: str, port: int) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nConnection: keep-alive\r\n\r\n".encode()


def _post(path: str, port: int, body: bytes) -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nConnection: keep-alive\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()


class Phones:
    """Shared state of the clients: the codes left, the marks, timings, errors, sums."""

    def __init__(self, port: int, sid: int, subjects: list[int], codes: list[str], seed: int):
        self.port, self.path = port, f"/bo-phieu/{sid}/bau/"
        self.subjects, self.codes = subjects, list(codes)
        self.rng = random.Random(seed)
        self.cast_ms: list[float] = []
        self.round_ms: list[float] = []
        self.errors: dict[str, int] = {}
        self.receipts: list[str] = []
        self.sums = {str(s): {lv: 0 for lv in LEVELS} for s in subjects}

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1

    async def client(self) -> None:
        conn = Connection(self.port)
        while self.codes:
            code = self.codes.pop()
            marks = {str(s): self.rng.choice(LEVELS) for s in self.subjects}
            try:
                await self.one(conn, code, marks)
            except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                self.error(type(exc).__name__)
                conn.close()
        conn.close()

    async def one(self, conn: Connection, code: str, marks: dict[str, str]) -> None:
        start = time.perf_counter()
        status, _, page = await conn.request(_get(self.path, self.port))
        if status != 200 or b'name="code"' not in page:
            self.error(f"get_{status}")
            return
        form = {"step": "cast", "code": code}
        form.update({f"p{k}": v for k, v in marks.items()})
        body = urllib.parse.urlencode(form).encode()
        posted = time.perf_counter()
        status, _, answer = await conn.request(_post(self.path, self.port, body), body)
        done = time.perf_counter()
        receipt = RECEIPT.search(answer)
        if status != 200 or receipt is None:
            self.error(f"post_{status}")
            return
        self.cast_ms.append((done - posted) * 1000)
        self.round_ms.append((done - start) * 1000)
        self.receipts.append(receipt.group(1).decode())
        for k, v in marks.items():
            self.sums[k][v] += 1


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def summary(ms: list[float]) -> dict[str, float]:
    return {f"p{p}": round(percentile(ms, p), 1) for p in (50, 95, 99)} | {
        "max": round(max(ms, default=float("nan")), 1)
    }


async def run(phones: Phones, clients: int) -> dict[str, Any]:
    start = time.perf_counter()
    await asyncio.gather(*(phones.client() for _ in range(clients)))
    wall = time.perf_counter() - start
    ok = len(phones.receipts)
    return {
        "clients": clients,
        "ballots": ok,
        "errors": phones.errors,
        "wall_s": round(wall, 3),
        "rate": round(ok / wall, 1),
        "cast_ms": summary(phones.cast_ms),
        "round_ms": summary(phones.round_ms),
        "distinct_receipts": len(set(phones.receipts)),
        "sums": phones.sums,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("fixture", type=Path)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, required=True)
    a = parser.parse_args()
    fx = json.loads(a.fixture.read_text())
    phones = Phones(a.port, fx["session"], fx["subjects"], fx["codes"], a.seed)
    result = asyncio.run(run(phones, a.clients))
    a.out.write_text(json.dumps(result))


if __name__ == "__main__":
    main()
