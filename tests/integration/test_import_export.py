"""Imports are all or nothing: every bad input names its row and field and changes nothing."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from django.core.management import call_command

from canbo.audit.models import AuditEntry
from canbo.core.errors import ImportRejected
from canbo.core.importing import PEOPLE_COLUMNS, UNIT_COLUMNS
from canbo.core.types import Role
from canbo.registry import bulk, models
from canbo.registry.bulk import DjangoBulkImportUnitOfWork
from canbo.registry.io_files import open_source, write_table
from canbo.services.ports import SYSTEM, Actor, Grant
from canbo.services.registry import imports
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = f.TODAY
PEOPLE_HEADER = [c.name for c in PEOPLE_COLUMNS]
UNITS_HEADER = [c.name for c in UNIT_COLUMNS]


def code_of(unit_id: int) -> str:
    return models.OrgUnit.objects.get(pk=unit_id).code


def person_cells(code: str, cell: str, name: str = "Nguyễn Văn An", **over: str) -> list[str]:
    cells = dict(zip(PEOPLE_HEADER, [
        code, name, "17/05/1980", "Nam", "Kinh", "Hà Giang", "", "", "19/05/2010",
        "19/05/2011", cell, "02/03/2015",
    ], strict=True))  # fmt: skip
    cells.update(over)
    return list(cells.values())


def write_csv(
    path: Path, header: list[str], rows: list[list[str]], encoding: str = "utf-8"
) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def run(
    kind: str, path: Path, actor: Actor = SYSTEM, dry_run: bool = False
) -> imports.ImportResult:
    use_case = imports.import_people if kind == "people" else imports.import_units
    info = imports.FileInfo(path.name, "0" * 64)
    with open_source(path) as source:
        return use_case(
            DjangoBulkImportUnitOfWork(), actor, source, today=TODAY, file=info, dry_run=dry_run
        )


def state() -> tuple[int, int, int, int]:
    return (
        models.Person.objects.count(),
        models.Membership.objects.count(),
        models.OrgUnit.objects.count(),
        AuditEntry.objects.count(),
    )


def rejected(kind: str, path: Path, actor: Actor = SYSTEM) -> set[tuple[int, str, str]]:
    """Import expecting rejection; asserts nothing changed; (row, column, code) of problems."""
    before = state()
    with pytest.raises(ImportRejected) as err:
        run(kind, path, actor)
    assert state() == before
    assert all(e.message_vi and e.message_en for e in err.value.errors)
    return {(e.row, e.column, e.code) for e in err.value.errors}


@pytest.fixture
def tree() -> f.SmallTree:
    return f.small_tree()


def test_a_people_file_writes_people_with_their_cell_and_one_audit_entry(
    tree: f.SmallTree, tmp_path: Path
) -> None:
    cell = code_of(tree.cell_a)
    path = write_csv(tmp_path / "p.csv", PEOPLE_HEADER, [
        person_cells("DV1", cell, "  trần   thị BÍCH ngọc", sex="Nữ"),
        person_cells("DV2", cell, "Lê Văn Bình", birth_date="1979-01-02"),
    ])  # fmt: skip
    audit_before = AuditEntry.objects.count()
    result = run("people", path)
    assert (result.rows, result.written) == (2, 2)
    ngoc = models.Person.objects.get(code="DV1")
    assert (ngoc.full_name, ngoc.family_name, ngoc.middle_name, ngoc.given_name) == (
        "Trần Thị Bích Ngọc", "Trần", "Thị Bích", "Ngọc",
    )  # fmt: skip
    assert ngoc.sort_key == bulk.name_columns("Trần Thị Bích Ngọc")[3]
    member = models.Membership.objects.get(person=ngoc)
    assert (member.unit_id, member.valid_from) == (tree.cell_a, dt.date(2015, 3, 2))
    assert AuditEntry.objects.count() == audit_before + 1
    assert AuditEntry.objects.order_by("-seq").first().action == "import.people"


def test_a_dry_run_checks_everything_and_writes_nothing(tree: f.SmallTree, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", PEOPLE_HEADER, [person_cells("DV1", code_of(tree.cell_a))])
    before = state()
    assert run("people", path, dry_run=True).written == 0
    assert state() == before


def test_a_bad_row_after_written_chunks_rolls_everything_back(
    tree: f.SmallTree, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imports, "CHUNK", 2)
    cell = code_of(tree.cell_a)
    rows = [person_cells(f"DV{i}", cell) for i in range(9)]
    rows.append(person_cells("DV9", cell, birth_date="32/01/1980"))
    path = write_csv(tmp_path / "p.csv", PEOPLE_HEADER, rows)
    assert rejected("people", path) == {(11, "birth_date", "bad_date")}


def test_duplicate_codes_in_the_file_and_in_the_database_are_named(
    tree: f.SmallTree, tmp_path: Path
) -> None:
    cell = code_of(tree.cell_a)
    f.person("Phạm Văn Đồng", tree.cell_a, code="DV0")
    path = write_csv(tmp_path / "p.csv", PEOPLE_HEADER, [
        person_cells("DV0", cell), person_cells("DV1", cell), person_cells("DV1", cell),
    ])  # fmt: skip
    assert rejected("people", path) == {
        (2, "code", "duplicate_in_database"),
        (4, "code", "duplicate_in_file"),
    }


def test_dates_in_the_future_are_refused(tree: f.SmallTree, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", PEOPLE_HEADER, [
        person_cells("DV1", code_of(tree.cell_a), member_since="01/01/2027"),
    ])  # fmt: skip
    assert rejected("people", path) == {(2, "member_since", "date_in_future")}


def test_a_unit_outside_the_importers_scope_and_a_missing_unit_get_the_same_answer(
    tree: f.SmallTree, tmp_path: Path
) -> None:
    staff = Actor(None, "staff", (Grant(Role.ORG_STAFF, tree.tuyen_quang_old),))
    path = write_csv(tmp_path / "p.csv", PEOPLE_HEADER, [
        person_cells("DV1", code_of(tree.cell_a)), person_cells("DV2", "NO-SUCH-CELL"),
    ])  # fmt: skip
    before = state()
    with pytest.raises(ImportRejected) as err:
        run("people", path, staff)
    assert state() == before
    first, second = err.value.errors
    assert (first.row, first.column, first.code) == (2, "unit_code", "unit_out_of_scope")
    assert (second.row, second.code) == (3, "unit_out_of_scope")
    assert first.message_en.replace(first.value, "X") == second.message_en.replace(
        second.value, "X"
    )


def test_a_member_must_belong_to_a_cell_not_a_committee(tree: f.SmallTree, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", PEOPLE_HEADER, [
        person_cells("DV1", code_of(tree.commune)),
    ])  # fmt: skip
    assert rejected("people", path) == {(2, "unit_code", "unit_not_a_cell")}


def test_a_windows_1258_file_is_refused_with_the_encoding_named(
    tree: f.SmallTree, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "p.csv", PEOPLE_HEADER, [person_cells("DV1", code_of(tree.cell_a), "Lê An")],
        encoding="cp1258",
    )  # fmt: skip
    problems = rejected("people", path)
    assert [code for _, _, code in problems] == ["file_encoding"]
    assert next(iter(problems))[0] == 2


def test_utf8_with_bom_and_utf16_with_bom_are_both_read(tree: f.SmallTree, tmp_path: Path) -> None:
    cell = code_of(tree.cell_a)
    write_csv(tmp_path / "a.csv", PEOPLE_HEADER, [person_cells("DV1", cell)], "utf-8-sig")
    write_csv(tmp_path / "b.csv", PEOPLE_HEADER, [person_cells("DV2", cell, "Đỗ Mười")], "utf-16")
    run("people", tmp_path / "a.csv")
    run("people", tmp_path / "b.csv")
    assert models.Person.objects.get(code="DV2").full_name == "Đỗ Mười"


def test_malformed_files_are_refused_naming_the_row(tree: f.SmallTree, tmp_path: Path) -> None:
    cell = code_of(tree.cell_a)
    extra = write_csv(tmp_path / "x.csv", PEOPLE_HEADER, [[*person_cells("DV1", cell), "oops"]])
    assert rejected("people", extra) == {(2, "", "cell_count")}
    quote = tmp_path / "q.csv"
    quote.write_text(",".join(PEOPLE_HEADER) + '\nDV1,"Lê An"x,\n', encoding="utf-8")
    assert {code for _, _, code in rejected("people", quote)} == {"file_malformed"}
    fake = tmp_path / "f.xlsx"
    fake.write_bytes(b"this is not a workbook")
    assert {code for _, _, code in rejected("people", fake)} == {"file_malformed"}
    empty = tmp_path / "e.csv"
    empty.write_bytes(b"")
    assert rejected("people", empty) == {(0, "", "file_empty")}


def test_a_cycle_in_a_units_file_is_named_on_each_unit_of_the_loop(
    tree: f.SmallTree, tmp_path: Path
) -> None:
    parent = code_of(tree.commune)
    path = write_csv(tmp_path / "u.csv", UNITS_HEADER, [
        ["A", "Chi bộ A", "cell", "B", "", "", "01/01/2020", "", ""],
        ["B", "Chi bộ B", "cell", "A", "", "", "01/01/2020", "", ""],
        ["C", "Chi bộ C", "cell", parent, "", "", "01/01/2020", "", ""],
    ])  # fmt: skip
    assert rejected("units", path) == {
        (2, "parent_code", "tree_cycle"),
        (3, "parent_code", "tree_cycle"),
    }


def test_units_outside_scope_or_without_parent_are_refused_for_a_scoped_actor(
    tree: f.SmallTree, tmp_path: Path
) -> None:
    staff = Actor(None, "staff", (Grant(Role.ORG_STAFF, tree.ha_giang),))
    path = write_csv(tmp_path / "u.csv", UNITS_HEADER, [
        ["A", "Chi bộ A", "cell", code_of(tree.tuyen_quang_old), "", "", "01/01/2020", "", ""],
        ["B", "Đảng bộ B", "provincial_party_committee", "", "", "", "01/01/2020", "", ""],
        ["C", "Chi bộ C", "cell", code_of(tree.commune), "", "", "01/01/2020", "", ""],
    ])  # fmt: skip
    assert rejected("units", path, staff) == {
        (2, "parent_code", "unit_out_of_scope"),
        (3, "parent_code", "top_level_requires_admin"),
    }


def test_more_than_a_thousand_problems_are_counted_in_a_closing_line(
    tree: f.SmallTree, tmp_path: Path
) -> None:
    rows = [person_cells(f"DV{i}", "NOPE") for i in range(1200)]
    path = write_csv(tmp_path / "p.csv", PEOPLE_HEADER, rows)
    with pytest.raises(ImportRejected) as err:
        run("people", path)
    assert len(err.value.errors) == imports.MAX_REPORTED + 1
    assert err.value.errors[-1].code == "more_errors" and err.value.errors[-1].value == "200"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_export_imports_back_into_an_empty_registry_unchanged(
    tree: f.SmallTree, tmp_path: Path, suffix: str
) -> None:
    f.person("Nguyễn Thị Minh Khai", tree.cell_a, sex=f.Sex.FEMALE)
    f.person("Võ Nguyên Giáp", tree.cell_b, birth=dt.date(1951, 8, 25))
    as_of = dt.date(2025, 1, 1)
    units, people = tmp_path / f"u{suffix}", tmp_path / f"p{suffix}"
    write_table(units, UNITS_HEADER, bulk.export_units(as_of, None))
    write_table(people, PEOPLE_HEADER, bulk.export_people(as_of, None))
    first_units = list(bulk.export_units(as_of, None))
    first_people = list(bulk.export_people(as_of, None))
    call_command("flush", "--noinput", verbosity=0)
    assert run("units", units).written == len(first_units) == 6
    assert run("people", people).written == 2
    assert list(bulk.export_units(as_of, None)) == first_units
    assert list(bulk.export_people(as_of, None)) == first_people


def test_a_first_load_into_empty_tables_puts_back_every_index_and_foreign_key(
    tree: f.SmallTree, tmp_path: Path
) -> None:
    from django.db import connection

    def constraints() -> dict[str, set[str]]:
        with connection.cursor() as cur:
            return {
                table: set(connection.introspection.get_constraints(cur, table))
                for table in ("registry_person", "registry_membership")
            }

    before = constraints()
    assert models.Person.objects.count() == 0
    path = write_csv(tmp_path / "p.csv", PEOPLE_HEADER, [person_cells("DV1", code_of(tree.cell_a))])
    run("people", path)
    assert constraints() == before
    assert models.Person.objects.count() == 1
