"""``canbo audit anchor`` and ``canbo audit verify [--anchor FILE]`` from the shell, with the
database attacked directly (SQLite file or PostgreSQL connection) the way an administrator
without the key would; and production's refusal to start without its keys."""

from __future__ import annotations

import secrets
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.e2e

UNITS = """code,name,kind,parent_code,level_class,admin_code,valid_from,valid_to,legal_basis
TW,Ban Chấp hành Trung ương,central_committee,,central,,01/01/2010,,
HG,Đảng bộ tỉnh Hà Giang,provincial_party_committee,TW,directly_under_central,02,01/01/2010,,
"""
PEOPLE_UNIT = """code,name,kind,parent_code,level_class,admin_code,valid_from,valid_to,legal_basis
TQ,Đảng bộ tỉnh Tuyên Quang,provincial_party_committee,TW,directly_under_central,08,01/01/2010,,
"""


def _run(env: dict[str, str], data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "canbo.cli", "--data-dir", str(data), *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=180, check=False)


def _ok(env: dict[str, str], data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = _run(env, data, *args)
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done


@contextmanager
def _db(env: dict[str, str], data: Path) -> Iterator[Any]:
    """A direct connection to the database, as its administrator has one."""
    if "DATABASE_URL" in env:
        import psycopg

        with psycopg.connect(env["DATABASE_URL"], autocommit=True) as conn:
            yield conn
    else:
        conn = sqlite3.connect(data / "canbo.sqlite3", isolation_level=None)
        try:
            yield conn
        finally:
            conn.close()


def _import(env: dict[str, str], data: Path, name: str, text: str) -> None:
    path = data / name
    path.write_text(text, encoding="utf-8")
    _ok(env, data, "import", "units", str(path))


def _fresh(env: dict[str, str], data: Path) -> None:
    """A migrated database with a few audited writes (PostgreSQL: flushed, shared per module)."""
    _ok(env, data, "migrate", "-v0")
    _ok(env, data, "manage", "flush", "--noinput", "-v0")
    _import(env, data, "units.csv", UNITS)


def test_an_anchor_is_printed_kept_in_minutes_and_verified(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    _fresh(cli_env, tmp_path)
    anchor = _ok(cli_env, tmp_path, "audit", "anchor", "--out", str(tmp_path / "a.txt")).stdout
    assert anchor.startswith("-----BEGIN CANBO AUDIT ANCHOR-----")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == anchor
    minutes = tmp_path / "bien-ban.txt"
    minutes.write_text("BIÊN BẢN\nMốc nhật ký:\n" + anchor + "Thư ký\n", encoding="utf-8")
    _import(cli_env, tmp_path, "more.csv", PEOPLE_UNIT)
    done = _ok(cli_env, tmp_path, "audit", "verify", "--anchor", str(minutes))
    assert "anchor(s) match" in done.stdout


def test_truncation_with_the_last_entry_copied_into_the_head_fails_verify(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    _fresh(cli_env, tmp_path)
    _import(cli_env, tmp_path, "more.csv", PEOPLE_UNIT)
    with _db(cli_env, tmp_path) as db:
        (last,) = db.execute("SELECT max(seq) FROM audit_auditentry").fetchone()
        db.execute(f"DELETE FROM audit_auditentry WHERE seq = {last}")  # noqa: S608
        db.execute(
            "UPDATE audit_audithead SET last_seq = e.seq, last_hash = e.entry_hash"
            " FROM audit_auditentry e WHERE e.seq = (SELECT max(seq) FROM audit_auditentry)"
        )
    broken = _run(cli_env, tmp_path, "audit", "verify")
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "head record is not authentic" in broken.stderr
    refused = _run(cli_env, tmp_path, "audit", "anchor")
    assert refused.returncode == 1 and "BEGIN" not in refused.stdout


def test_wiping_both_audit_tables_fails_verify(cli_env: dict[str, str], tmp_path: Path) -> None:
    _fresh(cli_env, tmp_path)
    with _db(cli_env, tmp_path) as db:
        db.execute("DELETE FROM audit_auditentry")
        db.execute("DELETE FROM audit_audithead")
    broken = _run(cli_env, tmp_path, "audit", "verify")
    assert broken.returncode == 1
    assert "wiped" in broken.stderr


def test_a_rollback_to_an_old_head_passes_alone_and_fails_against_an_anchor(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    _fresh(cli_env, tmp_path)
    with _db(cli_env, tmp_path) as db:
        old = db.execute("SELECT last_seq, last_hash, mac FROM audit_audithead").fetchone()
    _import(cli_env, tmp_path, "more.csv", PEOPLE_UNIT)
    _ok(cli_env, tmp_path, "audit", "anchor", "--out", str(tmp_path / "a.txt"))
    with _db(cli_env, tmp_path) as db:
        db.execute(f"DELETE FROM audit_auditentry WHERE seq > {int(old[0])}")  # noqa: S608
        mark = "%s" if "DATABASE_URL" in cli_env else "?"
        db.execute(
            f"UPDATE audit_audithead SET last_seq = {mark}, last_hash = {mark}, mac = {mark}",  # noqa: S608
            old,
        )
    _ok(cli_env, tmp_path, "audit", "verify")
    broken = _run(cli_env, tmp_path, "audit", "verify", "--anchor", str(tmp_path / "a.txt"))
    assert broken.returncode == 1
    assert "truncated or wiped past the anchor" in broken.stderr


def test_a_forged_anchor_fails_and_a_malformed_one_is_a_usage_error(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    _fresh(cli_env, tmp_path)
    text = _ok(cli_env, tmp_path, "audit", "anchor").stdout
    seq_line = next(line for line in text.splitlines() if line.startswith("seq: "))
    forged = tmp_path / "forged.txt"
    forged.write_text(text.replace(seq_line, "seq: 99"), encoding="utf-8")
    broken = _run(cli_env, tmp_path, "audit", "verify", "--anchor", str(forged))
    assert broken.returncode == 1 and "forged" in broken.stderr
    bad = tmp_path / "bad.txt"
    bad.write_text("no anchor here", encoding="utf-8")
    usage = _run(cli_env, tmp_path, "audit", "verify", "--anchor", str(bad))
    assert usage.returncode == 2 and "no anchor block" in usage.stderr


def _prod_env(cli_env: dict[str, str], **extra: str) -> dict[str, str]:
    env = {
        **cli_env,
        "DJANGO_SETTINGS_MODULE": "canbo.settings.prod",
        "CANBO_SECRET_KEY": secrets.token_urlsafe(50),
        "CANBO_ALLOWED_HOSTS": "canbo.example.vn",
        **extra,
    }
    for name in ("CANBO_AUDIT_KEY", "CANBO_VOTER_CODE_KEY"):
        if name not in extra:
            env.pop(name, None)
    return env


def test_production_refuses_to_start_without_the_audit_key(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    env = _prod_env(cli_env, CANBO_VOTER_CODE_KEY=secrets.token_urlsafe(32))
    done = _run(env, tmp_path, "manage", "check")
    assert done.returncode != 0
    assert "CANBO_AUDIT_KEY" in done.stderr and "ImproperlyConfigured" in done.stderr


def test_production_refuses_a_key_file_in_the_data_folder(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    key = tmp_path / "audit.key"
    key.write_text(secrets.token_urlsafe(32), encoding="utf-8")
    key.chmod(0o600)
    env = _prod_env(
        cli_env, CANBO_AUDIT_KEY_FILE=str(key), CANBO_VOTER_CODE_KEY=secrets.token_urlsafe(32)
    )
    done = _run(env, tmp_path, "manage", "check")
    assert done.returncode != 0 and "inside the data folder" in done.stderr
