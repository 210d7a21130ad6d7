"""Two ``canbo serve`` processes on one database serve the same data (docs/deployment.md).

The application servers keep no state of their own: what one writes the other reads at once,
and a session opened through one is valid on the other (sessions live in the database; both
servers share ``CANBO_SECRET_KEY``), as behind a load balancer without sticky sessions. On
PostgreSQL each server has its own data folder, so nothing but the database and the secret is
shared; on SQLite (WAL) both serve one database file from one data folder, the single-machine
arrangement. A user signed out through one server is signed out on the other.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .voting_cli import ROOT, env, fresh_database

pytestmark = pytest.mark.e2e
PASSWORD = "mat-khau-dai-1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(data: Path, port: int, values: dict[str, str]) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "canbo.cli", "--data-dir", str(data), "serve", "--port", str(port),
         "--workers", "1"],
        cwd=ROOT, env=values, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=2)
            return proc
        except OSError:
            time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGKILL)
    raise AssertionError("server did not start")


class Browser:
    """One user agent: a cookie jar shared by both servers (one host name, as behind a load
    balancer) and the CSRF token read from the pages."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, url: str) -> tuple[str, str]:
        with self.opener.open(url, timeout=20) as response:
            return response.geturl(), response.read().decode()

    def post(self, url: str, form: dict[str, str]) -> tuple[str, str]:
        page_url = url
        token = next((c.value for c in self.jar if c.name == "csrftoken"), "")
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **form}).encode()
        request = urllib.request.Request(url, data, headers={"Referer": page_url})  # noqa: S310
        with self.opener.open(request, timeout=20) as response:
            return response.geturl(), response.read().decode()


def cli(data: Path, values: dict[str, str], *args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "canbo.cli", "--data-dir", str(data), *args],
        cwd=ROOT, env=values, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[tuple[str, str, dict[str, Any]]]:
    postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    with fresh_database():
        values = env()
        values["CANBO_SECRET_KEY"] = secrets.token_urlsafe(40)
        values["PYTHONIOENCODING"] = "utf-8"
        first = tmp_path / "a"
        second = tmp_path / "b" if postgres else first
        cli(first, values, "migrate", "--verbosity", "0")
        code = "from tests.e2e.two_servers_fixture import build; build()"
        output = cli(first, values, "manage", "shell", "-c", code)
        line = next(ln for ln in output.splitlines() if ln.startswith("FIXTURE "))
        fixture = json.loads(line.removeprefix("FIXTURE "))
        ports = free_port(), free_port()
        procs = [start(first, ports[0], values), start(second, ports[1], values)]
        try:
            yield f"http://127.0.0.1:{ports[0]}", f"http://127.0.0.1:{ports[1]}", fixture
        finally:
            for p in procs:
                os.killpg(p.pid, signal.SIGTERM)
                p.wait(timeout=30)


def test_a_write_through_one_server_is_read_through_the_other_in_one_session(
    servers: tuple[str, str, dict[str, Any]],
) -> None:
    a, b, fx = servers
    browser = Browser()
    browser.get(f"{a}/login/")
    landed, _ = browser.post(f"{a}/login/", {"username": "tochuc.tinh", "password": PASSWORD})
    assert "/login/" not in landed
    programme = f"/chuong-trinh-cong-tac/?don_vi=id:{fx['province']}&nam=2026"
    landed, page = browser.get(b + programme)  # the session opened on A is valid on B
    assert "/login/" not in landed and "Thêm vào chương trình" in page
    title = "Đề án số hóa hồ sơ đảng viên"
    browser.post(
        f"{b}/chuong-trinh-cong-tac/them/{fx['province']}/2026/",
        {"kind": "project", "title": title, "unit": f"id:{fx['commune']}",
         "lead": f"id:{fx['lead']}", "deadline": "2026-12-31"},
    )  # fmt: skip
    _, page = browser.get(a + programme)  # written through B, read through A
    assert title in page and "Nguyễn Thị Hoa" in page
    item = re.search(r'href="/chuong-trinh-cong-tac/de-an/(\d+)/"', page)
    assert item is not None
    browser.post(
        f"{a}/chuong-trinh-cong-tac/de-an/{item.group(1)}/tien-do/",
        {"reported_on": "2026-06-01", "percent": "45", "note": "Đã quét 45% hồ sơ"},
    )
    _, detail = browser.get(f"{b}/chuong-trinh-cong-tac/de-an/{item.group(1)}/")
    assert "Đã quét 45% hồ sơ" in detail


def test_signing_out_through_one_server_ends_the_session_on_the_other(
    servers: tuple[str, str, dict[str, Any]],
) -> None:
    a, b, _fx = servers
    browser = Browser()
    browser.get(f"{b}/login/")
    browser.post(f"{b}/login/", {"username": "tochuc.tinh", "password": PASSWORD})
    landed, _ = browser.get(f"{a}/chuong-trinh-cong-tac/")
    assert "/login/" not in landed
    browser.post(f"{b}/logout/", {})
    landed, _ = browser.get(f"{a}/chuong-trinh-cong-tac/")
    assert "/login/" in landed
