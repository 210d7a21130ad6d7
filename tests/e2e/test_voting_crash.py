"""Kill the server while ballots are being cast: no acknowledged ballot is lost.

A vote is prepared with the CLI, ``canbo serve`` runs as a separate process group, threads
cast ballots over HTTP like phones in the hall, and the whole server is SIGKILLed once some
receipts have come back. After a restart every receipt that was returned is on the published
list, and every used code has exactly one ballot (a cast is one transaction).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .voting_cli import ROOT, canbo, env, fresh_database, out, prepare

pytestmark = pytest.mark.e2e
VOTERS = 12


@pytest.fixture(autouse=True)
def database() -> Iterator[None]:
    with fresh_database():
        yield


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(data: Path, port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "canbo.cli",
            "--data-dir",
            str(data),
            "serve",
            "--port",
            str(port),
            "--workers",
            "2",
        ],
        cwd=ROOT,
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/bo-phieu/1/bau/", timeout=2)
            return proc
        except OSError:
            time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGKILL)
    raise AssertionError("server did not start")


def cast(base: str, sid: int, code: str, marks: dict[str, str]) -> str:
    """One phone: open the ballot page, post the confirmed ballot (no cookie, no token), read
    the receipt from the answer."""
    url = f"{base}/bo-phieu/{sid}/bau/"
    opener = urllib.request.build_opener()
    opener.open(url, timeout=10)
    form = {"step": "cast", "code": code, **marks}
    req = urllib.request.Request(url, urllib.parse.urlencode(form).encode())  # noqa: S310
    body = opener.open(req, timeout=10).read().decode()
    found = re.search(r'data-receipt="([A-Z0-9]+)"', body)
    if found is None:
        raise AssertionError(body[:500])
    return found.group(1)


def prepare_vote(data: Path) -> tuple[int, list[str], dict[str, str], list[str]]:
    fx = prepare(data, persons=VOTERS)
    p = fx["persons"]
    cid = out(
        data,
        "vote",
        "conference-create",
        "--unit",
        fx["unit"],
        "--title",
        "Hội nghị",
        "--date",
        "2026-11-20",
    )["conference"]
    site = out(data, "vote", "site-add", "--conference", str(cid), "--name", "Hội trường")
    out(data, "vote", "convene", "--conference", str(cid), *p)
    sid = out(
        data,
        "vote",
        "session-create",
        "--conference",
        str(cid),
        "--title",
        "Lấy phiếu",
        "--subject",
        f"{p[0]}=Bí thư",
        "--subject",
        f"{p[1]}=Phó Bí thư",
        "--counter",
        "kp1",
        "--counter",
        "kp2",
        "--dossier-sent",
        "2026-11-01",
        "--questions-sent",
        "2026-11-05",
    )["session"]
    out(data, "vote", "ready", "--session", str(sid))
    key = out(data, "vote", "--as", "kp1", "key", "--session", str(sid))
    codes = []
    for person in p:
        r = out(data, "vote", "checkin", "--site", str(site["site"]), "--person", person)
        codes += [c["code"] for c in r["codes"]]
    out(data, "vote", "open", "--session", str(sid))
    ids = fx["person_ids"]
    shares = [s["share"] for s in key["shares"]]
    return sid, codes, {f"p{ids[0]}": "high", f"p{ids[1]}": "low"}, shares


def test_killing_the_server_while_casting_loses_no_acknowledged_ballot(tmp_path: Path) -> None:
    sid, codes, marks, shares = prepare_vote(tmp_path)
    port = free_port()
    server = start(tmp_path, port)
    base = f"http://127.0.0.1:{port}"
    acknowledged: list[str] = []
    lock = threading.Lock()

    def phone(batch: list[str]) -> None:
        for code in batch:
            try:
                receipt = cast(base, sid, code, marks)
            except OSError:
                return  # the server died under this request: its outcome is unknown
            with lock:
                acknowledged.append(receipt)

    threads = [threading.Thread(target=phone, args=(codes[i::3],)) for i in range(3)]
    for t in threads:
        t.start()
    while len(acknowledged) < VOTERS // 2 and any(t.is_alive() for t in threads):
        time.sleep(0.01)
    os.killpg(server.pid, signal.SIGKILL)
    server.wait(timeout=10)
    for t in threads:
        t.join(timeout=30)
    assert VOTERS // 2 <= len(acknowledged)

    server = start(tmp_path, port)
    try:
        out(tmp_path, "vote", "--as", "kp1", "close", "--session", str(sid))
        share_args = [a for s in shares for a in ("--share", s)]
        out(tmp_path, "vote", "--as", "kp1", "count", "--session", str(sid), *share_args)
        out(tmp_path, "vote", "--as", "kp1", "sign", "--session", str(sid))
        out(tmp_path, "vote", "--as", "kp2", "sign", "--session", str(sid))
        out(tmp_path, "vote", "--as", "kp1", "publish", "--session", str(sid))
        page = urllib.request.urlopen(f"{base}/bo-phieu/{sid}/danh-sach-phieu/").read().decode()  # noqa: S310
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
    listed = set(re.findall(r'data-receipt="([A-Z0-9]+)"', page))
    assert set(acknowledged) <= listed
    check = (
        "from canbo.voting.models import Ballot, SealedBallot, SpentCode; "
        "print('COUNTS', Ballot.objects.count(), SealedBallot.objects.count(), "
        "SpentCode.objects.count())"
    )
    counts = canbo(tmp_path, "manage", "shell", "-c", check).stdout.split("COUNTS")[1].split()
    assert counts == [str(len(listed)), "0", "0"]  # every sealed ballot opened, then discarded
