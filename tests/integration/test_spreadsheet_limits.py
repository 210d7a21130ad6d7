"""Uploads and imports are bounded: hostile spreadsheets are refused quickly, in bounded memory,
with a message naming the limit; damaged files give a file or row problem, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from canbo.accounts.models import RoleGrant
from canbo.classification.models import StepRecord
from canbo.core.errors import ValidationError
from canbo.core.importing import PEOPLE_COLUMNS
from canbo.registry.io_files import open_source
from tests import xlsx_bombs as bombs
from tests.integration import classification_fixtures as fx

pytestmark = pytest.mark.django_db

HEADER = [c.name for c in PEOPLE_COLUMNS]
ROOT = Path(__file__).resolve().parents[2]


def problem(path: Path) -> Any:
    """The file problem reading ``path`` raises (header and every row read)."""
    with pytest.raises(ValidationError) as err, open_source(path) as source:
        source.header()
        for _ in source.rows():
            pass
    return err.value.fields["row_error"]


@pytest.fixture
def small_limits(settings: Any) -> None:
    settings.CANBO_IMPORT_MAX_ROWS = 1000
    settings.CANBO_IMPORT_MAX_COLUMNS = 20
    settings.CANBO_IMPORT_MAX_SHARED_STRINGS = 5000
    settings.CANBO_IMPORT_MAX_EXPANDED_BYTES = 8 << 20
    settings.CANBO_IMPORT_MAX_MEMBERS = 50


BOMBS = {
    "declared dimension A1:XFD1048576": (
        lambda p: bombs.huge_dimension(p, HEADER),
        "sheet_too_large",
    ),
    "a cell at XFD1048576": (lambda p: bombs.far_cell(p, HEADER), "sheet_too_large"),
    "a million empty styled cells in one row": (
        lambda p: bombs.wide_row(p, 1_000_000),
        "file_too_large",  # compresses far past the ratio limit
    ),
    "ten thousand cells in one row": (lambda p: bombs.wide_row(p, 10_000), "sheet_too_large"),
    "more rows than allowed": (lambda p: bombs.many_rows(p, 1001), "too_many_rows"),
    "more shared strings than allowed": (
        lambda p: bombs.many_strings(p, 5001),
        "sheet_too_large",
    ),
    "a part that expands a thousand times": (lambda p: bombs.high_ratio(p, 4), "file_too_large"),
    "more zip members than allowed": (lambda p: bombs.many_members(p, 60), "file_too_large"),
}


@pytest.mark.usefixtures("small_limits")
@pytest.mark.parametrize("case", BOMBS.values(), ids=BOMBS.keys())
def test_a_hostile_workbook_is_refused_before_openpyxl_reads_it(
    tmp_path: Path, case: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl opened a workbook over the limits")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    build, code = case
    path = build(tmp_path / "bomb.xlsx")
    assert path.stat().st_size < 300_000
    error = problem(path)
    assert error.code == code
    assert "giới hạn" in error.message_vi or "quá" in error.message_vi
    assert "limit" in error.message_en or "more than" in error.message_en


@pytest.mark.usefixtures("small_limits")
def test_a_workbook_within_the_limits_is_read_with_its_own_row_numbers(tmp_path: Path) -> None:
    rows = [["HG-1", "Nguyễn Văn An"], [], ["HG-3", "=1+1"]]
    path = bombs.table(tmp_path / "ok.xlsx", ["code", "full_name"], rows)
    with open_source(path) as source:
        assert list(source.header()) == ["code", "full_name"]
        assert [(n, list(c)) for n, c in source.rows()] == [
            (2, ["HG-1", "Nguyễn Văn An"]),
            (4, ["HG-3", "=1+1"]),
        ]


DAMAGED = {
    "truncated sheet XML": bombs.sheet_xml(bombs.inline_row(1, ["code"]))[:-40],
    "a shared string index out of range": bombs.sheet_xml(
        bombs.inline_row(1, ["code"]) + '<row r="2"><c r="A2" t="s"><v>99</v></c></row>'
    ),
    "a number that is not one": bombs.sheet_xml(
        bombs.inline_row(1, ["code"]) + '<row r="2"><c r="A2"><v>1e999999x</v></c></row>'
    ),
    "a bad cell reference": bombs.sheet_xml('<row r="1"><c r="1A"><v>1</v></c></row>'),
    # XML cannot carry a NUL, even as a character reference: the part does not parse.
    "a NUL in a cell": bombs.sheet_xml(bombs.inline_row(1, ["Hà&#0;Giang"])),
}


@pytest.mark.parametrize("sheet", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_sheet_gives_a_file_problem_not_a_traceback(tmp_path: Path, sheet: str) -> None:
    path = bombs.write(tmp_path / "damaged.xlsx", sheet)
    assert problem(path).code == "file_malformed"


def test_a_zip_member_longer_than_its_header_says_is_refused(tmp_path: Path) -> None:
    path = bombs.table(tmp_path / "lie.xlsx", ["code"], [["x" * 5000]])
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as book:
        info = book.getinfo("xl/worksheets/sheet1.xml")
    for at in (info.header_offset + 22, _central_entry(data, info.filename) + 24):
        data[at : at + 4] = (100).to_bytes(4, "little")  # declared uncompressed size: 100
    path.write_bytes(bytes(data))
    assert problem(path).code == "file_malformed"


def _central_entry(data: bytearray, name: str) -> int:
    """Offset of the member's central directory header (its name comes 46 bytes in)."""
    at = data.rindex(name.encode()) - 46
    assert data[at : at + 4] == b"PK\x01\x02"
    return at


def test_a_bad_byte_on_row_2002_is_reported_on_row_2002(tmp_path: Path) -> None:
    line = "HG-{:05d},Nguyễn Văn An,17/05/1980,Nam,Kinh,Hà Giang xã Lũng Cú huyện Đồng Văn\n"
    text = ",".join(HEADER[:6]) + "\n" + "".join(line.format(i) for i in range(2, 3001))
    data = text.encode("utf-8")
    row_2002 = data.index(b"HG-02002")
    path = tmp_path / "bad.csv"
    path.write_bytes(data[:row_2002] + b"HG-0\xe92002" + data[row_2002 + 8 :])
    assert row_2002 > 64 * 1024
    error = problem(path)
    assert (error.code, error.row) == ("file_encoding", 2002)
    assert "0xE9" in error.message_en


def test_a_csv_without_line_ends_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "one-line.csv"
    path.write_bytes(b"code," + b"x" * (2 << 20))
    assert problem(path).code == "file_malformed"


def test_a_csv_over_the_row_limit_is_refused(tmp_path: Path, settings: Any) -> None:
    settings.CANBO_IMPORT_MAX_ROWS = 100
    path = tmp_path / "long.csv"
    path.write_text("code\n" + "".join(f"HG-{i}\n" for i in range(200)), encoding="utf-8")
    assert problem(path).code == "too_many_rows"


# The web upload ------------------------------------------------------------------------------


def _secretary(c: fx.Commune) -> Client:
    user = get_user_model().objects.create_user("bi-thu-a", password="mat-khau-dai-1")
    RoleGrant.objects.create(
        user=user, role="cell_secretary", unit_id=c.cell_a, valid_from="2020-01-01"
    )
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("build", [
    lambda p: bombs.wide_row(p, 1_000_000),
    lambda p: bombs.far_cell(p, ["id", "name"]),
    lambda p: bombs.many_strings(p, 300_000),
], ids=["wide row", "far cell", "shared strings"])  # fmt: skip
def test_the_bulk_upload_page_refuses_a_bomb_with_a_message_and_stores_nothing(
    tmp_path: Path, build: Any
) -> None:
    c = fx.commune()
    cycle_id = fx.open_cycle(c)
    data = build(tmp_path / "diem.xlsx").read_bytes()
    response = _secretary(c).post(
        f"/danh-gia/{cycle_id}/don-vi/{c.cell_a}/nhap/",
        {"file": SimpleUploadedFile("diem.xlsx", data)},
        follow=True,
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tệp quá lớn" in page or "Trang tính quá lớn" in page
    assert not StepRecord.objects.exists()


def test_an_upload_over_the_size_limit_is_refused_before_it_is_copied(
    tmp_path: Path, settings: Any
) -> None:
    settings.CANBO_UPLOAD_MAX_FILE_BYTES = 10_000
    c = fx.commune()
    cycle_id = fx.open_cycle(c)
    upload = SimpleUploadedFile("diem.xlsx", b"PK" + b"\0" * 20_000)
    response = _secretary(c).post(
        f"/danh-gia/{cycle_id}/don-vi/{c.cell_a}/nhap/", {"file": upload}, follow=True
    )
    assert "Tệp quá lớn" in response.content.decode()


MEASURE = textwrap.dedent(
    """
    import json, os, resource, sys, time, tracemalloc
    os.environ["DJANGO_SETTINGS_MODULE"] = "canbo.settings.test"
    import django
    django.setup()
    from pathlib import Path
    from canbo import spreadsheets
    from canbo.classification import io
    from canbo.core.errors import ValidationError
    tracemalloc.start()
    started = time.monotonic()
    try:
        io.read_table(Path(sys.argv[1]), spreadsheets.limits("UPLOAD"))
        outcome = "read"
    except ValidationError as exc:
        outcome = exc.fields.get("reason", exc.code)
    peak = tracemalloc.get_traced_memory()[1]
    print(json.dumps({"outcome": outcome, "seconds": time.monotonic() - started,
                      "peak_mib": peak / 2**20,
                      "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    """
)


@pytest.mark.parametrize("build", [
    lambda p: bombs.wide_row(p, 1_000_000),
    lambda p: bombs.far_cell(p, ["id", "name"]),
    lambda p: bombs.many_strings(p, 100_000),
], ids=["wide row (21 KB; 2.8 GiB before)", "far cell (2 KB; MemoryError before)",
        "100,000 shared strings (within the limit)"])  # fmt: skip
def test_reading_an_upload_stays_in_bounded_memory_and_time(tmp_path: Path, build: Any) -> None:
    path = build(tmp_path / "bomb.xlsx")
    script = tmp_path / "measure.py"
    script.write_text(MEASURE)
    done = subprocess.run(
        [sys.executable, str(script), str(path)],
        capture_output=True, text=True, timeout=120, cwd=ROOT, check=True,
    )  # fmt: skip
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["peak_mib"] < 100, result
    assert result["seconds"] < 30, result
