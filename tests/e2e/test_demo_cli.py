"""The ``canbo`` console script builds the demo and serves it over HTTP on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def _canbo(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "canbo.cli", "--data-dir", str(data_dir), *args]


_ENV: dict[str, str] = {}


@pytest.fixture(scope="module", autouse=True)
def _cli_database(cli_env: dict[str, str]) -> Iterator[None]:
    # SQLite in the data folder, or a fresh PostgreSQL database in the PostgreSQL run.
    _ENV.update(cli_env)
    yield
    _ENV.clear()


def _env() -> dict[str, str]:
    return dict(_ENV)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_demo_without_serving_prints_the_url_and_credentials_and_exits(tmp_path: Path) -> None:
    done = subprocess.run(
        _canbo(tmp_path, "demo", "--no-serve", "--scale", "tiny"),
        capture_output=True,
        text=True,
        env=_env(),
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "http://127.0.0.1:8000/" in done.stdout
    assert "admin" in done.stdout and "tinhuy.tuyenquang" in done.stdout
    assert "2FA" in done.stdout
    if "CANBO_AUDIT_KEY" not in _ENV:  # the demo says its keys are derived, not set apart
        assert "CANBO_AUDIT_KEY derived from the secret key" in done.stdout
    if "DATABASE_URL" not in _ENV:
        assert (tmp_path / "canbo.sqlite3").exists()
    verify = subprocess.run(
        _canbo(tmp_path, "audit", "verify"), capture_output=True, text=True, env=_env()
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_serve_answers_http_on_the_loopback_address(tmp_path: Path) -> None:
    subprocess.run(_canbo(tmp_path, "migrate", "-v", "0"), check=True, env=_env(), timeout=300)
    port = _free_port()
    server = subprocess.Popen(
        _canbo(tmp_path, "serve", "--port", str(port), "--workers", "1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=_env(),
        start_new_session=True,
    )
    try:
        status = _wait_for(f"http://127.0.0.1:{port}/admin/login/")
        assert status == 200
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output = server.communicate(timeout=30)[0].decode()
    assert f"http://127.0.0.1:{port}/" in output


def _wait_for(url: str, seconds: float = 30) -> int:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                return int(response.status)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
