"""Helpers to drive ``python -m canbo.cli`` in a throwaway data folder."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def env() -> dict[str, str]:
    values = dict(os.environ)
    values["DJANGO_SETTINGS_MODULE"] = "canbo.settings.dev"
    values["PYTHONPATH"] = str(ROOT)
    if _DB["url"]:
        values["DATABASE_URL"] = _DB["url"]
    return values


_DB: dict[str, str] = {"url": ""}


@contextmanager
def fresh_database() -> Iterator[None]:
    """With DATABASE_URL (PostgreSQL), run the CLI against a new, dropped-after database;
    without it, the CLI uses SQLite in the data folder."""
    base = os.environ.get("DATABASE_URL", "")
    if not base:
        yield
        return
    import psycopg

    name = f"canbo_e2e_{secrets.token_hex(4)}"
    admin = base.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    _DB["url"] = base.rsplit("/", 1)[0] + "/" + name
    try:
        yield
    finally:
        _DB["url"] = ""
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def canbo(data: Path, *args: str, check: int = 0) -> subprocess.CompletedProcess[str]:
    """Run one CLI verb; assert its exit status."""
    proc = subprocess.run(
        [sys.executable, "-m", "canbo.cli", "--data-dir", str(data), *args],
        cwd=ROOT,
        env=env(),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == check, (args, proc.stdout[-2000:], proc.stderr[-3000:])
    return proc


def out(data: Path, *args: str) -> Any:
    return json.loads(canbo(data, *args).stdout)


def prepare(data: Path, persons: int = 9) -> dict[str, Any]:
    """Migrate a fresh data folder and create the commune, persons and accounts."""
    canbo(data, "migrate", "--verbosity", "0")
    code = f"from tests.e2e.voting_fixture import build; build({persons})"
    proc = canbo(data, "manage", "shell", "-c", code)
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("FIXTURE "))
    return dict(json.loads(line.removeprefix("FIXTURE ")))
