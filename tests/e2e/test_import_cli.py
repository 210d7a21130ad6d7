"""``canbo import`` from the shell: exit 0 and a summary, or exit 2 and one line per problem."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

UNITS = """code,name,kind,parent_code,level_class,admin_code,valid_from,valid_to,legal_basis
TW,Ban Chấp hành Trung ương,central_committee,,central,,01/01/2010,,
TQ,Đảng bộ tỉnh Tuyên Quang,provincial_party_committee,TW,directly_under_central,08,01/01/2010,,
CB1,Chi bộ thôn Na Pô,cell,TQ,cell,,01/01/2010,,
"""
PEOPLE = """code,full_name,birth_date,sex,ethnicity,hometown,national_id,party_card_number,\
party_admission_date,official_membership_date,unit_code,member_since
DV1,nguyễn văn an,17/05/1980,Nam,Kinh,Hà Giang,,,19/05/2010,19/05/2011,CB1,02/03/2015
DV2,Trần Thị Bích Ngọc,1985-01-02,Nữ,Tày,,,,,,CB1,2016-01-01
"""


_ENV: dict[str, str] = {}


@pytest.fixture(scope="module", autouse=True)
def _cli_database(cli_env: dict[str, str]) -> Iterator[None]:
    # SQLite in the data folder, or a fresh PostgreSQL database in the PostgreSQL run.
    _ENV.update(cli_env)
    yield
    _ENV.clear()


def canbo(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "canbo.cli", "--data-dir", str(data_dir), *args]
    env = dict(_ENV)
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=False)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory, _cli_database: None) -> Path:
    path = tmp_path_factory.mktemp("canbo-data")
    assert canbo(path, "migrate", "-v0").returncode == 0
    units = path / "units.csv"
    units.write_text(UNITS, encoding="utf-8")
    assert canbo(path, "import", "units", str(units)).returncode == 0
    return path


def test_a_good_people_file_is_imported_and_exit_status_is_zero(
    data_dir: Path, tmp_path: Path
) -> None:
    people = tmp_path / "people.csv"
    people.write_text(PEOPLE, encoding="utf-8")
    done = canbo(data_dir, "import", "people", str(people))
    assert done.returncode == 0, done.stderr
    assert "2 dòng / rows, 2 ghi / written" in done.stdout
    exported = tmp_path / "out.csv"
    assert canbo(data_dir, "export", "people", str(exported)).returncode == 0
    assert "DV1,Nguyễn Văn An,17/05/1980,M" in exported.read_text(encoding="utf-8-sig")


def test_a_bad_file_exits_with_two_naming_each_row_and_column_in_both_languages(
    data_dir: Path, tmp_path: Path
) -> None:
    bad = PEOPLE.replace("DV1", "DV3").replace("DV2", "DV4").replace("1985-01-02", "30/02/1985")
    bad = bad.replace(",CB1,02/03/2015", ",NOWHERE,02/03/2015")
    people = tmp_path / "bad.csv"
    people.write_text(bad, encoding="utf-8")
    done = canbo(data_dir, "import", "people", str(people))
    assert done.returncode == 2
    assert "row 2, column unit_code: Không tìm thấy đơn vị 'NOWHERE'" in done.stderr
    assert "row 3, column birth_date: Ngày '30/02/1985' không hợp lệ" in done.stderr
    assert "/ '30/02/1985' is not a valid date" in done.stderr
    assert "DV3" not in canbo(data_dir, "export", "people", str(tmp_path / "o.csv")).stderr
    assert "DV3" not in (tmp_path / "o.csv").read_text(encoding="utf-8-sig")


def test_a_dry_run_of_a_good_file_writes_nothing(data_dir: Path, tmp_path: Path) -> None:
    people = tmp_path / "dry.csv"
    people.write_text(PEOPLE.replace("DV1", "DV5").replace("DV2", "DV6"), encoding="utf-8")
    assert canbo(data_dir, "import", "people", str(people), "--dry-run").returncode == 0
    canbo(data_dir, "export", "people", str(tmp_path / "o.csv"))
    assert "DV5" not in (tmp_path / "o.csv").read_text(encoding="utf-8-sig")


def test_a_file_that_is_not_csv_or_xlsx_is_refused_with_exit_two(
    data_dir: Path, tmp_path: Path
) -> None:
    odd = tmp_path / "people.ods"
    odd.write_bytes(b"PK")
    done = canbo(data_dir, "import", "people", str(odd))
    assert done.returncode == 2
    assert "file: Chỉ nhận tệp .csv hoặc .xlsx" in done.stderr
