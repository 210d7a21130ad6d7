"""A commune's offline congress results carried to the province as a signed bundle, on the
command line, between two installations that share no database.

The commune's laptop (one data folder) holds its members' congress of 14/08/2025: a
probationary member in the hall, the committee elected on phones, counted and signed. The
province's installation (another data folder, another database) knows the same tree. The
laptop makes its key; the province registers the laptop's public key as a lower
installation. The laptop exports ``congress_results`` for its commune and the year; the file
is carried over; the province verifies it, imports it (one audit entry with the bundle's
hash), imports it again (nothing changes, and it says so), takes a later bundle of the same
results as superseding the first (both kept), and refuses a copy whose data was altered after
signing, naming the problem and writing nothing.
"""

from __future__ import annotations

import io
import json
import os
import secrets
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.e2e]

ROOT = Path(__file__).resolve().parents[2]
YEAR = ("--from", "2025-01-01", "--to", "2025-12-31")


class Installation:
    """One canbo installation: its data folder and, on PostgreSQL, its own database."""

    def __init__(self, folder: Path, database: str) -> None:
        self.folder = folder
        self.database = database

    def run(self, *args: str, check: int = 0) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ)
        env["DJANGO_SETTINGS_MODULE"] = "canbo.settings.dev"
        env["PYTHONPATH"] = str(ROOT)
        env["PYTHONIOENCODING"] = "utf-8"
        env.pop("CANBO_DATA_DIR", None)
        if self.database:
            env["DATABASE_URL"] = self.database
        else:
            env.pop("DATABASE_URL", None)
        proc = subprocess.run(
            [sys.executable, "-m", "canbo.cli", "--data-dir", str(self.folder), *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert proc.returncode == check, (args, proc.stdout[-2000:], proc.stderr[-3000:])
        return proc

    def fixture(self, call: str) -> dict[str, Any]:
        code = f"from tests.e2e.bundle_fixture import {call.split('(')[0]}; {call}"
        proc = self.run("manage", "shell", "-c", code)
        line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("FIXTURE "))
        return dict(json.loads(line.removeprefix("FIXTURE ")))


@contextmanager
def databases(count: int) -> Iterator[list[str]]:
    """With DATABASE_URL (the PostgreSQL run) one fresh database per installation, dropped
    afterwards; without it, each installation's SQLite file in its data folder."""
    base = os.environ.get("DATABASE_URL", "")
    if not base:
        yield [""] * count
        return
    import psycopg

    names = [f"canbo_bundle_{secrets.token_hex(4)}" for _ in range(count)]
    admin = base.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        for name in names:
            conn.execute(f"CREATE DATABASE {name}")
    try:
        yield [base.rsplit("/", 1)[0] + "/" + name for name in names]
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            for name in names:
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Installation, Installation]]:
    with databases(2) as urls:
        laptop = Installation(tmp_path_factory.mktemp("xa-minh-quang"), urls[0])
        province = Installation(tmp_path_factory.mktemp("tinh-tuyen-quang"), urls[1])
        for inst in (laptop, province):
            inst.run("migrate", "--verbosity", "0")
        yield laptop, province


def tampered(raw: bytes, kind: str, old: str, new: str) -> bytes:
    """The same bundle with one data file altered after signing (the manifest untouched)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == f"data/{kind}.jsonl":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode())
            dst.writestr(item, data)
    return out.getvalue()


def test_a_communes_offline_congress_results_reach_the_province_as_a_signed_bundle(
    two: tuple[Installation, Installation], tmp_path: Path
) -> None:
    laptop, province = two
    held = laptop.fixture("commune_laptop()")
    assert held["issued"] == 10  # the probationary member in the hall got no code
    elected = held["elected"]
    assert len(elected) == 3
    there = province.fixture("province_office()")
    assert there["commune"] == held["scope"]

    # Keys: the laptop names itself and makes its key pair; the province registers its public
    # key as a lower installation holding the commune's subtree.
    laptop.run("bundle", "keys", "init", "--installation", "Xã Minh Quang", "--unit", held["scope"])
    assert (laptop.folder / "keys" / "current").is_file()
    public = tmp_path / "xa-minh-quang.pub"
    public.write_text(laptop.run("bundle", "keys", "show").stdout.strip())
    province.run(
        "bundle", "keys", "init", "--installation", "Tỉnh Tuyên Quang", "--unit", there["scope"]
    )
    province.run(
        "bundle", "keys", "register", "--installation", "Xã Minh Quang", "--unit",
        held["scope"], "--public-key", str(public), "--relation", "lower",
    )  # fmt: skip
    listed = province.run("bundle", "keys", "list").stdout
    assert "Xã Minh Quang" in listed and held["scope"] in listed

    # Export on the laptop; the file is all that travels.
    carried = tmp_path / "dai-hoi-xa-minh-quang.zip"
    made = laptop.run(
        "bundle", "export", "--kinds", "congress_results", "--scope", held["scope"], *YEAR,
        "--out", str(carried),
    )  # fmt: skip
    assert carried.is_file() and "congress_results 1" in made.stdout
    with zipfile.ZipFile(carried) as z:
        manifest = json.loads(z.read("manifest.json"))
        assert {"manifest.json", "manifest.sig", "data/congress_results.jsonl"} <= set(z.namelist())
    assert manifest["scope"] == held["scope"]

    # Verify writes nothing; import stores the record and one audit entry with the hash.
    before = province.fixture("received()")
    checked = province.run("bundle", "verify", str(carried))
    assert "Gói hợp lệ / bundle valid" in checked.stdout and "Xã Minh Quang" in checked.stdout
    assert province.fixture("received()") == before
    imported = province.run("bundle", "import", str(carried))
    assert "Đã nhập / imported" in imported.stdout
    after = province.fixture("received()")
    assert after["receipts"] == before["receipts"] + 1
    assert after["imports"] == before["imports"] + 1
    (record,) = after["current"]
    assert record["unit"] == held["scope"] and record["sender"] == "Xã Minh Quang"
    assert sorted(record["elected"]) == sorted(elected)
    assert record["hash"] in imported.stdout

    # The same file again: nothing changes, and the command says so.
    again = province.run("bundle", "import", str(carried))
    assert "đã được nhập trước đó" in again.stdout and "already imported" in again.stdout
    assert province.fixture("received()") == after

    # The laptop sends the same results again later (a new bundle of the same scope, period
    # and kinds): it supersedes the first; both receipts are kept, one record is current.
    later = tmp_path / "dai-hoi-xa-minh-quang-2.zip"
    laptop.run(
        "bundle", "export", "--kinds", "congress_results", "--scope", held["scope"], *YEAR,
        "--out", str(later),
    )  # fmt: skip
    newer = province.run("bundle", "import", str(later))
    assert "thay thế gói / supersedes receipt" in newer.stdout, newer.stdout
    after = province.fixture("received()")
    assert after["receipts"] == before["receipts"] + 2 and after["records"] == 2
    (record,) = after["current"]
    assert record["hash"] in newer.stdout and sorted(record["elected"]) == sorted(elected)

    # A copy altered on the way (one elected name changed in the data): refused by name,
    # on verify and on import, and nothing is written.
    forged = tmp_path / "dai-hoi-xa-minh-quang-sua.zip"
    forged.write_bytes(tampered(carried.read_bytes(), "congress_results", elected[0], "Lò Văn Giả"))
    for verb in ("verify", "import"):
        refused = province.run("bundle", verb, str(forged), check=2)
        assert "bundle_file_hash_mismatch" in refused.stderr, refused.stderr
        assert "gói đã bị sửa" in refused.stderr and "data/congress_results.jsonl" in refused.stderr
    assert province.fixture("received()") == after
