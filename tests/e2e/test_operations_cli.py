"""Operations from the shell: production settings pass ``check --deploy``; ``canbo audit verify``
names the first altered entry and exits non-zero."""

from __future__ import annotations

import secrets
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

UNITS = """code,name,kind,parent_code,level_class,admin_code,valid_from,valid_to,legal_basis
TW,Ban Chấp hành Trung ương,central_committee,,central,,01/01/2010,,
HG,Đảng bộ tỉnh Hà Giang,provincial_party_committee,TW,directly_under_central,02,01/01/2010,,
"""


def _run(env: dict[str, str], data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "canbo.cli", "--data-dir", str(data), *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=180, check=False)


def test_production_settings_pass_the_deployment_checks(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    env = {
        **cli_env,
        "DJANGO_SETTINGS_MODULE": "canbo.settings.prod",
        "CANBO_SECRET_KEY": secrets.token_urlsafe(50),
        "CANBO_ALLOWED_HOSTS": "canbo.example.vn",
        "CANBO_AUDIT_KEY": secrets.token_urlsafe(32),
        "CANBO_VOTER_CODE_KEY": secrets.token_urlsafe(32),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    done = _run(env, tmp_path, "manage", "check", "--deploy", "--fail-level", "WARNING")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_production_settings_refuse_to_start_without_a_secret(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    env = {**cli_env, "DJANGO_SETTINGS_MODULE": "canbo.settings.prod"}
    env.pop("CANBO_SECRET_KEY", None)
    done = _run(env, tmp_path, "manage", "check")
    assert done.returncode != 0
    assert "CANBO_SECRET_KEY" in done.stderr


def test_audit_verify_names_the_altered_entry_and_fails(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    if "DATABASE_URL" in cli_env:
        pytest.skip("the entry is altered through the SQLite file")
    assert _run(cli_env, tmp_path, "migrate", "-v0").returncode == 0
    units = tmp_path / "units.csv"
    units.write_text(UNITS, encoding="utf-8")
    assert _run(cli_env, tmp_path, "import", "units", str(units)).returncode == 0
    intact = _run(cli_env, tmp_path, "audit", "verify")
    assert intact.returncode == 0, intact.stderr
    with sqlite3.connect(tmp_path / "canbo.sqlite3") as db:
        db.execute("UPDATE audit_auditentry SET actor_label = 'ai đó' WHERE seq = 1")
    broken = _run(cli_env, tmp_path, "audit", "verify")
    assert broken.returncode == 1
    assert "entry 1" in broken.stderr
