"""``canbo import`` of a hostile spreadsheet: refused in seconds with exit 2 and the limit named.

Before the limits, a 2 KB workbook declaring a cell at XFD1048576 kept the command padding a
million rows of 16,384 cells (the review measured more than 300 s for a 2.6 MB file).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from canbo.core.importing import PEOPLE_COLUMNS
from tests import xlsx_bombs as bombs
from tests.e2e.test_import_cli import _cli_database, canbo, data_dir  # noqa: F401

pytestmark = pytest.mark.e2e

HEADER = [c.name for c in PEOPLE_COLUMNS]


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda p: bombs.far_cell(p, HEADER), "Trang tính quá lớn"),
        (lambda p: bombs.wide_row(p, 2_000_000), "Tệp quá lớn"),
        (lambda p: bombs.huge_dimension(p, HEADER), "Trang tính quá lớn"),
    ],
    ids=["cell at XFD1048576", "two million empty cells in a row", "declared A1:XFD1048576"],
)
def test_a_spreadsheet_bomb_is_refused_quickly_with_exit_two(
    data_dir: Path,  # noqa: F811
    tmp_path: Path,
    build: object,
    message: str,
) -> None:
    path = build(tmp_path / "people.xlsx")  # type: ignore[operator]
    started = time.monotonic()
    done = canbo(data_dir, "import", "people", str(path))
    assert done.returncode == 2, done.stderr
    assert time.monotonic() - started < 30
    assert f"file: {message}" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_csv_with_a_nul_byte_names_the_row_and_column(
    data_dir: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(
        (",".join(HEADER) + "\n").encode()
        + "DV9,Lê Văn Tám,17/05/1980,Nam,Kinh,Hà\x00Giang,,,,,CB1,02/03/2015\n".encode()
    )
    done = canbo(data_dir, "import", "people", str(path))
    assert done.returncode == 2
    assert "row 2, column hometown: Có ký tự điều khiển U+0000" in done.stderr
